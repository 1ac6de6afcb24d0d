pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Dialogs
import Computronium

// History: what this account sent and the CTRN it received (found on chain
// from the token's Transfer logs), pending first then newest first, read
// from SQLite a page at a time as the list scrolls (HistoryModel's
// fetchMore). Each row shows its direction, counterparty (address-book
// label when known), amount and block. A pending transaction can be sped up
// or cancelled (the wallet must be unlocked); a row opens its details;
// Export writes CSV. Plain ETH received leaves no log and is not listed.
Item {
    id: page

    signal navigate(string page)
    readonly property bool ready: !history.loading && !history.scanning

    HistoryModel { id: history; objectName: "historyModel"; account: Accounts.currentAddress }
    property var selected: null
    property string message

    Connections {
        target: history
        function onRequestDone(requestId: var, ok: bool, text: string) { if (text !== "") page.message = text }
    }

    FileDialog {
        id: exportDialog
        fileMode: FileDialog.SaveFile
        defaultSuffix: "csv"
        nameFilters: [qsTr("CSV files (*.csv)")]
        onAccepted: history.exportCsv(selectedFile)
    }

    ColumnLayout {
        width: Math.min(parent.width - 2 * 40, Theme.contentMaxWidth)
        x: 40
        height: parent.height
        spacing: 16

        Item { Layout.preferredHeight: 12 }
        RowLayout {
            Layout.fillWidth: true
            PageHeader {
                Layout.fillWidth: true
                title: qsTr("History")
                subtitle: qsTr("%n transaction(s)", "", history.total)
            }
            AppButton { text: qsTr("Refresh"); iconName: "refresh"; variant: "ghost"; onClicked: { history.refresh(); history.scan() } }
            AppButton { objectName: "exportCsv"; text: qsTr("Export CSV"); iconName: "download"; variant: "secondary"; onClicked: exportDialog.open() }
        }
        Banner { Layout.fillWidth: true; kind: "error"; text: history.error }
        Banner { objectName: "historyScanError"; Layout.fillWidth: true; kind: "warning"; text: history.scanError }
        Banner { Layout.fillWidth: true; kind: "info"; text: page.message }
        Label {
            objectName: "historyScope"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: history.scanning ? qsTr("Looking on chain for CTRN transfers to and from this account…")
                                   : qsTr("Your sends, and CTRN transfers to or from this account found on chain. Plain ETH received from others is not listed: it leaves no log to find it by.")
            color: Theme.textFaint
            font.pixelSize: Theme.fontSmall
        }

        Label {
            visible: history.count === 0 && !history.loading
            text: qsTr("Nothing sent or received by this account yet.")
            color: Theme.textMuted
        }

        ListView {
            id: list
            objectName: "historyList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 6
            model: history
            ScrollBar.vertical: ScrollBar {}
            delegate: Rectangle {
                id: row
                required property int index
                required property string hash
                required property string status
                required property string kind
                required property string amount
                required property string time
                required property bool pending
                required property string direction
                required property string counterparty
                required property string counterpartyLabel
                required property var block
                readonly property string party: counterpartyLabel !== "" ? counterpartyLabel + " (" + counterparty + ")" : counterparty
                width: ListView.view.width
                implicitHeight: rowLayout.implicitHeight + 20
                radius: Theme.radius
                color: hover.hovered ? Theme.surfaceHover : Theme.surface
                border.color: Theme.border
                HoverHandler { id: hover }
                TapHandler { onTapped: { page.selected = history.details(row.index); details.open() } }
                RowLayout {
                    id: rowLayout
                    anchors.fill: parent
                    anchors.margins: 10
                    spacing: Theme.padding
                    Rectangle {
                        objectName: "direction_" + row.direction
                        Layout.preferredWidth: 30
                        Layout.preferredHeight: 30
                        radius: 15
                        color: row.direction === "in" ? Theme.successSoft : Theme.surfaceRaised
                        Icon {
                            anchors.centerIn: parent
                            name: row.direction === "in" ? "arrow-left" : row.direction === "out" ? "arrow-right" : "refresh"
                            color: row.direction === "in" ? Theme.success : Theme.textMuted
                            size: 16
                        }
                    }
                    Rectangle {
                        Layout.preferredWidth: statusLabel.implicitWidth + 16
                        Layout.preferredHeight: 24
                        radius: 12
                        color: row.status === "mined" ? Theme.successSoft : row.pending ? Theme.warningSoft : Theme.dangerSoft
                        Label {
                            id: statusLabel
                            anchors.centerIn: parent
                            text: row.status
                            color: row.status === "mined" ? Theme.success : row.pending ? Theme.warning : Theme.danger
                            font.pixelSize: Theme.fontSmall; font.weight: Font.DemiBold
                        }
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Label {
                            objectName: "historyRowText"
                            text: row.direction === "in" ? qsTr("Received %1 from %2").arg(row.amount).arg(row.party)
                                : row.direction === "self" ? qsTr("%1 to yourself").arg(row.amount)
                                : qsTr("Sent %1 to %2").arg(row.amount).arg(row.party)
                            color: Theme.text; elide: Text.ElideMiddle; Layout.fillWidth: true
                        }
                        Label {
                            text: [row.time, row.block !== undefined && row.block !== null ? qsTr("block %1").arg(row.block) : qsTr("not mined"), row.kind, row.hash].join(" · ")
                            color: Theme.textFaint; font.pixelSize: Theme.fontSmall; elide: Text.ElideMiddle; Layout.fillWidth: true
                        }
                    }
                    AppButton { visible: row.pending; text: qsTr("Speed up"); variant: "secondary"; onClicked: history.speedUp(row.hash) }
                    AppButton { visible: row.pending; text: qsTr("Cancel"); variant: "danger"; onClicked: history.cancel(row.hash) }
                }
            }
            footer: Item {
                width: ListView.view.width
                height: history.loading ? 48 : 0
                BusyIndicator { anchors.centerIn: parent; running: history.loading; visible: running }
            }
        }
    }

    Popup {
        id: details
        objectName: "historyDetails"
        anchors.centerIn: parent
        width: Math.min(page.width - 80, 640)
        modal: true
        padding: Theme.paddingLarge
        background: Rectangle { color: Theme.surface; radius: Theme.radiusLarge; border.color: Theme.border }
        contentItem: GridLayout {
            columns: 2
            columnSpacing: 16
            rowSpacing: 6
            Repeater {
                // The labels are translated where they are written: lupdate
                // only finds qsTr on a literal, never on a variable.
                model: page.selected ? [[qsTr("Hash"), "hash"], [qsTr("Status"), "status"], [qsTr("Kind"), "kind"], [qsTr("Direction"), "direction"],
                                        [qsTr("From"), "from"], [qsTr("To"), "to"], [qsTr("Counterparty"), "counterpartyLabel"],
                                        [qsTr("Amount"), "amount"], [qsTr("Token"), "token"], [qsTr("Nonce"), "nonce"], [qsTr("Block"), "block"],
                                        [qsTr("Log index"), "logIndex"], [qsTr("Time"), "time"], [qsTr("Replaces"), "replaces"]] : []
                delegate: Label {
                    required property var modelData
                    required property int index
                    Layout.row: index
                    Layout.column: 0
                    text: modelData[0]
                    color: Theme.textMuted
                }
            }
            Repeater {
                model: page.selected ? ["hash", "status", "kind", "direction", "from", "to", "counterpartyLabel", "amount", "token", "nonce",
                                        "block", "logIndex", "time", "replaces"] : []
                delegate: Label {
                    required property var modelData
                    required property int index
                    Layout.row: index
                    Layout.column: 1
                    Layout.fillWidth: true
                    text: String(page.selected[modelData] ?? "")
                    color: Theme.text
                    font.family: Theme.monoFamily
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.WrapAnywhere
                }
            }
        }
    }
}
