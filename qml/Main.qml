pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Computronium

// The window. It shows one of four things:
//   connecting — no services yet (connecting, or the node is unreachable)
//   onboarding — no wallet yet, or the user chose to add one
//   unlock     — the current wallet is locked (at start and after idle time)
//   shell      — sidebar + the current page from PageRegistry
// With --screenshot PAGE FILE it shows PAGE, waits for its `ready` and the
// wallet list, and asks AppContext to save the window as a PNG.
ApplicationWindow {
    id: window

    readonly property var session: AppContext.session
    readonly property string screenshotPage: AppContext.screenshotPage
    readonly property var screenshotEntry: screenshotPage !== "" ? PageRegistry.find(screenshotPage) : null
    property bool addingWallet: false
    property string flowPage: "welcome"
    property string currentPage: screenshotEntry && screenshotEntry.shell ? screenshotEntry.id
                                 : (PageRegistry.sidebarPages()[0]?.id ?? "settings")

    readonly property string mode: {
        if (screenshotEntry && !screenshotEntry.shell)
            return screenshotEntry.id === "unlock" ? "unlock" : "onboarding"
        if (!AppContext.connected || !session.walletsLoaded)
            return "connecting"
        if (addingWallet || session.wallets.length === 0)
            return "onboarding"
        if (session.locked && screenshotPage === "")
            return "unlock"
        return "shell"
    }

    function navigate(page: string) {
        const entry = PageRegistry.find(page)
        if (!entry)
            return
        if (entry.shell) {
            currentPage = page
        } else if (page === "unlock") {
            addingWallet = false
        } else {
            flowPage = page
            addingWallet = true
        }
    }

    width: 1200
    height: 780
    minimumWidth: 960
    minimumHeight: 640
    visible: true
    title: qsTr("Computronium Wallet")
    color: Theme.background
    font.family: Theme.fontFamily
    font.pixelSize: Theme.fontBody
    palette.window: Theme.background
    palette.windowText: Theme.text
    palette.text: Theme.text
    palette.base: Theme.surfaceRaised
    palette.button: Theme.surfaceRaised
    palette.buttonText: Theme.text
    palette.highlight: Theme.accent
    palette.highlightedText: Theme.textOnAccent
    palette.placeholderText: Theme.textFaint
    palette.mid: Theme.border
    palette.dark: Theme.accent
    palette.light: Theme.surface
    palette.midlight: Theme.surfaceHover

    Component.onCompleted: if (screenshotEntry && !screenshotEntry.shell && screenshotEntry.id !== "unlock") flowPage = screenshotEntry.id

    Loader {
        id: flow
        anchors.fill: parent
        active: window.mode !== "shell"
        source: window.mode === "connecting" ? Qt.resolvedUrl("pages/connection/ConnectionPage.qml")
              : window.mode === "unlock" ? PageRegistry.url("unlock")
              : window.mode === "onboarding" ? PageRegistry.url(window.flowPage) : ""
    }
    Connections {
        target: flow.item
        ignoreUnknownSignals: true
        function onNavigate(page: string) { window.navigate(page) }
        function onFinished() { window.addingWallet = false; window.flowPage = "welcome" }
    }

    RowLayout {
        id: shell
        anchors.fill: parent
        visible: window.mode === "shell"
        spacing: 0

        Sidebar {
            Layout.fillHeight: true
            Layout.preferredWidth: Theme.sidebarWidth
            currentPage: window.currentPage
            onNavigate: page => window.navigate(page)
            onAddWallet: window.navigate("welcome")
        }
        Loader {
            id: content
            Layout.fillWidth: true
            Layout.fillHeight: true
            active: window.mode === "shell"
            source: PageRegistry.url(window.currentPage)
        }
    }
    Connections {
        target: content.item
        ignoreUnknownSignals: true
        function onNavigate(page: string) { window.navigate(page) }
    }

    // --screenshot: poll until the page is there and has loaded, then let two
    // more frames render before grabbing.
    Timer {
        id: screenshotPoll
        interval: 150
        repeat: true
        running: window.screenshotPage !== ""
        onTriggered: {
            if (!window.screenshotEntry) {
                console.error("unknown page for --screenshot:", window.screenshotPage)
                running = false
                Qt.exit(2)
                return
            }
            const loader = window.mode === "shell" ? content : flow
            const wanted = window.screenshotEntry.shell ? "shell" : window.mode
            if (window.mode !== wanted || window.mode === "connecting" || loader.status !== Loader.Ready)
                return
            const item = loader.item
            if (item.ready !== undefined && !item.ready)
                return
            if (window.screenshotEntry.shell && !window.session.walletsLoaded)
                return
            running = false
            AppContext.reportPageReady()
            grabDelay.start()
        }
    }
    Timer {
        id: grabDelay
        interval: 400
        onTriggered: AppContext.saveScreenshot(window)
    }
}
