// core/crypto secp256k1: key validation, public keys and addresses, the
// EIP-155 known signature, sign/verify/recover round trips (always low-s),
// strict vs lenient handling of high-s, and the BIP32 tweak steps.
#include "crypto_tests.h"

#include <core/crypto/random.h>
#include <core/crypto/secp256k1.h>
#include <core/util/hex.h>
#include <core/util/uint256.h>

#include <atomic>
#include <thread>
#include <vector>

using namespace ctrn;
using namespace ctrn::crypto;

namespace {

const char* kOrderHex = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141";

PrivateKey key(std::string_view hex) {
    auto k = PrivateKey::fromHex(hex);
    if (!k) qFatal("bad test key %s: %s", std::string(hex).c_str(), k.error().message.c_str());
    return *k;
}

Hash256 hash(std::string_view text) { return keccak256(asView(text)); }

// n - s, the high-s twin of a signature, with the recovery id flipped.
RecoverableSignature highSTwin(const RecoverableSignature& sig) {
    U256 n = *parseU256(std::string("0x") + kOrderHex);
    U256 s = *fromBigEndian(ByteView(sig).subspan(32, 32));
    auto twin = sig;
    auto sBytes = toBigEndian32(n - s);
    std::copy(sBytes.begin(), sBytes.end(), twin.begin() + 32);
    twin[64] = static_cast<std::uint8_t>(sig[64] ^ 1);
    return twin;
}

} // namespace

