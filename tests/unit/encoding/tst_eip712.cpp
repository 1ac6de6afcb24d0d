// EIP-712: the specification's Mail example at every step, dependency order
// in encodeType, arrays and nested structs composed by hand from the spec's
// rules, a further example whose digest cast agreed with, and the errors.
#include "unit/test_registry.h"
#include "vectors.h"

#include <core/encoding/abi.h>
#include <core/encoding/eip712.h>
#include <core/util/hex.h>

using namespace ctrn;
using namespace ctrn::encoding;

namespace {

TypedData typed(const Json& j) {
    auto td = TypedData::fromJson(j);
    if (!td) qFatal("typed data: %s", td.error().message.c_str());
    return *td;
}

std::string errorOf(const std::string& jsonText) {
    auto j = parseJson(jsonText);
    if (!j) return "bad test JSON";
    auto d = eip712Digest(*j);
    if (d) return "ok";
    return d.error().message;
}

crypto::Hash256 keccakOf(std::initializer_list<ByteView> parts) { return crypto::keccak256(concat(parts)); }

FixedBytes<32> uintWord(unsigned v) { return toBigEndian32(U256(v)); }

// A minimal document around one struct type (no domain fields).
std::string doc(const std::string& types, const std::string& primary, const std::string& message) {
    return R"({"types": {"EIP712Domain": [], )" + types + R"(}, "primaryType": ")" + primary +
           R"(", "domain": {}, "message": )" + message + "}";
}

} // namespace

