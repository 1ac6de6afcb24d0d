pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Shapes
import Computronium

// The full-window frame of the flows outside the shell (connecting,
// onboarding, unlock): the brand at the top, one centred card, and an
// optional back button. Children go into the card.
Rectangle {
    id: frame

    property string title
    property string subtitle
    property bool showBack: false
    property int cardWidth: 520
    default property alias content: card.content
    signal back()

    color: Theme.background

    // A soft accent glow behind the card.
    Shape {
        anchors.fill: parent
        opacity: Theme.dark ? 0.22 : 0.12
        ShapePath {
            strokeWidth: -1
            fillGradient: RadialGradient {
                centerX: frame.width / 2
                centerY: frame.height * 0.45
                centerRadius: Math.max(frame.width, frame.height) * 0.55
                focalX: centerX
                focalY: centerY
                GradientStop { position: 0; color: Theme.accent }
                GradientStop { position: 1; color: "transparent" }
            }
            startX: 0
            startY: 0
            PathLine { x: frame.width; y: 0 }
            PathLine { x: frame.width; y: frame.height }
            PathLine { x: 0; y: frame.height }
            PathLine { x: 0; y: 0 }
        }
    }

    RowLayout {
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: Theme.paddingLarge
        spacing: 10
        Rectangle {
            width: 30; height: 30; radius: 9
            gradient: Gradient {
                orientation: Gradient.Horizontal
                GradientStop { position: 0; color: Theme.accent }
                GradientStop { position: 1; color: Qt.lighter(Theme.accent, 1.35) }
            }
            Icon { anchors.centerIn: parent; name: "logo"; color: "white"; size: 18 }
        }
        Label { text: "Computronium Wallet"; color: Theme.text; font.pixelSize: Theme.fontLarge; font.weight: Font.Bold }
    }

    Flickable {
        anchors.fill: parent
        anchors.topMargin: 72
        contentWidth: width
        contentHeight: Math.max(height, column.implicitHeight + 48)
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        ColumnLayout {
            id: column
            width: frame.cardWidth
            x: (parent.width - width) / 2
            y: Math.max(0, (parent.height - implicitHeight) / 2 - 36)
            spacing: Theme.padding

            AppButton {
                visible: frame.showBack
                variant: "ghost"
                iconName: "arrow-left"
                text: qsTr("Back")
                onClicked: frame.back()
                Layout.alignment: Qt.AlignLeft
            }
            Card {
                id: card
                Layout.fillWidth: true
                padding: 32
                spacing: 18
                PageHeader {
                    title: frame.title
                    subtitle: frame.subtitle
                    visible: frame.title !== ""
                    Layout.fillWidth: true
                }
            }
        }
    }
}
