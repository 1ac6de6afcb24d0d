// The Computronium protocol's state proven through the light client: which
// storage slots hold a CTRN balance, a locked stake, a staking position, a
// delegate's votes (ERC20Votes checkpoints), a proposal's tallies and the
// inputs of its state, a listing's price and a buyer's licence — all
// computed from the contracts' forge storage layouts — and the reads that
// prove them at the verified head. The *Fields functions are pure (slot
// arithmetic only); prove*/read functions drive a LightClient.
#pragma once

#include <core/lightclient/light_client.h>
#include <core/lightclient/storage_layout.h>

#include <map>
#include <string>
#include <vector>

namespace ctrn::lightclient {

// A named value in a contract's storage.
struct Field {
    std::string name;
    StorageLocation location;
};

using FieldValues = std::map<std::string, U256>;

// resources/storage-layout/CONTRACT.json from `dir`.
Result<StorageLayout> loadStorageLayout(const std::string& dir, const std::string& contract);

// ComputroniumToken: balanceOf(owner), lockedOf(owner) (stake locked in the
// StakingHub), delegates(owner) and the number of vote checkpoints of owner.
Result<std::vector<Field>> tokenAccountFields(const StorageLayout& token, const chain::Address& owner);
// The checkpoint `index` of owner's votes: its block (_key) and votes (_value).
Result<std::vector<Field>> voteCheckpointFields(const StorageLayout& token, const chain::Address& owner, const U256& index);
// StakingHub: the agent's registration and pools (bonded and unbonding
// stake and shares), and delegator's position with that agent (principal,
// shares, unbonding shares and release time).
Result<std::vector<Field>> stakeFields(const StorageLayout& hub, const chain::Address& agent, const chain::Address& delegator);
// What a position is worth now, from proven stakeFields values, by the hub's
// own formula (StakingHub.stakeOf): shares of a pool whose value slashing
// has reduced. So a slashed stake shows its slashed value, not the principal.
struct StakeValue {
    U256 bonded = 0;
    U256 unbonding = 0;
};
StakeValue stakeValue(const FieldValues& stakeFieldValues);
// A Governor: the proposal's tallies (against/for/abstain), the inputs of
// its state (proposer, voteStart, voteDuration, executed, canceled,
// etaSeconds) and, when given, whether `voter` has voted.
Result<std::vector<Field>> proposalFields(const StorageLayout& governor, const U256& proposalId,
                                          const std::optional<chain::Address>& voter = std::nullopt);
// Marketplace: listing `id` (provider, kind, active, price) and, when given,
// whether `buyer` holds its licence.
Result<std::vector<Field>> listingFields(const StorageLayout& marketplace, const U256& listingId,
                                         const std::optional<chain::Address>& buyer = std::nullopt);

// Proves `fields` of `contract` at the verified head (one eth_getProof).
Result<Checked<FieldValues>> proveFields(LightClient& client, const chain::Address& contract, const std::vector<Field>& fields);

// A delegate's current votes (the newest ERC20Votes checkpoint's value, 0
// without checkpoints): the checkpoint count, then that checkpoint, both
// proven at the same verified block.
Result<Checked<U256>> proveVotes(LightClient& client, const chain::Address& token, const StorageLayout& layout,
                                 const chain::Address& account);

} // namespace ctrn::lightclient
