// ctrn proposals show|create|vote|queue|execute|cancel — the three
// governors (token, quadratic, member). create builds the actions from a
// template (treasury transfer, revenue-share change, parameter change, text)
// or a JSON list, can cite earlier proposals, and checks the proposal
// threshold first; vote/queue/execute/cancel check the proposal's state so a
// closed vote is refused before anything is signed.
#include "protocol_common.h"

#include <core/crypto/keccak.h>
#include <core/util/hex.h>

namespace ctrn::cli {
namespace {

using namespace protocol;

const char* const kGovernors[] = {"token", "quadratic", "member"};

// --governor, or the governor that knows the proposal.
Result<GovernorBinding> governorFor(const ProtocolSession& s, const Args& args, const U256& id) {
    if (auto g = args.option("governor")) return governor(s.p(), *g);
    for (const char* name : kGovernors) {
        CTRN_ASSIGN(GovernorBinding g, governor(s.p(), name));
        CTRN_ASSIGN(chain::Address proposer, g.proposer(id));
        if (!proposer.isZero()) return g;
    }
    return makeError(ErrorCode::NotFound, "no governor has proposal " + toDecimal(id));
}

// A call's data as "name(args)" when the target is a protocol contract.
Json describeCall(const ProtocolSession& s, const chain::Address& target, const Json& value, const std::string& dataHex) {
    Json out = {{"target", target.checksummed()}, {"value", value}, {"data", dataHex}};
    auto name = s.p().contractAt(target);
    if (name) out["contract"] = *name;
    auto data = fromHex(dataHex);
    if (!name || !data || data->size() < 4) return out;
    auto abi = s.p().abis().contract(*name);
    if (!abi) return out;
    const AbiFunction* f = (*abi)->functionBySelector(toFixed<4>(ByteView(*data).subspan(0, 4)));
    if (!f) return out;
    auto types = paramTypes(f->inputs);
    auto args = encoding::abiDecode(types, ByteView(*data).subspan(4));
    if (!args) return out;
    out["function"] = f->signature;
    out["args"] = paramsToJson(f->inputs, *args);
    return out;
}

int runShow(const Args& args) {
    args.expectPositionalCount(1);
    U256 id = idArg(args.positional(0, "ID"), "proposal id");
    auto s = openProtocol(args);
    if (!s) return printError(s.error());
    auto g = governorFor(*s, args, id);
    if (!g) return printProtocolError(g.error());
    auto state = g->state(id);
    if (!state) return printProtocolError(state.error());
    auto proposer = g->proposer(id);
    auto snapshot = g->snapshot(id);
    auto deadline = g->deadline(id);
    auto tally = g->tally(id);
    auto cited = g->citations(id);
    auto details = g->details(id);
    if (!proposer) return printProtocolError(proposer.error());
    if (!snapshot) return printProtocolError(snapshot.error());
    if (!deadline) return printProtocolError(deadline.error());
    if (!tally) return printProtocolError(tally.error());
    if (!cited) return printProtocolError(cited.error());
    if (!details) return printProtocolError(details.error());
    Json actions = Json::array();
    const Json& d = *details;
    for (std::size_t i = 0; i < d["targets"].size(); ++i) {
        auto target = chain::Address::fromHex(d["targets"][i].get<std::string>());
        if (!target) return printError(target.error());
        actions.push_back(describeCall(*s, *target, d["values"][i], d["calldatas"][i].get<std::string>()));
    }
    Json citations = Json::array();
    for (const auto& c : *cited) citations.push_back(toDecimal(c));
    Json out = {{"id", toDecimal(id)},
                {"governor", g->contract().name()},
                {"state", proposalStateName(*state)},
                {"proposer", proposer->checksummed()},
                {"voteStart", toDecimal(*snapshot)},
                {"voteEnd", toDecimal(*deadline)},
                {"votes", *tally},
                {"citations", citations},
                {"descriptionHash", d["descriptionHash"]},
                {"actions", actions},
                {"verified", false}};
    if (auto voter = args.option("voter")) {
        auto voted = g->hasVoted(id, addressArg(*voter, "--voter"));
        if (!voted) return printProtocolError(voted.error());
        out["hasVoted"] = *voted;
    }
    return printOutput(args, out);
}

// One action from a JSON entry: {"target": ADDR or contract name,
// "value": wei, and "data": hex or "function"+"args"}.
Result<std::tuple<chain::Address, U256, Bytes>> actionFromJson(const ProtocolSession& s, const Json& j) {
    if (!j.is_object() || !j.contains("target")) return makeError(ErrorCode::InvalidInput, "each action needs a \"target\"");
    std::string targetText = j["target"].get<std::string>();
    chain::Address target;
    const ContractAbi* abi = nullptr;
    if (auto named = s.p().deployment().contracts.find(targetText); named != s.p().deployment().contracts.end()) {
        target = named->second;
    } else {
        CTRN_ASSIGN(target, chain::Address::fromHex(targetText));
    }
    if (auto name = s.p().contractAt(target)) {
        auto c = s.p().abis().contract(*name);
        if (c) abi = *c;
    }
    U256 value = 0;
    if (j.contains("value")) {
        std::string v = j["value"].is_string() ? j["value"].get<std::string>() : j["value"].dump();
        CTRN_ASSIGN(value, parseU256(v));
    }
    Bytes data;
    if (j.contains("data")) {
        CTRN_ASSIGN(data, fromHex(j["data"].get<std::string>()));
    } else if (j.contains("function")) {
        std::string fn = j["function"].get<std::string>();
        Json fargs = j.value("args", Json::array());
        if (abi) {
            CTRN_ASSIGN(data, abi->encodeCall(fn, fargs));
        } else {
            CTRN_ASSIGN(auto sig, encoding::parseSignature(fn));
            CTRN_ASSIGN(auto values, encoding::abiValuesFromJson(sig.inputs, fargs));
            CTRN_ASSIGN(data, encoding::encodeCall(sig, values));
        }
    }
    return std::make_tuple(target, value, std::move(data));
}

Result<ProposalActions> templateActions(const ProtocolSession& s, const Args& args, const chain::Address& from) {
    ProposalActions a;
    auto add = [&a](const chain::Address& t, Bytes d) {
        a.targets.push_back(t);
        a.values.push_back(0);
        a.calldatas.push_back(std::move(d));
    };
    if (auto file = args.option("actions")) {
        CTRN_ASSIGN(std::string text, readTextFile(*file));
        CTRN_ASSIGN(Json list, parseJson(text));
        if (!list.is_array() || list.empty()) return makeError(ErrorCode::InvalidInput, *file + ": a non-empty JSON list of actions");
        for (const auto& j : list) {
            CTRN_ASSIGN(auto action, std::move(actionFromJson(s, j)).withContext(*file));
            a.targets.push_back(std::get<0>(action));
            a.values.push_back(std::get<1>(action));
            a.calldatas.push_back(std::get<2>(action));
        }
        return a;
    }
    std::string kind = args.option("template").value_or("text");
    if (kind == "treasury-transfer") {
        // The treasury is the timelock's CTRN: the timelock calls transfer.
        chain::Address to = addressArg(args.required("to"), "--to");
        U256 amount = amountArg(args.required("amount"), "--amount");
        CTRN_ASSIGN(TokenBinding tok, token(s.p()));
        CTRN_ASSIGN(Bytes d, tok.transferData(to, amount));
        add(tok.address(), std::move(d));
    } else if (kind == "revenue-share") {
        // RevenueDistributor.setShares(uint16[4]): compute, data, developers, community (bps, sum 10000).
        std::string list = args.required("shares");
        Json shares = Json::array();
        std::size_t start = 0;
        while (start <= list.size()) {
            auto comma = list.find(',', start);
            std::string item = trim(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
            shares.push_back(item);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        if (shares.size() != 4) return makeError(ErrorCode::InvalidInput, "--shares takes four basis points: compute,data,developers,community");
        CTRN_ASSIGN(Contract dist, s.p().contract("RevenueDistributor"));
        CTRN_ASSIGN(Bytes d, dist.calldata("setShares", Json::array({shares})));
        add(dist.address(), std::move(d));
    } else if (kind == "parameter") {
        // Any governance setter: --contract NAME --function NAME|SIG --args JSON.
        CTRN_ASSIGN(Contract c, s.p().contract(args.required("contract")));
        CTRN_ASSIGN(Json fargs, parseJson(args.option("args").value_or("[]")));
        CTRN_ASSIGN(Bytes d, c.calldata(args.required("function"), fargs));
        add(c.address(), std::move(d));
    } else if (kind == "text") {
        // Governors refuse proposals without actions: a text proposal
        // carries one no-op (no value, no data, to the proposer).
        add(from, {});
    } else {
        return makeError(ErrorCode::InvalidInput, "--template must be treasury-transfer, revenue-share, parameter or text");
    }
    return a;
}

Result<std::string> descriptionOf(const Args& args) {
    std::string body;
    if (auto f = args.option("description-file")) {
        CTRN_ASSIGN(body, readTextFile(*f));
    } else {
        body = args.option("description").value_or("");
    }
    std::string title = args.required("title");
    return "# " + title + (body.empty() ? "" : "\n\n" + body);
}

int runCreate(const Args& args) {
    args.expectPositionalCount(0);
    chain::Address from = fromOption(args);
    std::string which = args.option("governor").value_or("token");
    std::vector<U256> cited;
    for (const auto& c : args.options("cite")) cited.push_back(idArg(c, "--cite"));
    auto s = openProtocol(args);
    if (!s) return printError(s.error());
    auto g = governor(s->p(), which);
    if (!g) return printError(g.error());
    auto actions = templateActions(*s, args, from);
    if (!actions) return printError(actions.error());
    auto description = descriptionOf(args);
    if (!description) return printError(description.error());
    // The governor counts votes at clock() - 1: check before signing.
    auto clock = g->clock();
    auto threshold = g->proposalThreshold();
    if (!clock) return printProtocolError(clock.error());
    if (!threshold) return printProtocolError(threshold.error());
    auto votes = g->votesAt(from, *clock > 0 ? *clock - 1 : U256(0));
    if (!votes) return printProtocolError(votes.error());
    if (*votes < *threshold)
        return printError("proposal threshold not met: " + from.checksummed() + " has " + toDecimal(*votes) + " votes on the " +
                          g->contract().name() + ", the threshold is " + toDecimal(*threshold));
    // A governor cites only its own proposals.
    for (const auto& c : cited) {
        auto proposer = g->proposer(c);
        if (!proposer) return printProtocolError(proposer.error());
        if (proposer->isZero()) return printError("cannot cite proposal " + toDecimal(c) + ": the " + g->contract().name() + " has no such proposal");
    }
    auto data = cited.empty() ? g->proposeData(*actions, *description) : g->proposeWithCitationsData(*actions, *description, cited);
    if (!data) return printError(data.error());
    auto descHash = crypto::keccak256(asView(*description));
    auto id = g->hashProposal(*actions, descHash);
    if (!id) return printProtocolError(id.error());
    auto r = runAction(*s, args, from, {g->address(), *data, "propose", "propose on the " + g->contract().name() + ": " + args.required("title")});
    if (!r) return printProtocolError(r.error());
    Json citations = Json::array();
    for (const auto& c : cited) citations.push_back(toDecimal(c));
    return printAction(args, *r, {{"proposalId", toDecimal(*id)}, {"governor", g->contract().name()}, {"citations", citations}});
}

std::optional<VoteSupport> parseSupport(const std::string& text) {
    if (text == "for") return VoteSupport::For;
    if (text == "against") return VoteSupport::Against;
    if (text == "abstain") return VoteSupport::Abstain;
    return std::nullopt;
}

int runVote(const Args& args) {
    args.expectPositionalCount(1);
    U256 id = idArg(args.positional(0, "ID"), "proposal id");
    auto support = parseSupport(args.required("support"));
    if (!support) throw UsageError{"--support must be for, against or abstain"};
    chain::Address from = fromOption(args);
    std::string reason = args.option("reason").value_or("");
    auto s = openProtocol(args);
    if (!s) return printError(s.error());
    auto g = governorFor(*s, args, id);
    if (!g) return printProtocolError(g.error());
    auto state = g->state(id);
    if (!state) return printProtocolError(state.error());
    if (*state == ProposalState::Pending) {
        auto start = g->snapshot(id);
        return printError("voting has not started: proposal " + toDecimal(id) + " opens after block " + (start ? toDecimal(*start) : "?"));
    }
    if (*state != ProposalState::Active)
        return printError("voting is closed: proposal " + toDecimal(id) + " is " + proposalStateName(*state));
    auto voted = g->hasVoted(id, from);
    if (!voted) return printProtocolError(voted.error());
    if (*voted) return printError("already voted: " + from.checksummed() + " has voted on proposal " + toDecimal(id));
    auto data = g->castVoteData(id, *support, reason);
    if (!data) return printError(data.error());
    auto r = runAction(*s, args, from, {g->address(), *data, "vote", "vote " + args.required("support") + " on proposal " + toDecimal(id)});
    if (!r) return printProtocolError(r.error());
    Json extra = {{"proposalId", toDecimal(id)}, {"support", args.required("support")}, {"governor", g->contract().name()}};
    if (auto weight = r->eventField("VoteCast", "weight")) extra["weight"] = *weight;
    return printAction(args, *r, extra);
}

// queue / execute / cancel: one proposal id, a required state.
int runLifecycle(const Args& args, const std::string& verb) {
    args.expectPositionalCount(1);
    U256 id = idArg(args.positional(0, "ID"), "proposal id");
    chain::Address from = fromOption(args);
    auto s = openProtocol(args);
    if (!s) return printError(s.error());
    auto g = governorFor(*s, args, id);
    if (!g) return printProtocolError(g.error());
    auto state = g->state(id);
    if (!state) return printProtocolError(state.error());
    Result<Bytes> data = makeError(ErrorCode::Internal, "unknown action");
    if (verb == "queue") {
        if (*state != ProposalState::Succeeded)
            return printError("cannot queue: proposal " + toDecimal(id) + " is " + proposalStateName(*state) + " (only a succeeded proposal is queued)");
        data = g->queueData(id);
    } else if (verb == "execute") {
        if (*state != ProposalState::Queued)
            return printError("cannot execute: proposal " + toDecimal(id) + " is " + proposalStateName(*state) + " (only a queued proposal is executed)");
        data = g->executeData(id);
    } else {
        if (*state != ProposalState::Pending)
            return printError("cannot cancel: proposal " + toDecimal(id) + " is " + proposalStateName(*state) +
                              " (its proposer can cancel it only before voting starts)");
        auto proposer = g->proposer(id);
        if (!proposer) return printProtocolError(proposer.error());
        if (*proposer != from) return printError("cannot cancel: only the proposer " + proposer->checksummed() + " can cancel proposal " + toDecimal(id));
        data = g->cancelData(id);
    }
    if (!data) return printError(data.error());
    auto r = runAction(*s, args, from, {g->address(), *data, verb, verb + " proposal " + toDecimal(id)});
    if (!r) return printProtocolError(r.error());
    auto after = g->state(id);
    Json extra = {{"proposalId", toDecimal(id)}, {"governor", g->contract().name()}};
    if (after) extra["state"] = proposalStateName(*after);
    return printAction(args, *r, extra);
}

const std::string kGovernorOpt = "[--governor token|quadratic|member] ";

const bool r1 = registerCommand({"proposals show", "ID " + kGovernorOpt + "[--voter ADDR] " + kReadUsage,
    "A proposal: governor, state, proposer, voting window (blocks), votes for/against/abstain,\n"
    "cited proposals and its actions (decoded when the target is a protocol contract). Without\n"
    "--governor the governor that knows the id is used.",
    nodeOptions({"governor", "voter"}), runShow});
const bool r2 = registerCommand({"proposals create",
    "--title T [--description TEXT | --description-file F] [--governor token|quadratic|member] "
    "(--template treasury-transfer --to ADDR --amount CTRN | --template revenue-share --shares C,D,V,M | "
    "--template parameter --contract NAME --function SIG [--args JSON] | --template text | --actions FILE) [--cite ID]... " + kActionUsage,
    "Creates a proposal (default governor: token). Templates: treasury-transfer (CTRN from the\n"
    "treasury), revenue-share (RevenueDistributor.setShares in bps for compute,data,developers,\n"
    "community), parameter (any governance setter of a protocol contract), text (no effect). Or\n"
    "--actions FILE: a JSON list of {\"target\": ADDR|CONTRACT, \"value\": WEI, \"data\": HEX |\n"
    "\"function\": SIG, \"args\": [...]}. --cite (repeatable) cites earlier proposals of the same governor. Refused with\n"
    "\"proposal threshold not met\" when --from has too few votes.",
    actionOptions({"governor", "title", "description", "description-file", "template", "to", "amount", "shares", "contract",
                   "function", "args", "actions", "cite"}),
    runCreate});
const bool r3 = registerCommand({"proposals vote", "ID --support for|against|abstain [--reason TEXT] " + kGovernorOpt + kActionUsage,
    "Votes on an active proposal (with a reason when given). Refused with \"voting is closed\"\n"
    "when the proposal is no longer active, and when --from has already voted.",
    actionOptions({"governor", "support", "reason"}), runVote});
// CLI.md names the capability `ctrn vote` too.
const bool r3b = registerCommand({"vote", "ID --support for|against|abstain [--reason TEXT] " + kGovernorOpt + kActionUsage,
    "The same as `ctrn proposals vote`.",
    actionOptions({"governor", "support", "reason"}), runVote});
const bool r4 = registerCommand({"proposals queue", "ID " + kGovernorOpt + kActionUsage,
    "Queues a succeeded proposal in the timelock.",
    actionOptions({"governor"}), [](const Args& a) { return runLifecycle(a, "queue"); }});
const bool r5 = registerCommand({"proposals execute", "ID " + kGovernorOpt + kActionUsage,
    "Executes a queued proposal once the timelock delay has passed.",
    actionOptions({"governor"}), [](const Args& a) { return runLifecycle(a, "execute"); }});
const bool r6 = registerCommand({"proposals cancel", "ID " + kGovernorOpt + kActionUsage,
    "Cancels one's own proposal before voting starts.",
    actionOptions({"governor"}), [](const Args& a) { return runLifecycle(a, "cancel"); }});

} // namespace
} // namespace ctrn::cli
