pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// A page's title and one-line description.
// The root is an Item, not a layout: Qt 6.4 crashes destroying a layout
// root of a dynamically created component (its children re-enter it).
Item {
    id: header

    property string title
    property string subtitle

    implicitWidth: rootLayout.implicitWidth
    implicitHeight: rootLayout.implicitHeight

    ColumnLayout {
        id: rootLayout
        anchors.fill: parent


        spacing: 4
        Label {
            text: header.title
            color: Theme.text
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontTitle
            font.weight: Font.Bold
        }
        Label {
            text: header.subtitle
            visible: text !== ""
            color: Theme.textMuted
            font.family: Theme.fontFamily
            font.pixelSize: Theme.fontBody
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

    }
}
