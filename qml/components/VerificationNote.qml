pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import Computronium

// What the light client says of the current account's balances, in one
// line: verified at block N (with the proven figures), unverified and why,
// or a mismatch (the node contradicted its proof). The Accounts and Send
// pages show the same BalanceVerification this way; the state comes from
// the view model, this only words it.
Label {
    id: note

    required property BalanceVerification verification
    // The proven figures after "verified at block N" (the Accounts page).
    property bool showFigures: true

    wrapMode: Text.Wrap
    font.pixelSize: Theme.fontSmall
    color: note.verification.state === "verified" ? Theme.success
         : note.verification.state === "mismatch" ? Theme.danger : Theme.textFaint
    text: note.verification.state === "verified"
          ? (!note.showFigures ? qsTr("Verified by the light client at block %1.").arg(note.verification.block)
             : note.verification.ctrnBalance !== ""
             ? qsTr("Verified by the light client at block %1: %2 ETH, %3 CTRN.").arg(note.verification.block).arg(note.verification.ethBalance).arg(note.verification.ctrnBalance)
             : qsTr("Verified by the light client at block %1: %2 ETH.").arg(note.verification.block).arg(note.verification.ethBalance))
          : note.verification.state === "mismatch" ? qsTr("The node contradicted its proof; its figures are hidden. %1").arg(note.verification.message)
          : note.verification.state === "busy" ? qsTr("Verifying with the light client…")
          : note.verification.state !== "" ? qsTr("Unverified: %1").arg(note.verification.message)
          : qsTr("Unverified: read from the node, not yet proven by the light client.")
}
