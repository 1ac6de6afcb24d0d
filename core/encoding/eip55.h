// EIP-55 mixed-case checksum addresses.
#pragma once

#include <core/util/bytes.h>
#include <core/util/result.h>

#include <string>
#include <string_view>

namespace ctrn::encoding {

using AddressBytes = FixedBytes<20>;

// "0x" + 40 hex digits whose letters are upper-cased where the keccak of the
// lower-case hex has a nibble >= 8.
std::string toChecksumAddress(const AddressBytes& address);

// Parses an address. All-lower or all-upper hex is accepted as is; mixed case
// must match the EIP-55 checksum ("bad EIP-55 checksum" otherwise).
Result<AddressBytes> parseAddress(std::string_view text);

// True when `text` is mixed case and its checksum is right.
bool isChecksummed(std::string_view text);

} // namespace ctrn::encoding
