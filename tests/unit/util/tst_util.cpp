// core/util: hex, 256-bit integers, exact JSON numbers, secure buffers.
#include <core/util/hex.h>
#include <core/util/json.h>
#include <core/util/secure_buffer.h>
#include <core/util/uint256.h>

#include <QtTest>

using namespace ctrn;

class TestUtil : public QObject {
    Q_OBJECT
private slots:
    void hexRoundTrip() {
        Bytes b{0x00, 0x01, 0xab, 0xff};
        QCOMPARE(toHex(b), std::string("0x0001abff"));
        QCOMPARE(*fromHex("0x0001ABff"), b);
        QCOMPARE(*fromHex("0001abff"), b);
        QVERIFY(fromHex("0x")->empty());
        QVERIFY(fromHex("")->empty());
    }
    void hexRejectsBadInput() {
        auto odd = fromHex("0xabc");
        QVERIFY(!odd);
        QCOMPARE(odd.error().message, std::string("invalid hex: odd number of digits (3)"));
        auto bad = fromHex("0x12zz");
        QVERIFY(!bad);
        QCOMPARE(bad.error().message, std::string("invalid hex: character 'z' at position 2"));
        auto shortKey = fixedFromHex<32>("0x1234", "private key");
        QVERIFY(!shortKey);
        QCOMPARE(shortKey.error().message, std::string("private key: expected 32 bytes, got 2"));
    }
    void u256ParseAndFormat() {
        QCOMPARE(toDecimal(*parseU256("0")), std::string("0"));
        QCOMPARE(toDecimal(*parseU256("0xff")), std::string("255"));
        std::string max = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
        QCOMPARE(toDecimal(*parseU256(max)), max);
        QVERIFY(!parseU256("115792089237316195423570985008687907853269984665640564039457584007913129639936"));
        QVERIFY(!parseU256("-1"));
        QVERIFY(!parseU256("12a"));
        QVERIFY(!parseU256(""));
        QVERIFY(!parseU256("0x"));
        QCOMPARE(toQuantityHex(0), std::string("0x0"));
        QCOMPARE(toQuantityHex(*parseU256("4096")), std::string("0x1000"));
        QCOMPARE(toHex(toMinimalBigEndian(*parseU256("0x0100"))), std::string("0x0100"));
        QVERIFY(toMinimalBigEndian(0).empty());
        QCOMPARE(*fromBigEndian(toBigEndian32(*parseU256(max))), *parseU256(max));
        QCOMPARE(toDecimal(*parseBigInt("-0x10")), std::string("-16"));
    }
    void jsonKeepsBigIntegersExact() {
        auto j = parseJson(R"({"small": 42, "big": 115792089237316195423570985008687907853269984665640564039457584007913129639935, "neg": -5, "f": 1.5})");
        QVERIFY(j.ok());
        QCOMPARE((*j)["small"].get<std::uint64_t>(), std::uint64_t(42));
        QVERIFY((*j)["big"].is_string());
        QCOMPARE((*j)["big"].get<std::string>(),
                 std::string("115792089237316195423570985008687907853269984665640564039457584007913129639935"));
        QCOMPARE((*j)["neg"].get<std::int64_t>(), std::int64_t(-5));
        QVERIFY((*j)["f"].is_number_float());
    }
    void jsonErrorsSayWhere() {
        auto j = parseJson("{\"a\": [1, 2,}");
        QVERIFY(!j);
        QVERIFY(j.error().message.rfind("invalid JSON at byte", 0) == 0);
        QVERIFY(!parseJson("{} trailing"));
    }
    void secureBytesWipeOnClear() {
        SecureBytes s(asView(std::string_view("secret words")));
        const std::uint8_t* p = s.data();
        std::size_t cap = s.size();
        s.clear();
        // The same block is still owned by the (now empty) vector: it must be zero.
        for (std::size_t i = 0; i < cap; ++i) QCOMPARE(int(p[i]), 0);
        QVERIFY(constantTimeEqual(asView("abc"), asView("abc")));
        QVERIFY(!constantTimeEqual(asView("abc"), asView("abd")));
        QVERIFY(!constantTimeEqual(asView("abc"), asView("ab")));
    }
};

QTEST_APPLESS_MAIN(TestUtil)
#include "tst_util.moc"
