// EIP-191 version 0x45 ("personal_sign"): the hash a wallet signs for a
// human-readable message, keccak256("\x19Ethereum Signed Message:\n" +
// decimal length + message). The prefix keeps a signed message from ever
// being a valid transaction.
#pragma once

#include <core/crypto/keccak.h>
#include <core/util/bytes.h>

namespace ctrn::encoding {

// The bytes that are hashed: prefix, decimal byte length, message.
Bytes personalMessagePreimage(ByteView message);

crypto::Hash256 personalMessageHash(ByteView message);

} // namespace ctrn::encoding
