// The light client against a lying node (issue #9): ctrn --verified runs
// through RpcProxy to a real anvil, and each tamper class — a balance
// altered in eth_getProof, one proof node altered, a header's state root
// altered with its hash kept, headers forged consistently, a receipt's
// status flipped, a log's data altered, a transaction's field altered in the
// block body with its hash kept, another transaction's receipt served for
// the asked hash, a stale head, a wrong chain id — is caught with exit 1 and
// a message naming what failed. Through the honest proxy the values equal
// anvil's (transactions of every type 0-4 bound to their block), with no
// false alarm over 1,000 verified reads. With a quorum, two honest endpoints
// outvote a liar (named); one honest and one liar with quorum 2 refuse the
// read.
#include "cli/cli_runner.h"
#include "integration/anvil_accounts.h"
#include "integration/rpc_client.h"
#include "integration/rpc_proxy.h"

#include <core/chain/header.h>
#include <core/crypto/keccak.h>
#include <core/interfaces/verifier.h>
#include <core/lightclient/light_client.h>
#include <core/rpc/qt_transport.h>
#include <core/util/hex.h>

#include <QSignalSpy>
#include <QtTest>

using namespace ctrn;

namespace {
using namespace anvil;

RunResult runLive(const QStringList& args, int timeoutMs = 120000) { return runCtrnLive(args, timeoutMs); }

Json toJson(const QJsonValue& v) { return *parseJson(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact).toStdString()); }

// Flips one hex digit in the middle of a hex string.
QString flipHexDigit(QString hex) {
    int i = hex.size() / 2;
    hex[i] = hex[i] == QChar('0') ? QChar('1') : QChar('0');
    return hex;
}

// One tamper class: what a lying node changes in each object it answers.
using ObjectRewrite = std::function<void(QJsonObject&)>;

// An answer with `alter` applied to it, or to each object of an array answer
// (eth_getBlockReceipts); null (no such block) and scalars pass unchanged.
QJsonValue alterObjects(const QJsonValue& v, const ObjectRewrite& alter) {
    if (v.isArray()) {
        QJsonArray out;
        for (const auto& item : v.toArray()) out.append(alterObjects(item, alter));
        return out;
    }
    if (!v.isObject()) return v;
    QJsonObject o = v.toObject();
    alter(o);
    return o;
}

// The proxy hook of a node that lies in its answers to `methods` (all of
// them, when a batch asks several) and forwards everything else.
RpcProxy::Hook lyingAbout(const QStringList& methods, ObjectRewrite alter) {
    return [methods, alter](const QJsonDocument& req) {
        std::vector<std::function<QJsonDocument(const QJsonDocument&)>> rewrites;
        for (const auto& m : methods) {
            auto d = rewriteResults(req, m, [alter](const QJsonArray&, QJsonValue v) { return alterObjects(v, alter); });
            if (d.rewrite) rewrites.push_back(std::move(d.rewrite));
        }
        if (rewrites.empty()) return ProxyDecision::forward();
        return ProxyDecision::rewriteWith([rewrites](const QJsonDocument& reply) {
            QJsonDocument out = reply;
            for (const auto& r : rewrites) out = r(out);
            return out;
        });
    };
}

RpcProxy::Hook balanceIs(const char* quantity) {
    return lyingAbout({"eth_getProof"}, [quantity](QJsonObject& o) { o["balance"] = quantity; });
}

// Every header after genesis with another state root and its hash
// recomputed: each is self-consistent, but block 2 names the real block 1.
void forgeStateRoot(QJsonObject& o) {
    if (o["number"].toString() == "0x0") return;
    auto header = chain::headerFromJson(toJson(o));
    if (!header) qFatal("%s", header.error().message.c_str());
    header->stateRoot = chain::Hash(FixedBytes<32>{0x42});
    o["stateRoot"] = QString::fromStdString(header->stateRoot.hex());
    o["hash"] = QString::fromStdString(chain::headerHash(*header).hex());
}

} // namespace

