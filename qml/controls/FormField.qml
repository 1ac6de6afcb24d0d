pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// A label above a control, with an optional hint or error below it.
// The root is an Item, not a layout: Qt 6.4 crashes destroying a layout
// root of a dynamically created component (its children re-enter it).
Item {
    id: field

    property string label
    property string hint
    property string error
    // Children go between the label and the hint; give them
    // Layout.fillWidth: true.
    default property alias content: slot.data

    implicitWidth: rootLayout.implicitWidth
    implicitHeight: rootLayout.implicitHeight

    ColumnLayout {
        id: rootLayout
        anchors.fill: parent

        spacing: 6

        Label {
            text: field.label
            visible: text !== ""
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            font.weight: Font.DemiBold
            font.letterSpacing: 0.3
        }
        ColumnLayout {
            id: slot
            Layout.fillWidth: true
            spacing: 0
        }
        Label {
            text: field.error !== "" ? field.error : field.hint
            visible: text !== ""
            color: field.error !== "" ? Theme.danger : Theme.textFaint
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

    }
}
