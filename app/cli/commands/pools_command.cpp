// ctrn pools show|vote — validation pools (disputes, model reviews,
// questions): REP-staked votes until the pool's deadline. A vote after the
// deadline is refused ("voting is closed") before anything is signed.
#include "protocol_common.h"

#include <core/chain/json_fields.h>

namespace ctrn::cli {
namespace {

using namespace protocol;

// The latest block's timestamp: pools close by block time, not the local clock.
Result<std::uint64_t> chainTime(ProtocolSession& s) {
    CTRN_ASSIGN(Json block, s.node().client->call("eth_getBlockByNumber", Json::array({"latest", false})));
    if (!block.is_object() || !block.contains("timestamp")) return makeError(ErrorCode::Network, "the node returned no latest block");
    return chain::json::quantity64(block, "timestamp");
}

int runShow(const Args& args) {
    args.expectPositionalCount(1);
    U256 id = idArg(args.positional(0, "POOL"), "pool id");
    auto opened = openBound(args, validationPool);
    if (!opened) return printError(opened.error());
    auto& [s, vp] = *opened;
    auto pool = vp.pool(id);
    if (!pool) return printProtocolError(pool.error());
    auto now = chainTime(s);
    if (!now) return printError(now.error());
    Json out = pool->json;
    out["id"] = toDecimal(id);
    out["open"] = !pool->resolved && *now < pool->deadline;
    out["verified"] = false;
    if (auto voter = args.option("voter")) {
        auto v = vp.voteOf(id, addressArg(*voter, "--voter"));
        if (!v) return printProtocolError(v.error());
        out["vote"] = *v;
    }
    return printOutput(args, out);
}

int runVote(const Args& args) {
    args.expectPositionalCount(1);
    auto request = requestFrom(args, {"support", "stake"});
    request.params["pool"] = args.positional(0, "POOL");
    return runProtocolAction(args, "pool.vote", std::move(request));
}

const bool r1 = registerCommand({"pools show", "POOL [--voter ADDR] " + kReadUsage,
    "A validation pool: poster, kind, subject, question, deadline, yes/no stakes, whether it is\n"
    "still open (by the latest block's time) and, with --voter, that account's vote.",
    nodeOptions({"voter"}), runShow});
const bool r2 = registerCommand({"pools vote", "POOL --support yes|no --stake REP " + kActionUsage,
    "Stakes REP on one side of an open pool. Refused with \"voting is closed\" after the deadline.",
    actionOptions({"support", "stake"}), runVote});

} // namespace
} // namespace ctrn::cli
