// The revenue screen's reads, written once for ctrn and the app: which
// storage fields of the RevenueDistributor hold the pool, each epoch's
// record and every (epoch, category) total and weight of one holder — all
// proven in ONE eth_getProof of the distributor per block — and which
// checkpoints of CTRN's lock history (`lockedAt`) answer the stake cap at
// an epoch's start and end, proven in one eth_getProof of the token. Then
// the distributor's own claim formula (RevenueDistributor._claimable)
// applied to the proven words: a holder's share recomputed here, not taken
// from the node's `claimable`, so a node that lies about either is caught.
#pragma once

#include <core/chain/address.h>
#include <core/lightclient/protocol_proofs.h>
#include <core/util/result.h>
#include <core/util/uint256.h>

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace ctrn::protocol {

inline constexpr std::uint8_t kRevenueCategoryCount = 4; // compute, data, developers, community
inline constexpr std::uint8_t kCommunityCategory = 3;
inline constexpr std::uint64_t kMaxStakePerActivity = 10; // RevenueDistributor.MAX_STAKE_PER_ACTIVITY

// The epochs a screen shows: the open one, those still claimable (the
// window) and `history` finalized ones before them, newest first.
std::vector<U256> revenueScreenEpochs(const U256& currentEpoch, const U256& claimWindow, std::size_t history);

// The distributor's fields: the pool (named as the contract's variables:
// "currentEpoch", "totalReceived", "shareBps", ...) and, per epoch e of
// `epochs`, "e<e>.start|end|rolledOver|activityBps|amount|claimable|claimed|shareBps"
// and, for the first `detailed` of them (the open epoch and the window), per
// category c "e<e>.c<c>.totalStake|totalActivity" and, with a holder,
// "e<e>.c<c>.stake|activity|claimed" (older epochs: the record only, for
// the chart).
Result<std::vector<lightclient::Field>> revenueScreenFields(const lightclient::StorageLayout& distributor, const std::vector<U256>& epochs,
                                                            std::size_t detailed, const std::optional<chain::Address>& holder);

struct RevenueEpochRecord {
    U256 start = 0, end = 0; // unix seconds; end 0 while open
    bool rolledOver = false;
    U256 activityBps = 0, amount = 0, claimable = 0, claimed = 0;
    std::array<U256, kRevenueCategoryCount> shareBps{};
};
struct RevenueWeight {
    U256 stake = 0, activity = 0;
};
// The pool's share configuration word (uint16[4] packed in one slot).
std::array<U256, kRevenueCategoryCount> unpackShares(const U256& word);
RevenueEpochRecord epochRecord(const lightclient::FieldValues& v, const U256& epoch);
RevenueWeight categoryTotal(const lightclient::FieldValues& v, const U256& epoch, std::uint8_t category);
RevenueWeight holderWeight(const lightclient::FieldValues& v, const U256& epoch, std::uint8_t category);
bool holderClaimed(const lightclient::FieldValues& v, const U256& epoch, std::uint8_t category);

// CTRN's lock history of `holder` (Checkpoints.Trace208 `_lockedHistory`):
// where its length lives, and the fields "lock.length", "lock.<i>.key",
// "lock.<i>.value" for checkpoints `indices`.
Result<lightclient::StorageLocation> lockHistoryLength(const lightclient::StorageLayout& token, const chain::Address& holder);
Result<std::vector<lightclient::Field>> lockHistoryFields(const lightclient::StorageLayout& token, const chain::Address& holder,
                                                          const std::vector<U256>& indices);
// The checkpoint upperLookupRecent(t) returns: the last with key <= t, or
// none (-1) — searched in `keyAt` (a checkpoint's key by index; unproven
// reads are fine, the proof of the answer's neighbours decides). The
// indices to prove for it: the answer and the one after (when they exist).
Result<std::vector<U256>> lockLookupIndices(const U256& length, const U256& t, const std::function<Result<U256>(const U256&)>& keyAt);
// ComputroniumToken.lockedAt(holder, t) from proven checkpoints; none when
// the proven entries do not settle it (a neighbour missing, or keys out of
// order: the node answered other slots than it proved).
std::optional<U256> lockedAtFrom(const lightclient::FieldValues& v, const U256& t);

// What one (epoch, category) pays `holder`, by the distributor's formula.
struct ShareInputs {
    U256 epoch = 0, currentEpoch = 0, claimWindow = 0;
    std::uint8_t category = 0;
    RevenueEpochRecord record;
    RevenueWeight total, mine;
    bool claimed = false;
    U256 lockedAtStart = 0, lockedAtEnd = 0; // lockedAt(holder, start), lockedAt(holder, end - 1)
};
struct ShareFigures {
    U256 payable = 0;         // claimable(epoch, category, holder): 0 once claimed or closed
    U256 entitled = 0;        // the same before the claimed / window checks (what the epoch gave)
    U256 effectiveStake = 0;  // stakeWeightOf: the recorded stake capped by what stayed locked
    U256 stakePart = 0;       // the category's stake-weighted part of the epoch
    U256 activityPart = 0;    // its activity-weighted part
    bool windowOpen = false;  // finalized, not rolled over, inside the claim window
};
ShareFigures recomputeShare(const ShareInputs& in);

} // namespace ctrn::protocol
