// Revert reasons: the data a reverted call returns, decoded into the one
// line a user reads. Error(string) gives its text, Panic(uint256) the
// compiler's meaning of the code, and the custom errors of the protocol and
// of OpenZeppelin their name and arguments.
#pragma once

#include <core/util/bytes.h>
#include <core/util/json.h>

#include <string>
#include <string_view>

namespace ctrn::rpc {

// "reverted: insufficient allowance", "panic 0x11: arithmetic overflow or
// underflow", "ERC20InsufficientBalance(0x…, 5, 10)", or for data we cannot
// decode "reverted with data 0x…" / "reverted without a reason".
std::string decodeRevert(ByteView data);

// Adds a custom error ("AlreadyVoted(address)") to those decodeRevert names.
// Returns false if the signature does not parse.
bool registerCustomError(std::string_view signature);

// Registers every custom error of a contract ABI (the JSON array of
// resources/abi/<Contract>.json), so reverts of the protocol's contracts read
// as "InsufficientStake(0x…, 5, 10)". Returns how many were registered.
std::size_t registerAbiErrors(const Json& abi);

} // namespace ctrn::rpc
