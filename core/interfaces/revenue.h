// interfaces::Revenue: the revenue section's reads as plain values — the
// pool (funds of the open epoch, totals received, burned, claimed, rolled
// over; the category shares and the weight mode; the epoch's end), the
// revenue of recent epochs, and one holder's share of every (epoch,
// category) still claimable, RECOMPUTED here from proven inputs (the
// epoch's record, the category's totals, the holder's recorded weights and
// CTRN's lock history) by the distributor's own formula and compared with
// what the node's `claimable` says. Every figure is a Checked<T>
// (checked.h): proven with one eth_getProof per contract and block for the
// whole screen, unverified (and why), or a mismatch (no value, the node
// named). Not thread-safe (the app calls it from its worker).
#pragma once

#include <core/chain/address.h>
#include <core/interfaces/checked.h>
#include <core/util/result.h>
#include <core/util/uint256.h>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ctrn::interfaces {

inline constexpr std::size_t kRevenueCategories = 4;
// "compute", "data", "developers", "community": the distributor's order.
const char* revenueCategoryName(std::size_t category);
// A figure not read yet (every Checked member starts so).
inline Checked<U256> notRead() { return Checked<U256>(Unverified<U256>(U256(0), "not read")); }

struct RevenuePool {
    U256 currentEpoch = 0;             // the open epoch (proven with the rest)
    std::uint64_t epochStart = 0;      // unix seconds the open epoch began
    std::uint64_t epochEnd = 0;        // when it can be finalized (start + length)
    std::uint64_t epochLength = 0;     // seconds
    std::uint64_t chainTime = 0;       // the proven block's timestamp (the chain's clock)
    bool finalizeDue = false;          // chainTime >= epochEnd: anyone may finalize now
    Checked<U256> openEpochFunds = notRead();      // what the open epoch will share (after burn, with roll-overs)
    Checked<U256> totalReceived = notRead(), totalBurned = notRead(), totalClaimed = notRead(), totalRolledOver = notRead(), outstanding = notRead();
    Checked<U256> burnBps = notRead(), activityBps = notRead(), claimWindowEpochs = notRead();
    std::array<Checked<U256>, kRevenueCategories> shareBps{notRead(), notRead(), notRead(), notRead()}; // the configuration new epochs take
};

// One finalized epoch, for the chart and the history.
struct RevenueEpoch {
    U256 epoch = 0;
    std::uint64_t start = 0, end = 0;
    Checked<U256> amount = notRead();    // shared by the categories
    Checked<U256> claimable = notRead(); // what weights covered (the rest rolled over at once)
    Checked<U256> claimed = notRead();
    bool rolledOver = false;
};

// The holder's share of one (epoch, category).
struct RevenueShare {
    U256 epoch = 0;
    std::size_t category = 0;
    Checked<U256> recomputed = notRead();      // claimable now, computed here from proven inputs
    Checked<U256> entitled = notRead();        // what the epoch gave, claimed or not
    std::optional<U256> nodeClaimable; // the node's claimable() (eth_call); none when it did not answer
    bool agrees = true;            // recomputed (when shown) equals the node's figure
    Checked<U256> myStake = notRead(), myActivity = notRead();       // the holder's weights (stake: the effective one)
    Checked<U256> totalStake = notRead(), totalActivity = notRead(); // the category's totals
    bool claimed = false;
    bool open = false;             // the epoch is still open: accruing, not claimable yet
    // The claim window: claimable while the open epoch is at most
    // `lastEpoch`; closes at the earliest when that epoch is finalized.
    U256 lastEpoch = 0;
    std::uint64_t closesAt = 0;    // unix seconds, at the earliest
    bool closesNext = false;       // the next finalization closes it
    std::string why;               // for 0 claimable: why, in a sentence
};

// One claim the holder made (a Claimed event of the distributor).
struct RevenueClaim {
    U256 epoch = 0;
    std::size_t category = 0;
    // Verified when the screen's proof covers the epoch and shows the share
    // claimed for exactly this amount; a mismatch when the proven state
    // contradicts the node's log; else unverified (older epochs: the node's
    // event logs are not proven here).
    Checked<U256> amount = notRead();
    std::uint64_t block = 0;
    std::string transaction; // 0x hash
};

struct RevenueAccount {
    std::optional<chain::Address> holder;
    RevenuePool pool;
    std::vector<RevenueEpoch> epochs;  // finalized, newest first
    std::vector<RevenueShare> shares;  // the holder's: every (epoch, category) with weight, open epoch first
    Checked<U256> totalClaimable = notRead();      // the sum of the recomputed claimables (hidden if one is)
    std::size_t disagreements = 0;     // shares whose recomputation differs from the node's figure
    Checked<U256> myLocked = notRead();            // the holder's CTRN locked (staked) now
    // What checking in to the community category would add to the holder's
    // stake weight in the open epoch (stake locked since it began, above
    // what is recorded); 0: nothing to gain.
    Checked<U256> checkInGain = notRead();
    std::vector<RevenueClaim> claims;  // the holder's claims, newest first
    std::string claimsError;           // why the claims could not be listed (the rest stands)
    // Empty when Claim all can run; else why not and what to do.
    std::string claimBlocked;
};

class Revenue {
public:
    virtual ~Revenue() = default;
    // The pool and recent epochs; with a holder, its shares.
    virtual Result<RevenueAccount> overview(const std::optional<chain::Address>& holder) = 0;
    // The holder's claims as CSV (epoch, category, amount in wei and CTRN,
    // block, transaction, proof state) written atomically to `path`; the
    // number of claims written.
    virtual Result<std::size_t> exportClaimsCsv(const chain::Address& holder, const std::string& path) = 0;
    // How many eth_getProof calls the reads above have made (tests count them).
    virtual std::uint64_t proofCalls() const = 0;
};

} // namespace ctrn::interfaces
