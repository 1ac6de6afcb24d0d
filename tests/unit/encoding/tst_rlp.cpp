// RLP: every ethereum/tests rlptest.json case both ways, every invalid input
// rejected with its message, and the node/item helpers transactions and trie
// proofs rely on.
#include "unit/test_registry.h"
#include "vectors.h"

#include <core/encoding/rlp.h>
#include <core/util/hex.h>

#include <iterator>

using namespace ctrn;
using namespace ctrn::encoding;

namespace {

// rlptest.json "in": a string is its bytes, "#N" and numbers are integers, arrays are lists.
RlpItem itemFromVector(const Json& j) {
    if (j.is_array()) {
        std::vector<RlpItem> items;
        for (const auto& c : j) items.push_back(itemFromVector(c));
        return RlpItem::list(std::move(items));
    }
    if (j.is_number_unsigned()) return RlpItem::uint(U256(j.get<std::uint64_t>()));
    std::string s = j.get<std::string>();
    if (!s.empty() && s[0] == '#') {
        // "bigint" is 2^256, one past U256, so the minimal bytes come from BigInt.
        Bytes be;
        boost::multiprecision::export_bits(*parseBigInt(s.substr(1)), std::back_inserter(be), 8);
        return RlpItem::bytes(std::move(be));
    }
    return RlpItem::bytes(toBytes(s));
}

Bytes hex(std::string_view h) { return *fromHex(h); }

} // namespace

