pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Dialogs
import QtQuick.Layouts
import Computronium

// Import a wallet: recovery phrase, private key, keystore v3 file or a
// watch-only address. Everything but watch-only is encrypted under the new
// password (scrypt, on the worker).
FlowFrame {
    id: page

    signal navigate(string page)
    signal finished()

    property string kind: "mnemonic"
    readonly property bool ready: true
    readonly property bool needsPassword: kind !== "watch"
    // Whether enough was typed to try is the view model's call, not QML's.
    readonly property bool secretGiven: controller.secretGiven(kind, kind === "mnemonic" ? phrase.text
                                                                   : kind === "key" ? keyField.text
                                                                   : kind === "keystore" ? keystorePath.text
                                                                   : addressField.text)

    title: qsTr("Import a wallet")
    subtitle: qsTr("Bring a wallet you already have. Its secret is encrypted on this computer with the password you set here.")
    showBack: true
    cardWidth: 560
    onBack: page.navigate("welcome")

    OnboardingController {
        id: controller
        onFinished: name => {
            AppContext.session.openAfterOnboarding(name, page.needsPassword ? password.text : "")
            password.text = ""
            repeat.text = ""
            page.finished()
        }
    }

    SegmentedControl {
        objectName: "importKind"
        Layout.fillWidth: true
        value: page.kind
        options: [{ value: "mnemonic", text: qsTr("Phrase") }, { value: "key", text: qsTr("Private key") },
                  { value: "keystore", text: qsTr("Keystore") }, { value: "watch", text: qsTr("Watch-only") }]
        onActivated: v => page.kind = v
    }
    FormField {
        Layout.fillWidth: true
        label: qsTr("Wallet name")
        error: nameField.text !== "" ? controller.checkName(nameField.text) : ""
        AppTextField { id: nameField; Layout.fillWidth: true; text: "imported" }
    }
    FormField {
        visible: page.kind === "mnemonic"
        Layout.fillWidth: true
        label: qsTr("Recovery phrase")
        hint: qsTr("12 to 24 words separated by spaces.")
        TextArea {
            id: phrase
            Layout.fillWidth: true
            Layout.preferredHeight: 96
            wrapMode: TextEdit.Wrap
            color: Theme.text
            font.family: Theme.monoFamily
            font.pixelSize: Theme.fontBody
            placeholderText: qsTr("word1 word2 word3 …")
            placeholderTextColor: Theme.textFaint
            padding: 12
            background: Rectangle {
                radius: Theme.radius
                color: Theme.surfaceRaised
                border.color: phrase.activeFocus ? Theme.accent : Theme.border
            }
        }
    }
    FormField {
        visible: page.kind === "mnemonic"
        Layout.fillWidth: true
        label: qsTr("Accounts to derive")
        SegmentedControl {
            id: accounts
            Layout.fillWidth: true
            value: "1"
            options: ["1", "3", "5", "10"].map(n => ({ value: n, text: n }))
            onActivated: v => value = v
        }
    }
    FormField {
        visible: page.kind === "key"
        Layout.fillWidth: true
        label: qsTr("Private key")
        hint: qsTr("64 hex digits, 0x optional.")
        PasswordField { id: keyField; Layout.fillWidth: true; placeholderText: "0x…" }
    }
    FormField {
        visible: page.kind === "keystore"
        Layout.fillWidth: true
        label: qsTr("Keystore file (JSON, version 3)")
        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            AppTextField { id: keystorePath; Layout.fillWidth: true; placeholderText: qsTr("/path/to/UTC--…json") }
            AppButton { variant: "secondary"; iconName: "file"; text: qsTr("Browse…"); onClicked: fileDialog.open() }
        }
    }
    FormField {
        visible: page.kind === "keystore"
        Layout.fillWidth: true
        label: qsTr("Keystore file password")
        PasswordField { id: filePassword; Layout.fillWidth: true }
    }
    FormField {
        visible: page.kind === "watch"
        Layout.fillWidth: true
        label: qsTr("Address")
        hint: qsTr("Balances and history only; a watch-only wallet cannot sign.")
        AppTextField { id: addressField; Layout.fillWidth: true; monospace: true; placeholderText: "0x…" }
    }
    FormField {
        visible: page.needsPassword
        Layout.fillWidth: true
        label: qsTr("New password")
        PasswordField { id: password; Layout.fillWidth: true; showStrength: true }
    }
    FormField {
        visible: page.needsPassword
        Layout.fillWidth: true
        label: qsTr("Repeat password")
        error: repeat.text !== "" && repeat.text !== password.text ? qsTr("The passwords differ.") : ""
        PasswordField { id: repeat; Layout.fillWidth: true; invalid: repeat.text !== "" && repeat.text !== password.text }
    }
    Banner { Layout.fillWidth: true; text: controller.error }
    AppButton {
        objectName: "importButton"
        Layout.fillWidth: true
        text: controller.busy ? qsTr("Encrypting…") : qsTr("Import wallet")
        busy: controller.busy
        enabled: !controller.busy && controller.checkName(nameField.text) === "" && page.secretGiven
                 && (!page.needsPassword || (password.acceptable && repeat.text === password.text))
        onClicked: {
            if (page.kind === "mnemonic")
                controller.importMnemonic(nameField.text, phrase.text, password.text, Number(accounts.value))
            else if (page.kind === "key")
                controller.importPrivateKey(nameField.text, keyField.text, password.text)
            else if (page.kind === "keystore")
                controller.importKeystore(nameField.text, "file://" + keystorePath.text, filePassword.text, password.text)
            else
                controller.importWatch(nameField.text, addressField.text)
        }
    }

    FileDialog {
        id: fileDialog
        title: qsTr("Choose a keystore file")
        nameFilters: [qsTr("Keystore files (*.json UTC--*)"), qsTr("All files (*)")]
        onAccepted: keystorePath.text = decodeURIComponent(selectedFile.toString().replace(/^file:\/\//, ""))
    }
}
