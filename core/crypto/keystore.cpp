#include <core/crypto/keystore.h>

#include <core/crypto/keccak.h>
#include <core/crypto/random.h>
#include <core/util/hex.h>

#include <botan/pwdhash.h>
#include <botan/scrypt.h>
#include <botan/stream_cipher.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <exception>
#include <fstream>
#include <iterator>

namespace ctrn::crypto {
namespace {

Error bad(const std::string& why) { return makeError(ErrorCode::InvalidInput, "keystore: " + why); }

std::string qualified(const std::string& where, const char* name) { return where.empty() ? name : where + "." + name; }

// The keystore is untrusted input: every field access checks presence and type.
Result<const Json*> field(const Json& object, const char* name, const std::string& where) {
    if (!object.is_object()) return bad("'" + where + "' is not an object");
    auto it = object.find(name);
    if (it == object.end()) return bad("missing field '" + qualified(where, name) + "'");
    return &*it;
}

Result<std::string> stringField(const Json& object, const char* name, const std::string& where) {
    CTRN_ASSIGN(const Json* value, field(object, name, where));
    if (!value->is_string()) return bad("field '" + qualified(where, name) + "' is not a string");
    return value->get<std::string>();
}

Result<std::uint64_t> uintField(const Json& object, const char* name, const std::string& where) {
    CTRN_ASSIGN(const Json* value, field(object, name, where));
    if (value->is_number_unsigned()) return value->get<std::uint64_t>();
    if (value->is_number_integer() && value->get<std::int64_t>() >= 0)
        return static_cast<std::uint64_t>(value->get<std::int64_t>());
    // parseJson keeps integers above 2^64 as strings; those are out of any bound.
    return bad("field '" + qualified(where, name) + "' is not a non-negative integer below 2^64");
}

Result<Bytes> hexField(const Json& object, const char* name, const std::string& where) {
    CTRN_ASSIGN(auto text, stringField(object, name, where));
    auto bytes = fromHex(text);
    if (!bytes) return bad("field '" + qualified(where, name) + "': " + bytes.error().message);
    return std::move(bytes).value();
}

struct KdfSpec {
    KeystoreKdf kdf = KeystoreKdf::Scrypt;
    std::uint64_t n = 0, r = 0, p = 0, c = 0, dklen = 32;
    Bytes salt;
};

Status checkBounds(const KdfSpec& k, const KdfLimits& limits) {
    if (k.dklen < 32 || k.dklen > 64) return bad("kdfparams.dklen must be between 32 and 64, got " + std::to_string(k.dklen));
    if (k.salt.size() > 1024) return bad("salt longer than 1024 bytes");
    if (k.kdf == KeystoreKdf::Pbkdf2) {
        if (k.c == 0) return bad("pbkdf2 iteration count c must be at least 1");
        if (k.c > limits.maxPbkdf2Iterations)
            return bad("pbkdf2 iteration count " + std::to_string(k.c) + " is above the limit of " +
                       std::to_string(limits.maxPbkdf2Iterations) + " (refusing a file that would take too long)");
        return Ok{};
    }
    if (k.n < 2 || (k.n & (k.n - 1)) != 0) return bad("scrypt n must be a power of two above 1, got " + std::to_string(k.n));
    if (k.r == 0 || k.p == 0) return bad("scrypt r and p must be at least 1");
    // Each factor is checked alone first so that the products cannot overflow.
    if (k.n > (1ull << 32) || k.r > (1ull << 16) || k.p > (1ull << 16))
        return bad("scrypt parameters n=" + std::to_string(k.n) + " r=" + std::to_string(k.r) + " p=" +
                   std::to_string(k.p) + " are out of range");
    std::uint64_t memory = 128 * k.r * (k.n + k.p);
    if (memory > limits.maxScryptMemory)
        return bad("scrypt parameters would need " + std::to_string(memory >> 20) + " MiB of memory, above the limit of " +
                   std::to_string(limits.maxScryptMemory >> 20) + " MiB");
    std::uint64_t work = k.n * k.r * k.p;
    if (work > limits.maxScryptWork)
        return bad("scrypt work n*r*p = " + std::to_string(work) + " is above the limit of " +
                   std::to_string(limits.maxScryptWork) + " (refusing a file that would take too long)");
    return Ok{};
}

Result<SecureBytes> deriveKey(const KdfSpec& k, ByteView password) {
    SecureBytes out(static_cast<std::size_t>(k.dklen));
    try {
        auto pw = reinterpret_cast<const char*>(password.data());
        if (k.kdf == KeystoreKdf::Scrypt) {
            Botan::scrypt(out.data(), out.size(), pw, password.size(), k.salt.data(), k.salt.size(),
                          static_cast<std::size_t>(k.n), static_cast<std::size_t>(k.r), static_cast<std::size_t>(k.p));
        } else {
            auto pbkdf2 = Botan::PasswordHashFamily::create_or_throw("PBKDF2(SHA-256)")
                              ->from_iterations(static_cast<std::size_t>(k.c));
            pbkdf2->derive_key(out.data(), out.size(), pw, password.size(), k.salt.data(), k.salt.size());
        }
    } catch (const std::exception& e) {
        return bad(std::string("key derivation failed: ") + e.what());
    }
    return out;
}

// AES-128-CTR with a 128-bit big-endian counter (what every keystore uses).
Result<SecureBytes> aes128Ctr(ByteView key16, ByteView iv, ByteView input) {
    try {
        auto ctr = Botan::StreamCipher::create_or_throw("CTR-BE(AES-128)");
        ctr->set_key(key16.data(), key16.size());
        ctr->set_iv(iv.data(), iv.size());
        SecureBytes out(input.size());
        ctr->cipher(input.data(), out.data(), input.size());
        return out;
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Internal, std::string("keystore: AES failed: ") + e.what());
    }
}

Hash256 computeMac(const SecureBytes& derived, ByteView ciphertext) {
    Keccak256 h;
    h.update(ByteView(derived.data() + 16, 16));
    h.update(ciphertext);
    return h.finish();
}

std::string uuidV4(const SecureBytes& r) {
    Bytes b(r.data(), r.data() + 16);
    b[6] = static_cast<std::uint8_t>((b[6] & 0x0f) | 0x40); // version 4
    b[8] = static_cast<std::uint8_t>((b[8] & 0x3f) | 0x80); // RFC 4122 variant
    std::string hex = toHex(b, false);
    return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" + hex.substr(16, 4) + "-" +
           hex.substr(20);
}

Error ioError(const std::string& what, const std::string& path) {
    return makeError(ErrorCode::Io, "keystore: " + what + " '" + path + "': " + std::strerror(errno));
}

} // namespace

