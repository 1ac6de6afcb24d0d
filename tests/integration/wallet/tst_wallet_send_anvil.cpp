// ctrn send against anvil when things go wrong: the node dies with the
// broadcast in flight (through RpcProxy, which drops the connection), the
// journal keeps the signed transaction and `ctrn sync` gets it mined exactly
// once; and ERC-20 sends to a token compiled and deployed at test time,
// with balances read back by cast and an over-balance send refused before
// anything is broadcast.
#include <core/storage/wallet_store.h>
#include <core/util/hex.h>
#include <core/util/json.h>

#include "cli/cli_runner.h"
#include "integration/rpc_client.h"
#include "integration/anvil_accounts.h"
#include "integration/rpc_proxy.h"

#include <QSignalSpy>
#include <QtTest>

using ctrn::Json;
using ctrn::parseJson;

namespace {
using namespace anvil;

// Runs a program while this process's event loop keeps turning, so the
// in-process proxy can serve the child's requests.
RunResult runLive(const QString& program, const QStringList& args, int timeoutMs = 60000) {
    QProcess p;
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(program, args);
    if (!p.waitForStarted(10000)) return {-1, {}, "could not start " + program};
    p.closeWriteChannel();
    if (finished.isEmpty() && !finished.wait(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return {-1, {}, program + " timed out"};
    }
    RunResult r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput()).trimmed();
    r.err = QString::fromUtf8(p.readAllStandardError()).trimmed();
    return r;
}

QString str(const Json& j) { return QString::fromStdString(j.get<std::string>()); }
} // namespace

class TestWalletSendAnvil : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_url, m_data, m_pw;
    std::unique_ptr<TestRpc> m_rpc;

    RunResult ctrn(const QStringList& args) { return runLive(CTRN_CLI_PATH, args); }
    QStringList common(const QString& url) { return {"--rpc", url, "--datadir", m_data, "--json"}; }
    Json json(const RunResult& r) {
        auto j = parseJson(r.out.toStdString());
        if (!j) qFatal("not JSON: %s", qPrintable(r.out));
        return *j;
    }
    std::unique_ptr<ctrn::storage::WalletStore> store() {
        auto s = ctrn::storage::WalletStore::open((m_data + "/wallet.sqlite").toStdString());
        if (!s) qFatal("%s", s.error().message.c_str());
        return std::move(s).value();
    }
    quint64 nonceOf(const char* address, const char* block = "latest") {
        return m_rpc->call("eth_getTransactionCount", {address, block}).toString().toULongLong(nullptr, 16);
    }
    QString tokenBalance(const QString& token, const char* owner) {
        auto r = runLive(CTRN_CAST_PATH, {"call", token, "balanceOf(address)(uint256)", owner, "--rpc-url", m_url});
        if (r.exitCode != 0) qWarning("cast call: %s", qPrintable(r.err));
        return r.out.section(' ', 0, 0); // "12500000000000000000 [1.25e19]"
    }
    QString historyJson(const char* address) {
        auto h = ctrn({"history", address, "--limit", "1000", "--datadir", m_data, "--json"});
        return h.out;
    }

