// secp256k1 keys and ECDSA for Ethereum: private key validation, public keys,
// RFC 6979 recoverable signatures (low-s, r||s||v with v in {0,1}), verify,
// public key recovery, addresses, and the tweak-add steps BIP32 needs.
//
// This is the only place that talks to libsecp256k1. Its context is created
// and randomized once; its C conventions (out-parameters, int status codes)
// end here and callers see value types and Result<T>.
#pragma once

#include <core/crypto/keccak.h>
#include <core/util/bytes.h>
#include <core/util/result.h>
#include <core/util/secure_buffer.h>

#include <string_view>

namespace ctrn::crypto {

using AddressBytes = FixedBytes<20>;
using CompressedPublicKey = FixedBytes<33>;
using UncompressedPublicKey = FixedBytes<65>;
using CompactSignature = FixedBytes<64>;      // r || s
using RecoverableSignature = FixedBytes<65>;  // r || s || v, v in {0, 1}

// Whether verify/recover accept a signature whose s is in the upper half of
// the curve order. Ethereum transactions (EIP-2) require Strict; some older
// message signatures only verify as Lenient.
enum class SignatureCheck { Lenient, Strict };

// A private key known to be in [1, n-1]. The bytes live in wiped memory and
// the only way to build one is through validation, so the rest of core never
// handles an unchecked key.
class PrivateKey {
public:
    // Exactly 32 bytes, not zero, below the curve order.
    static Result<PrivateKey> fromBytes(ByteView bytes);
    // Hex (0x optional) of exactly 32 bytes; the decoded copy is wiped.
    static Result<PrivateKey> fromHex(std::string_view hex);

    ByteView bytes() const { return m_bytes.view(); }
    // 0x-prefixed lower-case hex in wiped memory.
    SecureString toHex() const;

private:
    explicit PrivateKey(SecureBytes bytes) : m_bytes(std::move(bytes)) {}
    SecureBytes m_bytes;
};

// A point on the curve, stored uncompressed.
class PublicKey {
public:
    // 33-byte compressed or 65-byte uncompressed SEC1 encoding.
    static Result<PublicKey> parse(ByteView bytes);

    CompressedPublicKey compressed() const;
    const UncompressedPublicKey& uncompressed() const { return m_uncompressed; }
    bool operator==(const PublicKey& other) const { return m_uncompressed == other.m_uncompressed; }

private:
    friend class Secp256k1Access;
    explicit PublicKey(const UncompressedPublicKey& u) : m_uncompressed(u) {}
    UncompressedPublicKey m_uncompressed{};
};

PublicKey publicKeyOf(const PrivateKey& key);

// Ethereum address: the last 20 bytes of keccak256(X || Y).
AddressBytes addressOf(const PublicKey& key);
AddressBytes addressOf(const PrivateKey& key);

// Deterministic (RFC 6979) signature of a 32-byte hash, always low-s.
Result<RecoverableSignature> signRecoverable(const PrivateKey& key, const Hash256& hash);

// Checks a 64-byte r||s or 65-byte r||s||v signature (v ignored) against a
// key. Errors: InvalidSignature with "signature does not match",
// "signature has high s" (Strict only) or "invalid signature encoding".
Status verify(const PublicKey& key, const Hash256& hash, ByteView signature,
              SignatureCheck check = SignatureCheck::Strict);

// The public key that produced a 65-byte r||s||v signature (v in {0, 1}).
Result<PublicKey> recoverPublicKey(const Hash256& hash, ByteView signature,
                                   SignatureCheck check = SignatureCheck::Strict);

// True when s <= n/2 (the canonical form EIP-2 requires).
bool isLowS(ByteView signature);

// BIP32 child key steps: key + tweak (mod n) and point + tweak*G. Fail when
// the tweak is not below n or the result is zero / the point at infinity
// (BIP32 says to skip to the next index then).
Result<PrivateKey> tweakAdd(const PrivateKey& key, ByteView tweak32);
Result<PublicKey> tweakAdd(const PublicKey& key, ByteView tweak32);

} // namespace ctrn::crypto
