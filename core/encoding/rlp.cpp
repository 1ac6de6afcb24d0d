#include <core/encoding/rlp.h>

#include <core/util/hex.h>

#include <cstdint>
#include <string>

namespace ctrn::encoding {
namespace {

Error rlpError(const std::string& message) { return makeError(ErrorCode::InvalidEncoding, "rlp: " + message); }

std::size_t encodedSize(const RlpItem& item);

std::size_t payloadSize(const RlpItem& item) {
    if (!item.isList()) return item.bytes().size();
    std::size_t n = 0;
    for (const auto& child : item.items()) n += encodedSize(child);
    return n;
}

std::size_t headerSize(std::size_t payload) {
    if (payload < 56) return 1;
    std::size_t n = 1;
    for (std::size_t v = payload; v != 0; v >>= 8) ++n;
    return n;
}

std::size_t encodedSize(const RlpItem& item) {
    if (!item.isList() && item.bytes().size() == 1 && item.bytes()[0] < 0x80) return 1;
    std::size_t payload = payloadSize(item);
    return headerSize(payload) + payload;
}

void encodeInto(Bytes& out, const RlpItem& item) {
    if (!item.isList()) {
        const Bytes& b = item.bytes();
        if (b.size() == 1 && b[0] < 0x80) {
            out.push_back(b[0]);
            return;
        }
        rlpAppendHeader(out, b.size(), false);
        append(out, b);
        return;
    }
    rlpAppendHeader(out, payloadSize(item), true);
    for (const auto& child : item.items()) encodeInto(out, child);
}

} // namespace

void rlpAppendHeader(Bytes& out, std::size_t size, bool isList) {
    const std::uint8_t shortBase = isList ? 0xc0 : 0x80;
    const std::uint8_t longBase = isList ? 0xf7 : 0xb7;
    if (size < 56) {
        out.push_back(static_cast<std::uint8_t>(shortBase + size));
        return;
    }
    std::uint8_t be[sizeof(std::size_t)];
    std::size_t n = 0;
    for (std::size_t v = size; v != 0; v >>= 8) be[n++] = static_cast<std::uint8_t>(v & 0xff);
    out.push_back(static_cast<std::uint8_t>(longBase + n));
    while (n > 0) out.push_back(be[--n]);
}

Bytes rlpEncode(const RlpItem& item) {
    Bytes out;
    out.reserve(encodedSize(item));
    encodeInto(out, item);
    return out;
}

Bytes rlpEncodeBytes(ByteView value) {
    Bytes out;
    if (value.size() == 1 && value[0] < 0x80) {
        out.push_back(value[0]);
        return out;
    }
    out.reserve(headerSize(value.size()) + value.size());
    rlpAppendHeader(out, value.size(), false);
    append(out, value);
    return out;
}

Bytes rlpEncodeUint(const U256& value) { return rlpEncodeBytes(toMinimalBigEndian(value)); }

Bytes rlpEncodeList(std::span<const Bytes> encodedItems) {
    std::size_t payload = 0;
    for (const auto& e : encodedItems) payload += e.size();
    Bytes out;
    out.reserve(headerSize(payload) + payload);
    rlpAppendHeader(out, payload, true);
    for (const auto& e : encodedItems) append(out, e);
    return out;
}

Result<RlpHeader> rlpDecodeHeader(ByteView input) {
    if (input.empty()) return rlpError("truncated input");
    const std::uint8_t b = input[0];
    RlpHeader h;
    if (b < 0x80) { // a single byte is its own encoding
        h.headerSize = 0;
        h.payloadSize = 1;
        return h;
    }
    if (b <= 0xb7 || (b >= 0xc0 && b <= 0xf7)) {
        h.isList = b >= 0xc0;
        h.headerSize = 1;
        h.payloadSize = static_cast<std::size_t>(b - (h.isList ? 0xc0 : 0x80));
        if (input.size() < 1 + h.payloadSize) return rlpError("truncated input");
        // 0x81 0x05 spells the byte 0x05 the long way; only 0x05 is canonical.
        if (!h.isList && h.payloadSize == 1 && input[1] < 0x80) return rlpError("non-canonical single byte");
        return h;
    }
    h.isList = b >= 0xf8;
    const std::size_t lengthSize = static_cast<std::size_t>(b - (h.isList ? 0xf7 : 0xb7));
    if (lengthSize > sizeof(std::size_t)) return rlpError("size overflows");
    if (input.size() < 1 + lengthSize) return rlpError("truncated input");
    if (input[1] == 0) return rlpError("non-canonical size"); // leading zero byte in the length
    std::size_t size = 0;
    for (std::size_t i = 0; i < lengthSize; ++i) size = (size << 8) | input[1 + i];
    if (size < 56) return rlpError("non-canonical size"); // the short form was required
    h.headerSize = 1 + lengthSize;
    h.payloadSize = size;
    // header + payload must be representable before it can be compared.
    if (size > SIZE_MAX - h.headerSize) return rlpError("size overflows");
    if (input.size() - h.headerSize < size) return rlpError("truncated input");
    return h;
}

struct RlpDecoder {
    // Decodes the item at the start of `input`; `consumed` gets its full length.
    static Result<RlpNode> decodeItem(ByteView input, std::size_t depth, std::size_t& consumed) {
        CTRN_ASSIGN(RlpHeader h, rlpDecodeHeader(input));
        RlpNode node;
        node.m_isList = h.isList;
        node.m_payload = input.subspan(h.headerSize, h.payloadSize);
        node.m_raw = input.subspan(0, h.headerSize + h.payloadSize);
        consumed = h.headerSize + h.payloadSize;
        if (!h.isList) return node;
        if (depth >= kRlpMaxDepth) return rlpError("nesting deeper than " + std::to_string(kRlpMaxDepth));
        ByteView rest = node.m_payload;
        while (!rest.empty()) {
            std::size_t used = 0;
            auto child = decodeItem(rest, depth + 1, used);
            if (!child) return child.error();
            node.m_items.push_back(std::move(*child));
            rest = rest.subspan(used);
        }
        return node;
    }
};

Result<RlpNode> rlpDecode(ByteView input) {
    if (input.empty()) return rlpError("empty input");
    std::size_t consumed = 0;
    CTRN_ASSIGN(RlpNode node, RlpDecoder::decodeItem(input, 0, consumed));
    if (consumed != input.size()) {
        std::size_t extra = input.size() - consumed;
        return rlpError(std::to_string(extra) + (extra == 1 ? " trailing byte" : " trailing bytes"));
    }
    return node;
}

Result<std::span<const RlpNode>> RlpNode::listOf(std::size_t n) const {
    if (!m_isList) return rlpError("expected a list, got a byte string");
    if (m_items.size() != n)
        return rlpError("expected a list of " + std::to_string(n) + " items, got " + std::to_string(m_items.size()));
    return std::span<const RlpNode>(m_items);
}

Result<ByteView> RlpNode::asBytes() const {
    if (m_isList) return rlpError("expected a byte string, got a list");
    return m_payload;
}

Result<U256> RlpNode::asUint() const {
    if (m_isList) return rlpError("expected an integer, got a list");
    if (m_payload.size() > 32) return rlpError("integer longer than 32 bytes");
    if (!m_payload.empty() && m_payload[0] == 0) return rlpError("integer has leading zero bytes");
    U256 v = 0;
    for (auto b : m_payload) v = (v << 8) | b;
    return v;
}

RlpItem RlpNode::toItem() const {
    if (!m_isList) return RlpItem::bytes(m_payload);
    std::vector<RlpItem> children;
    children.reserve(m_items.size());
    for (const auto& c : m_items) children.push_back(c.toItem());
    return RlpItem::list(std::move(children));
}

} // namespace ctrn::encoding

