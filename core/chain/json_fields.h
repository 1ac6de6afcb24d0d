// Reading typed fields out of JSON-RPC objects (blocks, transactions,
// receipts, proofs): quantities, fixed-size data, addresses. Each error names
// the field, so "header: field 'stateRoot': expected 32 bytes" says where.
#pragma once

#include <core/chain/address.h>
#include <core/chain/hash.h>
#include <core/util/hex.h>
#include <core/util/json.h>
#include <core/util/uint256.h>

#include <optional>
#include <string>

namespace ctrn::chain::json {

// A required hex quantity ("0x1a") or decimal string/number.
Result<U256> quantity(const Json& object, const char* field);
Result<std::uint64_t> quantity64(const Json& object, const char* field);
// Present-or-absent variants: nullopt when the field is missing or null.
Result<std::optional<U256>> optionalQuantity(const Json& object, const char* field);
Result<std::optional<Hash>> optionalHash(const Json& object, const char* field);

Result<Bytes> data(const Json& object, const char* field);
Result<Hash> hash(const Json& object, const char* field);
Result<Address> address(const Json& object, const char* field);
template <std::size_t N>
Result<FixedBytes<N>> fixedData(const Json& object, const char* field);

// The value of a JSON number or string as U256 (ctrn input accepts both).
Result<U256> toU256(const Json& value, const std::string& what);

} // namespace ctrn::chain::json
