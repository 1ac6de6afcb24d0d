pragma ComponentBehavior: Bound
import QtQuick
import QtTest
import Computronium
import ComputroniumTest

// TxReview.qml through every stage of a real TxFlow (the Send view model
// on the recorded devnet, tst_desktop_qml.cpp's TxFixture): hidden while
// editing; the review with the decoded call, its arguments, the cost and
// the simulation; the password (a wrong one says so and stays); pending
// with the hash; mined; and, for another send, failed with the reason.
TestCase {
    id: testCase
    name: "TxReview"
    when: windowShown
    width: 760
    height: 900
    visible: true

    readonly property var send: TxFixture.send

    Component { id: reviewComponent; TxReview { width: 720 } }

    function findChild(item, name) {
        if (item.objectName === name)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findChild(item.children[i], name)
            if (found)
                return found
        }
        return null
    }

    function reviewOf(amount) {
        send.reset()
        send.asset = "CTRN"
        send.recipient = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC"
        send.amount = amount
        send.review()
        tryCompare(send.flow, "stage", "review", 10000)
    }

    function signWith(review, password) {
        const field = findChild(review, "txPassword")
        verify(field.visible)
        field.text = password
        const confirm = findChild(review, "txConfirm")
        verify(confirm.enabled)
        mouseClick(confirm)
        tryCompare(send.flow, "busy", false, 10000)
    }

    function test_stages() {
        const review = createTemporaryObject(reviewComponent, testCase, { flow: send.flow })
        verify(review)
        compare(send.flow.stage, "edit")
        verify(!review.visible) // the page's form shows while editing

        reviewOf("1.5")
        verify(review.visible)
        verify(findChild(review, "txSummary").text.indexOf("1.5 CTRN") >= 0, findChild(review, "txSummary").text)
        compare(findChild(review, "txCall").text, "ComputroniumToken.transfer")
        compare(findChild(review, "txArgument_value").text, "1.5 CTRN")
        compare(findChild(review, "txArgument_to").text, "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC")
        compare(findChild(review, "txGasLimit").text, send.flow.gasLimit)
        verify(findChild(review, "txMaxFee").text.indexOf("gwei") > 0)
        verify(findChild(review, "txMaxTotal").text.indexOf("1.5 CTRN + up to") === 0, findChild(review, "txMaxTotal").text)
        verify(findChild(review, "txSimulation").text.indexOf("Succeeds") === 0, findChild(review, "txSimulation").text)
        verify(!findChild(review, "txPassword").visible)

        // Continue: the password stage keeps the details in view.
        mouseClick(findChild(review, "txContinue"))
        compare(send.flow.stage, "password")
        verify(findChild(review, "txSummary").visible)

        // A wrong password: said, nothing signed, still asking.
        signWith(review, "not the password")
        compare(send.flow.stage, "password")
        verify(findChild(review, "txError").text.indexOf("Wrong password") === 0, findChild(review, "txError").text)

        // The right one: pending, with the hash and a way to History.
        signWith(review, "pw")
        compare(send.flow.stage, "pending")
        verify(findChild(review, "txHash").text.indexOf("0x") === 0)
        verify(findChild(review, "txStatus").text.indexOf("waiting") > 0, findChild(review, "txStatus").text)
        verify(findChild(review, "txHistory").visible)
        verify(!findChild(review, "txPassword").visible)

        // Mined, as core pushes it.
        TxFixture.publish(send.flow.hash, "mined", "")
        tryCompare(send.flow, "stage", "mined", 5000)
        verify(findChild(review, "txStatus").text.indexOf("Mined in block 43") === 0, findChild(review, "txStatus").text)

        // Another send fails on chain: the decoded reason is shown.
        reviewOf("2")
        mouseClick(findChild(review, "txContinue"))
        signWith(review, "pw")
        compare(send.flow.stage, "pending")
        TxFixture.publish(send.flow.hash, "failed", "ERC20InsufficientBalance(sender, 1, 2)")
        tryCompare(send.flow, "stage", "failed", 5000)
        verify(findChild(review, "txStatus").text.indexOf("ERC20InsufficientBalance") > 0, findChild(review, "txStatus").text)

        // Back from review returns to the form.
        reviewOf("1")
        mouseClick(findChild(review, "txBack"))
        compare(send.flow.stage, "edit")
        verify(!review.visible)
    }
}
