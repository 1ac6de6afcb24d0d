#include <core/encoding/abi.h>

#include <core/util/hex.h>

#include <algorithm>
#include <cctype>

namespace ctrn::encoding {
namespace {

using Kind = AbiType::Kind;

// Limits that keep hostile type strings from exhausting the stack or
// overflowing size arithmetic; no real contract comes near them.
constexpr std::size_t kMaxTypeDepth = 64;
constexpr std::size_t kMaxFixedArrayLength = 1'000'000;
constexpr std::size_t kMaxStaticSize = std::size_t(1) << 30;

Error abiError(ErrorCode code, const std::string& message) { return makeError(code, "abi: " + message); }

// --- Type parser ------------------------------------------------------------

class TypeParser {
public:
    explicit TypeParser(std::string_view text) : m_text(text) {}

    Result<AbiType> parseWhole() {
        CTRN_ASSIGN(AbiType t, parseType(0));
        skipSpace();
        if (m_pos != m_text.size()) return fail("unexpected '" + std::string(1, m_text[m_pos]) + "' at position " + std::to_string(m_pos));
        return t;
    }

    Result<std::vector<AbiType>> parseListWhole() {
        std::vector<AbiType> out;
        skipSpace();
        if (m_pos == m_text.size()) return out;
        for (;;) {
            CTRN_ASSIGN(AbiType t, parseType(0));
            out.push_back(std::move(t));
            skipSpace();
            if (m_pos == m_text.size()) return out;
            if (m_text[m_pos] != ',') return fail("unexpected '" + std::string(1, m_text[m_pos]) + "' at position " + std::to_string(m_pos));
            ++m_pos;
        }
    }

private:
    Error fail(const std::string& why) const {
        return abiError(ErrorCode::InvalidInput, "invalid type '" + std::string(m_text) + "': " + why);
    }

    void skipSpace() {
        while (m_pos < m_text.size() && std::isspace(static_cast<unsigned char>(m_text[m_pos]))) ++m_pos;
    }

    Result<AbiType> parseType(std::size_t depth) {
        if (depth > kMaxTypeDepth) return fail("nested more than " + std::to_string(kMaxTypeDepth) + " deep");
        skipSpace();
        if (m_pos == m_text.size()) return fail("missing type at position " + std::to_string(m_pos));
        AbiType t;
        if (m_text[m_pos] == '(') {
            ++m_pos;
            std::vector<AbiType> members;
            skipSpace();
            if (m_pos < m_text.size() && m_text[m_pos] == ')') return fail("empty tuple");
            for (;;) {
                CTRN_ASSIGN(AbiType member, parseType(depth + 1));
                members.push_back(std::move(member));
                skipSpace();
                if (m_pos == m_text.size()) return fail("missing ')'");
                if (m_text[m_pos] == ')') { ++m_pos; break; }
                if (m_text[m_pos] != ',') return fail("unexpected '" + std::string(1, m_text[m_pos]) + "' at position " + std::to_string(m_pos));
                ++m_pos;
            }
            t = AbiType::tuple(std::move(members));
        } else {
            std::size_t start = m_pos;
            while (m_pos < m_text.size() && std::isalnum(static_cast<unsigned char>(m_text[m_pos]))) ++m_pos;
            if (start == m_pos) return fail("unexpected '" + std::string(1, m_text[m_pos]) + "' at position " + std::to_string(m_pos));
            CTRN_ASSIGN(t, parseElementary(m_text.substr(start, m_pos - start)));
        }
        // Array suffixes bind left to right: uint8[2][] is a dynamic array of uint8[2].
        for (;;) {
            skipSpace();
            if (m_pos == m_text.size() || m_text[m_pos] != '[') break;
            if (depth + 1 > kMaxTypeDepth) return fail("nested more than " + std::to_string(kMaxTypeDepth) + " deep");
            ++m_pos;
            std::size_t start = m_pos;
            while (m_pos < m_text.size() && std::isdigit(static_cast<unsigned char>(m_text[m_pos]))) ++m_pos;
            if (m_pos == m_text.size() || m_text[m_pos] != ']') return fail("bad array suffix at position " + std::to_string(start - 1));
            std::string_view digits = m_text.substr(start, m_pos - start);
            ++m_pos;
            if (digits.empty()) {
                t = AbiType::array(std::move(t));
                continue;
            }
            if (digits.size() > 7 || digits[0] == '0') return fail("fixed array length must be 1.." + std::to_string(kMaxFixedArrayLength));
            std::size_t n = std::stoul(std::string(digits));
            if (n > kMaxFixedArrayLength) return fail("fixed array length must be 1.." + std::to_string(kMaxFixedArrayLength));
            std::size_t elementSize = t.headSize();
            if (!t.isDynamic() && elementSize > kMaxStaticSize / n) return fail("static size too large");
            t = AbiType::fixedArray(std::move(t), n);
        }
        return t;
    }

