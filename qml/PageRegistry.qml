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
//   section  — the group it belongs to (DESIGN.md layout: onboarding,
//              wallet, staking, governance, marketplace, models, revenue,
//              settings); the sidebar lists pages under their section's
//              title, sections in the order of `sections` below
//   sidebar  — listed in the sidebar (only pages that work end to end)
//   shell    — shown inside the shell (sidebar + header); false for the
//              full-window flows (onboarding, unlock)
// A page may declare `property bool ready` and set it once its data has
// loaded; --screenshot waits for it (pages without it are ready at once).
QtObject {
    readonly property var pages: [
        { id: "welcome",  title: qsTr("Welcome"),       icon: "wallet",   source: "pages/onboarding/WelcomePage.qml",      section: "onboarding", sidebar: false, shell: false },
        { id: "create",   title: qsTr("Create wallet"), icon: "plus",     source: "pages/onboarding/CreateWalletPage.qml", section: "onboarding", sidebar: false, shell: false },
        { id: "import",   title: qsTr("Import wallet"), icon: "download", source: "pages/onboarding/ImportWalletPage.qml", section: "onboarding", sidebar: false, shell: false },
        { id: "unlock",   title: qsTr("Unlock"),        icon: "lock",     source: "pages/unlock/UnlockPage.qml",           section: "onboarding", sidebar: false, shell: false },
        // desktop-wallet: the wallet pages
        { id: "accounts", title: qsTr("Accounts"),     icon: "wallet",      source: "pages/wallet/AccountsPage.qml",    section: "wallet", sidebar: true,  shell: true },
        { id: "send",     title: qsTr("Send"),         icon: "arrow-right", source: "pages/wallet/SendPage.qml",        section: "wallet", sidebar: true,  shell: true },
        { id: "receive",  title: qsTr("Receive"),      icon: "download",    source: "pages/wallet/ReceivePage.qml",     section: "wallet", sidebar: true,  shell: true },
        { id: "history",  title: qsTr("History"),      icon: "clock",       source: "pages/wallet/HistoryPage.qml",     section: "wallet", sidebar: true,  shell: true },
        { id: "contacts", title: qsTr("Address book"), icon: "file",        source: "pages/wallet/AddressBookPage.qml", section: "wallet", sidebar: true,  shell: true },
        // staking: agents and my positions (issue 14)
        { id: "agents",     title: qsTr("Agents"),     icon: "globe",  source: "pages/staking/AgentsPage.qml",    section: "staking", sidebar: true, shell: true },
        { id: "my-staking", title: qsTr("My staking"), icon: "shield", source: "pages/staking/MyStakingPage.qml", section: "staking", sidebar: true, shell: true },
        // revenue: the pool, my share recomputed from proven inputs, claim all (issue 18)
        { id: "revenue",    title: qsTr("Revenue"),    icon: "refresh", source: "pages/revenue/RevenuePage.qml",  section: "revenue", sidebar: true, shell: true },
        { id: "settings", title: qsTr("Settings"),      icon: "settings", source: "pages/settings/SettingsPage.qml",       section: "settings", sidebar: true,  shell: true },
    ]

    // The sidebar's groups, in order; a section shows once it has a page.
    readonly property var sections: [
        { id: "wallet",      title: qsTr("Wallet") },
        { id: "staking",     title: qsTr("Staking") },
        { id: "governance",  title: qsTr("Governance") },
        { id: "marketplace", title: qsTr("Marketplace") },
        { id: "models",      title: qsTr("Models") },
        { id: "revenue",     title: qsTr("Revenue") },
        { id: "settings",    title: qsTr("Settings") },
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
    // [{ id, title, pages: [...] }] for the sections that have sidebar pages.
    function sidebarSections(): var {
        return sections.map(s => ({ id: s.id, title: s.title, pages: pages.filter(p => p.sidebar && p.section === s.id) }))
                       .filter(s => s.pages.length > 0)
    }
}
