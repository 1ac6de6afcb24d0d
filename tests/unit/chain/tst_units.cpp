// Amount formatting and parsing, Address and Hash value types.
#include <core/chain/address.h>
#include <core/chain/hash.h>
#include <core/chain/u256.h>

#include <QtTest>

using namespace ctrn;
using namespace ctrn::chain;

class TestUnits : public QObject {
    Q_OBJECT
private slots:
    void formatUnits_data() {
        QTest::addColumn<QString>("wei");
        QTest::addColumn<int>("decimals");
        QTest::addColumn<QString>("text");
        QTest::newRow("zero") << "0" << 18 << "0";
        QTest::newRow("one wei") << "1" << 18 << "0.000000000000000001";
        QTest::newRow("1.5 ether") << "1500000000000000000" << 18 << "1.5";
        QTest::newRow("whole") << "2000000000000000000" << 18 << "2";
        QTest::newRow("no decimals") << "123" << 0 << "123";
        QTest::newRow("usdc") << "1234567" << 6 << "1.234567";
        QTest::newRow("max") << "115792089237316195423570985008687907853269984665640564039457584007913129639935" << 18
                             << "115792089237316195423570985008687907853269984665640564039457.584007913129639935";
    }
    void formatUnits() {
        QFETCH(QString, wei);
        QFETCH(int, decimals);
        QFETCH(QString, text);
        U256 amount = *parseU256(wei.toStdString());
        QCOMPARE(QString::fromStdString(chain::formatUnits(amount, unsigned(decimals))), text);
        // and back: parsing the formatted text gives the exact amount.
        QCOMPARE(*parseUnits(text.toStdString(), unsigned(decimals)), amount);
    }
    void parseUnitsRefusesLossyInput() {
        QVERIFY(!parseUnits("0.0000000000000000001", 18)); // 19 places: would round
        QCOMPARE(parseUnits("0.0000000000000000001", 18).error().message,
                 std::string("invalid amount: more than 18 decimal places"));
        QVERIFY(!parseUnits("1,5", 18));
        QVERIFY(!parseUnits("-1", 18));
        QVERIFY(!parseUnits("", 18));
        QVERIFY(!parseUnits(".", 18));
        QVERIFY(!parseUnits("1e18", 18));
        QVERIFY(!parseUnits("115792089237316195423570985008687907853269984665640564039458", 18));
        QCOMPARE(toDecimal(*parseUnits(".5", 18)), std::string("500000000000000000"));
        QCOMPARE(toDecimal(*parseUnits("7.", 0)), std::string("7"));
    }
    void addressAndHash() {
        auto a = Address::fromHex("0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359");
        QVERIFY(a.ok());
        QCOMPARE(a->checksummed(), std::string("0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"));
        QCOMPARE(a->lowerHex(), std::string("0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359"));
        QVERIFY(!a->isZero());
        QVERIFY(Address().isZero());
        QVERIFY(!Address::fromHex("0xFb6916095ca1df60bB79Ce92cE3Ea74c37c5d359")); // bad checksum
        auto h = Hash::fromHex("0x" + std::string(64, 'a'));
        QVERIFY(h.ok());
        QCOMPARE(h->hex(), "0x" + std::string(64, 'a'));
        QCOMPARE(Hash::fromHex("0x1234").error().message, std::string("hash: expected 32 bytes, got 2"));
    }
};

int runUnitsTests(int argc, char** argv) {
    TestUnits t;
    return QTest::qExec(&t, argc, argv);
}
#include "tst_units.moc"
