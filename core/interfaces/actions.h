// interfaces::Actions: the one path every state-changing action takes, for
// the desktop app and ctrn alike (DESIGN.md "One action path"):
//
//   prepare(request)  -> PreparedAction: the exact unsigned transaction, the
//                        call decoded by the contract's ABI, the most it can
//                        cost, an eth_call simulation at the pending block
//                        (revert decoded, the protocol's custom errors
//                        included), or the client's refusal as an Error with
//                        a sentence a person understands;
//   submit(prepared, password)
//                     -> signs exactly prepared.tx (only the nonce is
//                        added), journals it, broadcasts it;
//   handleOutcome(fn) -> mined / failed (decoded reason) / replaced /
//                        dropped, with the decoded events, pushed when the
//                        app's head poll sees it (no journal sweep).
//
// A changed fee, amount or argument is a new prepare(): submit() refuses a
// PreparedAction whose fields no longer hash to its id. The rules that
// refuse an action live in core (core/protocol/actions), so `ctrn` and the
// app refuse the same things with the same sentence.
//
// Plain values only: amounts are exact integers in their smallest unit,
// addresses EIP-55 text, call data 0x hex. Not thread-safe: the app calls it
// from its worker.
#pragma once

#include <core/interfaces/handler.h>
#include <core/util/bytes.h>
#include <core/util/json.h>
#include <core/util/result.h>
#include <core/util/uint256.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ctrn::interfaces {

enum class FeeSpeed { Slow, Normal, Fast };

// How the fee is chosen: a preset from the node's fee history, or exact
// values the user typed (wei per gas). A gas limit overrides the estimate.
struct FeeChoice {
    FeeSpeed speed = FeeSpeed::Normal;
    std::optional<U256> maxFeePerGas;
    std::optional<U256> maxPriorityFeePerGas;
    std::optional<U256> gasLimit;
};

// What a person (or an agent) asks for, as typed: the action's name and its
// parameters as text. Core parses and checks them (an amount with too many
// decimals, an address with a wrong checksum, a zero amount) with the same
// sentence whoever asks. The names and parameters are listed by
// actionCatalogue().
//   {"send", from, {{"to", "0x…"}, {"amount", "1.5"}, {"token", "CTRN"}}}
//   {"stake.add", from, {{"agent", "0x…"}, {"amount", "100"}}}
//   {"proposal.vote", from, {{"governor", "TokenGovernor"}, {"proposal", "123…"},
//                             {"support", "for"}, {"reason", "…"}}}
struct ActionRequest {
    std::string action;
    std::string from;
    std::map<std::string, std::string> params;
    FeeChoice fee;
};

// One parameter an action takes, for help texts, forms and MCP schemas.
struct ActionParam {
    std::string name;        // "amount"
    std::string kind;        // "address", "amount", "integer", "text", "choice", "hash", "bool"
    bool required = true;
    std::string description; // "CTRN to stake (18 decimals)"
    std::vector<std::string> choices; // for "choice"
};

struct ActionSpec {
    std::string action;      // "stake.add"
    std::string title;       // "Stake"
    std::string description;
    std::vector<ActionParam> params;
};

// Every action prepare() knows, in a stable order.
const std::vector<ActionSpec>& actionCatalogue();

// One argument of the decoded call, as the review shows it.
struct DecodedArgument {
    std::string name;  // "amount" (the ABI's parameter name)
    std::string type;  // "uint256"
    std::string value; // exact: decimal integer, EIP-55 address, 0x hex, true/false
    std::string display; // for people: "100 CTRN", "0x7099…79C8 (Agent Smith)", "for"
};

// The transaction's call decoded from the call data that will be signed
// (never from the request). A plain ETH transfer has an empty function.
struct DecodedCall {
    std::string contract;  // "StakingHub", "ComputroniumToken", "" (plain transfer or unknown)
    std::string function;  // "stake"
    std::string signature; // "stake(address,uint256)"
    std::vector<DecodedArgument> arguments;
};

// The unsigned transaction: what submit() signs, field for field, once it
// adds the nonce. EIP-1559 (type 2).
struct UnsignedTransaction {
    std::uint64_t chainId = 0;
    std::string from; // EIP-55
    std::string to;   // EIP-55
    U256 value = 0;   // wei
    Bytes data;
    U256 gasLimit = 0;
    U256 maxFeePerGas = 0;
    U256 maxPriorityFeePerGas = 0;
};