namespace ctrn::encoding {
namespace {

Result<RlpItem> fromJsonAt(const Json& json, std::size_t depth) {
    if (json.is_string()) {
        const auto& text = json.get_ref<const std::string&>();
        if (!hasHexPrefix(text)) return makeError(ErrorCode::InvalidInput, "rlp: byte strings must be 0x-prefixed hex, got \"" + text + "\"");
        auto bytes = fromHex(text);
        if (!bytes) return bytes.error();
        return RlpItem::bytes(std::move(*bytes));
    }
    if (json.is_array()) {
        if (depth >= kRlpMaxDepth) return makeError(ErrorCode::InvalidInput, "rlp: nesting deeper than " + std::to_string(kRlpMaxDepth));
        std::vector<RlpItem> items;
        items.reserve(json.size());
        for (const auto& child : json) {
            CTRN_ASSIGN(RlpItem item, fromJsonAt(child, depth + 1));
            items.push_back(std::move(item));
        }
        return RlpItem::list(std::move(items));
    }
    return makeError(ErrorCode::InvalidInput, std::string("rlp: expected a \"0x…\" string or an array, got ") + json.type_name());
}

} // namespace

Result<RlpItem> rlpItemFromJson(const Json& json) { return fromJsonAt(json, 0); }

Json rlpToJson(const RlpNode& node) {
    if (!node.isList()) return toHex(node.payload());
    Json out = Json::array();
    for (const auto& child : node.items()) out.push_back(rlpToJson(child));
    return out;
}

} // namespace ctrn::encoding
