pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtCharts
import QtQuick.Dialogs
import Computronium

// Revenue: the pool (this epoch's funds and its end, Finalize when due; the
// totals; the four categories' shares as a chart with how each is weighed;
// revenue per finalized epoch as a chart) and my share of every epoch and
// category still claimable — recomputed from proven inputs beside the
// node's figure, a difference flagged — with Claim all in one transaction
// and Check in, all through the shared TxReview. RevenueModel decides what
// is shown and offered; core refuses with its own sentence.
Item {
    id: page

    signal navigate(string page)
    readonly property bool ready: revenue.loaded

    RevenueModel { id: revenue; objectName: "revenueModel" }
    RevenueController { id: actions; objectName: "revenueController" }

    readonly property var sliceColors: [Theme.accent, Theme.success, Theme.warning, "#4aa8ff"]
    property string message

    Connections {
        target: revenue
        function onRequestDone(requestId: var, ok: bool, text: string) { if (text !== "") page.message = text }
    }

    FileDialog {
        id: exportDialog
        fileMode: FileDialog.SaveFile
        defaultSuffix: "csv"
        nameFilters: [qsTr("CSV files (*.csv)")]
        onAccepted: revenue.exportClaimsCsv(selectedFile)
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
                title: qsTr("Revenue")
                subtitle: qsTr("Protocol revenue shared per epoch among four categories — the share of %1").arg(revenue.account)
            }
            Banner { objectName: "revenueError"; Layout.fillWidth: true; kind: "error"; text: revenue.error }

            // --- the pool ------------------------------------------------------
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.padding
                Card {
                    objectName: "epochCard"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 1
                    Label { text: qsTr("Epoch %1").arg(revenue.epoch); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                    Label {
                        objectName: "epochRemaining"
                        text: revenue.finalizeDue ? qsTr("ended") : revenue.epochRemaining
                        color: revenue.finalizeDue ? Theme.warning : Theme.text
                        font.pixelSize: Theme.fontTitle; font.weight: Font.DemiBold
                    }
                    Label { text: qsTr("ends %1").arg(revenue.epochEnd); color: Theme.textFaint; font.pixelSize: Theme.fontSmall }
                    AppButton {
                        objectName: "finalizeButton"
                        visible: revenue.finalizeDue
                        text: qsTr("Finalize epoch %1").arg(revenue.epoch)
                        variant: "secondary"
                        enabled: !actions.flow.busy
                        onClicked: actions.finalize()
                    }
                }
                Card {
                    id: poolCard
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 1
                    Label { text: qsTr("This epoch's pool"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                    CheckedFigure { objectName: "openFunds"; value: revenue.openFunds; decimals: 2; large: true; fitWidth: poolCard.width - 2 * poolCard.padding }
                    Label { text: qsTr("after the burn, with what earlier epochs rolled over"); color: Theme.textFaint; font.pixelSize: Theme.fontSmall; wrapMode: Text.Wrap; Layout.fillWidth: true }
                }
                Card {
                    id: receivedCard
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 1
                    Label { text: qsTr("Received in total"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                    CheckedFigure { objectName: "totalReceived"; value: revenue.totalReceived; decimals: 2; large: true; fitWidth: receivedCard.width - 2 * receivedCard.padding }
                    ColumnLayout {
                        spacing: 0
                        Label { id: burnedLabel; text: qsTr("burned (%1)").arg(revenue.burnShare); color: Theme.textFaint; font.pixelSize: Theme.fontSmall }
                        CheckedFigure { objectName: "totalBurned"; value: revenue.totalBurned; decimals: 2; fitWidth: receivedCard.width - 2 * receivedCard.padding }
                    }
                }
                Card {
                    id: claimedCard
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 1
                    Label { text: qsTr("Claimed in total"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                    CheckedFigure { objectName: "totalClaimed"; value: revenue.totalClaimed; decimals: 2; large: true; fitWidth: claimedCard.width - 2 * claimedCard.padding }
                    ColumnLayout {
                        spacing: 0
                        Label { id: rolledLabel; text: qsTr("rolled over"); color: Theme.textFaint; font.pixelSize: Theme.fontSmall }
                        CheckedFigure { value: revenue.totalRolledOver; decimals: 2; fitWidth: claimedCard.width - 2 * claimedCard.padding }
                    }
                }
            }

            // --- my share ------------------------------------------------------
            Card {
                objectName: "myShareCard"
                Layout.fillWidth: true
                RowLayout {
                    Layout.fillWidth: true
                    ColumnLayout {
                        spacing: 2
                        Label { text: qsTr("Claimable now"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                        CheckedFigure { objectName: "totalClaimable"; value: revenue.totalClaimable; large: true; fitWidth: 420 }
                    }
                    Item { Layout.fillWidth: true }
                    AppButton {
                        objectName: "checkInButton"
                        visible: revenue.checkInGain !== ""
                        text: qsTr("Check in to Community")
                        variant: "secondary"
                        enabled: !actions.flow.busy
                        onClicked: actions.checkIn("community")
                    }
                    AppButton {
                        objectName: "claimAllButton"
                        text: qsTr("Claim all")
                        iconName: "download"
                        enabled: revenue.canClaimAll && !actions.flow.busy
                        onClicked: actions.claimAll()
                    }
                }
                Label {
                    objectName: "claimBlocked"
                    visible: text !== ""
                    text: revenue.claimBlocked !== "" ? revenue.claimBlocked.charAt(0).toUpperCase() + revenue.claimBlocked.slice(1) + "." : ""
                    color: Theme.textMuted; wrapMode: Text.Wrap; Layout.fillWidth: true
                }
                Label {
                    visible: revenue.checkInGain !== ""
                    text: qsTr("Checking in now would add %1 CTRN of stake to your weight in this epoch's community share.").arg(revenue.checkInGain)
                    color: Theme.textMuted; wrapMode: Text.Wrap; Layout.fillWidth: true
                }
                Banner {
                    objectName: "disagreements"
                    Layout.fillWidth: true
                    kind: "warning"
                    text: revenue.disagreements > 0
                          ? qsTr("%n share(s) recomputed here differ from what the node says is claimable. The contract decides what a claim pays; the node may be lying about the inputs.", "", revenue.disagreements)
                          : ""
                }
                Label {
                    text: qsTr("Each share is recomputed on this computer from proven inputs — the epoch's funds and shares, the category's totals, your recorded stake and activity, and how long your stake stayed locked — by the distributor's own formula, and compared with the node's figure.")
                    color: Theme.textFaint; font.pixelSize: Theme.fontSmall; wrapMode: Text.Wrap; Layout.fillWidth: true
                }
            }

            Banner {
                objectName: "actionError"
                Layout.fillWidth: true
                kind: "error"
                text: actions.error !== "" ? actions.error : actions.flow.stage === "edit" ? actions.flow.error : ""
            }
            TxReview {
                objectName: "txReview"
                Layout.fillWidth: true
                flow: actions.flow
                newActionText: qsTr("Done")
                onOpenHistory: page.navigate("history")
                onNewAction: { actions.reset(); revenue.refresh() }
            }
            Repeater {
                model: revenue
                delegate: Rectangle {
                    id: share
                    required property int index
                    required property string epoch
                    required property string category
                    required property string categoryTitle
                    required property var recomputed
                    required property var entitled
                    required property string nodeFigure
                    required property bool agrees
                    required property string weights
                    required property bool claimed
                    required property bool open
                    required property string closes
                    required property bool closesNext
                    required property string why
                    objectName: "share_" + epoch + "_" + category
                    Layout.fillWidth: true
                    implicitHeight: shareRow.implicitHeight + 20
                    radius: Theme.radius
                    color: share.closesNext ? Theme.warningSoft : Theme.surface
                    border.color: share.agrees ? Theme.border : Theme.warning
                    ColumnLayout {
                        id: shareRow
                        anchors { left: parent.left; right: parent.right; verticalCenter: parent.verticalCenter; leftMargin: 16; rightMargin: 16 }
                        spacing: 4
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: 16
                            Label {
                                text: qsTr("Epoch %1 · %2").arg(share.epoch).arg(share.categoryTitle)
                                color: Theme.text; font.weight: Font.DemiBold
                                Layout.fillWidth: true
                            }
                            Label { text: share.open ? qsTr("so far") : share.claimed ? qsTr("paid") : qsTr("claimable, recomputed"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                            CheckedFigure { objectName: share.objectName + "_figure"; value: share.open || share.claimed ? share.entitled : share.recomputed }
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: 16
                            Label {
                                text: share.open ? qsTr("open") : share.claimed ? qsTr("claimed") : share.closes
                                color: share.closesNext ? Theme.warning : Theme.textFaint; font.pixelSize: Theme.fontSmall
                            }
                            Label {
                                text: share.weights
                                color: Theme.textMuted; font.pixelSize: Theme.fontSmall
                                elide: Text.ElideRight; Layout.fillWidth: true
                            }
                            Label {
                                objectName: share.objectName + "_node"
                                visible: !share.open
                                text: share.nodeFigure === "" ? qsTr("the node did not answer") : qsTr("the node says %1 CTRN · %2").arg(share.nodeFigure).arg(share.agrees ? qsTr("agrees") : qsTr("differs"))
                                color: share.agrees ? Theme.textMuted : Theme.warning; font.pixelSize: Theme.fontSmall
                            }
                        }
                        Label {
                            visible: share.why !== "" && share.why !== "claimed"
                            text: share.why
                            color: Theme.textFaint; font.pixelSize: Theme.fontSmall; wrapMode: Text.Wrap; Layout.fillWidth: true
                        }
                    }
                }
            }

            // --- the pool over time ---------------------------------------------
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.padding
                Card {
                    objectName: "categoriesCard"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 3
                    Label { text: qsTr("Categories"); color: Theme.text; font.pixelSize: Theme.fontLarge; font.weight: Font.DemiBold }
                    RowLayout {
                        Layout.fillWidth: true
                        ChartView {
                            objectName: "sharesChart"
                            Layout.preferredWidth: 220
                            Layout.preferredHeight: 220
                            antialiasing: true
                            backgroundColor: "transparent"
                            legend.visible: false
                            margins { left: 0; right: 0; top: 0; bottom: 0 }
                            PieSeries {
                                id: sharesSeries
                                holeSize: 0.5
                            }
                        }
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 10
                            Repeater {
                                model: revenue.categories
                                delegate: RowLayout {
                                    id: category
                                    required property var modelData
                                    required property int index
                                    Layout.fillWidth: true
                                    spacing: 10
                                    Rectangle { width: 12; height: 12; radius: 3; color: page.sliceColors[category.index]; Layout.alignment: Qt.AlignTop; Layout.topMargin: 4 }
                                    ColumnLayout {
                                        Layout.fillWidth: true
                                        spacing: 2
                                        Label {
                                            objectName: "category_" + category.modelData.id
                                            text: category.modelData.title + " · " + category.modelData.share
                                                  + (category.modelData.state === "verified" ? "  ✓" : "")
                                            color: Theme.text; font.weight: Font.DemiBold
                                        }
                                        Label { text: category.modelData.mode; color: Theme.textMuted; font.pixelSize: Theme.fontSmall; wrapMode: Text.Wrap; Layout.fillWidth: true }
                                    }
                                }
                            }
                        }
                    }
                    Label {
                        text: qsTr("Shares and weights are frozen when an epoch is finalized; governance changes apply to the epochs after. A finalized epoch stays claimable for %1.").arg(revenue.claimWindow)
                        color: Theme.textFaint; font.pixelSize: Theme.fontSmall; wrapMode: Text.Wrap; Layout.fillWidth: true
                    }
                }
                Card {
                    objectName: "historyCard"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: 2
                    Label { text: qsTr("Revenue per epoch"); color: Theme.text; font.pixelSize: Theme.fontLarge; font.weight: Font.DemiBold }
                    ChartView {
                        objectName: "historyChart"
                        Layout.fillWidth: true
                        Layout.preferredHeight: 240
                        antialiasing: true
                        backgroundColor: "transparent"
                        legend.visible: false
                        margins { left: 0; right: 0; top: 0; bottom: 0 }
                        BarSeries {
                            id: historySeries
                            axisX: BarCategoryAxis { id: epochAxis; labelsColor: Theme.textMuted; gridVisible: false; lineVisible: false }
                            axisY: ValueAxis { id: amountAxis; min: 0; max: Math.max(1, revenue.historyMax * 1.15); labelsColor: Theme.textMuted; labelFormat: "%.0f"; gridLineColor: Theme.border }
                        }
                    }
                    Label {
                        visible: revenue.history.length === 0
                        text: qsTr("No epoch has been finalized yet.")
                        color: Theme.textMuted
                    }
                }
            }

            // --- what I claimed -----------------------------------------------
            Card {
                objectName: "claimsCard"
                Layout.fillWidth: true
                RowLayout {
                    Layout.fillWidth: true
                    Label { text: qsTr("My claims"); color: Theme.text; font.pixelSize: Theme.fontLarge; font.weight: Font.DemiBold; Layout.fillWidth: true }
                    AppButton {
                        objectName: "exportClaims"
                        text: qsTr("Export CSV"); iconName: "download"; variant: "secondary"
                        enabled: revenue.claims.length > 0
                        onClicked: exportDialog.open()
                    }
                }
                Banner { Layout.fillWidth: true; kind: "info"; text: page.message }
                Banner { objectName: "claimsError"; Layout.fillWidth: true; kind: "warning"; text: revenue.claimsError }
                Label {
                    visible: revenue.claims.length === 0 && revenue.claimsError === ""
                    text: qsTr("No claim yet.")
                    color: Theme.textMuted
                }
                ChartView {
                    objectName: "claimsChart"
                    visible: revenue.claims.length > 0
                    Layout.fillWidth: true
                    Layout.preferredHeight: 180
                    antialiasing: true
                    backgroundColor: "transparent"
                    legend.visible: false
                    margins { left: 0; right: 0; top: 0; bottom: 0 }
                    BarSeries {
                        id: claimsSeries
                        axisX: BarCategoryAxis { id: claimsAxis; labelsColor: Theme.textMuted; gridVisible: false; lineVisible: false }
                        axisY: ValueAxis { min: 0; max: Math.max(1, revenue.claimedMax * 1.15); labelsColor: Theme.textMuted; labelFormat: "%.0f"; gridLineColor: Theme.border }
                    }
                }
                Repeater {
                    model: revenue.claims
                    delegate: RowLayout {
                        id: claimRow
                        required property var modelData
                        required property int index
                        objectName: "claim_" + index
                        Layout.fillWidth: true
                        spacing: 16
                        Label { text: qsTr("Epoch %1 · %2").arg(claimRow.modelData.epoch).arg(claimRow.modelData.categoryTitle); color: Theme.text; Layout.preferredWidth: 170 }
                        CheckedFigure { objectName: "claim_" + claimRow.index + "_amount"; value: claimRow.modelData.amount; Layout.preferredWidth: 220 }
                        Label { text: qsTr("block %1").arg(claimRow.modelData.block); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
                        Label {
                            text: claimRow.modelData.transaction.substring(0, 10) + "…"
                            color: Theme.textFaint; font.family: Theme.monoFamily; font.pixelSize: Theme.fontSmall
                            Layout.fillWidth: true
                        }
                    }
                }
            }
            Item { Layout.preferredHeight: 24 }
        }
    }

    // The charts follow the model (QtCharts series are imperative).
    function fillCharts() {
        sharesSeries.clear()
        const cats = revenue.categories
        for (let i = 0; i < cats.length; ++i) {
            const slice = sharesSeries.append(cats[i].title, Math.max(cats[i].bps, 0))
            slice.color = page.sliceColors[i]
            slice.borderColor = "transparent"
        }
        historySeries.clear()
        const epochs = revenue.history
        const labels = [], values = []
        for (let j = 0; j < epochs.length; ++j) {
            labels.push(qsTr("E%1").arg(epochs[j].epoch))
            values.push(epochs[j].amount)
        }
        epochAxis.categories = labels
        if (values.length > 0) {
            const set = historySeries.append(qsTr("CTRN"), values)
            set.color = Theme.accent
            set.borderColor = "transparent"
        }
        claimsSeries.clear()
        const claimed = revenue.claimedPerEpoch
        const claimLabels = [], claimValues = []
        for (let k = 0; k < claimed.length; ++k) {
            claimLabels.push(qsTr("E%1").arg(claimed[k].epoch))
            claimValues.push(claimed[k].amount)
        }
        claimsAxis.categories = claimLabels
        if (claimValues.length > 0) {
            const claimSet = claimsSeries.append(qsTr("claimed"), claimValues)
            claimSet.color = Theme.success
            claimSet.borderColor = "transparent"
        }
    }
    Connections {
        target: revenue
        function onSummaryChanged() { page.fillCharts() }
    }
}