class TestLightClientAnvil : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    QString m_url;
    QString m_checkpoint; // NUMBER:HASH of genesis
    QString m_transferTx; // a plain ETH transfer
    QString m_logTx;      // a contract creation whose init code emits a log
    QStringList m_blockTxs; // one block holding a transaction of each type 0-4, in block order
    QString m_blobTx;       // its type 3 one, which anvil commits with its sidecar
    std::unique_ptr<TestRpc> m_rpc;
    int m_dataDirs = 0;

    QString freshData() { return m_tmp.filePath(QString("data%1").arg(++m_dataDirs)); }
    QStringList through(const QStringList& urls, const QString& data) {
        QStringList out;
        for (const auto& u : urls) out << "--rpc" << u;
        return out << "--checkpoint" << m_checkpoint << "--datadir" << data << "--json";
    }
    QString nodeBalance(const char* address) {
        return QString::fromStdString(toDecimal(*parseU256(m_rpc->call("eth_getBalance", {address, "latest"}).toString().toStdString())));
    }
    QString sendTx(const QJsonObject& tx, bool mine = true) {
        QString hash = m_rpc->call("eth_sendTransaction", {tx}).toString();
        if (mine) m_rpc->call("evm_mine");
        return hash;
    }
    // cast send --async (blob and set-code transactions, which cast signs).
    QString castSend(const char* key, const QStringList& args) {
        auto r = runCast(QStringList{"send", "--async", "--rpc-url", m_url, "--private-key", QString("0x") + key} + args);
        if (r.exitCode != 0) qFatal("cast send: %s", qPrintable(r.err));
        return r.out.trimmed();
    }
    // ctrn balance --verified through one proxy with `hook`, fresh data dir.
    RunResult verifiedBalanceThrough(RpcProxy::Hook hook, const char* address = kAddr1) {
        RpcProxy proxy{QUrl(m_url)};
        proxy.setHook(std::move(hook));
        return runLive(QStringList{"balance", address, "--verified"} + through({proxy.url()}, freshData()));
    }
    RunResult verifyTxThrough(RpcProxy::Hook hook, const QString& hash) {
        RpcProxy proxy{QUrl(m_url)};
        proxy.setHook(std::move(hook));
        return runLive(QStringList{"verify", "tx", hash} + through({proxy.url()}, freshData()));
    }
    static void expectCaught(const RunResult& r, const char* what) {
        if (r.exitCode != 1 || !r.err.contains(what)) qWarning("exit %d, stderr: %s", r.exitCode, qPrintable(r.err));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(what), qPrintable(r.err));
        QVERIFY(r.out.isEmpty()); // a mismatch is never shown as a value
    }

