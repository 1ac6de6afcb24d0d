pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// Send ETH or CTRN: recipient (EIP-55 checked, address-book picker),
// amount with Max, fee preset or custom fee; then the shared transaction
// flow (TxReview: the decoded call and the most it can cost, the password,
// progress until the transaction is mined). The balance offered is the
// node's; beneath it the light client's verdict on it (as on the Accounts
// page), and after a mismatch a warning instead of the figure, with Max
// refused. Every check and every figure comes from SendController (core);
// the page only shows them.
Item {
    id: page

    signal navigate(string page)
    readonly property bool ready: send.feePresets.length > 0 && send.verification.state !== "" && send.verification.state !== "busy"

    SendController { id: send; objectName: "sendController" }
    AddressBookModel { id: contacts }
    Component.onCompleted: send.loadFees()

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: Math.min(parent.width - 2 * 40, Theme.contentMaxWidth)
            x: 40
            spacing: 20

            Item { Layout.preferredHeight: 12 }
            PageHeader {
                Layout.fillWidth: true
                title: qsTr("Send")
                subtitle: qsTr("From %1").arg(Accounts.currentAddress)
            }

            // The form's own errors, and a refused review (the flow's error at
            // "edit"); later stages show theirs in TxReview.
            Banner {
                objectName: "sendError"
                Layout.fillWidth: true
                kind: "error"
                text: send.error !== "" ? send.error : send.flow.stage === "edit" ? send.flow.error : ""
            }

            // --- edit -------------------------------------------------------
            Card {
                Layout.fillWidth: true
                visible: send.flow.stage === "edit"
                SegmentedControl {
                    objectName: "assetSelector"
                    options: [{ value: "ETH", text: "ETH" }, { value: "CTRN", text: "CTRN" }]
                    value: send.asset
                    onActivated: v => send.asset = v
                }
                Label {
                    objectName: "sendAvailable"
                    visible: send.maxAllowed
                    text: send.available
                    color: Theme.textMuted
                }
                Banner {
                    objectName: "sendMismatch"
                    Layout.fillWidth: true
                    kind: "error"
                    text: send.maxAllowed ? "" : send.available
                }
                VerificationNote {
                    objectName: "sendVerification"
                    Layout.fillWidth: true
                    verification: send.verification
                    showFigures: false
                }
                AddressField {
                    id: addressField
                    objectName: "recipientField"
                    Layout.fillWidth: true
                    contacts: contacts
                    error: send.recipientError
                    checksummed: send.recipientChecksummed
                    contactLabel: contacts.labelFor(send.recipient)
                    onEdited: t => send.recipient = t
                }
                AmountField {
                    id: amountField
                    objectName: "amountField"
                    Layout.fillWidth: true
                    unit: send.asset
                    error: send.amountError
                    onEdited: t => send.amount = t
                    maxEnabled: send.maxAllowed
                    onMaxRequested: send.useMax()
                    Connections {
                        target: send
                        function onInputChanged() { if (amountField.text !== send.amount) amountField.text = send.amount }
                    }
                }
                Label { text: qsTr("Fee"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall; font.weight: Font.DemiBold }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Repeater {
                        model: send.feePresets
                        delegate: Rectangle {
                            id: preset
                            required property var modelData
                            readonly property bool selected: send.feeLevel === modelData.level
                            objectName: "fee_" + modelData.level
                            Layout.fillWidth: true
                            implicitHeight: presetColumn.implicitHeight + 20
                            radius: Theme.radius
                            color: selected ? Theme.accentSoft : Theme.surfaceRaised
                            border.color: selected ? Theme.accent : Theme.border
                            TapHandler { onTapped: send.feeLevel = preset.modelData.level }
                            ColumnLayout {
                                id: presetColumn
                                anchors.fill: parent
                                anchors.margins: 10
                                spacing: 2
                                Label {
                                    text: preset.modelData.level === "slow" ? qsTr("Slow") : preset.modelData.level === "fast" ? qsTr("Fast") : qsTr("Normal")
                                    color: Theme.text; font.weight: Font.DemiBold
                                }
                                Label { text: qsTr("max %1 gwei").arg(preset.modelData.maxFee); color: Theme.textMuted; font.pixelSize: Theme.fontSmall; elide: Text.ElideRight; Layout.fillWidth: true }
                                Label { text: qsTr("tip %1 gwei").arg(preset.modelData.priorityFee); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                                Label {
                                    text: qsTr("≤ %1 ETH per transfer").arg(preset.modelData.transferCost)
                                    color: Theme.textFaint; font.pixelSize: Theme.fontSmall
                                    wrapMode: Text.WrapAtWordBoundaryOrAnywhere; Layout.fillWidth: true
                                }
                            }
                        }
                    }
                    AppButton {
                        objectName: "fee_custom"
                        text: qsTr("Custom")
                        variant: send.feeLevel === "custom" ? "primary" : "secondary"
                        onClicked: send.feeLevel = "custom"
                    }
                }
                Label {
                    visible: send.baseFee !== ""
                    text: qsTr("Base fee of the next block: %1 gwei").arg(send.baseFee)
                    color: Theme.textFaint; font.pixelSize: Theme.fontSmall
                }
                RowLayout {
                    visible: send.feeLevel === "custom"
                    Layout.fillWidth: true
                    spacing: Theme.padding
                    FormField {
                        label: qsTr("Max fee (gwei)")
                        Layout.fillWidth: true
                        AppTextField { objectName: "customMaxFee"; Layout.fillWidth: true; text: send.customMaxFee; onTextEdited: send.customMaxFee = text }
                    }
                    FormField {
                        label: qsTr("Priority fee (gwei)")
                        Layout.fillWidth: true
                        AppTextField { objectName: "customPriorityFee"; Layout.fillWidth: true; text: send.customPriorityFee; onTextEdited: send.customPriorityFee = text }
                    }
                }
                Banner { Layout.fillWidth: true; kind: "warning"; text: send.feeError }
                AppButton {
                    objectName: "reviewButton"
                    text: qsTr("Review")
                    iconName: "arrow-right"
                    busy: send.flow.busy
                    enabled: !send.flow.busy && send.canReview
                    onClicked: send.review()
                }
            }

            // --- review, password, pending, outcome: the shared flow ----------
            TxReview {
                objectName: "txReview"
                Layout.fillWidth: true
                flow: send.flow
                newActionText: qsTr("New transfer")
                onOpenHistory: page.navigate("history")
                onNewAction: send.reset()
            }
            Item { Layout.preferredHeight: 24 }
        }
    }
}