    Result<AbiType> parseElementary(std::string_view name) {
        auto withBits = [&](std::string_view prefix, Kind kind) -> Result<AbiType> {
            std::string_view digits = name.substr(prefix.size());
            if (digits.empty()) return AbiType{kind, 256, {}}; // "uint" means uint256
            std::size_t bits = 0;
            bool numeric = digits.size() <= 3 && digits[0] != '0' &&
                           std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (numeric) bits = std::stoul(std::string(digits));
            if (!numeric || bits == 0 || bits > 256 || bits % 8 != 0)
                return fail("bits must be a multiple of 8 in 8..256");
            return AbiType{kind, bits, {}};
        };
        if (name == "address") return AbiType::address();
        if (name == "bool") return AbiType::boolean();
        if (name == "string") return AbiType::string();
        if (name == "bytes") return AbiType::bytes();
        if (name.rfind("uint", 0) == 0) return withBits("uint", Kind::Uint);
        if (name.rfind("int", 0) == 0) return withBits("int", Kind::Int);
        if (name.rfind("bytes", 0) == 0) {
            std::string_view digits = name.substr(5);
            bool numeric = digits.size() <= 2 && digits[0] != '0' &&
                           std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
            std::size_t n = numeric ? std::stoul(std::string(digits)) : 0;
            if (n < 1 || n > 32) return fail("bytesN needs N in 1..32");
            return AbiType::fixedBytes(n);
        }
        return fail("unknown type '" + std::string(name) + "'");
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

// --- Integers ---------------------------------------------------------------

const BigInt& twoPow(std::size_t bits) {
    static const auto table = [] {
        std::vector<BigInt> t;
        t.reserve(257);
        BigInt power = 1;
        for (std::size_t i = 0; i <= 256; ++i, power *= 2) t.push_back(power);
        return t;
    }();
    return table[bits];
}

bool inRange(const AbiType& t, const BigInt& v) {
    if (t.kind == Kind::Uint) return v >= 0 && v < twoPow(t.size);
    return v >= -twoPow(t.size - 1) && v < twoPow(t.size - 1);
}

// Two's complement in 256 bits.
FixedBytes<32> integerWord(const BigInt& v) {
    BigInt u = v < 0 ? BigInt(twoPow(256) + v) : v;
    return toBigEndian32(U256(u));
}

void appendWord(Bytes& out, const FixedBytes<32>& w) { out.insert(out.end(), w.begin(), w.end()); }

void appendSizeWord(Bytes& out, std::size_t n) { appendWord(out, toBigEndian32(U256(n))); }

void appendPadded(Bytes& out, ByteView b) {
    append(out, b);
    out.resize(out.size() + (32 - b.size() % 32) % 32, 0);
}

// --- Encoder ----------------------------------------------------------------

std::string describe(const std::string& path, const AbiType& t) {
    return (path.empty() || path[0] == '[' ? "value " + path : path) + " (" + t.canonical() + ")";
}

// Where the encoder is ("[1][0]"): indices are pushed and popped rather than
// strings built per value, since only an error ever reads them.
struct Path {
    std::vector<std::size_t> indices;
    std::string str() const {
        std::string out;
        for (auto i : indices) out += "[" + std::to_string(i) + "]";
        return out;
    }
};

std::string describe(const Path& path, const AbiType& t) { return describe(path.str(), t); }

Error mismatch(const Path& path, const AbiType& t, const char* expected) {
    return abiError(ErrorCode::InvalidInput, describe(path, t) + ": expected " + expected);
}

Status encodeValue(const AbiType& t, const AbiValue& v, Bytes& out, Path& path);

// Encodes a tuple whose i-th member type is typeAt(i): heads first (static
// values in place, offsets for dynamic ones), then the dynamic tails.
template <typename TypeAt>
Status encodeSequence(TypeAt typeAt, std::span<const AbiValue> values, Bytes& out, Path& path) {
    std::size_t headTotal = 0;
    for (std::size_t i = 0; i < values.size(); ++i) headTotal += typeAt(i).headSize();
    Bytes tail;
    out.reserve(out.size() + headTotal);
    for (std::size_t i = 0; i < values.size(); ++i) {
        const AbiType& t = typeAt(i);
        path.indices.push_back(i);
        if (t.isDynamic()) {
            appendSizeWord(out, headTotal + tail.size());
            CTRN_TRY(encodeValue(t, values[i], tail, path));
        } else {
            CTRN_TRY(encodeValue(t, values[i], out, path));
        }
        path.indices.pop_back();
    }
    append(out, tail);
    return Ok{};
}

Status encodeValue(const AbiType& t, const AbiValue& v, Bytes& out, Path& path) {
    switch (t.kind) {
    case Kind::Uint:
    case Kind::Int:
        if (!v.isInteger()) return mismatch(path, t, "an integer");
        if (!inRange(t, v.asInteger()))
            return abiError(ErrorCode::InvalidInput, describe(path, t) + ": " + toDecimal(v.asInteger()) + " out of range");
        appendWord(out, integerWord(v.asInteger()));
        return Ok{};
    case Kind::Address: {
        if (!v.isAddress()) return mismatch(path, t, "an address");
        FixedBytes<32> w{};
        std::copy(v.asAddress().begin(), v.asAddress().end(), w.begin() + 12);
        appendWord(out, w);
        return Ok{};
    }
    case Kind::Bool: {
        if (!v.isBool()) return mismatch(path, t, "a bool");
        FixedBytes<32> w{};
        w[31] = v.asBool() ? 1 : 0;
        appendWord(out, w);
        return Ok{};
    }
    case Kind::FixedBytes:
        if (!v.isBytes()) return mismatch(path, t, "bytes");
        if (v.asBytes().size() != t.size)
            return abiError(ErrorCode::InvalidInput, describe(path, t) + ": expected " + std::to_string(t.size) +
                                                         " bytes, got " + std::to_string(v.asBytes().size()));
        appendPadded(out, v.asBytes());
        return Ok{};
    case Kind::Bytes:
        if (!v.isBytes()) return mismatch(path, t, "bytes");
        appendSizeWord(out, v.asBytes().size());
        appendPadded(out, v.asBytes());
        return Ok{};
    case Kind::String:
        if (!v.isString()) return mismatch(path, t, "a string");
        appendSizeWord(out, v.asString().size());
        appendPadded(out, asView(v.asString()));
        return Ok{};
    case Kind::Array:
        if (!v.isList()) return mismatch(path, t, "an array");
        appendSizeWord(out, v.asList().size());
        return encodeSequence([&](std::size_t) -> const AbiType& { return t.element(); }, v.asList(), out, path);
    case Kind::FixedArray:
        if (!v.isList()) return mismatch(path, t, "an array");
        if (v.asList().size() != t.size)
            return abiError(ErrorCode::InvalidInput, describe(path, t) + ": expected " + std::to_string(t.size) +
                                                         " elements, got " + std::to_string(v.asList().size()));
        return encodeSequence([&](std::size_t) -> const AbiType& { return t.element(); }, v.asList(), out, path);
    case Kind::Tuple:
        if (!v.isList()) return mismatch(path, t, "a tuple");
        if (v.asList().size() != t.components.size())
            return abiError(ErrorCode::InvalidInput, describe(path, t) + ": expected " + std::to_string(t.components.size()) +
                                                         " members, got " + std::to_string(v.asList().size()));
        return encodeSequence([&](std::size_t i) -> const AbiType& { return t.components[i]; }, v.asList(), out, path);
    }
    return abiError(ErrorCode::Internal, "unknown type kind");
}

// --- Decoder ----------------------------------------------------------------

class Decoder {
public:
    Decoder(ByteView data, AbiDecodeOptions options)
        // Legitimate encodings never decode to more than their own size; the
        // slack covers small inputs. Overlapping offsets (many array entries
        // pointing at one big tail) would otherwise inflate without bound.
        : m_data(data), m_options(options), m_budget(data.size() * 32 + 4096) {}

    template <typename TypeAt>
    Result<AbiValue::List> decodeSequence(TypeAt typeAt, std::size_t count, std::size_t base) {
        std::size_t headTotal = 0;
        for (std::size_t i = 0; i < count; ++i) {
            headTotal += typeAt(i).headSize();
            if (headTotal > m_data.size() - base) return tooShort(base);
        }
        AbiValue::List out;
        out.reserve(count);
        std::size_t head = base;
        for (std::size_t i = 0; i < count; ++i) {
            const AbiType& t = typeAt(i);
            if (t.isDynamic()) {
                CTRN_ASSIGN(std::size_t offset, readSize(head, "offset"));
                if (offset > m_data.size() - base) return outOfBounds("offset", head);
                CTRN_ASSIGN(AbiValue v, decodeAt(t, base + offset));
                out.push_back(std::move(v));
            } else {
                CTRN_ASSIGN(AbiValue v, decodeAt(t, head));
                out.push_back(std::move(v));
            }
            head += t.headSize();
        }
        return out;
    }

    Result<AbiValue> decodeAt(const AbiType& t, std::size_t pos) {
        CTRN_TRY(charge(32));
        switch (t.kind) {
        case Kind::Uint: {
            CTRN_ASSIGN(const std::uint8_t* w, word(pos));
            std::size_t clean = 32 - t.size / 8;
            if (m_options.strict && std::any_of(w, w + clean, [](std::uint8_t b) { return b != 0; })) return dirty(t, pos);
            return AbiValue::uint(*fromBigEndian(ByteView(w + clean, t.size / 8)));
        }
        case Kind::Int: {
            CTRN_ASSIGN(const std::uint8_t* w, word(pos));
            std::size_t clean = 32 - t.size / 8;
            bool negative = (w[clean] & 0x80) != 0;
            std::uint8_t fill = negative ? 0xff : 0x00;
            if (m_options.strict && std::any_of(w, w + clean, [fill](std::uint8_t b) { return b != fill; })) return dirty(t, pos);
            BigInt magnitude = BigInt(*fromBigEndian(ByteView(w + clean, t.size / 8)));
            return AbiValue::integer(negative ? BigInt(magnitude - twoPow(t.size)) : magnitude);
        }
        case Kind::Address: {
            CTRN_ASSIGN(const std::uint8_t* w, word(pos));
            if (m_options.strict && std::any_of(w, w + 12, [](std::uint8_t b) { return b != 0; })) return dirty(t, pos);
            return AbiValue::address(toFixed<20>(ByteView(w + 12, 20)));
        }
        case Kind::Bool: {
            CTRN_ASSIGN(const std::uint8_t* w, word(pos));
            bool highZero = std::all_of(w, w + 31, [](std::uint8_t b) { return b == 0; });
            if (m_options.strict && (!highZero || w[31] > 1))
                return abiError(ErrorCode::InvalidEncoding, "invalid bool at byte " + std::to_string(pos));
            return AbiValue::boolean(!highZero || w[31] != 0);
        }
        case Kind::FixedBytes: {
            CTRN_ASSIGN(const std::uint8_t* w, word(pos));
            if (m_options.strict && std::any_of(w + t.size, w + 32, [](std::uint8_t b) { return b != 0; }))
                return badPadding(t, pos);
            return AbiValue::bytes(Bytes(w, w + t.size));
        }
        case Kind::Bytes:
        case Kind::String: {
            CTRN_ASSIGN(std::size_t length, readSize(pos, "length"));
            std::size_t start = pos + 32;
            if (length > m_data.size() - start) return outOfBounds("length", pos);
            CTRN_TRY(charge(length));
            ByteView content = m_data.subspan(start, length);
            if (m_options.strict) {
                std::size_t padding = (32 - length % 32) % 32;
                if (padding > m_data.size() - start - length) return tooShort(start + length);
                ByteView pad = m_data.subspan(start + length, padding);
                if (std::any_of(pad.begin(), pad.end(), [](std::uint8_t b) { return b != 0; })) return badPadding(t, pos);
            }
            if (t.kind == Kind::Bytes) return AbiValue::bytes(toBytes(content));
            return AbiValue::string(std::string(content.begin(), content.end()));
        }
        case Kind::Array: {
            CTRN_ASSIGN(std::size_t length, readSize(pos, "length"));
            std::size_t start = pos + 32;
            // Each element takes at least its head size, so a length the data
            // cannot hold is rejected before anything is allocated.
            if (length > (m_data.size() - start) / t.element().headSize()) return outOfBounds("length", pos);
            CTRN_ASSIGN(AbiValue::List items,
                        decodeSequence([&](std::size_t) -> const AbiType& { return t.element(); }, length, start));
            return AbiValue::list(std::move(items));
        }
        case Kind::FixedArray: {
            CTRN_ASSIGN(AbiValue::List items,
                        decodeSequence([&](std::size_t) -> const AbiType& { return t.element(); }, t.size, pos));
            return AbiValue::list(std::move(items));
        }
        case Kind::Tuple: {
            CTRN_ASSIGN(AbiValue::List items,
                        decodeSequence([&](std::size_t i) -> const AbiType& { return t.components[i]; }, t.components.size(), pos));
            return AbiValue::list(std::move(items));
        }
        }
        return abiError(ErrorCode::Internal, "unknown type kind");
    }

private:
    Result<const std::uint8_t*> word(std::size_t pos) const {
        if (pos > m_data.size() || m_data.size() - pos < 32) return tooShort(pos);
        return m_data.data() + pos;
    }

    // A word holding an offset or a length: it must fit the data at all.
    Result<std::size_t> readSize(std::size_t pos, const char* what) const {
        CTRN_ASSIGN(const std::uint8_t* w, word(pos));
        if (std::any_of(w, w + 24, [](std::uint8_t b) { return b != 0; })) return outOfBounds(what, pos);
        std::uint64_t v = 0;
        for (std::size_t i = 24; i < 32; ++i) v = (v << 8) | w[i];
        if (v > m_data.size()) return outOfBounds(what, pos);
        return static_cast<std::size_t>(v);
    }

    Status charge(std::size_t units) {
        if (units > m_budget)
            return abiError(ErrorCode::InvalidEncoding, "data decodes to far more than its size (overlapping offsets)");
        m_budget -= units;
        return Ok{};
    }

    static Error tooShort(std::size_t pos) {
        return abiError(ErrorCode::InvalidEncoding, "data too short at byte " + std::to_string(pos));
    }
    static Error outOfBounds(const char* what, std::size_t pos) {
        return abiError(ErrorCode::InvalidEncoding, std::string(what) + " out of bounds at byte " + std::to_string(pos));
    }
    static Error dirty(const AbiType& t, std::size_t pos) {
        return abiError(ErrorCode::InvalidEncoding, "dirty high bits in " + t.canonical() + " at byte " + std::to_string(pos));
    }
    static Error badPadding(const AbiType& t, std::size_t pos) {
        return abiError(ErrorCode::InvalidEncoding, "non-zero padding in " + t.canonical() + " at byte " + std::to_string(pos));
    }

    ByteView m_data;
    AbiDecodeOptions m_options;
    std::size_t m_budget;
};

// --- JSON ---------------------------------------------------------------------

Result<AbiValue> fromJsonAt(const AbiType& t, const Json& j, const std::string& path) {
    auto fail = [&](const std::string& why) { return abiError(ErrorCode::InvalidInput, describe(path, t) + ": " + why); };
    auto hexBytes = [&]() -> Result<Bytes> {
        if (!j.is_string()) return fail("expected a 0x-hex string");
        const auto& text = j.get_ref<const std::string&>();
        if (!hasHexPrefix(text)) return fail("expected a 0x-hex string, got \"" + text + "\"");
        auto b = fromHex(text);
        if (!b) return fail(b.error().message);
        return std::move(*b);
    };
    switch (t.kind) {
    case Kind::Uint:
    case Kind::Int: {
        BigInt v;
        if (j.is_number_unsigned()) {
            v = BigInt(j.get<std::uint64_t>());
        } else if (j.is_number_integer()) {
            v = BigInt(j.get<std::int64_t>());
        } else if (j.is_string()) {
            auto parsed = parseBigInt(j.get_ref<const std::string&>());
            if (!parsed) return fail(parsed.error().message);
            v = std::move(*parsed);
        } else {
            return fail(std::string("expected an integer, got ") + (j.is_number_float() ? "a fraction" : j.type_name()));
        }
        if (!inRange(t, v)) return fail(toDecimal(v) + " out of range");
        return AbiValue::integer(std::move(v));
    }
    case Kind::Address: {
        if (!j.is_string()) return fail("expected an address string");
        auto a = parseAddress(j.get_ref<const std::string&>());
        if (!a) return fail(a.error().message);
        return AbiValue::address(*a);
    }
    case Kind::Bool:
        if (!j.is_boolean()) return fail(std::string("expected true or false, got ") + j.type_name());
        return AbiValue::boolean(j.get<bool>());
    case Kind::FixedBytes: {
        CTRN_ASSIGN(Bytes b, hexBytes());
        if (b.size() != t.size) return fail("expected " + std::to_string(t.size) + " bytes, got " + std::to_string(b.size()));
        return AbiValue::bytes(std::move(b));
    }
    case Kind::Bytes: {
        CTRN_ASSIGN(Bytes b, hexBytes());
        return AbiValue::bytes(std::move(b));
    }
    case Kind::String:
        if (!j.is_string()) return fail(std::string("expected a string, got ") + j.type_name());
        return AbiValue::string(j.get<std::string>());
    case Kind::Array:
    case Kind::FixedArray:
    case Kind::Tuple: {
        if (!j.is_array()) return fail(std::string("expected an array, got ") + j.type_name());
        std::size_t expected = t.kind == Kind::Tuple ? t.components.size() : t.size;
        if (t.kind != Kind::Array && j.size() != expected)
            return fail("expected " + std::to_string(expected) + (t.kind == Kind::Tuple ? " members" : " elements") +
                        ", got " + std::to_string(j.size()));
        AbiValue::List items;
        items.reserve(j.size());
        for (std::size_t i = 0; i < j.size(); ++i) {
            const AbiType& ct = t.kind == Kind::Tuple ? t.components[i] : t.element();
            CTRN_ASSIGN(AbiValue v, fromJsonAt(ct, j[i], path + "[" + std::to_string(i) + "]"));
            items.push_back(std::move(v));
        }
        return AbiValue::list(std::move(items));
    }
    }
    return abiError(ErrorCode::Internal, "unknown type kind");
}

bool isIdentifier(std::string_view s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; });
}

} // namespace

// --- AbiType ------------------------------------------------------------------

std::string AbiType::canonical() const {
    switch (kind) {
    case Kind::Uint: return "uint" + std::to_string(size);
    case Kind::Int: return "int" + std::to_string(size);
    case Kind::Address: return "address";
    case Kind::Bool: return "bool";
    case Kind::FixedBytes: return "bytes" + std::to_string(size);
    case Kind::Bytes: return "bytes";
    case Kind::String: return "string";
    case Kind::Array: return element().canonical() + "[]";
    case Kind::FixedArray: return element().canonical() + "[" + std::to_string(size) + "]";
    case Kind::Tuple: return canonicalTypeList(components);
    }
    return {};
}

bool AbiType::isDynamic() const {
    switch (kind) {
    case Kind::Bytes:
    case Kind::String:
    case Kind::Array: return true;
    case Kind::FixedArray: return element().isDynamic();
    case Kind::Tuple: return std::any_of(components.begin(), components.end(), [](const AbiType& c) { return c.isDynamic(); });
    default: return false;
    }
}

std::size_t AbiType::headSize() const {
    if (isDynamic()) return 32;
    if (kind == Kind::FixedArray) return size * element().headSize();
    if (kind == Kind::Tuple) {
        std::size_t n = 0;
        for (const auto& c : components) n += c.headSize();
        return n;
    }
    return 32;
}

Result<AbiType> parseAbiType(std::string_view text) { return TypeParser(text).parseWhole(); }

Result<std::vector<AbiType>> parseAbiTypes(std::string_view text) { return TypeParser(text).parseListWhole(); }

std::string canonicalTypeList(std::span<const AbiType> types) {
    std::string out = "(";
    for (std::size_t i = 0; i < types.size(); ++i) {
        if (i) out += ',';
        out += types[i].canonical();
    }
    return out + ")";
}

// --- AbiValue -----------------------------------------------------------------

Result<U256> AbiValue::toU256() const {
    if (!isInteger()) return abiError(ErrorCode::InvalidInput, "not an integer");
    const BigInt& v = asInteger();
    if (v < 0 || v >= twoPow(256)) return abiError(ErrorCode::InvalidInput, toDecimal(v) + " is not a uint256");
    return U256(v);
}

// --- Encode / decode ------------------------------------------------------------

Result<Bytes> abiEncode(std::span<const AbiType> types, std::span<const AbiValue> values) {
    if (types.size() != values.size())
        return abiError(ErrorCode::InvalidInput, "expected " + std::to_string(types.size()) + " values for " +
                                                     std::to_string(types.size()) + " types, got " + std::to_string(values.size()));
    Bytes out;
    Path path;
    CTRN_TRY(encodeSequence([&](std::size_t i) -> const AbiType& { return types[i]; }, values, out, path));
    return out;
}

Result<std::vector<AbiValue>> abiDecode(std::span<const AbiType> types, ByteView data, AbiDecodeOptions options) {
    Decoder decoder(data, options);
    return decoder.decodeSequence([&](std::size_t i) -> const AbiType& { return types[i]; }, types.size(), 0);
}

Result<AbiValue> abiValueFromJson(const AbiType& type, const Json& json) { return fromJsonAt(type, json, "[0]"); }

Result<AbiValue> abiValueFromJson(const AbiType& type, const Json& json, const std::string& label) {
    return fromJsonAt(type, json, label);
}

Result<std::vector<AbiValue>> abiValuesFromJson(std::span<const AbiType> types, const Json& values) {
    if (!values.is_array()) return abiError(ErrorCode::InvalidInput, std::string("values must be an array, got ") + values.type_name());
    if (values.size() != types.size())
        return abiError(ErrorCode::InvalidInput, "expected " + std::to_string(types.size()) + " values for " +
                                                     std::to_string(types.size()) + " types, got " + std::to_string(values.size()));
    std::vector<AbiValue> out;
    out.reserve(types.size());
    for (std::size_t i = 0; i < types.size(); ++i) {
        CTRN_ASSIGN(AbiValue v, fromJsonAt(types[i], values[i], "[" + std::to_string(i) + "]"));
        out.push_back(std::move(v));
    }
    return out;
}

Json abiValueToJson(const AbiType& type, const AbiValue& value) {
    switch (type.kind) {
    case Kind::Uint:
    case Kind::Int: return toDecimal(value.asInteger());
    case Kind::Address: return toChecksumAddress(value.asAddress());
    case Kind::Bool: return value.asBool();
    case Kind::FixedBytes:
    case Kind::Bytes: return toHex(value.asBytes());
    case Kind::String: return value.asString();
    case Kind::Array:
    case Kind::FixedArray:
    case Kind::Tuple: {
        Json out = Json::array();
        const auto& items = value.asList();
        for (std::size_t i = 0; i < items.size(); ++i)
            out.push_back(abiValueToJson(type.kind == Kind::Tuple ? type.components[i] : type.element(), items[i]));
        return out;
    }
    }
    return nullptr;
}

Json abiValuesToJson(std::span<const AbiType> types, std::span<const AbiValue> values) {
    Json out = Json::array();
    for (std::size_t i = 0; i < types.size() && i < values.size(); ++i) out.push_back(abiValueToJson(types[i], values[i]));
    return out;
}

// --- Signatures -----------------------------------------------------------------

std::string AbiSignature::canonical() const { return name + canonicalTypeList(inputs); }

Result<AbiSignature> parseSignature(std::string_view text) {
    auto fail = [&](const std::string& why) {
        return abiError(ErrorCode::InvalidInput, "invalid signature '" + std::string(text) + "': " + why);
    };
    std::string_view s = text;
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    auto open = s.find('(');
    if (open == std::string_view::npos || s.back() != ')') return fail("expected name(types)");
    AbiSignature sig;
    sig.name = std::string(s.substr(0, open));
    if (!isIdentifier(sig.name)) return fail("'" + sig.name + "' is not a name");
    auto inputs = parseAbiTypes(s.substr(open + 1, s.size() - open - 2));
    if (!inputs) return inputs.error();
    sig.inputs = std::move(*inputs);
    return sig;
}

Selector functionSelector(const AbiSignature& signature) {
    auto hash = crypto::keccak256(asView(signature.canonical()));
    return toFixed<4>(hash);
}

Result<Selector> functionSelector(std::string_view signature) {
    CTRN_ASSIGN(AbiSignature sig, parseSignature(signature));
    return functionSelector(sig);
}

crypto::Hash256 eventTopic(const AbiSignature& signature) { return crypto::keccak256(asView(signature.canonical())); }

Result<crypto::Hash256> eventTopic(std::string_view signature) {
    CTRN_ASSIGN(AbiSignature sig, parseSignature(signature));
    return eventTopic(sig);
}

Result<Bytes> encodeCall(const AbiSignature& signature, std::span<const AbiValue> args) {
    CTRN_ASSIGN(Bytes encoded, abiEncode(signature.inputs, args));
    auto selector = functionSelector(signature);
    return concat({selector, encoded});
}

Result<Bytes> encodeCall(std::string_view signature, std::span<const AbiValue> args) {
    CTRN_ASSIGN(AbiSignature sig, parseSignature(signature));
    return encodeCall(sig, args);
}

} // namespace ctrn::encoding
