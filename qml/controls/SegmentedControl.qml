pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// A row of mutually exclusive options ({value, text, icon}); `value` is the
// selected one and `activated(value)` fires on a click.
Rectangle {
    id: control

    property var options: []
    property string value
    signal activated(string value)

    radius: Theme.radius
    color: Theme.surfaceRaised
    border.color: Theme.border
    implicitHeight: Theme.controlHeight
    implicitWidth: row.implicitWidth + 8

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.margins: 4
        spacing: 4
        Repeater {
            model: control.options
            AbstractButton {
                id: option
                required property var modelData
                readonly property bool selected: control.value === modelData.value
                objectName: "option_" + modelData.value
                Layout.fillWidth: true
                Layout.fillHeight: true
                implicitWidth: optionRow.implicitWidth + 28
                hoverEnabled: true
                onClicked: control.activated(modelData.value)
                contentItem: Item {
                    RowLayout {
                        id: optionRow
                        anchors.centerIn: parent
                        spacing: 8
                        Icon {
                            visible: (option.modelData.icon ?? "") !== ""
                            name: option.modelData.icon ?? ""
                            color: option.selected ? Theme.text : Theme.textMuted
                            size: 15
                        }
                        Label {
                            text: option.modelData.text
                            color: option.selected ? Theme.text : Theme.textMuted
                            font.family: Theme.fontFamily
                            font.pixelSize: Theme.fontBody
                            font.weight: option.selected ? Font.DemiBold : Font.Normal
                        }
                    }
                }
                background: Rectangle {
                    radius: Theme.radius - 3
                    color: option.selected ? Theme.surface : option.hovered ? Theme.surfaceHover : "transparent"
                    border.color: option.selected ? Theme.borderStrong : "transparent"
                }
            }
        }
    }
}
