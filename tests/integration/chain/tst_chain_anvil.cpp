// The chain and trie layers against a real node, once per fork (CTRN_FORK):
// transactions signed by `ctrn tx sign` are accepted and mined from the
// expected sender, `cast tx` reads the same fields; every block hashes to the
// node's own hash; the transaction and receipt tries rebuild the header's
// roots; eth_getProof verifies for an EOA, a contract with storage, an absent
// account and an absent slot — and stops verifying when tampered with.
#include <core/chain/header.h>
#include <core/chain/receipt.h>
#include <core/chain/transaction.h>
#include <core/trie/account_proof.h>
#include <core/trie/block_roots.h>
#include <core/util/hex.h>

#include "cli/cli_runner.h"
#include "integration/anvil_accounts.h"
#include "integration/rpc_client.h"

#include <QtTest>

namespace chain = ctrn::chain;
namespace trie = ctrn::trie;
using ctrn::Bytes;
using ctrn::Json;
using ctrn::U256;
using ctrn::fromHex;
using ctrn::parseJson;
using ctrn::parseU256;
using ctrn::toDecimal;
using ctrn::toQuantityHex;
using trie::Root;

namespace {

// anvil's first default account (its well-known test mnemonic).
const QString kDevKey = QString("0x") + anvil::kKey0;
const char* const kDevAddress = anvil::kAddr0;
// Init code: SSTORE(0, 42); SSTORE(1, 0x1234); SSTORE(2**255, 7); returns runtime code 0x00.
const char* kStorageInitCode = "0x602a6000556112346001556007600160ff1b55600060005360016000f3";

Json toJson(const QJsonValue& v) {
    QJsonDocument doc = v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject());
    return *parseJson(doc.toJson(QJsonDocument::Compact).toStdString());
}

QString hexQuantity(quint64 n) { return "0x" + QString::number(n, 16); }

} // namespace

class TestChainAnvil : public QObject {
    Q_OBJECT
    QString m_fork = qEnvironmentVariable("CTRN_FORK", "prague");
    std::unique_ptr<TestRpc> m_rpc;
    QTemporaryDir m_dir;
    QString m_keyFile;
    QStringList m_txHashes;
    QString m_contract;

