// core/crypto BIP32/BIP44: the five BIP32 test vectors (private, public and
// hardened derivation, xprv/xpub both ways), every invalid key of vector 5
// rejected for its stated reason, and path parsing.
#include "crypto_tests.h"

#include <core/crypto/bip32.h>
#include <core/crypto/bip39.h>
#include <core/util/hex.h>

using namespace ctrn;
using namespace ctrn::crypto;

class TestBip32 : public QObject {
    Q_OBJECT
private slots:
    void testVectors() {
        auto vectors = loadVectors("bip32_vectors.json")["vectors"];
        QCOMPARE(vectors.size(), std::size_t(4)); // vector 5 is the invalid list
        int checked = 0;
        for (const auto& v : vectors) {
            auto master = masterKeyFromSeed(*fromHex(v["seed"].get<std::string>()));
            QVERIFY(master);
            for (const auto& chain : v["chains"]) {
                std::string pathText = chain["path"].get<std::string>();
                // The vectors write hardened as H; we accept ' h H.
                auto path = parseDerivationPath(pathText);
                QVERIFY2(path.ok(), pathText.c_str());
                auto key = derivePath(*master, *path);
                QVERIFY(key);
                CTRN_COMPARE_STR(toXprv(*key)->asString(), chain["xprv"].get<std::string>());
                CTRN_COMPARE_STR(toXpub(*key), chain["xpub"].get<std::string>());

                // Parsing gives back the same key.
                auto xprv = parseExtendedKey(chain["xprv"].get<std::string>());
                QVERIFY(xprv);
                QVERIFY(xprv->isPrivate());
                CTRN_COMPARE_STR(toXprv(*xprv)->asString(), chain["xprv"].get<std::string>());
                auto xpub = parseExtendedKey(chain["xpub"].get<std::string>());
                QVERIFY(xpub);
                QVERIFY(!xpub->isPrivate());
                CTRN_COMPARE_STR(toXpub(*xpub), chain["xpub"].get<std::string>());
                QVERIFY(!toXprv(*xpub));

                // A non-hardened child also follows from the parent's xpub alone.
                if (!path->indices.empty() && !(path->indices.back() & kHardened)) {
                    DerivationPath parentPath{{path->indices.begin(), path->indices.end() - 1}};
                    auto parent = derivePath(*master, parentPath);
                    QVERIFY(parent);
                    auto publicChild = deriveChild(parent->neutered(), path->indices.back());
                    QVERIFY(publicChild);
                    CTRN_COMPARE_STR(toXpub(*publicChild), chain["xpub"].get<std::string>());
                }
                ++checked;
            }
        }
        QCOMPARE(checked, 6 + 6 + 2 + 3);
    }
    void invalidKeysOfVector5() {
        auto invalid = loadVectors("bip32_vectors.json")["invalid"];
        QCOMPARE(invalid.size(), std::size_t(16));
        for (const auto& v : invalid) {
            std::string reason = v["reason"].get<std::string>();
            auto parsed = parseExtendedKey(v["key"].get<std::string>());
            QVERIFY2(!parsed, reason.c_str());
            CTRN_COMPARE_STR(parsed.error().message,
                             "invalid extended key: " + (reason == "private key n not in 1..n-1"
                                                             ? std::string("private key n not in 1..n-1 (it is >= n)")
                                                             : reason));
        }
    }
    void strayCharactersAreRejected() {
        // Found by fuzz_bip32: Botan's Base58 decoder skips whitespace.
        std::string xprv = loadVectors("bip32_vectors.json")["vectors"][0]["chains"][0]["xprv"].get<std::string>();
        for (const std::string& bad : {" " + xprv, xprv + "\n", xprv.substr(0, 10) + " " + xprv.substr(10), std::string()})
            CTRN_COMPARE_STR(parseExtendedKey(bad).error().message, "invalid extended key: not Base58");
        CTRN_COMPARE_STR(parseExtendedKey("xprv0").error().message, "invalid extended key: not Base58");
        CTRN_COMPARE_STR(parseExtendedKey("xprv1").error().message, "invalid extended key: expected 82 bytes, got 4");
    }
    void hardenedNeedsPrivateKey() {
        auto master = *masterKeyFromSeed(*fromHex("000102030405060708090a0b0c0d0e0f"));
        auto r = deriveChild(master.neutered(), 0 | kHardened);
        QVERIFY(!r);
        CTRN_COMPARE_STR(r.error().message, "bip32: hardened child 0' needs a private key");
        CTRN_COMPARE_STR(masterKeyFromSeed(Bytes(15, 1)).error().message, "seed: expected 16 to 64 bytes, got 15");
        CTRN_COMPARE_STR(masterKeyFromSeed(Bytes(65, 1)).error().message, "seed: expected 16 to 64 bytes, got 65");
    }
    void pathParsing_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected"); // normalized form, or the error message
        QTest::addColumn<bool>("ok");
        QTest::newRow("root") << "m" << "m" << true;
        QTest::newRow("bip44 quote") << "m/44'/60'/0'/0/0" << "m/44'/60'/0'/0/0" << true;
        QTest::newRow("bip44 h") << "m/44h/60h/0h/0/7" << "m/44'/60'/0'/0/7" << true;
        QTest::newRow("H") << "m/0H/1" << "m/0'/1" << true;
        QTest::newRow("max") << "m/2147483647'" << "m/2147483647'" << true;
        QTest::newRow("no m") << "44'/60'" << "invalid path '44'/60'': must start with 'm'" << false;
        QTest::newRow("empty") << "" << "invalid path '': must start with 'm'" << false;
        QTest::newRow("trailing slash") << "m/0/" << "invalid path 'm/0/': bad index '' at level 2" << false;
        QTest::newRow("letters") << "m/x" << "invalid path 'm/x': bad index 'x' at level 1" << false;
        QTest::newRow("negative") << "m/-1" << "invalid path 'm/-1': bad index '-1' at level 1" << false;
        QTest::newRow("2^31") << "m/2147483648" << "invalid path 'm/2147483648': index 2147483648 at level 1 is not below 2^31" << false;
        QTest::newRow("huge") << "m/99999999999" << "invalid path 'm/99999999999': index 99999999999 at level 1 is not below 2^31" << false;
        QTest::newRow("double quote") << "m/0''" << "invalid path 'm/0''': bad index '0'' at level 1" << false;
        QTest::newRow("no slash") << "m0" << "invalid path 'm0': expected '/' after level 0" << false;
    }
    void pathParsing() {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QFETCH(bool, ok);
        auto path = parseDerivationPath(text.toStdString());
        QCOMPARE(path.ok(), ok);
        if (ok) CTRN_COMPARE_STR(path->toString(), expected.toStdString());
        else CTRN_COMPARE_STR(path.error().message, expected.toStdString());
    }
    void bip44Ethereum() {
        CTRN_COMPARE_STR(bip44EthereumPath(3).toString(), "m/44'/60'/0'/0/3");
        QCOMPARE(bip44EthereumPath(0).indices, parseDerivationPath("m/44'/60'/0'/0/0")->indices);
        // anvil's and hardhat's default mnemonic and its well-known accounts.
        auto seed = mnemonicToSeed("test test test test test test test test test test test junk");
        auto master = masterKeyFromSeed(seed->view());
        QVERIFY(master);
        auto first = derivePath(*master, bip44EthereumPath(0));
        QVERIFY(first);
        CTRN_COMPARE_STR(toHex(addressOf(*first->privateKey)), "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");
        CTRN_COMPARE_STR(toHex(first->privateKey->bytes()),
                         "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        auto second = derivePath(*master, bip44EthereumPath(1));
        CTRN_COMPARE_STR(toHex(addressOf(second->publicKey)), "0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    }
};

std::unique_ptr<QObject> makeBip32Tests() { return std::make_unique<TestBip32>(); }

#include "tst_bip32.moc"
