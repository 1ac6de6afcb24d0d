#include <core/protocol/revenue_reads.h>

#include <algorithm>
#include <string>

namespace ctrn::protocol {
namespace {

using lightclient::Field;
using lightclient::FieldValues;

const U256 kBps = 10'000;

U256 at(const FieldValues& v, const std::string& name) {
    auto it = v.find(name);
    return it == v.end() ? U256(0) : it->second;
}

std::string epochPrefix(const U256& epoch) { return "e" + toDecimal(epoch) + "."; }
std::string categoryPrefix(const U256& epoch, std::uint8_t category) {
    return epochPrefix(epoch) + "c" + std::to_string(category) + ".";
}

// Math.mulDiv rounded down (512-bit intermediate, as the contract).
U256 mulDiv(const U256& a, const U256& b, const U256& d) {
    if (d == 0) return 0;
    return static_cast<U256>(BigInt(a) * BigInt(b) / BigInt(d));
}

} // namespace

std::vector<U256> revenueScreenEpochs(const U256& currentEpoch, const U256& claimWindow, std::size_t history) {
    std::vector<U256> out{currentEpoch};
    const U256 span = claimWindow + history;
    const U256 first = currentEpoch > span ? currentEpoch - span : U256(0);
    for (U256 e = currentEpoch; e > first;) out.push_back(--e);
    return out;
}

Result<std::vector<Field>> revenueScreenFields(const lightclient::StorageLayout& d, const std::vector<U256>& epochs, std::size_t detailed,
                                               const std::optional<chain::Address>& holder) {
    std::vector<Field> out;
    for (const char* name : {"currentEpoch", "currentEpochStart", "epochLength", "claimWindowEpochs", "burnBps", "activityBps", "shareBps",
                             "openEpochFunds", "outstanding", "totalReceived", "totalBurned", "totalClaimed", "totalRolledOver"}) {
        CTRN_ASSIGN(auto loc, d.variable(name));
        if (std::string(name) == "shareBps") loc.offset = 0, loc.size = 32; // uint16[4] in one word
        out.push_back({name, loc});
    }
    for (std::size_t i = 0; i < epochs.size(); ++i) {
        const U256& e = epochs[i];
        const std::string ep = epochPrefix(e);
        for (const char* member : {"start", "end", "rolledOver", "activityBps", "amount", "claimable", "claimed", "shareBps"}) {
            CTRN_ASSIGN(auto loc, d.path("epochs", {e}, std::string("[].") + member));
            if (std::string(member) == "shareBps") loc.offset = 0, loc.size = 32;
            out.push_back({ep + member, loc});
        }
        if (i >= detailed) continue;
        for (std::uint8_t c = 0; c < kRevenueCategoryCount; ++c) {
            const std::string cp = categoryPrefix(e, c);
            CTRN_ASSIGN(auto totalStake, d.path("categoryTotals", {e, U256(c)}, "[][].stake"));
            CTRN_ASSIGN(auto totalActivity, d.path("categoryTotals", {e, U256(c)}, "[][].activity"));
            out.push_back({cp + "totalStake", totalStake});
            out.push_back({cp + "totalActivity", totalActivity});
            if (!holder) continue;
            CTRN_ASSIGN(auto stake, d.path("weights", {e, U256(c), *holder}, "[][][].stake"));
            CTRN_ASSIGN(auto activity, d.path("weights", {e, U256(c), *holder}, "[][][].activity"));
            CTRN_ASSIGN(auto claimed, d.path("hasClaimed", {e, U256(c), *holder}, "[][][]"));
            out.push_back({cp + "stake", stake});
            out.push_back({cp + "activity", activity});
            out.push_back({cp + "claimed", claimed});
        }
    }
    return out;
}

std::array<U256, kRevenueCategoryCount> unpackShares(const U256& word) {
    std::array<U256, kRevenueCategoryCount> out{};
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = (word >> (16 * i)) & U256(0xffff);
    return out;
}

RevenueEpochRecord epochRecord(const FieldValues& v, const U256& epoch) {
    const std::string p = epochPrefix(epoch);
    RevenueEpochRecord r;
    r.start = at(v, p + "start");
    r.end = at(v, p + "end");
    r.rolledOver = at(v, p + "rolledOver") != 0;
    r.activityBps = at(v, p + "activityBps");
    r.amount = at(v, p + "amount");
    r.claimable = at(v, p + "claimable");
    r.claimed = at(v, p + "claimed");
    r.shareBps = unpackShares(at(v, p + "shareBps"));
    return r;
}

RevenueWeight categoryTotal(const FieldValues& v, const U256& epoch, std::uint8_t category) {
    const std::string p = categoryPrefix(epoch, category);
    return {at(v, p + "totalStake"), at(v, p + "totalActivity")};
}

RevenueWeight holderWeight(const FieldValues& v, const U256& epoch, std::uint8_t category) {
    const std::string p = categoryPrefix(epoch, category);
    return {at(v, p + "stake"), at(v, p + "activity")};
}

bool holderClaimed(const FieldValues& v, const U256& epoch, std::uint8_t category) {
    return at(v, categoryPrefix(epoch, category) + "claimed") != 0;
}

Result<lightclient::StorageLocation> lockHistoryLength(const lightclient::StorageLayout& token, const chain::Address& holder) {
    return token.path("_lockedHistory", {holder}, "[]._checkpoints");
}

Result<std::vector<Field>> lockHistoryFields(const lightclient::StorageLayout& token, const chain::Address& holder,
                                             const std::vector<U256>& indices) {
    CTRN_ASSIGN(auto array, lockHistoryLength(token, holder));
    auto length = array;
    length.offset = 0;
    length.size = 32;
    std::vector<Field> out{{"lock.length", length}};
    for (const auto& i : indices) {
        CTRN_ASSIGN(auto element, token.arrayElement(array, i));
        CTRN_ASSIGN(auto key, token.member(element, "_key"));
        CTRN_ASSIGN(auto value, token.member(element, "_value"));
        out.push_back({"lock." + toDecimal(i) + ".key", key});
        out.push_back({"lock." + toDecimal(i) + ".value", value});
    }
    return out;
}

Result<std::vector<U256>> lockLookupIndices(const U256& length, const U256& t, const std::function<Result<U256>(const U256&)>& keyAt) {
    // How many checkpoints have key <= t (keys ascend, as Checkpoints keeps them).
    U256 lo = 0, hi = length;
    while (lo < hi) {
        const U256 mid = (lo + hi) / 2;
        CTRN_ASSIGN(U256 key, keyAt(mid));
        if (key <= t) lo = mid + 1;
        else hi = mid;
    }
    std::vector<U256> out;
    if (lo > 0) out.push_back(lo - 1);
    if (lo < length) out.push_back(lo);
    return out;
}

std::optional<U256> lockedAtFrom(const FieldValues& v, const U256& t) {
    auto length = v.find("lock.length");
    if (length == v.end()) return std::nullopt;
    const U256 n = length->second;
    if (n == 0) return U256(0);
    auto key = [&](const U256& i) -> std::optional<U256> {
        auto it = v.find("lock." + toDecimal(i) + ".key");
        if (it == v.end()) return std::nullopt;
        return it->second;
    };
    // Checkpoint 0 after t: nothing was locked at t.
    if (auto k0 = key(0); k0 && *k0 > t) return U256(0);
    for (const auto& [name, value] : v) {
        if (name.rfind("lock.", 0) != 0 || name.size() < 9 || name.compare(name.size() - 4, 4, ".key") != 0) continue;
        auto i = parseU256(name.substr(5, name.size() - 9));
        if (!i || *i >= n || value > t) continue;
        // The last checkpoint at or before t: the next one is after t, or there is none.
        const bool last = *i + 1 == n;
        auto next = last ? std::nullopt : key(*i + 1);
        if (last || (next && *next > t)) return at(v, "lock." + toDecimal(*i) + ".value");
    }
    return std::nullopt;
}

ShareFigures recomputeShare(const ShareInputs& in) {
    ShareFigures f;
    if (in.category >= kRevenueCategoryCount || in.epoch >= in.currentEpoch) return f;
    const RevenueEpochRecord& e = in.record;
    // RevenueDistributor._parts
    const U256 categoryAmount = e.amount * e.shareBps[in.category] / kBps;
    f.activityPart = categoryAmount * e.activityBps / kBps;
    f.stakePart = categoryAmount - f.activityPart;
    // _effectiveStake: the recorded stake, no more than stayed locked from start to end.
    if (in.mine.stake != 0 && e.end != 0) f.effectiveStake = std::min({in.mine.stake, in.lockedAtStart, in.lockedAtEnd});
    // _claimable and _stakePartPaid
    if (f.effectiveStake > 0) {
        f.entitled += in.category == kCommunityCategory
                          ? mulDiv(f.stakePart, f.effectiveStake, in.total.stake)
                          : mulDiv(f.stakePart, f.effectiveStake, in.total.activity * kMaxStakePerActivity);
    }
    if (in.mine.activity > 0) f.entitled += mulDiv(f.activityPart, in.mine.activity, in.total.activity);
    f.windowOpen = !e.rolledOver && in.currentEpoch <= in.epoch + in.claimWindow;
    f.payable = f.windowOpen && !in.claimed ? f.entitled : U256(0);
    return f;
}

} // namespace ctrn::protocol
