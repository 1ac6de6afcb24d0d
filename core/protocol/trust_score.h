// The trust score of an address (provider, agent, model owner): one number
// from 0 to 100 that every screen and command shows, computed only here.
// The formula (also in docs/trust-score.md):
//
//   stake   25 x min(1, log10(1 + stake_CTRN)     / 6)   1,000,000 CTRN -> full
//   rep     20 x min(1, log10(1 + REP)            / 3)   1,000 REP      -> full
//   ratings 20 x (mean - 1) / 4 x n / (n + 5)            mean of 1..5 stars, n ratings
//   volume  20 x min(1, log10(1 + settled_CTRN)   / 5)   100,000 CTRN   -> full
//   age     15 x min(1, days since first seen / 180)
//   score = (stake + rep + ratings + volume + age) x 0.8 ^ disputes_lost
//
// Why this shape: logarithms so a whale's stake or volume cannot buy the
// whole score; n / (n + 5) so three five-star ratings from friends count
// for little next to many independent ones; a multiplicative penalty so a
// lost dispute hurts an established provider as much as a new one; age so a
// fresh address cannot reach the top on money alone. Amounts are integers
// (wei) until the final division, so the inputs are exact.
#pragma once

#include <core/storage/protocol_store.h>
#include <core/util/json.h>

#include <cstdint>

namespace ctrn::protocol {

struct TrustScore {
    double score = 0; // 0..100
    double stake = 0, reputation = 0, ratings = 0, volume = 0, age = 0; // the parts before the penalty
    double penalty = 1; // 0.8 ^ disputes lost
};

// `now` is the unix time the age is measured to (the chain head's time).
TrustScore trustScore(const storage::TrustFacts& facts, std::int64_t now);

// {score, parts: {...}, facts: {...}} with the score rounded to 0.1.
Json trustScoreJson(const TrustScore& score, const storage::TrustFacts& facts);

} // namespace ctrn::protocol
