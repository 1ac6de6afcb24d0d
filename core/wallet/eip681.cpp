#include <core/wallet/eip681.h>

#include <core/util/hex.h>

#include <map>
#include <vector>

namespace ctrn::wallet {
namespace {

Error bad(const std::string& why) { return makeError(ErrorCode::InvalidInput, "EIP-681: " + why); }

// number = [ "-" / "+" ] *DIGIT [ "." 1*DIGIT ] [ ( "e" / "E" ) [ 1*DIGIT ] ]
Result<U256> parseNumber(std::string_view text, const std::string& name) {
    std::string_view s = text;
    if (!s.empty() && s[0] == '+') s.remove_prefix(1);
    if (s.empty() || s[0] == '-') return bad(name + " must be a non-negative number, got '" + std::string(text) + "'");
    if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        auto v = parseU256(s);
        if (!v) return bad(name + ": " + v.error().message);
        return v;
    }
    std::string digits;
    std::size_t i = 0;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) digits += s[i++];
    long fraction = 0;
    if (i < s.size() && s[i] == '.') {
        ++i;
        std::size_t start = i;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) digits += s[i++];
        fraction = static_cast<long>(i - start);
        if (fraction == 0) return bad(name + ": digits expected after '.'");
    }
    long exponent = 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        std::size_t start = i;
        while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
            exponent = exponent * 10 + (s[i++] - '0');
            if (exponent > 100) return bad(name + ": exponent too large");
        }
        if (i == start) exponent = 0;
    }
    if (i != s.size() || digits.empty()) return bad(name + " is not a number: '" + std::string(text) + "'");
    long shift = exponent - fraction;
    if (shift < 0) {
        // The digits dropped must all be zero, or the amount is not whole.
        std::size_t drop = static_cast<std::size_t>(-shift);
        if (drop > digits.size()) drop = digits.size();
        for (std::size_t k = digits.size() - drop; k < digits.size(); ++k)
            if (digits[k] != '0') return bad(name + " is not a whole number of the smallest unit: '" + std::string(text) + "'");
        digits.resize(digits.size() - drop);
        if (digits.empty()) digits = "0";
    } else {
        digits.append(static_cast<std::size_t>(shift), '0');
    }
    auto v = parseU256(digits);
    if (!v) return bad(name + ": " + v.error().message);
    return v;
}

} // namespace

Result<PaymentRequest> parseEip681(std::string_view uri) {
    constexpr std::string_view scheme = "ethereum:";
    if (uri.size() < scheme.size() || uri.substr(0, scheme.size()) != scheme)
        return bad("URI must start with 'ethereum:'");
    std::string_view rest = uri.substr(scheme.size());
    if (rest.rfind("pay-", 0) == 0) rest.remove_prefix(4);
    std::string_view query;
    if (auto q = rest.find('?'); q != std::string_view::npos) {
        query = rest.substr(q + 1);
        rest = rest.substr(0, q);
    }
    PaymentRequest out;
    if (auto slash = rest.find('/'); slash != std::string_view::npos) {
        out.function = std::string(rest.substr(slash + 1));
        rest = rest.substr(0, slash);
        if (*out.function != "transfer") return bad("function '" + *out.function + "' is not supported (only transfer)");
    }
    if (auto at = rest.find('@'); at != std::string_view::npos) {
        auto id = parseU256(rest.substr(at + 1));
        if (!id || *id == 0 || *id > std::numeric_limits<std::uint64_t>::max())
            return bad("invalid chain id '" + std::string(rest.substr(at + 1)) + "'");
        out.chainId = static_cast<std::uint64_t>(*id);
        rest = rest.substr(0, at);
    }
    if (!hasHexPrefix(rest)) return bad("target '" + std::string(rest) + "' is not an address (ENS names are not supported)");
    auto target = chain::Address::fromHex(rest);
    if (!target) return bad("target: " + target.error().message);
    out.target = *target;

    while (!query.empty()) {
        auto amp = query.find('&');
        std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (pair.empty()) continue;
        auto eq = pair.find('=');
        if (eq == std::string_view::npos) return bad("parameter '" + std::string(pair) + "' has no value");
        std::string key(pair.substr(0, eq));
        std::string_view value = pair.substr(eq + 1);
        if (key == "value") { CTRN_ASSIGN(out.value, parseNumber(value, key)); }
        else if (key == "gas" || key == "gasLimit") { CTRN_ASSIGN(out.gasLimit, parseNumber(value, key)); }
        else if (key == "gasPrice") { CTRN_ASSIGN(out.gasPrice, parseNumber(value, key)); }
        else if (key == "uint256" && out.function) { CTRN_ASSIGN(out.amount, parseNumber(value, key)); }
        else if (key == "address" && out.function) {
            auto a = chain::Address::fromHex(value);
            if (!a) return bad("address: " + a.error().message);
            out.recipient = *a;
        } else if (out.function) {
            return bad("unknown parameter '" + key + "' for transfer");
        }
        // Unknown parameters of a plain payment are ignored, as EIP-681 allows.
    }
    if (out.function && (!out.recipient || !out.amount)) return bad("transfer needs address= and uint256=");
    return out;
}

std::string makeEip681(const PaymentRequest& r) {
    std::string uri = "ethereum:" + r.target.checksummed();
    if (r.chainId) uri += "@" + std::to_string(*r.chainId);
    std::vector<std::string> params;
    if (r.function) {
        uri += "/" + *r.function;
        if (r.recipient) params.push_back("address=" + r.recipient->checksummed());
        if (r.amount) params.push_back("uint256=" + toDecimal(*r.amount));
    }
    if (r.value) params.push_back("value=" + toDecimal(*r.value));
    if (r.gasLimit) params.push_back("gasLimit=" + toDecimal(*r.gasLimit));
    if (r.gasPrice) params.push_back("gasPrice=" + toDecimal(*r.gasPrice));
    for (std::size_t i = 0; i < params.size(); ++i) uri += (i ? "&" : "?") + params[i];
    return uri;
}

} // namespace ctrn::wallet
