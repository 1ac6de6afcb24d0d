#include <core/crypto/bip32.h>

#include <core/util/hex.h>

#include <botan/base58.h>
#include <botan/hash.h>
#include <botan/mac.h>

#include <algorithm>
#include <charconv>
#include <exception>
#include <string>

namespace ctrn::crypto {
namespace {

constexpr std::uint32_t kVersionXprv = 0x0488ADE4u;
constexpr std::uint32_t kVersionXpub = 0x0488B21Eu;

void putU32(SecureBytes& out, std::uint32_t v) {
    std::uint8_t b[4] = {static_cast<std::uint8_t>(v >> 24), static_cast<std::uint8_t>(v >> 16),
                         static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v)};
    out.append(ByteView(b, 4));
}

std::uint32_t getU32(const std::uint8_t* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]};
}

SecureBytes hmacSha512(ByteView key, ByteView data) {
    auto mac = Botan::MessageAuthenticationCode::create_or_throw("HMAC(SHA-512)");
    mac->set_key(key.data(), key.size());
    mac->update(data.data(), data.size());
    SecureBytes out(64);
    mac->final(out.data());
    return out;
}

Bytes doubleSha256(ByteView data) {
    auto sha = Botan::HashFunction::create_or_throw("SHA-256");
    sha->update(data.data(), data.size());
    auto first = sha->final();
    sha->update(first.data(), first.size());
    auto second = sha->final();
    return Bytes(second.begin(), second.end());
}

// 78-byte payload: version, depth, parent fingerprint, child number,
// chain code, key data (0x00 || private key, or the compressed public key).
SecureBytes serialize(const ExtendedKey& key, bool asPrivate) {
    SecureBytes out;
    putU32(out, asPrivate ? kVersionXprv : kVersionXpub);
    out.append(ByteView(&key.depth, 1));
    out.append(key.parentFingerprint);
    putU32(out, key.childNumber);
    out.append(key.chainCode.view());
    if (asPrivate) {
        std::uint8_t zero = 0;
        out.append(ByteView(&zero, 1));
        out.append(key.privateKey->bytes());
    } else {
        out.append(key.publicKey.compressed());
    }
    return out;
}

std::string base58Check(const SecureBytes& payload) {
    SecureBytes full(payload.view());
    auto check = doubleSha256(payload.view());
    full.append(ByteView(check.data(), 4));
    return Botan::base58_encode(full.data(), full.size());
}

Error invalidKey(const std::string& why) { return makeError(ErrorCode::InvalidKey, "invalid extended key: " + why); }

} // namespace

// --- paths -----------------------------------------------------------------------

std::string DerivationPath::toString() const {
    std::string out = "m";
    for (auto i : indices) {
        out += '/';
        out += std::to_string(i & ~kHardened);
        if (i & kHardened) out += '\'';
    }
    return out;
}

Result<DerivationPath> parseDerivationPath(std::string_view text) {
    if (text.empty() || text[0] != 'm')
        return makeError(ErrorCode::InvalidInput, "invalid path '" + std::string(text) + "': must start with 'm'");
    DerivationPath path;
    std::string_view rest = text.substr(1);
    std::size_t level = 0;
    while (!rest.empty()) {
        ++level;
        if (rest[0] != '/')
            return makeError(ErrorCode::InvalidInput, "invalid path '" + std::string(text) + "': expected '/' after level " +
                                                          std::to_string(level - 1));
        rest.remove_prefix(1);
        std::size_t end = rest.find('/');
        std::string_view part = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end);
        bool hardened = false;
        if (!part.empty() && (part.back() == '\'' || part.back() == 'h' || part.back() == 'H')) {
            hardened = true;
            part.remove_suffix(1);
        }
        std::uint32_t value = 0;
        auto [ptr, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
        if (part.empty() || ec == std::errc::invalid_argument || ptr != part.data() + part.size())
            return makeError(ErrorCode::InvalidInput, "invalid path '" + std::string(text) + "': bad index '" +
                                                          std::string(part) + "' at level " + std::to_string(level));
        if (ec == std::errc::result_out_of_range || value >= kHardened)
            return makeError(ErrorCode::InvalidInput, "invalid path '" + std::string(text) + "': index " +
                                                          std::string(part) + " at level " + std::to_string(level) +
                                                          " is not below 2^31");
        path.indices.push_back(hardened ? (value | kHardened) : value);
    }
    return path;
}

