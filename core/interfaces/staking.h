// interfaces::Staking: the staking section's reads as plain values — the
// agents with their stake, commission, reputation and elected flag, and one
// holder's balances, positions, unbonding entries and REP. Every figure a
// person acts on is a Checked<T> (checked.h): proven against a verified
// header with one eth_getProof per contract and block for the whole screen,
// unverified when no proof is possible (and why), or a mismatch (no value,
// the node named). Built by makeServices over the protocol's bindings and the
// light client; not thread-safe (the app calls it from its worker).
#pragma once

#include <core/chain/address.h>
#include <core/interfaces/checked.h>
#include <core/util/result.h>
#include <core/util/uint256.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ctrn::interfaces {

struct StakingAgent {
    chain::Address address;
    std::string name;
    std::string metadataUri;
    bool elected = false;           // in the StakingHub's electedAgents()
    std::uint32_t commissionBps = 0;
    U256 reputation = 0;            // the agent's REP (the node's figure)
    Checked<U256> totalStake;       // the agent's bonded pool
    Checked<U256> myStake;          // the holder's bonded value with it (0 without a holder)
    // Other agents whose names a person could take for this one's (same
    // after folding case, punctuation and look-alike characters, or one
    // edit apart): both are flagged, since either may be the impostor.
    std::vector<chain::Address> lookAlikes;
    // Its place in the election by proven stake (ranked as the hub ranks:
    // stake, then registration order): rank 1.. (0 without stake), and the
    // margin to the elected set's edge (ElectionOutlook), carrying the
    // proof state of the stakes it was computed from.
    std::size_t rank = 0;
    Checked<U256> margin = Unverified<U256>(U256(0), "not computed");
    std::size_t marginSeat = 0; // elected: seat seats+1 it leads; not: seat `seats` it trails; 0: none
    std::size_t seats = 0;      // the elected set's size (the hub's electedCount, proven)
};

// Where an agent would stand with `extra` more stake, the others unchanged
// (the stake form: "rank 6 -> 3, elected"). From the agents' shown stakes
// (a hidden one counts as zero); core's ranking, the same as ctrn's.
struct ElectionOutlook {
    std::size_t rank = 0;
    bool elected = false;
    U256 margin = 0;
    std::size_t marginSeat = 0;
};
ElectionOutlook electionOutlook(const std::vector<StakingAgent>& agents, std::size_t index, const U256& extra);

// One position of the holder with one agent. The unbonding part is one
// entry per position (the hub merges a new request into it and moves its
// release time).
struct StakingPosition {
    chain::Address agent;
    std::string agentName;
    Checked<U256> principal;      // the tokens locked for it
    Checked<U256> bonded;         // its bonded value now (after any slash)
    Checked<U256> unbonding;      // its unbonding value now
    Checked<U256> pendingRewards; // what claim() would pay now
    std::uint64_t releaseAt = 0;  // unix seconds the unbonding part is free (0: none)
};

struct StakingAccount {
    chain::Address holder;
    Checked<U256> balance;     // CTRN
    Checked<U256> locked;      // staked (locked in place)
    Checked<U256> unlocked;    // balance - locked: what can be staked or sent
    Checked<U256> reputation;  // REP
    std::vector<StakingPosition> positions; // only agents with a position
    std::uint64_t chainTime = 0;       // the newest block's timestamp (the chain's clock)
    std::uint64_t unbondingPeriod = 0; // seconds
};

class Staking {
public:
    virtual ~Staking() = default;
    // Every registered agent; `holder`'s stake with each when given.
    virtual Result<std::vector<StakingAgent>> agents(const std::optional<chain::Address>& holder) = 0;
    // The holder's CTRN, REP and positions.
    virtual Result<StakingAccount> account(const chain::Address& holder) = 0;
    // How many eth_getProof calls the reads above have made (tests count them).
    virtual std::uint64_t proofCalls() const = 0;
};

} // namespace ctrn::interfaces
