#include "protocol_common.h"

#include <core/chain/u256.h>
#include <core/interfaces/actions_parts.h>
#include <core/interfaces/services.h>
#include <core/util/hex.h>

#include <iostream>
#include <unistd.h>

namespace ctrn::cli {

const std::string kActionUsage =
    "--from ADDR [--password-file F] [--yes | --dry-run] [--fee slow|normal|fast | --max-fee WEI --priority-fee WEI] [--gas N] "
    "[--receipt-timeout S] [--network NAME | --rpc URL...] [--datadir DIR] [--json]";
const std::string kReadUsage = "[--network NAME | --rpc URL...] [--datadir DIR] [--json]";

std::vector<std::string> actionOptions(std::vector<std::string> more) {
    more.push_back("from");
    more.push_back("password-file");
    more.push_back("receipt-timeout");
    for (const char* o : {"fee", "max-fee", "priority-fee", "gas"}) more.push_back(o);
    return nodeOptions(std::move(more));
}

Result<ProtocolSession> openProtocol(const Args& args) {
    ProtocolSession s;
    CTRN_ASSIGN(s.session, openNode(args));
    CTRN_ASSIGN(chain::Deployment deployment, selectedDeployment(args));
    if (deployment.chainId != s.session->chainId)
        return makeError(ErrorCode::WrongChain, "the " + deployment.name + " manifest is for chain " + std::to_string(deployment.chainId) +
                                                    ", the node serves " + std::to_string(s.session->chainId));
    CTRN_ASSIGN(auto abis, protocol::ProtocolAbis::load());
    s.actions = sessionActions(*s.session, deployment);
    s.protocol = std::make_unique<protocol::Protocol>(std::move(abis), std::move(deployment), s.session->node.get());
    return s;
}

chain::Address addressArg(const std::string& text, const std::string& what) {
    auto a = chain::Address::fromHex(text);
    if (!a) throw UsageError{what + ": " + a.error().message};
    return *a;
}

chain::Address fromOption(const Args& args) { return addressArg(args.required("from"), "--from"); }

U256 idArg(const std::string& text, const std::string& what) {
    auto v = parseU256(text);
    if (!v) throw UsageError{what + " must be a number, not '" + text + "'"};
    return *v;
}

U256 amountArg(const std::string& text, const std::string& what) {
    auto v = chain::parseUnits(text, 18);
    if (!v) throw UsageError{what + ": " + v.error().message};
    return *v;
}

U256 positiveAmount(const Args& args, const std::string& name) {
    U256 v = amountArg(args.required(name), "--" + name);
    if (v == 0) throw UsageError{"--" + name + " must be positive"};
    return v;
}

TargetAction parseAgentAmount(const Args& args, const std::string& what, bool withAmount) {
    args.expectPositionalCount(1);
    TargetAction a;
    a.target = addressArg(args.positional(0, what), what);
    if (withAmount) a.amount = positiveAmount(args, "amount");
    a.from = fromOption(args);
    return a;
}

crypto::Hash256 hash32Arg(const std::string& text, const std::string& what) {
    auto v = fixedFromHex<32>(text, what);
    if (!v) throw UsageError{v.error().message};
    return *v;
}

std::string ctrnAmount(const U256& v) { return chain::formatUnits(v, 18); }

int printProtocolError(const Error& e) {
    // A node's raw revert ("execution …"); core's simulation reasons are
    // explained already.
    if (e.message.find("execution ") != std::string::npos)
        return printError(makeError(e.code, protocol::explainRevert(e.message)));
    return printError(e);
}

std::optional<std::string> ActionResult::eventField(const std::string& name, const std::string& field) const {
    for (const auto& e : events) {
        if (e.value("event", "") != name || !e["fields"].contains(field)) continue;
        const Json& v = e["fields"][field];
        return v.is_string() ? v.get<std::string>() : v.dump();
    }
    return std::nullopt;
}

std::unique_ptr<interfaces::Actions> sessionActions(NodeSession& session, std::optional<chain::Deployment> deployment) {
    interfaces::ActionsParts parts;
    parts.client = session.client.get();
    parts.node = session.node.get();
    parts.store = session.data.store.get();
    parts.keys = &session.keys;
    parts.wallets = session.data.wallets.get();
    parts.service = session.service.get();
    parts.chainId = session.chainId;
    parts.deployment = std::move(deployment);
    return interfaces::makeActions(std::move(parts));
}

interfaces::FeeChoice feeChoice(const Args& args) {
    interfaces::FeeChoice fee;
    if (auto level = args.option("fee")) {
        if (*level == "slow") fee.speed = interfaces::FeeSpeed::Slow;
        else if (*level == "fast") fee.speed = interfaces::FeeSpeed::Fast;
        else if (*level == "normal") fee.speed = interfaces::FeeSpeed::Normal;
        else throw UsageError{"--fee must be slow, normal or fast"};
    }
    if (args.option("max-fee") || args.option("priority-fee")) {
        if (!args.option("max-fee") || !args.option("priority-fee")) throw UsageError{"--max-fee and --priority-fee go together"};
        auto maxFee = parseU256(*args.option("max-fee"));
        auto tip = parseU256(*args.option("priority-fee"));
        if (!maxFee || !tip) throw UsageError{"--max-fee and --priority-fee are integers (wei per gas)"};
        fee.maxFeePerGas = *maxFee;
        fee.maxPriorityFeePerGas = *tip;
    }
    if (auto gas = args.option("gas")) {
        auto g = parseU256(*gas);
        if (!g) throw UsageError{"--gas must be a number"};
        fee.gasLimit = *g;
    }
    return fee;
}

namespace {

bool confirmAction(const Args& args, const std::string& review) {
    if (args.flag("yes")) return true;
    if (!::isatty(0)) throw UsageError{"not a terminal: pass --yes to confirm"};
    std::cerr << review << "Send? [y/N] " << std::flush;
    std::string answer;
    std::getline(std::cin, answer);
    return answer == "y" || answer == "Y" || answer == "yes";
}

} // namespace

Result<ActionResult> runAction(ProtocolSession& s, const Args& args, const std::string& action, interfaces::ActionRequest request) {
    NodeSession& session = s.node();
    interfaces::Actions& actions = *s.actions;
    const chain::Address from = fromOption(args);
    request.action = action;
    request.from = from.checksummed();
    request.fee = feeChoice(args);
    const bool dryRun = args.flag("dry-run");
    // The listing manifest is signed while preparing: its key first.
    if (action == "listing.create" && !session.keys.isUnlocked(from)) CTRN_TRY(unlockAccount(session, args, from));
    ActionResult r;
    // An approval the action needs first is a transaction of its own,
    // reviewed, sent and mined before the action is prepared again.
    for (int step = 0;; ++step) {
        CTRN_ASSIGN(auto prepared, actions.prepare(request));
        r.review = interfaces::reviewJson(prepared);
        r.facts = prepared.facts;
        if (dryRun) std::cerr << interfaces::reviewText(prepared);
        if (!prepared.simulation.ok) return makeError(ErrorCode::Reverted, prepared.simulation.revertReason);
        if (dryRun) {
            r.dryRun = true;
            return r;
        }
        if (!session.keys.isUnlocked(from)) CTRN_TRY(unlockAccount(session, args, from));
        // Earlier runs may have left journal entries: settle them first so
        // the nonce is right.
        CTRN_TRY(session.service->reconcile());
        if (!confirmAction(args, interfaces::reviewText(prepared))) return makeError(ErrorCode::InvalidInput, "cancelled");
        CTRN_ASSIGN(auto sent, actions.submitUnlocked(prepared));
        if (!sent.broadcast)
            return makeError(ErrorCode::Network, "node unreachable: the transaction " + sent.hash +
                                                     " is signed and kept in the journal; `ctrn sync` broadcasts it");
        double seconds = args.option("receipt-timeout") ? std::stod(*args.option("receipt-timeout")) : 120.0;
        CTRN_ASSIGN(auto outcome, actions.wait(sent.hash, static_cast<std::uint64_t>(seconds * 1000)));
        if (outcome.status != "mined")
            return makeError(ErrorCode::Reverted, "transaction " + sent.hash + " failed on chain in block " + std::to_string(outcome.block) +
                                                      (outcome.reason.empty() ? "" : ": " + outcome.reason));
        if (!prepared.followUp.empty() && step < 2) {
            r.approvals.push_back(sent.hash);
            continue;
        }
        r.json = {{"hash", sent.hash},
                  {"from", from.checksummed()},
                  {"to", prepared.tx.to},
                  {"action", prepared.kind},
                  {"block", std::to_string(outcome.block)},
                  {"status", outcome.status},
                  {"gasUsed", toDecimal(outcome.gasUsed)}};
        for (const auto& e : outcome.events) r.events.push_back({{"contract", e.contract}, {"event", e.event}, {"fields", e.fields}});
        r.json["events"] = r.events;
        return r;
    }
}

int printAction(const Args& args, const ActionResult& r, Json extra) {
    if (r.dryRun) {
        // The review was printed on stderr; stdout carries it as data.
        if (args.flag("json")) return printOutput(args, Json{{"dryRun", true}, {"review", r.review}});
        return ExitOk;
    }
    Json out = r.json;
    for (auto& [k, v] : r.facts.items()) out[k] = v;
    for (auto& [k, v] : extra.items()) out[k] = v;
    if (!r.approvals.empty()) out["approval"] = r.approvals.front();
    if (args.flag("json")) out["review"] = r.review;
    return printOutput(args, out);
}

interfaces::ActionRequest requestFrom(const Args& args, const std::vector<std::string>& options, const std::vector<std::string>& flags) {
    interfaces::ActionRequest request;
    for (const auto& name : options)
        if (auto v = args.option(name)) request.params[name] = *v;
    for (const auto& name : flags)
        if (args.flag(name)) request.params[name] = "true";
    return request;
}

int runProtocolAction(const Args& args, const std::string& action, interfaces::ActionRequest request,
                      const std::function<Json(ProtocolSession&, const ActionResult&)>& extra) {
    fromOption(args); // a missing --from is a usage error before the node is asked
    auto s = openProtocol(args);
    if (!s) return printError(s.error());
    auto r = runAction(*s, args, action, std::move(request));
    if (!r) return printProtocolError(r.error());
    return printAction(args, *r, extra && !r->dryRun ? extra(*s, *r) : Json::object());
}

} // namespace ctrn::cli
