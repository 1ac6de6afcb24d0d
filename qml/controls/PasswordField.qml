pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// A password input with a show/hide toggle and, with showStrength, the
// strength meter (PasswordStrength, computed in C++). `acceptable` tells a
// form whether the password is strong enough to set.
// The root is an Item, not a layout: Qt 6.4 crashes destroying a layout
// root of a dynamically created component (its children re-enter it).
Item {
    id: root

    property alias text: input.text
    property alias placeholderText: input.placeholderText
    property bool showStrength: false
    property bool invalid: false
    readonly property var strength: PasswordStrength.evaluate(input.text)
    readonly property bool acceptable: strength.acceptable
    readonly property alias field: input
    signal accepted()

    implicitWidth: column.implicitWidth
    implicitHeight: column.implicitHeight

    ColumnLayout {
    id: column
    anchors.fill: parent
    spacing: 8

    AppTextField {
        id: input
        objectName: "passwordInput"
        Layout.fillWidth: true
        echoMode: reveal.checked ? TextInput.Normal : TextInput.Password
        passwordCharacter: "•"
        rightPadding: 44
        invalid: root.invalid
        onAccepted: root.accepted()

        AbstractButton {
            id: reveal
            objectName: "revealButton"
            checkable: true
            anchors.right: parent.right
            anchors.rightMargin: 8
            anchors.verticalCenter: parent.verticalCenter
            width: 30
            height: 30
            focusPolicy: Qt.NoFocus
            contentItem: Icon {
                name: reveal.checked ? "eye-off" : "eye"
                color: reveal.hovered ? Theme.text : Theme.textMuted
                size: 16
            }
            background: Item {}
        }
    }
    StrengthMeter {
        objectName: "strengthMeter"
        visible: root.showStrength
        strength: root.strength
        Layout.fillWidth: true
    }
}
}
