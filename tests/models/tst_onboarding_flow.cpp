// The onboarding, unlock and network flows the QML pages drive, end to end
// against the devnet fixture: an AppContext on a fresh data directory
// connects, creates a wallet (mnemonic shown once, confirmed), opens and
// unlocks it, rejects a wrong password, imports a private key, a keystore
// file and a watch-only address, and adds a network only when the node's
// chain id matches. Every call goes through the worker thread as in the app.
#include "app_context.h"
#include "network_model.h"
#include "onboarding_controller.h"
#include "preferences.h"
#include "session_controller.h"

#include "cli/cli_runner.h"

#include <QSignalSpy>

using namespace ctrn::desktop;

namespace {
const QString kPassword = QStringLiteral("correct horse battery staple");
// anvil's account 19: no other test signs with it, and importing sends nothing.
const QString kKey = QStringLiteral("0xdf57089febbacf7ba0bc227dafbffa9fc08a93fdc68e1e42411a14efcf23656e");
const QString kKeyAddress = QStringLiteral("0x8626f6940E2eb28930eFb4CeF49B2d1F2C9C1199");
// anvil's account 18, for the keystore import (one account is in one wallet).
const QString kKeystoreKey = QStringLiteral("0xde9be858da4a475276426320d5e9262ecfc3ba460bfac56360bfa6c4c28b4ee0");

QStringList walletNames(const SessionController& s) {
    QStringList out;
    for (const auto& w : s.wallets()) out << w.toMap().value(QStringLiteral("name")).toString();
    return out;
}
} // namespace

