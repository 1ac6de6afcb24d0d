#include <core/crypto/bip39.h>

#include <core/crypto/random.h>
#include <core/crypto/unicode.h>

#include <botan/hash.h>
#include <botan/pwdhash.h>

#include <algorithm>
#include <exception>
#include <string>
#include <vector>

namespace ctrn::crypto {

namespace detail {
extern const std::array<std::string_view, 2048> kBip39English;
}

namespace {

bool isSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::vector<std::string_view> splitWords(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && isSpace(text[i])) ++i;
        std::size_t start = i;
        while (i < text.size() && !isSpace(text[i])) ++i;
        if (i > start) words.push_back(text.substr(start, i - start));
    }
    return words;
}

// The first entropy-bits/32 bits of SHA-256(entropy).
std::uint8_t checksumByte(ByteView entropy) {
    auto sha = Botan::HashFunction::create_or_throw("SHA-256");
    sha->update(entropy.data(), entropy.size());
    auto digest = sha->final();
    return digest[0];
}

bool validEntropySize(std::size_t n) { return n >= 16 && n <= 32 && n % 4 == 0; }

} // namespace

const std::array<std::string_view, 2048>& bip39EnglishWords() { return detail::kBip39English; }

std::optional<std::size_t> bip39WordIndex(std::string_view word) {
    // The BIP39 lists are sorted, so a binary search suffices.
    const auto& list = detail::kBip39English;
    auto it = std::lower_bound(list.begin(), list.end(), word);
    if (it == list.end() || *it != word) return std::nullopt;
    return static_cast<std::size_t>(it - list.begin());
}

Result<SecureString> entropyToMnemonic(ByteView entropy) {
    if (!validEntropySize(entropy.size()))
        return makeError(ErrorCode::InvalidInput, "entropy: expected 16, 20, 24, 28 or 32 bytes, got " +
                                                      std::to_string(entropy.size()));
    try {
        std::size_t checksumBits = entropy.size() / 4;
        std::size_t wordCount = (entropy.size() * 8 + checksumBits) / 11;
        SecureBytes bits(entropy);
        std::uint8_t cs = checksumByte(entropy);
        bits.append(ByteView(&cs, 1));
        SecureString out;
        for (std::size_t w = 0; w < wordCount; ++w) {
            std::size_t index = 0;
            for (std::size_t b = 0; b < 11; ++b) {
                std::size_t bit = w * 11 + b;
                index = (index << 1) | ((std::size_t{bits[bit / 8]} >> (7 - bit % 8)) & 1u);
            }
            if (w > 0) out.append(asView(" "));
            out.append(asView(detail::kBip39English[index]));
        }
        return out;
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Internal, std::string("mnemonic: ") + e.what());
    }
}

Result<SecureBytes> mnemonicToEntropy(std::string_view mnemonic) {
    auto words = splitWords(mnemonic);
    std::size_t n = words.size();
    if (n < 12 || n > 24 || n % 3 != 0)
        return makeError(ErrorCode::InvalidInput,
                         "expected 12, 15, 18, 21 or 24 words, got " + std::to_string(n));
    // Unpack 11 bits per word into a buffer sized for entropy + checksum byte.
    std::size_t totalBits = n * 11;
    std::size_t checksumBits = totalBits / 33;
    std::size_t entropyBytes = (totalBits - checksumBits) / 8;
    SecureBytes bits(entropyBytes + 1);
    for (std::size_t w = 0; w < n; ++w) {
        auto index = bip39WordIndex(words[w]);
        if (!index)
            return makeError(ErrorCode::InvalidInput,
                             "unknown word '" + std::string(words[w]) + "' at position " + std::to_string(w + 1));
        for (std::size_t b = 0; b < 11; ++b) {
            if ((*index >> (10 - b)) & 1u) {
                std::size_t bit = w * 11 + b;
                bits[bit / 8] = static_cast<std::uint8_t>(bits[bit / 8] | (0x80u >> (bit % 8)));
            }
        }
    }
    SecureBytes entropy(ByteView(bits.data(), entropyBytes));
    std::uint8_t expected = 0;
    try {
        expected = checksumByte(entropy.view());
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Internal, std::string("mnemonic: ") + e.what());
    }
    auto mask = static_cast<std::uint8_t>(0xffu << (8 - checksumBits));
    if ((expected & mask) != (bits[entropyBytes] & mask)) return makeError(ErrorCode::InvalidChecksum, "bad checksum");
    return entropy;
}

Status validateMnemonic(std::string_view mnemonic) {
    CTRN_TRY(mnemonicToEntropy(mnemonic));
    return Ok{};
}

Result<SecureString> generateMnemonic(std::size_t words) {
    if (words < 12 || words > 24 || words % 3 != 0)
        return makeError(ErrorCode::InvalidInput,
                         "word count must be 12, 15, 18, 21 or 24, got " + std::to_string(words));
    CTRN_ASSIGN(auto entropy, randomBytes(words * 4 / 3));
    return entropyToMnemonic(entropy.view());
}

Result<SecureBytes> mnemonicToSeed(std::string_view mnemonic, std::string_view passphrase) {
    CTRN_ASSIGN(auto phrase, nfkd(mnemonic));
    CTRN_ASSIGN(auto pass, nfkd(passphrase));
    SecureBytes salt(asView("mnemonic"));
    salt.append(pass.view());
    try {
        auto pbkdf2 = Botan::PasswordHashFamily::create_or_throw("PBKDF2(SHA-512)")->from_iterations(2048);
        SecureBytes seed(64);
        pbkdf2->derive_key(seed.data(), seed.size(), reinterpret_cast<const char*>(phrase.data()), phrase.size(),
                           salt.data(), salt.size());
        return seed;
    } catch (const std::exception& e) {
        return makeError(ErrorCode::Internal, std::string("mnemonic seed: ") + e.what());
    }
}

} // namespace ctrn::crypto
