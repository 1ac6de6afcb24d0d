// ctrn status | balance | send | sync | history | tx status|wait|speedup|cancel
// — the wallet against a node. Node values say whether they are verified:
// plain reads are the node's word ("verified": false); --verified reads are
// proven by the light client or refused.
#include "../session.h"
#include "protocol_common.h"

#include <core/chain/u256.h>
#include <core/lightclient/protocol_proofs.h>

#include <QCoreApplication>
#include <QThread>

#include <chrono>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace ctrn::cli {
namespace {

Json reportJson(const wallet::ReconcileReport& r) {
    return {{"mined", r.mined}, {"failed", r.failed}, {"dropped", r.dropped},
            {"replaced", r.replaced}, {"rebroadcast", r.rebroadcast}, {"pending", r.pending}};
}

Json txJson(const storage::TxRecord& t) {
    Json j = {{"hash", t.hash}, {"status", t.status}, {"from", t.from}, {"nonce", std::to_string(t.nonce)},
              {"value", t.value}, {"kind", t.kind}, {"chainId", std::to_string(t.chainId)}};
    if (t.to) j["to"] = *t.to;
    if (t.token) j["token"] = *t.token;
    if (t.tokenAmount) j["tokenAmount"] = *t.tokenAmount;
    if (t.replaces) j["replaces"] = *t.replaces;
    if (t.blockNumber) j["blockNumber"] = std::to_string(*t.blockNumber);
    if (t.inJournal) j["broadcast"] = t.broadcast;
    return j;
}

Json sendJson(const wallet::SendResult& r) {
    Json j = {{"hash", r.hash.hex()}, {"nonce", std::to_string(r.nonce)}, {"gas", toDecimal(r.gasLimit)},
              {"maxFeePerGas", toDecimal(r.fee.maxFeePerGas)}, {"maxPriorityFeePerGas", toDecimal(r.fee.maxPriorityFeePerGas)},
              {"broadcast", r.broadcast}};
    if (r.broadcastError) j["broadcastError"] = *r.broadcastError;
    return j;
}

Result<chain::Address> tokenOption(const Args& args) {
    std::string t = *args.option("token");
    if (t == "CTRN" || t == "ctrn") {
        CTRN_ASSIGN(chain::Deployment deployment, selectedDeployment(args));
        return deployment.contract("ComputroniumToken");
    }
    return chain::Address::fromHex(t);
}

bool confirm(const Args& args, const std::string& summary) {
    if (args.flag("yes")) return true;
    if (!::isatty(0)) throw UsageError{"not a terminal: pass --yes to confirm"};
    std::cerr << summary << (summary.empty() || summary.back() != '\n' ? "\n" : "") << "Send? [y/N] " << std::flush;
    std::string answer;
    std::getline(std::cin, answer);
    return answer == "y" || answer == "Y" || answer == "yes";
}

// With a checkpoint (manifest, stored or --checkpoint) status also syncs the
// light client and reports the verified head and how each endpoint stands.
Json lightStatus(NodeSession& session, const Args& args, int& exitCode) {
    auto opened = openLightClient(session, args);
    if (!opened) {
        if (opened.error().code == ErrorCode::InvalidInput && !args.option("checkpoint")) return {{"verification", "unverified"}, {"reason", opened.error().message}};
        exitCode = printError(opened.error());
        return {};
    }
    Json out;
    const auto& cp = session.light->checkpoint();
    out["checkpoint"] = {{"number", std::to_string(cp.block.number)}, {"hash", cp.block.hash.hex()}, {"source", cp.source}};
    Json problem;
    if (!*opened) {
        problem = opened->mismatch().describe();
        exitCode = printMismatch(opened->mismatch());
    } else {
        auto head = session.light->syncHead();
        if (!head) {
            problem = head.error().message;
            exitCode = printError(head.error());
        } else if (!*head) {
            problem = head->mismatch().describe();
            exitCode = printMismatch(head->mismatch());
        } else {
            out["verifiedHead"] = {{"number", std::to_string((*head)->header.number)}, {"hash", (*head)->hash.hex()}};
        }
    }
    if (auto warning = session.light->checkpointWarning()) {
        out["checkpointWarning"] = *warning;
        std::cerr << "ctrn: warning: " << *warning << '\n';
    }
    out["verification"] = problem.is_null() ? "verified" : "failed";
    if (!problem.is_null()) out["problem"] = problem;
    Json endpoints = Json::array();
    for (const auto& e : session.light->endpoints()) {
        Json j = {{"url", e.url}, {"agrees", e.agrees}};
        if (e.head) j["head"] = std::to_string(*e.head);
        if (!e.problem.empty()) j["problem"] = e.problem;
        endpoints.push_back(j);
    }
    out["endpointAgreement"] = endpoints;
    return out;
}

int runStatus(const Args& args) {
    args.expectPositionalCount(0);
    auto s = openNode(args);
    if (!s) return printError(s.error());
    auto head = (*s)->node->blockNumber();
    if (!head) return printError(head.error());
    Json out = {{"chainId", std::to_string((*s)->chainId)}, {"head", std::to_string(*head)},
                {"endpoints", (*s)->client->endpoints()}, {"checkpoint", nullptr}, {"verification", "unverified"}};
    int exitCode = ExitOk;
    Json light = lightStatus(**s, args, exitCode);
    for (auto& [k, v] : light.items()) out[k] = v;
    printOutput(args, out);
    return exitCode;
}

// --verified: the light client proves the balance at its verified head.
// ETH from the account proof; CTRN from the token's storage (slot from its
// forge storage layout). Anything short of Verified exits 1.
int runVerifiedBalance(const Args& args, const chain::Address& address) {
    auto s = openNode(args);
    if (!s) {
        if (s.error().code == ErrorCode::WrongChain)
            return printMismatch(lightclient::Mismatch{lightclient::MismatchKind::ChainId, s.error().message, {}});
        return printError(s.error());
    }
    NodeSession& session = **s;
    auto opened = openLightClient(session, args);
    if (!opened) return printError(opened.error());
    if (!*opened) return printMismatch(opened->mismatch());
    Json out = {{"address", address.checksummed()}};
    auto report = [&](const auto& verified, const std::vector<std::string>& outvoted) {
        out["verified"] = true;
        out["block"] = std::to_string(verified.blockNumber());
        out["blockHash"] = verified.blockHash().hex();
        if (!outvoted.empty()) {
            out["outvoted"] = outvoted;
            for (const auto& url : outvoted) std::cerr << "ctrn: warning: endpoint " << url << " was outvoted (its proofs did not verify)\n";
        }
    };
    if (args.option("token")) {
        auto token = tokenOption(args);
        if (!token) return printError(token.error());
        auto deployment = selectedDeployment(args);
        auto ctrnToken = deployment ? deployment->contract("ComputroniumToken") : Result<chain::Address>(deployment.error());
        if (!ctrnToken || *ctrnToken != *token)
            return printError("cannot verify the balance of token " + token->checksummed() +
                              ": its storage layout is unknown (--verified proves CTRN, whose layout ships in resources/storage-layout)");
        auto layout = lightclient::loadStorageLayout(storageLayoutDir(), "ComputroniumToken");
        if (!layout) return printError(layout.error());
        auto fields = lightclient::tokenAccountFields(*layout, address);
        if (!fields) return printError(fields.error());
        auto proven = lightclient::proveFields(*session.light, *token, *fields);
        if (!proven) return printError(proven.error());
        if (proven->isMismatch()) return printMismatch(proven->mismatch());
        if (proven->isUnverified()) return printError("cannot verify: the node does not serve eth_getProof (the balance it reports is unverified)");
        const auto& v = proven->verified();
        out["token"] = token->checksummed();
        out["balance"] = toDecimal(v.value().at("balance"));
        out["formatted"] = chain::formatUnits(v.value().at("balance"), 18);
        out["locked"] = toDecimal(v.value().at("locked"));
        report(v, {});
        return printOutput(args, out);
    }
    auto proven = session.light->accounts({address}, {{}});
    if (!proven) return printError(proven.error());
    if (proven->isMismatch()) return printMismatch(proven->mismatch());
    if (proven->isUnverified()) return printError("cannot verify: the node does not serve eth_getProof (the balance it reports is unverified)");
    const auto& v = proven->verified();
    const auto& account = v.value().accounts.front().account;
    out["balance"] = toDecimal(account.balance);
    out["formatted"] = chain::formatUnits(account.balance, 18);
    out["nonce"] = toDecimal(account.nonce);
    out["exists"] = account.exists;
    report(v, v.value().outvoted);
    return printOutput(args, out);
}

int runBalance(const Args& args) {
    args.expectPositionalCount(1);
    auto address = chain::Address::fromHex(args.positional(0, "ADDR"));
    if (!address) return printError(address.error());
    if (args.flag("verified")) return runVerifiedBalance(args, *address);
    auto s = openNode(args);
    if (!s) return printError(s.error());
    Json out = {{"address", address->checksummed()}, {"verified", false}};
    if (args.option("token")) {
        auto token = tokenOption(args);
        if (!token) return printError(token.error());
        auto balance = (*s)->node->tokenBalance(*token, *address);
        if (!balance) return printError(balance.error());
        auto decimals = (*s)->node->tokenDecimals(*token);
        out["token"] = token->checksummed();
        out["balance"] = toDecimal(balance->unverifiedValue());
        if (decimals) {
            out["decimals"] = *decimals;
            out["formatted"] = chain::formatUnits(balance->unverifiedValue(), *decimals);
        }
    } else {
        auto balance = (*s)->node->balance(*address);
        if (!balance) return printError(balance.error());
        out["balance"] = toDecimal(balance->unverifiedValue());
        out["formatted"] = chain::formatUnits(balance->unverifiedValue(), 18);
    }
    return printOutput(args, out);
}

// A thin adapter over core's one action path: the same rules ("amount above
// balance", locked CTRN), the same review and the same signing of exactly
// what was reviewed as the app's Send page.
int runSend(const Args& args) {
    args.expectPositionalCount(0);
    auto from = chain::Address::fromHex(args.required("from"));
    if (!from) return printError(from.error().message + " (--from)");
    auto to = chain::Address::fromHex(args.required("to"));
    if (!to) return printError(to.error().message + " (--to)");
    if (!args.option("amount") && !args.option("amount-wei")) throw UsageError{"give --amount or --amount-wei"};
    interfaces::ActionRequest request;
    request.action = "send";
    request.from = from->checksummed();
    request.params["to"] = to->checksummed();
    for (const char* name : {"amount", "amount-wei", "token"})
        if (auto v = args.option(name)) request.params[name] = *v;
    request.fee = feeChoice(args);
    auto s = openNode(args);
    if (!s) return printError(s.error());
    NodeSession& session = **s;
    // The network's contracts name CTRN (--token CTRN) and decode the review;
    // a send of ETH needs none.
    std::optional<chain::Deployment> deployment;
    auto manifest = selectedDeployment(args);
    if (manifest && manifest->chainId == session.chainId) deployment = *manifest;
    else if (args.option("token") && (*args.option("token") == "CTRN" || *args.option("token") == "ctrn"))
        return printError(manifest ? makeError(ErrorCode::WrongChain, "the " + manifest->name + " manifest is for another chain") : manifest.error());
    auto actions = sessionActions(session, deployment);
    auto prepared = actions->prepare(request);
    if (!prepared) return printError(prepared.error());
    const bool dryRun = args.flag("dry-run");
    if (dryRun) std::cerr << interfaces::reviewText(*prepared);
    if (!prepared->simulation.ok) return printError(makeError(ErrorCode::Reverted, prepared->simulation.revertReason));
    if (dryRun) return args.flag("json") ? printOutput(args, Json{{"dryRun", true}, {"review", interfaces::reviewJson(*prepared)}}) : ExitOk;
    if (auto u = unlockAccount(session, args, *from); !u) return printError(u.error());
    // Earlier runs may have left journal entries (killed, node down):
    // settle them first so nonces and balances are right.
    if (auto r = session.service->reconcile(); !r) return printError(r.error());
    if (!confirm(args, interfaces::reviewText(*prepared))) return printError("cancelled");
    auto sent = actions->submitUnlocked(*prepared);
    if (!sent) return printError(sent.error());
    Json out = {{"hash", sent->hash},
                {"nonce", std::to_string(sent->nonce)},
                {"gas", toDecimal(prepared->tx.gasLimit)},
                {"maxFeePerGas", toDecimal(prepared->tx.maxFeePerGas)},
                {"maxPriorityFeePerGas", toDecimal(prepared->tx.maxPriorityFeePerGas)},
                {"broadcast", sent->broadcast}};
    if (!sent->broadcastError.empty()) out["broadcastError"] = sent->broadcastError;
    if (args.flag("json")) out["review"] = interfaces::reviewJson(*prepared);
    if (!sent->broadcast) {
        printOutput(args, out);
        return printError("node unreachable: the transaction is signed and kept in the journal; `ctrn sync` broadcasts it", ExitNetwork);
    }
    return printOutput(args, out);
}

int runSync(const Args& args) {
    args.expectPositionalCount(0);
    auto s = openNode(args);
    if (!s) return printError(s.error());
    auto r = (*s)->service->reconcile();
    if (!r) return printError(r.error());
    return printOutput(args, reportJson(*r));
}

int runHistory(const Args& args) {
    args.expectPositionalCount(1);
    auto data = openData(args);
    if (!data) return printError(data.error());
    std::optional<std::string> address;
    if (!args.positional().empty()) {
        auto a = chain::Address::fromHex(args.positional()[0]);
        if (!a) return printError(a.error());
        address = a->checksummed();
    }
    std::uint64_t chainId = args.option("chain-id") ? std::stoull(*args.option("chain-id")) : kDevnetChainId;
    std::size_t limit = args.option("limit") ? std::stoul(*args.option("limit")) : 100;
    auto list = data->store->history(chainId, address, limit);
    if (!list) return printError(list.error());
    Json out = Json::array();
    for (const auto& t : *list) out.push_back(txJson(t));
    return printOutput(args, out);
}

Result<chain::Hash> hashArg(const Args& args) { return chain::Hash::fromHex(args.positional(0, "HASH")); }

Result<Json> txStatus(NodeSession& s, const chain::Hash& hash) {
    CTRN_TRY(s.service->reconcile());
    CTRN_ASSIGN(auto record, s.data.store->transaction(hash.hex()));
    if (record) return txJson(*record);
    // Not ours: ask the node.
    CTRN_ASSIGN(auto receipt, s.node->receipt(hash));
    if (receipt)
        return Json{{"hash", hash.hex()}, {"status", receipt->success ? "mined" : "failed"},
                    {"blockNumber", std::to_string(receipt->blockNumber)}};
    CTRN_ASSIGN(bool known, s.node->knowsTransaction(hash));
    if (known) return Json{{"hash", hash.hex()}, {"status", "pending"}};
    return makeError(ErrorCode::NotFound, "transaction " + hash.hex() + " is unknown to this wallet and to the node");
}

int runTxStatus(const Args& args) {
    args.expectPositionalCount(1);
    auto hash = hashArg(args);
    if (!hash) return printError(hash.error());
    auto s = openNode(args);
    if (!s) return printError(s.error());
    auto st = txStatus(**s, *hash);
    if (!st) return printError(st.error());
    return printOutput(args, *st);
}

int runTxWait(const Args& args) {
    args.expectPositionalCount(1);
    auto hash = hashArg(args);
    if (!hash) return printError(hash.error());
    auto s = openNode(args);
    if (!s) return printError(s.error());
    double seconds = args.option("timeout") ? std::stod(*args.option("timeout")) : 120.0;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<long>(seconds * 1000));
    while (true) {
        auto st = txStatus(**s, *hash);
        if (!st) return printError(st.error());
        std::string status = (*st)["status"].get<std::string>();
        if (status != "pending") {
            printOutput(args, *st);
            return status == "mined" ? ExitOk : ExitInvalid;
        }
        if (std::chrono::steady_clock::now() >= deadline)
            return printError(makeError(ErrorCode::Timeout, "transaction " + hash->hex() + " still pending after " + std::to_string(static_cast<long>(seconds)) + " s"));
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
}

int runReplace(const Args& args, bool cancel) {
    args.expectPositionalCount(1);
    auto hash = hashArg(args);
    if (!hash) return printError(hash.error());
    rpc::FeeLevel level = rpc::FeeLevel::Fast;
    if (auto l = args.option("fee")) {
        auto parsed = rpc::parseFeeLevel(*l);
        if (!parsed) throw UsageError{"--fee must be slow, normal or fast"};
        level = *parsed;
    }
    auto s = openNode(args);
    if (!s) return printError(s.error());
    NodeSession& session = **s;
    auto record = session.data.store->transaction(hash->hex());
    if (!record) return printError(record.error());
    if (!*record) return printError(makeError(ErrorCode::NotFound, "transaction " + hash->hex() + " is not in this wallet's journal"));
    auto from = chain::Address::fromHex((*record)->from);
    if (!from) return printError(from.error());
    if (auto u = unlockAccount(session, args, *from); !u) return printError(u.error());
    if (!confirm(args, std::string(cancel ? "cancel " : "speed up ") + hash->hex())) return printError("cancelled");
    auto sent = cancel ? session.service->cancel(*hash, level) : session.service->speedUp(*hash, level);
    if (!sent) return printError(sent.error());
    Json out = sendJson(*sent);
    out["replaces"] = hash->hex();
    printOutput(args, out);
    return sent->broadcast ? ExitOk : printError("node unreachable: the replacement is kept in the journal", ExitNetwork);
}

const std::string kCommon = "[--network NAME | --rpc URL...] [--quorum K] [--chain-id N] [--timeout-ms T] [--datadir DIR] [--json]";

const bool r1 = registerCommand({"status", "[--checkpoint HASH] " + kCommon,
    "Connects to the node(s) (checking the chain id, default 31337) and prints chain id, head\n"
    "block and endpoints. With a checkpoint (--checkpoint HASH or NUMBER:HASH, one set before,\n"
    "or the manifest's) it also syncs the light client and shows the checkpoint, the verified\n"
    "head and each endpoint's agreement, warning when the checkpoint is old; exit 1 when an\n"
    "endpoint lied or is behind. Several --rpc form a quorum (default: a majority must agree).\n"
    "Exit 3 on node errors.",
    nodeOptions(), runStatus});
const bool r2 = registerCommand({"balance", "ADDR [--token ADDR|CTRN] [--verified [--checkpoint HASH]] " + kCommon,
    "The ETH (or ERC-20 with --token) balance of ADDR as the node reports it (verified: false).\n"
    "With --verified the balance is proven (eth_getProof) against a header linked to the\n"
    "checkpoint (verified: true, with its block); CTRN is proven from the token's storage\n"
    "layout. Exit 1 when the node's answer cannot be verified or is contradicted.\n"
    "--token CTRN and --network NAME are looked up in the deployment manifest (default: the\n"
    "devnet's devnet.json, then resources/deployments/NAME.json).",
    nodeOptions({"token"}), runBalance});
const bool r3 = registerCommand({"send",
    "--from ADDR --to ADDR (--amount X | --amount-wei N) [--token ADDR|CTRN] [--fee slow|normal|fast | --max-fee WEI --priority-fee WEI] [--gas N] [--password-file F] [--yes | --dry-run] " + kCommon,
    "Sends ETH or an ERC-20 from an account of a local wallet through core's one action path:\n"
    "checks the balance (CTRN: only the part not locked by staking), fixes fees and gas once,\n"
    "simulates the transaction and shows the review (on the terminal before asking; --json adds it\n"
    "as \"review\"); then adds only the nonce, signs exactly what was reviewed, writes the\n"
    "pending-transaction journal and only then broadcasts. --dry-run stops after the review (exit 0,\n"
    "or 1 when the simulation reverts). --amount is in ETH (or the token's decimals), --amount-wei\n"
    "in the smallest unit. Without --yes it asks on the terminal. If the node cannot be reached\n"
    "after signing, the transaction stays in the journal (exit 3) and the next send/sync/tx command\n"
    "broadcasts it.",
    nodeOptions({"from", "to", "amount", "amount-wei", "token", "fee", "max-fee", "priority-fee", "gas", "password-file"}), runSend});
const bool r4 = registerCommand({"sync", kCommon,
    "Reconciles the pending-transaction journal with the node: mined or failed transactions move\n"
    "to the history, replaced and dropped ones are marked, ones the node forgot are rebroadcast.",
    nodeOptions(), runSync});
const bool r5 = registerCommand({"history", "[ADDR] [--limit N] [--chain-id N] [--datadir DIR] [--json]",
    "The wallet's transactions (journal first, then finished ones, newest first). Offline.",
    dataOptions({"limit", "chain-id"}), runHistory});
const bool r6 = registerCommand({"tx status", "HASH " + kCommon,
    "Reconciles, then prints the transaction's status: pending, mined, failed, replaced, dropped.",
    nodeOptions(), runTxStatus});
const bool r7 = registerCommand({"tx wait", "HASH [--timeout SECONDS] " + kCommon,
    "Waits until the transaction is final. Exit 0 mined, 1 failed/replaced/dropped, 3 timeout.",
    nodeOptions({"timeout"}), runTxWait});
const bool r8 = registerCommand({"tx speedup", "HASH [--fee slow|normal|fast] [--password-file F] [--yes] " + kCommon,
    "Replaces a pending transaction with the same nonce and higher fees (+12.5% at least).",
    nodeOptions({"fee", "password-file"}), [](const Args& a) { return runReplace(a, false); }});
const bool r9 = registerCommand({"tx cancel", "HASH [--fee slow|normal|fast] [--password-file F] [--yes] " + kCommon,
    "Replaces a pending transaction with a 0 ETH transfer to oneself at higher fees.",
    nodeOptions({"fee", "password-file"}), [](const Args& a) { return runReplace(a, true); }});

} // namespace
} // namespace ctrn::cli
