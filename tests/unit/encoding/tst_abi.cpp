// Solidity ABI: the specification's examples, the type parser, JSON values
// and their range checks, and a decoder that rejects hostile data cleanly.
#include "unit/test_registry.h"
#include "vectors.h"

#include <core/encoding/abi.h>
#include <core/util/hex.h>

using namespace ctrn;
using namespace ctrn::encoding;

namespace {

Bytes hex(std::string_view h) { return *fromHex(h); }

std::string word(std::string_view hexDigits) { return std::string(64 - hexDigits.size(), '0') + std::string(hexDigits); }

std::vector<AbiType> types(std::string_view list) {
    auto t = parseAbiTypes(list);
    if (!t) qFatal("bad types %s", t.error().message.c_str());
    return *t;
}

Result<Bytes> encodeJson(std::string_view typeList, std::string_view valuesJson) {
    auto t = types(typeList);
    CTRN_ASSIGN(auto values, abiValuesFromJson(t, *parseJson(valuesJson)));
    return abiEncode(t, values);
}

std::string decodeError(std::string_view typeList, const std::string& dataHex, AbiDecodeOptions options = {}) {
    auto r = abiDecode(types(typeList), hex(dataHex), options);
    if (r) return "decoded";
    if (r.error().code != ErrorCode::InvalidEncoding) return "wrong code: " + r.error().message;
    return r.error().message;
}

} // namespace

