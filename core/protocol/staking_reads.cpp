#include <core/protocol/staking_reads.h>

#include <core/util/uint256.h>

#include <algorithm>
#include <cctype>
#include <utility>

namespace ctrn::protocol {
namespace {

// A uint field of the agents() record (the ABI decoder gives decimal
// strings for wide integers and numbers for small ones).
U256 uintField(const Json& record, const char* name) {
    if (!record.contains(name)) return 0;
    const auto& v = record[name];
    if (v.is_number_unsigned()) return U256(v.get<std::uint64_t>());
    if (v.is_string()) {
        auto parsed = parseU256(v.get<std::string>());
        return parsed ? *parsed : U256(0);
    }
    return 0;
}

std::string stringField(const Json& record, const char* name) {
    return record.contains(name) && record[name].is_string() ? record[name].get<std::string>() : std::string();
}

// Math.mulDiv(a, b, d) rounded down, in 512 bits as the hub does.
U256 mulDiv(const U256& a, const U256& b, const U256& d) {
    if (d == 0) return 0;
    return static_cast<U256>(BigInt(a) * BigInt(b) / BigInt(d));
}

const U256 kPrecision = U256(1'000'000'000'000'000'000ULL); // StakingHub.PRECISION

// The name as it reads: lower case, letters and digits only, look-alike
// characters folded to one.
std::string foldName(const std::string& name) {
    std::string out;
    for (const char ch : name) {
        const auto c = static_cast<unsigned char>(ch);
        if (std::isalnum(c) == 0) continue;
        char l = static_cast<char>(std::tolower(c));
        switch (l) {
        case '0': l = 'o'; break;
        case '1': case 'i': l = 'l'; break;
        case '5': l = 's'; break;
        case '3': l = 'e'; break;
        default: break;
        }
        out.push_back(l);
    }
    for (const auto& [from, to] : {std::pair<std::string, std::string>{"rn", "m"}, {"vv", "w"}}) {
        for (auto at = out.find(from); at != std::string::npos; at = out.find(from, at)) out.replace(at, from.size(), to);
    }
    return out;
}

// At most one insertion, deletion or substitution apart.
bool oneEditApart(const std::string& a, const std::string& b) {
    if (a.size() > b.size()) return oneEditApart(b, a);
    if (b.size() - a.size() > 1) return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (i == a.size()) return true; // equal, or b is a with one more at the end
    if (a.size() == b.size()) return a.compare(i + 1, std::string::npos, b, i + 1, std::string::npos) == 0;
    return a.compare(i, std::string::npos, b, i + 1, std::string::npos) == 0;
}

} // namespace

std::vector<std::vector<std::size_t>> lookAlikeNames(const std::vector<std::string>& names) {
    std::vector<std::string> folded;
    folded.reserve(names.size());
    for (const auto& n : names) folded.push_back(foldName(n));
    std::vector<std::vector<std::size_t>> out(names.size());
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (folded[i].empty()) continue;
        for (std::size_t j = i + 1; j < names.size(); ++j) {
            if (folded[j].empty()) continue;
            const bool close = folded[i] == folded[j] ||
                               (std::min(folded[i].size(), folded[j].size()) >= 5 && oneEditApart(folded[i], folded[j]));
            if (!close) continue;
            out[i].push_back(j);
            out[j].push_back(i);
        }
    }
    return out;
}

Result<std::vector<AgentSummary>> readAgents(const Protocol& protocol) {
    CTRN_ASSIGN(StakingHubBinding hub, stakingHub(protocol));
    CTRN_ASSIGN(ReputationBinding rep, reputation(protocol));
    CTRN_ASSIGN(auto list, hub.agentList());
    CTRN_ASSIGN(auto elected, hub.electedAgents());
    std::vector<AgentSummary> out;
    out.reserve(list.size());
    for (const auto& address : list) {
        CTRN_ASSIGN(Json record, hub.agent(address));
        AgentSummary a;
        a.address = address;
        a.name = stringField(record, "name");
        a.metadataUri = stringField(record, "metadataURI");
        a.commissionBps = static_cast<std::uint32_t>(uintField(record, "commissionBps"));
        a.registeredAt = static_cast<std::uint64_t>(uintField(record, "registeredAt"));
        a.bondedStake = uintField(record, "bondedStake");
        a.unbondingStake = uintField(record, "unbondingStake");
        CTRN_ASSIGN(a.reputation, rep.balanceOf(address));
        a.elected = std::find(elected.begin(), elected.end(), address) != elected.end();
        out.push_back(std::move(a));
    }
    return out;
}