class TstOnboardingFlow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        LaunchOptions options;
        options.dataDir = m_dir.filePath(QStringLiteral("data"));
        options.keystore = ctrn::crypto::KeystoreParams::lightScrypt();
        m_context = std::make_unique<AppContext>(options);
        QSignalSpy changed(m_context.get(), &AppContext::connectionChanged);
        m_context->connectTo(QStringLiteral("devnet"));
        QTRY_VERIFY_WITH_TIMEOUT(!m_context->connecting(), 30000);
        QVERIFY2(m_context->connected(), qPrintable(m_context->connectionError()));
        QCOMPARE(m_context->chainId(), 31337u);
        QTRY_VERIFY_WITH_TIMEOUT(m_context->session()->walletsLoaded(), 10000);
        QVERIFY(m_context->session()->wallets().isEmpty());
    }

    void createConfirmAndUnlock() {
        OnboardingController c;
        QSignalSpy finished(&c, &OnboardingController::finished);
        c.createWallet(QStringLiteral("main"), kPassword, 12);
        QVERIFY(c.busy());
        QVERIFY(finished.wait(30000));
        QVERIFY(!c.busy());
        QCOMPARE(c.walletName(), QStringLiteral("main"));
        const QStringList words = c.mnemonicWords();
        QCOMPARE(words.size(), 12);
        QStringList answers;
        for (const auto& i : c.confirmIndices()) answers << words[i.toInt()];
        QVERIFY(c.checkConfirmation(answers));
        c.forgetMnemonic();
        QVERIFY(c.mnemonicWords().isEmpty());

        auto* session = m_context->session();
        session->openAfterOnboarding(QStringLiteral("main"), kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(!session->locked(), 30000);
        QVERIFY(walletNames(*session).contains(QStringLiteral("main")));
        QCOMPARE(session->currentWallet(), QStringLiteral("main"));
        QCOMPARE(m_context->preferences()->wallet(), QStringLiteral("main"));

        // The same phrase imported elsewhere gives the same first account:
        // what was shown is the wallet's real recovery phrase.
        const auto account = session->wallets().front().toMap().value(QStringLiteral("accounts")).toList().front().toMap();
        const QString mnemonicFile = writeFile(m_dir, QStringLiteral("m"), words.join(QLatin1Char(' ')).toUtf8());
        const QString passwordFile = writeFile(m_dir, QStringLiteral("p"), "x");
        const auto r = runCtrn({QStringLiteral("wallet"), QStringLiteral("import"), QStringLiteral("check"), QStringLiteral("--mnemonic-file"),
                                mnemonicFile, QStringLiteral("--password-file"), passwordFile, QStringLiteral("--light"),
                                QStringLiteral("--datadir"), m_dir.filePath(QStringLiteral("other")), QStringLiteral("--json")});
        CTRN_EXPECT_OK(r);
        QVERIFY2(r.out.contains(account.value(QStringLiteral("address")).toString()), qPrintable(r.out));
    }

    void lockAndWrongPassword() {
        auto* session = m_context->session();
        session->lock();
        QVERIFY(session->locked());
        QSignalSpy failed(session, &SessionController::unlockFailed);
        session->unlock(QStringLiteral("not the password"));
        QVERIFY(failed.wait(30000));
        QCOMPARE(failed.first().at(0).toString(), QStringLiteral("Wrong password."));
        QVERIFY(session->locked());
        session->unlock(kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(!session->locked(), 30000);
        QVERIFY(session->error().isEmpty());
    }

    void locksWhenIdle() {
        auto* session = m_context->session();
        QVERIFY(!session->locked());
        QSignalSpy lockedChanged(session, &SessionController::lockedChanged);
        session->setIdleOverrideMs(300);
        QTRY_VERIFY_WITH_TIMEOUT(session->locked(), 10000);
        QCOMPARE(lockedChanged.count(), 1);
        session->setIdleOverrideMs(0);
        // The keys are gone in core too.
        const auto address = session->wallets().front().toMap().value(QStringLiteral("accounts")).toList().front().toMap()
                                 .value(QStringLiteral("address")).toString().toStdString();
        std::optional<bool> unlockedInCore;
        m_context->call<bool>(
            this, [address](ctrn::interfaces::Services& s) { return s.wallet->isUnlocked(*ctrn::chain::Address::fromHex(address)); },
            [&unlockedInCore](bool u) { unlockedInCore = u; });
        QTRY_VERIFY_WITH_TIMEOUT(unlockedInCore.has_value(), 10000);
        QVERIFY(!*unlockedInCore);
        session->unlock(kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(!session->locked(), 30000);
    }

    void importPrivateKey() {
        OnboardingController c;
        QSignalSpy failed(&c, &OnboardingController::failed);
        c.importPrivateKey(QStringLiteral("bad"), QStringLiteral("0x1234"), kPassword);
        QVERIFY(failed.wait(30000));
        QVERIFY(c.error().contains(QStringLiteral("64 hex")));

        QSignalSpy finished(&c, &OnboardingController::finished);
        c.importPrivateKey(QStringLiteral("hot"), kKey, kPassword);
        QVERIFY(finished.wait(30000));
        m_context->session()->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(walletNames(*m_context->session()).contains(QStringLiteral("hot")), 10000);
        const auto hot = m_context->session()->wallets().at(walletNames(*m_context->session()).indexOf(QStringLiteral("hot"))).toMap();
        QCOMPARE(hot.value(QStringLiteral("kind")).toString(), QStringLiteral("key"));
        QCOMPARE(hot.value(QStringLiteral("accounts")).toList().front().toMap().value(QStringLiteral("address")).toString(), kKeyAddress);
    }

    void importKeystoreFile() {
        // A keystore file as another wallet writes it (ctrn here), with its
        // own password.
        const QString keyFile = writeFile(m_dir, QStringLiteral("k"), kKeystoreKey.toUtf8());
        const QString filePassword = writeFile(m_dir, QStringLiteral("fp"), "file password");
        const auto r = runCtrn({QStringLiteral("keystore"), QStringLiteral("encrypt"), QStringLiteral("--key-file"), keyFile,
                                QStringLiteral("--password-file"), filePassword, QStringLiteral("--light")});
        CTRN_EXPECT_OK(r);
        const QString keystore = writeFile(m_dir, QStringLiteral("keystore.json"), r.out.toUtf8());

        OnboardingController c;
        QSignalSpy failed(&c, &OnboardingController::failed);
        c.importKeystore(QStringLiteral("ks"), QUrl::fromLocalFile(keystore), QStringLiteral("wrong"), kPassword);
        QVERIFY(failed.wait(30000));
        QSignalSpy finished(&c, &OnboardingController::finished);
        c.importKeystore(QStringLiteral("ks"), QUrl::fromLocalFile(keystore), QStringLiteral("file password"), kPassword);
        QVERIFY2(finished.wait(30000), qPrintable(c.error()));
        // Now under the new password.
        auto* session = m_context->session();
        session->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(walletNames(*session).contains(QStringLiteral("ks")), 10000);
        session->setCurrentWallet(QStringLiteral("ks"));
        QVERIFY(session->locked());
        session->unlock(kPassword);
        QTRY_VERIFY_WITH_TIMEOUT(!session->locked(), 30000);
    }

    void importWatchOnly() {
        OnboardingController c;
        QSignalSpy finished(&c, &OnboardingController::finished);
        c.importWatch(QStringLiteral("watcher"), QStringLiteral("0x14dC79964da2C08b23698B3D3cc7Ca32193d9955"));
        QVERIFY(finished.wait(30000));
        auto* session = m_context->session();
        session->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(walletNames(*session).contains(QStringLiteral("watcher")), 10000);
        // Nothing to unlock.
        session->setCurrentWallet(QStringLiteral("watcher"));
        QCOMPARE(session->currentKind(), QStringLiteral("watch"));
        QVERIFY(!session->locked());
    }

    void addNetworkChecksChainId() {
        auto* networks = m_context->networks();
        const QString url = networks->find(QStringLiteral("devnet"))->url;
        QSignalSpy finished(networks, &NetworkModel::addFinished);

        networks->add(QStringLiteral("wrong-chain"), url, QStringLiteral("1"));
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.last().at(0).toBool(), false);
        QVERIFY2(finished.last().at(1).toString().contains(QStringLiteral("31337")), qPrintable(finished.last().at(1).toString()));
        QCOMPARE(networks->indexOf(QStringLiteral("wrong-chain")), -1);

        networks->add(QStringLiteral("nobody"), QStringLiteral("http://127.0.0.1:9"), QStringLiteral("31337"));
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.last().at(0).toBool(), false);

        networks->add(QStringLiteral("devnet-copy"), url, QStringLiteral("31337"));
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
        QVERIFY(networks->indexOf(QStringLiteral("devnet-copy")) > 0);

        // Switching to it reconnects (same node); the wallets are still there.
        m_context->connectTo(QStringLiteral("devnet-copy"));
        QTRY_VERIFY_WITH_TIMEOUT(m_context->connected(), 30000);
        QCOMPARE(m_context->networkName(), QStringLiteral("devnet-copy"));
        QCOMPARE(m_context->preferences()->network(), QStringLiteral("devnet-copy"));
    }

    void cleanupTestCase() {
        // Drains the worker: queued work finishes, services close on it.
        m_context->drain();
        m_context.reset();
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<AppContext> m_context;
};

QTEST_GUILESS_MAIN(TstOnboardingFlow)
#include "tst_onboarding_flow.moc"
