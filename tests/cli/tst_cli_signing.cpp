// ctrn eip712 sign / message sign / message recover: the published EIP-712
// Mail signature, byte-for-byte agreement with `cast wallet sign`, recovery of
// cast's signatures, and the error paths.
#include "cli_runner.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
QJsonObject mailVector() {
    QFile f(CTRN_VECTORS_DIR "/eip712_mail_example.json");
    if (!f.open(QIODevice::ReadOnly)) qFatal("missing EIP-712 vector");
    return QJsonDocument::fromJson(f.readAll()).object();
}
} // namespace

class TestCliSigning : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_keyFile;
    QString m_key;
    QString m_address;

private slots:
    void initTestCase() {
        // The EIP-712 example's key is keccak256("cow").
        m_key = runCtrn({"keccak", "0x636f77"}).out;
        m_keyFile = writeFile(m_dir, "cow.key", m_key.toUtf8());
        m_address = runCtrn({"address", "of-key", "--key-file", m_keyFile}).out;
        QCOMPARE(m_address, QString("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"));
    }

    void eip712MailSignature() {
        QJsonObject v = mailVector();
        QByteArray typed = QJsonDocument(v["typedData"].toObject()).toJson(QJsonDocument::Compact);
        auto r = runCtrn({"eip712", "sign", "--key-file", m_keyFile}, typed);
        CTRN_EXPECT_OK(r);
        QCOMPARE(r.out, v["expected"].toObject()["signature_rsv"].toString());
        // cast signs the same typed data to the same bytes.
        QString file = writeFile(m_dir, "mail.json", typed);
        auto c = runCast({"wallet", "sign", "--private-key", m_key, "--data", "--from-file", file});
        QCOMPARE(c.exitCode, 0);
        QCOMPARE(r.out, c.out);
    }

    void personalMessagesAgreeWithCast_data() {
        QTest::addColumn<QString>("message");
        QTest::newRow("hello") << "0x68656c6c6f";
        QTest::newRow("empty") << "0x";
        QTest::newRow("32 bytes") << "0x" + QString("ab").repeated(32);
        QTest::newRow("300 bytes") << "0x" + QString("01").repeated(300);
    }
    void personalMessagesAgreeWithCast() {
        QFETCH(QString, message);
        auto ours = runCtrn({"message", "sign", "--key-file", m_keyFile}, message.toUtf8());
        CTRN_EXPECT_OK(ours);
        if (message != "0x") { // cast reads "0x" as the text "0x", not as no bytes
            auto theirs = runCast({"wallet", "sign", "--private-key", m_key, message});
            QCOMPARE(theirs.exitCode, 0);
            QCOMPARE(ours.out, theirs.out);
            auto verified = runCast({"wallet", "verify", "--address", m_address, message, ours.out});
            QCOMPARE(verified.exitCode, 0);
        }
        auto recovered = runCtrn({"message", "recover", "--signature", ours.out}, message.toUtf8());
        CTRN_EXPECT_OK(recovered);
        QCOMPARE(recovered.out, m_address);
        // A different message recovers to some other address, not ours.
        auto other = runCtrn({"message", "recover", "--signature", ours.out}, "0x00");
        QVERIFY(other.exitCode != 0 || other.out != m_address);
    }

    void errors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("sign without key") << QStringList{"message", "sign"} << QByteArray("0x00") << 2 << "ctrn: missing required option --key-file";
        QTest::newRow("sign odd hex") << QStringList{"message", "sign", "--key-file", "KEY"} << QByteArray("0xabc") << 1 << "ctrn: invalid hex: odd number of digits (3)";
        QTest::newRow("recover short signature") << QStringList{"message", "recover", "--signature", "0x1234"} << QByteArray("0x00") << 1 << "ctrn: signature: expected 65 bytes, got 2";
        QTest::newRow("recover bad v") << QStringList{"message", "recover", "--signature", "0x" + QString("11").repeated(64) + "05"} << QByteArray("0x00") << 1 << "ctrn: signature: v must be 27, 28, 0 or 1";
        QTest::newRow("eip712 unknown type") << QStringList{"eip712", "sign", "--key-file", "KEY"}
                                             << QByteArray(R"({"types":{"EIP712Domain":[]},"primaryType":"Nope","domain":{},"message":{}})") << 1 << "";
    }
    void errors() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        args.replaceInStrings("KEY", m_keyFile);
        auto r = runCtrn(args, input);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY(r.out.isEmpty());
        if (message.isEmpty()) QVERIFY(r.err.startsWith("ctrn: "));
        else QCOMPARE(r.err.split('\n').first(), message);
    }
};

QTEST_GUILESS_MAIN(TestCliSigning)
#include "tst_cli_signing.moc"
