pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// Settings: appearance (theme, language), security (lock timeout), networks
// (switch, add an RPC endpoint checked against the node, remove) and where
// the data lives.
Item {
    id: page

    signal navigate(string page)
    readonly property bool ready: true
    readonly property var prefs: AppContext.preferences

    component SettingRow: RowLayout {
        id: row
        property string title
        property string description
        default property alias control: slot.data
        Layout.fillWidth: true
        spacing: Theme.paddingLarge
        ColumnLayout {
            spacing: 2
            Layout.fillWidth: true
            Label { text: row.title; color: Theme.text; font.weight: Font.DemiBold }
            Label { text: row.description; color: Theme.textMuted; font.pixelSize: Theme.fontSmall; wrapMode: Text.Wrap; Layout.fillWidth: true }
        }
        Item { id: slot; implicitWidth: childrenRect.width; implicitHeight: childrenRect.height }
    }
    component SectionTitle: RowLayout {
        id: section
        property string text
        property string iconName
        spacing: 10
        Icon { name: section.iconName; color: Theme.accent; size: 18 }
        Label { text: section.text; color: Theme.text; font.pixelSize: Theme.fontLarge; font.weight: Font.Bold }
    }

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
                title: qsTr("Settings")
                subtitle: qsTr("Appearance, security and the networks this wallet connects to.")
            }

            Card {
                Layout.fillWidth: true
                SectionTitle { text: qsTr("Appearance"); iconName: "sun" }
                SettingRow {
                    title: qsTr("Theme")
                    description: qsTr("Saved for next time.")
                    SegmentedControl {
                        objectName: "themeControl"
                        width: 240
                        value: page.prefs.theme
                        options: [{ value: "dark", text: qsTr("Dark"), icon: "moon" }, { value: "light", text: qsTr("Light"), icon: "sun" }]
                        onActivated: v => page.prefs.theme = v
                    }
                }
                SettingRow {
                    title: qsTr("Language")
                    description: qsTr("More languages arrive as translations are added.")
                    AppComboBox {
                        width: 240
                        model: page.prefs.languages.map(code => ({ code: code, name: code === "en" ? "English" : Qt.locale(code).nativeLanguageName }))
                        textRole: "name"
                        valueRole: "code"
                        Component.onCompleted: currentIndex = indexOfValue(page.prefs.language)
                        onActivated: page.prefs.language = currentValue
                    }
                }
            }

            Card {
                Layout.fillWidth: true
                SectionTitle { text: qsTr("Security"); iconName: "shield" }
                SettingRow {
                    title: qsTr("Lock after")
                    description: qsTr("The wallet forgets its keys and asks for the password after this long without a click or key press.")
                    AppComboBox {
                        id: lockBox
                        objectName: "lockTimeoutBox"
                        width: 240
                        readonly property var minutes: [1, 5, 15, 30, 60, 240]
                        model: minutes.map(m => m < 60 ? qsTr("%n minute(s)", "", m) : qsTr("%n hour(s)", "", m / 60))
                        currentIndex: Math.max(0, minutes.indexOf(page.prefs.lockTimeoutMinutes))
                        onActivated: index => page.prefs.lockTimeoutMinutes = minutes[index]
                    }
                }
                SettingRow {
                    title: qsTr("Lock now")
                    description: qsTr("Forget the keys of %1 until you unlock it again.").arg(AppContext.session.currentWallet)
                    AppButton {
                        width: 240
                        variant: "secondary"
                        iconName: "lock"
                        text: qsTr("Lock wallet")
                        enabled: AppContext.session.currentKind !== "watch"
                        onClicked: AppContext.session.lock()
                    }
                }
            }

            Card {
                Layout.fillWidth: true
                SectionTitle { text: qsTr("Networks"); iconName: "globe" }
                Label {
                    text: qsTr("Connected to %1 (chain %2).").arg(AppContext.networkName).arg(AppContext.chainId)
                    color: Theme.textMuted
                }
                Repeater {
                    model: AppContext.networks
                    Rectangle {
                        id: networkRow
                        required property string name
                        required property string url
                        required property var chainId
                        required property bool builtin
                        readonly property bool active: AppContext.networkName === name
                        Layout.fillWidth: true
                        implicitHeight: 60
                        radius: Theme.radius
                        color: active ? Theme.accentSoft : Theme.surfaceRaised
                        border.color: active ? Theme.accent : Theme.border
                        RowLayout {
                            anchors.fill: parent
                            anchors.leftMargin: 14
                            anchors.rightMargin: 10
                            spacing: 12
                            Icon { name: "server"; color: networkRow.active ? Theme.accent : Theme.textMuted; size: 18 }
                            ColumnLayout {
                                spacing: 2
                                Layout.fillWidth: true
                                RowLayout {
                                    spacing: 8
                                    Label { text: networkRow.name; color: Theme.text; font.weight: Font.DemiBold }
                                    Label {
                                        text: qsTr("chain %1").arg(networkRow.chainId)
                                        color: Theme.textMuted
                                        font.pixelSize: Theme.fontSmall
                                    }
                                    Label {
                                        visible: networkRow.builtin
                                        text: qsTr("built in")
                                        color: Theme.textFaint
                                        font.pixelSize: Theme.fontSmall
                                    }
                                }
                                Label {
                                    text: networkRow.url
                                    color: Theme.textMuted
                                    font.family: Theme.monoFamily
                                    font.pixelSize: Theme.fontSmall
                                    elide: Text.ElideRight
                                    Layout.fillWidth: true
                                }
                            }
                            AppButton {
                                visible: !networkRow.active
                                variant: "secondary"
                                implicitHeight: 34
                                text: qsTr("Connect")
                                onClicked: AppContext.connectTo(networkRow.name)
                            }
                            Label {
                                visible: networkRow.active
                                text: AppContext.connected ? qsTr("Connected") : qsTr("Connecting…")
                                color: AppContext.connected ? Theme.success : Theme.warning
                                font.weight: Font.DemiBold
                                font.pixelSize: Theme.fontSmall
                            }
                            AppButton {
                                visible: !networkRow.builtin && !networkRow.active
                                variant: "ghost"
                                implicitHeight: 34
                                iconName: "trash"
                                text: ""
                                onClicked: AppContext.networks.remove(networkRow.name)
                            }
                        }
                    }
                }
                Label { text: qsTr("Add a network"); color: Theme.text; font.weight: Font.DemiBold; Layout.topMargin: 8 }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 10
                    AppTextField { id: newName; objectName: "networkName"; placeholderText: qsTr("Name"); Layout.preferredWidth: 150 }
                    AppTextField { id: newUrl; objectName: "networkUrl"; placeholderText: "https://rpc.example.org"; Layout.fillWidth: true }
                    AppTextField { id: newChain; objectName: "networkChainId"; placeholderText: qsTr("Chain id"); Layout.preferredWidth: 110
                                   validator: RegularExpressionValidator { regularExpression: /[0-9]{0,19}/ } }
                    AppButton {
                        objectName: "addNetworkButton"
                        text: AppContext.networks.busy ? qsTr("Checking…") : qsTr("Add")
                        iconName: "plus"
                        busy: AppContext.networks.busy
                        enabled: !AppContext.networks.busy && newName.text !== "" && newUrl.text !== "" && newChain.text !== ""
                        onClicked: AppContext.networks.add(newName.text, newUrl.text, newChain.text)
                    }
                }
                Banner { id: addResult; Layout.fillWidth: true; text: "" }
                Connections {
                    target: AppContext.networks
                    function onAddFinished(ok: bool, message: string) {
                        addResult.kind = ok ? "success" : "error"
                        addResult.text = message
                        if (ok) { newName.text = ""; newUrl.text = ""; newChain.text = "" }
                    }
                }
                Label {
                    text: qsTr("The endpoint is asked for its chain id before it is saved; it must match.")
                    color: Theme.textFaint
                    font.pixelSize: Theme.fontSmall
                }
            }

            Card {
                Layout.fillWidth: true
                SectionTitle { text: qsTr("About"); iconName: "logo" }
                SettingRow {
                    title: qsTr("Data directory")
                    description: AppContext.dataDir
                }
                SettingRow {
                    title: qsTr("Version")
                    description: Qt.application.version
                }
            }
            Item { Layout.preferredHeight: 24 }
        }
    }
}
