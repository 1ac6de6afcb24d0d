// Transactions: the EIP-155 example, agreement with ethers v6 for every type
// the wallet signs, decoding of blob and set-code transactions, node JSON of
// every type re-encoded to the node's own hash, and a clear error for every
// malformed input.
#include <core/chain/transaction.h>
#include <core/crypto/keccak.h>
#include <core/encoding/rlp.h>
#include <core/util/hex.h>

#include "peers/peer_runner.h"

#include <QFile>
#include <QtTest>

using namespace ctrn;
using namespace ctrn::chain;

namespace {

const char* kKey = "0x4646464646464646464646464646464646464646464646464646464646464646";

Json loadJson(const char* name) {
    QFile f(QString(CTRN_VECTORS_DIR "/") + name);
    if (!f.open(QIODevice::ReadOnly)) qFatal("missing vector %s", name);
    return *parseJson(f.readAll().toStdString());
}

crypto::PrivateKey key() { return *crypto::PrivateKey::fromHex(kKey); }

SignedTransaction signJson(const std::string& json) {
    auto tx = transactionFromJson(*parseJson(json));
    if (!tx) qFatal("bad tx json: %s", tx.error().message.c_str());
    auto s = signTransaction(*tx, key());
    if (!s) qFatal("sign failed: %s", s.error().message.c_str());
    return *s;
}

// Signs a transaction of any type by hand (the wallet refuses to build types
// 3 and 4, but must decode them).
Bytes signByHand(Transaction tx) {
    auto rsv = *crypto::signRecoverable(key(), signingHash(tx).bytes());
    TxSignature sig;
    sig.r = *fromBigEndian(ByteView(rsv.data(), 32));
    sig.s = *fromBigEndian(ByteView(rsv.data() + 32, 32));
    sig.v = rsv[64];
    tx.signature = sig;
    return *encodeSigned(tx);
}

} // namespace

