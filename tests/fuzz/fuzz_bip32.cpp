// BIP32 parsers on arbitrary text: derivation paths and xprv/xpub strings
// must never crash; whatever parses must serialize back to the same text.
#include <core/crypto/bip32.h>

#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ctrn::crypto;
    std::string_view text(reinterpret_cast<const char*>(data), size);

    auto path = parseDerivationPath(text);
    if (path) {
        auto again = parseDerivationPath(path->toString());
        if (!again || again->indices != path->indices) std::abort();
    }

    auto key = parseExtendedKey(text);
    if (key) {
        std::string out = key->isPrivate() ? std::string(toXprv(*key)->asString()) : toXpub(*key);
        if (out != text) std::abort();
        if (key->depth < 255 && !deriveChild(*key, 0)) {
            // Valid only with probability 2^-127 to fail; treat as a bug.
            std::abort();
        }
    }
    return 0;
}
