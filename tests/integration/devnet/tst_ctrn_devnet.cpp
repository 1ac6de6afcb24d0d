// ctrn on the seeded devnet, found through its manifest (--network devnet,
// --token CTRN): CTRN balances agree with cast, a CTRN transfer moves exactly
// the amount, and a transfer above the balance is refused before anything is
// signed or broadcast.
#include "cli/cli_runner.h"
#include "integration/anvil_accounts.h"

#include <core/util/uint256.h>

#include <QJsonDocument>
#include <QJsonObject>

namespace {
using anvil::kMnemonic;
const char* const kAlice = anvil::kAddr0;
const char* const kBob = anvil::kAddr1;

QJsonObject object(const RunResult& r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }
} // namespace

class TestCtrnDevnet : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_data;
    QString m_password;
    QJsonObject m_manifest;

    QStringList net(QStringList args) const { return args << "--network" << "devnet" << "--datadir" << m_data << "--json"; }
    QString castBalance(const QString& account) {
        auto r = runCast({"call", m_manifest["contracts"].toObject()["ComputroniumToken"].toString(), "balanceOf(address)(uint256)",
                          account, "--rpc-url", m_manifest["rpc"].toString()});
        if (r.exitCode != 0) qFatal("cast call failed: %s", qPrintable(r.err));
        return r.out.split(' ').first(); // cast appends a "[1e18]" hint
    }

private slots:
    void initTestCase() {
        QFile f(qEnvironmentVariable("CTRN_DEVNET_DIR") + "/devnet.json");
        QVERIFY2(f.open(QIODevice::ReadOnly), "the devnet fixture wrote no manifest");
        m_manifest = QJsonDocument::fromJson(f.readAll()).object();
        m_data = m_dir.filePath("data");
        m_password = writeFile(m_dir, "password", "correct horse battery staple\n");
        QString mnemonic = writeFile(m_dir, "mnemonic", kMnemonic);
        auto r = runCtrn({"wallet", "import", "demo", "--mnemonic-file", mnemonic, "--password-file", m_password, "--accounts", "2",
                          "--light", "--datadir", m_data, "--json"});
        CTRN_EXPECT_OK(r);
    }

    void statusUsesTheManifest() {
        auto r = runCtrn(net({"status"}));
        CTRN_EXPECT_OK(r);
        QCOMPARE(object(r)["chainId"].toVariant().toString(), QString("31337"));
    }

    void ctrnBalanceAgreesWithCast() {
        auto r = runCtrn(net({"balance", kAlice, "--token", "CTRN"}));
        CTRN_EXPECT_OK(r);
        QJsonObject b = object(r);
        QCOMPARE(b["token"].toString(), m_manifest["contracts"].toObject()["ComputroniumToken"].toString());
        QCOMPARE(b["balance"].toString(), castBalance(kAlice));
        QCOMPARE(b["verified"].toBool(), false); // until the light client proves it
    }

    void sendCtrnMovesExactlyTheAmount() {
        ctrn::U256 aliceBefore = *ctrn::parseU256(castBalance(kAlice).toStdString());
        ctrn::U256 bobBefore = *ctrn::parseU256(castBalance(kBob).toStdString());
        auto s = runCtrn(net({"send", "--from", kAlice, "--to", kBob, "--amount", "12.5", "--token", "CTRN",
                              "--password-file", m_password, "--yes"}));
        CTRN_EXPECT_OK(s);
        QString hash = object(s)["hash"].toString();
        CTRN_EXPECT_OK(runCtrn(net({"tx", "wait", hash})));
        const ctrn::U256 sent = *ctrn::parseU256("12500000000000000000"); // 12.5 CTRN
        QCOMPARE(*ctrn::parseU256(castBalance(kBob).toStdString()), bobBefore + sent);
        QCOMPARE(*ctrn::parseU256(castBalance(kAlice).toStdString()), aliceBefore - sent); // gas is paid in ETH
        auto h = runCtrn({"history", kAlice, "--datadir", m_data, "--json"});
        CTRN_EXPECT_OK(h);
        QVERIFY(h.out.contains(hash));
    }

    void sendAboveBalanceIsRefused() {
        auto nonceBefore = runCast({"nonce", kBob, "--rpc-url", m_manifest["rpc"].toString()}).out;
        auto r = runCtrn(net({"send", "--from", kBob, "--to", kAlice, "--amount", "999999999999", "--token", "CTRN",
                              "--password-file", m_password, "--yes"}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith("ctrn: insufficient token balance: have "), qPrintable(r.err));
        QCOMPARE(runCast({"nonce", kBob, "--rpc-url", m_manifest["rpc"].toString()}).out, nonceBefore);
    }

    void unknownNetworkIsAClearError() {
        auto r = runCtrn({"balance", kAlice, "--network", "nowhere", "--datadir", m_data});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith("ctrn: no deployment manifest for network 'nowhere'"), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCtrnDevnet)
#include "tst_ctrn_devnet.moc"
