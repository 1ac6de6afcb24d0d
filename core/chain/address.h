// An Ethereum account address: 20 bytes, printed in EIP-55 form.
#pragma once

#include <core/encoding/eip55.h>
#include <core/util/bytes.h>
#include <core/util/result.h>

#include <compare>
#include <string>
#include <string_view>

namespace ctrn::chain {

class Address {
public:
    Address() = default;
    explicit Address(const FixedBytes<20>& bytes) : m_bytes(bytes) {}

    // Accepts lower, upper or correctly checksummed mixed case.
    static Result<Address> fromHex(std::string_view text);

    const FixedBytes<20>& bytes() const { return m_bytes; }
    ByteView view() const { return ByteView(m_bytes.data(), m_bytes.size()); }
    std::string checksummed() const { return encoding::toChecksumAddress(m_bytes); }
    std::string lowerHex() const;
    bool isZero() const;

    auto operator<=>(const Address&) const = default;

private:
    FixedBytes<20> m_bytes{};
};

} // namespace ctrn::chain
