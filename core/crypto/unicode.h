// Unicode normalization (NFKD) for BIP39: mnemonics and passphrases in any
// language must be normalized before they are hashed into a seed, or the same
// words typed on two keyboards would give two different wallets.
#pragma once

#include <core/util/result.h>
#include <core/util/secure_buffer.h>

#include <string_view>

namespace ctrn::crypto {

// NFKD form of UTF-8 text, in wiped memory. Fails on invalid UTF-8.
Result<SecureString> nfkd(std::string_view utf8);

} // namespace ctrn::crypto
