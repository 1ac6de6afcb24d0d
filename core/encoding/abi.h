// The Solidity contract ABI (docs.soliditylang.org, "Contract ABI
// Specification"): type strings, typed values, the head/tail encoder, a
// bounds-checked decoder, JSON conversion for ctrn, and function selectors
// and event topics. Contract bindings in core/protocol are built on this.
#pragma once

#include <core/crypto/keccak.h>
#include <core/encoding/eip55.h>
#include <core/util/bytes.h>
#include <core/util/json.h>
#include <core/util/result.h>
#include <core/util/uint256.h>

#include <cassert>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace ctrn::encoding {

// --- Types ------------------------------------------------------------------

struct AbiType {
    enum class Kind { Uint, Int, Address, Bool, FixedBytes, Bytes, String, Array, FixedArray, Tuple };

    Kind kind = Kind::Uint;
    // Bits for Uint/Int (8..256), bytes for FixedBytes (1..32), element count for FixedArray.
    std::size_t size = 256;
    // The element type for Array/FixedArray (exactly one), the members of a Tuple.
    std::vector<AbiType> components;

    static AbiType uint(std::size_t bits = 256) { return {Kind::Uint, bits, {}}; }
    static AbiType sint(std::size_t bits = 256) { return {Kind::Int, bits, {}}; }
    static AbiType address() { return {Kind::Address, 20, {}}; }
    static AbiType boolean() { return {Kind::Bool, 1, {}}; }
    static AbiType fixedBytes(std::size_t n) { return {Kind::FixedBytes, n, {}}; }
    static AbiType bytes() { return {Kind::Bytes, 0, {}}; }
    static AbiType string() { return {Kind::String, 0, {}}; }
    static AbiType array(AbiType element) { return {Kind::Array, 0, {std::move(element)}}; }
    static AbiType fixedArray(AbiType element, std::size_t n) { return {Kind::FixedArray, n, {std::move(element)}}; }
    static AbiType tuple(std::vector<AbiType> members) { return {Kind::Tuple, 0, std::move(members)}; }

    const AbiType& element() const { return components.front(); }
    // The canonical spelling used in selectors: "uint256", "(bytes,bool)[2]".
    std::string canonical() const;
    // Dynamic types are encoded in the tail behind an offset.
    bool isDynamic() const;
    // Bytes the type takes in its enclosing head: 32 for a dynamic type, the
    // whole static encoding otherwise (a uint256[3] takes 96).
    std::size_t headSize() const;

    bool operator==(const AbiType&) const = default;
};

// Parses one type. Accepts the aliases "uint"/"int" (= 256 bits) and
// surrounding whitespace; rejects anything else with a message naming the
// problem ("abi: invalid type 'uint7': bits must be a multiple of 8 in 8..256").
Result<AbiType> parseAbiType(std::string_view text);
// Parses a comma-separated list without outer parentheses; "" is no types.
Result<std::vector<AbiType>> parseAbiTypes(std::string_view text);
// The canonical "(t1,t2,...)" of a list of types.
std::string canonicalTypeList(std::span<const AbiType> types);

// --- Values -----------------------------------------------------------------

// A value of some AbiType. Integers of every width and sign are BigInt (the
// encoder checks the range for the type); bytes and bytesN are both Bytes;
// arrays and tuples are both a list.
class AbiValue {
public:
    using List = std::vector<AbiValue>;

    AbiValue() : m_value(BigInt(0)) {}
    static AbiValue integer(BigInt v) { return AbiValue(Storage(std::in_place_index<0>, std::move(v))); }
    static AbiValue uint(const U256& v) { return integer(BigInt(v)); }
    static AbiValue address(const AddressBytes& a) { return AbiValue(Storage(std::in_place_index<1>, a)); }
    static AbiValue boolean(bool b) { return AbiValue(Storage(std::in_place_index<2>, b)); }
    static AbiValue bytes(Bytes b) { return AbiValue(Storage(std::in_place_index<3>, std::move(b))); }
    static AbiValue string(std::string s) { return AbiValue(Storage(std::in_place_index<4>, std::move(s))); }
    static AbiValue list(List items) { return AbiValue(Storage(std::in_place_index<5>, std::move(items))); }

