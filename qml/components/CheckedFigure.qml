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
    // When set, the figure shrinks to this width (down to the small font,
    // then elides): amounts carry up to 18 decimals and must not overflow a card.
    property real fitWidth: 0
    // When >= 0, the figure is shown rounded to this many decimals with the
    // locale's group separators ("12,260.65"); the exact figure is in the
    // tooltip. For summaries only: an amount a person acts on stays exact.
    property int decimals: -1
    readonly property string proof: value && value.state ? value.state : ""
    readonly property string figureText: decimals >= 0 && value && value.figure !== undefined && value.figure !== ""
                                         ? Number(value.figure).toLocaleString(Qt.locale(), "f", decimals) : (value ? value.figure : "")
    readonly property string shownText: proof === "verified" || proof === "unverified"
                                        ? figureText + (unit !== "" ? " " + unit : "") : proof === "mismatch" ? qsTr("hidden") : "—"
    readonly property string exactText: decimals >= 0 && (proof === "verified" || proof === "unverified") ? value.figure + " " + unit + " — " : ""
    readonly property string stateText: exactText + (proof === "verified" ? qsTr("proven at block %1").arg(value.block)
                                      : proof === "unverified" ? qsTr("unproven: %1").arg(value.why)
                                      : proof === "mismatch" ? qsTr("the node contradicted its proof: %1%2").arg(value.why).arg(value.node !== "" ? " (" + value.node + ")" : "")
                                      : proof === "unavailable" ? value.why : "")

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
            width: root.fitWidth > 0 ? Math.min(implicitWidth, root.fitWidth - mark.implicitWidth - row.spacing) : implicitWidth
            fontSizeMode: root.fitWidth > 0 ? Text.HorizontalFit : Text.FixedSize
            minimumPixelSize: Theme.fontSmall
            elide: root.fitWidth > 0 ? Text.ElideRight : Text.ElideNone
        }
        Label {
            id: mark
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
