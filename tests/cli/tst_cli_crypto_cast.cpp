// Interop with cast (foundry): addresses of keys, keystores written by one and
// opened by the other, mnemonics and HD keys — the same answers both ways.
#include "cli_runner.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

class TestCliCryptoCast : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;

    QString keyFile(const QString& hex) { return writeFile(m_dir, "key-" + hex.right(8), hex.toUtf8()); }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        if (QString(CTRN_CAST_PATH).isEmpty() || QString(CTRN_CAST_PATH).endsWith("NOTFOUND"))
            QFAIL("cast not found: run scripts/bootstrap (npm ci) and re-run cmake");
    }
    void addressOfKeyMatchesCast_data() {
        QTest::addColumn<QString>("key");
        QTest::newRow("one") << "0x0000000000000000000000000000000000000000000000000000000000000001";
        QTest::newRow("n-1") << "0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140";
        QTest::newRow("eip155") << "0x4646464646464646464646464646464646464646464646464646464646464646";
        QTest::newRow("anvil 0") << "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
        QTest::newRow("leading zero byte") << "0x00ffeeddccbbaa99887766554433221100ffeeddccbbaa998877665544332211";
        QTest::newRow("keccak(cow)") << "0xc85ef7d79691fe79573b1a7064c19c1a9819ebdbd1faaab1a8ec92344438aaf4";
    }
    void addressOfKeyMatchesCast() {
        QFETCH(QString, key);
        auto ours = runCtrn({"address", "of-key", "--key-file", keyFile(key)});
        CTRN_EXPECT_OK(ours);
        auto theirs = runCast({"wallet", "address", "--private-key", key});
        QCOMPARE(theirs.exitCode, 0);
        QCOMPARE(ours.out, theirs.out);
    }
    void castOpensOurKeystores_data() {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("light scrypt") << QStringList{"--light"};
        QTest::newRow("pbkdf2") << QStringList{"--kdf", "pbkdf2"};
    }
    void castOpensOurKeystores() {
        QFETCH(QStringList, options);
        const QString key = "0x4646464646464646464646464646464646464646464646464646464646464646";
        auto password = writeFile(m_dir, "pw", "interop password");
        auto enc = runCtrn(QStringList{"keystore", "encrypt", "--key-file", keyFile(key), "--password-file", password} + options);
        CTRN_EXPECT_OK(enc);
        QTemporaryDir store;
        writeFile(store, "mine", enc.out.toUtf8());
        auto r = runCast({"wallet", "decrypt-keystore", "--keystore-dir", store.path(), "mine", "--unsafe-password",
                       "interop password"});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, "mine's private key is: " + key);
    }
    void weOpenCastKeystores() {
        QTemporaryDir store;
        auto made = runCast({"wallet", "new", store.path(), "acct", "--unsafe-password", "cast pw"});
        QCOMPARE(made.exitCode, 0);
        auto address = QRegularExpression("Address:\\s+(0x[0-9a-fA-F]{40})").match(made.out).captured(1);
        QVERIFY(!address.isEmpty());
        QFile f(store.filePath("acct"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray json = f.readAll();
        // cast writes scrypt with a lighter n than geth's standard.
        QCOMPARE(QJsonDocument::fromJson(json).object()["crypto"].toObject()["kdf"].toString(), QString("scrypt"));
        auto dec = runCtrn({"keystore", "decrypt", "--password-file", writeFile(m_dir, "castpw", "cast pw\n")}, json);
        CTRN_EXPECT_OK(dec);
        auto theirs = runCast({"wallet", "decrypt-keystore", "--keystore-dir", store.path(), "acct", "--unsafe-password", "cast pw"});
        QCOMPARE(theirs.out, "acct's private key is: " + dec.out);
        QCOMPARE(runCtrn({"address", "of-key", "--key-file", keyFile(dec.out)}).out, address);
        auto wrong = runCtrn({"keystore", "decrypt", "--password-file", writeFile(m_dir, "castpw2", "cast pW")}, json);
        QCOMPARE(wrong.exitCode, 1);
        QCOMPARE(wrong.err, QString("ctrn: wrong password"));
    }
    void castMnemonicsValidateAndDeriveTheSame() {
        for (const QString words : {"12", "24"}) {
            auto made = runCast({"wallet", "new-mnemonic", "--words", words});
            QCOMPARE(made.exitCode, 0);
            auto phrase = QRegularExpression("Phrase:\\s*\\n([a-z ]+)\\n").match(made.out).captured(1).trimmed();
            QCOMPARE(phrase.split(' ').size(), words.toInt());
            CTRN_EXPECT_OK(runCtrn({"mnemonic", "validate"}, phrase.toUtf8()));
            auto seed = runCtrn({"mnemonic", "seed"}, phrase.toUtf8());
            CTRN_EXPECT_OK(seed);
            for (const QString path : {"m/44'/60'/0'/0/0", "m/44'/60'/0'/0/7", "m/44'/60'/3'/1/2"}) {
                auto ours = runCtrn({"hd", "derive", "--seed", seed.out, "--path", path});
                CTRN_EXPECT_OK(ours);
                auto theirs = runCast({"wallet", "private-key", phrase, path});
                QCOMPARE(theirs.exitCode, 0);
                QCOMPARE(QJsonDocument::fromJson(ours.out.toUtf8()).object()["privateKey"].toString(), theirs.out);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCliCryptoCast)
#include "tst_cli_crypto_cast.moc"
