// What the protocol action commands (agents, stake, delegate, proposals,
// listings, pools, models, revenue) and `ctrn send` share: the node session
// with the deployment's contracts bound, and runAction, the thin adapter
// over core's one action path (interfaces::Actions): the command's
// arguments become an ActionRequest; core checks them and the chain
// (protocol rules), prepares the exact transaction and simulates it; ctrn
// prints the review, refuses a reverting simulation, stops there with
// --dry-run, else confirms (--yes), signs exactly what was reviewed, waits
// for the receipt and prints the protocol events it emitted.
#pragma once

#include "../session.h"

#include <core/interfaces/actions.h>
#include <core/protocol/bindings.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ctrn::cli {

struct ProtocolSession {
    std::unique_ptr<NodeSession> session;
    std::unique_ptr<protocol::Protocol> protocol;
    // The one action path over this session (after session: destroyed first).
    std::unique_ptr<interfaces::Actions> actions;
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

// Options every protocol action takes besides nodeOptions() (flags:
// --yes, --dry-run, --json).
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

// interfaces::Actions over ctrn's own session (its client, store, key ring);
// `deployment` names the protocol's contracts (absent: sends only).
std::unique_ptr<interfaces::Actions> sessionActions(NodeSession& session, std::optional<chain::Deployment> deployment);

struct ActionResult {
    Json json;               // hash, from, to, action, block, status, gasUsed, events
    std::vector<Json> events; // {contract, event, fields}
    Json review;             // interfaces::reviewJson of what was signed
    Json facts = Json::object(); // what the rules found (agent, amount, proposalId, ...)
    std::vector<std::string> approvals; // hashes of steps mined first (an ERC-20 approval)
    bool dryRun = false;     // --dry-run: reviewed, nothing signed
    // The first value of field `field` of event `name`, e.g. ("ListingCreated", "listingId").
    std::optional<std::string> eventField(const std::string& name, const std::string& field) const;
};

// The action `action` of --from with `params` (core's parameter names,
// actionCatalogue): prepare, review (stderr, before the prompt, or with
// --dry-run), refuse a reverting simulation (its decoded reason, exit 1),
// unlock --from (--password-file), confirm (--yes), submit, wait for the
// receipt (--receipt-timeout S, default 120); an approval the action needs
// first is sent and awaited the same way, then the action prepared again.
Result<ActionResult> runAction(ProtocolSession& s, const Args& args, const std::string& action, interfaces::ActionRequest request);
// The fee options every action takes: --fee slow|normal|fast, --max-fee WEI
// with --priority-fee WEI, --gas N (UsageError when malformed).
interfaces::FeeChoice feeChoice(const Args& args);
// Prints an ActionResult (its facts, then `extra` merged in, and the
// review under "review"), or for --dry-run the review alone; returns the exit code.
int printAction(const Args& args, const ActionResult& r, Json extra = Json::object());
// An ActionRequest's parameters from the command line: each of `options`
// that is given (--NAME VALUE, or a flag --NAME as "true"), by the same name.
interfaces::ActionRequest requestFrom(const Args& args, const std::vector<std::string>& options,
                                      const std::vector<std::string>& flags = {});
// openProtocol + runAction + printAction: the whole of most action commands.
int runProtocolAction(const Args& args, const std::string& action, interfaces::ActionRequest request,
                      const std::function<Json(ProtocolSession&, const ActionResult&)>& extra = {});
// Prints a protocol error: reverts in plain words (explainRevert).
int printProtocolError(const Error& e);

// Formats 18-decimal units ("1.5") for messages.
std::string ctrnAmount(const U256& v);

} // namespace ctrn::cli
