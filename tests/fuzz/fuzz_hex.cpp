// Hex decoding of arbitrary text must never crash, and whatever decodes must
// re-encode to the same digits (lower-cased).
#include <core/util/hex.h>

#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    auto decoded = ctrn::fromHex(text);
    if (decoded) {
        std::string again = ctrn::toHex(*decoded, false);
        std::string digits = ctrn::hasHexPrefix(text) ? text.substr(2) : text;
        for (auto& c : digits) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (again != digits) std::abort();
    }
    return 0;
}
