pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// The address book: labelled addresses, added, relabelled and removed
// here and picked on the Send page. Addresses are checked (EIP-55) by core.
Item {
    id: page

    signal navigate(string page)
    readonly property bool ready: book.loaded

    AddressBookModel { id: book; objectName: "addressBookModel" }

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
                title: qsTr("Address book")
                subtitle: qsTr("Names for the addresses you send to.")
            }
            Card {
                Layout.fillWidth: true
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    FormField {
                        label: qsTr("Label")
                        Layout.preferredWidth: 220
                        AppTextField { id: labelInput; objectName: "contactLabel"; Layout.fillWidth: true; placeholderText: qsTr("e.g. Alice") }
                    }
                    FormField {
                        label: qsTr("Address")
                        Layout.fillWidth: true
                        AppTextField { id: addressInput; objectName: "contactAddress"; Layout.fillWidth: true; monospace: true; placeholderText: "0x…" }
                    }
                    AppButton {
                        objectName: "saveContact"
                        Layout.alignment: Qt.AlignBottom
                        text: qsTr("Save")
                        iconName: "plus"
                        onClicked: book.save(addressInput.text, labelInput.text)
                    }
                }
                Banner { objectName: "contactError"; Layout.fillWidth: true; kind: "error"; text: book.error }
                Connections {
                    target: book
                    function onRequestDone(requestId: var, ok: bool, text: string) {
                        if (ok) { labelInput.text = ""; addressInput.text = "" }
                    }
                }
            }
            Card {
                Layout.fillWidth: true
                Label { visible: book.count === 0; text: qsTr("No contacts yet."); color: Theme.textMuted }
                Repeater {
                    model: book
                    delegate: RowLayout {
                        id: contact
                        required property string address
                        required property string label
                        Layout.fillWidth: true
                        spacing: Theme.padding
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: 2
                            Label { text: contact.label; color: Theme.text; font.weight: Font.DemiBold }
                            Label { text: contact.address; color: Theme.textMuted; font.family: Theme.monoFamily; font.pixelSize: Theme.fontSmall }
                        }
                        AppButton {
                            text: qsTr("Edit")
                            variant: "ghost"
                            onClicked: { labelInput.text = contact.label; addressInput.text = contact.address }
                        }
                        AppButton { text: qsTr("Remove"); variant: "ghost"; iconName: "trash"; onClicked: book.remove(contact.address) }
                    }
                }
            }
        }
    }
}
