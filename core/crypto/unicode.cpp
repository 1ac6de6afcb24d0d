#include <core/crypto/unicode.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include <limits>
#include <vector>

namespace ctrn::crypto {
namespace {

// UTF-16 scratch space for ICU that is wiped on destruction: the text being
// normalized is a mnemonic or a passphrase.
class WipedUChars {
public:
    explicit WipedUChars(std::size_t n) : m_data(n) {}
    ~WipedUChars() { secureWipe(m_data.data(), m_data.size() * sizeof(UChar)); }
    WipedUChars(const WipedUChars&) = delete;
    WipedUChars& operator=(const WipedUChars&) = delete;
    UChar* data() { return m_data.data(); }
    std::int32_t capacity() const { return static_cast<std::int32_t>(m_data.size()); }

private:
    std::vector<UChar> m_data;
};

Error icuError(const char* step, UErrorCode status) {
    return makeError(ErrorCode::InvalidInput, std::string("unicode: ") + step + " failed (" + u_errorName(status) + ")");
}

} // namespace

Result<SecureString> nfkd(std::string_view utf8) {
    if (utf8.size() > static_cast<std::size_t>(std::numeric_limits<std::int32_t>::max() / 4))
        return makeError(ErrorCode::InvalidInput, "unicode: text too long");
    auto len = static_cast<std::int32_t>(utf8.size());
    UErrorCode status = U_ZERO_ERROR;

    // UTF-8 -> UTF-16: never more code units than bytes.
    WipedUChars utf16(utf8.size() + 1);
    std::int32_t utf16Len = 0;
    u_strFromUTF8(utf16.data(), utf16.capacity(), &utf16Len, utf8.data(), len, &status);
    if (U_FAILURE(status)) return makeError(ErrorCode::InvalidInput, "unicode: invalid UTF-8");

    const UNormalizer2* norm = unorm2_getNFKDInstance(&status);
    if (U_FAILURE(status)) return icuError("loading NFKD data", status);
    // Decomposition grows text by at most a factor of 18 (U+FDFA); the
    // preflight call tells us the exact size.
    std::int32_t needed = unorm2_normalize(norm, utf16.data(), utf16Len, nullptr, 0, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return icuError("normalizing", status);
    status = U_ZERO_ERROR;
    WipedUChars normalized(static_cast<std::size_t>(needed) + 1);
    std::int32_t normLen = unorm2_normalize(norm, utf16.data(), utf16Len, normalized.data(), normalized.capacity(), &status);
    if (U_FAILURE(status)) return icuError("normalizing", status);

    std::int32_t outLen = 0;
    u_strToUTF8(nullptr, 0, &outLen, normalized.data(), normLen, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return icuError("encoding UTF-8", status);
    status = U_ZERO_ERROR;
    SecureString out(static_cast<std::size_t>(outLen) + 1);
    u_strToUTF8(reinterpret_cast<char*>(out.data()), outLen + 1, &outLen, normalized.data(), normLen, &status);
    if (U_FAILURE(status)) return icuError("encoding UTF-8", status);
    return SecureString(ByteView(out.data(), static_cast<std::size_t>(outLen)));
}

} // namespace ctrn::crypto
