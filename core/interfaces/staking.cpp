// interfaces::Staking over the protocol's bindings (the node's answers: the
// agents, who is elected, REP of agents, the unbonding period) and the
// light client (what a person acts on: balances, stakes, principal,
// unbonding, rewards, REP), each screen's figures proven with one
// eth_getProof per contract at one verified head. protocol/staking_reads
// holds the reads and formulas ctrn shares.
#include <core/interfaces/staking_service.h>

#include <core/chain/json_fields.h>
#include <core/interfaces/proven_reader.h>
#include <core/lightclient/protocol_proofs.h>
#include <core/protocol/bindings.h>
#include <core/protocol/contract.h>
#include <core/protocol/contract_abi.h>
#include <core/protocol/logs.h>
#include <core/protocol/staking_reads.h>

#include <map>

namespace ctrn::interfaces {
namespace {

using lightclient::FieldValues;
using Proven = ProvenFields;

std::vector<StakingAgent> withLookAlikes(std::vector<StakingAgent> agents) {
    std::vector<std::string> names;
    for (const auto& a : agents) names.push_back(a.name);
    const auto alike = protocol::lookAlikeNames(names);
    for (std::size_t i = 0; i < agents.size(); ++i)
        for (std::size_t j : alike[i]) agents[i].lookAlikes.push_back(agents[j].address);
    return agents;
}

std::vector<U256> shownStakes(const std::vector<StakingAgent>& agents) {
    std::vector<U256> out;
    for (const auto& a : agents) out.push_back(shownOr(a.totalStake, U256(0)));
    return out;
}

// Ranks and margins from the agents' stakes, each margin in the proof
// state of the stakes (one proof for all of them).
void withStandings(std::vector<StakingAgent>& agents, std::size_t seats) {
    const auto standings = protocol::electionStandings(shownStakes(agents), seats);
    for (std::size_t i = 0; i < agents.size(); ++i) {
        auto& a = agents[i];
        a.rank = standings[i].rank;
        a.marginSeat = standings[i].comparedSeat;
        a.seats = seats;
        const auto& stake = a.totalStake;
        if (stake.isMismatch()) a.margin = stake;
        else if (stake.isUnverified()) a.margin = Checked<U256>(Unverified<U256>(standings[i].margin, stake.unverified().why()));
        else a.margin = Checked<U256>(Verified<U256>(standings[i].margin, stake.verified().blockNumber(), stake.verified().blockHash()));
    }
}

bool hasPosition(const protocol::ProvenStake& s) { return s.principal != 0 || s.bonded != 0 || s.unbonding != 0 || s.pendingRewards != 0; }

class StakingService : public Staking {
public:
    StakingService(std::shared_ptr<Backend> backend, Verifier* verifier, std::string layoutDir, std::string noVerifierWhy)
        : m_r(std::move(backend), verifier, std::move(layoutDir), std::move(noVerifierWhy)) {}

