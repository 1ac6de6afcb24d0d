pragma ComponentBehavior: Bound
import QtQuick
import QtTest
import Computronium

// AddressField: the view model (SendController, checking with core's
// EIP-55) decides; the field shows the error or the checksummed form.
TestCase {
    id: testCase
    name: "AddressField"
    when: windowShown
    width: 600
    height: 200
    visible: true

    Component { id: fieldComponent; AddressField { width: 560 } }
    Component { id: sendComponent; SendController {} }

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

    function bind(field, send) {
        field.edited.connect(t => send.recipient = t)
        field.error = Qt.binding(() => send.recipientError)
        field.checksummed = Qt.binding(() => send.recipientChecksummed)
    }

    // As a paste does: the text changes and the field reports the edit.
    function type(field, text) {
        const input = findChild(field, "addressInput")
        input.text = text
        input.textEdited()
        return input
    }

    function test_lowerCaseIsCheckedAndShownChecksummed() {
        const field = createTemporaryObject(fieldComponent, testCase)
        const send = createTemporaryObject(sendComponent, testCase)
        bind(field, send)
        const input = type(field, "0x70997970c51812dc3a010c7d01b50e0d17dc79c8")
        compare(field.error, "")
        compare(field.checksummed, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
        verify(!input.invalid)
        compare(field.hint, "Checksummed: 0x70997970C51812dc3A010C7d01b50e0d17dc79C8")
    }

    function test_badChecksumIsAnError() {
        const field = createTemporaryObject(fieldComponent, testCase)
        const send = createTemporaryObject(sendComponent, testCase)
        bind(field, send)
        // One letter's case changed.
        const input = type(field, "0x70997970C51812dc3A010C7d01b50e0d17dc79c8")
        compare(field.error, "Invalid address: bad EIP-55 checksum")
        compare(field.checksummed, "")
        verify(input.invalid)
        verify(!send.canReview)
    }

    function test_tooShortAndMissingPrefix() {
        const field = createTemporaryObject(fieldComponent, testCase)
        const send = createTemporaryObject(sendComponent, testCase)
        bind(field, send)
        type(field, "0x1234")
        compare(field.error, "Invalid address: expected 40 hex digits, got 4")
        type(field, "70997970c51812dc3a010c7d01b50e0d17dc79c8")
        compare(field.error, "Invalid address: missing 0x prefix")
    }

    function test_noPickerWithoutContacts() {
        const field = createTemporaryObject(fieldComponent, testCase)
        verify(!findChild(field, "addressBookButton").visible)
    }
}
