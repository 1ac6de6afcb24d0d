#include <core/util/hex.h>

namespace ctrn {
namespace {

int nibble(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

} // namespace

bool hasHexPrefix(std::string_view text) {
    return text.size() >= 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
}

std::string toHex(ByteView bytes, bool prefix) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2 + 2);
    if (prefix) out += "0x";
    for (auto b : bytes) {
        out += digits[b >> 4];
        out += digits[b & 0x0f];
    }
    return out;
}

Result<Bytes> fromHex(std::string_view text) {
    if (hasHexPrefix(text)) text.remove_prefix(2);
    if (text.size() % 2 != 0)
        return makeError(ErrorCode::InvalidInput, "invalid hex: odd number of digits (" + std::to_string(text.size()) + ")");
    Bytes out;
    out.reserve(text.size() / 2);
    for (std::size_t i = 0; i < text.size(); i += 2) {
        int hi = nibble(text[i]);
        int lo = nibble(text[i + 1]);
        if (hi < 0 || lo < 0) {
            std::size_t at = hi < 0 ? i : i + 1;
            return makeError(ErrorCode::InvalidInput,
                             "invalid hex: character '" + std::string(1, text[at]) + "' at position " + std::to_string(at));
        }
        out.push_back(static_cast<std::uint8_t>(hi << 4 | lo));
    }
    return out;
}

} // namespace ctrn