private slots:
    void initTestCase() {
        m_url = TestRpc::fixtureUrl("wallet_send");
        m_rpc = std::make_unique<TestRpc>(m_url);
        m_data = m_tmp.filePath("data");
        m_pw = writeFile(m_tmp, "pw", "correct horse\n");
        QString mn = writeFile(m_tmp, "mnemonic", QByteArray(kMnemonic) + "\n");
        auto r = ctrn({"wallet", "import", "dev", "--mnemonic-file", mn, "--password-file", m_pw, "--accounts", "4", "--light",
                       "--datadir", m_data, "--json"});
        CTRN_EXPECT_OK(r);
        QCOMPARE(json(r)["accounts"].size(), std::size_t(4));
    }

    void proxyForwardsAndFails() {
        // The proxy itself: forward, HTTP 500, rewrite, drop.
        RpcProxy proxy{QUrl(m_url)};
        QVERIFY(proxy.isListening());
        TestRpc via(proxy.url());
        QCOMPARE(via.call("eth_chainId").toString(), QString("0x7a69"));
        proxy.setHook([](const QJsonDocument& req) {
            return RpcProxy::methodsOf(req).contains("eth_chainId") ? ProxyDecision::rewriteWith([](const QJsonDocument& reply) {
                QJsonObject o = reply.object();
                o["result"] = "0x3e7"; // 999: a node that lies about its chain
                return QJsonDocument(o);
            }) : ProxyDecision::httpError(500);
        });
        QCOMPARE(via.call("eth_chainId").toString(), QString("0x3e7"));
        QVERIFY(via.raw("eth_blockNumber").isEmpty()); // the 500's body is not JSON
        auto st = ctrn({"status", "--rpc", proxy.url(), "--datadir", m_data, "--timeout-ms", "2000"});
        QCOMPARE(st.exitCode, 3);
        QVERIFY2(st.err.contains("is on chain 999"), qPrintable(st.err));
        proxy.setHook([](const QJsonDocument&) { return ProxyDecision::drop(); });
        proxy.clearMethods();
        auto dropped = ctrn({"status", "--rpc", proxy.url(), "--datadir", m_data, "--timeout-ms", "2000"});
        QCOMPARE(dropped.exitCode, 3);
        QVERIFY(proxy.methods().count("eth_chainId") >= 1);
    }

    void nodeKilledMidSend() {
        RpcProxy proxy{QUrl(m_url)};
        QString rawSeen;
        proxy.setHook([&](const QJsonDocument& req) {
            if (!RpcProxy::methodsOf(req).contains("eth_sendRawTransaction")) return ProxyDecision::forward();
            rawSeen = req.object()["params"].toArray().at(0).toString();
            return ProxyDecision::drop();
        });
        const quint64 nonceBefore = nonceOf(kAddr0);
        const quint64 startBlock = m_rpc->call("eth_blockNumber").toString().toULongLong(nullptr, 16);

        auto sent = ctrn(QStringList{"send", "--from", kAddr0, "--to", kAddr3, "--amount-wei", "123456789",
                                     "--password-file", m_pw, "--yes"} + common(proxy.url()));
        QCOMPARE(sent.exitCode, 3);
        QVERIFY2(sent.err.startsWith("ctrn: node unreachable: the transaction is signed and kept in the journal"), qPrintable(sent.err));
        QVERIFY(!rawSeen.isEmpty());
        // The client retries a write whose connection died (the same signed
        // bytes, so a retry cannot double-spend); every attempt was dropped.
        qInfo("eth_sendRawTransaction attempts: %lld", static_cast<long long>(proxy.methods().count("eth_sendRawTransaction")));
        const QString hash = str(json(sent)["hash"]);
        QCOMPARE(json(sent)["broadcast"].get<bool>(), false);

        // The journal holds exactly what the node was about to receive.
        {
            auto s = store();
            auto journal = s->journal(31337);
            QVERIFY(journal);
            QCOMPARE(journal->size(), std::size_t(1));
            QCOMPARE(QString::fromStdString(journal->at(0).hash), hash);
            QCOMPARE(QString::fromStdString(ctrn::toHex(journal->at(0).raw)), rawSeen.toLower());
            QVERIFY(!journal->at(0).broadcast);
            QCOMPARE(journal->at(0).nonce, std::uint64_t(nonceBefore));
        }
        QVERIFY(m_rpc->call("eth_getTransactionByHash", {hash}).isNull()); // it never arrived
        QCOMPARE(nonceOf(kAddr0, "pending"), nonceBefore);

        // The node is back (ctrn talks to anvil directly): sync rebroadcasts.
        auto sync = ctrn(QStringList{"sync"} + common(m_url));
        CTRN_EXPECT_OK(sync);
        QCOMPARE(json(sync)["rebroadcast"].size(), std::size_t(1));
        QCOMPARE(str(json(sync)["rebroadcast"][0]), hash);
        auto tx = m_rpc->call("eth_getTransactionByHash", {hash}).toObject();
        QVERIFY(!tx["blockNumber"].isNull()); // automine
        QCOMPARE(tx["nonce"].toString().toULongLong(nullptr, 16), nonceBefore);
        // A second sync moves it to the history; a third finds nothing to do.
        auto sync2 = ctrn(QStringList{"sync"} + common(m_url));
        CTRN_EXPECT_OK(sync2);
        QCOMPARE(json(sync2)["mined"].size(), std::size_t(1));
        auto sync3 = ctrn(QStringList{"sync"} + common(m_url));
        CTRN_EXPECT_OK(sync3);
        QVERIFY(json(sync3)["rebroadcast"].empty() && json(sync3)["mined"].empty());

        // Mined exactly once: one transaction from the sender since we started.
        QCOMPARE(nonceOf(kAddr0), nonceBefore + 1);
        const quint64 head = m_rpc->call("eth_blockNumber").toString().toULongLong(nullptr, 16);
        int fromSender = 0;
        for (quint64 n = startBlock + 1; n <= head; ++n) {
            auto block = m_rpc->call("eth_getBlockByNumber", {"0x" + QString::number(n, 16), true}).toObject();
            for (const auto& t : block["transactions"].toArray())
                if (t.toObject()["from"].toString().toLower() == QString(kAddr0).toLower()) {
                    ++fromSender;
                    QCOMPARE(t.toObject()["hash"].toString(), hash);
                }
        }
        QCOMPARE(fromSender, 1);
        auto balance = runLive(CTRN_CAST_PATH, {"balance", kAddr3, "--rpc-url", m_url});
        QCOMPARE(balance.out, QString("10000000000000123456789"));

        // The history shows it once, mined.
        Json history = *parseJson(historyJson(kAddr0).toStdString());
        int seen = 0;
        for (const auto& t : history)
            if (str(t["hash"]) == hash) {
                ++seen;
                QCOMPARE(str(t["status"]), QString("mined"));
            }
        QCOMPARE(seen, 1);
    }

    void erc20SendEndToEnd() {
        // Compile (solcjs) and deploy (cast, from an anvil-unlocked account)
        // a token whose whole supply, 1000 TST, goes to the sender.
        auto compiled = runLive(CTRN_NODE_PATH, {CTRN_SOURCE_DIR "/tests/integration/wallet/compile_test_token.mjs"});
        QVERIFY2(compiled.exitCode == 0, qPrintable(compiled.err));
        QVERIFY(compiled.out.startsWith("0x60"));
        auto deployed = runLive(CTRN_CAST_PATH, {"send", "--rpc-url", m_url, "--unlocked", "--from", kAddr2, "--json", "--create",
                                                 compiled.out, "constructor(address,uint256)", kAddr1, "1000000000000000000000"});
        QVERIFY2(deployed.exitCode == 0, qPrintable(deployed.err));
        const QString token = str(json(deployed)["contractAddress"]);
        QVERIFY(token.startsWith("0x"));
        QCOMPARE(tokenBalance(token, kAddr1), QString("1000000000000000000000"));

        RpcProxy proxy{QUrl(m_url)}; // forwards everything; we read what was asked
        auto sent = ctrn(QStringList{"send", "--token", token, "--from", kAddr1, "--to", kAddr3, "--amount", "12.5",
                                     "--password-file", m_pw, "--yes"} + common(proxy.url()));
        CTRN_EXPECT_OK(sent);
        QVERIFY(json(sent)["broadcast"].get<bool>());
        QCOMPARE(proxy.methods().count("eth_sendRawTransaction"), 1);
        QCOMPARE(tokenBalance(token, kAddr3), QString("12500000000000000000"));
        QCOMPARE(tokenBalance(token, kAddr1), QString("987500000000000000000"));
        // The transaction went to the token contract, carrying no ETH.
        auto tx = m_rpc->call("eth_getTransactionByHash", {str(json(sent)["hash"])}).toObject();
        QCOMPARE(tx["to"].toString().toLower(), token.toLower());
        QCOMPARE(tx["value"].toString(), QString("0x0"));
        auto b = ctrn(QStringList{"balance", kAddr3, "--token", token} + common(m_url));
        CTRN_EXPECT_OK(b);
        QCOMPARE(str(json(b)["balance"]), QString("12500000000000000000"));

        // More than the balance: refused before signing, nothing broadcast.
        // (sync first: send settles the journal before it starts, which
        // would move the mined transfer to the history by itself.)
        CTRN_EXPECT_OK(ctrn(QStringList{"sync"} + common(m_url)));
        proxy.clearMethods();
        const quint64 nonceBefore = nonceOf(kAddr1, "pending");
        const QString historyBefore = historyJson(kAddr1);
        auto over = ctrn(QStringList{"send", "--token", token, "--from", kAddr1, "--to", kAddr3, "--amount", "988",
                                     "--password-file", m_pw, "--yes"} + common(proxy.url()));
        QCOMPARE(over.exitCode, 1);
        QCOMPARE(over.err, QString("ctrn: insufficient token balance: have 987500000000000000000, sending 988000000000000000000"));
        QVERIFY(!proxy.methods().isEmpty());
        QVERIFY(!proxy.methods().contains("eth_sendRawTransaction"));
        QCOMPARE(nonceOf(kAddr1, "pending"), nonceBefore);
        QVERIFY(store()->journal(31337)->empty());
        QCOMPARE(historyJson(kAddr1), historyBefore);
        QCOMPARE(tokenBalance(token, kAddr3), QString("12500000000000000000"));
    }
};

QTEST_GUILESS_MAIN(TestWalletSendAnvil)
#include "tst_wallet_send_anvil.moc"
