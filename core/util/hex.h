// Hex codec. Output is always lower case with a 0x prefix; input accepts
// either case, with or without the prefix, and rejects odd lengths and
// non-hex characters with a message that says where.
#pragma once

#include <core/util/bytes.h>
#include <core/util/result.h>

#include <string>
#include <string_view>

namespace ctrn {

std::string toHex(ByteView bytes, bool prefix = true);

// Parses hex; "0x" alone and "" are the empty byte string.
Result<Bytes> fromHex(std::string_view text);

// Parses hex that must be exactly N bytes long (keys, hashes, addresses).
template <std::size_t N>
Result<FixedBytes<N>> fixedFromHex(std::string_view text, std::string_view what) {
    auto bytes = fromHex(text);
    if (!bytes) return makeError(bytes.error().code, std::string(what) + ": " + bytes.error().message);
    if (bytes->size() != N)
        return makeError(ErrorCode::InvalidInput, std::string(what) + ": expected " + std::to_string(N) +
                                                      " bytes, got " + std::to_string(bytes->size()));
    return toFixed<N>(*bytes);
}

bool hasHexPrefix(std::string_view text);

} // namespace ctrn
