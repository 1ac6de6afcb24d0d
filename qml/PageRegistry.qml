pragma Singleton
pragma ComponentBehavior: Bound
import QtQuick

// Every page of the app, one line each. Add a page by creating
// qml/pages/<area>/<Name>Page.qml (re-run cmake: the build globs qml/) and
// adding its line here:
//   id       — stable name, used by --screenshot and navigation
//   title    — sidebar / window title (qsTr)
//   icon     — an Icon name (controls/Icon.qml)
//   source   — the file, relative to this one
//   sidebar  — listed in the sidebar (only pages that work end to end)
//   shell    — shown inside the shell (sidebar + header); false for the
//              full-window flows (onboarding, unlock)
// A page may declare `property bool ready` and set it once its data has
// loaded; --screenshot waits for it (pages without it are ready at once).
QtObject {
    readonly property var pages: [
        { id: "welcome",  title: qsTr("Welcome"),       icon: "wallet",   source: "pages/onboarding/WelcomePage.qml",      sidebar: false, shell: false },
        { id: "create",   title: qsTr("Create wallet"), icon: "plus",     source: "pages/onboarding/CreateWalletPage.qml", sidebar: false, shell: false },
        { id: "import",   title: qsTr("Import wallet"), icon: "download", source: "pages/onboarding/ImportWalletPage.qml", sidebar: false, shell: false },
        { id: "unlock",   title: qsTr("Unlock"),        icon: "lock",     source: "pages/unlock/UnlockPage.qml",           sidebar: false, shell: false },
        // desktop-wallet: the wallet pages
        { id: "accounts", title: qsTr("Accounts"),     icon: "wallet",      source: "pages/wallet/AccountsPage.qml",    sidebar: true,  shell: true },
        { id: "send",     title: qsTr("Send"),         icon: "arrow-right", source: "pages/wallet/SendPage.qml",        sidebar: true,  shell: true },
        { id: "receive",  title: qsTr("Receive"),      icon: "download",    source: "pages/wallet/ReceivePage.qml",     sidebar: true,  shell: true },
        { id: "history",  title: qsTr("History"),      icon: "clock",       source: "pages/wallet/HistoryPage.qml",     sidebar: true,  shell: true },
        { id: "contacts", title: qsTr("Address book"), icon: "file",        source: "pages/wallet/AddressBookPage.qml", sidebar: true,  shell: true },
        { id: "settings", title: qsTr("Settings"),      icon: "settings", source: "pages/settings/SettingsPage.qml",       sidebar: true,  shell: true },
    ]

    function find(id: string): var {
        for (let i = 0; i < pages.length; ++i)
            if (pages[i].id === id)
                return pages[i]
        return null
    }
    function url(id: string): url {
        const page = find(id)
        return page ? Qt.resolvedUrl(page.source) : ""
    }
    function sidebarPages(): var {
        return pages.filter(p => p.sidebar)
    }
}
