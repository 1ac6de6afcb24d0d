// What the end-to-end tests share: the real app (AppContext + Main.qml, as
// the executable loads them) offscreen on the devnet fixture with a fresh
// wallet nobody else uses (imported with ctrn, unlocked through the Unlock
// page, funded by the faucet on Accounts), driven through its QML items by
// objectName as a user would, and cast to ask the chain.
#pragma once

#include "app.h"
#include "app_context.h"
#include "session_controller.h"

#include "cli/cli_runner.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QQmlApplicationEngine>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTest>

#include <core/util/uint256.h>

namespace e2e {

constexpr int kTimeout = 30000;

inline QObject* findNamed(QObject* root, const QString& name) {
    if (!root) return nullptr;
    if (root->objectName() == name) return root;
    for (QObject* child : root->children())
        if (QObject* hit = findNamed(child, name)) return hit;
    if (auto* item = qobject_cast<QQuickItem*>(root))
        for (QQuickItem* child : item->childItems())
            if (QObject* hit = findNamed(child, name)) return hit;
    return nullptr;
}
inline bool isShown(QObject* o) {
    auto* item = qobject_cast<QQuickItem*>(o);
    return item && item->isVisible();
}

class Driver : public QObject {
public:
    explicit Driver(QString password) : m_password(std::move(password)) {}

protected:
    QObject* item(const QString& name) { return findNamed(m_window, name); }
    QString text(const QString& name) {
        QObject* o = item(name);
        return o ? o->property("text").toString() : QString();
    }
    bool clickable(const QString& name) {
        QObject* o = item(name);
        return isShown(o) && o->property("enabled").toBool();
    }
    // Not inside QTRY_*: it evaluates its expression once more after it held.
    bool click(const QString& name) {
        if (!clickable(name)) return false;
        QMetaObject::invokeMethod(item(name), "clicked");
        return true;
    }
    QString cast(const QStringList& args) {
        const auto r = runCast(args + QStringList{QStringLiteral("--rpc-url"), m_rpc});
        return r.exitCode == 0 ? r.out : QStringLiteral("error: ") + r.err;
    }
    // The first word of a cast call's first line ("123 [1.23e2]" -> "123").
    QString call(const QString& contract, const QString& sig, const QStringList& args = {}) {
        return cast(QStringList{"call", contract, sig} + args).section('\n', 0, 0).section(' ', 0, 0);
    }
    QString nonce() { return cast({QStringLiteral("nonce"), m_address}); }
    QString contract(const QString& name) const { return m_manifest.value("contracts").toObject().value(name).toString(); }
    void goTo(const QString& page) {
        QVERIFY2(click(QStringLiteral("nav_") + page), qPrintable(page));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->property("currentPage").toString(), page, kTimeout);
    }
    QString stage() {
        QObject* review = item(QStringLiteral("txReview"));
        return review ? review->property("stage").toString() : QString();
    }
    void type(const QString& name, const QString& value, const QString& inner = {}) {
        QObject* o = item(name);
        if (o && !inner.isEmpty()) o = findNamed(o, inner);
        auto* input = qobject_cast<QQuickItem*>(o);
        QVERIFY2(input && input->isVisible(), qPrintable(name));
        input->forceActiveFocus();
        QTRY_VERIFY(input->hasActiveFocus());
        QMetaObject::invokeMethod(input, "selectAll");
        if (value.isEmpty()) QTest::keyClick(m_window, Qt::Key_Backspace);
        else
            for (const QChar c : value) QTest::keyClick(m_window, c.toLatin1());
        QCOMPARE(input->property("text").toString(), value);
    }
    // From the review: continue, type the password, confirm.
    void sign() {
        QTRY_VERIFY_WITH_TIMEOUT(clickable(QStringLiteral("txContinue")), kTimeout);
        QVERIFY(click(QStringLiteral("txContinue")));
        QTRY_COMPARE_WITH_TIMEOUT(stage(), QStringLiteral("password"), kTimeout);
        type(QStringLiteral("txPassword"), m_password, QStringLiteral("passwordInput"));
        QVERIFY(click(QStringLiteral("txConfirm")));
    }
    // Moves the chain's clock on and mines a block.
    void advance(qint64 seconds) {
        QVERIFY(!cast({"rpc", "evm_increaseTime", QString::number(seconds)}).startsWith("error"));
        QVERIFY(!cast({"rpc", "evm_mine"}).startsWith("error"));
    }

