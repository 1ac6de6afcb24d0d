pragma ComponentBehavior: Bound
import QtQuick
import QtTest
import Computronium

// The create-wallet page after the wallet was made: the phrase is shown,
// Continue waits for "I have written the words down", and the confirmation
// step accepts only the right words at the asked positions.
TestCase {
    id: testCase
    name: "CreateWalletPage"
    when: windowShown
    width: 1200
    height: 780
    visible: true

    readonly property var words: ["abandon", "ability", "able", "about", "above", "absent",
                                  "absorb", "abstract", "absurd", "abuse", "access", "accident"]

    Component { id: pageComponent; CreateWalletPage { width: 1200; height: 780 } }
    Component { id: spyComponent; SignalSpy { signalName: "finished" } }

    function findChild(item, name) {
        if (item.objectName === name)
            return item
        const kids = item.children ?? []
        for (let i = 0; i < kids.length; ++i) {
            const found = findChild(kids[i], name)
            if (found)
                return found
        }
        if (item.contentItem) {
            const found = findChild(item.contentItem, name)
            if (found)
                return found
        }
        return null
    }

    function showPhrase() {
        const page = createTemporaryObject(pageComponent, testCase)
        page.controller.setMnemonicForConfirmation(words)
        page.step = 1
        waitForRendering(page)
        return page
    }

    function test_continueNeedsTheCheckbox() {
        const page = showPhrase()
        const next = findChild(page, "continueButton")
        verify(next.visible)
        verify(!next.enabled)
        mouseClick(findChild(page, "savedCheck"))
        verify(next.enabled)
        mouseClick(next)
        compare(page.step, 2)
    }

    function test_confirmation() {
        const page = showPhrase()
        const spy = createTemporaryObject(spyComponent, testCase, { target: page })
        page.step = 2
        waitForRendering(page)
        const asked = page.controller.confirmIndices
        compare(asked.length, 3)
        // Wrong words: stays, says so.
        for (const i of asked)
            findChild(page, "answer" + i).text = "zoo"
        mouseClick(findChild(page, "confirmButton"))
        compare(spy.count, 0)
        verify(findChild(page, "mismatchBanner").text !== "")
        compare(page.controller.mnemonicWords.length, 12)
        // The right ones: done, and the words are dropped.
        for (const i of asked)
            findChild(page, "answer" + i).text = words[i]
        mouseClick(findChild(page, "confirmButton"))
        compare(spy.count, 1)
        compare(page.controller.mnemonicWords.length, 0)
    }
}
