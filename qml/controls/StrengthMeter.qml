pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// Four bars and a label for PasswordStrength.evaluate()'s result.
// The root is an Item, not a layout: Qt 6.4 crashes destroying a layout
// root of a dynamically created component (its children re-enter it).
Item {
    id: meter

    property var strength: ({ bits: 0, level: 0, acceptable: false, label: "" })
    readonly property color levelColor: [Theme.danger, Theme.danger, Theme.warning, Theme.success, Theme.success][strength.level]

    implicitWidth: rootLayout.implicitWidth
    implicitHeight: rootLayout.implicitHeight

    RowLayout {
        id: rootLayout
        anchors.fill: parent
        spacing: 6

        Repeater {
            model: 4
            Rectangle {
                required property int index
                Layout.fillWidth: true
                Layout.preferredHeight: 4
                radius: 2
                color: meter.strength.label !== "" && index < Math.max(1, meter.strength.level) ? meter.levelColor : Theme.border
            }
        }
        Label {
            objectName: "strengthLabel"
            text: meter.strength.label !== "" ? qsTr("%1 · ~%2 bits").arg(meter.strength.label).arg(meter.strength.bits) : ""
            color: meter.strength.label !== "" ? meter.levelColor : Theme.textFaint
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontSmall
            Layout.preferredWidth: 150
            horizontalAlignment: Text.AlignRight
        }

    }
}
