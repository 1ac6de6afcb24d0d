pragma ComponentBehavior: Bound
import QtQuick
import QtTest
import Computronium

// AmountField: typing reaches the view model (edited), the view model's
// verdict is what the field shows (error border and message, from
// SendController parsing with core), and Max asks the view model.
TestCase {
    id: testCase
    name: "AmountField"
    when: windowShown
    width: 500
    height: 200
    visible: true

    Component { id: fieldComponent; AmountField { width: 420 } }
    Component { id: sendComponent; SendController {} }
    SignalSpy { id: maxSpy; signalName: "maxRequested" }

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

    function test_typingGoesToTheViewModelAndItsErrorIsShown() {
        const field = createTemporaryObject(fieldComponent, testCase)
        const send = createTemporaryObject(sendComponent, testCase)
        field.edited.connect(t => send.amount = t)
        field.error = Qt.binding(() => send.amountError)
        const input = findChild(field, "amountInput")
        input.forceActiveFocus()
        keyClick(Qt.Key_1); keyClick(Qt.Key_Period); keyClick(Qt.Key_5)
        compare(send.amount, "1.5")
        compare(field.error, "")
        verify(!input.invalid)
        field.text = ""
        input.forceActiveFocus()
        for (const k of [Qt.Key_1, Qt.Key_Period, Qt.Key_2, Qt.Key_Period, Qt.Key_3])
            keyClick(k)
        compare(send.amount, "1.2.3")
        compare(field.error, "Invalid amount: '1.2.3'")
        verify(input.invalid)
        // 19 decimal places: more than ETH has; the message says so.
        send.amount = "0.0000000000000000001"
        compare(field.error, "Invalid amount: more than 18 decimal places")
    }

    function test_unitAndMax() {
        const field = createTemporaryObject(fieldComponent, testCase, { unit: "CTRN" })
        compare(findChild(field, "amountInput").children.length > 0, true)
        maxSpy.target = field
        maxSpy.clear()
        mouseClick(findChild(field, "amountMax"))
        compare(maxSpy.count, 1)
        field.maxEnabled = false
        mouseClick(findChild(field, "amountMax"))
        compare(maxSpy.count, 1)
    }
}