Result<Json> encryptSecret(ByteView secret, ByteView password, const KeystoreParams& params) {
    if (secret.empty() || secret.size() > kMaxSecretSize)
        return makeError(ErrorCode::InvalidInput, "keystore: secret must be 1 to " + std::to_string(kMaxSecretSize) + " bytes");
    KdfSpec spec;
    spec.kdf = params.kdf;
    spec.n = params.scryptN;
    spec.r = params.scryptR;
    spec.p = params.scryptP;
    spec.c = params.pbkdf2Iterations;
    CTRN_ASSIGN(auto salt, randomBytes(32));
    spec.salt = toBytes(salt.view());
    // Our own parameters must also be ones we would accept when reading.
    CTRN_TRY(checkBounds(spec, KdfLimits{}));
    CTRN_ASSIGN(auto iv, randomBytes(16));
    CTRN_ASSIGN(auto idBytes, randomBytes(16));
    CTRN_ASSIGN(auto derived, deriveKey(spec, password));
    CTRN_ASSIGN(auto ciphertext, aes128Ctr(ByteView(derived.data(), 16), iv.view(), secret));
    auto mac = computeMac(derived, ciphertext.view());

    Json kdfparams;
    kdfparams["dklen"] = 32;
    kdfparams["salt"] = toHex(spec.salt, false);
    if (spec.kdf == KeystoreKdf::Scrypt) {
        kdfparams["n"] = spec.n;
        kdfparams["r"] = spec.r;
        kdfparams["p"] = spec.p;
    } else {
        kdfparams["c"] = spec.c;
        kdfparams["prf"] = "hmac-sha256";
    }
    Json crypto;
    crypto["cipher"] = "aes-128-ctr";
    crypto["cipherparams"] = Json{{"iv", toHex(iv.view(), false)}};
    crypto["ciphertext"] = toHex(ciphertext.view(), false);
    crypto["kdf"] = spec.kdf == KeystoreKdf::Scrypt ? "scrypt" : "pbkdf2";
    crypto["kdfparams"] = kdfparams;
    crypto["mac"] = toHex(mac, false);
    Json out;
    out["crypto"] = crypto;
    out["id"] = uuidV4(idBytes);
    out["version"] = 3;
    return out;
}

