#include <core/encoding/eip55.h>

#include <core/crypto/keccak.h>
#include <core/util/hex.h>

#include <cctype>

namespace ctrn::encoding {

std::string toChecksumAddress(const AddressBytes& address) {
    std::string lower = toHex(address, false);
    auto hash = crypto::keccak256(asView(lower));
    std::string out = "0x";
    for (std::size_t i = 0; i < lower.size(); ++i) {
        char c = lower[i];
        int nibble = (i % 2 == 0) ? (hash[i / 2] >> 4) : (hash[i / 2] & 0x0f);
        out += (std::isalpha(static_cast<unsigned char>(c)) && nibble >= 8)
                   ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                   : c;
    }
    return out;
}

Result<AddressBytes> parseAddress(std::string_view text) {
    if (!hasHexPrefix(text)) return makeError(ErrorCode::InvalidInput, "invalid address: missing 0x prefix");
    std::string_view digits = text.substr(2);
    if (digits.size() != 40)
        return makeError(ErrorCode::InvalidInput,
                         "invalid address: expected 40 hex digits, got " + std::to_string(digits.size()));
    auto bytes = fromHex(digits);
    if (!bytes) return makeError(ErrorCode::InvalidInput, "invalid address: " + bytes.error().message.substr(13));
    auto address = toFixed<20>(*bytes);
    bool hasLower = false, hasUpper = false;
    for (char c : digits) {
        hasLower |= (c >= 'a' && c <= 'f');
        hasUpper |= (c >= 'A' && c <= 'F');
    }
    if (hasLower && hasUpper && toChecksumAddress(address).substr(2) != digits)
        return makeError(ErrorCode::InvalidChecksum, "invalid address: bad EIP-55 checksum");
    return address;
}

bool isChecksummed(std::string_view text) {
    auto parsed = parseAddress(text);
    if (!parsed) return false;
    return toChecksumAddress(*parsed) == text;
}

} // namespace ctrn::encoding
