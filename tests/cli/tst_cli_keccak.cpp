// ctrn keccak: known hashes, agreement with cast, and bad-hex errors.
#include "cli_runner.h"

class TestCliKeccak : public QObject {
    Q_OBJECT
private slots:
    void knownHashes() {
        auto r = runCtrn({"keccak", "0x"});
        CTRN_EXPECT_OK(r);
        QCOMPARE(r.out, QString("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"));
        // keccak256("transfer(address,uint256)") starts with the ERC-20 selector.
        r = runCtrn({"keccak", QByteArray("transfer(address,uint256)").toHex().prepend("0x")});
        CTRN_EXPECT_OK(r);
        QVERIFY(r.out.startsWith("0xa9059cbb"));
    }
    void agreesWithCast_data() {
        QTest::addColumn<QString>("hex");
        QTest::newRow("empty") << "0x";
        QTest::newRow("one byte") << "0x00";
        QTest::newRow("upper case") << "0xDEADBEEF";
        QTest::newRow("136 bytes (one rate block)") << "0x" + QString("ab").repeated(136);
        QTest::newRow("137 bytes") << "0x" + QString("cd").repeated(137);
        QTest::newRow("1000 bytes") << "0x" + QString("0f").repeated(1000);
    }
    void agreesWithCast() {
        QFETCH(QString, hex);
        auto ours = runCtrn({"keccak", hex});
        auto theirs = runCast({"keccak", hex});
        CTRN_EXPECT_OK(ours);
        QCOMPARE(theirs.exitCode, 0);
        QCOMPARE(ours.out, theirs.out.toLower());
    }
    void badInput_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("odd length") << QStringList{"keccak", "0xabc"} << 1 << "ctrn: invalid hex: odd number of digits (3)";
        QTest::newRow("not hex") << QStringList{"keccak", "0xzz"} << 1 << "ctrn: invalid hex: character 'z' at position 0";
        QTest::newRow("missing argument") << QStringList{"keccak"} << 2 << "ctrn: missing argument: HEX";
        QTest::newRow("unknown command") << QStringList{"kecak", "0x"} << 2 << "ctrn: unknown command 'kecak' (see ctrn help)";
    }
    void badInput() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        auto r = runCtrn(args);
        QCOMPARE(r.exitCode, exitCode);
        QCOMPARE(r.err.split('\n').first(), message);
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliKeccak)
#include "tst_cli_keccak.moc"
