pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// Shown until the services are up: connecting to the node, or why not and
// a way forward (retry, another network).
FlowFrame {
    id: page

    signal navigate(string page)

    title: AppContext.connecting ? qsTr("Connecting…") : AppContext.connected ? qsTr("Loading wallets…") : qsTr("Cannot reach the node")
    subtitle: AppContext.connecting || AppContext.connected
              ? qsTr("%1 · %2").arg(AppContext.networkName).arg(AppContext.rpcUrl)
              : qsTr("The wallet needs a node for the %1 network at %2. Start it (scripts/devnet start) or pick another network.")
                    .arg(AppContext.networkName).arg(AppContext.rpcUrl)

    BusyIndicator {
        running: AppContext.connecting || AppContext.connected
        visible: running
        Layout.alignment: Qt.AlignHCenter
    }
    Banner {
        Layout.fillWidth: true
        text: AppContext.connectionError
    }
    FormField {
        Layout.fillWidth: true
        visible: !AppContext.connecting && !AppContext.connected
        label: qsTr("Network")
        AppComboBox {
            id: networkBox
            Layout.fillWidth: true
            model: AppContext.networks
            textRole: "name"
            valueRole: "name"
            Component.onCompleted: currentIndex = AppContext.networks.indexOf(AppContext.networkName)
        }
    }
    AppButton {
        visible: !AppContext.connecting && !AppContext.connected
        objectName: "retryButton"
        text: qsTr("Connect")
        iconName: "refresh"
        Layout.fillWidth: true
        onClicked: AppContext.connectTo(networkBox.currentValue ?? "")
    }
}
