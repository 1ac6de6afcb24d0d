#include <core/interfaces/values.h>

#include <core/chain/address.h>
#include <core/chain/u256.h>
#include <core/wallet/eip681.h>
#include <core/wallet/wallet_manager.h>

namespace ctrn::interfaces {

std::string formatAmount(const U256& amount, unsigned decimals) { return chain::formatUnits(amount, decimals); }

Result<U256> parseAmount(std::string_view text, unsigned decimals) {
    if (text.empty()) return makeError(ErrorCode::InvalidInput, "enter an amount");
    return chain::parseUnits(text, decimals);
}

Result<U256> parseInteger(std::string_view text) { return parseU256(text); }

Status checkWalletName(std::string_view name) { return wallet::checkWalletNameFormat(name); }

std::string integerText(const U256& value) { return toDecimal(value); }

Result<std::string> checksumAddress(std::string_view text) {
    if (text.empty()) return makeError(ErrorCode::InvalidInput, "enter an address");
    CTRN_ASSIGN(auto address, chain::Address::fromHex(text));
    return address.checksummed();
}

Result<std::string> paymentUri(std::string_view address, std::uint64_t chainId, std::optional<std::string_view> token,
                               std::optional<U256> amount) {
    CTRN_ASSIGN(auto to, chain::Address::fromHex(address));
    wallet::PaymentRequest request;
    request.chainId = chainId;
    if (token) {
        CTRN_ASSIGN(request.target, chain::Address::fromHex(*token));
        request.function = "transfer";
        request.recipient = to;
        request.amount = amount;
    } else {
        request.target = to;
        request.value = amount;
    }
    return wallet::makeEip681(request);
}

} // namespace ctrn::interfaces
