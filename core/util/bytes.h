// Byte buffers and views shared by every layer, and fixed-size byte arrays
// (hashes, addresses, keys) with value semantics.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace ctrn {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

template <std::size_t N>
using FixedBytes = std::array<std::uint8_t, N>;

inline Bytes toBytes(ByteView v) { return Bytes(v.begin(), v.end()); }
inline Bytes toBytes(std::string_view s) { return Bytes(s.begin(), s.end()); }

inline ByteView asView(std::string_view s) {
    return ByteView(reinterpret_cast<const std::uint8_t*>(s.data()), s.size());
}

inline void append(Bytes& out, ByteView v) { out.insert(out.end(), v.begin(), v.end()); }

inline Bytes concat(std::initializer_list<ByteView> parts) {
    Bytes out;
    std::size_t n = 0;
    for (auto p : parts) n += p.size();
    out.reserve(n);
    for (auto p : parts) append(out, p);
    return out;
}

template <std::size_t N>
FixedBytes<N> toFixed(ByteView v) {
    FixedBytes<N> out{};
    std::copy_n(v.begin(), std::min(N, v.size()), out.begin());
    return out;
}

// Comparison whose running time does not depend on where the inputs differ
// (MACs, password checks).
bool constantTimeEqual(ByteView a, ByteView b);

} // namespace ctrn
