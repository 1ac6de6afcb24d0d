// Value conversions the app's view models need at the QML boundary, so
// they reach core only through core/interfaces: amounts between exact
// integers (smallest unit) and the decimal text a user types or reads, and
// addresses checked against EIP-55. QML itself neither formats nor checks.
#pragma once

#include <core/util/result.h>
#include <core/util/uint256.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ctrn::interfaces {

// "1.5" for 1500000000000000000 with 18 decimals; trailing zeros trimmed.
std::string formatAmount(const U256& amount, unsigned decimals);
// The exact integer for "1.5" (18 decimals): refuses more fractional digits
// than `decimals`, signs, exponents, empty text and overflow, with a message
// a user can act on.
Result<U256> parseAmount(std::string_view text, unsigned decimals);
// An exact integer from its decimal text (what crosses the QML boundary).
Result<U256> parseInteger(std::string_view text);
std::string integerText(const U256& value);
// The EIP-55 form of an address typed in any case; a mixed-case address
// with a wrong checksum, a wrong length or a missing 0x is an error saying so.
Result<std::string> checksumAddress(std::string_view text);

// Whether `name` may name a wallet (the rule ctrn applies too: 1 to 64
// letters, digits, '-', '_' or '.', not starting with '.'); the sentence
// says what is wrong. Whether the name is taken is checked on creation.
Status checkWalletName(std::string_view name);

// The EIP-681 payment request a receive QR code shows: ETH to `address`,
// or with `token` an ERC-20 transfer to `address`; `amount` (smallest unit)
// when the user asked for one.
Result<std::string> paymentUri(std::string_view address, std::uint64_t chainId, std::optional<std::string_view> token,
                               std::optional<U256> amount);

} // namespace ctrn::interfaces
