// The staking screen's reads, written once for ctrn and the app: every
// registered agent with its record, reputation and whether it is in the
// elected set (through the bindings, as `ctrn agents show` reads one), and
// the storage fields that prove a holder's positions and the agents' pools
// in ONE eth_getProof of the StakingHub per block (all slots of a screen in
// one call, not one per figure), with the hub's own formulas applied to
// the proven words (a slashed stake shows its slashed value, pending
// rewards as StakingHub.pendingRewards computes them).
#pragma once

#include <core/chain/address.h>
#include <core/lightclient/protocol_proofs.h>
#include <core/protocol/bindings.h>
#include <core/util/result.h>
#include <core/util/uint256.h>

#include <cstdint>
#include <string>
#include <vector>

namespace ctrn::protocol {

struct AgentSummary {
    chain::Address address;
    std::string name;
    std::string metadataUri;
    std::uint32_t commissionBps = 0;
    std::uint64_t registeredAt = 0;
    U256 bondedStake = 0;
    U256 unbondingStake = 0;
    U256 reputation = 0;
    bool elected = false; // in electedAgents(): the top N by stake
};

// Every registered agent, in registration order (agentList), as the node
// answers (unverified).
Result<std::vector<AgentSummary>> readAgents(const Protocol& protocol);

// Which names look like which: for each name, the indices of the others
// that a person could take for it — equal once case, spacing, punctuation
// and look-alike characters (0/o, 1/l/i, 5/s, rn/m, vv/w) are folded, or
// one edit apart when at least five characters long. An impostor copies an
// agent's name to collect its stake (keplr-wallet#262); both are flagged.
std::vector<std::vector<std::size_t>> lookAlikeNames(const std::vector<std::string>& names);

// The hub's fields for `holder` with each of `agents`, named "i.field"
// (i: the agent's index in `agents`): the agent's pools, commission,
// reward accumulator and reward stream, and the holder's position with it.
Result<std::vector<lightclient::Field>> stakingScreenFields(const lightclient::StorageLayout& hub,
                                                            const std::vector<chain::Address>& agents,
                                                            const chain::Address& holder);

// What the proven words of agent `i` come to.
struct ProvenStake {
    U256 totalStake = 0;     // the agent's bonded pool
    U256 commissionBps = 0;
    U256 principal = 0;      // the holder's locked tokens for this position
    U256 bonded = 0;         // its bonded value now (after slashes)
    U256 unbonding = 0;      // its unbonding value now
    U256 releaseAt = 0;      // unix seconds the unbonding part is free
    U256 pendingRewards = 0; // what claim() would pay
};
// `now` is the proven block's timestamp: rewards stream in over time
// (StakingHub._streamed), so what is pending depends on the block's clock
// as the hub's own view does when called at that block.
ProvenStake provenStake(const lightclient::FieldValues& values, std::size_t i, std::uint64_t now);

// Where an agent stands in the election of the top `seats` agents by
// bonded stake (StakingHub.electedAgents: highest first, ties to the
// earlier registered, an agent without stake never elected).
struct ElectionStanding {
    std::size_t rank = 0;      // 1-based among the agents with stake; 0 without stake
    bool elected = false;
    // Elected: its stake minus the stake at seat seats+1 (the best agent
    // outside); its whole stake when no agent with stake is outside.
    // Not elected: what the stake at seat `seats` exceeds its own by; 0
    // when a seat is free.
    U256 margin = 0;
    std::size_t comparedSeat = 0; // the seat the margin is measured against; 0: none (nobody outside, or a free seat)
};
// The standings of agents with `stakes` (in registration order, the hub's
// agentList) for `seats` seats.
std::vector<ElectionStanding> electionStandings(const std::vector<U256>& stakes, std::size_t seats);
// Agent i's standing were `extra` added to its stake (the stake form's
// "what would my amount do").
ElectionStanding standingWith(std::vector<U256> stakes, std::size_t seats, std::size_t i, const U256& extra);

} // namespace ctrn::protocol
