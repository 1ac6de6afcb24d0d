// ctrn agents list | proposals list | pools list — read from the protocol
// index (synced first unless --no-sync). The transaction commands of these
// groups (register, vote, ...) live in their own files.
#include "protocol_index.h"

#include <core/protocol/bindings.h>

namespace ctrn::cli {
namespace {

std::string governorName(const std::string& contract) {
    if (contract == "TokenGovernor") return "token";
    if (contract == "QuadraticGovernor") return "quadratic";
    if (contract == "MemberGovernor") return "member";
    return contract;
}

std::string title(const std::string& description) {
    std::string line = description.substr(0, description.find('\n'));
    while (!line.empty() && (line.front() == '#' || line.front() == ' ')) line.erase(line.begin());
    return line;
}

int runAgents(const Args& args) {
    args.expectPositionalCount(0);
    auto s = openSyncedIndex(args);
    if (!s) return printError(s.error());
    auto agents = (*s)->store->agents();
    if (!agents) return printError(agents.error());
    Json out = Json::array();
    for (const auto& a : *agents)
        out.push_back({{"address", checksum(a.address)}, {"name", a.name}, {"metadataURI", a.metadataUri},
                       {"commissionBps", a.commissionBps}, {"stake", amountJson(a.stake)}, {"slashed", amountJson(a.slashed)},
                       {"registeredBlock", std::to_string(a.registeredBlock)},
                       {"trust", (*s)->trust(a.address)}});
    return printOutput(args, out);
}

// The governor's verdict on a proposal whose vote has ended (defeated,
// succeeded, expired...), asked of the node; "ended" with --no-sync, which
// works offline from the index alone.
Result<std::string> endedOutcome(const IndexSession& s, const storage::ProposalRecord& p) {
    if (!s.node) return std::string("ended");
    CTRN_ASSIGN(auto abi, s.abis->contract(p.governor));
    CTRN_ASSIGN(auto address, s.deployment.contract(p.governor));
    CTRN_ASSIGN(auto id, parseU256(p.id));
    protocol::GovernorBinding governor(protocol::Contract(*abi, address, s.node->node.get()));
    CTRN_ASSIGN(auto state, governor.state(id));
    return protocol::proposalStateName(state);
}

int runProposals(const Args& args) {
    args.expectPositionalCount(0);
    auto governor = args.option("governor");
    if (governor && *governor != "token" && *governor != "quadratic" && *governor != "member")
        throw UsageError{"--governor must be token, quadratic or member"};
    auto s = openSyncedIndex(args);
    if (!s) return printError(s.error());
    auto proposals = (*s)->store->proposals();
    if (!proposals) return printError(proposals.error());
    auto indexed = (*s)->store->indexedTo();
    std::int64_t head = indexed && *indexed ? **indexed : 0;
    Json out = Json::array();
    for (const auto& p : *proposals) {
        if (governor && governorName(p.governor) != *governor) continue;
        // Executed/queued/canceled come from events; otherwise the voting
        // window against the indexed head. The outcome of an ended vote is the
        // governor's to compute (quorum, supermajority, expiry), so it is asked.
        std::string state = p.state;
        if (state == "created") state = head < p.voteStart ? "pending" : head <= p.voteEnd ? "active" : "ended";
        if (state == "ended") {
            auto outcome = endedOutcome(**s, p);
            if (!outcome) return printError(outcome.error());
            state = *outcome;
        }
        if (auto want = args.option("state"); want && *want != state) continue;
        Json j = {{"governor", governorName(p.governor)}, {"id", p.id}, {"proposer", checksum(p.proposer)},
                  {"title", title(p.description)}, {"state", state}, {"voteStart", std::to_string(p.voteStart)},
                  {"voteEnd", std::to_string(p.voteEnd)},
                  {"votes", {{"for", toDecimal(p.votesFor)}, {"against", toDecimal(p.votesAgainst)}, {"abstain", toDecimal(p.votesAbstain)}}},
                  {"voteCount", p.voteCount}, {"cites", p.cites}, {"createdBlock", std::to_string(p.createdBlock)}};
        if (p.eta) j["eta"] = std::to_string(*p.eta);
        out.push_back(j);
    }
    return printOutput(args, out);
}

int runPools(const Args& args) {
    args.expectPositionalCount(0);
    auto s = openSyncedIndex(args);
    if (!s) return printError(s.error());
    auto pools = (*s)->store->pools();
    if (!pools) return printError(pools.error());
    static const char* kinds[] = {"question", "dispute", "model-review"};
    Json out = Json::array();
    for (const auto& p : *pools) {
        if (args.flag("open") && p.resolved) continue;
        out.push_back({{"id", std::to_string(p.id)}, {"kind", p.kind >= 0 && p.kind < 3 ? kinds[p.kind] : std::to_string(p.kind)},
                       {"poster", checksum(p.poster)}, {"subject", p.subject}, {"stake", toDecimal(p.stake)},
                       {"deadline", std::to_string(p.deadline)}, {"question", p.question}, {"yesStake", toDecimal(p.yesStake)},
                       {"noStake", toDecimal(p.noStake)}, {"votes", p.voteCount}, {"resolved", p.resolved},
                       {"outcome", p.resolved ? Json(p.yesWon ? "yes" : "no") : Json(nullptr)}});
    }
    return printOutput(args, out);
}

const bool r1 = registerCommand({"agents list", kIndexUsage,
    "Registered agents (delegates) from the protocol index, largest stake first: name, metadata\n"
    "URI, commission, bonded stake (wei and CTRN), slashed stake and trust score (see\n"
    "docs/trust-score.md). Syncs the index first unless --no-sync.",
    indexOptions(), runAgents});
const bool r2 = registerCommand({"proposals list", "[--governor token|quadratic|member] [--state S] " + kIndexUsage,
    "Proposals on the three governors from the index: title, proposer, state (pending, active,\n"
    "queued, executed, canceled from events and the voting window; once a vote has ended, the\n"
    "governor's verdict: defeated, succeeded or expired — \"ended\" with --no-sync), vote totals\n"
    "by support, vote count and the proposals each one cites.",
    indexOptions({"governor", "state"}), runProposals});
const bool r3 = registerCommand({"pools list", "[--open] " + kIndexUsage,
    "Validation pools (questions, disputes, model reviews) from the index: question, poster,\n"
    "REP staked yes/no, votes and outcome. --open: unresolved pools only.",
    indexOptions(), runPools});

} // namespace
} // namespace ctrn::cli
