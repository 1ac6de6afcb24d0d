pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import Computronium

// A themed drop-down. Use textRole/valueRole as with ComboBox.
ComboBox {
    id: control

    implicitHeight: Theme.controlHeight
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    leftPadding: 14

    contentItem: Text {
        text: control.displayText
        font: control.font
        color: Theme.text
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
        rightPadding: 36
    }
    indicator: Icon {
        x: control.width - width - 14
        y: (control.height - height) / 2
        name: "chevron-down"
        color: Theme.textMuted
        size: 16
    }
    background: Rectangle {
        radius: Theme.radius
        color: control.hovered ? Theme.surfaceHover : Theme.surfaceRaised
        border.color: control.activeFocus ? Theme.accent : Theme.border
    }
    delegate: ItemDelegate {
        id: item
        required property int index
        required property var model
        width: control.width
        highlighted: control.highlightedIndex === index
        contentItem: Text {
            text: item.model[control.textRole] ?? item.model.modelData ?? ""
            color: Theme.text
            font: control.font
            verticalAlignment: Text.AlignVCenter
        }
        background: Rectangle {
            radius: 6
            color: item.highlighted ? Theme.surfaceHover : "transparent"
        }
    }
    popup: Popup {
        y: control.height + 4
        width: control.width
        padding: 4
        implicitHeight: contentItem.implicitHeight + 8
        contentItem: ListView {
            clip: true
            implicitHeight: contentHeight
            model: control.popup.visible ? control.delegateModel : null
            currentIndex: control.highlightedIndex
        }
        background: Rectangle {
            radius: Theme.radius
            color: Theme.surface
            border.color: Theme.border
        }
    }
}
