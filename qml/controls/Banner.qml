pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// An inline message: kind "error", "warning", "success" or "info".
Rectangle {
    id: banner

    property string kind: "error"
    property string text

    visible: text !== ""
    radius: Theme.radius
    color: kind === "error" ? Theme.dangerSoft : kind === "warning" ? Theme.warningSoft
         : kind === "success" ? Theme.successSoft : Theme.accentSoft
    readonly property color tone: kind === "error" ? Theme.danger : kind === "warning" ? Theme.warning
         : kind === "success" ? Theme.success : Theme.accent
    implicitHeight: row.implicitHeight + 20
    implicitWidth: row.implicitWidth + 28

    RowLayout {
        id: row
        anchors.fill: parent
        anchors.leftMargin: 14
        anchors.rightMargin: 14
        spacing: 10
        Icon { name: banner.kind === "success" ? "check" : "alert"; color: banner.tone; size: 16 }
        Label {
            text: banner.text
            color: Theme.text
            wrapMode: Text.Wrap
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            Layout.fillWidth: true
        }
    }
}
