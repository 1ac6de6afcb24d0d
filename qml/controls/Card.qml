pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import Computronium

// A raised, rounded panel; children are laid out in a column with padding.
Rectangle {
    id: card

    property int padding: Theme.paddingLarge
    property alias spacing: column.spacing
    default property alias content: column.data

    color: Theme.surface
    radius: Theme.radiusLarge
    border.color: Theme.border
    border.width: 1
    implicitWidth: column.implicitWidth + 2 * padding
    implicitHeight: column.implicitHeight + 2 * padding

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: card.padding
        spacing: Theme.padding
    }
}
