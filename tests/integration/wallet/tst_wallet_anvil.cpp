// ctrn's wallet commands against anvil (CTest fixtures). Balances are read
// back with cast, so the check does not depend on our own RPC client.
#include <core/storage/wallet_store.h>
#include <core/util/json.h>

#include "cli/cli_runner.h"
#include "integration/rpc_client.h"
#include "integration/anvil_accounts.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QtTest>

#include <csignal>
#include <map>
#include <set>

using ctrn::Json;
using ctrn::parseJson;

namespace {
using namespace anvil;
} // namespace

class TestWalletAnvil : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_url, m_data, m_pw, m_bad;
    std::unique_ptr<TestRpc> m_rpc;
    QStringList m_outputs; // every stdout/stderr ctrn printed, for the secrets check

    RunResult ctrn(QStringList args, const QByteArray& in = {}) {
        auto r = runCtrn(args, in);
        m_outputs << r.out << r.err;
        return r;
    }
    QStringList net() { return {"--rpc", m_url, "--datadir", m_data, "--json"}; }
    Json json(const RunResult& r) { return *parseJson(r.out.toStdString()); }

private slots:
    void initTestCase() {
        m_url = TestRpc::fixtureUrl("wallet");
        m_rpc = std::make_unique<TestRpc>(m_url);
        m_data = m_tmp.filePath("data");
        m_pw = writeFile(m_tmp, "pw", "correct horse\n");
        m_bad = writeFile(m_tmp, "bad", "wrong\n");
        QString mn = writeFile(m_tmp, "mnemonic", QByteArray(kMnemonic) + "\n");
        auto r = ctrn({"wallet", "import", "dev", "--mnemonic-file", mn, "--password-file", m_pw, "--accounts", "4", "--light",
                       "--datadir", m_data, "--json"});
        CTRN_EXPECT_OK(r);
        Json w = json(r);
        QCOMPARE(w["accounts"].size(), std::size_t(4));
        QCOMPARE(QString::fromStdString(w["accounts"][0]["address"].get<std::string>()), QString(kAddr0));
        QCOMPARE(QString::fromStdString(w["accounts"][1]["address"].get<std::string>()), QString(kAddr1));
        QCOMPARE(QString::fromStdString(w["accounts"][2]["address"].get<std::string>()), QString(kAddr2));
    }

    void sendEthCheckedWithCast() {
        QString to = "0x000000000000000000000000000000000000c0de";
        auto r = ctrn(QStringList{"send", "--from", kAddr0, "--to", to, "--amount", "1.5", "--password-file", m_pw, "--yes"} + net());
        CTRN_EXPECT_OK(r);
        QVERIFY(json(r)["broadcast"].get<bool>());
        auto bal = runCast({"balance", to, "--rpc-url", m_url});
        QCOMPARE(bal.out, QString("1500000000000000000"));
        auto st = ctrn(QStringList{"tx", "status", QString::fromStdString(json(r)["hash"].get<std::string>())} + net());
        CTRN_EXPECT_OK(st);
        QCOMPARE(QString::fromStdString(json(st)["status"].get<std::string>()), QString("mined"));
        auto b = ctrn(QStringList{"balance", to} + net());
        QCOMPARE(QString::fromStdString(json(b)["balance"].get<std::string>()), QString("1500000000000000000"));
        QCOMPARE(json(b)["verified"].get<bool>(), false);
    }

    void wrongPasswordChangesNothing() {
        auto before = ctrn({"history", "--datadir", m_data, "--json"});
        auto r = ctrn(QStringList{"send", "--from", kAddr0, "--to", kAddr1, "--amount", "1", "--password-file", m_bad, "--yes"} + net());
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QString("ctrn: wrong password"));
        auto after = ctrn({"history", "--datadir", m_data, "--json"});
        QCOMPARE(after.out, before.out);
        auto e = ctrn({"wallet", "export", "dev", "--password-file", m_bad, "--datadir", m_data});
        QCOMPARE(e.exitCode, 1);
        QCOMPARE(e.err, QString("ctrn: wrong password"));
    }

    void wrongChainRefused() {
        QString other = TestRpc::fixtureUrl("wallet_wrongchain");
        auto r = ctrn({"status", "--rpc", other, "--datadir", m_data});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("is on chain 999, expected chain 31337; refused"), qPrintable(r.err));
    }

    void unreachableNodeIsExit3() {
        auto r = ctrn({"status", "--rpc", "http://127.0.0.1:1", "--datadir", m_data, "--timeout-ms", "500"});
        QCOMPARE(r.exitCode, 3);
    }

    void speedUpAndCancel() {
        m_rpc->call("evm_setAutomine", {false});
        auto sent = ctrn(QStringList{"send", "--from", kAddr1, "--to", kAddr3, "--amount", "1", "--password-file", m_pw, "--yes"} + net());
        CTRN_EXPECT_OK(sent);
        QString h1 = QString::fromStdString(json(sent)["hash"].get<std::string>());
        auto sp = ctrn(QStringList{"tx", "speedup", h1, "--password-file", m_pw, "--yes"} + net());
        CTRN_EXPECT_OK(sp);
        QString h2 = QString::fromStdString(json(sp)["hash"].get<std::string>());
        QVERIFY(h2 != h1);
        QCOMPARE(json(sp)["nonce"], json(sent)["nonce"]);
        m_rpc->call("evm_mine");
        auto s1 = ctrn(QStringList{"tx", "status", h1} + net());
        auto s2 = ctrn(QStringList{"tx", "status", h2} + net());
        QCOMPARE(QString::fromStdString(json(s2)["status"].get<std::string>()), QString("mined"));
        QCOMPARE(QString::fromStdString(json(s1)["status"].get<std::string>()), QString("replaced"));

        auto sent2 = ctrn(QStringList{"send", "--from", kAddr1, "--to", kAddr3, "--amount", "2", "--password-file", m_pw, "--yes"} + net());
        CTRN_EXPECT_OK(sent2);
        QString h3 = QString::fromStdString(json(sent2)["hash"].get<std::string>());
        auto c = ctrn(QStringList{"tx", "cancel", h3, "--password-file", m_pw, "--yes"} + net());
        CTRN_EXPECT_OK(c);
        QString h4 = QString::fromStdString(json(c)["hash"].get<std::string>());
        m_rpc->call("evm_mine");
        auto w = ctrn(QStringList{"tx", "wait", h4, "--timeout", "10"} + net());
        CTRN_EXPECT_OK(w);
        auto s3 = ctrn(QStringList{"tx", "status", h3} + net());
        QCOMPARE(QString::fromStdString(json(s3)["status"].get<std::string>()), QString("replaced"));
        // The cancel is a 0-value transfer to oneself.
        auto tx = m_rpc->call("eth_getTransactionByHash", {h4}).toObject();
        QCOMPARE(tx["to"].toString().toLower(), QString(kAddr1).toLower());
        QCOMPARE(tx["value"].toString(), QString("0x0"));
        m_rpc->call("evm_setAutomine", {true});
    }

    void killedSendsAreJournaledExactlyOnce() {
        // 50 sends from one account, each SIGKILLed at a random moment.
        QString from = kAddr2;
        auto startBlock = m_rpc->call("eth_blockNumber").toString().toULongLong(nullptr, 16);
        auto* rng = QRandomGenerator::global();
        auto sendArgs = [&](int i) {
            return QStringList{"send", "--from", from, "--to", kAddr3, "--amount-wei", QString::number(i + 1),
                               "--password-file", m_pw, "--yes"} + net();
        };
        // Kill points spread over the real duration of one send on this
        // machine right now (key decryption, journal write, broadcast), so the
        // runs land before, during and after the broadcast however loaded the
        // machine is.
        QElapsedTimer timer;
        timer.start();
        auto full = ctrn(sendArgs(1000));
        CTRN_EXPECT_OK(full);
        const int fullMs = std::max(20, static_cast<int>(timer.elapsed()));
        for (int i = 0; i < 50; ++i) {
            QProcess p;
            p.start(CTRN_CLI_PATH, sendArgs(i));
            QVERIFY(p.waitForStarted());
            p.waitForFinished(rng->bounded(fullMs / 10, fullMs * 6 / 5 + 1));
            if (p.state() != QProcess::NotRunning) {
                ::kill(static_cast<pid_t>(p.processId()), SIGKILL);
                p.waitForFinished();
            }
        }
        auto sync = ctrn(QStringList{"sync"} + net());
        CTRN_EXPECT_OK(sync);
        // Everything the node mined from that account since the start...
        std::set<std::string> onChain;
        auto head = m_rpc->call("eth_blockNumber").toString().toULongLong(nullptr, 16);
        for (auto n = startBlock + 1; n <= head; ++n) {
            auto block = m_rpc->call("eth_getBlockByNumber", {"0x" + QString::number(n, 16), true}).toObject();
            for (const auto& t : block["transactions"].toArray())
                if (t.toObject()["from"].toString().toLower() == QString(from).toLower())
                    onChain.insert(t.toObject()["hash"].toString().toLower().toStdString());
        }
        QVERIFY(!onChain.empty());
        // ...is in the wallet exactly once, and nothing appears twice.
        auto hist = ctrn({"history", kAddr2, "--limit", "1000", "--datadir", m_data, "--json"});
        CTRN_EXPECT_OK(hist);
        std::map<std::string, int> seen;
        std::map<std::string, int> nonces;
        for (const auto& t : json(hist)) {
            if (t["from"].get<std::string>() != from.toStdString()) continue;
            ++seen[t["hash"].get<std::string>()];
            if (t["status"] == "mined") ++nonces[t["nonce"].get<std::string>()];
        }
        for (const auto& [h, n] : seen) QCOMPARE(n, 1);
        for (const auto& [nonce, n] : nonces) QCOMPARE(n, 1);
        for (const auto& h : onChain) QVERIFY2(seen.count(h) == 1, h.c_str());
        auto store = ctrn::storage::WalletStore::open((m_data + "/wallet.sqlite").toStdString());
        QVERIFY(store);
        QVERIFY((*store)->database().integrityCheck());
        qInfo("%zu transactions mined out of 50 killed sends", onChain.size());
    }

    void createAndExportLeakNoSecret() {
        QString mnOut = m_tmp.filePath("new-mnemonic");
        auto c = ctrn({"wallet", "create", "fresh", "--password-file", m_pw, "--light", "--mnemonic-out", mnOut, "--datadir", m_data, "--json"});
        CTRN_EXPECT_OK(c);
        QFile f(mnOut);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray created = f.readAll().trimmed();
        QCOMPARE(created.split(' ').size(), 24);
        auto e = ctrn({"wallet", "export", "dev", "--password-file", m_pw, "--light", "--datadir", m_data});
        CTRN_EXPECT_OK(e);
        QVERIFY(e.out.contains("\"crypto\""));
        auto b = ctrn({"wallet", "backup", m_tmp.filePath("backup.sqlite"), "--datadir", m_data});
        CTRN_EXPECT_OK(b);

        QList<QByteArray> secrets{kMnemonic, kKey0, created, QByteArray(kKey0).toUpper()};
        QDirIterator it(m_data, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
        int files = 0;
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QByteArray content = file.readAll();
            ++files;
            for (const auto& s : secrets) QVERIFY2(!content.contains(s), qPrintable(file.fileName()));
        }
        QVERIFY(files >= 3);
        for (const auto& line : m_outputs)
            for (const auto& s : secrets) QVERIFY2(!line.toUtf8().contains(s), qPrintable(line));
    }
};

QTEST_GUILESS_MAIN(TestWalletAnvil)
#include "tst_wallet_anvil.moc"
