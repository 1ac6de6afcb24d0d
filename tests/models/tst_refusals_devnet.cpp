// One refusal, two faces: the Send page's view model (SendController on the
// shared TxFlow) and `ctrn send` ask the same core rule on the seeded
// devnet, so a person and an agent read the same sentence (the app starts it
// with a capital). Only prepare() runs: nothing is signed, and the shared
// devnet is left as it was.
#include "accounts_model.h"
#include "send_controller.h"
#include "wallet_fixture.h"

#include "cli/cli_runner.h"

#include <core/interfaces/services.h>

using namespace ctrn;
using namespace ctrn::desktop;

namespace {
// An account with no CTRN on the devnet, watched (no key: nothing is signed).
const char* kNobody = "0x00000000000000000000000000000000000DEaD1";
const char* kRecipient = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
} // namespace

class TstRefusalsDevnet : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    interfaces::Services m_services;

private slots:
    void initTestCase() {
        auto d = interfaces::readDeployment("devnet", (qEnvironmentVariable("CTRN_DEVNET_DIR") + "/devnet.json").toStdString());
        QVERIFY2(d.ok(), d.ok() ? "" : d.error().message.c_str());
        interfaces::ServicesOptions o;
        o.dataDir = m_dir.filePath("app").toStdString();
        o.urls = {d->rpc};
        o.deployment = *d;
        auto s = interfaces::makeServices(o, interfaces::makeHttpTransport());
        QVERIFY2(s, s ? "" : s.error().message.c_str());
        m_services = std::move(s).value();
        QVERIFY(m_services.wallet->importWatch("nobody", *chain::Address::fromHex(kNobody)));
    }

    void sendAboveTheBalanceSaysWhatCtrnSays() {
        fixture::Runner runner(m_services);
        AccountsModel accounts(&runner);
        SendController send(&runner, &accounts);
        accounts.setWallet("nobody");
        QVERIFY(runner.drain());
        QCOMPARE(accounts.currentAddress().toLower(), QString(kNobody).toLower());
        send.setAsset("CTRN");
        send.setRecipient(kRecipient);
        send.setAmount("5");
        QVERIFY(send.review() != 0);
        QVERIFY(runner.drain());
        QCOMPARE(send.flow()->stage(), QString("edit")); // refused: no review to sign
        const QString app = send.flow()->error();
        QVERIFY2(app.startsWith("Insufficient token balance"), qPrintable(app));

        auto cli = runCtrn({"send", "--to", kRecipient, "--amount", "5", "--token", "CTRN", "--from", kNobody, "--network", "devnet",
                            "--datadir", m_dir.filePath("ctrn"), "--dry-run"});
        QCOMPARE(cli.exitCode, 1);
        QVERIFY2(cli.err.startsWith("ctrn: insufficient token balance"), qPrintable(cli.err));
        QString sentence = cli.err.trimmed().mid(QStringLiteral("ctrn: ").size());
        sentence[0] = sentence[0].toUpper();
        QCOMPARE(app, sentence);
    }
};

QTEST_MAIN(TstRefusalsDevnet)
#include "tst_refusals_devnet.moc"
