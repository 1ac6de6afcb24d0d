pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// One navigation entry in the sidebar.
AbstractButton {
    id: control

    property string iconName
    property bool current: false

    implicitHeight: 40
    hoverEnabled: true
    leftPadding: 12
    rightPadding: 12

    contentItem: RowLayout {
        spacing: 12
        Icon {
            name: control.iconName
            color: control.current ? Theme.accent : control.hovered ? Theme.text : Theme.textMuted
            size: 18
        }
        Label {
            text: control.text
            color: control.current || control.hovered ? Theme.text : Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            font.weight: control.current ? Font.DemiBold : Font.Normal
            Layout.fillWidth: true
        }
    }
    background: Rectangle {
        radius: Theme.radius
        color: control.current ? Theme.accentSoft : control.hovered ? Theme.surfaceHover : "transparent"
    }
}