class TestTransaction : public QObject {
    Q_OBJECT
private slots:
    void eip155Example() {
        Json v = loadJson("eip155_example.json");
        Json txJson = v["tx"];
        txJson["chainId"] = v["chainId"];
        auto tx = transactionFromJson(txJson);
        QVERIFY(tx.ok());
        QCOMPARE(toHex(signingPayload(*tx)), v["signingData"].get<std::string>());
        QCOMPARE(signingHash(*tx).hex(), v["signingHash"].get<std::string>());
        auto s = signTransaction(*tx, key());
        QVERIFY(s.ok());
        QCOMPARE(toDecimal(s->tx.signature->v), std::to_string(v["v"].get<int>()));
        QCOMPARE(toDecimal(s->tx.signature->r), v["r"].get<std::string>());
        QCOMPARE(toDecimal(s->tx.signature->s), v["s"].get<std::string>());
        QCOMPARE(toHex(s->raw), v["signedTx"].get<std::string>());

        auto decoded = decodeTransaction(*fromHex(v["signedTx"].get<std::string>()));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->from, Address(crypto::addressOf(key())));
        QCOMPARE(toDecimal(*decoded->tx.chainId), std::string("1"));
        QCOMPARE(decoded->hash, s->hash);
    }

    void agreesWithEthers_data() {
        QTest::addColumn<QString>("tx");
        QTest::newRow("legacy pre-155") << R"({"type":0,"nonce":0,"gasPrice":"20000000000","gasLimit":21000,"to":"0x3535353535353535353535353535353535353535","value":"1"})";
        QTest::newRow("legacy 155 create") << R"({"type":0,"chainId":31337,"nonce":7,"gasPrice":"1000000000","gasLimit":500000,"data":"0x6080604052"})";
        QTest::newRow("2930") << R"({"type":1,"chainId":1,"nonce":3,"gasPrice":"30000000000","gasLimit":60000,"to":"0x000000000000000000000000000000000000dEaD","value":"0","data":"0xa9059cbb","accessList":[{"address":"0x000000000000000000000000000000000000dEaD","storageKeys":["0x0000000000000000000000000000000000000000000000000000000000000001"]}]})";
        QTest::newRow("1559") << R"({"type":2,"chainId":1,"nonce":0,"maxFeePerGas":"30000000000","maxPriorityFeePerGas":"1000000000","gasLimit":21000,"to":"0x3535353535353535353535353535353535353535","value":"1000000000000000000"})";
        QTest::newRow("1559 big chain id, call") << R"({"type":2,"chainId":"4294967295","nonce":"123456","maxFeePerGas":"999999999999","maxPriorityFeePerGas":"0","gasLimit":"100000","to":"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed","value":"0","data":"0xdeadbeef00000000000000000000000000000000000000000000000000000000000000ff","accessList":[]})";
        QTest::newRow("1559 create with access list") << R"({"type":2,"chainId":31337,"nonce":1,"maxFeePerGas":"2000000000","maxPriorityFeePerGas":"1000000000","gasLimit":900000,"data":"0x60806040","accessList":[{"address":"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed","storageKeys":[]}]})";
    }
    void agreesWithEthers() {
        QFETCH(QString, tx);
        SignedTransaction ours = signJson(tx.toStdString());
        Json peer = runPeer("tx_peer.mjs", {{"sign", *parseJson(tx.toStdString())}, {"key", kKey}});
        QCOMPARE(toHex(ours.raw), peer["raw"].get<std::string>());
        QCOMPARE(ours.hash.hex(), peer["hash"].get<std::string>());
        QCOMPARE(ours.from.checksummed(), peer["from"].get<std::string>());
        // and our decoder reads back what we (and ethers) produced
        auto decoded = decodeTransaction(ours.raw);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->from, ours.from);
        QCOMPARE(*encodeSigned(decoded->tx), ours.raw);
    }

    void decodesBlobAndSetCode() {
        Transaction blob;
        blob.type = TxType::Blob;
        blob.chainId = 1;
        blob.nonce = 5;
        blob.maxPriorityFeePerGas = 1;
        blob.maxFeePerGas = 100;
        blob.gas = 21000;
        blob.to = *Address::fromHex("0x3535353535353535353535353535353535353535");
        blob.maxFeePerBlobGas = 7;
        blob.blobVersionedHashes.push_back(*Hash::fromHex("0x01" + std::string(62, 'a')));
        Bytes raw = signByHand(blob);
        auto decoded = decodeTransaction(raw);
        QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().message.c_str());
        QCOMPARE(decoded->tx.type, TxType::Blob);
        QCOMPARE(decoded->tx.blobVersionedHashes.size(), std::size_t(1));
        QCOMPARE(decoded->from, Address(crypto::addressOf(key())));
        Json peer = runPeer("tx_peer.mjs", {{"parse", toHex(raw)}});
        QCOMPARE(peer["from"].get<std::string>(), decoded->from.checksummed());
        QCOMPARE(peer["hash"].get<std::string>(), decoded->hash.hex());

        Transaction setCode;
        setCode.type = TxType::SetCode;
        setCode.chainId = 31337;
        setCode.maxFeePerGas = 10;
        setCode.gas = 100000;
        setCode.to = *Address::fromHex("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
        setCode.authorizationList.push_back({31337, *Address::fromHex("0x3535353535353535353535353535353535353535"), 1, 0, 12345, 678});
        Bytes raw7702 = signByHand(setCode);
        auto d7702 = decodeTransaction(raw7702);
        QVERIFY2(d7702.ok(), d7702.ok() ? "" : d7702.error().message.c_str());
        QCOMPARE(d7702->tx.authorizationList.size(), std::size_t(1));
        QCOMPARE(d7702->from, Address(crypto::addressOf(key())));
        Json j = transactionToJson(*d7702);
        QCOMPARE(j["type"].get<std::string>(), std::string("4"));
        QCOMPARE(j["authorizationList"][0]["nonce"].get<std::string>(), std::string("1"));

        // The wallet itself never signs these types.
        auto refused = signTransaction(blob, key());
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::Unsupported);
    }

    // What the light client rebuilds a block's transactions trie from: the
    // node's JSON of each type, re-encoded, hashes to the node's hash.
    void nodeJsonOfEveryTypeReencodesToItsHash() {
        Json vectors = loadJson("anvil_prague_transactions.json");
        QCOMPARE(vectors.size(), std::size_t(5));
        for (std::size_t type = 0; type < vectors.size(); ++type) {
            const Json& j = vectors[type];
            auto tx = transactionFromRpcJson(j);
            QVERIFY2(tx.ok(), tx.ok() ? "" : tx.error().message.c_str());
            QCOMPARE(static_cast<std::size_t>(tx->type), type);
            auto raw = encodeSigned(*tx);
            QVERIFY(raw.ok());
            QCOMPARE(Hash(crypto::keccak256(*raw)).hex(), j["hash"].get<std::string>());
            // The same bytes decode, and the sender recovered is the node's "from".
            auto decoded = decodeTransaction(*raw);
            QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().message.c_str());
            QCOMPARE(QString::fromStdString(decoded->from.checksummed()).toLower(), QString::fromStdString(j["from"].get<std::string>()));
            // A field changed no longer hashes to the node's hash.
            Json altered = j;
            altered["value"] = "0x" + std::string("1") + j["value"].get<std::string>().substr(2);
            QVERIFY(Hash(crypto::keccak256(*encodeSigned(*transactionFromRpcJson(altered)))).hex() != j["hash"].get<std::string>());
        }
        Json deposit = vectors[2];
        deposit["type"] = "0x7e"; // an OP-stack deposit: no encoding here
        auto refused = transactionFromRpcJson(deposit);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::Unsupported);
        QCOMPARE(QString::fromStdString(refused.error().message), QString("tx: unknown type 0x7e"));
        Json noSignature = vectors[1];
        noSignature.erase("r");
        QCOMPARE(QString::fromStdString(transactionFromRpcJson(noSignature).error().message), QString("field 'r': missing"));
    }

    void malformedInputIsRefused_data() {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("message");
        SignedTransaction good = signJson(R"({"type":2,"chainId":1,"nonce":0,"maxFeePerGas":"30000000000","maxPriorityFeePerGas":"1000000000","gasLimit":21000,"to":"0x3535353535353535353535353535353535353535","value":"1"})");
        QString rawHex = QString::fromStdString(toHex(good.raw));
        QTest::newRow("empty") << "0x" << "tx: empty input";
        QTest::newRow("truncated") << rawHex.left(rawHex.size() - 4) << "tx: rlp: ";
        QTest::newRow("trailing byte") << rawHex + "00" << "tx: rlp: ";
        QTest::newRow("unknown type") << "0x05" + rawHex.mid(4) << "tx: unknown type 0x05";
        QTest::newRow("type byte 0x7f") << "0x7f" + rawHex.mid(4) << "tx: unknown type 0x7f";
        // The same body behind the wrong type byte has the wrong field count.
        QTest::newRow("wrong type byte") << "0x01" + rawHex.mid(4) << "tx: type 1 transaction: rlp: expected a list of 11 items, got 12";

        // High s: s' = n - s with the other recovery id is the same signature
        // mathematically, but EIP-2 forbids it.
        Transaction t = good.tx;
        static const U256 n = *parseU256("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
        t.signature->s = n - t.signature->s;
        t.signature->v = 1 - t.signature->v;
        QTest::newRow("high s") << QString::fromStdString(toHex(*encodeSigned(t))) << "tx: signature has high s";
        Transaction zeroR = good.tx;
        zeroR.signature->r = 0;
        QTest::newRow("r = 0") << QString::fromStdString(toHex(*encodeSigned(zeroR))) << "tx: signature r out of range";
        Transaction badParity = good.tx;
        badParity.signature->v = 2;
        QTest::newRow("yParity 2") << QString::fromStdString(toHex(*encodeSigned(badParity))) << "tx: yParity must be 0 or 1, got 2";
        QTest::newRow("legacy v 30") << "0xf85f800182520894353535353535353535353535353535353535353501801ea0"
                                        "28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a0"
                                        "67cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"
                                     << "tx: invalid legacy v 30";
    }
    void malformedInputIsRefused() {
        QFETCH(QString, raw);
        QFETCH(QString, message);
        auto r = decodeTransaction(*fromHex(raw.toStdString()));
        QVERIFY(!r.ok());
        QVERIFY2(QString::fromStdString(r.error().message).startsWith(message), r.error().message.c_str());
    }

    void badJsonIsRefused_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("type 2 without chainId") << R"({"type":2,"nonce":0,"maxFeePerGas":1,"maxPriorityFeePerGas":1,"gas":21000})" << "tx: field 'chainId': missing (required for type 1 and 2)";
        QTest::newRow("gasPrice on type 2") << R"({"type":2,"chainId":1,"nonce":0,"gasPrice":1,"gas":21000})" << "tx: type 2 takes maxFeePerGas and maxPriorityFeePerGas, not gasPrice";
        QTest::newRow("tip above max fee") << R"({"type":2,"chainId":1,"nonce":0,"maxFeePerGas":1,"maxPriorityFeePerGas":2,"gas":21000})" << "tx: maxPriorityFeePerGas exceeds maxFeePerGas";
        QTest::newRow("type 3") << R"({"type":3,"chainId":1,"nonce":0})" << "tx: type must be 0, 1 or 2 to sign";
        QTest::newRow("bad to") << R"({"type":0,"nonce":0,"gasPrice":1,"gas":21000,"to":"0x1234"})" << "field 'to': invalid address: expected 40 hex digits, got 4";
        QTest::newRow("negative value") << R"({"type":0,"nonce":0,"gasPrice":1,"gas":21000,"value":-1})" << "field 'value': negative value";
        QTest::newRow("missing nonce") << R"({"type":0,"gasPrice":1,"gas":21000})" << "field 'nonce': missing";
        QTest::newRow("access list on legacy") << R"({"type":0,"nonce":0,"gasPrice":1,"gas":21000,"accessList":[]})" << "tx: a legacy transaction has no access list";
    }
    void badJsonIsRefused() {
        QFETCH(QString, json);
        QFETCH(QString, message);
        auto r = transactionFromJson(*parseJson(json.toStdString()));
        QVERIFY(!r.ok());
        QCOMPARE(QString::fromStdString(r.error().message), message);
    }
};

int runTransactionTests(int argc, char** argv) {
    TestTransaction t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_transaction.moc"