// The eth_call of the exact transaction at the pending block.
struct Simulation {
    bool ok = false;
    std::string revertReason; // decoded, in plain words, when !ok
    std::uint64_t block = 0;  // the head it ran on
};

struct PreparedAction {
    // keccak-256 of the unsigned transaction's fields (0x hex): submit()
    // recomputes it and refuses anything that changed since the review.
    std::string id;
    std::string action;  // the request's action name
    std::string summary; // one sentence: "Stake 100 CTRN with Agent Smith (0x7099…79C8)"
    UnsignedTransaction tx;
    DecodedCall call;
    U256 maxGasCost = 0;   // gasLimit x maxFeePerGas (wei)
    U256 maxTotalCost = 0; // value + maxGasCost (wei)
    Simulation simulation;
    // What a person should know before signing ("funds are free on 12 Dec
    // 14:03", "approval of 10 CTRN to the Marketplace first").
    std::vector<std::string> notes;
    // The journal's kind for this transaction ("send", "stake", "vote", ...).
    std::string kind;
    // The amount moved in the token's units, for the journal and history.
    std::optional<std::string> token;      // EIP-55 token address
    std::optional<U256> tokenAmount;
    // Who receives: a send's recipient (not the token contract), else tx.to.
    std::string recipient;
    // What the rules found out, for the outcome's report: named values
    // (integers as decimal strings), e.g. {"agent": "0x…", "amount": "100…"}
    // or the id of the proposal the call will create {"proposalId": "…"}.
    Json facts = Json::object();
    // Non-empty: this transaction is a step the action needs first (the
    // ERC-20 approval a purchase escrows through, kind "approve"). Once it is
    // mined, prepare() the same request again for the action itself; this
    // names that action ("listing.buy").
    std::string followUp;
};

struct SubmittedAction {
    std::string hash; // 0x hex
    std::uint64_t nonce = 0;
    // false: signed and journaled, but the node could not be reached; a
    // later sync broadcasts it.
    bool broadcast = false;
    std::string broadcastError;
};

// A protocol event the transaction emitted, decoded with its contract's ABI.
struct ActionEvent {
    std::string contract; // "StakingHub"
    std::string event;    // "Staked"
    Json fields;          // named fields; integers as decimal strings
};

struct ActionOutcome {
    std::string hash;
    std::string status; // "pending", "mined", "failed", "replaced", "dropped"
    std::uint64_t block = 0;
    U256 gasUsed = 0;
    std::string reason; // for "failed": the decoded revert when the node can say
    std::vector<ActionEvent> events;
};

// The review as text, the same lines ctrn prints before it asks to confirm
// and the app's TxReview shows: summary, call, arguments, cost, simulation,
// notes.
std::string reviewText(const PreparedAction& prepared);
// The same review as JSON (ctrn --json's "review", MCP): every field of
// the PreparedAction, integers as decimal strings.
Json reviewJson(const PreparedAction& prepared);
// keccak-256 of the unsigned transaction's fields (0x hex): what
// PreparedAction::id holds and submit() checks.
std::string preparedId(const UnsignedTransaction& tx);

class Actions {
public:
    virtual ~Actions() = default;

    // Every check, the simulation; nothing is signed. Works while locked.
    virtual Result<PreparedAction> prepare(const ActionRequest& request) = 0;
    // Unlocks the wallet holding prepared.tx.from with `password` (a wrong
    // one: WrongPassword, nothing signed), then signs exactly prepared.tx
    // with the next nonce, journals and broadcasts it.
    virtual Result<SubmittedAction> submit(const PreparedAction& prepared, ByteView password) = 0;
    // As submit(), for a wallet already unlocked (ctrn's session).
    virtual Result<SubmittedAction> submitUnlocked(const PreparedAction& prepared) = 0;
    // Blocks until the transaction is final or `timeoutMs` passes (ctrn);
    // the app uses handleOutcome instead.
    virtual Result<ActionOutcome> wait(const std::string& hash, std::uint64_t timeoutMs) = 0;
    // Looks once at the transactions this object submitted that are not
    // final yet and reports those that became final (the app's worker calls
    // it on each new head).
    virtual Status checkOutcomes() = 0;
    virtual std::unique_ptr<Handler> handleOutcome(std::function<void(const ActionOutcome&)> fn) = 0;
};

} // namespace ctrn::interfaces