    bool isInteger() const { return m_value.index() == 0; }
    bool isAddress() const { return m_value.index() == 1; }
    bool isBool() const { return m_value.index() == 2; }
    bool isBytes() const { return m_value.index() == 3; }
    bool isString() const { return m_value.index() == 4; }
    bool isList() const { return m_value.index() == 5; }

    // Accessors for the held alternative; calling the wrong one is a bug
    // (asserted). Values from abiDecode/abiValueFromJson always match their type.
    const BigInt& asInteger() const { assert(isInteger()); return std::get<0>(m_value); }
    const AddressBytes& asAddress() const { assert(isAddress()); return std::get<1>(m_value); }
    bool asBool() const { assert(isBool()); return std::get<2>(m_value); }
    const Bytes& asBytes() const { assert(isBytes()); return std::get<3>(m_value); }
    const std::string& asString() const { assert(isString()); return std::get<4>(m_value); }
    const List& asList() const { assert(isList()); return std::get<5>(m_value); }
    // The integer as U256; fails if it is negative or wider than 256 bits.
    Result<U256> toU256() const;

    bool operator==(const AbiValue&) const = default;

private:
    using Storage = std::variant<BigInt, AddressBytes, bool, Bytes, std::string, List>;
    explicit AbiValue(Storage v) : m_value(std::move(v)) {}
    Storage m_value;
};

// --- Encoding and decoding ----------------------------------------------------

// Encodes values as the tuple (types...), as in call data after the selector
// or in return data. Fails (InvalidInput) if a value does not fit its type.
Result<Bytes> abiEncode(std::span<const AbiType> types, std::span<const AbiValue> values);

struct AbiDecodeOptions {
    // Strict rejects what the Solidity encoder never produces: bits above a
    // uintN/intN/address's width (or not its sign extension), a bool other
    // than 0 or 1, and non-zero padding after bytesN/bytes/string. Lenient
    // ignores them (some older contracts return dirty words).
    bool strict = true;
};

// Decodes data as the tuple (types...). Every offset and length is checked
// against the data; malformed or hostile data fails with InvalidEncoding and
// never allocates much more than the data's own size. Bytes after the
// encoding are allowed (call data may carry extra).
Result<std::vector<AbiValue>> abiDecode(std::span<const AbiType> types, ByteView data,
                                        AbiDecodeOptions options = {});

// --- JSON form (ctrn abi encode/decode) ---------------------------------------

// Integers: JSON numbers, or decimal or 0x-hex strings, a leading '-' for
// intN; address: hex, mixed case must be EIP-55; bool: true/false; bytes and
// bytesN: 0x hex (bytesN exactly N bytes); string: a JSON string; arrays and
// tuples: JSON arrays.
Result<AbiValue> abiValueFromJson(const AbiType& type, const Json& json);
// The same, naming the value `label` in errors ("abi: Mail.to (address): ...").
Result<AbiValue> abiValueFromJson(const AbiType& type, const Json& json, const std::string& label);
Result<std::vector<AbiValue>> abiValuesFromJson(std::span<const AbiType> types, const Json& values);
// Integers as decimal strings, addresses EIP-55, bytes as 0x hex. The value
// must be of the type (as abiDecode and abiValueFromJson return them).
Json abiValueToJson(const AbiType& type, const AbiValue& value);
Json abiValuesToJson(std::span<const AbiType> types, std::span<const AbiValue> values);

// --- Functions and events ---------------------------------------------------

// "transfer(address,uint256)": a name and its parameter types.
struct AbiSignature {
    std::string name;
    std::vector<AbiType> inputs;
    // "transfer(address,uint256)" with every type canonical (uint -> uint256).
    std::string canonical() const;
};

Result<AbiSignature> parseSignature(std::string_view text);

using Selector = FixedBytes<4>;

// First four bytes of keccak256(canonical signature).
Selector functionSelector(const AbiSignature& signature);
Result<Selector> functionSelector(std::string_view signature);
// keccak256(canonical signature): topic 0 of a non-anonymous event.
crypto::Hash256 eventTopic(const AbiSignature& signature);
Result<crypto::Hash256> eventTopic(std::string_view signature);

// Call data: selector followed by the encoded arguments.
Result<Bytes> encodeCall(const AbiSignature& signature, std::span<const AbiValue> args);
Result<Bytes> encodeCall(std::string_view signature, std::span<const AbiValue> args);

} // namespace ctrn::encoding
