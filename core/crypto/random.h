// Cryptographically secure random bytes from the operating system
// (getrandom(2)); the source of every key, salt, IV and mnemonic we create.
#pragma once

#include <core/util/result.h>
#include <core/util/secure_buffer.h>

#include <cstddef>
#include <span>

namespace ctrn::crypto {

// Fills `out` from the kernel CSPRNG. Fails only when the kernel refuses
// (no entropy source), which callers must treat as fatal for key creation.
Status fillRandom(std::span<std::uint8_t> out);

// `size` fresh random bytes in wiped memory.
Result<SecureBytes> randomBytes(std::size_t size);

} // namespace ctrn::crypto
