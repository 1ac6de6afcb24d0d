// The chain's integer type and its unit conversions. U256 itself is defined
// in core/util (the ABI codec below this layer needs it); this header adds
// what only chain code needs: wei <-> decimal token amounts.
#pragma once

#include <core/util/result.h>
#include <core/util/uint256.h>

#include <string>
#include <string_view>

namespace ctrn::chain {

using ctrn::U256;

// Formats `amount` (in the smallest unit) as a decimal with `decimals`
// places, trailing zeros trimmed: formatUnits(1500000000000000000, 18) = "1.5".
std::string formatUnits(const U256& amount, unsigned decimals);

// Parses "1.5" with `decimals` places into the smallest unit; refuses more
// fractional digits than `decimals` (it would silently round) and overflow.
Result<U256> parseUnits(std::string_view text, unsigned decimals);

} // namespace ctrn::chain
