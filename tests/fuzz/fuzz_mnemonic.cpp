// BIP39 parsing of arbitrary text must never crash; a phrase that validates
// must re-encode from its entropy to the same words, and any bytes of a
// valid entropy length must round-trip through words. NFKD (ICU) sees every
// input, since `mnemonic seed` applies it to any text.
#include <core/crypto/bip39.h>
#include <core/crypto/unicode.h>

#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ctrn;
    using namespace ctrn::crypto;
    std::string_view text(reinterpret_cast<const char*>(data), size);

    (void)nfkd(text);

    auto entropy = mnemonicToEntropy(text);
    if (entropy) {
        auto words = entropyToMnemonic(entropy->view());
        if (!words) std::abort();
        // Same words, whatever whitespace the input used.
        std::istringstream in{std::string(text)};
        std::string word, normalized;
        while (in >> word) normalized += (normalized.empty() ? "" : " ") + word;
        if (words->asString() != normalized) std::abort();
        if (!mnemonicToSeed(words->asString(), "TREZOR")) std::abort();
    }

    if (size >= 16 && size <= 32 && size % 4 == 0) {
        auto words = entropyToMnemonic(ByteView(data, size));
        if (!words) std::abort();
        auto back = mnemonicToEntropy(words->asString());
        if (!back || !constantTimeEqual(back->view(), ByteView(data, size))) std::abort();
    }
    return 0;
}
