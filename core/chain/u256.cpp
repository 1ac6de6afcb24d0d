#include <core/chain/u256.h>

namespace ctrn::chain {

std::string formatUnits(const U256& amount, unsigned decimals) {
    std::string digits = toDecimal(amount);
    if (decimals == 0) return digits;
    if (digits.size() <= decimals) digits.insert(0, decimals - digits.size() + 1, '0');
    std::string whole = digits.substr(0, digits.size() - decimals);
    std::string frac = digits.substr(digits.size() - decimals);
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    return frac.empty() ? whole : whole + "." + frac;
}

Result<U256> parseUnits(std::string_view text, unsigned decimals) {
    if (text.empty()) return makeError(ErrorCode::InvalidInput, "invalid amount: empty");
    auto dot = text.find('.');
    std::string_view whole = dot == std::string_view::npos ? text : text.substr(0, dot);
    std::string_view frac = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
    if (whole.empty() && frac.empty()) return makeError(ErrorCode::InvalidInput, "invalid amount: '" + std::string(text) + "'");
    for (char c : whole)
        if (c < '0' || c > '9') return makeError(ErrorCode::InvalidInput, "invalid amount: '" + std::string(text) + "'");
    for (char c : frac)
        if (c < '0' || c > '9') return makeError(ErrorCode::InvalidInput, "invalid amount: '" + std::string(text) + "'");
    if (frac.size() > decimals)
        return makeError(ErrorCode::InvalidInput, "invalid amount: more than " + std::to_string(decimals) + " decimal places");
    std::string digits = std::string(whole.empty() ? "0" : whole) + std::string(frac) + std::string(decimals - frac.size(), '0');
    auto value = parseU256(digits);
    if (!value) return makeError(ErrorCode::InvalidInput, "invalid amount: too large");
    return value;
}

} // namespace ctrn::chain
