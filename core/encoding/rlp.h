// RLP (Recursive Length Prefix, Ethereum Yellow Paper appendix B): an owning
// item type, the encoder, and a strict decoder whose nodes are views into the
// input. Transactions, headers, receipts and trie nodes are all built on it.
//
// The decoder accepts only the canonical encoding, so decode(x) succeeding
// means encode(decode(x)) == x. That is what makes hashes of decoded data
// meaningful: a non-canonical form would give the same values a second hash.
#pragma once

#include <core/util/bytes.h>
#include <core/util/json.h>
#include <core/util/result.h>
#include <core/util/uint256.h>

#include <cassert>
#include <cstddef>
#include <span>
#include <variant>
#include <vector>

namespace ctrn::encoding {

// An owned RLP value: a byte string or a list of items.
class RlpItem {
public:
    RlpItem() : m_value(Bytes{}) {}
    static RlpItem bytes(Bytes value) { return RlpItem(std::move(value)); }
    static RlpItem bytes(ByteView value) { return RlpItem(toBytes(value)); }
    static RlpItem uint(const U256& value) { return RlpItem(toMinimalBigEndian(value)); }
    static RlpItem list(std::vector<RlpItem> items = {}) { return RlpItem(std::move(items)); }

    bool isList() const { return m_value.index() == 1; }
    // Only for a byte string / only for a list: calling the wrong one is a
    // bug (asserted), never something input can cause.
    const Bytes& bytes() const { assert(!isList()); return std::get<0>(m_value); }
    const std::vector<RlpItem>& items() const { assert(isList()); return std::get<1>(m_value); }
    std::vector<RlpItem>& items() { assert(isList()); return std::get<1>(m_value); }

    bool operator==(const RlpItem&) const = default;

private:
    explicit RlpItem(Bytes value) : m_value(std::move(value)) {}
    explicit RlpItem(std::vector<RlpItem> items) : m_value(std::move(items)) {}
    std::variant<Bytes, std::vector<RlpItem>> m_value;
};

// --- Encoding ---------------------------------------------------------------

Bytes rlpEncode(const RlpItem& item);
Bytes rlpEncodeBytes(ByteView value);
// Minimal big-endian form: zero is the empty string (0x80).
Bytes rlpEncodeUint(const U256& value);
// A list whose items are already RLP-encoded (transactions and trie nodes
// build their fields one by one; this only adds the list header).
Bytes rlpEncodeList(std::span<const Bytes> encodedItems);
// Appends the header of a string (isList = false) or list payload of `size` bytes.
void rlpAppendHeader(Bytes& out, std::size_t size, bool isList);

// --- Decoding ---------------------------------------------------------------

// A decoded item that points into the buffer it was decoded from; that buffer
// must outlive it. raw() is the item's complete encoding (header included),
// which trie proofs hash and compare.
class RlpNode {
public:
    bool isList() const { return m_isList; }
    // The string's bytes, or the list's encoded payload.
    ByteView payload() const { return m_payload; }
    ByteView raw() const { return m_raw; }
    const std::vector<RlpNode>& items() const { return m_items; }

    // A list's items, failing unless this is a list of exactly `n` items
    // ("rlp: expected a list of 9 items, got 8"), for fixed-shape records.
    Result<std::span<const RlpNode>> listOf(std::size_t n) const;
    // A byte string (error if this is a list).
    Result<ByteView> asBytes() const;
    // A canonical unsigned integer: a string of at most 32 bytes without
    // leading zero bytes ("rlp: integer has leading zero bytes").
    Result<U256> asUint() const;
    // An owning copy of the tree.
    RlpItem toItem() const;

private:
    friend struct RlpDecoder;
    bool m_isList = false;
    ByteView m_payload;
    ByteView m_raw;
    std::vector<RlpNode> m_items;
};

// Deepest list nesting the decoder follows (it recurses; an input of nested
// empty lists must not exhaust the stack).
inline constexpr std::size_t kRlpMaxDepth = 1024;

// Decodes exactly one item that must span all of `input`. Every error is
// ErrorCode::InvalidEncoding with a message starting "rlp: ".
Result<RlpNode> rlpDecode(ByteView input);

// The header of the first item in `input`: where its payload starts and how
// long it is, with the same canonical-form checks as rlpDecode.
struct RlpHeader {
    bool isList = false;
    std::size_t headerSize = 0;
    std::size_t payloadSize = 0;
};
Result<RlpHeader> rlpDecodeHeader(ByteView input);

// --- JSON form (ctrn rlp encode/decode) ---------------------------------------

// "0x…" is a byte string and an array is a list, nested as deep as needed
// (up to kRlpMaxDepth).
Result<RlpItem> rlpItemFromJson(const Json& json);
Json rlpToJson(const RlpNode& node);

} // namespace ctrn::encoding