    Result<std::vector<StakingAgent>> agents(const std::optional<chain::Address>& holder) override {
        CTRN_ASSIGN(const protocol::Protocol* p, m_r.deployed());
        CTRN_ASSIGN(auto summaries, protocol::readAgents(*p));
        std::vector<chain::Address> addresses;
        for (const auto& a : summaries) addresses.push_back(a.address);
        const chain::Address me = holder.value_or(chain::Address());
        std::vector<StakingAgent> out;
        if (m_r.proving()) {
            CTRN_ASSIGN(auto hubProof, proveHub(addresses, me));
            const std::uint64_t at = hubProof.isMismatch() ? 0 : m_r.provenTime(hubProof); // unused on a mismatch
            const Checked<U256> seats = provenFigure(hubProof, [](const FieldValues& v) { return v.at("electedCount"); });
            for (std::size_t i = 0; i < summaries.size(); ++i) {
                const auto& a = summaries[i];
                out.push_back({a.address, a.name, a.metadataUri, a.elected, a.commissionBps, a.reputation,
                               provenFigure(hubProof, [i, at](const FieldValues& v) { return protocol::provenStake(v, i, at).totalStake; }),
                               provenFigure(hubProof, [i, at](const FieldValues& v) { return protocol::provenStake(v, i, at).bonded; }),
                               {}});
            }
            // A hidden seat count (the hub's proof contradicted) leaves every
            // margin hidden too: each stake's state is that mismatch.
            withStandings(out, seats.isMismatch() ? 0 : static_cast<std::size_t>(shownOr(seats, U256(0))));
            return withLookAlikes(std::move(out));
        }
        // No light client: the node's figures, marked unproven with the reason.
        CTRN_ASSIGN(protocol::StakingHubBinding hub, protocol::stakingHub(*p));
        for (const auto& a : summaries) {
            U256 mine = 0;
            if (holder) {
                CTRN_ASSIGN(auto position, hub.position(*holder, a.address));
                mine = position.bonded;
            }
            out.push_back({a.address, a.name, a.metadataUri, a.elected, a.commissionBps, a.reputation, m_r.unproven(a.bondedStake),
                           m_r.unproven(mine), {}});
        }
        CTRN_ASSIGN(U256 seats, hub.electedCount());
        withStandings(out, static_cast<std::size_t>(seats));
        return withLookAlikes(std::move(out));
    }

    Result<StakingAccount> account(const chain::Address& holder) override {
        CTRN_ASSIGN(const protocol::Protocol* p, m_r.deployed());
        CTRN_ASSIGN(protocol::StakingHubBinding hub, protocol::stakingHub(*p));
        CTRN_ASSIGN(auto agentList, hub.agentList());
        CTRN_ASSIGN(auto summaries, protocol::readAgents(*p));
        std::map<chain::Address, std::string> names;
        for (const auto& a : summaries) names[a.address] = a.name;
        CTRN_ASSIGN(U256 period, hub.unbondingPeriod());
        CTRN_ASSIGN(std::uint64_t now, m_r.chainTime());
        if (m_r.proving()) return provenAccount(*p, holder, agentList, names, period, now);

        CTRN_ASSIGN(protocol::TokenBinding token, protocol::token(*p));
        CTRN_ASSIGN(protocol::ReputationBinding rep, protocol::reputation(*p));
        CTRN_ASSIGN(U256 balance, token.balanceOf(holder));
        CTRN_ASSIGN(U256 locked, token.lockedOf(holder));
        CTRN_ASSIGN(U256 repBalance, rep.balanceOf(holder));
        StakingAccount out{holder, m_r.unproven(balance), m_r.unproven(locked), m_r.unproven(balance >= locked ? balance - locked : U256(0)),
                           m_r.unproven(repBalance), {}, now, static_cast<std::uint64_t>(period)};
        for (const auto& agent : agentList) {
            CTRN_ASSIGN(auto position, hub.position(holder, agent));
            if (position.bonded == 0 && position.unbonding == 0 && position.pendingRewards == 0) continue;
            // The node's position has no principal apart from its value.
            out.positions.push_back({agent, names[agent], m_r.unproven(position.bonded + position.unbonding), m_r.unproven(position.bonded),
                                     m_r.unproven(position.unbonding), m_r.unproven(position.pendingRewards), position.unbondingReleaseAt});
        }
        return out;
    }

    std::uint64_t proofCalls() const override { return m_r.proofCalls(); }

private:
    Result<Proven> proveHub(const std::vector<chain::Address>& agents, const chain::Address& holder) {
        CTRN_TRY(m_r.syncHead());
        CTRN_ASSIGN(const lightclient::StorageLayout* hub, m_r.layout("StakingHub"));
        CTRN_ASSIGN(auto fields, protocol::stakingScreenFields(*hub, agents, holder));
        CTRN_ASSIGN(auto seats, hub->path("electedCount", {}, ""));
        fields.push_back({"electedCount", seats});
        return m_r.prove("StakingHub", fields);
    }

