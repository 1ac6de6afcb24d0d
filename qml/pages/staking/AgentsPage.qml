pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// Agents: every registered agent — name, address (short, with copy),
// elected badge, total stake, commission, REP, my stake with it — sortable
// by any column, searchable by name or address, filtered to elected / not
// elected / mine. Agents whose names look alike are flagged (an impostor
// copies a name to collect stake). Stake opens the form under the table;
// its review, password and progress are the shared TxReview. Every figure
// and check is the view models' (core's); the page only shows them.
Item {
    id: page

    signal navigate(string page)
    readonly property bool ready: agents.loaded && mine.loaded

    AgentsModel { id: agents; objectName: "agentsModel" }
    MyStakingModel { id: mine }
    StakeController { id: stake; objectName: "stakeController"; action: "stake" }

    // The table's columns: [id, title, width share].
    readonly property var columns: [
        { id: "name", title: qsTr("Agent"), width: 3 },
        { id: "elected", title: qsTr("Elected"), width: 1.2 },
        { id: "stake", title: qsTr("Total stake"), width: 2.4 },
        { id: "commission", title: qsTr("Commission"), width: 1.3 },
        { id: "reputation", title: qsTr("REP"), width: 1.2 },
        { id: "mine", title: qsTr("My stake"), width: 1.8 },
        { id: "action", title: "", width: 1.4 },
    ]
    function columnWidth(i: int, total: real): real {
        let sum = 0
        for (let c of columns) sum += c.width
        return total * columns[i].width / sum
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
                title: qsTr("Agents")
                subtitle: qsTr("Stake CTRN with an agent for a share of its rewards. The top %1 by stake are elected.").arg(21)
            }
            Banner { objectName: "agentsError"; Layout.fillWidth: true; kind: "error"; text: agents.error }

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.padding
                AppTextField {
                    objectName: "agentSearch"
                    Layout.fillWidth: true
                    placeholderText: qsTr("Search by name or address")
                    onTextEdited: agents.search = text
                }
                SegmentedControl {
                    objectName: "agentFilter"
                    options: [{ value: "all", text: qsTr("All") }, { value: "elected", text: qsTr("Elected") },
                              { value: "notElected", text: qsTr("Not elected") }, { value: "mine", text: qsTr("Mine") }]
                    value: agents.filter
                    onActivated: v => agents.filter = v
                }
            }

            Card {
                Layout.fillWidth: true
                padding: Theme.padding
                spacing: 0

                // Column headers: a click sorts, again flips the direction.
                Row {
                    id: header
                    Layout.fillWidth: true
                    Repeater {
                        model: page.columns
                        delegate: Item {
                            id: head
                            required property var modelData
                            required property int index
                            width: page.columnWidth(index, header.width)
                            height: 32
                            Label {
                                objectName: "sort_" + head.modelData.id
                                anchors.verticalCenter: parent.verticalCenter
                                text: head.modelData.title + (agents.sortBy === head.modelData.id ? (agents.ascending ? " ▲" : " ▼") : "")
                                color: agents.sortBy === head.modelData.id ? Theme.text : Theme.textMuted
                                font.pixelSize: Theme.fontSmall
                                font.weight: Font.DemiBold
                            }
                            TapHandler {
                                enabled: head.modelData.id !== "action"
                                onTapped: agents.sortByColumn(head.modelData.id)
                            }
                        }
                    }
                }
                Rectangle { Layout.fillWidth: true; height: 1; color: Theme.border }

                ListView {
                    id: table
                    objectName: "agentsTable"
                    Layout.fillWidth: true
                    Layout.preferredHeight: contentHeight
                    interactive: false
                    model: agents
                    delegate: Rectangle {
                        id: row
                        required property int index
                        required property string address
                        required property string shortAddress
                        required property string name
                        required property bool elected
                        required property string commission
                        required property string reputation
                        required property var totalStake
                        required property string marginText
                        required property var myStake
                        required property bool lookAlike
                        required property string lookAlikeOf
                        objectName: "agentRow_" + index
                        width: table.width
                        height: 56
                        color: stake.agent === address ? Theme.accentSoft : index % 2 ? Theme.surfaceRaised : "transparent"
                        radius: 6

                        Row {
                            id: cells
                            anchors.fill: parent
                            Column {
                                width: page.columnWidth(0, cells.width)
                                anchors.verticalCenter: parent.verticalCenter
                                spacing: 2
                                Row {
                                    spacing: 6
                                    Label { text: row.name; color: Theme.text; font.weight: Font.DemiBold }
                                    Label {
                                        objectName: "lookAlike_" + row.index
                                        visible: row.lookAlike
                                        text: qsTr("⚠ look-alike")
                                        color: Theme.warning
                                        font.pixelSize: Theme.fontSmall
                                        HoverHandler { id: alikeHover }
                                        ToolTip.visible: alikeHover.hovered
                                        ToolTip.text: qsTr("The name looks like %1. Check the address before staking.").arg(row.lookAlikeOf)
                                    }
                                }
                                Row {
                                    spacing: 4
                                    Label { text: row.shortAddress; color: Theme.textMuted; font.family: Theme.monoFamily; font.pixelSize: Theme.fontSmall }
                                    Label {
                                        text: qsTr("copy")
                                        color: Theme.accent
                                        font.pixelSize: Theme.fontSmall
                                        TapHandler { onTapped: agents.copyAddress(row.address) }
                                    }
                                }
                            }
                            Item {
                                width: page.columnWidth(1, cells.width); height: parent.height
                                Rectangle {
                                    visible: row.elected
                                    anchors.verticalCenter: parent.verticalCenter
                                    width: electedLabel.implicitWidth + 12; height: 20; radius: 10
                                    color: Theme.successSoft
                                    Label { id: electedLabel; anchors.centerIn: parent; text: qsTr("elected"); color: Theme.success; font.pixelSize: Theme.fontSmall }
                                }
                            }
                            Item {
                                width: page.columnWidth(2, cells.width); height: parent.height
                                Column {
                                    anchors.verticalCenter: parent.verticalCenter
                                    width: parent.width - 8
                                    spacing: 2
                                    CheckedFigure { value: row.totalStake }
                                    Label {
                                        objectName: "margin_" + row.index
                                        width: parent.width
                                        elide: Text.ElideRight
                                        text: row.marginText
                                        visible: text !== ""
                                        color: Theme.textMuted; font.pixelSize: Theme.fontSmall
                                    }
                                }
                            }
                            Item {
                                width: page.columnWidth(3, cells.width); height: parent.height
                                Label { anchors.verticalCenter: parent.verticalCenter; text: row.commission; color: Theme.text }
                            }
                            Item {
                                width: page.columnWidth(4, cells.width); height: parent.height
                                Label { anchors.verticalCenter: parent.verticalCenter; text: row.reputation; color: Theme.text }
                            }
                            Item {
                                width: page.columnWidth(5, cells.width); height: parent.height
                                CheckedFigure { anchors.verticalCenter: parent.verticalCenter; value: row.myStake }
                            }
                            Item {
                                width: page.columnWidth(6, cells.width); height: parent.height
                                AppButton {
                                    objectName: "stakeWith_" + row.index
                                    anchors.verticalCenter: parent.verticalCenter
                                    anchors.right: parent.right
                                    text: qsTr("Stake")
                                    variant: "secondary"
                                    onClicked: {
                                        stake.flow.reset()
                                        stake.agent = row.address
                                        stake.agentName = row.name
                                    }
                                }
                            }
                        }
                    }
                }
                Label {
                    visible: agents.loaded && agents.count === 0
                    text: agents.total === 0 ? qsTr("No agents are registered.") : qsTr("No agent matches.")
                    color: Theme.textMuted
                    Layout.topMargin: Theme.padding
                }
            }

            // --- the stake form ------------------------------------------------
            Banner {
                objectName: "stakeError"
                Layout.fillWidth: true
                kind: "error"
                text: stake.error !== "" ? stake.error : stake.flow.stage === "edit" ? stake.flow.error : ""
            }
            Card {
                objectName: "stakeForm"
                Layout.fillWidth: true
                visible: stake.agent !== "" && stake.flow.stage === "edit"
                Label {
                    text: qsTr("Stake with %1").arg(stake.agentName)
                    color: Theme.text; font.pixelSize: Theme.fontLarge; font.weight: Font.DemiBold
                }
                Label { text: stake.agent; color: Theme.textMuted; font.family: Theme.monoFamily; font.pixelSize: Theme.fontSmall }
                Banner {
                    Layout.fillWidth: true
                    kind: "warning"
                    text: {
                        const a = agents.agent(stake.agent)
                        return a.lookAlike ? qsTr("This agent's name looks like %1. Make sure this is the address you mean.").arg(a.lookAlikeOf) : ""
                    }
                }
                Row {
                    spacing: 6
                    Label { text: qsTr("Unlocked:"); color: Theme.textMuted }
                    CheckedFigure { objectName: "stakeUnlocked"; value: mine.unlocked }
                }
                AmountField {
                    id: amountField
                    objectName: "stakeAmountField"
                    Layout.fillWidth: true
                    unit: "CTRN"
                    error: stake.amountError
                    onEdited: t => stake.amount = t
                    maxEnabled: mine.unlocked.state !== "mismatch"
                    onMaxRequested: stake.useMax()
                    Connections {
                        target: stake
                        function onInputChanged() { if (amountField.text !== stake.amount) amountField.text = stake.amount }
                    }
                }
                Label {
                    objectName: "stakeOutlook"
                    text: agents.outlook(stake.agent, stake.amount)
                    visible: text !== ""
                    color: Theme.text
                    wrapMode: Text.Wrap; Layout.fillWidth: true
                }
                Label {
                    text: qsTr("Staked CTRN stays in your account, locked. Unstaking takes %1 before it can be withdrawn.").arg(mine.unbondingPeriod)
                    color: Theme.textFaint; font.pixelSize: Theme.fontSmall
                    wrapMode: Text.Wrap; Layout.fillWidth: true
                }
                RowLayout {
                    spacing: Theme.spacing
                    AppButton {
                        objectName: "stakeReviewButton"
                        text: qsTr("Review")
                        iconName: "arrow-right"
                        busy: stake.flow.busy
                        enabled: !stake.flow.busy && stake.canReview
                        onClicked: stake.review()
                    }
                    AppButton {
                        text: qsTr("Cancel")
                        variant: "secondary"
                        onClicked: { stake.agent = ""; stake.reset() }
                    }
                }
            }
            TxReview {
                objectName: "txReview"
                Layout.fillWidth: true
                flow: stake.flow
                newActionText: qsTr("Stake again")
                onOpenHistory: page.navigate("history")
                onNewAction: { stake.reset(); agents.refresh(); mine.refresh() }
            }
            Item { Layout.preferredHeight: 24 }
        }
    }
}