private slots:
    void initTestCase() {
        m_url = TestRpc::fixtureUrl("lightclient");
        m_rpc = std::make_unique<TestRpc>(m_url);
        QJsonObject genesis = m_rpc->call("eth_getBlockByNumber", {"0x0", false}).toObject();
        m_checkpoint = "0:" + genesis["hash"].toString();
        m_transferTx = sendTx({{"from", kAddr0}, {"to", kAddr1}, {"value", "0xde0b6b3a7640000"}});
        // Init code: MSTORE a word, LOG1 it with a topic, STOP — a receipt with one log.
        QString word(64, 'a'), topic(64, 'b');
        m_logTx = sendTx({{"from", kAddr0}, {"data", "0x7f" + word + "6000527f" + topic + "60206000a100"}, {"gas", "0x30000"}});
        m_rpc->call("evm_mine");
        m_rpc->call("evm_mine");
        QJsonObject receipt = m_rpc->call("eth_getTransactionReceipt", {m_logTx}).toObject();
        QCOMPARE(receipt["logs"].toArray().size(), 1);

        // One block with a transaction of each type, from accounts the other
        // tests do not read: legacy, EIP-2930, EIP-1559 from the node's
        // unlocked accounts, a blob (4844) and a set-code (7702) one by cast
        // (anvil commits the blob one to the transactions root in its network
        // form, sidecar included: the light client accepts that form too).
        m_rpc->call("evm_setAutomine", {false});
        sendTx({{"from", kAddr2}, {"to", kAddr3}, {"value", "0x7"}, {"gasPrice", "0x77359400"}, {"type", "0x0"}}, false);
        sendTx({{"from", kAddr3}, {"to", kAddr2}, {"value", "0x8"}, {"gasPrice", "0x77359400"}, {"type", "0x1"},
                {"accessList", QJsonArray{QJsonObject{{"address", kAddr2}, {"storageKeys", QJsonArray{"0x" + QString(64, '0')}}}}}}, false);
        sendTx({{"from", kAddr0}, {"to", kAddr3}, {"value", "0x9"}, {"maxFeePerGas", "0x77359400"}, {"maxPriorityFeePerGas", "0x2"},
                {"data", "0x1234"}}, false);
        QString blobFile = m_tmp.filePath("blob.bin");
        QFile f(blobFile);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(QByteArray(600, 'b')) == 600);
        f.close();
        // cast takes the nonce from the latest block, so the second one is given.
        const qulonglong nonce = m_rpc->call("eth_getTransactionCount", {kAddr1, "latest"}).toString().toULongLong(nullptr, 16);
        castSend(kKey1, {"0x0000000000000000000000000000000000000b0b", "--blob", "--path", blobFile, "--nonce", QString::number(nonce)});
        castSend(kKey1, {"0x0000000000000000000000000000000000000a07", "--auth", "0x0000000000000000000000000000000000000c0d",
                         "--nonce", QString::number(nonce + 1)});
        m_rpc->call("evm_mine");
        m_rpc->call("evm_setAutomine", {true});
        QJsonObject block = m_rpc->call("eth_getBlockByNumber", {"latest", true}).toObject();
        QSet<QString> types;
        for (const auto& t : block["transactions"].toArray()) {
            m_blockTxs << t.toObject()["hash"].toString();
            types << t.toObject()["type"].toString();
            if (t.toObject()["type"].toString() == "0x3") m_blobTx = m_blockTxs.back();
        }
        QCOMPARE(types, (QSet<QString>{"0x0", "0x1", "0x2", "0x3", "0x4"}));
    }

    // --- the honest node ----------------------------------------------
    void honestBalanceIsVerifiedAndRight() {
        RpcProxy proxy{QUrl(m_url)};
        auto r = runLive(QStringList{"balance", kAddr1, "--verified"} + through({proxy.url()}, freshData()));
        CTRN_EXPECT_OK(r);
        auto j = *parseJson(r.out.toStdString());
        QCOMPARE(j["verified"].get<bool>(), true);
        QCOMPARE(QString::fromStdString(j["balance"].get<std::string>()), nodeBalance(kAddr1));
        QVERIFY(proxy.methods().contains("eth_getProof"));
        // An address nobody used is proven absent: zero, still verified.
        auto absent = runLive(QStringList{"balance", "0x00000000000000000000000000000000000c0ffe", "--verified"} +
                              through({proxy.url()}, freshData()));
        CTRN_EXPECT_OK(absent);
        auto a = *parseJson(absent.out.toStdString());
        QCOMPARE(a["balance"].get<std::string>(), std::string("0"));
        QCOMPARE(a["exists"].get<bool>(), false);
    }

    void honestTxAndHeaderAreVerified() {
        RpcProxy proxy{QUrl(m_url)};
        QString data = freshData();
        auto tx = runLive(QStringList{"verify", "tx", m_logTx} + through({proxy.url()}, data));
        CTRN_EXPECT_OK(tx);
        auto j = *parseJson(tx.out.toStdString());
        QCOMPARE(j["status"].get<std::string>(), std::string("success"));
        QCOMPARE(j["logs"].size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(j["logs"][0]["data"].get<std::string>()), "0x" + QString(64, 'a'));
        QVERIFY(j["checks"]["transactionsRoot"].get<std::string>().starts_with("verified"));
        QVERIFY(j["checks"]["receiptsRoot"].get<std::string>().starts_with("verified"));
        QVERIFY(j["transaction"]["to"].is_null()); // a contract creation
        QVERIFY(proxy.methods().contains("eth_getBlockReceipts"));
        auto header = runLive(QStringList{"verify", "header", "2"} + through({proxy.url()}, data));
        CTRN_EXPECT_OK(header);
        auto h = *parseJson(header.out.toStdString());
        QCOMPARE(QString::fromStdString(h["hash"].get<std::string>()),
                 m_rpc->call("eth_getBlockByNumber", {"0x2", false}).toObject()["hash"].toString());
        auto status = runLive(QStringList{"status"} + through({proxy.url()}, data));
        CTRN_EXPECT_OK(status);
        auto s = *parseJson(status.out.toStdString());
        QCOMPARE(s["verification"].get<std::string>(), std::string("verified"));
        QCOMPARE(QString::fromStdString(s["checkpoint"]["hash"].get<std::string>()), m_checkpoint.section(':', 1));
        QCOMPARE(s["endpointAgreement"][0]["agrees"].get<bool>(), true);
    }

    // Each transaction of the block with every type is bound to its index
    // through the transactions root and its receipt proven.
    void honestTransactionsOfEveryTypeAreBound() {
        RpcProxy proxy{QUrl(m_url)};
        QString data = freshData();
        for (int i = 0; i < m_blockTxs.size(); ++i) {
            auto r = runLive(QStringList{"verify", "tx", m_blockTxs[i]} + through({proxy.url()}, data));
            CTRN_EXPECT_OK(r);
            auto j = *parseJson(r.out.toStdString());
            QJsonObject node = m_rpc->call("eth_getTransactionByHash", {m_blockTxs[i]}).toObject();
            QCOMPARE(j["index"].get<std::string>(), std::to_string(i));
            QCOMPARE(QString::fromStdString(j["transaction"]["type"].get<std::string>()), QString::number(node["type"].toString().toInt(nullptr, 16)));
            QCOMPARE(QString::fromStdString(j["transaction"]["value"].get<std::string>()), QString::number(node["value"].toString().toULongLong(nullptr, 16)));
            QCOMPARE(j["status"].get<std::string>(), std::string("success"));
            QVERIFY(j["checks"]["transactionsRoot"].get<std::string>().starts_with("verified"));
        }
    }

    // 1,000 verified reads through the honest proxy, in process: one
    // verified head, proofs fetched in batches of 100; every value equals
    // the node's eth_getBalance and none raises an alarm.
    void thousandHonestReadsNoFalseAlarm() {
        RpcProxy proxy{QUrl(m_url)};
        auto store = lightclient::HeaderStore::open(freshData().toStdString() + ".sqlite");
        QVERIFY(store.ok());
        lightclient::LightClientOptions options;
        options.chainId = 31337;
        options.checkpoint = {{0, *chain::Hash::fromHex(m_checkpoint.section(':', 1).toStdString())}, "user", 0, 0};
        lightclient::LightClient lc({proxy.url().toStdString()}, std::make_shared<rpc::QtHttpTransport>(), {}, **store, options);
        QVERIFY(lc.connect()->ok());
        auto head = lc.syncHead();
        QVERIFY(head.ok() && (*head).ok());
        const std::string tag = lightclient::blockTag((*head)->header.number);
        std::size_t verified = 0, nonZero = 0;
        for (int batch = 0; batch < 10; ++batch) {
            std::vector<chain::Address> addresses;
            for (int i = 0; i < 100; ++i) {
                int n = batch * 100 + i;
                // The funded anvil accounts first, then addresses nobody used.
                auto seed = crypto::keccak256(ByteView(reinterpret_cast<const std::uint8_t*>(&n), sizeof n));
                addresses.emplace_back(toFixed<20>(ByteView(seed.data(), 20)));
            }
            if (batch == 0) {
                addresses[0] = *chain::Address::fromHex(kAddr0);
                addresses[1] = *chain::Address::fromHex(kAddr1);
                addresses[2] = *chain::Address::fromHex(kAddr2);
            }
            auto reads = lc.accounts(addresses, {});
            QVERIFY(reads.ok());
            QVERIFY2(reads->isVerified(), reads->isMismatch() ? reads->mismatch().describe().c_str() : "unverified");
            const auto& accounts = reads->verified().value().accounts;
            QCOMPARE(accounts.size(), addresses.size());
            for (std::size_t i = 0; i < accounts.size(); ++i) {
                std::string hex = toHex(addresses[i].view());
                auto node = parseU256(m_rpc->call("eth_getBalance", {QString::fromStdString(hex), QString::fromStdString(tag)}).toString().toStdString());
                QCOMPARE(accounts[i].account.balance, *node);
                if (*node != 0) ++nonZero;
                ++verified;
            }
        }
        QCOMPARE(verified, std::size_t(1000));
        QVERIFY(nonZero >= 3);
        QVERIFY((*store)->marks(31337)->empty()); // no endpoint was ever marked
    }

    // What the app gets through core/interfaces: Checked values — Verified
    // with its block through an honest node, Mismatch (no value) through a liar.
    void interfacesVerifierGivesCheckedValues() {
        RpcProxy honest{QUrl(m_url)}, liar{QUrl(m_url)};
        liar.setHook(balanceIs("0x1"));
        auto options = [&](const QString& url) {
            interfaces::VerifierOptions o;
            o.dataDir = freshData().toStdString();
            QDir().mkpath(QString::fromStdString(o.dataDir));
            o.urls = {url.toStdString()};
            o.checkpointHash = *chain::Hash::fromHex(m_checkpoint.section(':', 1).toStdString());
            o.checkpointSource = "user";
            return o;
        };
        auto good = interfaces::makeVerifier(options(honest.url()), std::make_shared<rpc::QtHttpTransport>());
        QVERIFY2(good.ok(), good.ok() ? "" : good.error().message.c_str());
        auto balance = (*good)->balance(*chain::Address::fromHex(kAddr1));
        QVERIFY(balance.ok() && balance->isVerified());
        QCOMPARE(QString::fromStdString(toDecimal(balance->verified().value())), nodeBalance(kAddr1));
        auto outcome = (*good)->transactionOutcome(*chain::Hash::fromHex(m_logTx.toStdString()));
        QVERIFY(outcome.ok() && outcome->isVerified());
        QCOMPARE(outcome->verified().value().success, true);
        QCOMPARE(outcome->verified().value().logCount, std::size_t(1));
        QVERIFY((*good)->status().verifiedHead.has_value());

        auto bad = interfaces::makeVerifier(options(liar.url()), std::make_shared<rpc::QtHttpTransport>());
        QVERIFY(bad.ok());
        auto lie = (*bad)->balance(*chain::Address::fromHex(kAddr1));
        QVERIFY(lie.ok() && lie->isMismatch());
        QCOMPARE(QString::fromStdString(lie->mismatch().kind),
                 QString::fromStdString(lightclient::mismatchKindName(lightclient::MismatchKind::AccountValue)));
        QCOMPARE(QString::fromStdString(lie->mismatch().endpoint), liar.url());
    }

    // --- one tamper class per test --------------------------------------
    void balanceAlteredInProof() {
        auto r = verifiedBalanceThrough(balanceIs("0x56bc75e2d63100000")); // 100 ETH
        expectCaught(r, "account value");
        QVERIFY(r.err.contains("balance 100000000000000000000 is not the proven"));
    }

    void proofNodeAltered() {
        auto r = verifiedBalanceThrough(lyingAbout({"eth_getProof"}, [](QJsonObject& o) {
            QJsonArray proof = o["accountProof"].toArray();
            proof[proof.size() - 1] = flipHexDigit(proof[proof.size() - 1].toString());
            o["accountProof"] = proof;
        }));
        expectCaught(r, "account proof");
    }

    void aProofTornOnceIsAskedAgainNotCalledALie() {
        // The first proof altered, the second honest: a node committing a
        // block as it answers can tear one proof; asked again, it verifies.
        int proofs = 0;
        auto r = verifiedBalanceThrough([&proofs](const QJsonDocument& req) {
            if (!req.toJson().contains("eth_getProof") || proofs++ > 0) return ProxyDecision::forward();
            return lyingAbout({"eth_getProof"}, [](QJsonObject& o) {
                QJsonArray proof = o["accountProof"].toArray();
                proof[proof.size() - 1] = flipHexDigit(proof[proof.size() - 1].toString());
                o["accountProof"] = proof;
            })(req);
        });
        CTRN_EXPECT_OK(r);
        QCOMPARE(parseJson(r.out.toStdString())->at("verified").get<bool>(), true);
        QCOMPARE(proofs, 2);
    }

    void stateRootAlteredHashKept() {
        auto r = verifiedBalanceThrough(
            lyingAbout({"eth_getBlockByNumber"}, [](QJsonObject& o) { o["stateRoot"] = flipHexDigit(o["stateRoot"].toString()); }));
        expectCaught(r, "header hash");
    }

    void headersForgedConsistently() {
        auto r = verifiedBalanceThrough(lyingAbout({"eth_getBlockByNumber"}, forgeStateRoot));
        expectCaught(r, "header linkage");
    }

    // The receipts (the node's own and the block's) altered alike.
    void receiptStatusFlipped() {
        auto r = verifyTxThrough(lyingAbout({"eth_getTransactionReceipt", "eth_getBlockReceipts"},
                                            [](QJsonObject& o) { o["status"] = o["status"].toString() == "0x1" ? "0x0" : "0x1"; }),
                                 m_transferTx);
        expectCaught(r, "receipts root");
    }

    void logDataAltered() {
        auto r = verifyTxThrough(lyingAbout({"eth_getTransactionReceipt", "eth_getBlockReceipts"}, [](QJsonObject& o) {
            QJsonArray logs = o["logs"].toArray();
            for (int i = 0; i < logs.size(); ++i) {
                QJsonObject l = logs[i].toObject();
                l["data"] = flipHexDigit(l["data"].toString());
                logs[i] = l;
            }
            o["logs"] = logs;
        }), m_logTx);
        expectCaught(r, "receipts root");
    }

    // The block body served with a transaction's value raised, its hash
    // kept (the headers, with transaction hashes only, are left alone): the
    // plain transfer, and the blob transaction, whose block anvil commits in
    // the network form the light client also tries.
    void transactionFieldAlteredHashKept_data() {
        QTest::addColumn<QString>("target");
        QTest::newRow("transfer") << m_transferTx;
        QTest::newRow("blob") << m_blobTx;
    }
    void transactionFieldAlteredHashKept() {
        QFETCH(QString, target);
        auto r = verifyTxThrough(lyingAbout({"eth_getBlockByNumber"}, [target](QJsonObject& block) {
            QJsonArray txs = block["transactions"].toArray();
            for (int i = 0; i < txs.size(); ++i) {
                if (!txs[i].isObject() || txs[i].toObject()["hash"].toString() != target) continue;
                QJsonObject tx = txs[i].toObject();
                tx["value"] = "0x56bc75e2d63100000"; // 100 ETH
                txs[i] = tx;
            }
            block["transactions"] = txs;
        }), target);
        expectCaught(r, "transactions root");
        QVERIFY2(r.err.contains("'s fields hash to"), qPrintable(r.err));
    }

    // The receipt of the block's second transaction served for the first:
    // status and logs are a real receipt at a real index, and the receipt trie
    // holds them there; only the transactions trie says whose they are.
    void receiptOfAnotherTransactionServed() {
        const QString asked = m_blockTxs[0], other = m_blockTxs[1];
        QJsonObject otherReceipt = m_rpc->call("eth_getTransactionReceipt", {other}).toObject();
        otherReceipt["transactionHash"] = asked;
        auto r = verifyTxThrough(lyingAbout({"eth_getTransactionReceipt"}, [asked, otherReceipt](QJsonObject& o) {
            if (o["transactionHash"].toString() == asked) o = otherReceipt;
        }), asked);
        expectCaught(r, "transaction index");
        QVERIFY2(r.err.contains("names index 1") && r.err.contains(other) && r.err.contains(asked + " is at index 0"), qPrintable(r.err));
    }

    void staleHeadIsBehindNotALie() {
        QString data = freshData();
        RpcProxy honest{QUrl(m_url)};
        CTRN_EXPECT_OK(runLive(QStringList{"balance", kAddr1, "--verified"} + through({honest.url()}, data)));
        // The stale node serves an older block as its latest.
        QJsonObject old = m_rpc->call("eth_getBlockByNumber", {"0x1", false}).toObject();
        RpcProxy stale{QUrl(m_url)};
        stale.setHook([old](const QJsonDocument& req) {
            if (RpcProxy::methodsOf(req).contains("eth_blockNumber"))
                return rewriteResults(req, "eth_blockNumber", [](const QJsonArray&, QJsonValue) { return QJsonValue("0x1"); });
            return rewriteResults(req, "eth_getBlockByNumber", [old](const QJsonArray& params, QJsonValue v) {
                return params[0].toString() == "latest" ? QJsonValue(old) : v;
            });
        });
        auto r = runLive(QStringList{"balance", kAddr1, "--verified"} + through({stale.url()}, data));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("is behind"), qPrintable(r.err));
        QVERIFY2(!r.err.contains("verification failed"), qPrintable(r.err)); // reported as behind, not as a lie
        QVERIFY(r.out.isEmpty());
    }

    void wrongChainId() {
        auto r = verifiedBalanceThrough([](const QJsonDocument& req) {
            return rewriteResults(req, "eth_chainId", [](const QJsonArray&, QJsonValue) { return QJsonValue("0x1"); });
        });
        expectCaught(r, "chain id");
    }

    // --- quorum -----------------------------------------------------------
    void twoHonestOutvoteOneLiar() {
        RpcProxy liar{QUrl(m_url)}, a{QUrl(m_url)}, b{QUrl(m_url)};
        liar.setHook(balanceIs("0x1"));
        auto r = runLive(QStringList{"balance", kAddr1, "--verified", "--quorum", "2"} + through({liar.url(), a.url(), b.url()}, freshData()));
        CTRN_EXPECT_OK(r);
        auto j = *parseJson(r.out.toStdString());
        QCOMPARE(QString::fromStdString(j["balance"].get<std::string>()), nodeBalance(kAddr1));
        QCOMPARE(QString::fromStdString(j["outvoted"][0].get<std::string>()), liar.url());
        QVERIFY2(r.err.contains(liar.url()) && r.err.contains("outvoted"), qPrintable(r.err));
    }

    void oneHonestOneLiarWithQuorumTwoRefuses() {
        RpcProxy honest{QUrl(m_url)}, liar{QUrl(m_url)};
        liar.setHook(balanceIs("0x1"));
        auto r = runLive(QStringList{"balance", kAddr1, "--verified", "--quorum", "2"} + through({honest.url(), liar.url()}, freshData()));
        expectCaught(r, "quorum");
        QVERIFY2(r.err.contains(liar.url()), qPrintable(r.err));
    }

    void forgedHeadIsOutvotedByHeaderQuorum() {
        RpcProxy liar{QUrl(m_url)}, a{QUrl(m_url)}, b{QUrl(m_url)};
        liar.setHook(lyingAbout({"eth_getBlockByNumber"}, forgeStateRoot));
        auto r = runLive(QStringList{"status", "--quorum", "2"} + through({liar.url(), a.url(), b.url()}, freshData()));
        CTRN_EXPECT_OK(r);
        auto s = *parseJson(r.out.toStdString());
        QCOMPARE(s["verification"].get<std::string>(), std::string("verified"));
        bool named = false;
        for (const auto& e : s["endpointAgreement"])
            if (QString::fromStdString(e["url"].get<std::string>()) == liar.url())
                named = !e["agrees"].get<bool>() && e["problem"].get<std::string>().find("outvoted") != std::string::npos;
        QVERIFY2(named, r.out.toUtf8().constData());
    }
};

QTEST_GUILESS_MAIN(TestLightClientAnvil)
#include "tst_lightclient_anvil.moc"
