// Nibble paths and the hex-prefix (compact) encoding of trie keys
// (Yellow Paper appendix C): the flag nibble says leaf or extension and
// whether the path has odd length.
#pragma once

#include <core/util/bytes.h>
#include <core/util/result.h>

#include <cstdint>
#include <vector>

namespace ctrn::trie {

using Nibbles = std::vector<std::uint8_t>;

Nibbles toNibbles(ByteView key);
Bytes hexPrefixEncode(const Nibbles& path, std::size_t begin, std::size_t end, bool leaf);

struct CompactPath {
    Nibbles path;
    bool leaf = false;
};
// Rejects unknown flag nibbles and an even-length path with a non-zero pad.
Result<CompactPath> hexPrefixDecode(ByteView encoded);

} // namespace ctrn::trie