class TestAbi : public QObject {
    Q_OBJECT
private slots:
    void specificationExamples() {
        Json vectors = loadVectors("abi_spec_examples.json");
        int n = 0;
        for (const auto& ex : vectors["examples"]) {
            std::string signature = ex["signature"].get<std::string>();
            auto sig = parseSignature(signature);
            QVERIFY2(sig.ok(), signature.c_str());
            QCOMPARE(toHex(functionSelector(*sig)), ex["selector"].get<std::string>());
            auto args = abiValuesFromJson(sig->inputs, ex["args"]);
            QVERIFY2(args.ok(), args ? "" : args.error().message.c_str());
            auto call = encodeCall(*sig, *args);
            QVERIFY(call.ok());
            QCOMPARE(toHex(*call), ex["encoded"].get<std::string>());
            Bytes encoded = hex(ex["encoded"].get<std::string>());
            auto decoded = abiDecode(sig->inputs, ByteView(encoded).subspan(4));
            QVERIFY2(decoded.ok(), decoded ? "" : decoded.error().message.c_str());
            QVERIFY(*decoded == *args);
            ++n;
        }
        QCOMPARE(n, 5);
    }
    void typeParser_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::addColumn<bool>("dynamic");
        QTest::addColumn<int>("headSize");
        QTest::newRow("uint") << "uint" << "uint256" << false << 32;
        QTest::newRow("int8") << "int8" << "int8" << false << 32;
        QTest::newRow("uint48") << "uint48" << "uint48" << false << 32;
        QTest::newRow("bytes1") << "bytes1" << "bytes1" << false << 32;
        QTest::newRow("bytes32") << "bytes32" << "bytes32" << false << 32;
        QTest::newRow("bytes") << "bytes" << "bytes" << true << 32;
        QTest::newRow("string[]") << "string[]" << "string[]" << true << 32;
        QTest::newRow("uint256[3]") << "uint256[3]" << "uint256[3]" << false << 96;
        QTest::newRow("uint8[2][3]") << "uint8[2][3]" << "uint8[2][3]" << false << 192;
        QTest::newRow("address[][2]") << "address[][2]" << "address[][2]" << true << 32;
        QTest::newRow("static tuple") << "(uint,bool)[2]" << "(uint256,bool)[2]" << false << 128;
        QTest::newRow("nested") << " ( uint256 , (bytes,bool)[] )[2] " << "(uint256,(bytes,bool)[])[2]" << true << 32;
    }
    void typeParser() {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        QFETCH(bool, dynamic);
        QFETCH(int, headSize);
        auto t = parseAbiType(text.toStdString());
        QVERIFY2(t.ok(), t ? "" : t.error().message.c_str());
        QCOMPARE(QString::fromStdString(t->canonical()), canonical);
        QCOMPARE(t->isDynamic(), dynamic);
        QCOMPARE(int(t->headSize()), headSize);
        QCOMPARE(*parseAbiType(t->canonical()), *t);
    }
    void everyIntegerWidth() {
        for (std::size_t bits = 8; bits <= 256; bits += 8) {
            QVERIFY(parseAbiType("uint" + std::to_string(bits)).ok());
            QVERIFY(parseAbiType("int" + std::to_string(bits)).ok());
        }
        for (std::size_t n = 1; n <= 32; ++n) QVERIFY(parseAbiType("bytes" + std::to_string(n)).ok());
    }
    void badTypes_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("uint7") << "uint7" << "abi: invalid type 'uint7': bits must be a multiple of 8 in 8..256";
        QTest::newRow("uint264") << "uint264" << "abi: invalid type 'uint264': bits must be a multiple of 8 in 8..256";
        QTest::newRow("uint0") << "uint0" << "abi: invalid type 'uint0': bits must be a multiple of 8 in 8..256";
        QTest::newRow("uint08") << "uint08" << "abi: invalid type 'uint08': bits must be a multiple of 8 in 8..256";
        QTest::newRow("bytes0") << "bytes0" << "abi: invalid type 'bytes0': bytesN needs N in 1..32";
        QTest::newRow("bytes33") << "bytes33" << "abi: invalid type 'bytes33': bytesN needs N in 1..32";
        QTest::newRow("unknown") << "uint256x" << "abi: invalid type 'uint256x': bits must be a multiple of 8 in 8..256";
        QTest::newRow("fixed") << "fixed128x18" << "abi: invalid type 'fixed128x18': unknown type 'fixed128x18'";
        QTest::newRow("empty") << "" << "abi: invalid type '': missing type at position 0";
        QTest::newRow("empty tuple") << "()" << "abi: invalid type '()': empty tuple";
        QTest::newRow("unclosed tuple") << "(uint256,bool" << "abi: invalid type '(uint256,bool': missing ')'";
        QTest::newRow("zero length") << "uint256[0]" << "abi: invalid type 'uint256[0]': fixed array length must be 1..1000000";
        QTest::newRow("huge length") << "uint256[99999999]" << "abi: invalid type 'uint256[99999999]': fixed array length must be 1..1000000";
        QTest::newRow("too large") << "uint256[1000000][1000000]" << "abi: invalid type 'uint256[1000000][1000000]': static size too large";
        QTest::newRow("bad suffix") << "uint256[x]" << "abi: invalid type 'uint256[x]': bad array suffix at position 7";
        QTest::newRow("trailing") << "uint256 bool" << "abi: invalid type 'uint256 bool': unexpected 'b' at position 8";
        QTest::newRow("too deep") << QString("(").repeated(70) + "bool" + QString(")").repeated(70)
                                  << "abi: invalid type '" + QString("(").repeated(70) + "bool" + QString(")").repeated(70) +
                                         "': nested more than 64 deep";
    }
    void badTypes() {
        QFETCH(QString, text);
        QFETCH(QString, message);
        auto t = parseAbiType(text.toStdString());
        QVERIFY(!t);
        QCOMPARE(t.error().code, ErrorCode::InvalidInput);
        QCOMPARE(QString::fromStdString(t.error().message), message);
    }
    void integersFromJson() {
        QCOMPARE(toHex(*encodeJson("int8,int8,int256", R"([-128, 127, "-1"])")),
                 "0x" + std::string(62, 'f') + "80" + word("7f") + std::string(64, 'f'));
        QCOMPARE(toHex(*encodeJson("uint256,uint256", R"(["0xff", "115792089237316195423570985008687907853269984665640564039457584007913129639935"])")),
                 "0x" + word("ff") + std::string(64, 'f'));
        QCOMPARE(toHex(*encodeJson("uint64", R"([18446744073709551615])")), "0x" + word("ffffffffffffffff"));
        QCOMPARE(encodeJson("uint8", "[256]").error().message, std::string("abi: value [0] (uint8): 256 out of range"));
        QCOMPARE(encodeJson("int8", "[-129]").error().message, std::string("abi: value [0] (int8): -129 out of range"));
        QCOMPARE(encodeJson("int8", "[128]").error().message, std::string("abi: value [0] (int8): 128 out of range"));
        QCOMPARE(encodeJson("uint256", "[-1]").error().message, std::string("abi: value [0] (uint256): -1 out of range"));
        QCOMPARE(encodeJson("uint256", "[1.5]").error().message, std::string("abi: value [0] (uint256): expected an integer, got a fraction"));
        QCOMPARE(encodeJson("uint256", R"(["12a"])").error().message, std::string("abi: value [0] (uint256): invalid integer: '12a'"));
        QCOMPARE(encodeJson("uint256", "[true]").error().message, std::string("abi: value [0] (uint256): expected an integer, got boolean"));
        QCOMPARE(encodeJson("uint256", R"(["115792089237316195423570985008687907853269984665640564039457584007913129639936"])").error().message,
                 std::string("abi: value [0] (uint256): 115792089237316195423570985008687907853269984665640564039457584007913129639936 out of range"));
    }
    void otherValuesFromJson() {
        QCOMPARE(encodeJson("address", R"(["0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"])").error().message,
                 std::string("abi: value [0] (address): invalid address: bad EIP-55 checksum"));
        QVERIFY(encodeJson("address", R"(["0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"])").ok());
        QCOMPARE(encodeJson("bool", "[1]").error().message, std::string("abi: value [0] (bool): expected true or false, got number"));
        QCOMPARE(encodeJson("bytes4", R"(["0x010203"])").error().message, std::string("abi: value [0] (bytes4): expected 4 bytes, got 3"));
        QCOMPARE(encodeJson("bytes", R"(["abc"])").error().message, std::string("abi: value [0] (bytes): expected a 0x-hex string, got \"abc\""));
        QCOMPARE(encodeJson("uint8[2]", "[[1]]").error().message, std::string("abi: value [0] (uint8[2]): expected 2 elements, got 1"));
        QCOMPARE(encodeJson("(uint8,bool)", "[[1]]").error().message, std::string("abi: value [0] ((uint8,bool)): expected 2 members, got 1"));
        QCOMPARE(encodeJson("(uint8,bool[])", "[[1,[true,2]]]").error().message,
                 std::string("abi: value [0][1][1] (bool): expected true or false, got number"));
        QCOMPARE(encodeJson("uint8,uint8", "[1]").error().message, std::string("abi: expected 2 values for 2 types, got 1"));
        // Typed values checked by the encoder itself.
        std::vector<AbiType> t{AbiType::uint(8)};
        std::vector<AbiValue> v{AbiValue::boolean(true)};
        QCOMPARE(abiEncode(t, v).error().message, std::string("abi: value [0] (uint8): expected an integer"));
    }
    void roundTripsToJson() {
        std::string typeList = "uint8,int16,address,bool,bytes3,bytes,string,uint256[],(string,int8[2])[],bytes32[2]";
        Json values = *parseJson(R"([255, -300, "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826", true, "0x010203", "0x", "héllo",
                                   [1, 2, 3], [["a", [-1, 1]], ["", [0, 0]]], ["0x)" + std::string(64, '1') + R"(", "0x)" + std::string(64, '2') + R"("]])");
        auto t = types(typeList);
        auto v = abiValuesFromJson(t, values);
        QVERIFY2(v.ok(), v ? "" : v.error().message.c_str());
        auto encoded = abiEncode(t, *v);
        QVERIFY(encoded.ok());
        auto decoded = abiDecode(t, *encoded);
        QVERIFY2(decoded.ok(), decoded ? "" : decoded.error().message.c_str());
        QVERIFY(*decoded == *v);
        Json out = abiValuesToJson(t, *decoded);
        QCOMPARE(out[0], Json("255"));
        QCOMPARE(out[1], Json("-300"));
        QCOMPARE(out[2], Json("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"));
        QCOMPARE(out[6], Json("héllo"));
        QCOMPARE(out[8][0][1][0], Json("-1"));
        QCOMPARE(*abiValuesFromJson(t, out), *v);
    }
    void selectorsAndTopics() {
        QCOMPARE(toHex(*functionSelector("transfer(address,uint256)")), std::string("0xa9059cbb"));
        QCOMPARE(toHex(*functionSelector("transfer(address, uint)")), std::string("0xa9059cbb"));
        QCOMPARE(toHex(*functionSelector("balanceOf(address)")), std::string("0x70a08231"));
        QCOMPARE(toHex(*eventTopic("Transfer(address,address,uint256)")),
                 std::string("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"));
        QCOMPARE(parseSignature("transfer(address,uint)")->canonical(), std::string("transfer(address,uint256)"));
        QCOMPARE(parseSignature("f()")->inputs.size(), std::size_t(0));
        QCOMPARE(parseSignature("transfer").error().message, std::string("abi: invalid signature 'transfer': expected name(types)"));
        QCOMPARE(parseSignature("1x(uint256)").error().message, std::string("abi: invalid signature '1x(uint256)': '1x' is not a name"));
        QCOMPARE(parseSignature("f(uint7)").error().message, std::string("abi: invalid type 'uint7': bits must be a multiple of 8 in 8..256"));
        std::vector<AbiValue> args{AbiValue::address(*parseAddress("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")), AbiValue::uint(1000)};
        QCOMPARE(toHex(*encodeCall("transfer(address,uint256)", args)),
                 "0xa9059cbb" + word("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed") + word("3e8"));
    }
    void malformedData() {
        // Truncated words, offsets and lengths that point outside the data.
        QCOMPARE(decodeError("uint256", "0x00"), std::string("abi: data too short at byte 0"));
        QCOMPARE(decodeError("uint256,uint256", "0x" + word("1")), std::string("abi: data too short at byte 0"));
        QCOMPARE(decodeError("bytes", "0x" + word("40")), std::string("abi: offset out of bounds at byte 0"));
        QCOMPARE(decodeError("bytes", "0x" + std::string(64, 'f')), std::string("abi: offset out of bounds at byte 0"));
        QCOMPARE(decodeError("bytes", "0x" + word("20")), std::string("abi: data too short at byte 32"));
        QCOMPARE(decodeError("bytes", "0x" + word("20") + word("21") + word("0")), std::string("abi: length out of bounds at byte 32"));
        QCOMPARE(decodeError("string", "0x" + word("20") + word("ffffffffffffffffffff")), std::string("abi: length out of bounds at byte 32"));
        QCOMPARE(decodeError("uint256[]", "0x" + word("20") + word("2") + word("1")), std::string("abi: length out of bounds at byte 32"));
        QCOMPARE(decodeError("uint256[]", "0x" + word("20") + word("ffffffff")), std::string("abi: length out of bounds at byte 32"));
        QCOMPARE(decodeError("uint256[3]", "0x" + word("1") + word("2")), std::string("abi: data too short at byte 0"));
        QCOMPARE(decodeError("(uint256,bytes)", "0x" + word("20") + word("1") + word("100")), std::string("abi: offset out of bounds at byte 64"));
        // Strict mode: what the Solidity encoder never writes.
        QCOMPARE(decodeError("uint8", "0x" + word("100")), std::string("abi: dirty high bits in uint8 at byte 0"));
        QCOMPARE(decodeError("int8", "0x" + word("80")), std::string("abi: dirty high bits in int8 at byte 0"));
        QCOMPARE(decodeError("address", "0x" + word("10000000000000000000000000000000000000000")),
                 std::string("abi: dirty high bits in address at byte 0"));
        QCOMPARE(decodeError("bool", "0x" + word("2")), std::string("abi: invalid bool at byte 0"));
        QCOMPARE(decodeError("bytes2", "0x0102030000000000000000000000000000000000000000000000000000000000"),
                 std::string("abi: non-zero padding in bytes2 at byte 0"));
        QCOMPARE(decodeError("bytes", "0x" + word("20") + word("1") + "01ff" + std::string(60, '0')),
                 std::string("abi: non-zero padding in bytes at byte 32"));
        QCOMPARE(decodeError("bytes", "0x" + word("20") + word("1") + "01"), std::string("abi: data too short at byte 65"));
        // Lenient mode reads the low bits instead.
        AbiDecodeOptions lenient{false};
        auto r = abiDecode(types("uint8,bool,int8"), hex("0x" + word("1ff") + word("2") + word("80")), lenient);
        QVERIFY(r.ok());
        QCOMPARE(toDecimal((*r)[0].asInteger()), std::string("255"));
        QCOMPARE((*r)[1].asBool(), true);
        QCOMPARE(toDecimal((*r)[2].asInteger()), std::string("-128"));
        // Negative values are sign-extended and decode as such.
        auto neg = abiDecode(types("int16"), hex("0x" + std::string(60, 'f') + "ff00"));
        QCOMPARE(toDecimal((*neg)[0].asInteger()), std::string("-256"));
    }
    void overlappingOffsetsCannotInflate() {
        // uint256[][][][] whose every level lists the same inner array 100
        // times: a few kilobytes that would decode to 10^8 values.
        const int n = 100;
        std::string data = "0x" + word("20");
        // Level k sits right after level k-1; offsets count from the start of
        // an array's elements, so every element of level k points 32n ahead.
        for (int level = 0; level < 4; ++level) {
            data += word("64"); // length 100
            std::string offset = QString::number(32 * n, 16).toStdString(); // the next level, from every element
            for (int i = 0; i < n; ++i) data += word(level == 3 ? "1" : offset);
        }
        std::string message = decodeError("uint256[][][][]", data);
        QCOMPARE(message, std::string("abi: data decodes to far more than its size (overlapping offsets)"));
    }
};

CTRN_REGISTER_TEST(TestAbi)
#include "tst_abi.moc"
