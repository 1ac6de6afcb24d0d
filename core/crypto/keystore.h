// Web3 Secret Storage (keystore v3) files as geth, cast and ethers write
// them: decrypt any valid scrypt or pbkdf2 (hmac-sha256) file, encrypt with
// scrypt (standard or light) or pbkdf2, and write a keystore file so that a
// crash or a bad disk can never leave the user with a broken or missing key.
#pragma once

#include <core/crypto/secp256k1.h>
#include <core/util/bytes.h>
#include <core/util/json.h>
#include <core/util/result.h>
#include <core/util/secure_buffer.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace ctrn::crypto {

enum class KeystoreKdf { Scrypt, Pbkdf2 };

// KDF parameters for a new keystore.
struct KeystoreParams {
    KeystoreKdf kdf = KeystoreKdf::Scrypt;
    std::uint64_t scryptN = 262144;
    std::uint32_t scryptR = 8;
    std::uint32_t scryptP = 1;
    std::uint32_t pbkdf2Iterations = 262144;

    // geth's StandardScryptN/P: n=262144 r=8 p=1 (256 MiB, ~1 s).
    static KeystoreParams standardScrypt() { return {}; }
    // geth's LightScryptN/P: n=4096 r=8 p=6 (4 MiB, a few ms).
    static KeystoreParams lightScrypt() { return {KeystoreKdf::Scrypt, 4096, 8, 6, 0}; }
    // PBKDF2-HMAC-SHA256 with c=262144.
    static KeystoreParams pbkdf2() { return {KeystoreKdf::Pbkdf2, 0, 0, 0, 262144}; }
};

// Bounds on the KDF parameters a keystore file may ask for. The file chooses
// them, so without bounds a hostile file could make us allocate gigabytes or
// spin for hours. The defaults are twice geth's standard memory and eight
// times its work, so every real wallet's files pass.
struct KdfLimits {
    std::uint64_t maxScryptMemory = 512ull << 20; // bytes: 128 * r * (n + p)
    std::uint64_t maxScryptWork = 1ull << 24;     // n * r * p
    std::uint64_t maxPbkdf2Iterations = 10'000'000;
};

// A keystore v3 JSON object for `key`, with fresh random salt and IV, a
// random UUID v4 id, and the address as lower-case hex without 0x.
Result<Json> encryptKeystore(const PrivateKey& key, ByteView password,
                             const KeystoreParams& params = KeystoreParams::standardScrypt());

// The same container for a secret that is not a key (a wallet's mnemonic):
// a keystore v3 object without "address", decrypted by decryptSecret. Secrets
// are 1 to kMaxSecretSize bytes.
inline constexpr std::size_t kMaxSecretSize = 1024;
Result<Json> encryptSecret(ByteView secret, ByteView password,
                           const KeystoreParams& params = KeystoreParams::standardScrypt());
Result<SecureBytes> decryptSecret(const Json& keystore, ByteView password, const KdfLimits& limits = {});

// Decrypts a keystore v3 object / JSON text. A MAC mismatch is
// ErrorCode::WrongPassword "wrong password"; anything malformed or out of
// bounds is an error naming the field ("keystore: ...").
Result<PrivateKey> decryptKeystore(const Json& keystore, ByteView password, const KdfLimits& limits = {});
Result<PrivateKey> decryptKeystore(std::string_view jsonText, ByteView password, const KdfLimits& limits = {});

// Writes `keystore` to `path` without ever exposing a partial file: writes
// a temporary file (mode 0600) in the same directory, fsyncs it, reads it
// back and checks that it decrypts to `key` with `password`, then renames it
// over `path` and fsyncs the directory. On failure the temporary file is
// removed and `path` is untouched.
Status writeKeystoreFile(const std::string& path, const Json& keystore, const PrivateKey& key, ByteView password);

} // namespace ctrn::crypto
