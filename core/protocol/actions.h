// The protocol's rules for every state-changing action, written once: what
// the request's parameters mean (parsed and checked with the same sentence
// whoever asks), what the chain must say first (an unlocked balance, an open
// vote, a registered agent, the proposal threshold ...), and the contract
// call that carries the action out. interfaces::Actions turns the call into
// the reviewed, signed transaction; ctrn and the desktop app only ask it, so
// they refuse the same things with the same words.
//
// Parameters are text, named as ctrn's options are ("amount", "metadata-uri",
// "commission-bps"); positional ctrn arguments have names too ("agent",
// "proposal", "listing"). Amounts of CTRN and REP have 18 decimals ("12.5").
#pragma once

#include <core/chain/address.h>
#include <core/protocol/bindings.h>
#include <core/rpc/node.h>
#include <core/util/json.h>
#include <core/util/result.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace ctrn::protocol {

using ActionParams = std::map<std::string, std::string>;

// What the rules read the chain through.
struct ActionContext {
    rpc::EthNode* node = nullptr; // never null
    // The deployment's contracts; null on a network without a manifest,
    // where only "send" (ETH, or a token by address) is possible.
    const Protocol* protocol = nullptr;
    std::uint64_t chainId = 0;
    // Signs a 32-byte digest with `account`'s key (a listing manifest is
    // signed by its provider); unset when no key is at hand, and then the
    // action that needs it says so.
    std::function<Result<Bytes>(const chain::Address& account, const crypto::Hash256& digest)> signDigest;
};

// The contract call an action comes to, and what a person should know.
struct ActionCall {
    chain::Address to;
    U256 value = 0;
    Bytes data;
    std::string kind;    // the journal's kind: "send", "token", "stake", "vote", ...
    std::string summary; // "Stake 100 CTRN with 0x7099…"
    std::vector<std::string> notes;
    // Token moved, for the journal and history (sends).
    std::optional<chain::Address> token;
    std::optional<U256> tokenAmount;
    chain::Address recipient; // who receives a send (the record's `to`); else `to`
    // What the rules found out that the caller reports with the outcome
    // (the agent, the amount, the id of the proposal the call creates).
    Json facts = Json::object();
    // Non-empty: this call is a step that must be mined before the action
    // itself (the ERC-20 approval a purchase escrows through); prepare the
    // action named here again once it is.
    std::string followUp;
};

// Every action buildAction knows, in a stable order.
const std::vector<std::string>& actionNames();

// The rules of `action` for `from` with `params`: a refusal is an Error
// (InvalidInput, NotFound, ...) whose message is the sentence to show.
Result<ActionCall> buildAction(const ActionContext& context, const std::string& action, const chain::Address& from,
                               const ActionParams& params);

// "12.5" with 18 decimals, as messages show CTRN and REP.
std::string unitsText(const U256& amount);

} // namespace ctrn::protocol
