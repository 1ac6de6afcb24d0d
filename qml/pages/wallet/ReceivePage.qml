pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// Receive: the current account's address to copy, and a QR code of an
// EIP-681 payment request (ETH, or a CTRN transfer) with an optional amount.
Item {
    id: page

    signal navigate(string page)
    readonly property bool ready: receive.uri !== ""

    ReceiveController { id: receive; objectName: "receiveController" }

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
                title: qsTr("Receive")
                subtitle: qsTr("Share the address or let the sender scan the code.")
            }
            Card {
                Layout.fillWidth: true
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.paddingLarge
                    Rectangle {
                        Layout.preferredWidth: 240
                        Layout.preferredHeight: 240
                        radius: Theme.radius
                        color: "white"
                        QrCode {
                            objectName: "receiveQr"
                            anchors.fill: parent
                            anchors.margins: 4
                            text: receive.uri
                        }
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        Layout.alignment: Qt.AlignTop
                        spacing: 12
                        Label { text: qsTr("Address"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall; font.weight: Font.DemiBold }
                        Label {
                            objectName: "receiveAddress"
                            text: receive.address
                            color: Theme.text; font.family: Theme.monoFamily
                            wrapMode: Text.WrapAnywhere; Layout.fillWidth: true
                        }
                        AppButton {
                            objectName: "copyAddress"
                            text: copied.running ? qsTr("Copied") : qsTr("Copy address")
                            iconName: copied.running ? "check" : "file"
                            variant: "secondary"
                            onClicked: { receive.copy(receive.address); copied.restart() }
                            Timer { id: copied; interval: 1500 }
                        }
                        SegmentedControl {
                            options: [{ value: "ETH", text: "ETH" }, { value: "CTRN", text: "CTRN" }]
                            value: receive.asset
                            onActivated: v => receive.asset = v
                        }
                        FormField {
                            Layout.fillWidth: true
                            label: qsTr("Request an amount (optional)")
                            error: receive.amountError
                            AppTextField {
                                objectName: "receiveAmount"
                                Layout.fillWidth: true
                                placeholderText: "0.0"
                                invalid: receive.amountError !== ""
                                onTextEdited: receive.amount = text
                            }
                        }
                        Label { text: qsTr("Payment request (EIP-681)"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall; font.weight: Font.DemiBold }
                        Label {
                            objectName: "receiveUri"
                            text: receive.uri
                            color: Theme.textMuted; font.family: Theme.monoFamily; font.pixelSize: Theme.fontSmall
                            wrapMode: Text.WrapAnywhere; Layout.fillWidth: true
                        }
                    }
                }
            }
        }
    }
}