DerivationPath bip44EthereumPath(std::uint32_t index) {
    return DerivationPath{{44 | kHardened, 60 | kHardened, 0 | kHardened, 0, index}};
}

// --- keys ------------------------------------------------------------------------

FixedBytes<4> ExtendedKey::fingerprint() const {
    auto compressedKey = publicKey.compressed();
    auto sha = Botan::HashFunction::create_or_throw("SHA-256");
    auto ripemd = Botan::HashFunction::create_or_throw("RIPEMD-160");
    auto h1 = sha->process(compressedKey.data(), compressedKey.size());
    auto h2 = ripemd->process(h1);
    return toFixed<4>(ByteView(h2.data(), h2.size()));
}

ExtendedKey ExtendedKey::neutered() const {
    ExtendedKey out{depth, parentFingerprint, childNumber, chainCode, std::nullopt, publicKey};
    return out;
}

Result<ExtendedKey> masterKeyFromSeed(ByteView seed) {
    if (seed.size() < 16 || seed.size() > 64)
        return makeError(ErrorCode::InvalidInput, "seed: expected 16 to 64 bytes, got " + std::to_string(seed.size()));
    try {
        auto i = hmacSha512(asView("Bitcoin seed"), seed);
        auto key = PrivateKey::fromBytes(ByteView(i.data(), 32));
        // Probability below 2^-127; BIP32 says such a seed is unusable.
        if (!key) return makeError(ErrorCode::InvalidKey, "seed gives an invalid master key");
        PublicKey pub = publicKeyOf(*key);
        return ExtendedKey{0, {}, 0, SecureBytes(ByteView(i.data() + 32, 32)), std::move(*key), pub};
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Internal, std::string("bip32: ") + e.what());
    }
}

Result<ExtendedKey> deriveChild(const ExtendedKey& parent, std::uint32_t index) {
    if (parent.depth == 255) return makeError(ErrorCode::InvalidInput, "bip32: depth limit 255 reached");
    bool hardened = (index & kHardened) != 0;
    if (hardened && !parent.isPrivate())
        return makeError(ErrorCode::InvalidInput, "bip32: hardened child " + std::to_string(index & ~kHardened) +
                                                      "' needs a private key");
    try {
        SecureBytes data;
        if (hardened) {
            std::uint8_t zero = 0;
            data.append(ByteView(&zero, 1));
            data.append(parent.privateKey->bytes());
        } else {
            data.append(parent.publicKey.compressed());
        }
        putU32(data, index);
        auto i = hmacSha512(parent.chainCode.view(), data.view());
        ByteView tweak(i.data(), 32);
        ExtendedKey child{static_cast<std::uint8_t>(parent.depth + 1), parent.fingerprint(), index,
                          SecureBytes(ByteView(i.data() + 32, 32)), std::nullopt, parent.publicKey};
        // An out-of-range tweak or a zero result (probability ~2^-127) makes
        // this index invalid; BIP32 says to use the next one, so we report it.
        if (parent.isPrivate()) {
            auto key = tweakAdd(*parent.privateKey, tweak);
            if (!key) return makeError(ErrorCode::InvalidKey, "bip32: child " + std::to_string(index) + " is invalid; use the next index");
            child.publicKey = publicKeyOf(*key);
            child.privateKey = std::move(*key);
        } else {
            auto pub = tweakAdd(parent.publicKey, tweak);
            if (!pub) return makeError(ErrorCode::InvalidKey, "bip32: child " + std::to_string(index) + " is invalid; use the next index");
            child.publicKey = *pub;
        }
        return child;
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Internal, std::string("bip32: ") + e.what());
    }
}