Result<Json> encryptKeystore(const PrivateKey& key, ByteView password, const KeystoreParams& params) {
    CTRN_ASSIGN(auto out, encryptSecret(key.bytes(), password, params));
    out["address"] = toHex(addressOf(key), false);
    return out;
}

namespace {

// The v3 container without interpreting the plaintext: shared by keys
// (at most 32 bytes) and other secrets such as mnemonics.
Result<SecureBytes> decryptV3(const Json& keystore, ByteView password, const KdfLimits& limits, std::size_t maxPlain) {
    if (!keystore.is_object()) return bad("not a JSON object");
    CTRN_ASSIGN(auto version, uintField(keystore, "version", ""));
    if (version != 3) return makeError(ErrorCode::Unsupported, "keystore: unsupported version " + std::to_string(version));
    // geth reads "Crypto" as well (MyEtherWallet wrote it capitalised).
    const char* cryptoName = keystore.contains("crypto") ? "crypto" : "Crypto";
    CTRN_ASSIGN(const Json* crypto, field(keystore, cryptoName, ""));
    const std::string c = "crypto";

    CTRN_ASSIGN(auto cipher, stringField(*crypto, "cipher", c));
    if (cipher != "aes-128-ctr") return makeError(ErrorCode::Unsupported, "keystore: unsupported cipher '" + cipher + "'");
    CTRN_ASSIGN(const Json* cipherparams, field(*crypto, "cipherparams", c));
    CTRN_ASSIGN(auto iv, hexField(*cipherparams, "iv", c + ".cipherparams"));
    if (iv.size() != 16) return bad("iv must be 16 bytes, got " + std::to_string(iv.size()));
    CTRN_ASSIGN(auto ciphertext, hexField(*crypto, "ciphertext", c));
    // geth accepts keys that were stored without their leading zero bytes.
    if (ciphertext.empty() || ciphertext.size() > maxPlain)
        return bad("ciphertext must be 1 to " + std::to_string(maxPlain) + " bytes, got " + std::to_string(ciphertext.size()));
    CTRN_ASSIGN(auto mac, hexField(*crypto, "mac", c));
    if (mac.size() != 32) return bad("mac must be 32 bytes, got " + std::to_string(mac.size()));

    KdfSpec spec;
    CTRN_ASSIGN(auto kdf, stringField(*crypto, "kdf", c));
    CTRN_ASSIGN(const Json* kdfparams, field(*crypto, "kdfparams", c));
    const std::string kp = c + ".kdfparams";
    if (kdf == "scrypt") {
        spec.kdf = KeystoreKdf::Scrypt;
        CTRN_ASSIGN(spec.n, uintField(*kdfparams, "n", kp));
        CTRN_ASSIGN(spec.r, uintField(*kdfparams, "r", kp));
        CTRN_ASSIGN(spec.p, uintField(*kdfparams, "p", kp));
    } else if (kdf == "pbkdf2") {
        spec.kdf = KeystoreKdf::Pbkdf2;
        CTRN_ASSIGN(spec.c, uintField(*kdfparams, "c", kp));
        CTRN_ASSIGN(auto prf, stringField(*kdfparams, "prf", kp));
        if (prf != "hmac-sha256") return makeError(ErrorCode::Unsupported, "keystore: unsupported pbkdf2 prf '" + prf + "'");
    } else {
        return makeError(ErrorCode::Unsupported, "keystore: unsupported kdf '" + kdf + "'");
    }
    CTRN_ASSIGN(spec.dklen, uintField(*kdfparams, "dklen", kp));
    CTRN_ASSIGN(spec.salt, hexField(*kdfparams, "salt", kp));
    CTRN_TRY(checkBounds(spec, limits));

    CTRN_ASSIGN(auto derived, deriveKey(spec, password));
    auto expected = computeMac(derived, ciphertext);
    if (!constantTimeEqual(expected, mac)) return makeError(ErrorCode::WrongPassword, "wrong password");
    return aes128Ctr(ByteView(derived.data(), 16), iv, ciphertext);
}

} // namespace

