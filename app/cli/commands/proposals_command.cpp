// ctrn proposals show|create|vote|queue|execute|cancel — the three
// governors (token, quadratic, member). create builds the actions from a
// template (treasury transfer, revenue-share change, parameter change, text)
// or a JSON list, can cite earlier proposals; core's rules check the
// proposal threshold, and for vote/queue/execute/cancel the proposal's
// state, so a closed vote is refused before anything is signed.
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

// proposals show ID --verified: the tallies and the inputs of the state
// (proposer, voting window, executed, canceled, eta, the voter's hasVoted)
// proven from the governor's storage (its forge layout) at one verified
// block. The state itself needs the quorum at the snapshot and the clock,
// which are not read from storage here, so it is left out rather than
// shown unproven.
int runShowVerified(const Args& args, ProtocolSession& s, const GovernorBinding& g, const U256& id) {
    auto layout = contractLayout(g.contract().name());
    if (!layout) return printError(layout.error());
    std::optional<chain::Address> voter;
    if (auto v = args.option("voter")) voter = addressArg(*v, "--voter");
    auto fields = lightclient::proposalFields(*layout, id, voter);
    if (!fields) return printError(fields.error());
    // A late-quorum extension (TokenGovernor) moves the deadline.
    if (auto extended = layout->path("_extendedDeadlines", {id})) fields->push_back({"extendedDeadline", *extended});
    int exitCode = ExitOk;
    auto proven = proveOrReport(s.node(), args, g.address(), *fields, exitCode);
    if (!proven) return exitCode;
    const auto& v = proven->value();
    auto w = toBigEndian32(v.at("proposer"));
    chain::Address proposer(toFixed<20>(ByteView(w.data() + 12, 20)));
    if (proposer.isZero())
        return printError(makeError(ErrorCode::NotFound, "the " + g.contract().name() + " has no proposal " + toDecimal(id) +
                                                             " at the verified block " + std::to_string(proven->blockNumber())));
    U256 voteEnd = v.at("voteStart") + v.at("voteDuration");
    if (auto e = v.find("extendedDeadline"); e != v.end() && e->second > voteEnd) voteEnd = e->second;
    Json out = {{"id", toDecimal(id)},
                {"governor", g.contract().name()},
                {"proposer", proposer.checksummed()},
                {"voteStart", toDecimal(v.at("voteStart"))},
                {"voteEnd", toDecimal(voteEnd)},
                {"votes", {{"againstVotes", toDecimal(v.at("againstVotes"))},
                           {"forVotes", toDecimal(v.at("forVotes"))},
                           {"abstainVotes", toDecimal(v.at("abstainVotes"))}}},
                {"executed", v.at("executed") != 0},
                {"canceled", v.at("canceled") != 0},
                {"eta", toDecimal(v.at("etaSeconds"))},
                {"verified", true},
                {"block", std::to_string(proven->blockNumber())},
                {"blockHash", proven->blockHash().hex()}};
    if (voter) out["hasVoted"] = v.at("hasVoted") != 0;
    return printOutput(args, out);
}

int runShow(const Args& args) {
    args.expectPositionalCount(1);
    U256 id = idArg(args.positional(0, "ID"), "proposal id");
    auto s = openProtocol(args);
    if (!s) return printError(s.error());
    auto g = governorFor(*s, args, id);
    if (!g) return printProtocolError(g.error());
    if (args.flag("verified")) return runShowVerified(args, *s, *g, id);
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

int runCreate(const Args& args) {
    args.expectPositionalCount(0);
    auto request = requestFrom(args, {"governor", "title", "description", "template", "to", "amount", "shares", "contract", "function", "args"});
    // Files are ctrn's business; core takes their text.
    if (auto f = args.option("description-file")) {
        auto text = readTextFile(*f);
        if (!text) return printError(text.error());
        request.params["description"] = *text;
    }
    if (auto f = args.option("actions")) {
        auto text = readTextFile(*f);
        if (!text) return printError(text.error());
        request.params["actions"] = *text;
    }
    std::string cited;
    for (const auto& c : args.options("cite")) cited += (cited.empty() ? "" : ",") + c;
    if (!cited.empty()) request.params["cite"] = cited;
    return runProtocolAction(args, "proposal.create", std::move(request));
}

interfaces::ActionRequest proposalRequest(const Args& args, const std::vector<std::string>& options) {
    args.expectPositionalCount(1);
    auto request = requestFrom(args, options);
    request.params["proposal"] = args.positional(0, "ID");
    return request;
}

int runVote(const Args& args) {
    return runProtocolAction(args, "proposal.vote", proposalRequest(args, {"governor", "support", "reason"}),
                             [](ProtocolSession&, const ActionResult& r) {
                                 Json extra = Json::object();
                                 if (auto weight = r.eventField("VoteCast", "weight")) extra["weight"] = *weight;
                                 return extra;
                             });
}

// queue / execute / cancel: the proposal's state after is reported.
int runLifecycle(const Args& args, const std::string& verb) {
    return runProtocolAction(args, "proposal." + verb, proposalRequest(args, {"governor"}), [](ProtocolSession& s, const ActionResult& r) {
        Json extra = Json::object();
        auto g = governor(s.p(), r.facts.value("governor", std::string()));
        auto id = parseU256(r.facts.value("proposalId", std::string()));
        if (g && id)
            if (auto after = g->state(*id)) extra["state"] = proposalStateName(*after);
        return extra;
    });
}

const std::string kGovernorOpt = "[--governor token|quadratic|member] ";

const bool r1 = registerCommand({"proposals show", "ID " + kGovernorOpt + "[--voter ADDR] [--verified [--checkpoint HASH]] " + kReadUsage,
    "A proposal: governor, state, proposer, voting window (blocks), votes for/against/abstain,\n"
    "cited proposals and its actions (decoded when the target is a protocol contract). Without\n"
    "--governor the governor that knows the id is used. --verified proves the tallies and the\n"
    "state's inputs (proposer, window, executed, canceled, eta, --voter's hasVoted) from the\n"
    "governor's storage against a header linked to the checkpoint (the state itself is left\n"
    "out); exit 1 when the node's answer cannot be verified or is contradicted.",
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
