// BalanceVerification (the Accounts page's proof of the current account's
// balances) on the devnet fixture, with services built as the app builds
// them (makeServices over the live manifest, storage layouts from
// resources/): through an honest node the balances are "verified" at a
// block and equal the node's; through a node that alters eth_getProof the
// state is "mismatch", the liar is named and no figure is given. The Send
// page's SendController shows the same proof of the account it sends from:
// verified through the honest node (Max works), and through the liar the
// balance is replaced by a warning and Max is refused.
#include "accounts_model.h"
#include "balance_verification.h"
#include "send_controller.h"
#include "wallet_fixture.h"

#include "devnet_services.h"

#include "cli/cli_runner.h"
#include "integration/rpc_proxy.h"

#include <core/interfaces/services.h>
#include <core/interfaces/values.h>
#include <core/util/uint256.h>

#include <QSignalSpy>

using namespace ctrn;
using namespace ctrn::desktop;

namespace {
const char* kAccount = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"; // anvil 1: read only here
}

class TstBalanceVerification : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    chain::Deployment m_devnet;

    interfaces::Services services(const QString& url, const QString& name) { return devnet::services(m_dir, m_devnet, url, name); }

private slots:
    void initTestCase() { QVERIFY(devnet::deployment(m_devnet)); }

    void honestNodeGivesVerifiedBalances() {
        RpcProxy honest{QUrl(QString::fromStdString(m_devnet.rpc))};
        auto s = services(honest.url(), "honest");
        QVERIFY2(s.verifier != nullptr, s.verifierError.c_str());
        fixture::Runner runner(s);
        BalanceVerification proof(&runner);
        proof.verify(kAccount);
        QCOMPARE(proof.state(), QString("busy"));
        QVERIFY(runner.drain());
        QCOMPARE(proof.state(), QString("verified"));
        QVERIFY(proof.block().toULongLong() > 0);
        auto eth = runCast({"balance", kAccount, "--rpc-url", QString::fromStdString(m_devnet.rpc), "--block", proof.block()});
        QCOMPARE(eth.exitCode, 0);
        QCOMPARE(QString::fromStdString(interfaces::formatAmount(*parseU256(eth.out.toStdString()), 18)), proof.ethBalance());
        auto ctrn = runCast({"call", QString::fromStdString(m_devnet.contract("ComputroniumToken")->checksummed()), "balanceOf(address)(uint256)",
                             kAccount, "--rpc-url", QString::fromStdString(m_devnet.rpc), "--block", proof.block()});
        QCOMPARE(QString::fromStdString(interfaces::formatAmount(*parseU256(ctrn.out.split(' ').first().toStdString()), 18)), proof.ctrnBalance());
    }

    void lyingNodeIsAMismatchWithoutFigures() {
        RpcProxy liar{QUrl(QString::fromStdString(m_devnet.rpc))};
        liar.setHook([](const QJsonDocument& req) {
            return rewriteResults(req, "eth_getProof", [](const QJsonArray&, QJsonValue v) {
                QJsonObject o = v.toObject();
                o["balance"] = "0x56bc75e2d63100000"; // 100 ETH
                return QJsonValue(o);
            });
        });
        auto s = services(liar.url(), "liar");
        QVERIFY2(s.verifier != nullptr, s.verifierError.c_str());
        fixture::Runner runner(s);
        BalanceVerification proof(&runner);
        QSignalSpy changed(&proof, &BalanceVerification::changed);
        proof.verify(kAccount);
        QVERIFY(runner.drain());
        QCOMPARE(proof.state(), QString("mismatch"));
        QVERIFY2(proof.message().contains(liar.url()), qPrintable(proof.message()));
        QVERIFY(proof.ethBalance().isEmpty());
        QVERIFY(proof.ctrnBalance().isEmpty());
        QVERIFY(changed.count() >= 2); // busy, then the outcome
    }

    void sendPageShowsTheProof_data() {
        QTest::addColumn<bool>("lying");
        QTest::newRow("honest") << false;
        QTest::newRow("lying") << true;
    }

    void sendPageShowsTheProof() {
        QFETCH(bool, lying);
        RpcProxy proxy{QUrl(QString::fromStdString(m_devnet.rpc))};
        if (lying)
            proxy.setHook([](const QJsonDocument& req) {
                return rewriteResults(req, "eth_getProof", [](const QJsonArray&, QJsonValue v) {
                    QJsonObject o = v.toObject();
                    o["balance"] = "0x56bc75e2d63100000";
                    return QJsonValue(o);
                });
            });
        auto s = services(proxy.url(), lying ? "send-liar" : "send-honest");
        QVERIFY2(s.verifier != nullptr, s.verifierError.c_str());
        QVERIFY(s.wallet->importWatch("watched", *chain::Address::fromHex(kAccount)));
        fixture::Runner runner(s);
        AccountsModel accounts(&runner);
        SendController send(&runner, &accounts);
        accounts.setWallet("watched");
        // The accounts load, then the controller proves the current one.
        QVERIFY(runner.drain());
        QVERIFY(runner.drain());
        QCOMPARE(accounts.currentAddress(), QString(kAccount));
        if (!lying) {
            QCOMPARE(send.verification()->state(), QString("verified"));
            QVERIFY(send.verification()->block().toULongLong() > 0);
            QVERIFY(send.maxAllowed());
            QCOMPARE(send.available(), QString("Balance: %1 ETH").arg(accounts.ethBalance()));
            QVERIFY(send.useMax() != 0);
            QVERIFY(runner.drain());
            QVERIFY2(!send.amount().isEmpty(), qPrintable(send.error()));
            return;
        }
        QCOMPARE(send.verification()->state(), QString("mismatch"));
        QVERIFY(!send.maxAllowed());
        // A warning naming the liar instead of the node's figure.
        QVERIFY2(send.available().contains("contradicted") && send.available().contains(proxy.url()), qPrintable(send.available()));
        QVERIFY(send.available().startsWith("Balance hidden"));
        send.setAsset("CTRN");
        QVERIFY(send.available().startsWith("Balance hidden"));
        QCOMPARE(send.useMax(), quint64(0));
        QVERIFY2(send.error().startsWith("Max is refused"), qPrintable(send.error()));
        QVERIFY(send.amount().isEmpty());
        // A new proof that is still running does not lift the refusal.
        send.verification()->verify(kAccount);
        QCOMPARE(send.verification()->state(), QString("busy"));
        QVERIFY(!send.maxAllowed());
        QVERIFY(runner.drain());
        QVERIFY(!send.maxAllowed());
    }

    void noCheckpointIsUnavailableNotVerified() {
        interfaces::ServicesOptions o;
        o.dataDir = m_dir.filePath("nocheckpoint").toStdString();
        o.urls = {m_devnet.rpc};
        auto d = m_devnet;
        d.checkpoint.reset();
        o.deployment = d;
        o.storageLayoutDir = CTRN_SOURCE_DIR "/resources/storage-layout";
        auto s = interfaces::makeServices(o, interfaces::makeHttpTransport());
        QVERIFY(s.ok());
        QVERIFY(s->verifier == nullptr);
        fixture::Runner runner(*s);
        BalanceVerification proof(&runner);
        proof.verify(kAccount);
        QVERIFY(runner.drain());
        QCOMPARE(proof.state(), QString("unavailable"));
        QVERIFY(proof.message().contains("checkpoint"));
        QVERIFY(proof.ethBalance().isEmpty());
    }
};

QTEST_MAIN(TstBalanceVerification)
#include "tst_balance_verification.moc"
