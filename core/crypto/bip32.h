// BIP32 hierarchical deterministic keys and the BIP44 Ethereum path: master
// key from a seed, private/public/hardened child derivation, path parsing,
// xprv/xpub (mainnet version bytes, Base58Check) encoding and strict parsing.
#pragma once

#include <core/crypto/secp256k1.h>
#include <core/util/bytes.h>
#include <core/util/result.h>
#include <core/util/secure_buffer.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ctrn::crypto {

inline constexpr std::uint32_t kHardened = 0x80000000u;

struct DerivationPath {
    std::vector<std::uint32_t> indices; // hardened ones have kHardened set

    // "m/44'/60'/0'/0/0" (hardened shown with ').
    std::string toString() const;
};

// Parses "m", "m/0", "m/44'/60'/0'/0/0" or with 'h'/'H' for hardened.
// Each index must be a decimal below 2^31.
Result<DerivationPath> parseDerivationPath(std::string_view text);

// m/44'/60'/0'/0/index, the path wallets use for Ethereum account `index`.
DerivationPath bip44EthereumPath(std::uint32_t index);

struct ExtendedKey {
    std::uint8_t depth = 0;
    FixedBytes<4> parentFingerprint{};
    std::uint32_t childNumber = 0;
    SecureBytes chainCode;                 // 32 bytes; secret enough to wipe
    std::optional<PrivateKey> privateKey;  // absent for a public (xpub) key
    PublicKey publicKey;

    bool isPrivate() const { return privateKey.has_value(); }
    // First 4 bytes of HASH160(compressed public key).
    FixedBytes<4> fingerprint() const;
    // The same key without its private part.
    ExtendedKey neutered() const;
};

// Master key from a 16..64-byte seed (HMAC-SHA512 keyed "Bitcoin seed").
Result<ExtendedKey> masterKeyFromSeed(ByteView seed);

// Child `index` (hardened when index >= kHardened; needs a private key).
Result<ExtendedKey> deriveChild(const ExtendedKey& parent, std::uint32_t index);
Result<ExtendedKey> derivePath(const ExtendedKey& root, const DerivationPath& path);

// Base58Check serialization with mainnet version bytes. toXprv needs a
// private key (InvalidInput otherwise) and returns wiped memory.
Result<SecureString> toXprv(const ExtendedKey& key);
std::string toXpub(const ExtendedKey& key);

// Parses an xprv or xpub and checks everything BIP32 asks for (checksum,
// version, key prefix matching the version, key in range / on the curve,
// depth 0 with zero fingerprint and index). Errors name the reason.
Result<ExtendedKey> parseExtendedKey(std::string_view text);

} // namespace ctrn::crypto