Result<std::vector<lightclient::Field>> stakingScreenFields(const lightclient::StorageLayout& hub,
                                                            const std::vector<chain::Address>& agents,
                                                            const chain::Address& holder) {
    std::vector<lightclient::Field> out;
    for (std::size_t i = 0; i < agents.size(); ++i) {
        const std::string prefix = std::to_string(i) + ".";
        CTRN_ASSIGN(auto fields, lightclient::stakeFields(hub, agents[i], holder));
        for (auto& f : fields) out.push_back({prefix + f.name, f.location});
        for (const char* member : {"commissionBps", "rewardPerShare"}) {
            CTRN_ASSIGN(auto loc, hub.path("agents", {agents[i]}, std::string("[].") + member));
            out.push_back({prefix + "agent." + member, loc});
        }
        for (const char* member : {"rewardDebt", "rewardsOwed"}) {
            CTRN_ASSIGN(auto loc, hub.path("positions", {holder, agents[i]}, std::string("[][].") + member));
            out.push_back({prefix + member, loc});
        }
        for (const char* member : {"ratePerSecond", "finishAt", "updatedAt"}) {
            CTRN_ASSIGN(auto loc, hub.path("rewardStreams", {agents[i]}, std::string("[].") + member));
            out.push_back({prefix + "stream." + member, loc});
        }
    }
    return out;
}

ProvenStake provenStake(const lightclient::FieldValues& values, std::size_t i, std::uint64_t now) {
    const std::string prefix = std::to_string(i) + ".";
    auto at = [&](const std::string& name) {
        auto it = values.find(prefix + name);
        return it == values.end() ? U256(0) : it->second;
    };
    // lightclient::stakeValue reads the un-prefixed names of stakeFields.
    lightclient::FieldValues own;
    for (const char* name : {"agentRegistered", "agentBondedStake", "agentBondedShares", "agentUnbondingStake", "agentUnbondingShares",
                             "principal", "shares", "unbondingShares", "unbondingReleaseAt"})
        own[name] = at(name);
    const auto value = lightclient::stakeValue(own);
    ProvenStake s;
    s.totalStake = own["agentBondedStake"];
    s.commissionBps = at("agent.commissionBps");
    s.principal = own["principal"];
    s.bonded = value.bonded;
    s.unbonding = value.unbonding;
    s.releaseAt = own["unbondingReleaseAt"];
    // StakingHub.pendingRewards: owed + shares * (rewardPerShare + streamed)
    // / PRECISION - debt, where streamed is what the agent's reward stream
    // has paid per bonded share since it was last accounted (_streamed).
    U256 streamed = 0;
    const U256 until = std::min(U256(now), at("stream.finishAt"));
    const U256 updatedAt = at("stream.updatedAt");
    if (until > updatedAt && own["agentBondedShares"] != 0)
        streamed = at("stream.ratePerSecond") * (until - updatedAt) / own["agentBondedShares"];
    const U256 accrued = mulDiv(own["shares"], at("agent.rewardPerShare") + streamed, kPrecision);
    const U256 debt = at("rewardDebt");
    s.pendingRewards = at("rewardsOwed") + (accrued > debt ? accrued - debt : U256(0));
    return s;
}

std::vector<ElectionStanding> electionStandings(const std::vector<U256>& stakes, std::size_t seats) {
    // Ranked as the hub ranks: stake descending, then registration order.
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < stakes.size(); ++i)
        if (stakes[i] != 0) order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return stakes[a] > stakes[b]; });
    std::vector<ElectionStanding> out(stakes.size());
    const bool fullSet = order.size() >= seats && seats > 0;
    for (std::size_t r = 0; r < order.size(); ++r) {
        ElectionStanding& s = out[order[r]];
        const U256& mine = stakes[order[r]];
        s.rank = r + 1;
        s.elected = r < seats;
        if (s.elected) {
            if (order.size() > seats) {
                s.margin = mine - stakes[order[seats]];
                s.comparedSeat = seats + 1;
            } else {
                s.margin = mine;
            }
        } else if (seats > 0) {
            s.margin = stakes[order[seats - 1]] - mine;
            s.comparedSeat = seats;
        }
    }
    // Agents without stake: below the last seat when the set is full.
    for (std::size_t i = 0; i < stakes.size(); ++i)
        if (stakes[i] == 0 && fullSet) {
            out[i].margin = stakes[order[seats - 1]];
            out[i].comparedSeat = seats;
        }
    return out;
}

ElectionStanding standingWith(std::vector<U256> stakes, std::size_t seats, std::size_t i, const U256& extra) {
    if (i >= stakes.size()) return {};
    stakes[i] += extra;
    return electionStandings(stakes, seats)[i];
}

} // namespace ctrn::protocol
