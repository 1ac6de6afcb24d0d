pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// Create a wallet in three steps: name and password; the recovery phrase,
// shown once; typing back three words chosen at random.
FlowFrame {
    id: page

    signal navigate(string page)
    signal finished()

    property int step: 0  // 0 form, 1 phrase, 2 confirm
    readonly property alias controller: controller
    readonly property bool ready: true

    title: [qsTr("Create a wallet"), qsTr("Your recovery phrase"), qsTr("Confirm your phrase")][step]
    subtitle: [qsTr("The password encrypts this wallet on this computer. You will need it to unlock and to send."),
               qsTr("Write these words down in order and keep them offline. Anyone with them controls the wallet; they are shown only now."),
               qsTr("Type the words at these positions to show you saved the phrase.")][step]
    showBack: step !== 1
    onBack: step === 0 ? page.navigate("welcome") : (step = 1)

    OnboardingController {
        id: controller
        onFinished: page.step = 1
    }

    // Step 0: name and password.
    ColumnLayout {
        visible: page.step === 0
        spacing: 16
        Layout.fillWidth: true

        FormField {
            Layout.fillWidth: true
            label: qsTr("Wallet name")
            error: nameField.text !== "" ? controller.checkName(nameField.text) : ""
            AppTextField { id: nameField; objectName: "nameField"; Layout.fillWidth: true; text: "main"; placeholderText: qsTr("e.g. main") }
        }
        FormField {
            Layout.fillWidth: true
            label: qsTr("Password")
            hint: qsTr("Long beats clever: four random words or 12+ mixed characters.")
            PasswordField { id: password; objectName: "passwordField"; Layout.fillWidth: true; showStrength: true; placeholderText: qsTr("At least a strong password") }
        }
        FormField {
            Layout.fillWidth: true
            label: qsTr("Repeat password")
            error: repeat.text !== "" && repeat.text !== password.text ? qsTr("The passwords differ.") : ""
            PasswordField { id: repeat; objectName: "repeatField"; Layout.fillWidth: true; invalid: repeat.text !== "" && repeat.text !== password.text }
        }
        FormField {
            Layout.fillWidth: true
            label: qsTr("Recovery phrase length")
            SegmentedControl {
                id: length
                Layout.fillWidth: true
                value: "12"
                options: [{ value: "12", text: qsTr("12 words") }, { value: "24", text: qsTr("24 words") }]
                onActivated: v => value = v
            }
        }
        Banner { Layout.fillWidth: true; text: controller.error }
        AppButton {
            objectName: "createButton"
            Layout.fillWidth: true
            text: controller.busy ? qsTr("Encrypting…") : qsTr("Create wallet")
            busy: controller.busy
            enabled: !controller.busy && controller.checkName(nameField.text) === "" && password.acceptable
                     && repeat.text === password.text
            onClicked: controller.createWallet(nameField.text, password.text, Number(length.value))
        }
    }

    // Step 1: the phrase.
    ColumnLayout {
        visible: page.step === 1
        spacing: 16
        Layout.fillWidth: true

        GridLayout {
            Layout.fillWidth: true
            columns: 3
            columnSpacing: 10
            rowSpacing: 10
            Repeater {
                model: controller.mnemonicWords
                Rectangle {
                    id: wordCell
                    required property int index
                    required property string modelData
                    Layout.fillWidth: true
                    implicitHeight: 40
                    radius: Theme.radius
                    color: Theme.surfaceRaised
                    border.color: Theme.border
                    RowLayout {
                        anchors.fill: parent
                        anchors.leftMargin: 12
                        spacing: 8
                        Label { text: wordCell.index + 1; color: Theme.textFaint; font.pixelSize: Theme.fontSmall; Layout.preferredWidth: 18 }
                        Label {
                            objectName: "word" + wordCell.index
                            text: wordCell.modelData
                            color: Theme.text
                            font.family: Theme.monoFamily
                            font.pixelSize: Theme.fontBody
                            Layout.fillWidth: true
                        }
                    }
                }
            }
        }
        Banner { Layout.fillWidth: true; kind: "warning"; text: qsTr("Never type these words into a website or share them. Support will never ask for them.") }
        AppCheckBox {
            id: saved
            objectName: "savedCheck"
            text: qsTr("I have written the words down")
        }
        AppButton {
            objectName: "continueButton"
            Layout.fillWidth: true
            text: qsTr("Continue")
            enabled: saved.checked
            onClicked: page.step = 2
        }
    }

    // Step 2: confirm chosen words.
    ColumnLayout {
        visible: page.step === 2
        spacing: 16
        Layout.fillWidth: true

        Repeater {
            id: answers
            model: controller.confirmIndices
            FormField {
                required property int modelData
                property alias answer: answerField.text
                Layout.fillWidth: true
                label: qsTr("Word #%1").arg(modelData + 1)
                AppTextField { id: answerField; objectName: "answer" + modelData; Layout.fillWidth: true; monospace: true }
            }
        }
        Banner { id: mismatch; objectName: "mismatchBanner"; Layout.fillWidth: true; text: "" }
        AppButton {
            objectName: "confirmButton"
            Layout.fillWidth: true
            text: qsTr("Confirm and open wallet")
            iconName: "check"
            onClicked: {
                const typed = []
                for (let i = 0; i < answers.count; ++i)
                    typed.push(answers.itemAt(i).answer)
                if (!controller.checkConfirmation(typed)) {
                    mismatch.text = qsTr("Those words do not match the phrase. Check your copy.")
                    return
                }
                controller.forgetMnemonic()
                AppContext.session.openAfterOnboarding(controller.walletName, password.text)
                password.text = ""
                repeat.text = ""
                page.finished()
            }
        }
    }
}
