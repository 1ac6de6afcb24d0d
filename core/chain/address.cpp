#include <core/chain/address.h>

#include <core/util/hex.h>

#include <algorithm>

namespace ctrn::chain {

Result<Address> Address::fromHex(std::string_view text) {
    CTRN_ASSIGN(auto bytes, encoding::parseAddress(text));
    return Address(bytes);
}

std::string Address::lowerHex() const { return toHex(view()); }

bool Address::isZero() const {
    return std::all_of(m_bytes.begin(), m_bytes.end(), [](std::uint8_t b) { return b == 0; });
}

} // namespace ctrn::chain
