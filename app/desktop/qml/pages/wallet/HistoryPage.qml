pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Dialogs
import Computronium

// History: what this wallet sent, pending first then newest first, read
// from SQLite a page at a time as the list scrolls (HistoryModel's
// fetchMore). A pending transaction can be sped up or cancelled (the
// wallet must be unlocked); a row opens its details; Export writes CSV.
Item {
    id: page

    signal navigate(string page)
    readonly property bool ready: !history.loading

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
            AppButton { text: qsTr("Refresh"); iconName: "refresh"; variant: "ghost"; onClicked: history.refresh() }
            AppButton { objectName: "exportCsv"; text: qsTr("Export CSV"); iconName: "download"; variant: "secondary"; onClicked: exportDialog.open() }
        }
        Banner { Layout.fillWidth: true; kind: "error"; text: history.error }
        Banner { Layout.fillWidth: true; kind: "info"; text: page.message }

        Label {
            visible: history.count === 0 && !history.loading
            text: qsTr("Nothing sent from this account yet.")
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
                required property string to
                required property string amount
                required property string time
                required property bool pending
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
                        Label { text: qsTr("%1 to %2").arg(row.amount).arg(row.to); color: Theme.text; elide: Text.ElideMiddle; Layout.fillWidth: true }
                        Label { text: row.time + " · " + row.kind + " · " + row.hash; color: Theme.textFaint; font.pixelSize: Theme.fontSmall; elide: Text.ElideMiddle; Layout.fillWidth: true }
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
                model: page.selected ? [["Hash", "hash"], ["Status", "status"], ["Kind", "kind"], ["From", "from"], ["To", "to"],
                                        ["Amount", "amount"], ["Token", "token"], ["Nonce", "nonce"], ["Block", "block"],
                                        ["Time", "time"], ["Replaces", "replaces"]] : []
                delegate: Label {
                    required property var modelData
                    required property int index
                    Layout.row: index
                    Layout.column: 0
                    text: qsTr(modelData[0])
                    color: Theme.textMuted
                }
            }
            Repeater {
                model: page.selected ? ["hash", "status", "kind", "from", "to", "amount", "token", "nonce", "block", "time", "replaces"] : []
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
