pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// The shell's left column: brand, the sidebar pages of PageRegistry grouped
// by section (Wallet, later Staking, Governance, ..., Settings), and at the
// bottom the open wallet, the network and the lock button.
Rectangle {
    id: sidebar

    property string currentPage
    signal navigate(string page)
    signal addWallet()

    color: Theme.sidebar

    Rectangle { anchors.right: parent.right; width: 1; height: parent.height; color: Theme.border }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: 4

        RowLayout {
            Layout.bottomMargin: Theme.paddingLarge
            Layout.topMargin: 6
            Layout.leftMargin: 6
            spacing: 10
            Rectangle {
                width: 34; height: 34; radius: 10
                gradient: Gradient {
                    orientation: Gradient.Horizontal
                    GradientStop { position: 0; color: Theme.accent }
                    GradientStop { position: 1; color: Qt.lighter(Theme.accent, 1.35) }
                }
                Icon { anchors.centerIn: parent; name: "logo"; color: "white"; size: 20 }
            }
            ColumnLayout {
                spacing: 0
                Label { text: "Computronium"; color: Theme.text; font.pixelSize: Theme.fontLarge; font.weight: Font.Bold }
                Label { text: qsTr("Wallet"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
            }
        }

        Repeater {
            model: PageRegistry.sidebarSections()
            // An Item around the layout: Qt 6.4 crashes destroying a
            // delegate whose root is a layout (app/desktop/README.md).
            Item {
                id: group
                required property var modelData
                required property int index
                objectName: "section_" + modelData.id
                Layout.fillWidth: true
                Layout.topMargin: index > 0 ? 10 : 0
                implicitHeight: groupColumn.implicitHeight
                ColumnLayout {
                    id: groupColumn
                    anchors.fill: parent
                    spacing: 4
                    Label {
                        Layout.leftMargin: 10
                        Layout.bottomMargin: 2
                        text: group.modelData.title.toUpperCase()
                        color: Theme.textFaint
                        font.pixelSize: 11
                        font.weight: Font.DemiBold
                        font.letterSpacing: 0.8
                    }
                    Repeater {
                        model: group.modelData.pages
                        SidebarButton {
                            required property var modelData
                            objectName: "nav_" + modelData.id
                            Layout.fillWidth: true
                            text: modelData.title
                            iconName: modelData.icon
                            current: sidebar.currentPage === modelData.id
                            onClicked: sidebar.navigate(modelData.id)
                        }
                    }
                }
            }
        }

        Item { Layout.fillHeight: true }

        // Network status.
        RowLayout {
            Layout.fillWidth: true
            Layout.leftMargin: 8
            Layout.bottomMargin: 6
            spacing: 8
            Rectangle {
                width: 8; height: 8; radius: 4
                color: AppContext.connected ? Theme.success : AppContext.connecting ? Theme.warning : Theme.danger
            }
            Label {
                text: AppContext.networkName
                color: Theme.textMuted
                font.pixelSize: Theme.fontSmall
                font.weight: Font.DemiBold
            }
            Item { Layout.fillWidth: true }
            Label {
                objectName: "headLabel"
                text: AppContext.head > 0 ? qsTr("block %L1").arg(AppContext.head) : ""
                color: Theme.textFaint
                font.pixelSize: Theme.fontSmall
            }
        }

        // The open wallet.
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: walletRow.implicitHeight + 20
            radius: Theme.radius
            color: Theme.surfaceRaised
            border.color: Theme.border
            RowLayout {
                id: walletRow
                anchors.fill: parent
                anchors.margins: 10
                spacing: 6
                Rectangle {
                    width: 32; height: 32; radius: 16
                    color: Theme.accentSoft
                    Label {
                        anchors.centerIn: parent
                        text: (AppContext.session.currentWallet || "?").charAt(0).toUpperCase()
                        color: Theme.accent
                        font.weight: Font.Bold
                    }
                }
                ColumnLayout {
                    spacing: 0
                    Layout.fillWidth: true
                    Layout.preferredWidth: 1 // takes what is left; names elide
                    Label {
                        text: AppContext.session.currentWallet
                        color: Theme.text
                        font.weight: Font.DemiBold
                        elide: Text.ElideRight
                        Layout.fillWidth: true
                    }
                    Label {
                        text: AppContext.session.currentKind === "watch" ? qsTr("Watch-only")
                            : AppContext.session.currentKind === "hd" ? qsTr("Recovery phrase") : qsTr("Private key")
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                }
                ToolButton {
                    objectName: "addWalletButton"
                    implicitWidth: 26; implicitHeight: 26
                    onClicked: sidebar.addWallet()
                    contentItem: Icon { name: "plus"; color: Theme.textMuted; size: 16 }
                    background: Rectangle { radius: 8; color: parent.hovered ? Theme.surfaceHover : "transparent" }
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Add or import a wallet")
                }
                ToolButton {
                    objectName: "lockButton"
                    visible: AppContext.session.currentKind !== "watch"
                    implicitWidth: 26; implicitHeight: 26
                    onClicked: AppContext.session.lock()
                    contentItem: Icon { name: "lock"; color: Theme.textMuted; size: 16 }
                    background: Rectangle { radius: 8; color: parent.hovered ? Theme.surfaceHover : "transparent" }
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Lock now")
                }
            }
        }
    }
}
