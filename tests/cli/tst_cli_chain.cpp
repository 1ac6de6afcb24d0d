// ctrn tx sign / tx decode / trie root / header hash / proof verify as a
// script uses them: outputs, and the exit code and message of each error.
#include "cli_runner.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {
const QByteArray kKey = "0x4646464646464646464646464646464646464646464646464646464646464646\n";
const QByteArray kEip155Tx =
    R"({"type":0,"chainId":1,"nonce":9,"gasPrice":"20000000000","gas":21000,"to":"0x3535353535353535353535353535353535353535","value":"1000000000000000000"})";
const char* kEip155Raw =
    "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a76400008025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";
QJsonObject object(const QString& text) { return QJsonDocument::fromJson(text.toUtf8()).object(); }
} // namespace

class TestCliChain : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_keyFile;

private slots:
    void initTestCase() { m_keyFile = writeFile(m_dir, "key", kKey); }

    void signAndDecodeRoundTrip() {
        auto r = runCtrn({"tx", "sign", "--key-file", m_keyFile}, kEip155Tx);
        CTRN_EXPECT_OK(r);
        QJsonObject signed_ = object(r.out);
        QCOMPARE(signed_["raw"].toString(), QString(kEip155Raw));
        QCOMPARE(signed_["from"].toString(), QString("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"));
        auto d = runCtrn({"tx", "decode", kEip155Raw});
        CTRN_EXPECT_OK(d);
        QJsonObject tx = object(d.out);
        QCOMPARE(tx["from"].toString(), signed_["from"].toString());
        QCOMPARE(tx["hash"].toString(), signed_["hash"].toString());
        QCOMPARE(tx["nonce"].toString(), QString("9"));
        QCOMPARE(tx["chainId"].toString(), QString("1"));
        QCOMPARE(tx["v"].toString(), QString("37"));
        QCOMPARE(tx["value"].toString(), QString("1000000000000000000"));
    }

    void preEip155() {
        QByteArray tx = R"({"type":0,"nonce":0,"gasPrice":1,"gas":21000,"to":"0x3535353535353535353535353535353535353535"})";
        auto r = runCtrn({"tx", "sign", "--key-file", m_keyFile}, tx);
        CTRN_EXPECT_OK(r);
        auto d = runCtrn({"tx", "decode", object(r.out)["raw"].toString()});
        CTRN_EXPECT_OK(d);
        QVERIFY(!object(d.out).contains("chainId"));
        QVERIFY(object(d.out)["v"].toString() == "27" || object(d.out)["v"].toString() == "28");
    }

    void errors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("sign without key file") << QStringList{"tx", "sign"} << kEip155Tx << 2 << "ctrn: missing required option --key-file";
        QTest::newRow("sign with missing key file") << QStringList{"tx", "sign", "--key-file", "/nonexistent/key"} << kEip155Tx << 1
                                                    << "ctrn: cannot read key file '/nonexistent/key'";
        QTest::newRow("sign bad json") << QStringList{"tx", "sign", "--key-file", "KEY"} << QByteArray("{\"nonce\":") << 1
                                       << "ctrn: invalid JSON at byte 10: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal";
        QTest::newRow("decode odd hex") << QStringList{"tx", "decode", "0xf86"} << QByteArray() << 1 << "ctrn: invalid hex: odd number of digits (3)";
        QTest::newRow("decode unknown type") << QStringList{"tx", "decode", "0x05c0"} << QByteArray() << 1 << "ctrn: tx: unknown type 0x05";
        QTest::newRow("decode truncated") << QStringList{"tx", "decode", QString(kEip155Raw).left(60)} << QByteArray() << 1
                                          << "ctrn: tx: rlp: truncated input";
        QTest::newRow("trie root bad input") << QStringList{"trie", "root"} << QByteArray("42") << 1
                                             << "ctrn: expected a JSON object {keyHex: valueHex} or an array of [keyHex, valueHex|null]";
        QTest::newRow("trie root bad key") << QStringList{"trie", "root"} << QByteArray(R"({"0xabc": "0x01"})") << 1
                                           << "ctrn: key '0xabc': invalid hex: odd number of digits (3)";
        QTest::newRow("header hash not a block") << QStringList{"header", "hash"} << QByteArray("{}") << 1
                                                 << "ctrn: header: field 'parentHash': missing";
        QTest::newRow("proof verify without root") << QStringList{"proof", "verify"} << QByteArray("{}") << 2
                                                   << "ctrn: missing required option --state-root";
        QTest::newRow("proof verify short root") << QStringList{"proof", "verify", "--state-root", "0x12"} << QByteArray("{}") << 1
                                                 << "ctrn: --state-root: expected 32 bytes, got 1";
    }
    void errors() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        args.replaceInStrings("KEY", m_keyFile);
        auto r = runCtrn(args, input);
        QCOMPARE(r.exitCode, exitCode);
        QCOMPARE(r.err.split('\n').first(), message);
        QVERIFY(r.out.isEmpty());
    }

    void trieRootForms() {
        // The ethereum/tests "dogs" set as an object and as ordered operations with a deletion.
        auto a = runCtrn({"trie", "root"}, R"({"0x646f65":"0x7265696e64656572","0x646f67":"0x7075707079","0x646f67676c6573776f727468":"0x636174"})");
        CTRN_EXPECT_OK(a);
        QCOMPARE(a.out, QString("0x8aad789dff2f538bca5d8ea56e8abe10f4c7ba3a5dea95fea4cd6e7c3a1168d3"));
        auto b = runCtrn({"trie", "root"}, R"([["0x646f65","0x7265696e64656572"],["0x6361","0x01"],["0x646f67","0x7075707079"],["0x6361",null],["0x646f67676c6573776f727468","0x636174"]])");
        CTRN_EXPECT_OK(b);
        QCOMPARE(b.out, a.out);
        auto s = runCtrn({"trie", "root", "--secure"}, R"({})");
        CTRN_EXPECT_OK(s);
        QCOMPARE(s.out, QString("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421"));
    }
};

QTEST_GUILESS_MAIN(TestCliChain)
#include "tst_cli_chain.moc"
