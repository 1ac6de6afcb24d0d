#include <core/interfaces/values.h>

#include <core/chain/address.h>
#include <core/chain/u256.h>

namespace ctrn::interfaces {

std::string formatAmount(const U256& amount, unsigned decimals) { return chain::formatUnits(amount, decimals); }

Result<U256> parseAmount(std::string_view text, unsigned decimals) {
    if (text.empty()) return makeError(ErrorCode::InvalidInput, "enter an amount");
    return chain::parseUnits(text, decimals);
}

Result<U256> parseInteger(std::string_view text) { return parseU256(text); }

std::string integerText(const U256& value) { return toDecimal(value); }

Result<std::string> checksumAddress(std::string_view text) {
    if (text.empty()) return makeError(ErrorCode::InvalidInput, "enter an address");
    CTRN_ASSIGN(auto address, chain::Address::fromHex(text));
    return address.checksummed();
}

} // namespace ctrn::interfaces
