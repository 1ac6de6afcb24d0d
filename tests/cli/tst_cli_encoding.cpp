// ctrn rlp / abi / eip712 / message hash as a black box: outputs of the happy
// paths, and for every error path the exit code and the exact stderr line.
#include "cli_runner.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QByteArray mailTypedData() {
    QFile f(QStringLiteral(CTRN_VECTORS_DIR "/eip712_mail_example.json"));
    if (!f.open(QIODevice::ReadOnly)) qFatal("no mail example");
    QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    return QJsonDocument(o["typedData"].toObject()).toJson(QJsonDocument::Compact);
}

QString word(const QString& hexDigits) { return QString(64 - hexDigits.size(), '0') + hexDigits; }

} // namespace

class TestCliEncoding : public QObject {
    Q_OBJECT
private slots:
    void rlpEncodeDecode() {
        auto r = runCtrn({"rlp", "encode"}, R"(["0x636174", ["0x646f67", []], "0x", "0x00", "0x7f", "0x80"])");
        CTRN_EXPECT_OK(r);
        QCOMPARE(r.out, QString("0xcf83636174c583646f67c08000" "7f8180"));
        r = runCtrn({"rlp", "decode", "0xCF83636174C583646F67C08000" "7f8180"});
        CTRN_EXPECT_OK(r);
        QCOMPARE(r.out, QString(R"(["0x636174",["0x646f67",[]],"0x","0x00","0x7f","0x80"])"));
        r = runCtrn({"rlp", "decode", "0x83646f67"});
        CTRN_EXPECT_OK(r);
        QCOMPARE(r.out, QString("\"0x646f67\""));
        QString longString = "0x" + QString("61").repeated(56);
        r = runCtrn({"rlp", "encode"}, ("\"" + longString + "\"").toUtf8());
        CTRN_EXPECT_OK(r);
        QCOMPARE(r.out, "0xb838" + QString("61").repeated(56));
    }
    void abiEncodeDecode() {
        auto r = runCtrn({"abi", "encode"}, R"({"types": ["uint32", "bool"], "values": [69, true]})");
        CTRN_EXPECT_OK(r);
        QCOMPARE(r.out, "0x" + word("45") + word("1"));
        r = runCtrn({"abi", "encode"}, R"({"types": ["int8", "string", "(address,bytes2)[]"],
                                        "values": ["-1", "hi", [["0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826", "0xbeef"]]]})");
        CTRN_EXPECT_OK(r);
        QString encoded = r.out;
        r = runCtrn({"abi", "decode"}, QString(R"({"types": ["int8", "string", "(address,bytes2)[]"], "data": "%1"})").arg(encoded).toUtf8());
        CTRN_EXPECT_OK(r);
        QCOMPARE(r.out, QString(R"(["-1","hi",[["0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826","0xbeef"]]])"));
        // Big integers arrive as exact JSON numbers too, and leave as decimal strings.
        r = runCtrn({"abi", "encode"}, R"({"types": ["uint256"], "values": [115792089237316195423570985008687907853269984665640564039457584007913129639935]})");
        CTRN_EXPECT_OK(r);
        QCOMPARE(r.out, "0x" + QString("f").repeated(64));
        r = runCtrn({"abi", "decode"}, QString(R"({"types": ["uint256"], "data": "%1"})").arg(r.out).toUtf8());
        QCOMPARE(r.out, QString(R"(["115792089237316195423570985008687907853269984665640564039457584007913129639935"])"));
        r = runCtrn({"abi", "encode"}, R"({"types": [], "values": []})");
        CTRN_EXPECT_OK(r);
        QCOMPARE(r.out, QString("0x"));
    }
    void abiDecodeLenient() {
        QByteArray dirty = QString(R"({"types": ["uint8"], "data": "0x%1"})").arg(word("1ff")).toUtf8();
        auto r = runCtrn({"abi", "decode"}, dirty);
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QString("ctrn: abi: dirty high bits in uint8 at byte 0"));
        r = runCtrn({"abi", "decode", "--lenient"}, dirty);
        CTRN_EXPECT_OK(r);
        QCOMPARE(r.out, QString(R"(["255"])"));
    }
    void eip712Hash() {
        auto r = runCtrn({"eip712", "hash"}, mailTypedData());
        CTRN_EXPECT_OK(r);
        QCOMPARE(r.out, QString("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2"));
    }
    void messageHash() {
        auto r = runCtrn({"message", "hash"}, "0x68656c6c6f\n");
        CTRN_EXPECT_OK(r);
        QCOMPARE(r.out, QString("0x50b2c43fd39106bafbba0da34fc430e1f91e3c96ea2acee2bc34119f92b37750"));
    }
    void helpTexts() {
        for (const char* cmd : {"rlp encode", "rlp decode", "abi encode", "abi decode", "eip712 hash", "message hash"}) {
            auto r = runCtrn(QStringList{"help"} + QString(cmd).split(' '));
            CTRN_EXPECT_OK(r);
            QVERIFY(r.out.startsWith(QString("usage: ctrn ") + cmd));
        }
    }
    void errors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        // rlp decode
        QTest::newRow("rlp odd hex") << QStringList{"rlp", "decode", "0xabc"} << QByteArray() << 1 << "ctrn: invalid hex: odd number of digits (3)";
        QTest::newRow("rlp bad hex") << QStringList{"rlp", "decode", "0xc0zz"} << QByteArray() << 1 << "ctrn: invalid hex: character 'z' at position 2";
        QTest::newRow("rlp empty") << QStringList{"rlp", "decode", "0x"} << QByteArray() << 1 << "ctrn: rlp: empty input";
        QTest::newRow("rlp wrapped byte") << QStringList{"rlp", "decode", "0x8105"} << QByteArray() << 1 << "ctrn: rlp: non-canonical single byte";
        QTest::newRow("rlp long form") << QStringList{"rlp", "decode", "0xb80161"} << QByteArray() << 1 << "ctrn: rlp: non-canonical size";
        QTest::newRow("rlp leading zero size") << QStringList{"rlp", "decode", "0xb90038" + QString("61").repeated(56)} << QByteArray() << 1
                                               << "ctrn: rlp: non-canonical size";
        QTest::newRow("rlp truncated") << QStringList{"rlp", "decode", "0x83646f"} << QByteArray() << 1 << "ctrn: rlp: truncated input";
        QTest::newRow("rlp truncated list") << QStringList{"rlp", "decode", "0xc383646f"} << QByteArray() << 1 << "ctrn: rlp: truncated input";
        QTest::newRow("rlp trailing") << QStringList{"rlp", "decode", "0xc0c0c0c0"} << QByteArray() << 1 << "ctrn: rlp: 3 trailing bytes";
        QTest::newRow("rlp overflow") << QStringList{"rlp", "decode", "0xbfffffffffffffffff"} << QByteArray() << 1 << "ctrn: rlp: size overflows";
        QTest::newRow("rlp decode no arg") << QStringList{"rlp", "decode"} << QByteArray() << 2 << "ctrn: missing argument: HEX";
        QTest::newRow("rlp decode extra arg") << QStringList{"rlp", "decode", "0xc0", "0xc0"} << QByteArray() << 2 << "ctrn: unexpected argument: 0xc0";
        QTest::newRow("rlp unknown sub") << QStringList{"rlp", "decod"} << QByteArray() << 2 << "ctrn: unknown subcommand 'rlp decod' (see ctrn help rlp)";
        // rlp encode
        QTest::newRow("rlp bad JSON") << QStringList{"rlp", "encode"} << QByteArray("[\"0x00\",") << 1
                                      << "ctrn: invalid JSON at byte 9: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal";
        QTest::newRow("rlp number") << QStringList{"rlp", "encode"} << QByteArray("[5]") << 1
                                    << "ctrn: rlp: expected a \"0x…\" string or an array, got number";
        QTest::newRow("rlp no prefix") << QStringList{"rlp", "encode"} << QByteArray("[\"abcd\"]") << 1
                                       << "ctrn: rlp: byte strings must be 0x-prefixed hex, got \"abcd\"";
        QTest::newRow("rlp encode odd hex") << QStringList{"rlp", "encode"} << QByteArray("[\"0x123\"]") << 1
                                            << "ctrn: invalid hex: odd number of digits (3)";
        QTest::newRow("rlp encode extra arg") << QStringList{"rlp", "encode", "x"} << QByteArray("[]") << 2 << "ctrn: unexpected argument: x";
        // abi encode
        QTest::newRow("abi bad JSON") << QStringList{"abi", "encode"} << QByteArray("{\"types\": [") << 1
                                      << "ctrn: invalid JSON at byte 12: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal";
        QTest::newRow("abi not object") << QStringList{"abi", "encode"} << QByteArray("[]") << 1
                                        << "ctrn: abi: expected a JSON object {\"types\": [...], \"values\": [...]}";
        QTest::newRow("abi no types") << QStringList{"abi", "encode"} << QByteArray("{\"values\": []}") << 1 << "ctrn: abi: missing \"types\"";
        QTest::newRow("abi types not strings") << QStringList{"abi", "encode"} << QByteArray("{\"types\": [1], \"values\": [1]}") << 1
                                               << "ctrn: abi: \"types\" must be an array of type strings";
        QTest::newRow("abi no values") << QStringList{"abi", "encode"} << QByteArray("{\"types\": []}") << 1 << "ctrn: abi: missing \"values\"";
        QTest::newRow("abi bad type") << QStringList{"abi", "encode"} << QByteArray(R"({"types": ["uint7"], "values": [1]})") << 1
                                      << "ctrn: abi: invalid type 'uint7': bits must be a multiple of 8 in 8..256";
        QTest::newRow("abi bad tuple type") << QStringList{"abi", "encode"} << QByteArray("{\"types\": [\"(uint256,bool\"], \"values\": [1]}") << 1
                                            << "ctrn: abi: invalid type '(uint256,bool': missing ')'";
        QTest::newRow("abi count") << QStringList{"abi", "encode"} << QByteArray(R"({"types": ["bool"], "values": []})") << 1
                                   << "ctrn: abi: expected 1 values for 1 types, got 0";
        QTest::newRow("abi range") << QStringList{"abi", "encode"} << QByteArray(R"({"types": ["int8"], "values": [-129]})") << 1
                                   << "ctrn: abi: value [0] (int8): -129 out of range";
        QTest::newRow("abi checksum") << QStringList{"abi", "encode"}
                                      << QByteArray(R"({"types": ["address"], "values": ["0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD827"]})") << 1
                                      << "ctrn: abi: value [0] (address): invalid address: bad EIP-55 checksum";
        QTest::newRow("abi nested value") << QStringList{"abi", "encode"}
                                          << QByteArray(R"({"types": ["(uint256,bytes)[]"], "values": [[[1, "0x01"], [2, "0x0"]]]})") << 1
                                          << "ctrn: abi: value [0][1][1] (bytes): invalid hex: odd number of digits (1)";
        // abi decode
        QTest::newRow("abi decode no data") << QStringList{"abi", "decode"} << QByteArray(R"({"types": ["bool"]})") << 1 << "ctrn: abi: missing \"data\"";
        QTest::newRow("abi decode odd hex") << QStringList{"abi", "decode"} << QByteArray(R"({"types": ["bool"], "data": "0x0"})") << 1
                                            << "ctrn: invalid hex: odd number of digits (1)";
        QTest::newRow("abi decode short") << QStringList{"abi", "decode"} << QByteArray(R"({"types": ["uint256"], "data": "0x0001"})") << 1
                                          << "ctrn: abi: data too short at byte 0";
        QTest::newRow("abi decode offset") << QStringList{"abi", "decode"}
                                           << QString(R"({"types": ["bytes"], "data": "0x%1"})").arg(word("ffff")).toUtf8() << 1
                                           << "ctrn: abi: offset out of bounds at byte 0";
        QTest::newRow("abi decode length") << QStringList{"abi", "decode"}
                                           << QString(R"({"types": ["string"], "data": "0x%1%2"})").arg(word("20"), word("21")).toUtf8() << 1
                                           << "ctrn: abi: length out of bounds at byte 32";
        QTest::newRow("abi decode array length") << QStringList{"abi", "decode"}
                                                 << QString(R"({"types": ["uint256[]"], "data": "0x%1%2"})").arg(word("20"), word("ffffffffffff")).toUtf8() << 1
                                                 << "ctrn: abi: length out of bounds at byte 32";
        QTest::newRow("abi decode bool") << QStringList{"abi", "decode"}
                                         << QString(R"({"types": ["bool"], "data": "0x%1"})").arg(word("2")).toUtf8() << 1
                                         << "ctrn: abi: invalid bool at byte 0";
        // eip712 hash
        QTest::newRow("eip712 bad JSON") << QStringList{"eip712", "hash"} << QByteArray("{") << 1
                                         << "ctrn: invalid JSON at byte 2: syntax error while parsing object key - unexpected end of input; expected string literal";
        QTest::newRow("eip712 missing message") << QStringList{"eip712", "hash"} << QByteArray(R"({"types": {}, "primaryType": "M", "domain": {}})") << 1
                                                << "ctrn: eip712: missing 'message'";
        QTest::newRow("eip712 unknown type")
            << QStringList{"eip712", "hash"}
            << QByteArray(R"({"types": {"M": [{"name": "p", "type": "Persn"}]}, "primaryType": "M", "domain": {}, "message": {}})") << 1
            << "ctrn: eip712: unknown type 'Persn' in M.p";
        QTest::newRow("eip712 missing field")
            << QStringList{"eip712", "hash"}
            << QByteArray(R"({"types": {"M": [{"name": "v", "type": "uint8"}]}, "primaryType": "M", "domain": {}, "message": {}})") << 1
            << "ctrn: eip712: message (M): missing field 'v'";
        QTest::newRow("eip712 bad value")
            << QStringList{"eip712", "hash"}
            << QByteArray(R"({"types": {"M": [{"name": "v", "type": "bytes4"}]}, "primaryType": "M", "domain": {}, "message": {"v": "0x01"}})") << 1
            << "ctrn: eip712: message.v (bytes4): expected 4 bytes, got 1";
        // message hash
        QTest::newRow("message bad hex") << QStringList{"message", "hash"} << QByteArray("hello") << 1
                                         << "ctrn: invalid hex: odd number of digits (5)";
    }
    void errors() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        auto r = runCtrn(args, input);
        QCOMPARE(r.exitCode, exitCode);
        QCOMPARE(r.err.split('\n').first(), message);
        QVERIFY(r.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliEncoding)
#include "tst_cli_encoding.moc"
