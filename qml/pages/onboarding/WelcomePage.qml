pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// First run: create a new wallet or bring an existing one.
FlowFrame {
    id: page

    signal navigate(string page)

    title: qsTr("Welcome")
    subtitle: qsTr("A wallet for Computronium (CTRN) on any EVM network. Your keys stay on this computer, encrypted with your password.")
    showBack: AppContext.session.wallets.length > 0
    onBack: page.navigate("unlock")

    component Choice: AbstractButton {
        id: choice
        property string iconName
        property string description
        Layout.fillWidth: true
        hoverEnabled: true
        implicitHeight: row.implicitHeight + 32
        contentItem: RowLayout {
            id: row
            spacing: 16
            Rectangle {
                width: 44; height: 44; radius: 12
                color: Theme.accentSoft
                Icon { anchors.centerIn: parent; name: choice.iconName; color: Theme.accent; size: 20 }
            }
            ColumnLayout {
                spacing: 2
                Layout.fillWidth: true
                Label { text: choice.text; color: Theme.text; font.pixelSize: Theme.fontLarge; font.weight: Font.DemiBold }
                Label { text: choice.description; color: Theme.textMuted; wrapMode: Text.Wrap; Layout.fillWidth: true }
            }
            Icon { name: "arrow-right"; color: choice.hovered ? Theme.text : Theme.textFaint; size: 18 }
        }
        leftPadding: 16
        rightPadding: 16
        background: Rectangle {
            radius: Theme.radius + 2
            color: choice.hovered ? Theme.surfaceHover : Theme.surfaceRaised
            border.color: choice.hovered ? Theme.borderStrong : Theme.border
        }
    }

    Choice {
        objectName: "createChoice"
        text: qsTr("Create a new wallet")
        description: qsTr("A fresh recovery phrase, shown once for you to write down.")
        iconName: "plus"
        onClicked: page.navigate("create")
    }
    Choice {
        objectName: "importChoice"
        text: qsTr("Import a wallet")
        description: qsTr("Recovery phrase, private key, keystore file or a watch-only address.")
        iconName: "download"
        onClicked: page.navigate("import")
    }
}
