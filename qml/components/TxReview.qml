pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// The one review of a transaction, for every action (Send now; staking,
// governance, marketplace, models and revenue next). It shows a TxFlow's
// stages: review (summary, the decoded call with its named arguments, to,
// value, gas limit, max fee, the most it can cost, the simulation, notes),
// password, pending (hash, a way to History), then mined or failed with the
// decoded reason. Everything it shows is the flow's (core's) text; it only
// lays it out. Hidden while the flow is at "edit" (the page's own form).
// The root is an Item, not a layout (Qt 6.4 crashes destroying a layout root).
Item {
    id: review

    required property TxFlow flow
    // What the "new" button says after the outcome ("New transfer").
    property string newActionText: qsTr("New transaction")
    signal openHistory()
    signal newAction()

    readonly property string stage: review.flow.stage
    readonly property bool reviewing: stage === "review" || stage === "password"
    readonly property bool sent: stage === "pending" || stage === "mined" || stage === "failed"

    visible: stage !== "edit"
    implicitWidth: card.implicitWidth
    implicitHeight: card.implicitHeight

    Card {
        id: card
        anchors.left: parent.left
        anchors.right: parent.right

        // --- review and password -------------------------------------------
        Label {
            objectName: "txTitle"
            visible: review.reviewing
            text: review.stage === "password" ? qsTr("Sign with your password") : qsTr("Review")
            color: Theme.text; font.pixelSize: Theme.fontLarge; font.weight: Font.Bold
        }
        Label {
            objectName: "txSummary"
            visible: review.reviewing
            text: review.flow.summary
            color: Theme.text; font.pixelSize: Theme.fontLarge
            wrapMode: Text.WrapAtWordBoundaryOrAnywhere; Layout.fillWidth: true
        }
        GridLayout {
            visible: review.reviewing
            Layout.fillWidth: true
            columns: 2
            columnSpacing: 24
            rowSpacing: 6

            Label { Layout.row: 0; Layout.column: 0; text: qsTr("Call"); color: Theme.textMuted; visible: review.flow.functionName !== "" }
            Label {
                objectName: "txCall"
                Layout.row: 0; Layout.column: 1
                visible: review.flow.functionName !== ""
                text: (review.flow.contract !== "" ? review.flow.contract + "." : "") + review.flow.functionName
                color: Theme.text; font.family: Theme.monoFamily
                Layout.fillWidth: true; elide: Text.ElideRight
            }
            Repeater {
                model: review.reviewing ? review.flow.arguments : []
                delegate: Label {
                    required property var modelData
                    required property int index
                    Layout.row: 1 + index
                    Layout.column: 0
                    Layout.leftMargin: 12
                    text: modelData.name
                    color: Theme.textMuted
                }
            }
            Repeater {
                model: review.reviewing ? review.flow.arguments : []
                delegate: Label {
                    required property var modelData
                    required property int index
                    objectName: "txArgument_" + modelData.name
                    Layout.row: 1 + index
                    Layout.column: 1
                    Layout.fillWidth: true
                    text: modelData.display
                    color: Theme.text
                    wrapMode: Text.WrapAnywhere
                }
            }
            Label { Layout.row: 20; Layout.column: 0; text: qsTr("To"); color: Theme.textMuted }
            Label {
                objectName: "txTo"
                Layout.row: 20; Layout.column: 1; Layout.fillWidth: true
                text: review.flow.to
                color: Theme.text; font.family: Theme.monoFamily; wrapMode: Text.WrapAnywhere
            }
            Label { Layout.row: 21; Layout.column: 0; text: qsTr("Value"); color: Theme.textMuted }
            Label { objectName: "txValue"; Layout.row: 21; Layout.column: 1; text: review.flow.value; color: Theme.text }
            Label { Layout.row: 22; Layout.column: 0; text: qsTr("Gas limit"); color: Theme.textMuted }
            Label { objectName: "txGasLimit"; Layout.row: 22; Layout.column: 1; text: review.flow.gasLimit; color: Theme.text }
            Label { Layout.row: 23; Layout.column: 0; text: qsTr("Max fee"); color: Theme.textMuted }
            Label { objectName: "txMaxFee"; Layout.row: 23; Layout.column: 1; text: review.flow.maxFee; color: Theme.text }
            Label { Layout.row: 24; Layout.column: 0; text: qsTr("Max network cost"); color: Theme.textMuted }
            Label { objectName: "txMaxGasCost"; Layout.row: 24; Layout.column: 1; text: review.flow.maxGasCost; color: Theme.text }
            Label { Layout.row: 25; Layout.column: 0; text: qsTr("Total, at most"); color: Theme.textMuted; font.weight: Font.DemiBold }
            Label {
                objectName: "txMaxTotal"
                Layout.row: 25; Layout.column: 1; Layout.fillWidth: true
                text: review.flow.maxTotalCost
                color: Theme.text; font.weight: Font.Bold; wrapMode: Text.Wrap
            }
            Label { Layout.row: 26; Layout.column: 0; text: qsTr("Simulation"); color: Theme.textMuted }
            Label {
                objectName: "txSimulation"
                Layout.row: 26; Layout.column: 1; Layout.fillWidth: true
                text: review.flow.simulation
                color: review.flow.simulationOk ? Theme.success : Theme.danger
                wrapMode: Text.Wrap
            }
        }
        Repeater {
            model: review.reviewing ? review.flow.notes : []
            delegate: Banner {
                required property string modelData
                Layout.fillWidth: true
                kind: "info"
                text: modelData
            }
        }
        PasswordField {
            id: password
            objectName: "txPassword"
            visible: review.stage === "password"
            Layout.fillWidth: true
            placeholderText: qsTr("Wallet password")
            invalid: review.flow.error !== ""
            onAccepted: confirm.clicked()
            onVisibleChanged: if (visible) field.forceActiveFocus()
        }
        Banner { objectName: "txError"; Layout.fillWidth: true; kind: "error"; text: review.reviewing ? review.flow.error : "" }
        RowLayout {
            visible: review.reviewing
            spacing: Theme.spacing
            AppButton {
                objectName: "txBack"
                text: qsTr("Back"); variant: "secondary"; iconName: "arrow-left"
                enabled: !review.flow.busy
                onClicked: review.flow.back()
            }
            AppButton {
                objectName: "txContinue"
                visible: review.stage === "review"
                text: qsTr("Continue"); iconName: "arrow-right"
                // A transaction the simulation says reverts is not signed.
                enabled: review.flow.simulationOk
                onClicked: review.flow.proceed()
            }
            AppButton {
                id: confirm
                objectName: "txConfirm"
                visible: review.stage === "password"
                text: qsTr("Sign and send")
                busy: review.flow.busy
                enabled: !review.flow.busy && password.text !== ""
                onClicked: {
                    review.flow.submit(password.text)
                    password.text = ""
                }
            }
        }

        // --- after sending ---------------------------------------------------
        RowLayout {
            visible: review.sent
            spacing: Theme.spacing
            Layout.fillWidth: true
            BusyIndicator { running: review.stage === "pending"; visible: running; Layout.preferredWidth: 28; Layout.preferredHeight: 28 }
            Icon { visible: review.stage === "mined"; name: "check"; color: Theme.success; size: 22 }
            Icon { visible: review.stage === "failed"; name: "alert"; color: Theme.danger; size: 22 }
            Label {
                objectName: "txStatus"
                text: review.flow.status
                color: Theme.text; font.pixelSize: Theme.fontLarge
                wrapMode: Text.Wrap; Layout.fillWidth: true
            }
        }
        Label {
            objectName: "txHash"
            visible: review.sent
            text: review.flow.hash
            color: Theme.textMuted; font.family: Theme.monoFamily; font.pixelSize: Theme.fontSmall
            wrapMode: Text.WrapAnywhere; Layout.fillWidth: true
        }
        RowLayout {
            visible: review.sent
            spacing: Theme.spacing
            AppButton { objectName: "txNew"; text: review.newActionText; variant: "secondary"; onClicked: review.newAction() }
            AppButton { objectName: "txHistory"; text: qsTr("View in History"); variant: "ghost"; iconName: "clock"; onClicked: review.openHistory() }
        }
    }
}
