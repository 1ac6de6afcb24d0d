pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import Computronium

// A themed check box with its label.
CheckBox {
    id: control

    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    spacing: 10
    hoverEnabled: true

    indicator: Rectangle {
        implicitWidth: 20
        implicitHeight: 20
        x: control.leftPadding
        y: (control.height - height) / 2
        radius: 6
        color: control.checked ? Theme.accent : Theme.surfaceRaised
        border.color: control.checked ? Theme.accent : control.hovered ? Theme.borderStrong : Theme.border
        border.width: 1.5
        Icon {
            anchors.centerIn: parent
            visible: control.checked
            name: "check"
            color: Theme.textOnAccent
            size: 14
            strokeWidth: 2.4
        }
    }
    contentItem: Text {
        text: control.text
        font: control.font
        color: Theme.text
        verticalAlignment: Text.AlignVCenter
        leftPadding: control.indicator.width + control.spacing
        wrapMode: Text.Wrap
    }
}
