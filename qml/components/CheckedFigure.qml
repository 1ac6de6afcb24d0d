pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import Computronium

// One figure with its proof state, as the framework's CheckedValue words it:
// verified (the figure, a check mark, the block on hover), unverified (the
// figure, marked, and why), mismatch (no figure: "hidden", the node that
// contradicted its proof) or unavailable. It decides nothing; the view model
// has already chosen what may be shown.
Item {
    id: root

    property var value: ({})      // a CheckedValue
    property string unit: "CTRN"
    property bool large: false
    readonly property string proof: value && value.state ? value.state : ""
    readonly property string shownText: proof === "verified" || proof === "unverified"
                                        ? value.figure + (unit !== "" ? " " + unit : "") : proof === "mismatch" ? qsTr("hidden") : "—"
    readonly property string stateText: proof === "verified" ? qsTr("proven at block %1").arg(value.block)
                                      : proof === "unverified" ? qsTr("unproven: %1").arg(value.why)
                                      : proof === "mismatch" ? qsTr("the node contradicted its proof: %1%2").arg(value.why).arg(value.node !== "" ? " (" + value.node + ")" : "")
                                      : proof === "unavailable" ? value.why : ""

    implicitWidth: row.implicitWidth
    implicitHeight: row.implicitHeight

    Row {
        id: row
        spacing: 4
        Label {
            objectName: root.objectName !== "" ? root.objectName + "Text" : ""
            text: root.shownText
            color: root.proof === "mismatch" ? Theme.danger : Theme.text
            font.pixelSize: root.large ? Theme.fontTitle : Theme.fontBody
            font.weight: root.large ? Font.DemiBold : Font.Normal
        }
        Label {
            anchors.verticalCenter: parent.verticalCenter
            text: root.proof === "verified" ? "✓" : root.proof === "unverified" ? "?" : root.proof === "mismatch" ? "⚠" : ""
            color: root.proof === "verified" ? Theme.success : root.proof === "mismatch" ? Theme.danger : Theme.warning
            font.pixelSize: Theme.fontSmall
            font.weight: Font.Bold
            HoverHandler { id: hover }
            ToolTip.visible: hover.hovered && root.stateText !== ""
            ToolTip.text: root.stateText
        }
    }
}
