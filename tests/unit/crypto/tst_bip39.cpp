// core/crypto BIP39: the trezor/python-mnemonic vectors (English both ways,
// Japanese seeds through NFKD), validation messages, generation and the
// compiled-in word list.
#include "crypto_tests.h"

#include <core/crypto/bip32.h>
#include <core/crypto/bip39.h>
#include <core/crypto/unicode.h>
#include <core/util/hex.h>

#include <fstream>
#include <set>

using namespace ctrn;
using namespace ctrn::crypto;

class TestBip39 : public QObject {
    Q_OBJECT
private slots:
    void wordListMatchesTheBip() {
        // The list compiled into the library is the published one, in order.
        std::ifstream in(std::string(CTRN_VECTORS_DIR) + "/bip39_english.txt");
        std::string word;
        std::size_t i = 0;
        const auto& words = bip39EnglishWords();
        while (std::getline(in, word)) {
            QVERIFY(i < words.size());
            CTRN_COMPARE_STR(words[i], word);
            QCOMPARE(*bip39WordIndex(word), i);
            ++i;
        }
        QCOMPARE(i, std::size_t(2048));
        QVERIFY(!bip39WordIndex("xyz"));
    }
    void englishVectors() {
        auto vectors = loadVectors("bip39_vectors.json")["english"];
        QCOMPARE(vectors.size(), std::size_t(24));
        for (const auto& v : vectors) {
            auto entropy = *fromHex(v[0].get<std::string>());
            std::string mnemonic = v[1].get<std::string>();
            auto words = entropyToMnemonic(entropy);
            QVERIFY(words);
            CTRN_COMPARE_STR(words->asString(), mnemonic);
            auto back = mnemonicToEntropy(mnemonic);
            QVERIFY(back);
            CTRN_COMPARE_STR(toHex(back->view()), toHex(entropy));
            auto seed = mnemonicToSeed(mnemonic, "TREZOR");
            QVERIFY(seed);
            CTRN_COMPARE_STR(toHex(seed->view(), false), v[2].get<std::string>());
            // The vectors also give the BIP32 master key of that seed.
            auto master = masterKeyFromSeed(seed->view());
            QVERIFY(master);
            CTRN_COMPARE_STR(toXprv(*master)->asString(), v[3].get<std::string>());
        }
    }
    void japaneseSeedsUseNfkd() {
        auto vectors = loadVectors("bip39_vectors.json")["japanese"];
        QCOMPARE(vectors.size(), std::size_t(24));
        for (const auto& v : vectors) {
            // The phrases use U+3000 between words and composed kana; only
            // after NFKD do they hash to the published seed.
            std::string phrase = v[1].get<std::string>();
            QVERIFY(nfkd(phrase)->asString() != phrase);
            auto seed = mnemonicToSeed(phrase, "TREZOR");
            QVERIFY(seed);
            CTRN_COMPARE_STR(toHex(seed->view(), false), v[2].get<std::string>());
        }
    }
    void japanesePassphraseIsNormalizedToo() {
        // Derived: python3 hashlib.pbkdf2_hmac over unicodedata NFKD of the
        // first Japanese phrase and this passphrase (the bip32JP test vector).
        std::string phrase = loadVectors("bip39_vectors.json")["japanese"][0][1].get<std::string>();
        auto seed = mnemonicToSeed(phrase, "㍍ガバヴァぱばぐゞちぢ十人十色");
        QVERIFY(seed);
        CTRN_COMPARE_STR(toHex(seed->view(), false),
                         "a262d6fb6122ecf45be09c50492b31f92e9beb7d9a845987a02cefda57a15f9c"
                         "467a17872029a9e92299b5cbdf306e3a0ee620245cbd508959b6cb7ca637bd55");
        // Composed and decomposed spellings of a passphrase are the same wallet.
        auto composed = mnemonicToSeed("abandon", "caf\u00e9");
        auto decomposed = mnemonicToSeed("abandon", "cafe\u0301");
        QVERIFY(composed && decomposed);
        QCOMPARE(toHex(composed->view()), toHex(decomposed->view()));
    }
    void validationNamesTheProblem_data() {
        QTest::addColumn<QString>("mnemonic");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        const QString abandon11 = QString("abandon ").repeated(11);
        QTest::newRow("unknown word") << "abandon abandon abandon abandon xyz abandon abandon abandon abandon abandon abandon about"
                                      << int(ErrorCode::InvalidInput) << "unknown word 'xyz' at position 5";
        QTest::newRow("bad checksum") << abandon11 + "abandon" << int(ErrorCode::InvalidChecksum) << "bad checksum";
        QTest::newRow("11 words") << QString("abandon ").repeated(10) + "about" << int(ErrorCode::InvalidInput)
                                  << "expected 12, 15, 18, 21 or 24 words, got 11";
        QTest::newRow("empty") << "" << int(ErrorCode::InvalidInput) << "expected 12, 15, 18, 21 or 24 words, got 0";
        QTest::newRow("upper case is not in the list") << abandon11 + "About" << int(ErrorCode::InvalidInput)
                                                       << "unknown word 'About' at position 12";
    }
    void validationNamesTheProblem() {
        QFETCH(QString, mnemonic);
        QFETCH(int, code);
        QFETCH(QString, message);
        auto status = validateMnemonic(mnemonic.toStdString());
        QVERIFY(!status);
        QCOMPARE(int(status.error().code), code);
        CTRN_COMPARE_STR(status.error().message, message.toStdString());
    }
    void extraWhitespaceIsAccepted() {
        QVERIFY(validateMnemonic("  abandon abandon\tabandon abandon abandon abandon abandon abandon abandon abandon "
                                 "abandon\n about\n")
                    .ok());
    }
    void entropyLengths() {
        for (std::size_t n : {15u, 33u, 0u, 17u}) {
            Bytes e(n, 0x11);
            auto m = entropyToMnemonic(e);
            QVERIFY(!m);
            CTRN_COMPARE_STR(m.error().message,
                             "entropy: expected 16, 20, 24, 28 or 32 bytes, got " + std::to_string(n));
        }
    }
    void generatedMnemonicsAreValidAndDistinct() {
        std::set<std::string> seen;
        for (std::size_t words : {12u, 15u, 18u, 21u, 24u}) {
            auto m = generateMnemonic(words);
            QVERIFY(m);
            QVERIFY(validateMnemonic(m->asString()).ok());
            QCOMPARE(std::size_t(std::count(m->asString().begin(), m->asString().end(), ' ')) + 1, words);
            QVERIFY(seen.insert(std::string(m->asString())).second);
        }
        QVERIFY(!generateMnemonic(13));
    }
};

std::unique_ptr<QObject> makeBip39Tests() { return std::make_unique<TestBip39>(); }

#include "tst_bip39.moc"