    // The manifest, a fresh wallet `name`, the app's window, connected.
    void launch(const QString& name) {
        QFile f(qEnvironmentVariable("CTRN_DEVNET_DIR") + QStringLiteral("/devnet.json"));
        QVERIFY2(f.open(QIODevice::ReadOnly), "the devnet fixture wrote no manifest");
        m_manifest = QJsonDocument::fromJson(f.readAll()).object();
        m_rpc = m_manifest.value("rpc").toString();
        QVERIFY(!m_rpc.isEmpty());
        QVERIFY(m_dir.isValid());
        const auto words = runCtrn({"mnemonic", "new", "--words", "12"});
        CTRN_EXPECT_OK(words);
        m_passwordFile = writeFile(m_dir, "password", m_password.toUtf8());
        const auto imported = importMnemonicWallet(m_dir, name, words.out.trimmed().toUtf8(), 1, m_passwordFile, m_dir.filePath("data"));
        CTRN_EXPECT_OK(imported);
        openApp();
    }
    // The app as the executable starts it, on this test's data directory,
    // connected to the devnet.
    void openApp() {
        ctrn::desktop::LaunchOptions options;
        options.dataDir = m_dir.filePath(QStringLiteral("data"));
        options.keystore = ctrn::crypto::KeystoreParams::lightScrypt();
        m_context = std::make_unique<ctrn::desktop::AppContext>(options);
        m_engine = std::make_unique<QQmlApplicationEngine>();
        QVERIFY(ctrn::desktop::loadMainWindow(*m_engine));
        m_window = qobject_cast<QQuickWindow*>(m_engine->rootObjects().front());
        QVERIFY(m_window);
        m_window->requestActivate();
        QVERIFY(QTest::qWaitForWindowActive(m_window));
        m_context->connectTo(QStringLiteral("devnet"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_context->connecting() && m_context->session()->walletsLoaded(), kTimeout);
        QVERIFY2(m_context->connected(), qPrintable(m_context->connectionError()));
    }
    // Unlocks through the Unlock page and takes the faucet's CTRN and ETH on Accounts.
    void unlockWithFaucet() {
        QTRY_COMPARE_WITH_TIMEOUT(m_window->property("mode").toString(), QStringLiteral("unlock"), kTimeout);
        type(QStringLiteral("unlockPassword"), m_password, QStringLiteral("passwordInput"));
        QVERIFY(click(QStringLiteral("unlockButton")));
        QTRY_COMPARE_WITH_TIMEOUT(m_window->property("mode").toString(), QStringLiteral("shell"), kTimeout);
        QTRY_VERIFY_WITH_TIMEOUT(text(QStringLiteral("currentAddress")).startsWith(QStringLiteral("0x")), kTimeout);
        m_address = text(QStringLiteral("currentAddress"));
        if (m_window->property("currentPage").toString() != QStringLiteral("accounts")) goTo(QStringLiteral("accounts"));
        QTRY_VERIFY_WITH_TIMEOUT(clickable(QStringLiteral("faucetButton")), kTimeout);
        QVERIFY(click(QStringLiteral("faucetButton")));
        QTRY_VERIFY_WITH_TIMEOUT(call(contract("ComputroniumToken"), "balanceOf(address)(uint256)", {m_address}) != "0"
                                     && cast({"balance", m_address}) != "0",
                                 kTimeout);
    }
    void shutDown() {
        m_engine.reset();
        if (m_context) m_context->drain();
    }

    QString m_password;
    QTemporaryDir m_dir;
    QString m_passwordFile;
    QJsonObject m_manifest;
    std::unique_ptr<ctrn::desktop::AppContext> m_context;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    QQuickWindow* m_window = nullptr;
    QString m_rpc, m_address;
};

} // namespace e2e
