// ERC-20 facts the wallet pages show beside a balance: the token's symbol,
// and for CTRN, which locks staked tokens in place (ComputroniumToken's
// lockedOf / unlockedBalanceOf), how much of the balance is locked by the
// staking hub and how much is free to send. Exact integers in the token's
// smallest unit; as the node reports them (Unverified) until proven.
#pragma once

#include <core/chain/address.h>
#include <core/rpc/node.h>
#include <core/rpc/unverified.h>
#include <core/util/result.h>
#include <core/util/uint256.h>

#include <string>

namespace ctrn::wallet {

struct LockedTokenBalance {
    U256 total = 0;  // balanceOf
    U256 locked = 0; // lockedOf: staked (bonded or unbonding), cannot be transferred
    U256 free() const { return total >= locked ? total - locked : U256(0); }
};

// balanceOf and lockedOf of a token that locks in place, both at `block`
// (so the parts agree); a token without lockedOf is an error naming it.
Result<rpc::Unverified<LockedTokenBalance>> lockedTokenBalance(rpc::EthNode& node, const chain::Address& token,
                                                               const chain::Address& owner, const std::string& block = "latest");
// symbol() (string); an empty or missing symbol is an error.
Result<std::string> tokenSymbol(rpc::EthNode& node, const chain::Address& token);

} // namespace ctrn::wallet
