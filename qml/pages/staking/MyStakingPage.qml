pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// My staking: the account's CTRN (unlocked and staked), REP, unclaimed
// rewards, and each position — agent, principal, value now, pending
// rewards, and its unbonding entry with the release time and a countdown
// (Withdraw once released; unbonding funds never vanish from view). Unstake,
// Withdraw and Claim go through the shared TxReview. A figure the node lied
// about is hidden and its action not offered (MyStakingModel decides).
Item {
    id: page

    signal navigate(string page)
    readonly property bool ready: mine.loaded

    MyStakingModel { id: mine; objectName: "myStakingModel" }
    StakeController { id: stake; objectName: "positionController" }

    function act(action: string, agent: string, name: string) {
        stake.flow.reset()
        stake.action = action
        stake.agent = agent
        stake.agentName = name
        stake.amount = ""
        if (action === "withdraw" || action === "claim")
            stake.review()
    }

    ScrollView {
        anchors.fill: parent
        contentWidth: availableWidth
        clip: true

        ColumnLayout {
            width: Math.min(parent.width - 2 * 40, 1100)
            x: 40
            spacing: 16

            Item { Layout.preferredHeight: 12 }
            PageHeader {
                Layout.fillWidth: true
                title: qsTr("My staking")
                subtitle: qsTr("Positions of %1").arg(mine.account)
            }
            Banner { objectName: "myStakingError"; Layout.fillWidth: true; kind: "error"; text: mine.error }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.padding
                // Three cards written out: a Repeater over [mine.unlocked, ...]
                // would rebuild them on every new head.
                Card {
                    Layout.fillWidth: true
                    Label { text: qsTr("Unlocked"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                    CheckedFigure { objectName: "unlockedFigure"; value: mine.unlocked; large: true }
                }
                Card {
                    Layout.fillWidth: true
                    Label { text: qsTr("Staked"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                    CheckedFigure { objectName: "lockedFigure"; value: mine.locked; large: true }
                }
                Card {
                    Layout.fillWidth: true
                    Label { text: qsTr("Reputation"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                    CheckedFigure { objectName: "repFigure"; value: mine.reputation; unit: "REP"; large: true }
                }
                Card {
                    Layout.fillWidth: true
                    Label { text: qsTr("Unclaimed rewards"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                    Label {
                        objectName: "pendingTotal"
                        text: mine.pendingTotal !== "" ? mine.pendingTotal + " CTRN" : qsTr("hidden")
                        color: Theme.text; font.pixelSize: Theme.fontTitle; font.weight: Font.DemiBold
                        // Rewards carry up to 18 decimals: shrink to the card, never overflow it.
                        Layout.fillWidth: true
                        fontSizeMode: Text.HorizontalFit
                        minimumPixelSize: Theme.fontSmall
                    }
                }
            }
            Label {
                text: qsTr("REP cannot be transferred: it is earned by settled marketplace work and validated contributions, and it gates the member governor, validation pools and ratings.")
                color: Theme.textFaint; font.pixelSize: Theme.fontSmall; wrapMode: Text.Wrap; Layout.fillWidth: true
            }

            Label { text: qsTr("Positions"); color: Theme.text; font.pixelSize: Theme.fontLarge; font.weight: Font.DemiBold }
            Label {
                visible: mine.loaded && mine.count === 0
                text: qsTr("No stake yet. Choose an agent on the Agents page to stake with.")
                color: Theme.textMuted
            }
            Repeater {
                model: mine
                delegate: Card {
                    id: position
                    required property int index
                    required property string agent
                    required property string agentName
                    required property string shortAgent
                    required property var principal
                    required property var bonded
                    required property var unbonding
                    required property var pending
                    required property bool hasUnbonding
                    required property string releaseAt
                    required property string remaining
                    required property bool released
                    required property bool canUnstake
                    required property bool canWithdraw
                    required property bool canClaim
                    objectName: "position_" + index
                    Layout.fillWidth: true
                    RowLayout {
                        Layout.fillWidth: true
                        ColumnLayout {
                            spacing: 2
                            Label { text: position.agentName; color: Theme.text; font.weight: Font.DemiBold; font.pixelSize: Theme.fontLarge }
                            Label { text: position.shortAgent; color: Theme.textMuted; font.family: Theme.monoFamily; font.pixelSize: Theme.fontSmall }
                        }
                        Item { Layout.fillWidth: true }
                        AppButton {
                            objectName: "unstake_" + position.index
                            text: qsTr("Unstake"); variant: "secondary"
                            enabled: position.canUnstake
                            onClicked: page.act("unstake", position.agent, position.agentName)
                        }
                        AppButton {
                            objectName: "claim_" + position.index
                            text: qsTr("Claim"); variant: "secondary"
                            enabled: position.canClaim
                            onClicked: page.act("claim", position.agent, position.agentName)
                        }
                        AppButton {
                            objectName: "withdraw_" + position.index
                            text: qsTr("Withdraw")
                            enabled: position.canWithdraw
                            onClicked: page.act("withdraw", position.agent, position.agentName)
                        }
                    }
                    GridLayout {
                        columns: 4
                        columnSpacing: 32
                        rowSpacing: 4
                        Label { text: qsTr("Principal"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                        Label { text: qsTr("Bonded now"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                        Label { text: qsTr("Unbonding"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                        Label { text: qsTr("Pending rewards"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                        CheckedFigure { objectName: "principal_" + position.index; value: position.principal }
                        CheckedFigure { objectName: "bonded_" + position.index; value: position.bonded }
                        CheckedFigure { objectName: "unbonding_" + position.index; value: position.unbonding }
                        CheckedFigure { objectName: "pending_" + position.index; value: position.pending }
                    }
                    Label {
                        objectName: "release_" + position.index
                        visible: position.hasUnbonding
                        text: position.released ? qsTr("Released on %1: withdraw it to unlock it.").arg(position.releaseAt)
                                                : qsTr("Free on %1 — in %2").arg(position.releaseAt).arg(position.remaining)
                        color: position.released ? Theme.success : Theme.warning
                    }
                }
            }

            // --- unstake amount, then the shared flow --------------------------
            Banner {
                objectName: "positionError"
                Layout.fillWidth: true
                kind: "error"
                text: stake.error !== "" ? stake.error : stake.flow.stage === "edit" ? stake.flow.error : ""
            }
            Card {
                objectName: "unstakeForm"
                Layout.fillWidth: true
                visible: stake.action === "unstake" && stake.agent !== "" && stake.flow.stage === "edit"
                Label {
                    text: qsTr("Unstake from %1").arg(stake.agentName)
                    color: Theme.text; font.pixelSize: Theme.fontLarge; font.weight: Font.DemiBold
                }
                AmountField {
                    id: unstakeAmount
                    objectName: "unstakeAmountField"
                    Layout.fillWidth: true
                    unit: "CTRN"
                    error: stake.amountError
                    onEdited: t => stake.amount = t
                    onMaxRequested: stake.useMax()
                    Connections {
                        target: stake
                        function onInputChanged() { if (unstakeAmount.text !== stake.amount) unstakeAmount.text = stake.amount }
                    }
                }
                Label {
                    text: qsTr("The stake unbonds for %1; then Withdraw unlocks it.").arg(mine.unbondingPeriod)
                    color: Theme.textFaint; font.pixelSize: Theme.fontSmall
                }
                RowLayout {
                    AppButton {
                        objectName: "unstakeReviewButton"
                        text: qsTr("Review")
                        iconName: "arrow-right"
                        busy: stake.flow.busy
                        enabled: !stake.flow.busy && stake.canReview
                        onClicked: stake.review()
                    }
                    AppButton { text: qsTr("Cancel"); variant: "secondary"; onClicked: { stake.agent = ""; stake.reset() } }
                }
            }
            TxReview {
                objectName: "txReview"
                Layout.fillWidth: true
                flow: stake.flow
                newActionText: qsTr("Done")
                onOpenHistory: page.navigate("history")
                onNewAction: { stake.agent = ""; stake.reset(); mine.refresh() }
            }
            Item { Layout.preferredHeight: 24 }
        }
    }
}
