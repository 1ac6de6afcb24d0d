pragma ComponentBehavior: Bound
import QtQuick
import QtTest
import Computronium

// The password field and its strength meter: the estimate comes from C++
// (PasswordStrength), the meter shows it, and a form can read `acceptable`.
TestCase {
    id: testCase
    name: "PasswordField"
    when: windowShown
    width: 500
    height: 200
    visible: true

    Component { id: fieldComponent; PasswordField { width: 400; showStrength: true } }

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

    function test_emptyIsNotAcceptable() {
        const field = createTemporaryObject(fieldComponent, testCase)
        compare(field.acceptable, false)
        compare(field.strength.bits, 0)
        compare(findChild(field, "strengthLabel").text, "")
    }

    function test_weakPasswords() {
        const field = createTemporaryObject(fieldComponent, testCase)
        for (const weak of ["abc", "password", "Password123", "aaaaaaaaaaaaaaaa", "abcdefghijklmnop", "12345678901"]) {
            field.text = weak
            verify(!field.acceptable, weak + " must not be acceptable")
            verify(field.strength.level <= 1, weak + " level " + field.strength.level)
        }
    }

    function test_strongPasswords() {
        const field = createTemporaryObject(fieldComponent, testCase)
        for (const strong of ["correct horse battery staple", "T7#kq9!Vz2@pLm", "xK4mQ9rT2wZ8vB"]) {
            field.text = strong
            verify(field.acceptable, strong + " should be acceptable (" + field.strength.bits + " bits)")
            verify(field.strength.level >= 3)
        }
    }

    function test_strengthGrowsWithLength() {
        const field = createTemporaryObject(fieldComponent, testCase)
        field.text = "k7Rq"
        const shorter = field.strength.bits
        field.text = "k7Rq2Wz9"
        verify(field.strength.bits > shorter)
    }

    function test_meterShowsLevel() {
        const field = createTemporaryObject(fieldComponent, testCase)
        field.text = "correct horse battery staple"
        const label = findChild(field, "strengthLabel")
        verify(label.visible)
        verify(label.text.indexOf("bits") > 0, label.text)
        verify(label.text.indexOf("strong") >= 0 || label.text.indexOf("Strong") >= 0, label.text)
    }

    function test_revealToggle() {
        const field = createTemporaryObject(fieldComponent, testCase)
        field.text = "secret"
        const input = findChild(field, "passwordInput")
        compare(input.echoMode, TextInput.Password)
        mouseClick(findChild(field, "revealButton"))
        compare(input.echoMode, TextInput.Normal)
        mouseClick(findChild(field, "revealButton"))
        compare(input.echoMode, TextInput.Password)
    }

    function test_typing() {
        const field = createTemporaryObject(fieldComponent, testCase)
        const input = findChild(field, "passwordInput")
        input.forceActiveFocus()
        keyClick("a")
        keyClick("B")
        keyClick("3")
        compare(field.text, "aB3")
    }
}
