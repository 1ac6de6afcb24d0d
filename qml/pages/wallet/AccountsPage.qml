pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtCharts
import Computronium

// Accounts: the current wallet's HD accounts with their ETH and CTRN
// balances (CTRN split into free and locked by staking, exact as core reads
// them), switching, renaming, adding the next account, and on the devnet
// the faucet. The pie compares the free and locked CTRN of the current
// account.
Item {
    id: page

    signal navigate(string page)
    readonly property bool ready: Accounts.count > 0 && Accounts.balancesLoaded && proof.state !== "" && proof.state !== "busy"

    // The light client proves the current account's balances again whenever
    // the node's figures change (another account, new balances, the faucet).
    function verifyCurrent() {
        if (Accounts.currentAddress !== "" && Accounts.balancesLoaded) proof.verify(Accounts.currentAddress)
    }
    BalanceVerification { id: proof; objectName: "balanceVerification" }
    Connections {
        target: Accounts
        function onCurrentChanged() { page.verifyCurrent() }
    }
    Component.onCompleted: verifyCurrent()

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
                title: qsTr("Accounts")
                subtitle: qsTr("Balances of %1, as the node reports them and the light client proves them.").arg(AppContext.session.currentWallet)
            }

            Banner { Layout.fillWidth: true; kind: "error"; text: Accounts.error }

            Card {
                Layout.fillWidth: true
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.paddingLarge
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 10
                        Label {
                            text: Accounts.currentLabel !== "" ? Accounts.currentLabel : qsTr("Current account")
                            color: Theme.textMuted; font.weight: Font.DemiBold
                        }
                        Label {
                            objectName: "currentAddress"
                            text: Accounts.currentAddress
                            color: Theme.text; font.family: Theme.monoFamily
                            Layout.fillWidth: true; elide: Text.ElideMiddle
                        }
                        GridLayout {
                            columns: 2
                            columnSpacing: 24
                            rowSpacing: 6
                            Label { text: qsTr("ETH"); color: Theme.textMuted }
                            Label { objectName: "ethBalance"; text: proof.state === "mismatch" ? "—" : Accounts.ethBalance; color: Theme.text; font.pixelSize: Theme.fontLarge; font.weight: Font.Bold }
                            Label { text: qsTr("CTRN total"); color: Theme.textMuted; visible: Accounts.hasCtrn }
                            Label { objectName: "ctrnTotal"; text: proof.state === "mismatch" ? "—" : Accounts.ctrnTotal; color: Theme.text; font.pixelSize: Theme.fontLarge; font.weight: Font.Bold; visible: Accounts.hasCtrn }
                            Label { text: qsTr("CTRN free to send"); color: Theme.textMuted; visible: Accounts.hasCtrn }
                            Label { objectName: "ctrnFree"; text: proof.state === "mismatch" ? "—" : Accounts.ctrnFree; color: Theme.success; visible: Accounts.hasCtrn }
                            Label { text: qsTr("CTRN staked (locked)"); color: Theme.textMuted; visible: Accounts.hasCtrn }
                            Label { objectName: "ctrnLocked"; text: proof.state === "mismatch" ? "—" : Accounts.ctrnLocked; color: Theme.warning; visible: Accounts.hasCtrn }
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacing
                            VerificationNote {
                                objectName: "verificationState"
                                Layout.fillWidth: true
                                verification: proof
                            }
                            AppButton {
                                objectName: "verifyButton"
                                text: qsTr("Verify")
                                iconName: "refresh"
                                variant: "secondary"
                                busy: proof.state === "busy"
                                enabled: proof.state !== "busy" && Accounts.currentAddress !== ""
                                onClicked: proof.verify(Accounts.currentAddress)
                            }
                        }
                        RowLayout {
                            visible: Accounts.faucetAvailable
                            spacing: Theme.spacing
                            AppButton {
                                objectName: "faucetButton"
                                text: qsTr("Devnet faucet")
                                iconName: "download"
                                variant: "secondary"
                                busy: Accounts.faucetBusy
                                enabled: !Accounts.faucetBusy && Accounts.currentAddress !== ""
                                onClicked: Accounts.fundFromFaucet()
                            }
                            Label {
                                objectName: "faucetMessage"
                                text: Accounts.faucetMessage
                                color: Theme.textMuted; wrapMode: Text.Wrap; Layout.fillWidth: true
                            }
                        }
                    }
                    ChartView {
                        id: chart
                        visible: Accounts.hasCtrn
                        Layout.preferredWidth: 260
                        Layout.preferredHeight: 220
                        antialiasing: true
                        backgroundColor: "transparent"
                        legend.alignment: Qt.AlignBottom
                        legend.labelColor: Theme.textMuted
                        margins { left: 0; right: 0; top: 0; bottom: 0 }
                        PieSeries {
                            holeSize: 0.55
                            PieSlice { label: qsTr("Free"); value: 1 - Accounts.ctrnLockedShare; color: Theme.success; borderColor: "transparent" }
                            PieSlice { label: qsTr("Staked"); value: Accounts.ctrnLockedShare; color: Theme.warning; borderColor: "transparent" }
                        }
                    }
                }
            }

            Card {
                Layout.fillWidth: true
                Label { text: qsTr("All accounts"); color: Theme.text; font.pixelSize: Theme.fontLarge; font.weight: Font.Bold }
                Repeater {
                    model: Accounts
                    delegate: Rectangle {
                        id: row
                        required property int index
                        required property string address
                        required property string label
                        required property var hdIndex
                        required property string eth
                        required property string ctrnTotal
                        required property string ctrnLocked
                        required property bool current
                        property bool renaming: false
                        objectName: "accountRow" + index
                        Layout.fillWidth: true
                        implicitHeight: rowLayout.implicitHeight + 20
                        radius: Theme.radius
                        color: current ? Theme.accentSoft : hover.hovered ? Theme.surfaceHover : "transparent"
                        HoverHandler { id: hover }
                        TapHandler { onTapped: Accounts.select(row.address) }
                        RowLayout {
                            id: rowLayout
                            anchors.fill: parent
                            anchors.margins: 10
                            spacing: Theme.padding
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 2
                                Label {
                                    visible: !row.renaming
                                    text: (row.label !== "" ? row.label : qsTr("Account %1").arg(row.hdIndex !== undefined ? row.hdIndex + 1 : ""))
                                    color: Theme.text; font.weight: Font.DemiBold
                                }
                                AppTextField {
                                    id: labelInput
                                    objectName: "renameInput" + row.index
                                    visible: row.renaming
                                    text: row.label
                                    Layout.fillWidth: true
                                    onAccepted: { Accounts.renameAccount(row.address, text); row.renaming = false }
                                }
                                Label { text: row.address; color: Theme.textMuted; font.family: Theme.monoFamily; font.pixelSize: Theme.fontSmall }
                            }
                            ColumnLayout {
                                spacing: 2
                                Label { Layout.alignment: Qt.AlignRight; text: row.eth + " ETH"; color: Theme.text }
                                Label {
                                    Layout.alignment: Qt.AlignRight
                                    visible: row.ctrnTotal !== ""
                                    text: qsTr("%1 CTRN (%2 staked)").arg(row.ctrnTotal).arg(row.ctrnLocked)
                                    color: Theme.textMuted; font.pixelSize: Theme.fontSmall
                                }
                            }
                            AppButton {
                                text: row.renaming ? qsTr("Save") : qsTr("Rename")
                                variant: "ghost"
                                onClicked: {
                                    if (row.renaming) Accounts.renameAccount(row.address, labelInput.text)
                                    row.renaming = !row.renaming
                                }
                            }
                        }
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    visible: AppContext.session.currentKind === "hd"
                    PasswordField {
                        id: addPassword
                        objectName: "addAccountPassword"
                        Layout.fillWidth: true
                        placeholderText: qsTr("Wallet password, to derive the next account")
                        onAccepted: addButton.clicked()
                    }
                    AppButton {
                        id: addButton
                        objectName: "addAccountButton"
                        text: qsTr("Add account")
                        iconName: "plus"
                        busy: Accounts.busy
                        enabled: addPassword.text !== "" && !Accounts.busy
                        onClicked: { Accounts.addAccount(addPassword.text); addPassword.text = "" }
                    }
                }
            }
            Item { Layout.preferredHeight: 24 }
        }
    }
}
