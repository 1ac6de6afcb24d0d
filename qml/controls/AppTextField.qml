pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import Computronium

// A themed single-line text field. `invalid` draws the error border.
TextField {
    id: control

    property bool invalid: false
    property bool monospace: false

    implicitHeight: Theme.controlHeight
    leftPadding: 14
    rightPadding: 14
    font.family: monospace ? Theme.monoFamily : Theme.fontFamily
    font.pixelSize: Theme.fontBody
    color: Theme.text
    placeholderTextColor: Theme.textFaint
    selectionColor: Theme.accent
    selectedTextColor: Theme.textOnAccent
    verticalAlignment: TextInput.AlignVCenter

    background: Rectangle {
        radius: Theme.radius
        color: Theme.surfaceRaised
        border.width: control.activeFocus || control.invalid ? 1.5 : 1
        border.color: control.invalid ? Theme.danger : control.activeFocus ? Theme.accent : Theme.border
    }
}
