#include <core/crypto/secp256k1.h>

#include <core/crypto/random.h>
#include <core/util/hex.h>

#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include <string>

namespace ctrn::crypto {

// Grants this file access to PublicKey's private constructor without making
// it public to callers (a PublicKey is always a validated point).
class Secp256k1Access {
public:
    static PublicKey make(const UncompressedPublicKey& u) { return PublicKey(u); }
};

namespace {

// One context for the whole process. Creation and randomization happen once
// under the static-initialisation guard; afterwards the context is only read,
// which libsecp256k1 documents as safe from any number of threads.
const secp256k1_context* context() {
    static secp256k1_context* ctx = [] {
        secp256k1_context* c = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
        // Randomization blinds the signing computations against side
        // channels. If the kernel cannot give us 32 bytes we keep the
        // unblinded (still correct) context: signing stays deterministic.
        auto seed = randomBytes(32);
        if (seed) {
            [[maybe_unused]] int ok = secp256k1_context_randomize(c, seed->data());
        }
        return c;
    }();
    return ctx;
}

Result<secp256k1_pubkey> toLib(const PublicKey& key) {
    secp256k1_pubkey pk;
    const auto& u = key.uncompressed();
    if (!secp256k1_ec_pubkey_parse(context(), &pk, u.data(), u.size()))
        return makeError(ErrorCode::InvalidKey, "public key: not a point on secp256k1");
    return pk;
}

PublicKey fromLib(const secp256k1_pubkey& pk) {
    UncompressedPublicKey u{};
    std::size_t len = u.size();
    secp256k1_ec_pubkey_serialize(context(), u.data(), &len, &pk, SECP256K1_EC_UNCOMPRESSED);
    return Secp256k1Access::make(u);
}

Result<secp256k1_ecdsa_signature> parseCompact(ByteView signature) {
    if (signature.size() != 64 && signature.size() != 65)
        return makeError(ErrorCode::InvalidSignature, "invalid signature encoding: expected 64 or 65 bytes, got " +
                                                          std::to_string(signature.size()));
    secp256k1_ecdsa_signature sig;
    // Fails when r or s is not below the curve order.
    if (!secp256k1_ecdsa_signature_parse_compact(context(), &sig, signature.data()))
        return makeError(ErrorCode::InvalidSignature, "invalid signature encoding: r or s out of range");
    return sig;
}

} // namespace

// --- PrivateKey --------------------------------------------------------------

Result<PrivateKey> PrivateKey::fromBytes(ByteView bytes) {
    if (bytes.size() != 32)
        return makeError(ErrorCode::InvalidKey,
                         "private key: expected 32 bytes, got " + std::to_string(bytes.size()));
    bool zero = true;
    for (auto b : bytes) zero &= (b == 0);
    if (zero) return makeError(ErrorCode::InvalidKey, "private key: zero is not a valid key");
    if (!secp256k1_ec_seckey_verify(context(), bytes.data()))
        return makeError(ErrorCode::InvalidKey, "private key: not below the secp256k1 curve order");
    return PrivateKey(SecureBytes(bytes));
}

Result<PrivateKey> PrivateKey::fromHex(std::string_view hex) {
    auto decoded = ctrn::fromHex(hex);
    if (!decoded) return makeError(ErrorCode::InvalidInput, "private key: " + decoded.error().message);
    auto key = fromBytes(*decoded);
    secureWipe(decoded->data(), decoded->size());
    return key;
}

SecureString PrivateKey::toHex() const {
    static constexpr char digits[] = "0123456789abcdef";
    SecureString out(2 + 2 * m_bytes.size());
    out[0] = '0';
    out[1] = 'x';
    for (std::size_t i = 0; i < m_bytes.size(); ++i) {
        out[2 + 2 * i] = static_cast<std::uint8_t>(digits[m_bytes[i] >> 4]);
        out[3 + 2 * i] = static_cast<std::uint8_t>(digits[m_bytes[i] & 0x0f]);
    }
    return out;
}

// --- PublicKey ---------------------------------------------------------------

Result<PublicKey> PublicKey::parse(ByteView bytes) {
    if (bytes.size() != 33 && bytes.size() != 65)
        return makeError(ErrorCode::InvalidKey,
                         "public key: expected 33 or 65 bytes, got " + std::to_string(bytes.size()));
    if ((bytes.size() == 33 && bytes[0] != 0x02 && bytes[0] != 0x03) || (bytes.size() == 65 && bytes[0] != 0x04))
        return makeError(ErrorCode::InvalidKey, "public key: invalid prefix " + toHex(bytes.first(1), false));
    secp256k1_pubkey pk;
    if (!secp256k1_ec_pubkey_parse(context(), &pk, bytes.data(), bytes.size()))
        return makeError(ErrorCode::InvalidKey, "public key: not a point on secp256k1");
    return fromLib(pk);
}

CompressedPublicKey PublicKey::compressed() const {
    CompressedPublicKey out{};
    out[0] = static_cast<std::uint8_t>((m_uncompressed[64] & 1) ? 0x03 : 0x02);
    std::copy_n(m_uncompressed.begin() + 1, 32, out.begin() + 1);
    return out;
}

PublicKey publicKeyOf(const PrivateKey& key) {
    secp256k1_pubkey pk;
    // Cannot fail: the key was validated when the PrivateKey was built.
    [[maybe_unused]] int ok = secp256k1_ec_pubkey_create(context(), &pk, key.bytes().data());
    return fromLib(pk);
}

AddressBytes addressOf(const PublicKey& key) {
    auto hash = keccak256(ByteView(key.uncompressed()).subspan(1));
    return toFixed<20>(ByteView(hash).subspan(12));
}

AddressBytes addressOf(const PrivateKey& key) { return addressOf(publicKeyOf(key)); }

// --- ECDSA ---------------------------------------------------------------------

Result<RecoverableSignature> signRecoverable(const PrivateKey& key, const Hash256& hash) {
    secp256k1_ecdsa_recoverable_signature sig;
    // A null nonce function selects RFC 6979; libsecp256k1 always produces
    // low-s signatures, so no normalisation step is needed.
    if (!secp256k1_ecdsa_sign_recoverable(context(), &sig, hash.data(), key.bytes().data(), nullptr, nullptr))
        return makeError(ErrorCode::Internal, "signing failed");
    RecoverableSignature out{};
    int recid = 0;
    secp256k1_ecdsa_recoverable_signature_serialize_compact(context(), out.data(), &recid, &sig);
    out[64] = static_cast<std::uint8_t>(recid);
    return out;
}

bool isLowS(ByteView signature) {
    auto sig = parseCompact(signature);
    if (!sig) return false;
    // normalize returns 1 exactly when the input had a high s.
    return secp256k1_ecdsa_signature_normalize(context(), nullptr, &*sig) == 0;
}

Status verify(const PublicKey& key, const Hash256& hash, ByteView signature, SignatureCheck check) {
    CTRN_ASSIGN(auto sig, parseCompact(signature));
    bool highS = secp256k1_ecdsa_signature_normalize(context(), &sig, &sig) == 1;
    if (highS && check == SignatureCheck::Strict)
        return makeError(ErrorCode::InvalidSignature, "signature has high s");
    CTRN_ASSIGN(auto pk, toLib(key));
    if (!secp256k1_ecdsa_verify(context(), &sig, hash.data(), &pk))
        return makeError(ErrorCode::InvalidSignature, "signature does not match");
    return Ok{};
}

Result<PublicKey> recoverPublicKey(const Hash256& hash, ByteView signature, SignatureCheck check) {
    if (signature.size() != 65)
        return makeError(ErrorCode::InvalidSignature,
                         "invalid signature encoding: expected 65 bytes, got " + std::to_string(signature.size()));
    CTRN_ASSIGN(auto plain, parseCompact(signature.first(64)));
    if (check == SignatureCheck::Strict && secp256k1_ecdsa_signature_normalize(context(), nullptr, &plain) == 1)
        return makeError(ErrorCode::InvalidSignature, "signature has high s");
    int recid = signature[64];
    if (recid > 1)
        return makeError(ErrorCode::InvalidSignature, "recovery id must be 0 or 1, got " + std::to_string(recid));
    secp256k1_ecdsa_recoverable_signature sig;
    if (!secp256k1_ecdsa_recoverable_signature_parse_compact(context(), &sig, signature.data(), recid))
        return makeError(ErrorCode::InvalidSignature, "invalid signature encoding: r or s out of range");
    secp256k1_pubkey pk;
    if (!secp256k1_ecdsa_recover(context(), &pk, &sig, hash.data()))
        return makeError(ErrorCode::InvalidSignature, "signature does not recover to a public key");
    return fromLib(pk);
}

// --- BIP32 tweaks --------------------------------------------------------------

Result<PrivateKey> tweakAdd(const PrivateKey& key, ByteView tweak32) {
    if (tweak32.size() != 32) return makeError(ErrorCode::InvalidInput, "tweak: expected 32 bytes");
    SecureBytes out(key.bytes());
    if (!secp256k1_ec_seckey_tweak_add(context(), out.data(), tweak32.data()))
        return makeError(ErrorCode::InvalidKey, "tweak is not below the curve order or gives a zero key");
    return PrivateKey::fromBytes(out.view());
}

Result<PublicKey> tweakAdd(const PublicKey& key, ByteView tweak32) {
    if (tweak32.size() != 32) return makeError(ErrorCode::InvalidInput, "tweak: expected 32 bytes");
    CTRN_ASSIGN(auto pk, toLib(key));
    if (!secp256k1_ec_pubkey_tweak_add(context(), &pk, tweak32.data()))
        return makeError(ErrorCode::InvalidKey, "tweak is not below the curve order or gives the point at infinity");
    return fromLib(pk);
}

} // namespace ctrn::crypto
