// The plain-value side of interfaces::Actions: the review's text and JSON
// (one wording for ctrn and the app), the id a PreparedAction is checked
// by, and the catalogue of actions with their parameters.
#include <core/interfaces/actions.h>

#include <core/chain/u256.h>
#include <core/crypto/keccak.h>
#include <core/encoding/rlp.h>
#include <core/util/hex.h>

#include <sstream>

namespace ctrn::interfaces {

std::string preparedId(const UnsignedTransaction& tx) {
    using namespace encoding;
    // Every field that is signed, plus `from` (whose key signs), RLP-encoded
    // so no two different transactions share an encoding.
    std::vector<Bytes> items{rlpEncodeUint(U256(tx.chainId)),
                             rlpEncodeBytes(asView(tx.from)),
                             rlpEncodeBytes(asView(tx.to)),
                             rlpEncodeUint(tx.value),
                             rlpEncodeBytes(tx.data),
                             rlpEncodeUint(tx.gasLimit),
                             rlpEncodeUint(tx.maxFeePerGas),
                             rlpEncodeUint(tx.maxPriorityFeePerGas)};
    Bytes encoded = rlpEncodeList(items);
    return toHex(ByteView(crypto::keccak256(encoded)));
}

namespace {

std::string eth(const U256& wei) { return chain::formatUnits(wei, 18) + " ETH"; }
std::string gwei(const U256& wei) { return chain::formatUnits(wei, 9) + " gwei"; }

} // namespace

std::string reviewText(const PreparedAction& p) {
    std::ostringstream out;
    out << p.summary << '\n';
    if (!p.call.function.empty()) {
        out << "  call        " << (p.call.contract.empty() ? std::string() : p.call.contract + ".") << p.call.signature << '\n';
        for (const auto& a : p.call.arguments) out << "    " << a.name << ": " << a.display << '\n';
    }
    out << "  from        " << p.tx.from << '\n';
    out << "  to          " << p.tx.to << (p.call.contract.empty() ? "" : " (" + p.call.contract + ")") << '\n';
    if (p.tx.value > 0) out << "  value       " << eth(p.tx.value) << '\n';
    out << "  gas         up to " << toDecimal(p.tx.gasLimit) << " at most " << gwei(p.tx.maxFeePerGas) << " (tip "
        << gwei(p.tx.maxPriorityFeePerGas) << ")\n";
    out << "  max cost    " << eth(p.maxTotalCost) << (p.tx.value > 0 ? " (value + gas)" : " (gas)") << '\n';
    if (p.simulation.ok)
        out << "  simulation  succeeds (pending block after " << p.simulation.block << ")\n";
    else
        out << "  simulation  REVERTS: " << p.simulation.revertReason << '\n';
    for (const auto& n : p.notes) out << "  note        " << n << '\n';
    return out.str();
}

Json reviewJson(const PreparedAction& p) {
    Json args = Json::array();
    for (const auto& a : p.call.arguments) args.push_back({{"name", a.name}, {"type", a.type}, {"value", a.value}, {"display", a.display}});
    Json out = {{"id", p.id},
                {"action", p.action},
                {"summary", p.summary},
                {"kind", p.kind},
                {"recipient", p.recipient},
                {"tx", {{"chainId", std::to_string(p.tx.chainId)},
                        {"from", p.tx.from},
                        {"to", p.tx.to},
                        {"value", toDecimal(p.tx.value)},
                        {"data", toHex(p.tx.data)},
                        {"gas", toDecimal(p.tx.gasLimit)},
                        {"maxFeePerGas", toDecimal(p.tx.maxFeePerGas)},
                        {"maxPriorityFeePerGas", toDecimal(p.tx.maxPriorityFeePerGas)}}},
                {"call", {{"contract", p.call.contract}, {"function", p.call.function}, {"signature", p.call.signature}, {"arguments", args}}},
                {"maxGasCost", toDecimal(p.maxGasCost)},
                {"maxTotalCost", toDecimal(p.maxTotalCost)},
                {"simulation", {{"ok", p.simulation.ok}, {"revertReason", p.simulation.revertReason},
                                {"block", std::to_string(p.simulation.block)}}},
                {"notes", p.notes},
                {"facts", p.facts},
                {"text", reviewText(p)}};
    if (p.token) out["token"] = *p.token;
    if (p.tokenAmount) out["tokenAmount"] = toDecimal(*p.tokenAmount);
    if (!p.followUp.empty()) out["followUp"] = p.followUp;
    return out;
}

const std::vector<ActionSpec>& actionCatalogue() {
    auto address = [](std::string name, std::string d, bool required = true) { return ActionParam{std::move(name), "address", required, std::move(d), {}}; };
    auto amount = [](std::string name, std::string d, bool required = true) { return ActionParam{std::move(name), "amount", required, std::move(d), {}}; };
    auto integer = [](std::string name, std::string d, bool required = true) { return ActionParam{std::move(name), "integer", required, std::move(d), {}}; };
    auto text = [](std::string name, std::string d, bool required = true) { return ActionParam{std::move(name), "text", required, std::move(d), {}}; };
    auto hash = [](std::string name, std::string d, bool required = true) { return ActionParam{std::move(name), "hash", required, std::move(d), {}}; };
    auto choice = [](std::string name, std::string d, std::vector<std::string> c, bool required = true) {
        return ActionParam{std::move(name), "choice", required, std::move(d), std::move(c)};
    };
    const auto governorParam = choice("governor", "the governor (default: the one that knows the proposal)", {"token", "quadratic", "member"}, false);
    static const std::vector<ActionSpec> catalogue = {
        {"send", "Send", "ETH, CTRN or another ERC-20 to an address",
         {address("to", "recipient"), amount("amount", "in ETH or the token's decimals (or amount-wei)", false),
          integer("amount-wei", "in the smallest unit", false), text("token", "CTRN or a token address; absent: ETH", false)}},
        {"agent.register", "Register as agent", "register the account as a StakingHub agent",
         {text("name", "agent name"), text("metadata-uri", "metadata URI", false), integer("commission-bps", "commission in basis points (0-10000)", false)}},
        {"stake.add", "Stake", "stake CTRN with an agent (the tokens lock in place)",
         {address("agent", "the agent"), amount("amount", "CTRN to stake (18 decimals)")}},
        {"stake.unstake", "Unstake", "start unbonding stake",
         {address("agent", "the agent"), amount("amount", "CTRN to unstake (18 decimals)")}},
        {"stake.withdraw", "Withdraw", "withdraw stake whose unbonding has ended", {address("agent", "the agent")}},
        {"stake.claim", "Claim rewards", "claim staking rewards", {address("agent", "the agent")}},
        {"delegate", "Delegate votes", "delegate CTRN votes", {address("delegatee", "who votes with them (yourself to vote directly)")}},
        {"proposal.create", "Create proposal", "a proposal from a template or a JSON list of actions",
         {text("title", "title"), text("description", "body (Markdown)", false),
          choice("governor", "the governor", {"token", "quadratic", "member"}, false),
          choice("template", "what the proposal does", {"treasury-transfer", "revenue-share", "parameter", "text"}, false),
          address("to", "treasury-transfer: recipient", false), amount("amount", "treasury-transfer: CTRN", false),
          text("shares", "revenue-share: compute,data,developers,community in bps", false),
          text("contract", "parameter: contract name", false), text("function", "parameter: function name or signature", false),
          text("args", "parameter: JSON array of arguments", false),
          text("actions", "JSON list of {target, value, data | function, args}", false),
          text("cite", "comma-separated ids of cited proposals", false)}},
        {"proposal.vote", "Vote", "vote on an active proposal",
         {integer("proposal", "proposal id"), choice("support", "the vote", {"for", "against", "abstain"}), text("reason", "reason", false),
          governorParam}},
        {"proposal.queue", "Queue proposal", "queue a succeeded proposal in the timelock", {integer("proposal", "proposal id"), governorParam}},
        {"proposal.execute", "Execute proposal", "execute a queued proposal", {integer("proposal", "proposal id"), governorParam}},
        {"proposal.cancel", "Cancel proposal", "cancel one's own proposal before voting starts", {integer("proposal", "proposal id"), governorParam}},
        {"listing.create", "Create listing", "a provider-signed Marketplace listing",
         {choice("kind", "what is sold", {"dataset", "data-stream", "compute", "model-licence"}), amount("price", "CTRN per unit"),
          text("unit", "unit label (at most 32 characters)", false), text("metadata-uri", "metadata URI"), hash("metadata-hash", "sha256 of the metadata"),
          address("agent", "the agent whose stakers share the proceeds"), address("developer", "developer share to (default: you)", false),
          address("infra", "infrastructure share to (default: you)", false), integer("developer-bps", "default 7000", false),
          integer("infra-bps", "default 2000", false), integer("stakers-bps", "default 1000", false)}},
        {"listing.buy", "Buy", "buy a listing into escrow (an approval first when the allowance is short)",
         {integer("listing", "listing id"), integer("quantity", "default 1", false), amount("max-price", "highest acceptable price (CTRN)", false)}},
        {"purchase.deliver", "Deliver", "the provider marks a purchase delivered",
         {integer("purchase", "purchase id"), text("receipt", "receipt text (its keccak256 is stored)", false), hash("receipt-hash", "or the hash itself", false)}},
        {"purchase.confirm", "Confirm", "the buyer confirms a delivered purchase", {integer("purchase", "purchase id")}},
        {"purchase.dispute", "Dispute", "the buyer disputes a purchase, staking REP",
         {integer("purchase", "purchase id"), amount("rep-stake", "REP staked on the claim"), text("claim", "what is wrong")}},
        {"model.publish", "Publish model", "register a model",
         {text("name", "model name"), text("spdx", "open licence (SPDX id)", false), integer("licence-listing", "or a model-licence listing of yours", false),
          text("metadata-uri", "metadata URI", false), hash("metadata-hash", "metadata hash", false)}},
        {"model.version", "Publish version", "publish a version of one's model",
         {integer("model", "model id"), text("semver", "X.Y.Z"), hash("artifact-hash", "the artifact's hash"), text("uri", "where to download it"),
          hash("metrics-hash", "metrics hash", false)}},
        {"model.rate", "Rate model", "rate a model 1-5",
         {integer("model", "model id"), integer("score", "1 to 5"), ActionParam{"change", "bool", false, "replace an earlier rating", {}}}},
        {"model.retire", "Retire model", "retire one's model", {integer("model", "model id")}},
        {"pool.vote", "Vote in pool", "stake REP on one side of a validation pool",
         {integer("pool", "pool id"), choice("support", "the side", {"yes", "no"}), amount("stake", "REP to stake")}},
        {"revenue.claim", "Claim revenue", "claim every claimable revenue share (or those of one epoch / category) in one transaction",
         {integer("epoch", "only this epoch", false), choice("category", "only this category", {"compute", "data", "developers", "community"}, false)}},
        {"revenue.finalize", "Finalize epoch", "close the open revenue epoch once its length has passed (anyone may)", {}},
        {"revenue.checkin", "Check in", "record your stake as your weight in a category for the open revenue epoch",
         {choice("category", "the category", {"compute", "data", "developers", "community"})}},
    };
    return catalogue;
}

} // namespace ctrn::interfaces
