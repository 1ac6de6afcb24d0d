#include <core/trie/nibbles.h>

namespace ctrn::trie {

Nibbles toNibbles(ByteView key) {
    Nibbles out;
    out.reserve(key.size() * 2);
    for (auto b : key) {
        out.push_back(static_cast<std::uint8_t>(b >> 4));
        out.push_back(static_cast<std::uint8_t>(b & 0x0f));
    }
    return out;
}

Bytes hexPrefixEncode(const Nibbles& path, std::size_t begin, std::size_t end, bool leaf) {
    std::size_t n = end - begin;
    bool odd = n % 2 == 1;
    std::uint8_t flag = static_cast<std::uint8_t>((leaf ? 2 : 0) + (odd ? 1 : 0));
    Bytes out;
    out.reserve(n / 2 + 1);
    std::size_t i = begin;
    if (odd) {
        out.push_back(static_cast<std::uint8_t>(flag << 4 | path[i++]));
    } else {
        out.push_back(static_cast<std::uint8_t>(flag << 4));
    }
    for (; i < end; i += 2) out.push_back(static_cast<std::uint8_t>(path[i] << 4 | path[i + 1]));
    return out;
}

Result<CompactPath> hexPrefixDecode(ByteView encoded) {
    if (encoded.empty()) return makeError(ErrorCode::InvalidEncoding, "trie: empty compact path");
    std::uint8_t flag = encoded[0] >> 4;
    if (flag > 3) return makeError(ErrorCode::InvalidEncoding, "trie: bad compact path flag " + std::to_string(flag));
    CompactPath out;
    out.leaf = flag >= 2;
    if (flag & 1) {
        out.path.push_back(encoded[0] & 0x0f);
    } else if ((encoded[0] & 0x0f) != 0) {
        return makeError(ErrorCode::InvalidEncoding, "trie: compact path padding is not zero");
    }
    for (std::size_t i = 1; i < encoded.size(); ++i) {
        out.path.push_back(encoded[i] >> 4);
        out.path.push_back(encoded[i] & 0x0f);
    }
    return out;
}

} // namespace ctrn::trie
