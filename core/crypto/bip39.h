// BIP39 mnemonics (English word list): entropy <-> words with the SHA-256
// checksum, validation that says which word is wrong, random generation, and
// the PBKDF2-HMAC-SHA512 seed of any phrase (NFKD-normalized, any language).
#pragma once

#include <core/util/bytes.h>
#include <core/util/result.h>
#include <core/util/secure_buffer.h>

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>

namespace ctrn::crypto {

// The 2048 English words, in order (compiled in from resources/wordlists).
const std::array<std::string_view, 2048>& bip39EnglishWords();
// Index of `word` in the English list, if it is there.
std::optional<std::size_t> bip39WordIndex(std::string_view word);

// 16, 20, 24, 28 or 32 bytes of entropy -> 12..24 words separated by single
// spaces. InvalidInput for any other length.
Result<SecureString> entropyToMnemonic(ByteView entropy);

// Words -> entropy, validating everything: word count ("expected 12, 15, 18,
// 21 or 24 words, got N"), each word ("unknown word 'xyz' at position 5",
// 1-based) and the checksum ("bad checksum", ErrorCode::InvalidChecksum).
// Words may be separated by any run of whitespace.
Result<SecureBytes> mnemonicToEntropy(std::string_view mnemonic);

// mnemonicToEntropy without keeping the entropy.
Status validateMnemonic(std::string_view mnemonic);

// A new random mnemonic of 12, 15, 18, 21 or 24 words.
Result<SecureString> generateMnemonic(std::size_t words);

// The 64-byte BIP39 seed: PBKDF2-HMAC-SHA512(NFKD(mnemonic),
// "mnemonic" + NFKD(passphrase), 2048). Defined for any UTF-8 text, so it
// does not validate the words (call validateMnemonic for that).
Result<SecureBytes> mnemonicToSeed(std::string_view mnemonic, std::string_view passphrase = {});

} // namespace ctrn::crypto
