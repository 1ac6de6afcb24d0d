pragma ComponentBehavior: Bound
import QtQuick
import QtTest
import Computronium

// Onboarding's recovery-phrase confirmation: three distinct positions are
// asked, answers are checked ignoring case and spaces, and the words are
// dropped afterwards.
TestCase {
    id: testCase
    name: "WordConfirmation"

    readonly property var words: ["abandon", "ability", "able", "about", "above", "absent",
                                  "absorb", "abstract", "absurd", "abuse", "access", "accident"]

    Component { id: controllerComponent; OnboardingController {} }

    function answersFor(controller) {
        return controller.confirmIndices.map(i => words[i])
    }

    function test_picksThreeDistinctPositions() {
        const c = createTemporaryObject(controllerComponent, testCase)
        for (let round = 0; round < 20; ++round) {
            c.setMnemonicForConfirmation(words)
            const idx = c.confirmIndices
            compare(idx.length, 3)
            verify(idx[0] < idx[1] && idx[1] < idx[2], JSON.stringify(idx))
            verify(idx[0] >= 0 && idx[2] < 12)
        }
        compare(c.mnemonicWords.length, 12)
    }

    function test_correctAnswers() {
        const c = createTemporaryObject(controllerComponent, testCase)
        c.setMnemonicForConfirmation(words)
        verify(c.checkConfirmation(answersFor(c)))
        // Case and surrounding spaces do not matter.
        verify(c.checkConfirmation(answersFor(c).map(w => "  " + w.toUpperCase() + " ")))
    }

    function test_wrongAnswers() {
        const c = createTemporaryObject(controllerComponent, testCase)
        c.setMnemonicForConfirmation(words)
        const answers = answersFor(c)
        const swapped = [answers[1], answers[0], answers[2]]
        verify(!c.checkConfirmation(swapped))
        verify(!c.checkConfirmation(answers.slice(0, 2)))
        verify(!c.checkConfirmation(answers.concat(["extra"])))
        verify(!c.checkConfirmation(["", "", ""]))
        answers[2] = answers[2] + "s"
        verify(!c.checkConfirmation(answers))
    }

    function test_forgetClearsTheWords() {
        const c = createTemporaryObject(controllerComponent, testCase)
        c.setMnemonicForConfirmation(words)
        const answers = answersFor(c)
        c.forgetMnemonic()
        compare(c.mnemonicWords.length, 0)
        compare(c.confirmIndices.length, 0)
        verify(!c.checkConfirmation(answers))
    }

    function test_walletNames() {
        const c = createTemporaryObject(controllerComponent, testCase)
        compare(c.checkName("main"), "")
        compare(c.checkName("savings-2026_a"), "")
        verify(c.checkName("") !== "")
        verify(c.checkName("../etc") !== "")
        verify(c.checkName("has space") !== "")
    }

    function test_createNeedsAConnection() {
        const c = createTemporaryObject(controllerComponent, testCase)
        const spy = createTemporaryObject(spyComponent, testCase, { target: c })
        c.createWallet("main", "correct horse battery staple", 12)
        compare(spy.count, 1)
        verify(c.error !== "")
        compare(c.busy, false)
    }
    Component { id: spyComponent; SignalSpy { signalName: "failed" } }
}
