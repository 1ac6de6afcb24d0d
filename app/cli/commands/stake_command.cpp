// ctrn agents show|register, stake [add|unstake|withdraw|claim], delegate —
// the StakingHub and the token's vote delegation. Amounts are CTRN with 18
// decimals ("1500.5"); what the client can check (unlocked balance, bonded
// stake, a registered agent) is refused by core's rules (protocol/actions)
// before anything is signed, the same way the app refuses it.
#include "protocol_common.h"

#include <core/protocol/staking_reads.h>

namespace ctrn::cli {
namespace {

using namespace protocol;

int runAgentsShow(const Args& args) {
    args.expectPositionalCount(1);
    chain::Address agent = addressArg(args.positional(0, "AGENT"), "AGENT");
    auto opened = openBound(args, stakingHub);
    if (!opened) return printError(opened.error());
    auto& [s, hub] = *opened;
    auto record = hub.agent(agent);
    if (!record) return printProtocolError(record.error());
    if (!(*record)["registered"].get<bool>())
        return printError(makeError(ErrorCode::NotFound, agent.checksummed() + " is not a registered agent"));
    auto rep = reputation(s.p());
    if (!rep) return printError(rep.error());
    auto repBalance = rep->balanceOf(agent);
    if (!repBalance) return printProtocolError(repBalance.error());
    auto elected = hub.electedAgents();
    if (!elected) return printProtocolError(elected.error());
    Json out = *record;
    out["address"] = agent.checksummed();
    out["reputation"] = toDecimal(*repBalance);
    out["elected"] = std::find(elected->begin(), elected->end(), agent) != elected->end();
    // Its place in the election and the margin to the elected set's edge
    // (core's ranking, the app's Agents page shows the same).
    auto all = protocol::readAgents(s.p());
    if (!all) return printProtocolError(all.error());
    auto seats = hub.electedCount();
    if (!seats) return printProtocolError(seats.error());
    std::vector<U256> stakes;
    std::size_t index = 0;
    for (std::size_t i = 0; i < all->size(); ++i) {
        stakes.push_back((*all)[i].bondedStake);
        if ((*all)[i].address == agent) index = i;
    }
    const auto standing = protocol::electionStandings(stakes, static_cast<std::size_t>(*seats))[index];
    out["seats"] = static_cast<std::uint64_t>(*seats);
    out["rank"] = standing.rank;
    out["margin"] = toDecimal(standing.margin);
    out["marginSeat"] = standing.comparedSeat; // elected: the seat it leads; not: the seat it trails; 0: none
    out["verified"] = false;
    return printOutput(args, out);
}

int runAgentsRegister(const Args& args) {
    args.expectPositionalCount(0);
    return runProtocolAction(args, "agent.register", requestFrom(args, {"name", "metadata-uri", "commission-bps"}));
}

// The one positional argument (AGENT, DELEGATEE) as parameter `name`.
interfaces::ActionRequest targetRequest(const Args& args, const std::string& what, const std::string& name,
                                        const std::vector<std::string>& options = {}) {
    args.expectPositionalCount(1);
    auto request = requestFrom(args, options);
    request.params[name] = args.positional(0, what);
    return request;
}

Json positionJson(const chain::Address& agent, const StakePosition& p) {
    return {{"agent", agent.checksummed()},
            {"bonded", toDecimal(p.bonded)},
            {"unbonding", toDecimal(p.unbonding)},
            {"unbondingReleaseAt", std::to_string(p.unbondingReleaseAt)},
            {"pendingRewards", toDecimal(p.pendingRewards)}};
}

chain::Address addressOfWord(const U256& word) {
    auto w = toBigEndian32(word);
    return chain::Address(toFixed<20>(ByteView(w.data() + 12, 20)));
}

// stake ACCOUNT --verified: the CTRN balance, its locked part and, per agent,
// the position (principal, bonded and unbonding shares, release time) and
// the agent's pools, all proven from storage (slots from the token's and the
// StakingHub's forge layouts) at one verified block. The bonded and
// unbonding values are computed from those proven words by the hub's own
// formula, so a slash shows. Pending rewards (an accumulator the hub settles
// lazily) are left out rather than shown unproven.
int runStakeShowVerified(const Args& args, const chain::Address& holder) {
    auto opened = openBound(args, stakingHub);
    if (!opened) {
        if (opened.error().code == ErrorCode::WrongChain)
            return printMismatch(lightclient::Mismatch{lightclient::MismatchKind::ChainId, opened.error().message, {}});
        return printError(opened.error());
    }
    auto& [s, hub] = *opened;
    auto tok = token(s.p());
    if (!tok) return printError(tok.error());
    auto tokenLayout = contractLayout("ComputroniumToken");
    auto hubLayout = contractLayout("StakingHub");
    if (!tokenLayout) return printError(tokenLayout.error());
    if (!hubLayout) return printError(hubLayout.error());
    int exitCode = ExitOk;
    auto tokenFields = lightclient::tokenAccountFields(*tokenLayout, holder);
    if (!tokenFields) return printError(tokenFields.error());
    auto account = proveOrReport(s.node(), args, tok->address(), *tokenFields, exitCode);
    if (!account) return exitCode;

    std::vector<chain::Address> agents;
    if (auto a = args.option("agent")) {
        agents.push_back(addressArg(*a, "--agent"));
    } else {
        // agentList: its length in its slot, the addresses from keccak(slot).
        auto list = hubLayout->variable("agentList");
        if (!list) return printError(list.error());
        auto count = proveOrReport(s.node(), args, hub.address(), {{"count", *list}}, exitCode);
        if (!count) return exitCode;
        std::vector<lightclient::Field> elements;
        for (U256 i = 0; i < count->value().at("count"); ++i) {
            auto e = hubLayout->arrayElement(*list, i);
            if (!e) return printError(e.error());
            elements.push_back({"agent" + toDecimal(i), *e});
        }
        auto listed = proveOrReport(s.node(), args, hub.address(), elements, exitCode);
        if (!listed) return exitCode;
        for (const auto& f : elements) agents.push_back(addressOfWord(listed->value().at(f.name)));
    }
    Json positions = Json::array();
    for (const auto& agent : agents) {
        auto fields = lightclient::stakeFields(*hubLayout, agent, holder);
        if (!fields) return printError(fields.error());
        auto p = proveOrReport(s.node(), args, hub.address(), *fields, exitCode);
        if (!p) return exitCode;
        const auto& v = p->value();
        if (!args.option("agent") && v.at("principal") == 0 && v.at("shares") == 0 && v.at("unbondingShares") == 0) continue;
        const auto value = lightclient::stakeValue(v);
        positions.push_back({{"agent", agent.checksummed()},
                             {"bonded", toDecimal(value.bonded)},
                             {"unbonding", toDecimal(value.unbonding)},
                             {"unbondingReleaseAt", toDecimal(v.at("unbondingReleaseAt"))},
                             {"principal", toDecimal(v.at("principal"))},
                             {"shares", toDecimal(v.at("shares"))},
                             {"unbondingShares", toDecimal(v.at("unbondingShares"))}});
    }
    const U256 balance = account->value().at("balance");
    const U256 locked = account->value().at("locked");
    Json out = {{"account", holder.checksummed()},
                {"balance", toDecimal(balance)},
                {"unlocked", toDecimal(balance >= locked ? balance - locked : U256(0))},
                {"locked", toDecimal(locked)},
                {"positions", positions},
                {"verified", true},
                {"block", std::to_string(account->blockNumber())},
                {"blockHash", account->blockHash().hex()}};
    return printOutput(args, out);
}

int runStakeShow(const Args& args) {
    args.expectPositionalCount(1);
    chain::Address holder = addressArg(args.positional(0, "ACCOUNT"), "ACCOUNT");
    if (args.flag("verified")) return runStakeShowVerified(args, holder);
    auto opened = openBound(args, stakingHub);
    if (!opened) return printError(opened.error());
    auto& [s, hub] = *opened;
    auto tok = token(s.p());
    if (!tok) return printError(tok.error());
    std::vector<chain::Address> agents;
    if (auto a = args.option("agent")) {
        agents.push_back(addressArg(*a, "--agent"));
    } else {
        auto all = hub.agentList();
        if (!all) return printProtocolError(all.error());
        agents = *all;
    }
    auto balance = tok->balanceOf(holder);
    auto unlocked = tok->unlockedBalanceOf(holder);
    auto locked = tok->lockedOf(holder);
    if (!balance) return printProtocolError(balance.error());
    if (!unlocked) return printProtocolError(unlocked.error());
    if (!locked) return printProtocolError(locked.error());
    Json positions = Json::array();
    for (const auto& agent : agents) {
        auto p = hub.position(holder, agent);
        if (!p) return printProtocolError(p.error());
        // Without --agent, only the agents this account has a stake with.
        if (!args.option("agent") && p->bonded == 0 && p->unbonding == 0 && p->pendingRewards == 0) continue;
        positions.push_back(positionJson(agent, *p));
    }
    Json out = {{"account", holder.checksummed()},
                {"balance", toDecimal(*balance)},
                {"unlocked", toDecimal(*unlocked)},
                {"locked", toDecimal(*locked)},
                {"positions", positions},
                {"verified", false}};
    return printOutput(args, out);
}

int runStakeAdd(const Args& args) { return runProtocolAction(args, "stake.add", targetRequest(args, "AGENT", "agent", {"amount"})); }

int runUnstake(const Args& args) { return runProtocolAction(args, "stake.unstake", targetRequest(args, "AGENT", "agent", {"amount"})); }

int runWithdrawOrClaim(const Args& args, bool claim) {
    return runProtocolAction(args, claim ? "stake.claim" : "stake.withdraw", targetRequest(args, "AGENT", "agent"),
                             [claim](ProtocolSession&, const ActionResult& r) {
                                 Json extra = Json::object();
                                 if (auto amount = r.eventField(claim ? "RewardClaimed" : "Withdrawn", "amount")) extra["amount"] = *amount;
                                 return extra;
                             });
}

int runDelegate(const Args& args) {
    return runProtocolAction(args, "delegate", targetRequest(args, "DELEGATEE", "delegatee"), [](ProtocolSession& s, const ActionResult& r) {
        Json extra = Json::object();
        auto tok = token(s.p());
        auto delegatee = chain::Address::fromHex(r.facts.value("delegatee", std::string()));
        if (tok && delegatee)
            if (auto votes = tok->votes(*delegatee)) extra["delegateeVotes"] = toDecimal(*votes);
        return extra;
    });
}

const bool r1 = registerCommand({"agents show", "AGENT " + kReadUsage,
    "An agent of the StakingHub: name, metadata URI, commission, bonded and unbonding stake,\n"
    "whether it is among the elected agents, its rank by stake and the margin to the elected set's\n"
    "edge (elected: stake above the best agent outside, seat marginSeat; not elected: stake short\n"
    "of the last seat), and its reputation (REP). Unverified node values.",
    nodeOptions(), runAgentsShow});
const bool r2 = registerCommand({"agents register", "--name NAME [--metadata-uri URI] [--commission-bps N] " + kActionUsage,
    "Registers --from as an agent with a name, a metadata URI and the commission (basis points)\n"
    "it keeps from its stakers' rewards. Refused if the account is already an agent.",
    actionOptions({"name", "metadata-uri", "commission-bps"}), runAgentsRegister});
const bool r3 = registerCommand({"stake", "ACCOUNT [--agent AGENT] [--verified [--checkpoint HASH]] " + kReadUsage,
    "An account's staking position: CTRN balance, unlocked and locked (staked) parts, and per\n"
    "agent the bonded and unbonding stake, when unbonding ends and the pending rewards.\n"
    "--verified proves balance, locked part, each position's shares, principal and release\n"
    "time and the agent's pools from storage against a header linked to the checkpoint, and\n"
    "computes the bonded and unbonding value from them as the StakingHub does (so a slash\n"
    "shows); pending rewards are left out. Exit 1 when the node's answer cannot be verified or\n"
    "is contradicted.",
    nodeOptions({"agent"}), runStakeShow});
const bool r4 = registerCommand({"stake add", "AGENT --amount CTRN " + kActionUsage,
    "Stakes CTRN with an agent. Staking locks the tokens in the account; only the unlocked balance\n"
    "can be staked (\"insufficient unlocked balance\" otherwise, before anything is sent).",
    actionOptions({"amount"}), runStakeAdd});
const bool r5 = registerCommand({"stake unstake", "AGENT --amount CTRN " + kActionUsage,
    "Starts unbonding part of the stake with an agent; it can be withdrawn after the unbonding\n"
    "period. Refused if more than the bonded stake is asked for.",
    actionOptions({"amount"}), runUnstake});
const bool r6 = registerCommand({"stake withdraw", "AGENT " + kActionUsage,
    "Withdraws stake whose unbonding period has ended (the tokens unlock).",
    actionOptions(), [](const Args& a) { return runWithdrawOrClaim(a, false); }});
const bool r7 = registerCommand({"stake claim", "AGENT " + kActionUsage,
    "Claims the staking rewards earned with an agent. Refused when there is nothing to claim.",
    actionOptions(), [](const Args& a) { return runWithdrawOrClaim(a, true); }});
const bool r8 = registerCommand({"delegate", "DELEGATEE " + kActionUsage,
    "Delegates the CTRN votes of --from to DELEGATEE (itself to vote directly). Token and\n"
    "quadratic governors count delegated votes from the block after.",
    actionOptions(), runDelegate});

} // namespace
} // namespace ctrn::cli
