pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// A recipient address with an address-book picker. It checks nothing
// itself: `error` (e.g. a bad EIP-55 checksum) and `checksummed` come from
// the view model, which asks core. `contacts` is an AddressBookModel; a
// pick sets the text and emits picked(address).
FormField {
    id: field

    property alias text: input.text
    property string checksummed
    property var contacts: null
    property string contactLabel
    readonly property alias input: input
    signal edited(string text)
    signal picked(string address)

    label: qsTr("Recipient")
    hint: contactLabel !== "" ? qsTr("Address book: %1").arg(contactLabel)
        : checksummed !== "" ? qsTr("Checksummed: %1").arg(checksummed) : ""
    implicitWidth: 480

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        AppTextField {
            id: input
            objectName: "addressInput"
            Layout.fillWidth: true
            monospace: true
            placeholderText: "0x…"
            invalid: field.error !== ""
            onTextEdited: field.edited(text)
        }
        AppButton {
            objectName: "addressBookButton"
            text: qsTr("Contacts")
            variant: "secondary"
            iconName: "file"
            visible: field.contacts !== null
            enabled: field.contacts !== null && field.contacts.count > 0
            onClicked: picker.open()
        }
    }

    Popup {
        id: picker
        objectName: "addressBookPicker"
        y: 64
        width: field.width
        height: Math.min(320, list.contentHeight + 16)
        padding: 8
        background: Rectangle { color: Theme.surface; radius: Theme.radius; border.color: Theme.border }
        ListView {
            id: list
            anchors.fill: parent
            clip: true
            model: field.contacts
            delegate: ItemDelegate {
                id: row
                required property string address
                required property string label
                width: ListView.view.width
                background: Rectangle { color: row.hovered ? Theme.surfaceHover : "transparent"; radius: 6 }
                contentItem: ColumnLayout {
                    spacing: 2
                    Label { text: row.label; color: Theme.text; font.weight: Font.DemiBold }
                    Label { text: row.address; color: Theme.textMuted; font.family: Theme.monoFamily; font.pixelSize: Theme.fontSmall }
                }
                onClicked: {
                    input.text = row.address
                    field.edited(row.address)
                    field.picked(row.address)
                    picker.close()
                }
            }
        }
    }
}
