pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// An amount: the decimal text the user types, the asset's unit beside it
// and a "Max" button. It checks nothing itself: `error` comes from the
// view model (which parses with core), and "Max" asks the view model
// (maxRequested) to fill in what the account can send.
FormField {
    id: field

    property alias text: input.text
    property string unit: "ETH"
    property bool maxEnabled: true
    property bool maxBusy: false
    readonly property alias input: input
    signal maxRequested()
    signal edited(string text)

    label: qsTr("Amount")
    implicitWidth: 360

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        AppTextField {
            id: input
            objectName: "amountInput"
            Layout.fillWidth: true
            placeholderText: "0.0"
            invalid: field.error !== ""
            inputMethodHints: Qt.ImhFormattedNumbersOnly
            rightPadding: unitLabel.implicitWidth + 24
            onTextEdited: field.edited(text)
            Label {
                id: unitLabel
                anchors.right: parent.right
                anchors.rightMargin: 14
                anchors.verticalCenter: parent.verticalCenter
                text: field.unit
                color: Theme.textMuted
                font.weight: Font.DemiBold
            }
        }
        AppButton {
            objectName: "amountMax"
            text: qsTr("Max")
            variant: "secondary"
            enabled: field.maxEnabled
            busy: field.maxBusy
            onClicked: field.maxRequested()
        }
    }
}
