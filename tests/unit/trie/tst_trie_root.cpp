// Trie roots and proofs: published roots, and agreement with @ethereumjs/trie
// on random key/value sets (plain and secure, with deletions), whose proofs
// our verifier must accept — and reject once tampered with.
#include <core/crypto/keccak.h>
#include <core/trie/proof.h>
#include <core/trie/trie_root.h>
#include <core/util/hex.h>

#include "peers/peer_runner.h"

#include <QRandomGenerator>
#include <QtTest>

using namespace ctrn;
using namespace ctrn::trie;

namespace {

Bytes ascii(std::string_view s) { return toBytes(s); }

std::vector<Bytes> nodesFromJson(const Json& array) {
    std::vector<Bytes> out;
    for (const auto& n : array) out.push_back(*fromHex(n.get<std::string>()));
    return out;
}

Bytes randomBytes(QRandomGenerator& rng, int minLen, int maxLen) {
    Bytes b(static_cast<std::size_t>(rng.bounded(minLen, maxLen + 1)));
    for (auto& x : b) x = static_cast<std::uint8_t>(rng.bounded(256));
    return b;
}

} // namespace

class TestTrieRoot : public QObject {
    Q_OBJECT
private slots:
    void emptyRoot() {
        QCOMPARE(toHex(emptyTrieRoot()), std::string("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"));
        QCOMPARE(TrieBuilder().root(), emptyTrieRoot());
        QCOMPARE(orderedTrieRoot({}), emptyTrieRoot());
    }

    // ethereum/tests TrieTests/trietest.json ("dogs", "puppy", "foo", …) and
    // the Ethereum wiki's Patricia tree example.
    void publishedRoots() {
        TrieBuilder t;
        t.put(ascii("doe"), ascii("reindeer"));
        t.put(ascii("dog"), ascii("puppy"));
        t.put(ascii("dogglesworth"), ascii("cat"));
        QCOMPARE(toHex(t.root()), std::string("0x8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3"));

        TrieBuilder single;
        single.put(ascii("A"), Bytes(50, 'a'));
        QCOMPARE(toHex(single.root()), std::string("0xd23786fb4a010da3ce639d66d5e904a11dbc02746d1ce25029e53290cabf28ab"));

        TrieBuilder foo;
        foo.put(ascii("foo"), ascii("bar"));
        foo.put(ascii("food"), ascii("bass"));
        QCOMPARE(toHex(foo.root()), std::string("0x17beaa1648bafa633cda809c90c04af50fc8aed3cb40d16efbddee6fdf63c4c3"));

        // "emptyValues": inserting then overwriting with "" deletes.
        TrieBuilder e;
        e.put(ascii("do"), ascii("verb"));
        e.put(ascii("ether"), ascii("wookiedoo"));
        e.put(ascii("horse"), ascii("stallion"));
        e.put(ascii("shaman"), ascii("horse"));
        e.put(ascii("doge"), ascii("coin"));
        e.put(ascii("ether"), {});
        e.put(ascii("dog"), ascii("puppy"));
        e.put(ascii("shaman"), {});
        QCOMPARE(toHex(e.root()), std::string("0x5991bb8c6514148a29db676a14ac506cd2cd5775ace63c30a4fe457715e9ac84"));
    }

    void deletionRestoresEarlierRoot() {
        TrieBuilder t;
        t.put(ascii("do"), ascii("verb"));
        t.put(ascii("dog"), ascii("puppy"));
        Root before = t.root();
        t.put(ascii("doge"), ascii("coin"));
        QVERIFY(t.root() != before);
        t.remove(ascii("doge"));
        QCOMPARE(t.root(), before);
    }

