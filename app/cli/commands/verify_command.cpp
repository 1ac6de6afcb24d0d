// ctrn verify tx HASH | verify header NUMBER — what the light client proves
// on its own: a transaction bound to its block's transactions trie and its
// outcome (status and logs) from the block's receipt trie, and a block
// header linked by parent hash to the checkpoint.
// Exit 1 with what failed when the node contradicts itself or the proof.
#include "../session.h"

#include <core/util/hex.h>

#include <iostream>

namespace ctrn::cli {
namespace {

// openNode + openLightClient; on failure the exit code is in `exitCode`.
std::unique_ptr<NodeSession> openVerifier(const Args& args, int& exitCode) {
    auto s = openNode(args);
    if (!s) {
        exitCode = s.error().code == ErrorCode::WrongChain
                       ? printMismatch(lightclient::Mismatch{lightclient::MismatchKind::ChainId, s.error().message, {}})
                       : printError(s.error());
        return nullptr;
    }
    auto opened = openLightClient(**s, args);
    if (!opened) {
        exitCode = printError(opened.error());
        return nullptr;
    }
    if (!*opened) {
        exitCode = printMismatch(opened->mismatch());
        return nullptr;
    }
    return std::move(s).value();
}

Json logJson(const chain::Log& log) {
    Json topics = Json::array();
    for (const auto& t : log.topics) topics.push_back(t.hex());
    return {{"address", log.address.checksummed()}, {"topics", topics}, {"data", toHex(log.data)}};
}

int runVerifyTx(const Args& args) {
    args.expectPositionalCount(1);
    auto hash = chain::Hash::fromHex(args.positional(0, "HASH"));
    if (!hash) return printError(hash.error());
    int exitCode = ExitOk;
    auto session = openVerifier(args, exitCode);
    if (!session) return exitCode;
    auto receipt = session->light->receipt(*hash);
    if (!receipt) return printError(receipt.error());
    if (receipt->isMismatch()) return printMismatch(receipt->mismatch());
    if (receipt->isUnverified())
        return printError("cannot verify: " + receipt->unverified().unverifiedValue().unverifiedReason + " (its receipt is unverified)");
    const auto& v = receipt->verified();
    const lightclient::ProvenReceipt& proven = v.value();
    const chain::Transaction& tx = proven.transaction->transaction;
    const std::string index = std::to_string(proven.index);
    Json logs = Json::array();
    for (const auto& log : proven.receipt.logs) logs.push_back(logJson(log));
    Json out = {{"hash", hash->hex()},
                {"verified", true},
                {"status", proven.receipt.status.value_or(false) ? "success" : "failed"},
                {"block", std::to_string(v.blockNumber())},
                {"blockHash", v.blockHash().hex()},
                {"index", index},
                {"checks",
                 {{"transactionsRoot", "verified: the block's transactions rebuild its transactions root and index " + index +
                                           " holds this hash"},
                  {"receiptsRoot", "verified: the block's receipts rebuild its receipts root and the receipt at index " + index +
                                       " is the node's"}}},
                {"transaction",
                 {{"type", std::to_string(static_cast<int>(tx.type))},
                  {"nonce", toDecimal(tx.nonce)},
                  {"to", tx.to ? Json(tx.to->checksummed()) : Json(nullptr)},
                  {"value", toDecimal(tx.value)}}},
                {"cumulativeGasUsed", std::to_string(proven.receipt.cumulativeGasUsed)},
                {"logs", logs}};
    return printOutput(args, out);
}

int runVerifyHeader(const Args& args) {
    args.expectPositionalCount(1);
    const std::string& text = args.positional(0, "NUMBER");
    if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || text.size() > 19)
        throw UsageError{"NUMBER must be a decimal block number"};
    const std::uint64_t number = std::stoull(text);
    int exitCode = ExitOk;
    auto session = openVerifier(args, exitCode);
    if (!session) return exitCode;
    auto header = session->light->header(number);
    if (!header) return printError(header.error());
    if (!*header) return printMismatch(header->mismatch());
    const auto& h = (*header)->header;
    Json out = {{"number", std::to_string(h.number)},
                {"hash", (*header)->hash.hex()},
                {"verified", true},
                {"parentHash", h.parentHash.hex()},
                {"stateRoot", h.stateRoot.hex()},
                {"receiptsRoot", h.receiptsRoot.hex()},
                {"transactionsRoot", h.transactionsRoot.hex()},
                {"timestamp", std::to_string(h.timestamp)},
                {"fork", h.fork()},
                {"checkpoint", session->light->checkpoint().block.hash.hex()}};
    return printOutput(args, out);
}

const std::string kCommon =
    "[--checkpoint HASH] [--network NAME | --rpc URL...] [--quorum K] [--chain-id N] [--timeout-ms T] [--datadir DIR] [--json]";

const bool r1 = registerCommand({"verify tx", "HASH " + kCommon,
    "Proves a mined transaction and its outcome: its block's header is verified (linked by parent\n"
    "hash to the checkpoint); the block's transactions (eth_getBlockByNumber, full) are re-encoded\n"
    "and must rebuild the header's transactions root with HASH at the index the node's receipt\n"
    "names; the block's receipts (eth_getBlockReceipts) must rebuild the header's receipts root,\n"
    "and the node's own receipt must agree on status and logs. Prints both checks, the proven\n"
    "status, transaction fields, block and logs; exit 1 naming what failed when the node lied,\n"
    "1 when it cannot be verified, 3 on node errors.",
    nodeOptions(), runVerifyTx});
const bool r2 = registerCommand({"verify header", "NUMBER " + kCommon,
    "Verifies block NUMBER's header: hashed locally (London to Prague) and linked by parent hash\n"
    "to the checkpoint, forward from it or back from it. Prints the header's hash and roots;\n"
    "exit 1 naming what failed when a header does not hash or link.",
    nodeOptions(), runVerifyHeader});

} // namespace
} // namespace ctrn::cli
