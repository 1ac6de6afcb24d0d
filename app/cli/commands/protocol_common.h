// What the protocol action commands (agents, stake, delegate, proposals,
// listings, pools, models, revenue) share: the node session with the
// deployment's contracts bound, the --from account unlocked, CTRN amounts,
// and sending one contract call — confirm, send through WalletService (gas
// estimate refuses a reverting call with its decoded reason), wait for the
// receipt and print the protocol events it emitted.
#pragma once

#include "../session.h"

#include <core/protocol/bindings.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ctrn::cli {

struct ProtocolSession {
    std::unique_ptr<NodeSession> session;
    std::unique_ptr<protocol::Protocol> protocol;
    NodeSession& node() { return *session; }
    const protocol::Protocol& p() const { return *protocol; }
};

// openNode + the manifest of --network + every protocol ABI.
Result<ProtocolSession> openProtocol(const Args& args);

// openProtocol and one contract's binding, one error for either:
//   auto opened = openBound(args, protocol::stakingHub);
//   if (!opened) return printError(opened.error());
//   auto& [s, hub] = *opened;
template <class B>
struct BoundSession {
    ProtocolSession session;
    B binding;
};
template <class B>
Result<BoundSession<B>> openBound(const Args& args, Result<B> (*bind)(const protocol::Protocol&)) {
    CTRN_ASSIGN(ProtocolSession s, openProtocol(args));
    CTRN_ASSIGN(B b, bind(s.p()));
    return BoundSession<B>{std::move(s), std::move(b)};
}

// Options every protocol action takes besides nodeOptions().
std::vector<std::string> actionOptions(std::vector<std::string> more = {});
// The usage tail every action shares.
extern const std::string kActionUsage;
extern const std::string kReadUsage;

// --from, parsed; UsageError if missing.
chain::Address fromOption(const Args& args);
// An address positional or option value, or UsageError naming it.
chain::Address addressArg(const std::string& text, const std::string& what);
// A decimal id ("proposal id", "listing"), or UsageError.
U256 idArg(const std::string& text, const std::string& what);
// A CTRN/REP amount with 18 decimals ("12.5"), or UsageError.
U256 amountArg(const std::string& text, const std::string& what);
// A positive CTRN/REP amount of option --NAME (required), or UsageError.
U256 positiveAmount(const Args& args, const std::string& name);
// A 0x 32-byte hex value, or UsageError.
crypto::Hash256 hash32Arg(const std::string& text, const std::string& what);

// The arguments of an action on one account (stake add|unstake|withdraw|
// claim, delegate): the positional `what` (AGENT, DELEGATEE), a positive
// --amount when `withAmount`, and --from; UsageError before the node is asked.
struct TargetAction {
    chain::Address target;
    U256 amount = 0;
    chain::Address from;
};
TargetAction parseAgentAmount(const Args& args, const std::string& what, bool withAmount);

// One contract call from `from`. Refuses before signing when the gas
// estimate reverts (the message explains the custom error), then waits for
// the receipt; exit 1 if the transaction failed on chain.
struct Action {
    chain::Address to;
    Bytes data;
    std::string kind;    // journal kind: "stake", "vote", ...
    std::string summary; // what the confirmation prompt shows
};

struct ActionResult {
    Json json;               // hash, block, status, events
    std::vector<Json> events; // {contract, event, fields}
    // The first value of field `field` of event `name`, e.g. ("ListingCreated", "listingId").
    std::optional<std::string> eventField(const std::string& name, const std::string& field) const;
};

// Unlocks `from` (--password-file) once per session, confirms (--yes), sends.
Result<ActionResult> runAction(ProtocolSession& s, const Args& args, const chain::Address& from, const Action& action);
// Prints an ActionResult (with `extra` merged in) and returns the exit code.
int printAction(const Args& args, const ActionResult& r, Json extra = Json::object());
// Prints a protocol error: reverts in plain words (explainRevert).
int printProtocolError(const Error& e);

// Formats 18-decimal units ("1.5") for messages.
std::string ctrnAmount(const U256& v);

} // namespace ctrn::cli
