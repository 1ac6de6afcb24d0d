#include <core/util/uint256.h>
#include <core/util/hex.h>

#include <boost/multiprecision/cpp_int.hpp>

namespace ctrn {
namespace {

const BigInt& u256Max() {
    static const BigInt max = (BigInt(1) << 256) - 1;
    return max;
}

Result<BigInt> parseMagnitude(std::string_view text) {
    if (text.empty()) return makeError(ErrorCode::InvalidInput, "invalid integer: empty");
    BigInt value = 0;
    if (hasHexPrefix(text)) {
        std::string_view digits = text.substr(2);
        if (digits.empty()) return makeError(ErrorCode::InvalidInput, "invalid integer: '0x' has no digits");
        if (digits.size() > 80) return makeError(ErrorCode::InvalidInput, "invalid integer: too many digits");
        for (char c : digits) {
            int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
            if (d < 0) return makeError(ErrorCode::InvalidInput, "invalid integer: '" + std::string(text) + "'");
            value = (value << 4) | d;
        }
        return value;
    }
    if (text.size() > 80) return makeError(ErrorCode::InvalidInput, "invalid integer: too many digits");
    for (char c : text) {
        if (c < '0' || c > '9') return makeError(ErrorCode::InvalidInput, "invalid integer: '" + std::string(text) + "'");
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

Result<U256> parseU256(std::string_view text) {
    CTRN_ASSIGN(BigInt value, parseMagnitude(text));
    if (value > u256Max()) return makeError(ErrorCode::InvalidInput, "integer out of range: exceeds 2^256-1");
    return U256(value);
}

Result<BigInt> parseBigInt(std::string_view text) {
    bool negative = !text.empty() && text.front() == '-';
    if (negative) text.remove_prefix(1);
    CTRN_ASSIGN(BigInt value, parseMagnitude(text));
    return negative ? BigInt(-value) : value;
}

std::string toDecimal(const U256& value) { return value.str(); }
std::string toDecimal(const BigInt& value) { return value.str(); }

std::string toQuantityHex(const U256& value) {
    if (value == 0) return "0x0";
    Bytes be = toMinimalBigEndian(value);
    std::string hex = toHex(be, false);
    std::size_t first = hex.find_first_not_of('0');
    return "0x" + hex.substr(first);
}

FixedBytes<32> toBigEndian32(const U256& value) {
    FixedBytes<32> out{};
    U256 v = value;
    for (int i = 31; i >= 0 && v != 0; --i) {
        out[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v & 0xff);
        v >>= 8;
    }
    return out;
}

Bytes toMinimalBigEndian(const U256& value) {
    auto full = toBigEndian32(value);
    std::size_t i = 0;
    while (i < full.size() && full[i] == 0) ++i;
    return Bytes(full.begin() + static_cast<std::ptrdiff_t>(i), full.end());
}

Result<U256> fromBigEndian(ByteView bytes) {
    if (bytes.size() > 32) return makeError(ErrorCode::InvalidInput, "integer longer than 32 bytes");
    U256 v = 0;
    for (auto b : bytes) v = (v << 8) | b;
    return v;
}

} // namespace ctrn
