#include <core/protocol/trust_score.h>

#include <algorithm>
#include <cmath>

namespace ctrn::protocol {
namespace {

// wei -> whole tokens as a double (exact integer division first: the
// double only ever sees values below 2^256 / 1e18).
double tokens(const U256& wei) {
    U256 whole = wei / U256("1000000000000000000");
    U256 frac = wei % U256("1000000000000000000");
    return whole.convert_to<double>() + frac.convert_to<double>() / 1e18;
}

double logPart(double value, double fullAtLog10) { return std::min(1.0, std::log10(1.0 + value) / fullAtLog10); }

double round1(double v) { return std::round(v * 10.0) / 10.0; }

} // namespace

TrustScore trustScore(const storage::TrustFacts& f, std::int64_t now) {
    TrustScore t;
    t.stake = 25.0 * logPart(tokens(f.stake), 6.0);
    t.reputation = 20.0 * logPart(tokens(f.reputation), 3.0);
    if (f.ratingCount > 0) {
        double n = static_cast<double>(f.ratingCount);
        double mean = static_cast<double>(f.ratingSum) / n;
        t.ratings = 20.0 * std::clamp((mean - 1.0) / 4.0, 0.0, 1.0) * n / (n + 5.0);
    }
    t.volume = 20.0 * logPart(tokens(f.settledVolume), 5.0);
    if (f.firstSeen && now > *f.firstSeen)
        t.age = 15.0 * std::min(1.0, static_cast<double>(now - *f.firstSeen) / 86400.0 / 180.0);
    t.penalty = std::pow(0.8, static_cast<double>(f.disputesLost));
    t.score = std::clamp((t.stake + t.reputation + t.ratings + t.volume + t.age) * t.penalty, 0.0, 100.0);
    return t;
}

Json trustScoreJson(const TrustScore& s, const storage::TrustFacts& f) {
    return {{"score", round1(s.score)},
            {"parts", {{"stake", round1(s.stake)}, {"reputation", round1(s.reputation)}, {"ratings", round1(s.ratings)},
                       {"volume", round1(s.volume)}, {"age", round1(s.age)}, {"penalty", s.penalty}}},
            {"facts", {{"stake", toDecimal(f.stake)}, {"reputation", toDecimal(f.reputation)},
                       {"ratingCount", f.ratingCount}, {"ratingSum", f.ratingSum},
                       {"settledVolume", toDecimal(f.settledVolume)}, {"disputesLost", f.disputesLost},
                       {"firstSeen", f.firstSeen ? Json(*f.firstSeen) : Json(nullptr)}}}};
}

} // namespace ctrn::protocol