    Result<StakingAccount> provenAccount(const protocol::Protocol&, const chain::Address& holder, const std::vector<chain::Address>& agents,
                                         std::map<chain::Address, std::string>& names, const U256& period, std::uint64_t now) {
        CTRN_ASSIGN(const lightclient::StorageLayout* tokenLayout, m_r.layout("ComputroniumToken"));
        CTRN_ASSIGN(const lightclient::StorageLayout* repLayout, m_r.layout("Reputation"));
        CTRN_ASSIGN(auto tokenFields, lightclient::tokenAccountFields(*tokenLayout, holder));
        CTRN_ASSIGN(auto repLocation, repLayout->path("_balances", {holder}, "[]"));
        CTRN_ASSIGN(Proven hubProof, proveHub(agents, holder));
        CTRN_ASSIGN(Proven tokenProof, m_r.prove("ComputroniumToken", tokenFields));
        CTRN_ASSIGN(Proven repProof, m_r.prove("Reputation", {{"balance", repLocation}}));
        StakingAccount out{holder,
                           provenFigure(tokenProof, [](const FieldValues& v) { return v.at("balance"); }),
                           provenFigure(tokenProof, [](const FieldValues& v) { return v.at("locked"); }),
                           provenFigure(tokenProof,
                                  [](const FieldValues& v) {
                                      const U256 b = v.at("balance"), l = v.at("locked");
                                      return b >= l ? b - l : U256(0);
                                  }),
                           provenFigure(repProof, [](const FieldValues& v) { return v.at("balance"); }),
                           {},
                           now,
                           static_cast<std::uint64_t>(period)};
        if (hubProof.isMismatch()) {
            // Which positions exist is the node's word then; every figure of
            // them is the mismatch (hidden, and no action on it).
            CTRN_ASSIGN(const protocol::Protocol* p, m_r.deployed());
            CTRN_ASSIGN(protocol::StakingHubBinding hub, protocol::stakingHub(*p));
            for (const auto& agent : agents) {
                CTRN_ASSIGN(auto position, hub.position(holder, agent));
                if (position.bonded == 0 && position.unbonding == 0 && position.pendingRewards == 0) continue;
                const Checked<U256> m(fromLightclient(hubProof.mismatch()));
                out.positions.push_back({agent, names[agent], m, m, m, m, position.unbondingReleaseAt});
            }
            return out;
        }
        const FieldValues& words = hubProof.isVerified() ? hubProof.verified().value() : hubProof.unverified().unverifiedValue();
        const std::uint64_t at = hubProof.isVerified() ? m_r.provenTime(hubProof) : now;
        for (std::size_t i = 0; i < agents.size(); ++i) {
            const auto stake = protocol::provenStake(words, i, at);
            if (!hasPosition(stake)) continue;
            out.positions.push_back({agents[i], names[agents[i]],
                                     provenFigure(hubProof, [i, at](const FieldValues& v) { return protocol::provenStake(v, i, at).principal; }),
                                     provenFigure(hubProof, [i, at](const FieldValues& v) { return protocol::provenStake(v, i, at).bonded; }),
                                     provenFigure(hubProof, [i, at](const FieldValues& v) { return protocol::provenStake(v, i, at).unbonding; }),
                                     provenFigure(hubProof, [i, at](const FieldValues& v) { return protocol::provenStake(v, i, at).pendingRewards; }),
                                     stake.unbonding == 0 ? 0 : static_cast<std::uint64_t>(stake.releaseAt)});
        }
        return out;
    }

    ProvenReader m_r;
};

} // namespace

ElectionOutlook electionOutlook(const std::vector<StakingAgent>& agents, std::size_t index, const U256& extra) {
    if (index >= agents.size()) return {};
    const auto s = protocol::standingWith(shownStakes(agents), agents[index].seats, index, extra);
    return {s.rank, s.elected, s.margin, s.comparedSeat};
}

std::unique_ptr<Staking> makeStaking(std::shared_ptr<Backend> backend, Verifier* verifier, std::string storageLayoutDir,
                                     std::string noVerifierWhy) {
    return std::make_unique<StakingService>(std::move(backend), verifier, std::move(storageLayoutDir), std::move(noVerifierWhy));
}

} // namespace ctrn::interfaces
