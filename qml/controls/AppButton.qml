pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// The app's button. variant: "primary" (filled accent), "secondary"
// (outlined), "ghost" (text only) or "danger". iconName: an Icon name.
Button {
    id: control

    property string variant: "primary"
    property string iconName
    property bool busy: false

    readonly property color fillColor: {
        if (!enabled) return variant === "primary" || variant === "danger" ? Theme.surfaceHover : "transparent"
        switch (variant) {
        case "primary": return hovered ? Theme.accentHover : Theme.accent
        case "danger": return hovered ? Qt.darker(Theme.danger, 1.1) : Theme.danger
        case "secondary": return hovered ? Theme.surfaceHover : Theme.surfaceRaised
        default: return hovered ? Theme.surfaceHover : "transparent"
        }
    }
    readonly property color labelColor: !enabled ? Theme.textFaint
        : (variant === "primary" || variant === "danger") ? Theme.textOnAccent
        : variant === "ghost" ? Theme.textMuted : Theme.text

    implicitHeight: Theme.controlHeight
    leftPadding: Theme.padding + 2
    rightPadding: Theme.padding + 2
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    font.weight: Font.DemiBold
    hoverEnabled: true
    focusPolicy: Qt.StrongFocus

    contentItem: RowLayout {
        spacing: Theme.spacing
        Item { Layout.fillWidth: true }
        BusyIndicator {
            visible: control.busy
            running: control.busy
            Layout.preferredWidth: 18
            Layout.preferredHeight: 18
        }
        Icon {
            visible: control.iconName !== "" && !control.busy
            name: control.iconName
            color: control.labelColor
            size: 16
        }
        Text {
            text: control.text
            font: control.font
            color: control.labelColor
            elide: Text.ElideRight
        }
        Item { Layout.fillWidth: true }
    }

    background: Rectangle {
        radius: Theme.radius
        color: control.fillColor
        border.width: control.variant === "secondary" || control.visualFocus ? 1 : 0
        border.color: control.visualFocus ? Theme.accent : Theme.border
        opacity: control.down ? 0.85 : 1
        Behavior on color { ColorAnimation { duration: 120 } }
    }
}