Result<ExtendedKey> derivePath(const ExtendedKey& root, const DerivationPath& path) {
    ExtendedKey key = root;
    for (auto index : path.indices) {
        CTRN_ASSIGN(key, deriveChild(key, index));
    }
    return key;
}

// --- serialization -----------------------------------------------------------------

Result<SecureString> toXprv(const ExtendedKey& key) {
    if (!key.isPrivate()) return makeError(ErrorCode::InvalidInput, "bip32: a public key has no xprv");
    try {
        std::string text = base58Check(serialize(key, true));
        SecureString out(asView(text));
        secureWipe(text.data(), text.size());
        return out;
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Internal, std::string("bip32: ") + e.what());
    }
}

std::string toXpub(const ExtendedKey& key) { return base58Check(serialize(key, false)); }

Result<ExtendedKey> parseExtendedKey(std::string_view text) {
    // Botan's decoder skips whitespace; an extended key with stray spaces is
    // not what the user meant to paste, so only the alphabet is accepted.
    static constexpr std::string_view kAlphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    if (text.empty() || text.find_first_not_of(kAlphabet) != std::string_view::npos) return invalidKey("not Base58");
    SecureBytes raw;
    try {
        auto decoded = Botan::base58_decode(text.data(), text.size());
        raw = SecureBytes(ByteView(decoded.data(), decoded.size()));
        secureWipe(decoded.data(), decoded.size()); // an xprv holds the private key
    } catch (const std::exception&) {
        return invalidKey("not Base58");
    }
    if (raw.size() != 82) return invalidKey("expected 82 bytes, got " + std::to_string(raw.size()));
    auto check = doubleSha256(ByteView(raw.data(), 78));
    if (!constantTimeEqual(ByteView(check.data(), 4), ByteView(raw.data() + 78, 4)))
        return makeError(ErrorCode::InvalidChecksum, "invalid extended key: invalid checksum");

    const std::uint8_t* p = raw.data();
    std::uint32_t version = getU32(p);
    if (version != kVersionXprv && version != kVersionXpub) return invalidKey("unknown extended key version");
    bool isPrivate = version == kVersionXprv;
    std::uint8_t depth = p[4];
    auto fingerprint = toFixed<4>(ByteView(p + 5, 4));
    std::uint32_t childNumber = getU32(p + 9);
    ByteView keyData(p + 45, 33);
    if (depth == 0 && fingerprint != FixedBytes<4>{})
        return invalidKey("zero depth with non-zero parent fingerprint");
    if (depth == 0 && childNumber != 0) return invalidKey("zero depth with non-zero index");

    std::optional<PrivateKey> privateKey;
    std::optional<PublicKey> publicKey;
    if (isPrivate) {
        if (keyData[0] == 0x02 || keyData[0] == 0x03) return invalidKey("prvkey version / pubkey mismatch");
        if (keyData[0] != 0x00) return invalidKey("invalid prvkey prefix " + toHex(keyData.first(1), false));
        auto key = PrivateKey::fromBytes(keyData.subspan(1));
        if (!key) {
            // Name the value the way BIP32's test vector 5 does.
            bool zero = std::all_of(keyData.begin() + 1, keyData.end(), [](std::uint8_t b) { return b == 0; });
            return invalidKey(zero ? "private key 0 not in 1..n-1" : "private key n not in 1..n-1 (it is >= n)");
        }
        publicKey = publicKeyOf(*key);
        privateKey = std::move(*key);
    } else {
        if (keyData[0] == 0x00) return invalidKey("pubkey version / prvkey mismatch");
        if (keyData[0] != 0x02 && keyData[0] != 0x03)
            return invalidKey("invalid pubkey prefix " + toHex(keyData.first(1), false));
        auto pub = PublicKey::parse(keyData);
        if (!pub) return invalidKey("invalid pubkey " + toHex(keyData, false));
        publicKey = *pub;
    }
    ExtendedKey out{depth, fingerprint, childNumber, SecureBytes(ByteView(p + 13, 32)), std::move(privateKey), *publicKey};
    return out;
}

} // namespace ctrn::crypto