class TestRlp : public QObject {
    Q_OBJECT
private slots:
    void publishedVectors() {
        Json vectors = loadVectors("rlptest.json");
        int n = 0;
        for (const auto& [name, v] : vectors.items()) {
            RlpItem item = itemFromVector(v["in"]);
            Bytes expected = hex(v["out"].get<std::string>());
            QVERIFY2(rlpEncode(item) == expected, name.c_str());
            auto decoded = rlpDecode(expected);
            QVERIFY2(decoded.ok(), name.c_str());
            QVERIFY2(decoded->toItem() == item, name.c_str());
            QVERIFY2(toBytes(decoded->raw()) == expected, name.c_str());
            ++n;
        }
        QCOMPARE(n, 28);
    }
    void invalidInputsRejected() {
        Json vectors = loadVectors("rlp_invalid.json");
        int n = 0;
        for (const auto& c : vectors["cases"]) {
            std::string name = c["name"].get<std::string>();
            auto r = rlpDecode(hex(c["in"].get<std::string>()));
            QVERIFY2(!r.ok(), name.c_str());
            QCOMPARE(r.error().code, ErrorCode::InvalidEncoding);
            if (r.error().message != c["error"].get<std::string>())
                QFAIL(qPrintable(QString::fromStdString(name + ": got '" + r.error().message + "'")));
            ++n;
        }
        QVERIFY(n >= 20);
    }
    void integerHelpers() {
        QCOMPARE(toHex(rlpEncodeUint(0)), std::string("0x80"));
        QCOMPARE(toHex(rlpEncodeUint(127)), std::string("0x7f"));
        QCOMPARE(toHex(rlpEncodeUint(128)), std::string("0x8180"));
        QCOMPARE(toHex(rlpEncodeUint(1024)), std::string("0x820400"));
        U256 max = ~U256(0);
        QCOMPARE(toHex(rlpEncodeUint(max)), "0xa0" + std::string(64, 'f'));
        QCOMPARE(*rlpDecode(rlpEncodeUint(max))->asUint(), max);
        QCOMPARE(*rlpDecode(hex("0x80"))->asUint(), U256(0));
        auto zeroByte = rlpDecode(hex("0x00"))->asUint();
        QVERIFY(!zeroByte);
        QCOMPARE(zeroByte.error().message, std::string("rlp: integer has leading zero bytes"));
        QCOMPARE(rlpDecode(hex("0x820001"))->asUint().error().message, std::string("rlp: integer has leading zero bytes"));
        QCOMPARE(rlpDecode(hex("0xa1" + std::string(66, '1')))->asUint().error().message,
                 std::string("rlp: integer longer than 32 bytes"));
        QCOMPARE(rlpDecode(hex("0xc0"))->asUint().error().message, std::string("rlp: expected an integer, got a list"));
    }
    void listBuilderMatchesItemEncoder() {
        std::vector<Bytes> fields = {rlpEncodeUint(9), rlpEncodeBytes(hex("0x3535353535353535353535353535353535353535")),
                                     rlpEncodeBytes({}), rlpEncodeUint(U256(1000000000000000000ULL))};
        RlpItem same = RlpItem::list({RlpItem::uint(9), RlpItem::bytes(hex("0x3535353535353535353535353535353535353535")),
                                      RlpItem::bytes(Bytes{}), RlpItem::uint(U256(1000000000000000000ULL))});
        QCOMPARE(rlpEncodeList(fields), rlpEncode(same));
        // A list longer than 55 bytes takes the long header.
        std::vector<Bytes> many(20, rlpEncodeBytes(hex("0x616263")));
        Bytes encoded = rlpEncodeList(many);
        QCOMPARE(int(encoded[0]), 0xf8);
        QCOMPARE(int(encoded[1]), 80);
        QVERIFY(rlpDecode(encoded).ok());
    }
    void nodesAreViewsWithRawBytes() {
        // [ "cat", ["dog", ""], 0x0400 ]
        Bytes data = hex("0xcd83636174c583646f6780820400");
        auto root = rlpDecode(data);
        QVERIFY(root.ok());
        auto fields = root->listOf(3);
        QVERIFY(fields.ok());
        QCOMPARE(toHex((*fields)[1].raw()), std::string("0xc583646f6780"));
        QCOMPARE(toHex((*fields)[1].payload()), std::string("0x83646f6780"));
        QCOMPARE(toHex(*(*fields)[0].asBytes()), std::string("0x636174"));
        QCOMPARE(*(*fields)[2].asUint(), U256(1024));
        // Views point into the caller's buffer, not into copies.
        QVERIFY((*fields)[0].payload().data() == data.data() + 2);
        QCOMPARE(root->listOf(2).error().message, std::string("rlp: expected a list of 2 items, got 3"));
        QCOMPARE((*fields)[0].listOf(1).error().message, std::string("rlp: expected a list, got a byte string"));
        QCOMPARE((*fields)[1].asBytes().error().message, std::string("rlp: expected a byte string, got a list"));
        QCOMPARE(rlpDecodeHeader(data)->payloadSize, std::size_t(13));
        QCOMPARE(rlpDecodeHeader(data)->headerSize, std::size_t(1));
    }
    void deepNestingIsBounded() {
        // kRlpMaxDepth lists inside each other decode; one more level does not.
        auto nested = [](std::size_t depth) {
            RlpItem item = RlpItem::list();
            for (std::size_t i = 1; i < depth; ++i) item = RlpItem::list({std::move(item)});
            return rlpEncode(item);
        };
        QVERIFY(rlpDecode(nested(kRlpMaxDepth)).ok());
        auto tooDeep = rlpDecode(nested(kRlpMaxDepth + 1));
        QVERIFY(!tooDeep);
        QCOMPARE(tooDeep.error().message, std::string("rlp: nesting deeper than 1024"));
    }
    void jsonForm() {
        auto j = parseJson(R"(["0x636174", ["0x646f67", []], "0x", "0x00"])");
        auto item = rlpItemFromJson(*j);
        QVERIFY(item.ok());
        Bytes encoded = rlpEncode(*item);
        QCOMPARE(toHex(encoded), std::string("0xcc83636174c583646f67c08000"));
        QCOMPARE(rlpToJson(*rlpDecode(encoded)), *j);
        QCOMPARE(rlpToJson(*rlpDecode(hex("0x83646f67"))).dump(), std::string("\"0x646f67\""));
        QCOMPARE(rlpItemFromJson(Json(5)).error().message, std::string("rlp: expected a \"0x…\" string or an array, got number"));
        QCOMPARE(rlpItemFromJson(Json("dog")).error().message, std::string("rlp: byte strings must be 0x-prefixed hex, got \"dog\""));
        QCOMPARE(rlpItemFromJson(Json("0xabc")).error().message, std::string("invalid hex: odd number of digits (3)"));
    }
};

CTRN_REGISTER_TEST(TestRlp)
#include "tst_rlp.moc"
