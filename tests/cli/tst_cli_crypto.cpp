// ctrn's crypto commands as a black box: address of-key, mnemonic
// new/from-entropy/validate/seed, hd derive, keystore encrypt/decrypt — the
// happy paths on published vectors, and every error path with its exit code
// and exact message.
#include "cli_runner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

const QByteArray kKey46 = "0x4646464646464646464646464646464646464646464646464646464646464646";
const QString kAnvilMnemonic = "test test test test test test test test test test test junk";

QJsonDocument loadVectors(const QString& name) {
    QFile f(QStringLiteral(CTRN_VECTORS_DIR) + "/" + name);
    if (!f.open(QIODevice::ReadOnly)) qFatal("cannot open %s", qPrintable(name));
    return QJsonDocument::fromJson(f.readAll());
}

QString firstLine(const QString& s) { return s.split('\n').first(); }

} // namespace

class TestCliCrypto : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_key;      // file with kKey46
    QString m_password; // file with "pw\n"

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_key = writeFile(m_dir, "key", kKey46 + "\n");
        m_password = writeFile(m_dir, "password", "pw\n");
    }

    // --- address of-key -------------------------------------------------------
    void addressOfKey() {
        auto r = runCtrn({"address", "of-key", "--key-file", m_key});
        CTRN_EXPECT_OK(r);
        QCOMPARE(r.out, QString("0x9d8A62f656a8d1615C1294fd71e9CFb3E4855A4F"));
        // Without 0x and without a trailing newline is the same key.
        auto bare = writeFile(m_dir, "bare", kKey46.mid(2));
        QCOMPARE(runCtrn({"address", "of-key", "--key-file", bare}).out, r.out);
        auto one = writeFile(m_dir, "one", QByteArray(63, '0') + "1");
        QCOMPARE(runCtrn({"address", "of-key", "--key-file", one}).out, QString("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf"));
    }
    void addressOfKeyErrors_data() {
        QTest::addColumn<QByteArray>("content"); // key file content; empty = no --key-file
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("odd length") << QByteArray("0xabc") << 1 << "ctrn: private key: invalid hex: odd number of digits (3)";
        QTest::newRow("bad hex") << QByteArray("0xzz") << 1 << "ctrn: private key: invalid hex: character 'z' at position 0";
        QTest::newRow("31 bytes") << QByteArray(62, 'a') << 1 << "ctrn: private key: expected 32 bytes, got 31";
        QTest::newRow("33 bytes") << QByteArray(66, 'a') << 1 << "ctrn: private key: expected 32 bytes, got 33";
        QTest::newRow("zero") << QByteArray(64, '0') << 1 << "ctrn: private key: zero is not a valid key";
        QTest::newRow("curve order")
            << QByteArray("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141") << 1
            << "ctrn: private key: not below the secp256k1 curve order";
        QTest::newRow("empty file") << QByteArray("\n") << 1 << "ctrn: private key: expected 32 bytes, got 0";
        QTest::newRow("missing --key-file") << QByteArray() << 2 << "ctrn: missing required option --key-file";
    }
    void addressOfKeyErrors() {
        QFETCH(QByteArray, content);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QStringList args{"address", "of-key"};
        if (!content.isEmpty()) args << "--key-file" << writeFile(m_dir, "badkey", content);
        auto r = runCtrn(args);
        QCOMPARE(r.exitCode, exitCode);
        QCOMPARE(firstLine(r.err), message);
        QVERIFY(r.out.isEmpty());
    }
    void addressOfKeyFileProblems() {
        auto r = runCtrn({"address", "of-key", "--key-file", m_dir.filePath("nope")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, "ctrn: cannot read key file '" + m_dir.filePath("nope") + "'");
        // A key on the command line is refused: it would end up in shell history.
        r = runCtrn({"address", "of-key", QString(kKey46)});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(firstLine(r.err), "ctrn: unexpected argument: " + QString(kKey46));
    }

    // --- mnemonic -------------------------------------------------------------
    void mnemonicNew() {
        auto r = runCtrn({"mnemonic", "new"});
        CTRN_EXPECT_OK(r);
        QCOMPARE(r.out.split(' ').size(), 24);
        QCOMPARE(runCtrn({"mnemonic", "validate"}, r.out.toUtf8()).exitCode, 0);
        for (int words : {12, 15, 18, 21}) {
            auto w = runCtrn({"mnemonic", "new", "--words", QString::number(words)});
            CTRN_EXPECT_OK(w);
            QCOMPARE(w.out.split(' ').size(), words);
            CTRN_EXPECT_OK(runCtrn({"mnemonic", "validate"}, w.out.toUtf8()));
        }
        QVERIFY(runCtrn({"mnemonic", "new"}).out != r.out);
    }
    void mnemonicNewErrors() {
        for (QString bad : {"13", "0", "x", "240"}) {
            auto r = runCtrn({"mnemonic", "new", "--words", bad});
            QCOMPARE(r.exitCode, 2);
            QCOMPARE(firstLine(r.err), "ctrn: --words must be 12, 15, 18, 21 or 24, got '" + bad + "'");
        }
    }
    void mnemonicFromEntropyVectors() {
        const auto vectors = loadVectors("bip39_vectors.json").object()["english"].toArray();
        QCOMPARE(vectors.size(), 24);
        for (const auto& v : vectors) {
            auto a = v.toArray();
            auto r = runCtrn({"mnemonic", "from-entropy", "0x" + a[0].toString()});
            CTRN_EXPECT_OK(r);
            QCOMPARE(r.out, a[1].toString());
        }
    }
    void mnemonicFromEntropyErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("odd") << QStringList{"0xabc"} << 1 << "ctrn: entropy: invalid hex: odd number of digits (3)";
        QTest::newRow("bad hex") << QStringList{"0xgg"} << 1 << "ctrn: entropy: invalid hex: character 'g' at position 0";
        QTest::newRow("15 bytes") << QStringList{"0x" + QString(30, 'a')} << 1
                                  << "ctrn: entropy: expected 16, 20, 24, 28 or 32 bytes, got 15";
        QTest::newRow("33 bytes") << QStringList{"0x" + QString(66, 'a')} << 1
                                  << "ctrn: entropy: expected 16, 20, 24, 28 or 32 bytes, got 33";
        QTest::newRow("missing") << QStringList{} << 2 << "ctrn: missing argument: HEX";
    }
    void mnemonicFromEntropyErrors() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        auto r = runCtrn(QStringList{"mnemonic", "from-entropy"} + args);
        QCOMPARE(r.exitCode, exitCode);
        QCOMPARE(firstLine(r.err), message);
        QVERIFY(r.out.isEmpty());
    }
    void mnemonicValidate_data() {
        QTest::addColumn<QString>("mnemonic");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("valid") << kAnvilMnemonic << 0 << "";
        QTest::newRow("valid with extra spaces") << "  legal winner thank year wave sausage worth useful legal winner thank yellow \n"
                                                 << 0 << "";
        QTest::newRow("unknown word") << "test test test test xyz test test test test test test junk" << 1
                                      << "ctrn: unknown word 'xyz' at position 5";
        QTest::newRow("bad checksum") << "test test test test test test test test test test test test" << 1
                                      << "ctrn: bad checksum";
        QTest::newRow("11 words") << "test test test test test test test test test test junk" << 1
                                  << "ctrn: expected 12, 15, 18, 21 or 24 words, got 11";
        QTest::newRow("empty") << "" << 1 << "ctrn: expected 12, 15, 18, 21 or 24 words, got 0";
    }
    void mnemonicValidate() {
        QFETCH(QString, mnemonic);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        auto r = runCtrn({"mnemonic", "validate"}, mnemonic.toUtf8());
        QCOMPARE(r.exitCode, exitCode);
        QCOMPARE(r.err, message);
        QVERIFY(r.out.isEmpty());
        // The same through --mnemonic-file.
        auto file = writeFile(m_dir, "mnemonic", mnemonic.toUtf8());
        auto f = runCtrn({"mnemonic", "validate", "--mnemonic-file", file});
        QCOMPARE(f.exitCode, exitCode);
        QCOMPARE(f.err, message);
    }
    void mnemonicSeedVectors() {
        auto passphrase = writeFile(m_dir, "trezor", "TREZOR\n");
        const auto all = loadVectors("bip39_vectors.json").object();
        for (const QString language : {"english", "japanese", "french", "korean"}) {
            const auto vectors = all[language].toArray();
            QVERIFY(!vectors.isEmpty());
            for (const auto& v : vectors) {
                auto a = v.toArray();
                auto r = runCtrn({"mnemonic", "seed", "--passphrase-file", passphrase}, a[1].toString().toUtf8() + "\n");
                CTRN_EXPECT_OK(r);
                QCOMPARE(r.out, "0x" + a[2].toString());
            }
        }
    }
    void mnemonicSeedErrors() {
        auto r = runCtrn({"mnemonic", "seed", "--passphrase-file", m_dir.filePath("nope")}, kAnvilMnemonic.toUtf8());
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, "ctrn: cannot read passphrase file '" + m_dir.filePath("nope") + "'");
        // Not UTF-8: NFKD is undefined, so there is no seed.
        r = runCtrn({"mnemonic", "seed"}, QByteArray("\xff\xfe abandon"));
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QString("ctrn: unicode: invalid UTF-8"));
        r = runCtrn({"mnemonic", "seed", "extra"}, kAnvilMnemonic.toUtf8());
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(firstLine(r.err), QString("ctrn: unexpected argument: extra"));
    }

    // --- hd derive --------------------------------------------------------------
    void hdDeriveBip32Vector1() {
        auto r = runCtrn({"hd", "derive", "--seed", "0x000102030405060708090a0b0c0d0e0f", "--path", "m/0h/1/2h/2"});
        CTRN_EXPECT_OK(r);
        auto j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(j.keys().size(), 6);
        QCOMPARE(j["path"].toString(), QString("m/0'/1/2'/2"));
        QCOMPARE(j["xprv"].toString(), QString("xprvA2JDeKCSNNZky6uBCviVfJSKyQ1mDYahRjijr5idH2WwLsEd4Hsb2Tyh8RfQMuPh7f7RtyzTtdrbdqqsunu5Mm3wDvUAKRHSC34sJ7in334"));
        QCOMPARE(j["xpub"].toString(), QString("xpub6FHa3pjLCk84BayeJxFW2SP4XRrFd1JYnxeLeU8EqN3vDfZmbqBqaGJAyiLjTAwm6ZLRQUMv1ZACTj37sR62cfN7fe5JnJ7dh8zL4fiyLHV"));
        QCOMPARE(j["privateKey"].toString(), QString("0x0f479245fb19a38a1954c5c7c0ebab2f9bdfd96a17563ef28a6a4b1a2a764ef4"));
        QCOMPARE(j["publicKey"].toString(), QString("0x02e8445082a72f29b75ca48748a914df60622a609cacfce8ed0e35804560741d29"));
        // The keys really come in CLI.md's order.
        QVERIFY(r.out.indexOf("\"path\"") < r.out.indexOf("\"privateKey\""));
        QVERIFY(r.out.indexOf("\"address\"") < r.out.indexOf("\"xprv\""));
    }
    void hdDeriveFromMnemonic() {
        auto seed = runCtrn({"mnemonic", "seed"}, kAnvilMnemonic.toUtf8());
        CTRN_EXPECT_OK(seed);
        auto r = runCtrn({"hd", "derive", "--seed", seed.out, "--path", "m/44'/60'/0'/0/0"});
        CTRN_EXPECT_OK(r);
        auto j = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(j["address"].toString(), QString("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266"));
        QCOMPARE(j["privateKey"].toString(), QString("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
        auto master = runCtrn({"hd", "derive", "--seed", seed.out, "--path", "m"});
        CTRN_EXPECT_OK(master);
        QVERIFY(QJsonDocument::fromJson(master.out.toUtf8()).object()["xprv"].toString().startsWith("xprv9s21ZrQH143K"));
    }
    // Secrets can stay out of argv: the seed from a file, entropy from a file or stdin.
    void secretsFromFilesOrStdin() {
        auto seed = runCtrn({"mnemonic", "seed"}, kAnvilMnemonic.toUtf8());
        CTRN_EXPECT_OK(seed);
        QString seedFile = writeFile(m_dir, "seed", seed.out.toUtf8() + "\n");
        auto r = runCtrn({"hd", "derive", "--seed-file", seedFile, "--path", "m/44'/60'/0'/0/1"});
        CTRN_EXPECT_OK(r);
        QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()["address"].toString(),
                 QString("0x70997970C51812dc3A010C7d01b50e0d17dc79C8"));
        auto missing = runCtrn({"hd", "derive", "--seed-file", "/nonexistent", "--path", "m"});
        QCOMPARE(missing.exitCode, 1);
        QCOMPARE(missing.err, QString("ctrn: cannot read seed file '/nonexistent'"));

        const QString zeros = "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
        auto fromStdin = runCtrn({"mnemonic", "from-entropy", "-"}, "0x00000000000000000000000000000000\n");
        CTRN_EXPECT_OK(fromStdin);
        QCOMPARE(fromStdin.out, zeros);
        QString entropyFile = writeFile(m_dir, "entropy", "00000000000000000000000000000000");
        auto fromFile = runCtrn({"mnemonic", "from-entropy", "--entropy-file", entropyFile});
        CTRN_EXPECT_OK(fromFile);
        QCOMPARE(fromFile.out, zeros);
    }
    void hdDeriveErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const QString seed = "0x000102030405060708090a0b0c0d0e0f";
        QTest::newRow("odd seed") << QStringList{"--seed", "0xabc", "--path", "m"} << 1
                                  << "ctrn: seed: invalid hex: odd number of digits (3)";
        QTest::newRow("bad seed hex") << QStringList{"--seed", "0xqq", "--path", "m"} << 1
                                      << "ctrn: seed: invalid hex: character 'q' at position 0";
        QTest::newRow("short seed") << QStringList{"--seed", "0x01020304", "--path", "m"} << 1
                                    << "ctrn: seed: expected 16 to 64 bytes, got 4";
        QTest::newRow("path without m") << QStringList{"--seed", seed, "--path", "44'/60'"} << 1
                                        << "ctrn: invalid path '44'/60'': must start with 'm'";
        QTest::newRow("path bad index") << QStringList{"--seed", seed, "--path", "m/44'/x"} << 1
                                        << "ctrn: invalid path 'm/44'/x': bad index 'x' at level 2";
        QTest::newRow("path index too big") << QStringList{"--seed", seed, "--path", "m/2147483648"} << 1
                                            << "ctrn: invalid path 'm/2147483648': index 2147483648 at level 1 is not below 2^31";
        QTest::newRow("missing --path") << QStringList{"--seed", seed} << 2 << "ctrn: missing required option --path";
        QTest::newRow("missing --seed") << QStringList{"--path", "m"} << 2 << "ctrn: missing required option --seed";
    }
    void hdDeriveErrors() {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        auto r = runCtrn(QStringList{"hd", "derive"} + args);
        QCOMPARE(r.exitCode, exitCode);
        QCOMPARE(firstLine(r.err), message);
        QVERIFY(r.out.isEmpty());
    }

    // --- keystore -----------------------------------------------------------------
    void keystoreRoundTrips_data() {
        QTest::addColumn<QStringList>("options");
        QTest::addColumn<QString>("kdf");
        QTest::addColumn<int>("cost"); // n or c
        QTest::newRow("light") << QStringList{"--light"} << "scrypt" << 4096;
        QTest::newRow("pbkdf2") << QStringList{"--kdf", "pbkdf2"} << "pbkdf2" << 262144;
        QTest::newRow("default scrypt") << QStringList{} << "scrypt" << 262144;
    }
    void keystoreRoundTrips() {
        QFETCH(QStringList, options);
        QFETCH(QString, kdf);
        QFETCH(int, cost);
        auto enc = runCtrn(QStringList{"keystore", "encrypt", "--key-file", m_key, "--password-file", m_password} + options);
        CTRN_EXPECT_OK(enc);
        auto j = QJsonDocument::fromJson(enc.out.toUtf8()).object();
        QCOMPARE(j["version"].toInt(), 3);
        QCOMPARE(j["address"].toString(), QString("9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f"));
        auto crypto = j["crypto"].toObject();
        QCOMPARE(crypto["kdf"].toString(), kdf);
        QCOMPARE(crypto["kdfparams"].toObject()[kdf == "scrypt" ? "n" : "c"].toInt(), cost);
        QVERIFY(!enc.out.contains(QString(kKey46).mid(2)));
        auto dec = runCtrn({"keystore", "decrypt", "--password-file", m_password}, enc.out.toUtf8());
        CTRN_EXPECT_OK(dec);
        QCOMPARE(dec.out, QString(kKey46));
        auto wrong = runCtrn({"keystore", "decrypt", "--password-file", writeFile(m_dir, "wrong", "pW")}, enc.out.toUtf8());
        QCOMPARE(wrong.exitCode, 1);
        QCOMPARE(wrong.err, QString("ctrn: wrong password"));
        QVERIFY(wrong.out.isEmpty());
    }
    void keystoreDecryptGethVectors() {
        const auto all = loadVectors("keystore_v3_test_vector.json").object();
        auto password = writeFile(m_dir, "testpassword", "testpassword");
        for (const QString name : {"wikipage_test_vector_pbkdf2", "wikipage_test_vector_scrypt"}) {
            auto v = all[name].toObject();
            auto r = runCtrn({"keystore", "decrypt", "--password-file", password},
                          QJsonDocument(v["json"].toObject()).toJson());
            CTRN_EXPECT_OK(r);
            QCOMPARE(r.out, "0x" + v["priv"].toString());
        }
    }
    void keystoreErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("malformed JSON") << QStringList{"decrypt"} << QByteArray("{\"version\": 3,") << 1
                                        << "ctrn: keystore: invalid JSON at byte 15: syntax error while parsing object key - unexpected end of input; expected string literal";
        QTest::newRow("empty stdin") << QStringList{"decrypt"} << QByteArray() << 1
                                     << "ctrn: keystore: invalid JSON at byte 1: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal";
        QTest::newRow("not a keystore") << QStringList{"decrypt"} << QByteArray("{\"hello\": 1}") << 1
                                        << "ctrn: keystore: missing field 'version'";
        QTest::newRow("version 2") << QStringList{"decrypt"} << QByteArray("{\"version\": 2}") << 1
                                   << "ctrn: keystore: unsupported version 2";
        QTest::newRow("hostile scrypt n")
            << QStringList{"decrypt"}
            << QByteArray(R"({"version":3,"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"00000000000000000000000000000000"},)"
                          R"("ciphertext":"00","mac":"0000000000000000000000000000000000000000000000000000000000000000",)"
                          R"("kdf":"scrypt","kdfparams":{"n":4294967296,"r":8,"p":1,"dklen":32,"salt":"00"}}})")
            << 1 << "ctrn: keystore: scrypt parameters would need 4194304 MiB of memory, above the limit of 512 MiB";
        QTest::newRow("missing --password-file") << QStringList{"decrypt"} << QByteArray("{}") << 2
                                                 << "ctrn: missing required option --password-file";
        QTest::newRow("encrypt without key") << QStringList{"encrypt", "--password-file", "PW"} << QByteArray() << 2
                                             << "ctrn: missing required option --key-file";
        QTest::newRow("unknown kdf") << QStringList{"encrypt", "--key-file", "KEY", "--password-file", "PW", "--kdf", "argon2"}
                                     << QByteArray() << 2 << "ctrn: --kdf must be scrypt or pbkdf2, got 'argon2'";
        QTest::newRow("light pbkdf2") << QStringList{"encrypt", "--key-file", "KEY", "--password-file", "PW", "--kdf", "pbkdf2", "--light"}
                                      << QByteArray() << 2 << "ctrn: --light applies to --kdf scrypt only";
        QTest::newRow("bad key") << QStringList{"encrypt", "--key-file", "SHORTKEY", "--password-file", "PW"} << QByteArray() << 1
                                 << "ctrn: private key: expected 32 bytes, got 2";
    }
    void keystoreErrors() {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QStringList full{"keystore"};
        for (const auto& a : args)
            full << (a == "PW" ? m_password : a == "KEY" ? m_key : a == "SHORTKEY" ? writeFile(m_dir, "short", "0x1234") : a);
        if (args.first() == "decrypt" && !message.contains("--password-file")) full << "--password-file" << m_password;
        auto r = runCtrn(full, input);
        QCOMPARE(r.exitCode, exitCode);
        QCOMPARE(firstLine(r.err), message);
        QVERIFY(r.out.isEmpty());
    }

    // --- help -------------------------------------------------------------------------
    void helpForEachCommand_data() {
        QTest::addColumn<QString>("name");
        for (const char* n : {"address of-key", "mnemonic new", "mnemonic from-entropy", "mnemonic validate",
                              "mnemonic seed", "hd derive", "keystore encrypt", "keystore decrypt"})
            QTest::newRow(n) << QString(n);
    }
    void helpForEachCommand() {
        QFETCH(QString, name);
        auto r = runCtrn(QStringList{"help"} + name.split(' '));
        CTRN_EXPECT_OK(r);
        QVERIFY(r.out.startsWith("usage: ctrn " + name));
        QVERIFY(r.out.count('\n') >= 3);
    }
};

QTEST_GUILESS_MAIN(TestCliCrypto)
#include "tst_cli_crypto.moc"