Result<SecureBytes> decryptSecret(const Json& keystore, ByteView password, const KdfLimits& limits) {
    return decryptV3(keystore, password, limits, kMaxSecretSize);
}

Result<PrivateKey> decryptKeystore(const Json& keystore, ByteView password, const KdfLimits& limits) {
    CTRN_ASSIGN(auto plain, decryptV3(keystore, password, limits, 32));
    SecureBytes padded(32);
    std::copy(plain.data(), plain.data() + plain.size(), padded.data() + (32 - plain.size()));
    auto key = PrivateKey::fromBytes(padded.view());
    if (!key) return makeError(ErrorCode::InvalidKey, "keystore: decrypted data is not a valid private key");
    return key;
}

Result<PrivateKey> decryptKeystore(std::string_view jsonText, ByteView password, const KdfLimits& limits) {
    auto json = parseJson(jsonText);
    if (!json) return makeError(ErrorCode::InvalidEncoding, "keystore: " + json.error().message);
    return decryptKeystore(*json, password, limits);
}

Status writeKeystoreFile(const std::string& path, const Json& keystore, const PrivateKey& key, ByteView password) {
    std::string dir = ".";
    std::string base = path;
    if (auto slash = path.rfind('/'); slash != std::string::npos) {
        dir = slash == 0 ? "/" : path.substr(0, slash);
        base = path.substr(slash + 1);
    }
    if (base.empty()) return makeError(ErrorCode::InvalidInput, "keystore: '" + path + "' names a directory");
    std::string text = keystore.dump();
    // Same directory, so the final rename is atomic (same file system).
    std::string tmp = (dir == "/" ? "" : dir) + "/." + base + ".tmp-XXXXXX";
    int fd = ::mkstemp(tmp.data()); // creates the file with mode 0600
    if (fd < 0) return ioError("cannot create a temporary file beside", path);
    auto fail = [&](Error e) -> Status {
        if (fd >= 0) ::close(fd);
        ::unlink(tmp.c_str());
        return e;
    };
    std::size_t written = 0;
    while (written < text.size()) {
        ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            return fail(ioError("cannot write", tmp));
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) return fail(ioError("cannot fsync", tmp));
    if (::close(fd) != 0) { fd = -1; return fail(ioError("cannot close", tmp)); }
    fd = -1;

    // Read back what is on disk and prove it opens to the same key before it
    // replaces anything: a wallet must never overwrite a good file with one
    // it cannot decrypt.
    std::ifstream in(tmp, std::ios::binary);
    std::string back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in.good() && !in.eof()) return fail(ioError("cannot read back", tmp));
    auto reread = decryptKeystore(std::string_view(back), password);
    if (!reread) return fail(makeError(ErrorCode::VerificationFailed, "keystore: written file does not decrypt: " + reread.error().message));
    if (!constantTimeEqual(reread->bytes(), key.bytes()))
        return fail(makeError(ErrorCode::VerificationFailed, "keystore: written file decrypts to a different key"));

    if (::rename(tmp.c_str(), path.c_str()) != 0) return fail(ioError("cannot rename into", path));
    // The rename is durable only once the directory entry is on disk.
    int dfd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
    if (dfd >= 0) {
        ::fsync(dfd);
        ::close(dfd);
    }
    return Ok{};
}

} // namespace ctrn::crypto