class TestEip712 : public QObject {
    Q_OBJECT
private slots:
    void mailExample() {
        Json v = loadVectors("eip712_mail_example.json");
        const Json& ex = v["expected"];
        TypedData td = typed(v["typedData"]);
        QCOMPARE(*td.encodeType("Mail"), ex["encodeType_Mail"].get<std::string>());
        QCOMPARE(toHex(*td.typeHash("Mail")), ex["typeHash_Mail"].get<std::string>());
        QCOMPARE(toHex(*td.encodeData("Mail", v["typedData"]["message"])), ex["encodeData_Mail_message"].get<std::string>());
        QCOMPARE(toHex(*td.hashStruct("Mail", v["typedData"]["message"])), ex["hashStruct_Mail_message"].get<std::string>());
        QCOMPARE(toHex(*td.messageHash()), ex["hashStruct_Mail_message"].get<std::string>());
        QCOMPARE(toHex(*td.domainSeparator()), ex["domainSeparator"].get<std::string>());
        QCOMPARE(toHex(*td.digest()), ex["signHash"].get<std::string>());
        QCOMPARE(toHex(*eip712Digest(v["typedData"])), ex["signHash"].get<std::string>());
    }
    void domainTypeDerivedWhenOmitted() {
        Json v = loadVectors("eip712_mail_example.json");
        Json withoutDomainType = v["typedData"];
        withoutDomainType["types"].erase("EIP712Domain");
        QCOMPARE(toHex(*eip712Digest(withoutDomainType)), v["expected"]["signHash"].get<std::string>());
        QCOMPARE(*typed(withoutDomainType).encodeType("EIP712Domain"),
                 std::string("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"));
    }
    void dependencyOrder() {
        auto j = parseJson(doc(R"("Top": [{"name": "z", "type": "Zeta"}, {"name": "a", "type": "Alpha[]"}],
                                  "Zeta": [{"name": "m", "type": "Mid"}],
                                  "Mid": [{"name": "x", "type": "uint8"}],
                                  "Alpha": [{"name": "t", "type": "Top"}],
                                  "Unused": [{"name": "y", "type": "bool"}])",
                               "Top", "{}"));
        TypedData td = typed(*j);
        // The primary type first, then every type it reaches (cycles once), alphabetically.
        QCOMPARE(*td.encodeType("Top"), std::string("Top(Zeta z,Alpha[] a)Alpha(Top t)Mid(uint8 x)Zeta(Mid m)"));
        QCOMPARE(*td.encodeType("Mid"), std::string("Mid(uint8 x)"));
        QCOMPARE(*td.encodeType("Alpha"), std::string("Alpha(Top t)Mid(uint8 x)Top(Zeta z,Alpha[] a)Zeta(Mid m)"));
    }
    void arraysAndNestedStructsByHand() {
        auto j = parseJson(doc(R"("Person": [{"name": "name", "type": "string"}, {"name": "wallet", "type": "address"}],
                                  "Group": [{"name": "name", "type": "string"}, {"name": "members", "type": "Person[]"},
                                            {"name": "scores", "type": "uint256[]"}, {"name": "tags", "type": "bytes32[2]"},
                                            {"name": "blob", "type": "bytes"}, {"name": "grid", "type": "int8[][]"}])",
                               "Group", R"({"name": "g", "members": [{"name": "A", "wallet": "0x0000000000000000000000000000000000000001"},
                                                              {"name": "B", "wallet": "0x0000000000000000000000000000000000000002"}],
                                            "scores": [1, "2"], "tags": ["0x)" + std::string(64, 'a') + R"(", "0x)" + std::string(64, 'b') + R"("],
                                            "blob": "0xdeadbeef", "grid": [[-1], []]})"));
        TypedData td = typed(*j);
        QCOMPARE(*td.encodeType("Group"),
                 std::string("Group(string name,Person[] members,uint256[] scores,bytes32[2] tags,bytes blob,int8[][] grid)"
                             "Person(string name,address wallet)"));
        auto personHash = [](const char* name, unsigned wallet) {
            auto th = crypto::keccak256(asView("Person(string name,address wallet)"));
            return keccakOf({th, crypto::keccak256(asView(name)), uintWord(wallet)});
        };
        auto p1 = personHash("A", 1), p2 = personHash("B", 2);
        auto w1 = uintWord(1), w2 = uintWord(2);
        FixedBytes<32> tagA, tagB, minusOne;
        tagA.fill(0xaa);
        tagB.fill(0xbb);
        minusOne.fill(0xff);
        auto row0 = keccakOf({minusOne});
        auto row1 = crypto::keccak256({});
        const std::uint8_t blob[] = {0xde, 0xad, 0xbe, 0xef};
        auto expected = keccakOf({*td.typeHash("Group"), crypto::keccak256(asView("g")), keccakOf({p1, p2}), keccakOf({w1, w2}),
                                  keccakOf({tagA, tagB}), crypto::keccak256(blob), keccakOf({row0, row1})});
        QCOMPARE(toHex(*td.messageHash()), toHex(expected));
        // With an empty domain the separator is the hash of the bare type hash.
        auto emptyDomain = crypto::keccak256(crypto::keccak256(asView("EIP712Domain()")));
        QCOMPARE(toHex(*td.domainSeparator()), toHex(emptyDomain));
        QCOMPARE(toHex(*td.digest()), toHex(eip712Digest(emptyDomain, expected)));
    }
    void castAgreedExample() {
        // tests/vectors/eip712_nested_arrays.json: digest checked against cast
        // (signatures over the typed data and over our digest are equal).
        Json v = loadVectors("eip712_nested_arrays.json");
        QCOMPARE(toHex(*eip712Digest(v["typedData"])), v["digest"].get<std::string>());
    }
    void primaryTypeDomainOnly() {
        auto j = parseJson(R"({"types": {"EIP712Domain": [{"name": "name", "type": "string"}]}, "primaryType": "EIP712Domain",
                               "domain": {"name": "x"}, "message": {}})");
        TypedData td = typed(*j);
        const std::uint8_t prefix[] = {0x19, 0x01};
        QCOMPARE(toHex(*td.digest()), toHex(keccakOf({prefix, *td.domainSeparator()})));
    }
    void errors_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        const std::string person = R"("Person": [{"name": "name", "type": "string"}, {"name": "wallet", "type": "address"}])";
        QTest::newRow("not an object") << "[]" << "eip712: expected a JSON object, got array";
        QTest::newRow("no types") << R"({"primaryType": "X", "domain": {}, "message": {}})" << "eip712: missing 'types'";
        QTest::newRow("no message") << R"({"types": {}, "primaryType": "X", "domain": {}})" << "eip712: missing 'message'";
        QTest::newRow("undefined primary") << QString::fromStdString(doc(person, "Mail", "{}"))
                                           << "eip712: primaryType 'Mail' is not defined in types";
        QTest::newRow("unknown field type")
            << QString::fromStdString(doc(R"("Mail": [{"name": "from", "type": "Persn"}])", "Mail", "{}"))
            << "eip712: unknown type 'Persn' in Mail.from";
        QTest::newRow("bad atomic type")
            << QString::fromStdString(doc(R"("Mail": [{"name": "n", "type": "uint7"}])", "Mail", "{}"))
            << "eip712: unknown type 'uint7' in Mail.n";
        QTest::newRow("tuple syntax") << QString::fromStdString(doc(R"X("Mail": [{"name": "n", "type": "(uint8,bool)"}])X", "Mail", "{}"))
                                      << "eip712: unknown type '(uint8,bool)' in Mail.n";
        QTest::newRow("duplicate field")
            << QString::fromStdString(doc(R"("Mail": [{"name": "n", "type": "bool"}, {"name": "n", "type": "bool"}])", "Mail", "{}"))
            << "eip712: type 'Mail': duplicate field 'n'";
        QTest::newRow("field without type") << QString::fromStdString(doc(R"("Mail": [{"name": "n"}])", "Mail", "{}"))
                                            << "eip712: type 'Mail': each field needs a string 'name' and 'type'";
        QTest::newRow("missing field") << QString::fromStdString(doc(person, "Person", R"({"name": "Bob"})"))
                                       << "eip712: message (Person): missing field 'wallet'";
        QTest::newRow("undeclared field")
            << QString::fromStdString(doc(person, "Person", R"({"name": "Bob", "wallet": "0x0000000000000000000000000000000000000001", "extra": 1})"))
            << "eip712: message (Person): unknown field 'extra'";
        QTest::newRow("bad checksum")
            << QString::fromStdString(doc(person, "Person", R"({"name": "Bob", "wallet": "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD827"})"))
            << "eip712: message.wallet (address): invalid address: bad EIP-55 checksum";
        QTest::newRow("string not a string")
            << QString::fromStdString(doc(person, "Person", R"({"name": 5, "wallet": "0x0000000000000000000000000000000000000001"})"))
            << "eip712: message.name (string): expected a string, got number";
        QTest::newRow("uint out of range") << QString::fromStdString(doc(R"("T": [{"name": "v", "type": "uint8"}])", "T", R"({"v": 256})"))
                                           << "eip712: message.v (uint8): 256 out of range";
        QTest::newRow("fixed array length")
            << QString::fromStdString(doc(R"("T": [{"name": "v", "type": "bool[2]"}])", "T", R"({"v": [true]})"))
            << "eip712: message.v (bool[2]): expected 2 elements, got 1";
        QTest::newRow("array not an array")
            << QString::fromStdString(doc(R"("T": [{"name": "v", "type": "bool[]"}])", "T", R"({"v": true})"))
            << "eip712: message.v (bool[]): expected an array, got boolean";
        QTest::newRow("nested struct not an object")
            << QString::fromStdString(doc(person + R"(, "T": [{"name": "p", "type": "Person[]"}])", "T", R"({"p": [5]})"))
            << "eip712: message.p[0] (Person): expected an object, got number";
        QTest::newRow("unknown domain field")
            << R"({"types": {"T": []}, "primaryType": "T", "domain": {"chain": 1}, "message": {}})"
            << "eip712: domain: unknown field 'chain' (declare an EIP712Domain type to use it)";
        QTest::newRow("bytes not hex") << QString::fromStdString(doc(R"("T": [{"name": "b", "type": "bytes"}])", "T", R"({"b": "xyz"})"))
                                       << "eip712: message.b (bytes): expected a 0x-hex string, got \"xyz\"";
    }
    void errors() {
        QFETCH(QString, json);
        QFETCH(QString, message);
        QCOMPARE(QString::fromStdString(errorOf(json.toStdString())), message);
    }
    void deepRecursionIsBounded() {
        std::string value = R"({"c": []})";
        for (int i = 0; i < 200; ++i) value = R"({"c": [)" + value + "]}";
        auto j = parseJson(doc(R"("Node": [{"name": "c", "type": "Node[]"}])", "Node", value));
        QVERIFY(j.ok());
        auto d = eip712Digest(*j);
        QVERIFY(!d);
        QVERIFY(d.error().message.find("nested more than 128 deep") != std::string::npos);
    }
};

CTRN_REGISTER_TEST(TestEip712)
#include "tst_eip712.moc"
