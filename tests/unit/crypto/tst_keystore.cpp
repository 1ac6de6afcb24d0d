// core/crypto keystore v3: geth's scrypt/pbkdf2/short-key vectors, wrong
// password, encrypt/decrypt round trips with every KDF option, bounds on
// hostile parameters, malformed files, and the safe file writer (no temp
// file left behind, no key in the clear, target untouched on failure).
#include "crypto_tests.h"

#include <core/crypto/keystore.h>
#include <core/util/hex.h>

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>

using namespace ctrn;
using namespace ctrn::crypto;

namespace {

PrivateKey testKey() { return *PrivateKey::fromHex("0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d"); }

Json lightKeystore(std::string_view password) {
    return *encryptKeystore(testKey(), asView(password), KeystoreParams::lightScrypt());
}

} // namespace

class TestKeystore : public QObject {
    Q_OBJECT
private slots:
    void gethVectors_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("scrypt n=262144") << "wikipage_test_vector_scrypt";
        QTest::newRow("pbkdf2 c=262144") << "wikipage_test_vector_pbkdf2";
        QTest::newRow("31-byte key") << "31_byte_key";
        QTest::newRow("30-byte key") << "30_byte_key";
    }
    void gethVectors() {
        QFETCH(QString, name);
        auto v = loadVectors("keystore_v3_test_vector.json")[name.toStdString()];
        std::string password = v["password"].get<std::string>();
        auto key = decryptKeystore(v["json"], asView(password));
        QVERIFY2(key.ok(), key.ok() ? "" : key.error().message.c_str());
        // Short keys were stored without their leading zero bytes.
        std::string priv = v["priv"].get<std::string>();
        CTRN_COMPARE_STR(toHex(key->bytes(), false), std::string(64 - priv.size(), '0') + priv);

        auto wrong = decryptKeystore(v["json"], asView(password + "x"));
        QVERIFY(!wrong);
        QCOMPARE(wrong.error().code, ErrorCode::WrongPassword);
        CTRN_COMPARE_STR(wrong.error().message, "wrong password");
    }
    void roundTrips_data() {
        QTest::addColumn<int>("which");
        QTest::newRow("light scrypt") << 0;
        QTest::newRow("pbkdf2") << 1;
        QTest::newRow("standard scrypt") << 2;
    }
    void roundTrips() {
        QFETCH(int, which);
        KeystoreParams params = which == 0 ? KeystoreParams::lightScrypt()
                                : which == 1 ? KeystoreParams::pbkdf2()
                                             : KeystoreParams::standardScrypt();
        auto ks = encryptKeystore(testKey(), asView("correct horse"), params);
        QVERIFY(ks);
        const Json& j = *ks;
        QCOMPARE(j["version"].get<int>(), 3);
        CTRN_COMPARE_STR(j["address"].get<std::string>(), "008aeeda4d805471df9b2a5b0f38a0c3bcba786b");
        QVERIFY(QRegularExpression("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$")
                    .match(QString::fromStdString(j["id"].get<std::string>()))
                    .hasMatch());
        const Json& c = j["crypto"];
        CTRN_COMPARE_STR(c["cipher"].get<std::string>(), "aes-128-ctr");
        QCOMPARE(c["cipherparams"]["iv"].get<std::string>().size(), std::size_t(32));
        QCOMPARE(c["kdfparams"]["salt"].get<std::string>().size(), std::size_t(64));
        QCOMPARE(c["kdfparams"]["dklen"].get<int>(), 32);
        if (which == 1) {
            CTRN_COMPARE_STR(c["kdf"].get<std::string>(), "pbkdf2");
            QCOMPARE(c["kdfparams"]["c"].get<int>(), 262144);
            CTRN_COMPARE_STR(c["kdfparams"]["prf"].get<std::string>(), "hmac-sha256");
        } else {
            CTRN_COMPARE_STR(c["kdf"].get<std::string>(), "scrypt");
            QCOMPARE(c["kdfparams"]["n"].get<int>(), which == 0 ? 4096 : 262144);
            QCOMPARE(c["kdfparams"]["r"].get<int>(), 8);
            QCOMPARE(c["kdfparams"]["p"].get<int>(), which == 0 ? 6 : 1);
        }
        auto back = decryptKeystore(std::string_view(j.dump()), asView("correct horse"));
        QVERIFY(back);
        QCOMPARE(toHex(back->bytes()), toHex(testKey().bytes()));
        QCOMPARE(decryptKeystore(j, asView("Correct horse")).error().code, ErrorCode::WrongPassword);
    }
    void freshSaltAndIvEachTime() {
        auto a = lightKeystore("pw");
        auto b = lightKeystore("pw");
        QVERIFY(a["crypto"]["kdfparams"]["salt"] != b["crypto"]["kdfparams"]["salt"]);
        QVERIFY(a["crypto"]["cipherparams"]["iv"] != b["crypto"]["cipherparams"]["iv"]);
        QVERIFY(a["id"] != b["id"]);
    }
    void capitalisedCryptoIsAccepted() {
        auto j = lightKeystore("pw");
        j["Crypto"] = j["crypto"];
        j.erase("crypto");
        QVERIFY(decryptKeystore(j, asView("pw")).ok());
    }
    void hostileParametersAreRefused_data() {
        QTest::addColumn<QString>("kdfparams"); // JSON merged into crypto.kdfparams
        QTest::addColumn<QString>("message");
        QTest::newRow("n = 2^30") << R"({"n": 1073741824})"
                                  << "keystore: scrypt parameters would need 1048576 MiB of memory, above the limit of 512 MiB";
        QTest::newRow("r huge") << R"({"r": 4096})"
                                << "keystore: scrypt parameters would need 2051 MiB of memory, above the limit of 512 MiB";
        QTest::newRow("p huge") << R"({"p": 65536})"
                                << "keystore: scrypt work n*r*p = 2147483648 is above the limit of 16777216 (refusing a file that would take too long)";
        QTest::newRow("n beyond 2^32") << R"({"n": 18446744073709551615})"
                                       << "keystore: scrypt n must be a power of two above 1, got 18446744073709551615";
        QTest::newRow("n not a power of two") << R"({"n": 1000})" << "keystore: scrypt n must be a power of two above 1, got 1000";
        QTest::newRow("n = 1") << R"({"n": 1})" << "keystore: scrypt n must be a power of two above 1, got 1";
        QTest::newRow("p zero") << R"({"p": 0})" << "keystore: scrypt r and p must be at least 1";
        QTest::newRow("negative n") << R"({"n": -4096})"
                                    << "keystore: field 'crypto.kdfparams.n' is not a non-negative integer below 2^64";
        QTest::newRow("n as string") << R"({"n": "4096"})"
                                     << "keystore: field 'crypto.kdfparams.n' is not a non-negative integer below 2^64";
        QTest::newRow("dklen 16") << R"({"dklen": 16})" << "keystore: kdfparams.dklen must be between 32 and 64, got 16";
    }
    void hostileParametersAreRefused() {
        QFETCH(QString, kdfparams);
        QFETCH(QString, message);
        auto j = lightKeystore("pw");
        auto patch = *parseJson(kdfparams.toStdString());
        for (auto& [k, v] : patch.items()) j["crypto"]["kdfparams"][k] = v;
        auto r = decryptKeystore(j, asView("pw"));
        QVERIFY(!r);
        CTRN_COMPARE_STR(r.error().message, message.toStdString());
    }
    void pbkdf2Bounds() {
        auto j = *encryptKeystore(testKey(), asView("pw"), {KeystoreKdf::Pbkdf2, 0, 0, 0, 2});
        j["crypto"]["kdfparams"]["c"] = 4000000000u;
        CTRN_COMPARE_STR(decryptKeystore(j, asView("pw")).error().message,
                         "keystore: pbkdf2 iteration count 4000000000 is above the limit of 10000000 (refusing a file "
                         "that would take too long)");
        j["crypto"]["kdfparams"]["c"] = 2;
        j["crypto"]["kdfparams"]["prf"] = "hmac-sha512";
        CTRN_COMPARE_STR(decryptKeystore(j, asView("pw")).error().message, "keystore: unsupported pbkdf2 prf 'hmac-sha512'");
        // The caller can tighten the limits (the fuzz target does).
        j["crypto"]["kdfparams"]["prf"] = "hmac-sha256";
        KdfLimits tight;
        tight.maxPbkdf2Iterations = 1;
        QVERIFY(!decryptKeystore(j, asView("pw"), tight));
        QVERIFY(decryptKeystore(j, asView("pw")).ok());
    }
    void malformedFiles_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("not JSON") << "{\"version\": 3," << "keystore: invalid JSON at byte 15: syntax error while parsing object key - unexpected end of input; expected string literal";
        QTest::newRow("array") << "[]" << "keystore: not a JSON object";
        QTest::newRow("no version") << "{}" << "keystore: missing field 'version'";
        QTest::newRow("version 1") << R"({"version": 1})" << "keystore: unsupported version 1";
        QTest::newRow("version string") << R"({"version": "3"})"
                                        << "keystore: field 'version' is not a non-negative integer below 2^64";
        QTest::newRow("no crypto") << R"({"version": 3})" << "keystore: missing field 'Crypto'";
        QTest::newRow("crypto not object") << R"({"version": 3, "crypto": 5})" << "keystore: 'crypto' is not an object";
    }
    void malformedFiles() {
        QFETCH(QString, json);
        QFETCH(QString, message);
        auto r = decryptKeystore(std::string_view(json.toStdString()), asView("pw"));
        QVERIFY(!r);
        CTRN_COMPARE_STR(r.error().message, message.toStdString());
    }
    void malformedFields() {
        auto j = lightKeystore("pw");
        auto patched = [&](auto edit) { Json copy = j; edit(copy["crypto"]); return decryptKeystore(copy, asView("pw")); };
        CTRN_COMPARE_STR(patched([](Json& c) { c["cipher"] = "aes-256-gcm"; }).error().message,
                         "keystore: unsupported cipher 'aes-256-gcm'");
        CTRN_COMPARE_STR(patched([](Json& c) { c["kdf"] = "argon2"; }).error().message, "keystore: unsupported kdf 'argon2'");
        CTRN_COMPARE_STR(patched([](Json& c) { c["cipherparams"]["iv"] = "00"; }).error().message,
                         "keystore: iv must be 16 bytes, got 1");
        CTRN_COMPARE_STR(patched([](Json& c) { c["mac"] = "zz"; }).error().message,
                         "keystore: field 'crypto.mac': invalid hex: character 'z' at position 0");
        CTRN_COMPARE_STR(patched([](Json& c) { c.erase("ciphertext"); }).error().message,
                         "keystore: missing field 'crypto.ciphertext'");
        CTRN_COMPARE_STR(patched([](Json& c) { c["kdfparams"].erase("salt"); }).error().message,
                         "keystore: missing field 'crypto.kdfparams.salt'");
        CTRN_COMPARE_STR(patched([](Json& c) { c["ciphertext"] = std::string(66, 'a'); }).error().message,
                         "keystore: ciphertext must be 1 to 32 bytes, got 33");
        // A flipped ciphertext bit fails the MAC: it reads as a wrong password.
        QCOMPARE(patched([](Json& c) {
                     auto t = c["ciphertext"].get<std::string>();
                     t[0] = t[0] == '0' ? '1' : '0';
                     c["ciphertext"] = t;
                 }).error().code,
                 ErrorCode::WrongPassword);
    }
    void safeFileWriterLeavesOnlyTheFile() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        std::string path = dir.filePath("UTC--key.json").toStdString();
        auto ks = lightKeystore("pw");
        QVERIFY(writeKeystoreFile(path, ks, testKey(), asView("pw")).ok());
        // Overwriting goes through the same path.
        QVERIFY(writeKeystoreFile(path, lightKeystore("pw"), testKey(), asView("pw")).ok());
        QDir d(dir.path());
        QCOMPARE(d.entryList(QDir::Files | QDir::Hidden | QDir::System), QStringList{"UTC--key.json"});
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(int(f.permissions() & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther)), 0);
        QByteArray content = f.readAll();
        std::string keyHex = toHex(testKey().bytes(), false);
        QVERIFY(!content.toLower().contains(QByteArray::fromStdString(keyHex)));
        QVERIFY(!content.contains(QByteArray::fromHex(QByteArray::fromStdString(keyHex))));
        QVERIFY(decryptKeystore(std::string_view(content.toStdString()), asView("pw")).ok());
    }
    void safeFileWriterRefusesAFileThatDoesNotOpen() {
        QTemporaryDir dir;
        std::string path = dir.filePath("key.json").toStdString();
        QVERIFY(writeKeystoreFile(path, lightKeystore("pw"), testKey(), asView("pw")).ok());
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QByteArray before = f.readAll();
        f.close();
        // The keystore was made with another password: the read-back check
        // fails and the existing file stays as it was.
        auto r = writeKeystoreFile(path, lightKeystore("other"), testKey(), asView("pw"));
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::VerificationFailed);
        CTRN_COMPARE_STR(r.error().message, "keystore: written file does not decrypt: wrong password");
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), before);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{"key.json"});
        // A directory that does not exist is an I/O error, not a crash.
        auto missing = writeKeystoreFile(dir.filePath("no/such/dir/key.json").toStdString(), lightKeystore("pw"),
                                         testKey(), asView("pw"));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::Io);
    }
};

std::unique_ptr<QObject> makeKeystoreTests() { return std::make_unique<TestKeystore>(); }

#include "tst_keystore.moc"