    U256 baseFee() {
        QJsonObject block = m_rpc->call("eth_getBlockByNumber", {"latest", false}).toObject();
        return *parseU256(block["baseFeePerGas"].toString().toStdString());
    }
    quint64 nonce() {
        return m_rpc->call("eth_getTransactionCount", {kDevAddress, "pending"}).toString().toULongLong(nullptr, 16);
    }
    // Signs with ctrn and sends; returns the hash ctrn computed.
    QString signAndSend(Json tx) {
        auto r = runCtrn({"tx", "sign", "--key-file", m_keyFile}, QByteArray::fromStdString(tx.dump()));
        if (r.exitCode != 0) qFatal("ctrn tx sign: %s", qPrintable(r.err));
        Json out = *parseJson(r.out.toStdString());
        QJsonObject reply = m_rpc->raw("eth_sendRawTransaction", {QString::fromStdString(out["raw"].get<std::string>())});
        if (reply.contains("error")) qFatal("node refused: %s", QJsonDocument(reply["error"].toObject()).toJson().constData());
        QString hash = reply["result"].toString();
        if (hash != QString::fromStdString(out["hash"].get<std::string>())) qFatal("node hash differs from ctrn's");
        if (QString::fromStdString(out["from"].get<std::string>()) != kDevAddress) qFatal("unexpected sender");
        return hash;
    }
    QJsonObject block(const QJsonValue& number, bool full = false) {
        return m_rpc->call("eth_getBlockByNumber", {number, full}).toObject();
    }

private slots:
    void initTestCase() {
        m_rpc = std::make_unique<TestRpc>(TestRpc::fixtureUrl(m_fork));
        QCOMPARE(m_rpc->call("eth_chainId").toString(), QString("0x7a69"));
        m_keyFile = writeFile(m_dir, "dev.key", kDevKey.toUtf8());

        // Put several transactions of every signed type into one block.
        m_rpc->call("evm_setAutomine", {false});
        U256 fee = baseFee() * 2 + 1000000000;
        quint64 n = nonce();
        m_txHashes << signAndSend({{"type", 0}, {"chainId", 31337}, {"nonce", n}, {"gasPrice", toDecimal(fee)}, {"gas", 21000},
                                   {"to", "0x000000000000000000000000000000000000dEaD"}, {"value", "1000"}});
        m_txHashes << signAndSend({{"type", 1}, {"chainId", 31337}, {"nonce", n + 1}, {"gasPrice", toDecimal(fee)}, {"gas", 30000},
                                   {"to", "0x000000000000000000000000000000000000dEaD"}, {"value", "2000"},
                                   {"accessList", {{{"address", "0x000000000000000000000000000000000000dEaD"}, {"storageKeys", {"0x" + std::string(64, '0')}}}}}});
        m_txHashes << signAndSend({{"type", 2}, {"chainId", 31337}, {"nonce", n + 2}, {"maxFeePerGas", toDecimal(fee)},
                                   {"maxPriorityFeePerGas", "1000000000"}, {"gas", 200000}, {"data", kStorageInitCode}});
        m_txHashes << signAndSend({{"type", 2}, {"chainId", 31337}, {"nonce", n + 3}, {"maxFeePerGas", toDecimal(fee)},
                                   {"maxPriorityFeePerGas", "1"}, {"gas", 21000}, {"to", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"}, {"value", "1"}});
        m_rpc->call("evm_mine");
        m_rpc->call("evm_setAutomine", {true});
        QJsonObject receipt = m_rpc->call("eth_getTransactionReceipt", {m_txHashes[2]}).toObject();
        QCOMPARE(receipt["status"].toString(), QString("0x1"));
        m_contract = receipt["contractAddress"].toString();
        QVERIFY(!m_contract.isEmpty());
    }

    void transactionsMinedFromExpectedSender() {
        for (const QString& hash : m_txHashes) {
            QJsonObject tx = m_rpc->call("eth_getTransactionByHash", {hash}).toObject();
            QCOMPARE(tx["from"].toString().toLower(), QString(kDevAddress).toLower());
            QVERIFY(!tx["blockNumber"].isNull());
            // Our decoder reads the node's raw bytes to the same hash and sender.
            QString raw = m_rpc->call("eth_getRawTransactionByHash", {hash}).toString();
            auto decoded = chain::decodeTransaction(*fromHex(raw.toStdString()));
            QVERIFY(decoded.ok());
            QCOMPARE(QString::fromStdString(decoded->hash.hex()), hash);
            QCOMPARE(QString::fromStdString(decoded->from.checksummed()), QString(kDevAddress));
            // cast reads the same fields.
            auto c = runCast({"tx", hash, "--rpc-url", m_rpc->url(), "--json"});
            QCOMPARE(c.exitCode, 0);
            Json theirs = *parseJson(c.out.toStdString());
            Json ours = chain::transactionToJson(*decoded);
            QCOMPARE(toDecimal(*parseU256(theirs["nonce"].get<std::string>())), ours["nonce"].get<std::string>());
            QCOMPARE(toDecimal(*parseU256(theirs["value"].get<std::string>())), ours["value"].get<std::string>());
            QCOMPARE(toDecimal(*parseU256(theirs["gas"].get<std::string>())), ours["gas"].get<std::string>());
            QCOMPARE(theirs["input"].get<std::string>(), ours["data"].get<std::string>());
            QCOMPARE(QString::fromStdString(theirs["from"].get<std::string>()).toLower(), QString(kDevAddress).toLower());
            QCOMPARE(theirs["r"].get<std::string>(), toQuantityHex(*parseU256(ours["r"].get<std::string>())));
            if (theirs["to"].is_string())
                QCOMPARE(QString::fromStdString(theirs["to"].get<std::string>()).toLower(),
                         QString::fromStdString(ours["to"].get<std::string>()).toLower());
        }
    }

    void everyBlockHashesToItsHash() {
        quint64 head = m_rpc->call("eth_blockNumber").toString().toULongLong(nullptr, 16);
        QVERIFY(head >= 1);
        for (quint64 n = 0; n <= head; ++n) {
            Json b = toJson(block(hexQuantity(n)));
            auto h = chain::verifyBlockHash(b);
            QVERIFY2(h.ok(), h.ok() ? "" : h.error().message.c_str());
            QCOMPARE(h->hex(), b["hash"].get<std::string>());
            QCOMPARE(chain::headerFromJson(b)->fork(), m_fork == "london" ? std::string("london") : m_fork.toStdString());
        }
    }

    void transactionAndReceiptRootsRebuild() {
        QJsonObject tx = m_rpc->call("eth_getTransactionByHash", {m_txHashes[0]}).toObject();
        QJsonObject b = block(tx["blockNumber"]);
        QCOMPARE(b["transactions"].toArray().size(), 4);
        std::vector<Bytes> raws;
        for (const auto& h : b["transactions"].toArray())
            raws.push_back(*fromHex(m_rpc->call("eth_getRawTransactionByHash", {h}).toString().toStdString()));
        QCOMPARE(QString::fromStdString(trie::transactionsRoot(raws).hex()), b["transactionsRoot"].toString());

        auto receipts = chain::receiptsFromJson(toJson(m_rpc->call("eth_getBlockReceipts", {tx["blockNumber"]})));
        QVERIFY2(receipts.ok(), receipts.ok() ? "" : receipts.error().message.c_str());
        QCOMPARE(receipts->size(), std::size_t(4));
        QCOMPARE(QString::fromStdString(trie::receiptsRoot(*receipts).hex()), b["receiptsRoot"].toString());
        // A flipped status or a changed log no longer matches the header.
        auto lying = *receipts;
        lying[1].status = !*lying[1].status;
        QVERIFY(QString::fromStdString(trie::receiptsRoot(lying).hex()) != b["receiptsRoot"].toString());
        lying = *receipts;
        lying[3].cumulativeGasUsed += 1;
        QVERIFY(QString::fromStdString(trie::receiptsRoot(lying).hex()) != b["receiptsRoot"].toString());
    }

    void proofsVerify_data() {
        QTest::addColumn<QString>("address");
        QTest::addColumn<QStringList>("slotList");
        QTest::addColumn<bool>("exists");
        QTest::newRow("EOA") << kDevAddress << QStringList{} << true;
        QTest::newRow("contract with storage") << QString() << QStringList{"0x0000000000000000000000000000000000000000000000000000000000000000", "0x0000000000000000000000000000000000000000000000000000000000000001", "0x8000000000000000000000000000000000000000000000000000000000000000", "0x0000000000000000000000000000000000000000000000000000000000000063"} << true;
        QTest::newRow("absent account") << "0x00000000000000000000000000000000DeaDBeef" << QStringList{"0x0000000000000000000000000000000000000000000000000000000000000000"} << false;
    }
    void proofsVerify() {
        QFETCH(QString, address);
        QFETCH(QStringList, slotList);
        QFETCH(bool, exists);
        if (address.isEmpty()) address = m_contract;
        QJsonObject latest = block("latest");
        Root stateRoot = *ctrn::fixedFromHex<32>(latest["stateRoot"].toString().toStdString(), "stateRoot");
        Json proof = toJson(m_rpc->call("eth_getProof", {address, QJsonArray::fromStringList(slotList), latest["number"]}));
        auto check = trie::checkEthProof(stateRoot, proof);
        QVERIFY(check.ok());
        QVERIFY2(check->valid(), check->accountError.c_str());
        QCOMPARE(check->proven.exists, exists);
        if (address == m_contract) {
            QCOMPARE(toDecimal(check->storage[0].proven), std::string("42"));
            QCOMPARE(toDecimal(check->storage[1].proven), std::string("4660"));
            QCOMPARE(toDecimal(check->storage[2].proven), std::string("7"));
            QCOMPARE(toDecimal(check->storage[3].proven), std::string("0")); // absent slot, proven absent
            QVERIFY(check->storage[3].valid);
        }
        // The same through ctrn, as a script would.
        auto r = runCtrn({"proof", "verify", "--state-root", latest["stateRoot"].toString()}, QByteArray::fromStdString(proof.dump()));
        CTRN_EXPECT_OK(r);
        QVERIFY(r.out.contains("\"valid\":true"));
    }

    void tamperedProofsFail_data() {
        QTest::addColumn<QString>("tamper");
        QTest::newRow("changed byte") << "byte";
        QTest::newRow("swapped nodes") << "swap";
        QTest::newRow("dropped node") << "drop";
        QTest::newRow("changed balance") << "balance";
        QTest::newRow("changed storage value") << "storage";
        QTest::newRow("changed storage node") << "storage-node";
    }
    void tamperedProofsFail() {
        QFETCH(QString, tamper);
        QJsonObject latest = block("latest");
        Root stateRoot = *ctrn::fixedFromHex<32>(latest["stateRoot"].toString().toStdString(), "stateRoot");
        // The contract's account: its proof is as deep as the EOA's and it has storage.
        Json proof = toJson(m_rpc->call("eth_getProof", {m_contract, QJsonArray{"0x0000000000000000000000000000000000000000000000000000000000000000"}, latest["number"]}));
        auto& nodes = proof["accountProof"];
        QVERIFY(nodes.size() >= 2);
        if (tamper == "byte") {
            std::string n = nodes[nodes.size() - 1].get<std::string>();
            n[n.size() / 2] = n[n.size() / 2] == 'a' ? 'b' : 'a';
            nodes[nodes.size() - 1] = n;
        } else if (tamper == "swap") {
            std::swap(nodes[0], nodes[1]);
        } else if (tamper == "drop") {
            nodes.erase(nodes.size() - 1);
        } else if (tamper == "balance") {
            proof["balance"] = "0x56bc75e2d63100000"; // 100 ETH
        } else if (tamper == "storage") {
            proof["storageProof"][0]["value"] = "0x2b";
        } else {
            auto& sn = proof["storageProof"][0]["proof"];
            std::string n = sn[0].get<std::string>();
            n[n.size() - 3] = n[n.size() - 3] == '0' ? '1' : '0';
            sn[0] = n;
        }
        auto check = trie::checkEthProof(stateRoot, proof);
        QVERIFY(check.ok());
        QVERIFY(!check->valid());
        auto r = runCtrn({"proof", "verify", "--state-root", latest["stateRoot"].toString()}, QByteArray::fromStdString(proof.dump()));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.startsWith("ctrn: proof does not verify: "), qPrintable(r.err));
        QVERIFY(r.out.contains("\"valid\":false"));
    }

    void headerHashThroughCtrn() {
        QJsonObject latest = block("latest");
        QByteArray json = QJsonDocument(latest).toJson(QJsonDocument::Compact);
        auto r = runCtrn({"header", "hash"}, json);
        CTRN_EXPECT_OK(r);
        QCOMPARE(r.out, latest["hash"].toString());
        latest["stateRoot"] = "0x" + QString(64, 'f');
        r = runCtrn({"header", "hash"}, QJsonDocument(latest).toJson(QJsonDocument::Compact));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.startsWith("ctrn: header hash mismatch: block says "));
    }
};

QTEST_GUILESS_MAIN(TestChainAnvil)
#include "tst_chain_anvil.moc"
