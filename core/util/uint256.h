// 256-bit integers (Boost.Multiprecision). Amounts, nonces, gas and ABI
// integers are U256 end to end; only the view formats them. Signed ABI
// values go through BigInt (arbitrary precision) and are range-checked.
//
// Lives in util (not chain) because the ABI codec in core/encoding already
// needs it; core/chain re-exports it with the chain-level helpers.
#pragma once

#include <core/util/bytes.h>
#include <core/util/result.h>

#include <boost/multiprecision/cpp_int.hpp>

#include <string>
#include <string_view>

namespace ctrn {

using U256 = boost::multiprecision::uint256_t;
using BigInt = boost::multiprecision::cpp_int;

// Parses a decimal ("1234") or 0x-hex ("0x4d2") unsigned integer; fails on
// empty input, stray characters, a sign, or a value above 2^256-1.
Result<U256> parseU256(std::string_view text);

// Parses a decimal or 0x-hex integer with an optional leading '-'.
Result<BigInt> parseBigInt(std::string_view text);

std::string toDecimal(const U256& value);
std::string toDecimal(const BigInt& value);

// JSON-RPC quantity form: 0x-prefixed, no leading zeros, "0x0" for zero.
std::string toQuantityHex(const U256& value);

// 32-byte big-endian word (ABI, storage values).
FixedBytes<32> toBigEndian32(const U256& value);

// Minimal big-endian bytes: empty for zero (RLP integer form).
Bytes toMinimalBigEndian(const U256& value);

// Big-endian bytes of at most 32 bytes to an integer.
Result<U256> fromBigEndian(ByteView bytes);

} // namespace ctrn
