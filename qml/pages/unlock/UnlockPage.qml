pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// The lock screen: at start and after the idle time. Decrypting the keys
// runs scrypt on the worker, so the button shows a busy state.
FlowFrame {
    id: page

    signal navigate(string page)
    readonly property bool ready: AppContext.session.walletsLoaded
    readonly property var session: AppContext.session

    title: qsTr("Welcome back")
    subtitle: qsTr("Enter the password of %1 to unlock it. It locks again after %n minute(s) without use.", "",
                   AppContext.preferences.lockTimeoutMinutes).arg("<b>" + session.currentWallet + "</b>")
    cardWidth: 460

    Rectangle {
        Layout.alignment: Qt.AlignHCenter
        width: 64; height: 64; radius: 32
        color: Theme.accentSoft
        Icon { anchors.centerIn: parent; name: "lock"; color: Theme.accent; size: 28 }
    }
    FormField {
        visible: page.session.wallets.length > 1
        Layout.fillWidth: true
        label: qsTr("Wallet")
        AppComboBox {
            Layout.fillWidth: true
            model: page.session.wallets.map(w => w.name)
            currentIndex: model.indexOf(page.session.currentWallet)
            onActivated: index => page.session.currentWallet = model[index]
        }
    }
    FormField {
        Layout.fillWidth: true
        label: qsTr("Password")
        PasswordField {
            id: password
            objectName: "unlockPassword"
            Layout.fillWidth: true
            invalid: page.session.error !== ""
            onAccepted: unlockButton.clicked()
            Component.onCompleted: field.forceActiveFocus()
        }
    }
    Banner { Layout.fillWidth: true; text: page.session.error }
    AppButton {
        id: unlockButton
        objectName: "unlockButton"
        Layout.fillWidth: true
        text: page.session.busy ? qsTr("Unlocking…") : qsTr("Unlock")
        iconName: "unlock"
        busy: page.session.busy
        enabled: password.text !== "" && !page.session.busy
        onClicked: {
            page.session.unlock(password.text)
            password.text = ""
        }
    }
    AppButton {
        Layout.fillWidth: true
        variant: "ghost"
        iconName: "plus"
        text: qsTr("Add or import another wallet")
        onClicked: page.navigate("welcome")
    }
}
