pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// Covers its parent while slow work (scrypt, a node call) runs, and
// swallows input so nothing is clicked twice.
Rectangle {
    id: overlay

    property bool running: false
    property string message

    anchors.fill: parent
    visible: running
    color: Qt.rgba(Theme.background.r, Theme.background.g, Theme.background.b, 0.72)
    radius: parent && parent.radius !== undefined ? parent.radius : 0
    z: 100

    MouseArea { anchors.fill: parent; hoverEnabled: true; acceptedButtons: Qt.AllButtons; onWheel: wheel => wheel.accepted = true }

    ColumnLayout {
        anchors.centerIn: parent
        spacing: Theme.padding
        BusyIndicator { running: overlay.running; Layout.alignment: Qt.AlignHCenter }
        Label {
            text: overlay.message
            visible: text !== ""
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            Layout.alignment: Qt.AlignHCenter
        }
    }
}