class TestSecp256k1 : public QObject {
    Q_OBJECT
private slots:
    void privateKeyValidation_data() {
        QTest::addColumn<QString>("hex");
        QTest::addColumn<QString>("message");
        QTest::newRow("zero") << QString(64, '0') << "private key: zero is not a valid key";
        QTest::newRow("order n") << QString(kOrderHex) << "private key: not below the secp256k1 curve order";
        QTest::newRow("all ff") << QString(64, 'f') << "private key: not below the secp256k1 curve order";
        QTest::newRow("31 bytes") << QString(62, '1') << "private key: expected 32 bytes, got 31";
        QTest::newRow("33 bytes") << QString(66, '1') << "private key: expected 32 bytes, got 33";
        QTest::newRow("odd hex") << "0xabc" << "private key: invalid hex: odd number of digits (3)";
        QTest::newRow("not hex") << "0xzz" << "private key: invalid hex: character 'z' at position 0";
    }
    void privateKeyValidation() {
        QFETCH(QString, hex);
        QFETCH(QString, message);
        auto k = PrivateKey::fromHex(hex.toStdString());
        QVERIFY(!k);
        CTRN_COMPARE_STR(k.error().message, message.toStdString());
    }
    void edgeKeysAreValid() {
        QVERIFY(PrivateKey::fromHex(QString(63, '0').append('1').toStdString()));
        QVERIFY(PrivateKey::fromHex("fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364140"));
    }
    void publicKeyAndAddressOfOne() {
        auto one = key("0x0000000000000000000000000000000000000000000000000000000000000001");
        auto pub = publicKeyOf(one);
        CTRN_COMPARE_STR(toHex(pub.compressed()),
                         "0x0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
        CTRN_COMPARE_STR(toHex(pub.uncompressed()),
                         "0x0479be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"
                         "483ada7726a3c4655da4fbfc0e1108a8fd17b448a68554199c47d08ffb10d4b8");
        CTRN_COMPARE_STR(toHex(addressOf(one)), "0x7e5f4552091a69125d5dfcb7b8c2659029395bdf");
        // Both encodings parse back to the same point.
        QVERIFY(*PublicKey::parse(pub.compressed()) == pub);
        QVERIFY(*PublicKey::parse(pub.uncompressed()) == pub);
        CTRN_COMPARE_STR(one.toHex().asString(), "0x0000000000000000000000000000000000000000000000000000000000000001");
    }
    void publicKeyParseErrors() {
        auto g = publicKeyOf(key("0x01" + std::string(62, '0'))).compressed();
        auto badPrefix = g;
        badPrefix[0] = 0x05;
        CTRN_COMPARE_STR(PublicKey::parse(badPrefix).error().message, "public key: invalid prefix 05");
        CTRN_COMPARE_STR(PublicKey::parse(ByteView(g).first(32)).error().message,
                         "public key: expected 33 or 65 bytes, got 32");
        // x = 7 has no point on secp256k1 (BIP32 vector 5 uses it).
        auto notOnCurve = *fromHex("020000000000000000000000000000000000000000000000000000000000000007");
        CTRN_COMPARE_STR(PublicKey::parse(notOnCurve).error().message, "public key: not a point on secp256k1");
    }
    void eip155KnownSignature() {
        auto v = loadVectors("eip155_example.json");
        auto k = key(v["privateKey"].get<std::string>());
        auto h = *fixedFromHex<32>(v["signingHash"].get<std::string>(), "hash");
        auto sig = signRecoverable(k, h);
        QVERIFY(sig);
        auto r = toBigEndian32(*parseU256(v["r"].get<std::string>()));
        auto s = toBigEndian32(*parseU256(v["s"].get<std::string>()));
        CTRN_COMPARE_STR(toHex(ByteView(*sig).first(32)), toHex(r));
        CTRN_COMPARE_STR(toHex(ByteView(*sig).subspan(32, 32)), toHex(s));
        // EIP-155: v = recid + 35 + 2 * chainId.
        QCOMPARE(int((*sig)[64]) + 35 + 2 * v["chainId"].get<int>(), v["v"].get<int>());
        auto recovered = recoverPublicKey(h, *sig);
        QVERIFY(recovered);
        CTRN_COMPARE_STR(toHex(addressOf(*recovered)), "0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f");
    }
    void signVerifyRecoverRoundTrips() {
        for (int i = 0; i < 64; ++i) {
            auto bytes = randomBytes(32);
            QVERIFY(bytes);
            auto k = PrivateKey::fromBytes(bytes->view());
            if (!k) continue; // ~2^-128: not a key
            auto h = hash("message " + std::to_string(i));
            auto sig = signRecoverable(*k, h);
            QVERIFY(sig);
            QVERIFY(isLowS(*sig));
            auto pub = publicKeyOf(*k);
            QVERIFY(verify(pub, h, *sig).ok());
            QVERIFY(verify(pub, h, ByteView(*sig).first(64)).ok());
            auto recovered = recoverPublicKey(h, *sig);
            QVERIFY(recovered);
            QVERIFY(*recovered == pub);
            // RFC 6979: the same key and hash always give the same signature.
            QCOMPARE(*signRecoverable(*k, h), *sig);
            // A different hash does not verify and recovers another key.
            auto other = hash("other " + std::to_string(i));
            CTRN_COMPARE_STR(verify(pub, other, *sig).error().message, "signature does not match");
            auto wrong = recoverPublicKey(other, *sig);
            QVERIFY(!wrong || !(*wrong == pub));
        }
    }
    void highSIsRejectedInStrictMode() {
        auto k = key("0x4646464646464646464646464646464646464646464646464646464646464646");
        auto h = hash("high s");
        auto sig = *signRecoverable(k, h);
        auto twin = highSTwin(sig);
        QVERIFY(!isLowS(twin));
        auto pub = publicKeyOf(k);
        auto strict = verify(pub, h, twin, SignatureCheck::Strict);
        QVERIFY(!strict);
        QCOMPARE(strict.error().code, ErrorCode::InvalidSignature);
        CTRN_COMPARE_STR(strict.error().message, "signature has high s");
        QVERIFY(verify(pub, h, twin, SignatureCheck::Lenient).ok());
        CTRN_COMPARE_STR(recoverPublicKey(h, twin, SignatureCheck::Strict).error().message, "signature has high s");
        auto lenient = recoverPublicKey(h, twin, SignatureCheck::Lenient);
        QVERIFY(lenient);
        QVERIFY(*lenient == pub);
    }
    void malformedSignatures() {
        auto k = key("0x4646464646464646464646464646464646464646464646464646464646464646");
        auto h = hash("x");
        auto sig = *signRecoverable(k, h);
        auto badV = sig;
        badV[64] = 2;
        CTRN_COMPARE_STR(recoverPublicKey(h, badV).error().message, "recovery id must be 0 or 1, got 2");
        CTRN_COMPARE_STR(recoverPublicKey(h, ByteView(sig).first(64)).error().message,
                         "invalid signature encoding: expected 65 bytes, got 64");
        auto bigR = sig;
        std::fill(bigR.begin(), bigR.begin() + 32, 0xff);
        CTRN_COMPARE_STR(verify(publicKeyOf(k), h, bigR).error().message,
                         "invalid signature encoding: r or s out of range");
        CTRN_COMPARE_STR(verify(publicKeyOf(k), h, ByteView(sig).first(10)).error().message,
                         "invalid signature encoding: expected 64 or 65 bytes, got 10");
    }
    void sharedContextIsSafeAcrossThreads() {
        // One process-wide context, used by several threads at once: after
        // randomization it is only read, which libsecp256k1 allows.
        auto k = key("0x4646464646464646464646464646464646464646464646464646464646464646");
        auto h = hash("threads");
        auto expected = *signRecoverable(k, h);
        std::atomic<int> mismatches{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&] {
                for (int i = 0; i < 50; ++i) {
                    auto sig = signRecoverable(k, h);
                    auto pub = recoverPublicKey(h, *sig);
                    if (!sig || *sig != expected || !pub || !(*pub == publicKeyOf(k))) ++mismatches;
                }
            });
        for (auto& t : threads) t.join();
        QCOMPARE(mismatches.load(), 0);
    }
    void tweakAddAgreesForPrivateAndPublic() {
        auto k = key("0x4646464646464646464646464646464646464646464646464646464646464646");
        auto tweak = keccak256(asView("tweak"));
        auto child = tweakAdd(k, tweak);
        QVERIFY(child);
        auto childPub = tweakAdd(publicKeyOf(k), tweak);
        QVERIFY(childPub);
        QVERIFY(publicKeyOf(*child) == *childPub);
        auto order = *fromHex(kOrderHex);
        QVERIFY(!tweakAdd(k, order));
        QVERIFY(!tweakAdd(publicKeyOf(k), order));
    }
};

std::unique_ptr<QObject> makeSecp256k1Tests() { return std::make_unique<TestSecp256k1>(); }

#include "tst_secp256k1.moc"
