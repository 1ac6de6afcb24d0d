// A 32-byte hash (block, transaction, state root, storage key).
#pragma once

#include <core/util/bytes.h>
#include <core/util/hex.h>
#include <core/util/result.h>

#include <compare>
#include <string>
#include <string_view>

namespace ctrn::chain {

class Hash {
public:
    Hash() = default;
    explicit Hash(const FixedBytes<32>& bytes) : m_bytes(bytes) {}

    static Result<Hash> fromHex(std::string_view text) {
        CTRN_ASSIGN(auto bytes, (fixedFromHex<32>(text, "hash")));
        return Hash(bytes);
    }

    const FixedBytes<32>& bytes() const { return m_bytes; }
    ByteView view() const { return ByteView(m_bytes.data(), m_bytes.size()); }
    std::string hex() const { return toHex(view()); }

    auto operator<=>(const Hash&) const = default;

private:
    FixedBytes<32> m_bytes{};
};

} // namespace ctrn::chain
