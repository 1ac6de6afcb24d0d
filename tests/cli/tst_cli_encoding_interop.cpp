// ctrn's codecs against cast (Foundry 1.7.1 from package-lock.json): ABI
// encoding on a varied set of signatures and decoding of cast's output, RLP
// both ways, EIP-191 message hashes, and EIP-712 digests (cast has no
// digest command, but its signature over the typed data must equal its
// signature over our digest: RFC 6979 signing is deterministic).
#include "cli_runner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QJsonDocument json(const QString& text) { return QJsonDocument::fromJson(text.toUtf8()); }

const QString kCow = "0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4"; // keccak256("cow"), a public test key
const QString kAddr1 = "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826";
const QString kAddr2 = "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB";

} // namespace

class TestCliEncodingInterop : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        if (QString(CTRN_CAST_PATH).isEmpty() || QString(CTRN_CAST_PATH).endsWith("NOTFOUND"))
            QFAIL("cast not found: run npm ci (scripts/bootstrap) and re-run cmake --preset dev");
    }
    void abiMatchesCast_data() {
        QTest::addColumn<QString>("types");     // comma-separated, as in cast's signature
        QTest::addColumn<QStringList>("castArgs");
        QTest::addColumn<QString>("values");    // ctrn's JSON values, already in ctrn's output form
        const QString u128max = "340282366920938463463374607431768211455";
        const QString u256max = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
        const QString i256min = "-57896044618658097711785492504343953926634992332820282019728792003956564819968";
        QTest::newRow("uint widths") << "uint8,uint16,uint32,uint64,uint128,uint256"
                                     << QStringList{"255", "65535", "4294967295", "18446744073709551615", u128max, u256max}
                                     << QString(R"(["255","65535","4294967295","18446744073709551615","%1","%2"])").arg(u128max, u256max);
        QTest::newRow("negative ints") << "int8,int16,int256,int64,int24"
                                       << QStringList{"-128", "-1", i256min, "9223372036854775807", "-8388608"}
                                       << QString(R"(["-128","-1","%1","9223372036854775807","-8388608"])").arg(i256min);
        QTest::newRow("address and bools") << "address,bool,bool" << QStringList{kAddr1, "true", "false"}
                                           << QString(R"(["%1",true,false])").arg(kAddr1);
        QTest::newRow("bytes4 and bytes32") << "bytes4,bytes32" << QStringList{"0xa9059cbb", "0x" + QString("11").repeated(32)}
                                            << QString(R"(["0xa9059cbb","0x%1"])").arg(QString("11").repeated(32));
        QTest::newRow("bytes and string") << "bytes,string" << QStringList{"0xdeadbeef" + QString("00").repeated(40), "hello, world"}
                                          << QString(R"(["0xdeadbeef%1","hello, world"])").arg(QString("00").repeated(40));
        QTest::newRow("empty dynamic") << "string,bytes,uint256[]" << QStringList{"", "0x", "[]"} << R"(["","0x",[]])";
        QTest::newRow("dynamic arrays") << "uint256[],address[]" << QStringList{"[1,2,3]", "[" + kAddr1 + "," + kAddr2 + "]"}
                                        << QString(R"([["1","2","3"],["%1","%2"]])").arg(kAddr1, kAddr2);
        QTest::newRow("fixed arrays") << "uint8[3],string[2]" << QStringList{"[1,2,3]", R"(["a","bc"])"} << R"([["1","2","3"],["a","bc"]])";
        QTest::newRow("nested arrays") << "uint256[][],string[]" << QStringList{"[[1,2],[3]]", R"(["one","two","three"])"}
                                       << R"([[["1","2"],["3"]],["one","two","three"]])";
        QTest::newRow("fixed of dynamic") << "int24[2][],bytes[]" << QStringList{"[[-1,1],[8388607,-8388608]]", "[0x,0x01,0xffff]"}
                                          << R"([[["-1","1"],["8388607","-8388608"]],["0x","0x01","0xffff"]])";
        QTest::newRow("nested tuples") << "(uint256,(bytes,bool)[])[2]" << QStringList{"[(1,[(0x12,true)]),(2,[])]"}
                                       << R"([[["1",[["0x12",true]]],["2",[]]]])";
        QTest::newRow("array of tuples") << "(string,address)[]" << QStringList{"[(alice," + kAddr1 + "),(bob," + kAddr2 + ")]"}
                                         << QString(R"([[["alice","%1"],["bob","%2"]]])").arg(kAddr1, kAddr2);
        QTest::newRow("deep tuple") << "(bool,(string,(int256,bytes2)[]))" << QStringList{"(true,(x,[(-5,0x0102),(7,0xffff)]))"}
                                    << R"([[true,["x",[["-5","0x0102"],["7","0xffff"]]]]])";
        QTest::newRow("static tuple array") << "(uint16,bool)[2],bytes1" << QStringList{"[(1,true),(65535,false)]", "0x7f"}
                                            << R"([[["1",true],["65535",false]],"0x7f"])";
        QTest::newRow("five-argument call") << "address,uint256,bytes,string,uint256[]"
                                            << QStringList{kAddr2, "1000000000000000000", "0x" + QString("ab").repeated(70), "memo", "[5,6]"}
                                            << QString(R"(["%1","1000000000000000000","0x%2","memo",["5","6"]])").arg(kAddr2, QString("ab").repeated(70));
    }
    void abiMatchesCast() {
        QFETCH(QString, types);
        QFETCH(QStringList, castArgs);
        QFETCH(QString, values);
        QJsonArray typeArray;
        // Split the top-level commas only (tuples contain commas).
        int depth = 0;
        QString current;
        for (QChar c : types) {
            if (c == '(') ++depth;
            if (c == ')') --depth;
            if (c == ',' && depth == 0) { typeArray.append(current); current.clear(); continue; }
            current += c;
        }
        typeArray.append(current);
        QString typesJson = QJsonDocument(typeArray).toJson(QJsonDocument::Compact);

        auto theirs = runCast(QStringList{"abi-encode", "f(" + types + ")"} + castArgs);
        QCOMPARE(theirs.exitCode, 0);
        auto ours = runCtrn({"abi", "encode"}, QString(R"({"types": %1, "values": %2})").arg(typesJson, values).toUtf8());
        CTRN_EXPECT_OK(ours);
        QCOMPARE(ours.out, theirs.out);

        // cast's encoding decodes back to the values.
        auto decoded = runCtrn({"abi", "decode"}, QString(R"({"types": %1, "data": "%2"})").arg(typesJson, theirs.out).toUtf8());
        CTRN_EXPECT_OK(decoded);
        QCOMPARE(json(decoded.out), json(values));

        // And cast accepts ours as call data for the same signature.
        auto castDecoded = runCast({"abi-decode", "--input", "f(" + types + ")", ours.out});
        QCOMPARE(castDecoded.exitCode, 0);
    }
    void rlpMatchesCast_data() {
        QTest::addColumn<QString>("input");
        QTest::newRow("empty list") << "[]";
        QTest::newRow("single byte") << R"("0x22")";
        QTest::newRow("empty string") << R"("0x")";
        QTest::newRow("nested") << R"(["0x636174",["0x646f67",[]],"0x","0x00","0x80"])";
        QTest::newRow("long string") << "\"0x" + QString("ab").repeated(60) + "\"";
        QTest::newRow("long list") << "[" + QString("\"0x616263\",").repeated(30) + "\"0x\"]";
    }
    void rlpMatchesCast() {
        QFETCH(QString, input);
        auto theirs = runCast({"to-rlp", input});
        QCOMPARE(theirs.exitCode, 0);
        auto ours = runCtrn({"rlp", "encode"}, input.toUtf8());
        CTRN_EXPECT_OK(ours);
        QCOMPARE(ours.out, theirs.out);
        auto castBack = runCast({"from-rlp", ours.out});
        auto ctrnBack = runCtrn({"rlp", "decode", theirs.out});
        QCOMPARE(castBack.exitCode, 0);
        CTRN_EXPECT_OK(ctrnBack);
        QCOMPARE(json("[" + ctrnBack.out + "]"), json("[" + castBack.out + "]"));
        QCOMPARE(json("[" + ctrnBack.out + "]"), json("[" + input + "]"));
    }
    void rlpBothRejectNonCanonical() {
        for (const char* bad : {"0x8105", "0xb80161", "0x83646f"}) {
            QVERIFY(runCast({"from-rlp", bad}).exitCode != 0);
            QCOMPARE(runCtrn({"rlp", "decode", bad}).exitCode, 1);
        }
    }
    void eip191MatchesCast_data() {
        QTest::addColumn<QString>("message");
        QTest::newRow("hello") << "hello";
        QTest::newRow("empty") << "";
        QTest::newRow("unicode") << "héllo wörld ✓";
        QTest::newRow("long") << QString("Sign in to Computronium. ").repeated(20);
    }
    void eip191MatchesCast() {
        QFETCH(QString, message);
        auto theirs = runCast({"hash-message", message});
        QCOMPARE(theirs.exitCode, 0);
        auto ours = runCtrn({"message", "hash"}, "0x" + message.toUtf8().toHex());
        CTRN_EXPECT_OK(ours);
        QCOMPARE(ours.out, theirs.out);
    }
    void eip712MatchesCast_data() {
        QTest::addColumn<QString>("file");
        QTest::newRow("mail") << "eip712_mail_example.json";
        QTest::newRow("nested arrays") << "eip712_nested_arrays.json";
    }
    void eip712MatchesCast() {
        QFETCH(QString, file);
        QFile f(QStringLiteral(CTRN_VECTORS_DIR "/") + file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray typedData = QJsonDocument(QJsonDocument::fromJson(f.readAll()).object()["typedData"].toObject()).toJson();
        QTemporaryDir dir;
        QString path = writeFile(dir, "typed.json", typedData);
        auto digest = runCtrn({"eip712", "hash"}, typedData);
        CTRN_EXPECT_OK(digest);
        auto overData = runCast({"wallet", "sign", "--data", "--from-file", path, "--private-key", kCow});
        auto overDigest = runCast({"wallet", "sign", "--no-hash", digest.out, "--private-key", kCow});
        QCOMPARE(overData.exitCode, 0);
        QCOMPARE(overDigest.exitCode, 0);
        QCOMPARE(overDigest.out, overData.out);
    }
};

QTEST_GUILESS_MAIN(TestCliEncodingInterop)
#include "tst_cli_encoding_interop.moc"