    // Random sets with deletions against @ethereumjs/trie; its proofs, for
    // keys present and absent, verify with ours to the same values.
    void agreesWithEthereumJs_data() {
        QTest::addColumn<bool>("secure");
        QTest::addColumn<int>("count");
        QTest::addColumn<int>("seed");
        for (int seed = 1; seed <= 4; ++seed) {
            QTest::addRow("plain %d", seed) << false << 40 * seed << seed;
            QTest::addRow("secure %d", seed) << true << 40 * seed << 100 + seed;
        }
        QTest::addRow("plain single") << false << 1 << 7;
        QTest::addRow("secure 600") << true << 600 << 8;
    }
    void agreesWithEthereumJs() {
        QFETCH(bool, secure);
        QFETCH(int, count);
        QFETCH(int, seed);
        QRandomGenerator rng(static_cast<quint32>(seed));
        TrieBuilder plain;
        SecureTrieBuilder hashed;
        Json ops = Json::array();
        std::vector<Bytes> keys;
        for (int i = 0; i < count; ++i) {
            // Short keys sharing prefixes exercise extensions, embedded nodes
            // and values in branch slots; values of 1..40 bytes straddle the
            // 32-byte embedding limit.
            Bytes key = randomBytes(rng, 1, secure ? 20 : 4);
            Bytes value = randomBytes(rng, 1, 40);
            keys.push_back(key);
            ops.push_back({toHex(key), toHex(value)});
            if (secure) hashed.put(key, value); else plain.put(key, value);
            if (i % 5 == 4) { // delete an earlier key now and then
                const Bytes& gone = keys[static_cast<std::size_t>(rng.bounded(i + 1))];
                ops.push_back({toHex(gone), nullptr});
                if (secure) hashed.remove(gone); else plain.remove(gone);
            }
        }
        Json prove = Json::array();
        for (std::size_t i = 0; i < keys.size(); i += 3) prove.push_back(toHex(keys[i]));
        Bytes missing = randomBytes(rng, 1, secure ? 20 : 4);
        prove.push_back(toHex(missing));

        // Replay the operations to learn the final set. The peer gets that set
        // rather than the operations: @ethereumjs/trie 6.2.1 leaves a
        // non-canonical structure (a wrong root) after deleting a value held in
        // a branch node — this test found it — while a trie's root is defined
        // by its final contents alone. Our deletions are checked against
        // insertion-only builds in deletionRestoresEarlierRoot.
        std::map<Bytes, Bytes> final;
        for (const auto& op : ops) {
            Bytes k = *fromHex(op[0].get<std::string>());
            if (op[1].is_null()) final.erase(k); else final[k] = *fromHex(op[1].get<std::string>());
        }
        Json finalOps = Json::array();
        for (const auto& [k, v] : final) finalOps.push_back({toHex(k), toHex(v)});
        Json peer = runPeer("trie_peer.mjs", {{"secure", secure}, {"ops", finalOps}, {"prove", prove}});
        Root ours = secure ? hashed.root() : plain.root();
        QCOMPARE(toHex(ours), peer["root"].get<std::string>());

        for (const auto& k : prove) {
            Bytes key = *fromHex(k.get<std::string>());
            Bytes lookup = secure ? toBytes(crypto::keccak256(key)) : key;
            auto nodes = nodesFromJson(peer["proofs"][k.get<std::string>()]);
            auto value = verifyProof(ours, lookup, nodes);
            QVERIFY2(value.ok(), value.ok() ? "" : value.error().message.c_str());
            auto expected = final.find(key);
            if (expected == final.end()) {
                QVERIFY(!value->has_value()); // proven absent
            } else {
                QVERIFY(value->has_value());
                QCOMPARE(**value, expected->second);
            }
        }
    }

    void tamperedProofsFail() {
        TrieBuilder t;
        Json ops = Json::array();
        for (int i = 0; i < 64; ++i) {
            Bytes k{static_cast<std::uint8_t>(i * 4), static_cast<std::uint8_t>(i)};
            Bytes v(40, static_cast<std::uint8_t>(i));
            t.put(k, v);
            ops.push_back({toHex(k), toHex(v)});
        }
        std::string key = "0x2008"; // present (i = 8)
        Json peer = runPeer("trie_peer.mjs", {{"ops", ops}, {"prove", {key}}});
        auto nodes = nodesFromJson(peer["proofs"][key]);
        Bytes k = *fromHex(key);
        QVERIFY(nodes.size() >= 2);
        QVERIFY(verifyProof(t.root(), k, nodes).ok());

        for (std::size_t n = 0; n < nodes.size(); ++n) {
            auto flipped = nodes;
            flipped[n][flipped[n].size() / 2] ^= 0x01; // one changed byte
            auto r = verifyProof(t.root(), k, flipped);
            QVERIFY(!r.ok());
            QCOMPARE(r.error().code, ErrorCode::VerificationFailed);
        }
        auto dropped = nodes;
        dropped.pop_back();
        QVERIFY(!verifyProof(t.root(), k, dropped).ok());
        auto swapped = nodes;
        std::swap(swapped[0], swapped[1]);
        QVERIFY(!verifyProof(t.root(), k, swapped).ok());
        auto extra = nodes;
        extra.push_back(nodes.front());
        QVERIFY(!verifyProof(t.root(), k, extra).ok());
        Root otherRoot = t.root();
        otherRoot[0] ^= 0xff;
        QVERIFY(!verifyProof(otherRoot, k, nodes).ok());
        QVERIFY(!verifyProof(t.root(), k, {}).ok());
        QVERIFY(verifyProof(emptyTrieRoot(), k, {})->has_value() == false);
        // anvil proves an empty storage trie with the single node RLP("").
        auto emptyNode = verifyProof(emptyTrieRoot(), k, {Bytes{0x80}});
        QVERIFY(emptyNode.ok());
        QVERIFY(!emptyNode->has_value());
        QVERIFY(!verifyProof(emptyTrieRoot(), k, {Bytes{0x80}, Bytes{0x80}}).ok());
        QVERIFY(!verifyProof(t.root(), k, {Bytes{0x80}}).ok());
    }

    void garbageNodesFailCleanly() {
        // Self-consistent garbage: the root is the hash of a node that is
        // not valid RLP / not a trie node.
        std::vector<Bytes> junk{{0xc3, 0x01, 0x02, 0x03}}; // list of 3 items
        auto r = verifyProof(crypto::keccak256(junk[0]), Bytes{0x12}, junk);
        QVERIFY(!r.ok());
        QCOMPARE(r.error().message, std::string("proof: node has 3 items (expected 2 or 17)"));
        std::vector<Bytes> bad{{0xf8, 0x01}};
        QVERIFY(!verifyProof(crypto::keccak256(bad[0]), Bytes{0x12}, bad).ok());
    }
};

QTEST_APPLESS_MAIN(TestTrieRoot)
#include "tst_trie_root.moc"
