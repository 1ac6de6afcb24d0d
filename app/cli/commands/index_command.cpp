// ctrn index status | index sync — the local protocol index (events from
// eth_getLogs in adaptive ranges, reorg-safe; see core/protocol/indexer.h).
#include "protocol_common.h"
#include "protocol_index.h"

#include <core/protocol/verified_events.h>

namespace ctrn::cli {
namespace {

Json reportJson(const protocol::IndexReport& r) {
    Json j = {{"from", std::to_string(r.from)}, {"to", std::to_string(r.to)}, {"head", std::to_string(r.head)},
              {"events", r.events}, {"ranges", r.ranges}, {"shrinks", r.shrinks}, {"reorgs", r.reorgs}, {"reset", r.reset}};
    if (r.rolledBackTo) j["rolledBackTo"] = std::to_string(*r.rolledBackTo);
    return j;
}

Result<Json> countsJson(storage::ProtocolStore& store) {
    CTRN_ASSIGN(auto c, store.counts());
    return Json{{"events", c.events}, {"agents", c.agents}, {"stakes", c.stakes}, {"proposals", c.proposals},
                {"votes", c.votes}, {"citations", c.citations}, {"listings", c.listings}, {"purchases", c.purchases},
                {"disputes", c.disputes}, {"pools", c.pools}, {"models", c.models}, {"versions", c.versions},
                {"ratings", c.ratings}, {"revenueEpochs", c.epochs}};
}

int runSync(const Args& args) {
    args.expectPositionalCount(0);
    auto s = openIndex(args);
    if (!s) return printError(s.error());
    auto report = (*s)->sync(args, !args.flag("quiet"));
    if (!report) return printError(report.error());
    Json out = reportJson(*report);
    auto counts = countsJson(*(*s)->store);
    if (!counts) return printError(counts.error());
    out["counts"] = *counts;
    out["index"] = (*s)->indexPath;
    return printOutput(args, out);
}

int runStatus(const Args& args) {
    args.expectPositionalCount(0);
    auto s = openIndex(args);
    if (!s) return printError(s.error());
    IndexSession& session = **s;
    auto indexed = session.store->indexedTo();
    if (!indexed) return printError(indexed.error());
    auto counts = countsJson(*session.store);
    if (!counts) return printError(counts.error());
    Json out = {{"network", session.network}, {"chainId", std::to_string(session.deployment.chainId)},
                {"deployBlock", std::to_string(session.deployment.deployBlock)},
                {"indexedTo", *indexed ? Json(std::to_string(**indexed)) : Json(nullptr)}, {"counts", *counts},
                {"index", session.indexPath}};
    // The head is best effort: status works offline and says so.
    if (!args.flag("offline")) {
        if (auto c = session.connect(args); c) {
            if (auto head = session.node->node->blockNumber(); head) {
                out["head"] = std::to_string(*head);
                std::int64_t behind = static_cast<std::int64_t>(*head) - (*indexed ? **indexed : static_cast<std::int64_t>(session.deployment.deployBlock) - 1);
                out["behind"] = std::to_string(std::max<std::int64_t>(0, behind));
            }
        } else {
            out["nodeError"] = c.error().message;
        }
    }
    auto& db = session.store->database();
    Json metadata = Json::object();
    if (auto st = db.prepare("SELECT status, count(*) FROM metadata GROUP BY status"); st) {
        auto rows = st->rows([](storage::Statement& r) { return std::pair{r.text(0), r.int64(1)}; });
        if (rows)
            for (const auto& [status, n] : *rows) metadata[status] = n;
    }
    out["metadata"] = metadata;
    return printOutput(args, out);
}

// index verify: the index in verified mode (core/protocol/verified_events.h).
int runVerify(const Args& args) {
    args.expectPositionalCount(0);
    std::optional<chain::Address> account;
    if (auto a = args.option("account")) account = addressArg(*a, "--account");
    const bool all = args.flag("all");
    if (all && account) throw UsageError{"--all and --account exclude each other"};
    auto s = openSyncedIndex(args);
    if (!s) return printError(s.error());
    IndexSession& session = **s;
    if (auto c = session.connect(args); !c) return printError(c.error());
    auto opened = openLightClient(*session.node, args);
    if (!opened) return printError(opened.error());
    if (!*opened) return printMismatch(opened->mismatch());
    const auto& governance = protocol::governanceContracts();
    auto select = [&](const storage::ProtocolEvent& e) {
        if (all) return true;
        if (account) return protocol::eventConcerns(e, *account);
        return std::find(governance.begin(), governance.end(), e.contract) != governance.end();
    };
    auto report = protocol::verifyIndexedEvents(*session.node->light, *session.store, session.deployment, *session.abis, select);
    if (!report) return printError(report.error());
    Json problems = Json::array();
    for (const auto& p : report->problems)
        problems.push_back({{"contract", p.event.contract}, {"event", p.event.name}, {"block", std::to_string(p.event.block)},
                            {"transaction", p.event.txHash}, {"problem", p.problem}});
    Json out = {{"scope", all ? "all" : account ? "account " + account->checksummed() : "governance"},
                {"events", report->events},
                {"transactions", report->transactions},
                {"verified", report->verified},
                {"problems", problems},
                {"checkpoint", session.node->light->checkpoint().block.hash.hex()}};
    printOutput(args, out);
    if (report->problems.empty()) return ExitOk;
    const auto& first = report->problems.front();
    return printError(makeError(ErrorCode::VerificationFailed,
                                std::to_string(report->problems.size()) + " indexed event(s) not proven; first: " + first.event.contract + "." +
                                    first.event.name + " in " + first.event.txHash + ": " + first.problem));
}

const bool r1 = registerCommand({"index sync",
    "[--range N] [--confirmations N] [--to BLOCK] [--quiet] [--network NAME | --rpc URL...] [--ipfs-gateway URL] [--datadir DIR] [--json]",
    "Brings the protocol index (DATADIR/protocol-NETWORK.sqlite) up to the node's head: protocol\n"
    "events via eth_getLogs in adaptive block ranges (halved when the node refuses a range as too\n"
    "large, doubled while sparse; --range sets the first size, default 2000), block hashes checked\n"
    "for reorgs (a reorg rolls the index back to the common ancestor and re-indexes), then listing\n"
    "and model metadata fetched and kept only when its sha256 matches the chain. Progress goes to\n"
    "stderr (--quiet: none); stdout gets the report and the index's counts. --to stops at a block\n"
    "(e.g. the manifest's checkpoint) instead of the head.",
    indexOptions({"range", "confirmations", "to"}), runSync});
const bool r2 = registerCommand({"index status", "[--offline] [--network NAME | --rpc URL...] [--datadir DIR] [--json]",
    "What the local protocol index holds: the last indexed block, the node's head and how far behind\n"
    "the index is (unless --offline), row counts per table and metadata verdicts\n"
    "(verified / mismatch / unavailable).",
    indexOptions(), runStatus});
const bool r3 = registerCommand({"index verify", "[--account ADDR | --all] [--checkpoint HASH] " + kIndexUsage,
    "The index in verified mode: brings it up to date, then checks each indexed governance event\n"
    "(the three governors, the timelock, the guardian multisig) — or with --account the events\n"
    "naming that account, or with --all every event — against its transaction's receipt proven by\n"
    "the light client (the block's receipt trie rebuilt and compared with a header linked to the\n"
    "checkpoint). Exit 1 naming each event the proof contradicts (invented, altered, or from a\n"
    "failed transaction) or that cannot be proven.",
    indexOptions({"account"}), runVerify});

} // namespace
} // namespace ctrn::cli
