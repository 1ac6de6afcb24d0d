#include "protocol_common.h"

#include <core/chain/u256.h>
#include <core/util/hex.h>

#include <iostream>
#include <unistd.h>

namespace ctrn::cli {

const std::string kActionUsage =
    "--from ADDR [--password-file F] [--yes] [--receipt-timeout S] [--network NAME | --rpc URL...] [--datadir DIR] [--json]";
const std::string kReadUsage = "[--network NAME | --rpc URL...] [--datadir DIR] [--json]";

std::vector<std::string> actionOptions(std::vector<std::string> more) {
    more.push_back("from");
    more.push_back("password-file");
    more.push_back("receipt-timeout");
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
    if (e.code == ErrorCode::Reverted || e.message.find("execution ") != std::string::npos)
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

namespace {

bool confirmAction(const Args& args, const std::string& summary) {
    if (args.flag("yes")) return true;
    if (!::isatty(0)) throw UsageError{"not a terminal: pass --yes to confirm"};
    std::cerr << summary << "\nSend? [y/N] " << std::flush;
    std::string answer;
    std::getline(std::cin, answer);
    return answer == "y" || answer == "Y" || answer == "yes";
}

// The receipt's logs decoded with the protocol ABIs (logs of other
// contracts, or that do not decode, are left out).
Result<std::vector<Json>> decodedLogs(ProtocolSession& s, const chain::Hash& hash) {
    CTRN_ASSIGN(Json receipt, s.node().client->call("eth_getTransactionReceipt", Json::array({hash.hex()})));
    std::vector<Json> out;
    if (!receipt.is_object() || !receipt.contains("logs")) return out;
    for (const auto& log : receipt["logs"]) {
        auto address = chain::Address::fromHex(log.value("address", ""));
        if (!address) continue;
        auto name = s.p().contractAt(*address);
        if (!name) continue;
        auto abi = s.p().abis().contract(*name);
        if (!abi) continue;
        std::vector<crypto::Hash256> topics;
        bool ok = true;
        for (const auto& t : log.value("topics", Json::array())) {
            auto h = fixedFromHex<32>(t.get<std::string>(), "topic");
            if (!h) ok = false;
            else topics.push_back(*h);
        }
        auto data = fromHex(log.value("data", "0x"));
        if (!ok || !data) continue;
        auto decoded = (*abi)->decodeLog(topics, *data);
        if (!decoded) continue;
        out.push_back({{"contract", decoded->contract}, {"event", decoded->name}, {"fields", decoded->fields}});
    }
    return out;
}

} // namespace

Result<ActionResult> runAction(ProtocolSession& s, const Args& args, const chain::Address& from, const Action& action) {
    NodeSession& session = s.node();
    if (!session.keys.isUnlocked(from)) CTRN_TRY(unlockAccount(session, args, from));
    // Earlier runs may have left journal entries: settle them first so the
    // nonce is right.
    CTRN_TRY(session.service->reconcile());
    if (!confirmAction(args, action.summary + " (from " + from.checksummed() + ")"))
        return makeError(ErrorCode::InvalidInput, "cancelled");
    wallet::ContractCallRequest request;
    request.from = from;
    request.to = action.to;
    request.data = action.data;
    request.kind = action.kind;
    CTRN_ASSIGN(auto sent, session.service->sendCall(request));
    if (!sent.broadcast)
        return makeError(ErrorCode::Network, "node unreachable: the transaction " + sent.hash.hex() +
                                                 " is signed and kept in the journal; `ctrn sync` broadcasts it");
    double seconds = args.option("receipt-timeout") ? std::stod(*args.option("receipt-timeout")) : 120.0;
    CTRN_ASSIGN(auto receipt, session.service->waitForReceipt(sent.hash, std::chrono::milliseconds(static_cast<long>(seconds * 1000))));
    ActionResult r;
    r.json = {{"hash", sent.hash.hex()},
              {"from", from.checksummed()},
              {"to", action.to.checksummed()},
              {"action", action.kind},
              {"block", std::to_string(receipt.blockNumber)},
              {"status", receipt.success ? "mined" : "failed"},
              {"gasUsed", toDecimal(receipt.gasUsed)}};
    if (!receipt.success)
        return makeError(ErrorCode::Reverted, "transaction " + sent.hash.hex() + " failed on chain in block " +
                                                  std::to_string(receipt.blockNumber));
    CTRN_ASSIGN(r.events, decodedLogs(s, sent.hash));
    r.json["events"] = r.events;
    return r;
}

int printAction(const Args& args, const ActionResult& r, Json extra) {
    Json out = r.json;
    for (auto& [k, v] : extra.items()) out[k] = v;
    return printOutput(args, out);
}

} // namespace ctrn::cli
