#include <core/protocol/actions.h>

#include <core/chain/json_fields.h>
#include <core/chain/u256.h>
#include <core/crypto/keccak.h>
#include <core/encoding/eip712.h>
#include <core/util/hex.h>
#include <core/wallet/token_balance.h>

#include <cstring>
#include <ctime>

namespace ctrn::protocol {
namespace {

Error refuse(std::string sentence) { return makeError(ErrorCode::InvalidInput, std::move(sentence)); }

// Parameters: each parse error names the parameter, as ctrn names its option.
struct Params {
    const ActionParams& p;

    std::optional<std::string> opt(const std::string& name) const {
        auto it = p.find(name);
        if (it == p.end() || it->second.empty()) return std::nullopt;
        return it->second;
    }
    Result<std::string> required(const std::string& name) const {
        auto v = opt(name);
        if (!v) return refuse(name + " is required");
        return *v;
    }
    Result<chain::Address> address(const std::string& name) const {
        CTRN_ASSIGN(std::string text, required(name));
        auto a = chain::Address::fromHex(text);
        if (!a) return refuse(name + ": " + a.error().message);
        return *a;
    }
    Result<std::optional<chain::Address>> optAddress(const std::string& name) const {
        if (!opt(name)) return std::optional<chain::Address>();
        CTRN_ASSIGN(chain::Address a, address(name));
        return std::optional<chain::Address>(a);
    }
    Result<U256> id(const std::string& name, const std::string& what, std::optional<std::string> fallback = std::nullopt) const {
        auto text = opt(name);
        if (!text) text = fallback;
        if (!text) return refuse(what + " is required");
        auto v = parseU256(*text);
        if (!v) return refuse(what + " must be a number, not '" + *text + "'");
        return *v;
    }
    Result<U256> units(const std::string& name) const {
        CTRN_ASSIGN(std::string text, required(name));
        auto v = chain::parseUnits(text, 18);
        if (!v) return refuse(name + ": " + v.error().message);
        return *v;
    }
    Result<U256> positive(const std::string& name) const {
        CTRN_ASSIGN(U256 v, units(name));
        if (v == 0) return refuse(name + " must be positive");
        return v;
    }
    Result<crypto::Hash256> hash32(const std::string& name) const {
        CTRN_ASSIGN(std::string text, required(name));
        auto v = fixedFromHex<32>(text, name);
        if (!v) return refuse(v.error().message);
        return *v;
    }
    Result<crypto::Hash256> optHash32(const std::string& name) const {
        if (!opt(name)) return crypto::Hash256{};
        return hash32(name);
    }
    bool flag(const std::string& name) const {
        auto v = opt(name);
        return v && (*v == "true" || *v == "1" || *v == "yes");
    }
};

Result<const Protocol*> protocolOf(const ActionContext& c) {
    if (!c.protocol) return makeError(ErrorCode::Unsupported, "this network has no Computronium deployment: only sends are possible");
    return c.protocol;
}

ActionCall call(const Binding& b, Bytes data, std::string kind, std::string summary) {
    ActionCall out;
    out.to = b.address();
    out.recipient = b.address();
    out.data = std::move(data);
    out.kind = std::move(kind);
    out.summary = std::move(summary);
    return out;
}

// --- send -----------------------------------------------------------------

bool isCtrn(const ActionContext& c, const chain::Address& token) {
    if (!c.protocol) return false;
    auto ctrn = c.protocol->deployment().contract("ComputroniumToken");
    return ctrn && *ctrn == token;
}

Result<ActionCall> send(const ActionContext& c, const chain::Address& from, const Params& p) {
    CTRN_ASSIGN(chain::Address to, p.address("to"));
    std::optional<chain::Address> token;
    if (auto t = p.opt("token"); t && *t != "ETH" && *t != "eth") {
        if (*t == "CTRN" || *t == "ctrn") {
            CTRN_ASSIGN(const Protocol* proto, protocolOf(c));
            auto ctrn = proto->deployment().contract("ComputroniumToken");
            if (!ctrn) return makeError(ErrorCode::NotFound, "this network's deployment has no CTRN token");
            token = *ctrn;
        } else {
            auto a = chain::Address::fromHex(*t);
            if (!a) return refuse("token: " + a.error().message);
            token = *a;
        }
    }
    if (!p.opt("amount") && !p.opt("amount-wei")) return refuse("give an amount");
    unsigned decimals = 18;
    if (token && p.opt("amount")) {
        CTRN_ASSIGN(decimals, c.node->tokenDecimals(*token));
    }
    U256 amount = 0;
    if (auto wei = p.opt("amount-wei")) {
        auto v = parseU256(*wei);
        if (!v) return refuse("amount-wei: " + v.error().message);
        amount = *v;
    } else {
        auto v = chain::parseUnits(*p.opt("amount"), decimals);
        if (!v) return refuse(v.error().message);
        amount = *v;
    }
    ActionCall out;
    out.recipient = to;
    if (!token) {
        // The amount alone above the balance says so plainly; the gas check
        // when the transaction is prepared covers amount + fees.
        CTRN_ASSIGN(auto balance, c.node->balance(from, "pending"));
        if (amount > balance.unverifiedValue())
            return refuse("amount above balance: sending " + chain::formatUnits(amount, 18) + " ETH, balance " +
                          chain::formatUnits(balance.unverifiedValue(), 18) + " ETH");
        out.to = to;
        out.value = amount;
        out.kind = "send";
        out.summary = "Send " + chain::formatUnits(amount, 18) + " ETH to " + to.checksummed();
        out.facts = {{"amount", toDecimal(amount)}};
        return out;
    }
    CTRN_ASSIGN(auto tokenBalance, c.node->tokenBalance(*token, from));
    if (tokenBalance.unverifiedValue() < amount)
        return refuse("insufficient token balance: have " + toDecimal(tokenBalance.unverifiedValue()) + ", sending " + toDecimal(amount));
    const bool ctrn = isCtrn(c, *token);
    if (ctrn) {
        // CTRN locks staked tokens in place: only the free part can be sent
        // (the transfer would revert anyway, less clearly).
        CTRN_ASSIGN(auto b, wallet::lockedTokenBalance(*c.node, *token, from));
        const auto& balance = b.unverifiedValue();
        if (amount > balance.free()) {
            if (!p.opt("amount")) {
                CTRN_ASSIGN(decimals, c.node->tokenDecimals(*token));
            }
            std::string message = "amount above balance: sending " + chain::formatUnits(amount, decimals) + " CTRN, " +
                                  chain::formatUnits(balance.free(), decimals) + " CTRN free to send";
            if (balance.locked > 0) message += " (" + chain::formatUnits(balance.locked, decimals) + " CTRN locked by staking)";
            return refuse(message);
        }
    }
    std::vector<encoding::AbiValue> args{encoding::AbiValue::address(to.bytes()), encoding::AbiValue::uint(amount)};
    CTRN_ASSIGN(out.data, encoding::encodeCall("transfer(address,uint256)", args));
    out.to = *token;
    out.kind = "token";
    out.token = *token;
    out.tokenAmount = amount;
    out.summary = "Send " + (ctrn || p.opt("amount") ? chain::formatUnits(amount, decimals) + (ctrn ? " CTRN" : " tokens of " + token->checksummed())
                                                    : toDecimal(amount) + " units of " + token->checksummed()) +
                  " to " + to.checksummed();
    out.facts = {{"amount", toDecimal(amount)}, {"token", token->checksummed()}};
    return out;
}

// --- staking ----------------------------------------------------------------

Result<ActionCall> agentRegister(const ActionContext& c, const chain::Address& from, const Params& p) {
    CTRN_ASSIGN(std::string name, p.required("name"));
    std::string uri = p.opt("metadata-uri").value_or("");
    CTRN_ASSIGN(U256 bps, p.id("commission-bps", "commission-bps", "0"));
    if (bps > 10000) return refuse("commission-bps must be at most 10000");
    CTRN_ASSIGN(const Protocol* proto, protocolOf(c));
    CTRN_ASSIGN(StakingHubBinding hub, stakingHub(*proto));
    CTRN_ASSIGN(bool already, hub.isAgent(from));
    if (already) return refuse(from.checksummed() + " is already registered as an agent");
    CTRN_ASSIGN(Bytes data, hub.registerAgentData(name, uri, static_cast<std::uint16_t>(bps)));
    auto out = call(hub, std::move(data), "agent-register", "Register " + from.checksummed() + " as agent '" + name + "'");
    out.facts = {{"agent", from.checksummed()}};
    return out;
}

Result<ActionCall> stakeAdd(const ActionContext& c, const chain::Address& from, const Params& p) {
    CTRN_ASSIGN(chain::Address agent, p.address("agent"));
    CTRN_ASSIGN(U256 amount, p.positive("amount"));
    CTRN_ASSIGN(const Protocol* proto, protocolOf(c));
    CTRN_ASSIGN(StakingHubBinding hub, stakingHub(*proto));
    CTRN_ASSIGN(TokenBinding tok, token(*proto));
    CTRN_ASSIGN(bool registered, hub.isAgent(agent));
    if (!registered && agent != from) return refuse(agent.checksummed() + " is not a registered agent");
    // Staking locks tokens in place: only the unlocked part can be staked.
    CTRN_ASSIGN(U256 unlocked, tok.unlockedBalanceOf(from));
    if (unlocked < amount)
        return refuse("insufficient unlocked balance: " + unitsText(unlocked) + " CTRN unlocked, staking " + unitsText(amount));
    CTRN_ASSIGN(Bytes data, hub.stakeData(agent, amount));
    auto out = call(hub, std::move(data), "stake", "Stake " + unitsText(amount) + " CTRN with " + agent.checksummed());
    out.notes.push_back("staked CTRN stays in your account, locked: it keeps its votes but cannot be sent until unstaked and withdrawn");
    out.facts = {{"agent", agent.checksummed()}, {"amount", toDecimal(amount)}};
    return out;
}

Result<ActionCall> stakeUnstake(const ActionContext& c, const chain::Address& from, const Params& p) {
    CTRN_ASSIGN(chain::Address agent, p.address("agent"));
    CTRN_ASSIGN(U256 amount, p.positive("amount"));
    CTRN_ASSIGN(const Protocol* proto, protocolOf(c));
    CTRN_ASSIGN(StakingHubBinding hub, stakingHub(*proto));
    CTRN_ASSIGN(StakePosition position, hub.position(from, agent));
    if (position.bonded < amount)
        return refuse("insufficient stake: " + unitsText(position.bonded) + " CTRN bonded with " + agent.checksummed() + ", unstaking " +
                      unitsText(amount));
    CTRN_ASSIGN(U256 period, hub.unbondingPeriod());
    CTRN_ASSIGN(Bytes data, hub.requestUnstakeData(agent, amount));
    auto out = call(hub, std::move(data), "unstake", "Unstake " + unitsText(amount) + " CTRN from " + agent.checksummed());
    out.notes.push_back("the stake unbonds for " + toDecimal(period) + " s; withdraw it after that");
    out.facts = {{"agent", agent.checksummed()}, {"amount", toDecimal(amount)}, {"unbondingPeriod", toDecimal(period)}};
    return out;
}

// "12 Dec 2026 14:03 UTC" for a unix time.
std::string utcText(std::uint64_t seconds) {
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%d %b %Y %H:%M UTC", &tm);
    return buf[0] == '0' ? std::string(buf + 1) : std::string(buf);
}

// The latest block's timestamp: pools close and unbonding ends by block time,
// not the local clock.
Result<std::uint64_t> chainTime(const ActionContext& c) {
    CTRN_ASSIGN(Json block, c.node->client().call("eth_getBlockByNumber", Json::array({"latest", false})));
    if (!block.is_object() || !block.contains("timestamp")) return makeError(ErrorCode::Network, "the node returned no latest block");
    return chain::json::quantity64(block, "timestamp");
}

Result<ActionCall> stakeWithdrawOrClaim(const ActionContext& c, const chain::Address& from, const Params& p, bool claim) {
    CTRN_ASSIGN(chain::Address agent, p.address("agent"));
    CTRN_ASSIGN(const Protocol* proto, protocolOf(c));
    CTRN_ASSIGN(StakingHubBinding hub, stakingHub(*proto));
    CTRN_ASSIGN(StakePosition position, hub.position(from, agent));
    if (claim && position.pendingRewards == 0) return refuse("nothing to claim from " + agent.checksummed());
    if (!claim && position.unbonding == 0) return refuse("nothing to withdraw: no stake unbonding from " + agent.checksummed());
    if (!claim) {
        // Said before signing, with the date, rather than left to the
        // simulation's revert (UnbondingNotFinished).
        CTRN_ASSIGN(std::uint64_t now, chainTime(c));
        if (position.unbondingReleaseAt > now)
            return refuse("nothing to withdraw until " + utcText(position.unbondingReleaseAt) + ": unbonding not finished with " +
                          agent.checksummed());
    }
    CTRN_ASSIGN(Bytes data, claim ? hub.claimData(agent) : hub.withdrawData(agent));
    std::string what = claim ? "Claim " + unitsText(position.pendingRewards) + " CTRN of rewards from " : "Withdraw unbonded stake from ";
    auto out = call(hub, std::move(data), claim ? "stake-claim" : "stake-withdraw", what + agent.checksummed());
    out.facts = {{"agent", agent.checksummed()}};
    return out;
}

Result<ActionCall> delegateVotes(const ActionContext& c, const chain::Address& from, const Params& p) {
    CTRN_ASSIGN(chain::Address delegatee, p.address("delegatee"));
    CTRN_ASSIGN(const Protocol* proto, protocolOf(c));
    CTRN_ASSIGN(TokenBinding tok, token(*proto));
    CTRN_ASSIGN(chain::Address current, tok.delegates(from));
    if (current == delegatee) return refuse("votes of " + from.checksummed() + " are already delegated to " + delegatee.checksummed());
    CTRN_ASSIGN(Bytes data, tok.delegateData(delegatee));
    auto out = call(tok, std::move(data), "delegate", "Delegate the CTRN votes of " + from.checksummed() + " to " + delegatee.checksummed());
    out.facts = {{"delegatee", delegatee.checksummed()}};
    return out;
}

// --- governance -------------------------------------------------------------

const char* const kGovernors[] = {"token", "quadratic", "member"};

// The `governor` parameter, or the governor that knows the proposal.
Result<GovernorBinding> governorFor(const Protocol& proto, const Params& p, const U256& id) {
    if (auto g = p.opt("governor")) return governor(proto, *g);
    for (const char* name : kGovernors) {
        CTRN_ASSIGN(GovernorBinding g, governor(proto, name));
        CTRN_ASSIGN(chain::Address proposer, g.proposer(id));
        if (!proposer.isZero()) return g;
    }
    return makeError(ErrorCode::NotFound, "no governor has proposal " + toDecimal(id));
}

// One proposal action from a JSON entry: {"target": ADDR or contract name,
// "value": wei, and "data": hex or "function" + "args"}.
Result<std::tuple<chain::Address, U256, Bytes>> proposalActionFromJson(const Protocol& proto, const Json& j) {
    if (!j.is_object() || !j.contains("target")) return refuse("each action needs a \"target\"");
    std::string targetText = j["target"].get<std::string>();
    chain::Address target;
    const ContractAbi* abi = nullptr;
    if (auto named = proto.deployment().contracts.find(targetText); named != proto.deployment().contracts.end()) {
        target = named->second;
    } else {
        CTRN_ASSIGN(target, chain::Address::fromHex(targetText));
    }
    if (auto name = proto.contractAt(target)) {
        auto found = proto.abis().contract(*name);
        if (found) abi = *found;
    }
    U256 value = 0;
    if (j.contains("value")) {
        std::string v = j["value"].is_string() ? j["value"].get<std::string>() : j["value"].dump();
        CTRN_ASSIGN(value, parseU256(v));
    }
    Bytes data;
    if (j.contains("data")) {
        CTRN_ASSIGN(data, fromHex(j["data"].get<std::string>()));
    } else if (j.contains("function")) {
        std::string fn = j["function"].get<std::string>();
        Json fargs = j.value("args", Json::array());
        if (abi) {
            CTRN_ASSIGN(data, abi->encodeCall(fn, fargs));
        } else {
            CTRN_ASSIGN(auto sig, encoding::parseSignature(fn));
            CTRN_ASSIGN(auto values, encoding::abiValuesFromJson(sig.inputs, fargs));
            CTRN_ASSIGN(data, encoding::encodeCall(sig, values));
        }
    }
    return std::make_tuple(target, value, std::move(data));
}

std::string trimmed(const std::string& s) {
    auto b = s.find_first_not_of(" \t\r\n");
    if (b == std::string::npos) return "";
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

Result<ProposalActions> proposalActions(const Protocol& proto, const Params& p, const chain::Address& from) {
    ProposalActions a;
    auto add = [&a](const chain::Address& t, Bytes d) {
        a.targets.push_back(t);
        a.values.push_back(0);
        a.calldatas.push_back(std::move(d));
    };
    if (auto text = p.opt("actions")) {
        auto list = parseJson(*text);
        if (!list) return refuse("actions: " + list.error().message);
        if (!list->is_array() || list->empty()) return refuse("actions: a non-empty JSON list of actions");
        for (const auto& j : *list) {
            CTRN_ASSIGN(auto action, proposalActionFromJson(proto, j).withContext("actions"));
            a.targets.push_back(std::get<0>(action));
            a.values.push_back(std::get<1>(action));
            a.calldatas.push_back(std::get<2>(action));
        }
        return a;
    }
    std::string kind = p.opt("template").value_or("text");
    if (kind == "treasury-transfer") {
        // The treasury is the timelock's CTRN: the timelock calls transfer.
        CTRN_ASSIGN(chain::Address to, p.address("to"));
        CTRN_ASSIGN(U256 amount, p.units("amount"));
        CTRN_ASSIGN(TokenBinding tok, token(proto));
        CTRN_ASSIGN(Bytes d, tok.transferData(to, amount));
        add(tok.address(), std::move(d));
    } else if (kind == "revenue-share") {
        // RevenueDistributor.setShares(uint16[4]): compute, data, developers, community (bps, sum 10000).
        CTRN_ASSIGN(std::string list, p.required("shares"));
        Json shares = Json::array();
        std::size_t start = 0;
        while (start <= list.size()) {
            auto comma = list.find(',', start);
            shares.push_back(trimmed(list.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
        if (shares.size() != 4) return refuse("shares takes four basis points: compute,data,developers,community");
        CTRN_ASSIGN(Contract dist, proto.contract("RevenueDistributor"));
        CTRN_ASSIGN(Bytes d, dist.calldata("setShares", Json::array({shares})));
        add(dist.address(), std::move(d));
    } else if (kind == "parameter") {
        // Any governance setter: contract NAME, function NAME|SIG, args JSON.
        CTRN_ASSIGN(std::string contractName, p.required("contract"));
        CTRN_ASSIGN(std::string function, p.required("function"));
        CTRN_ASSIGN(Contract target, proto.contract(contractName));
        auto fargs = parseJson(p.opt("args").value_or("[]"));
        if (!fargs) return refuse("args: " + fargs.error().message);
        CTRN_ASSIGN(Bytes d, target.calldata(function, *fargs));
        add(target.address(), std::move(d));
    } else if (kind == "text") {
        // Governors refuse proposals without actions: a text proposal
        // carries one no-op (no value, no data, to the proposer).
        add(from, {});
    } else {
        return refuse("template must be treasury-transfer, revenue-share, parameter or text");
    }
    return a;
}

Result<ActionCall> proposalCreate(const ActionContext& c, const chain::Address& from, const Params& p) {
    CTRN_ASSIGN(std::string title, p.required("title"));
    std::string which = p.opt("governor").value_or("token");
    std::vector<U256> cited;
    if (auto list = p.opt("cite")) {
        std::size_t start = 0;
        while (start <= list->size()) {
            auto comma = list->find(',', start);
            std::string item = trimmed(list->substr(start, comma == std::string::npos ? std::string::npos : comma - start));
            auto v = parseU256(item);
            if (!v) return refuse("cite must be a number, not '" + item + "'");
            cited.push_back(*v);
            if (comma == std::string::npos) break;
            start = comma + 1;
        }
    }
    CTRN_ASSIGN(const Protocol* proto, protocolOf(c));
    CTRN_ASSIGN(GovernorBinding g, governor(*proto, which));
    CTRN_ASSIGN(ProposalActions actions, proposalActions(*proto, p, from));
    std::string body = p.opt("description").value_or("");
    std::string description = "# " + title + (body.empty() ? "" : "\n\n" + body);
    // The governor counts votes at clock() - 1: check before signing.
    CTRN_ASSIGN(U256 clock, g.clock());
    CTRN_ASSIGN(U256 threshold, g.proposalThreshold());
    CTRN_ASSIGN(U256 votes, g.votesAt(from, clock > 0 ? clock - 1 : U256(0)));
    if (votes < threshold)
        return refuse("proposal threshold not met: " + from.checksummed() + " has " + toDecimal(votes) + " votes on the " +
                      g.contract().name() + ", the threshold is " + toDecimal(threshold));
    // A governor cites only its own proposals.
    for (const auto& id : cited) {
        CTRN_ASSIGN(chain::Address proposer, g.proposer(id));
        if (proposer.isZero()) return refuse("cannot cite proposal " + toDecimal(id) + ": the " + g.contract().name() + " has no such proposal");
    }
    CTRN_ASSIGN(Bytes data, cited.empty() ? g.proposeData(actions, description) : g.proposeWithCitationsData(actions, description, cited));
    CTRN_ASSIGN(U256 id, g.hashProposal(actions, crypto::keccak256(asView(description))));
    auto out = call(g, std::move(data), "propose", "Propose on the " + g.contract().name() + ": " + title);
    Json citations = Json::array();
    for (const auto& id_ : cited) citations.push_back(toDecimal(id_));
    out.facts = {{"proposalId", toDecimal(id)}, {"governor", g.contract().name()}, {"citations", citations}};
    return out;
}

std::optional<VoteSupport> parseSupport(const std::string& text) {
    if (text == "for") return VoteSupport::For;
    if (text == "against") return VoteSupport::Against;
    if (text == "abstain") return VoteSupport::Abstain;
    return std::nullopt;
}

Result<ActionCall> proposalVote(const ActionContext& c, const chain::Address& from, const Params& p) {
    CTRN_ASSIGN(U256 id, p.id("proposal", "proposal id"));
    CTRN_ASSIGN(std::string supportText, p.required("support"));
    auto support = parseSupport(supportText);
    if (!support) return refuse("support must be for, against or abstain");
    std::string reason = p.opt("reason").value_or("");
    CTRN_ASSIGN(const Protocol* proto, protocolOf(c));
    CTRN_ASSIGN(GovernorBinding g, governorFor(*proto, p, id));
    CTRN_ASSIGN(ProposalState state, g.state(id));
    if (state == ProposalState::Pending) {
        auto start = g.snapshot(id);
        return refuse("voting has not started: proposal " + toDecimal(id) + " opens after block " + (start ? toDecimal(*start) : "?"));
    }
    if (state != ProposalState::Active) return refuse("voting is closed: proposal " + toDecimal(id) + " is " + proposalStateName(state));
    CTRN_ASSIGN(bool voted, g.hasVoted(id, from));
    if (voted) return refuse("already voted: " + from.checksummed() + " has voted on proposal " + toDecimal(id));
    CTRN_ASSIGN(Bytes data, g.castVoteData(id, *support, reason));
    auto out = call(g, std::move(data), "vote", "Vote " + supportText + " on proposal " + toDecimal(id) + " of the " + g.contract().name());
    out.facts = {{"proposalId", toDecimal(id)}, {"support", supportText}, {"governor", g.contract().name()}};
    return out;
}

Result<ActionCall> proposalLifecycle(const ActionContext& c, const chain::Address& from, const Params& p, const std::string& verb) {
    CTRN_ASSIGN(U256 id, p.id("proposal", "proposal id"));
    CTRN_ASSIGN(const Protocol* proto, protocolOf(c));
    CTRN_ASSIGN(GovernorBinding g, governorFor(*proto, p, id));
    CTRN_ASSIGN(ProposalState state, g.state(id));
    Bytes data;
    if (verb == "queue") {
        if (state != ProposalState::Succeeded)
            return refuse("cannot queue: proposal " + toDecimal(id) + " is " + proposalStateName(state) + " (only a succeeded proposal is queued)");
        CTRN_ASSIGN(data, g.queueData(id));
    } else if (verb == "execute") {
        if (state != ProposalState::Queued)
            return refuse("cannot execute: proposal " + toDecimal(id) + " is " + proposalStateName(state) + " (only a queued proposal is executed)");
        CTRN_ASSIGN(data, g.executeData(id));
    } else {
        if (state != ProposalState::Pending)
            return refuse("cannot cancel: proposal " + toDecimal(id) + " is " + proposalStateName(state) +
                          " (its proposer can cancel it only before voting starts)");
        CTRN_ASSIGN(chain::Address proposer, g.proposer(id));
        if (proposer != from) return refuse("cannot cancel: only the proposer " + proposer.checksummed() + " can cancel proposal " + toDecimal(id));
        CTRN_ASSIGN(data, g.cancelData(id));
    }
    std::string title = verb;
    title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    auto out = call(g, std::move(data), verb, title + " proposal " + toDecimal(id) + " of the " + g.contract().name());
    out.facts = {{"proposalId", toDecimal(id)}, {"governor", g.contract().name()}};
    return out;
}

// --- marketplace ------------------------------------------------------------

const char* const kKinds[] = {"dataset", "data-stream", "compute", "model-licence"};

std::optional<std::uint8_t> listingKind(const std::string& text) {
    for (std::size_t i = 0; i < std::size(kKinds); ++i)
        if (text == kKinds[i]) return static_cast<std::uint8_t>(i);
    return std::nullopt;
}

Result<std::uint16_t> bpsParam(const Params& p, const std::string& name, std::uint16_t fallback) {
    if (!p.opt(name)) return fallback;
    CTRN_ASSIGN(U256 n, p.id(name, name));
    if (n > 10000) return refuse(name + " must be at most 10000");
    return static_cast<std::uint16_t>(n);
}

Result<ActionCall> listingCreate(const ActionContext& c, const chain::Address& from, const Params& p) {
    ListingParams l;
    CTRN_ASSIGN(std::string kindText, p.required("kind"));
    auto kind = listingKind(kindText);
    if (!kind) return refuse("kind must be dataset, data-stream, compute or model-licence");
    l.kind = *kind;
    CTRN_ASSIGN(l.price, p.positive("price"));
    // bytes32 from a short label ("hour"), left-aligned as Solidity's bytes32("hour").
    std::string unit = p.opt("unit").value_or(*kind == 3 ? "licence" : "unit");
    if (unit.size() > 32) return refuse("unit is at most 32 characters");
    std::memcpy(l.unit.data(), unit.data(), unit.size());
    CTRN_ASSIGN(l.metadataUri, p.required("metadata-uri"));
    if (!p.opt("metadata-hash")) return refuse("give the metadata's hash (metadata-hash)");
    CTRN_ASSIGN(l.metadataHash, p.hash32("metadata-hash"));
    CTRN_ASSIGN(l.rune.agent, p.address("agent"));
    CTRN_ASSIGN(auto developer, p.optAddress("developer"));
    CTRN_ASSIGN(auto infra, p.optAddress("infra"));
    l.rune.developer = developer.value_or(from);
    l.rune.infra = infra.value_or(from);
    CTRN_ASSIGN(l.rune.developerBps, bpsParam(p, "developer-bps", 7000));
    CTRN_ASSIGN(l.rune.infraBps, bpsParam(p, "infra-bps", 2000));
    CTRN_ASSIGN(l.rune.stakersBps, bpsParam(p, "stakers-bps", 1000));
    if (l.rune.developerBps + l.rune.infraBps + l.rune.stakersBps != 10000)
        return refuse("developer-bps, infra-bps and stakers-bps must add up to 10000");
    CTRN_ASSIGN(const Protocol* proto, protocolOf(c));
    CTRN_ASSIGN(MarketplaceBinding market, marketplace(*proto));
    CTRN_ASSIGN(U256 nonce, market.nonce(from));
    // The manifest the provider signs, as EIP-712 typed data; its digest must
    // be the one the contract will recover the signature against.
    Json typed = manifestTypedData(l, from, nonce, c.chainId, market.address());
    CTRN_ASSIGN(auto digest, encoding::eip712Digest(typed));
    CTRN_ASSIGN(auto onChain, market.manifestDigest(l, from, nonce));
    if (onChain != digest)
        return makeError(ErrorCode::VerificationFailed, "the manifest digest differs from the Marketplace's (" + toHex(onChain) + "): not signing");
    if (!c.signDigest)
        return refuse("the listing manifest is signed with the provider's key: unlock the wallet of " + from.checksummed() + " first");
    CTRN_ASSIGN(Bytes signature, c.signDigest(from, digest));
    CTRN_ASSIGN(Bytes data, market.createSignedListingData(l, from, signature));
    auto out = call(market, std::move(data), "listing-create", "Create a " + std::string(kKinds[l.kind]) + " listing at " + unitsText(l.price) + " CTRN");
    out.notes.push_back("the provider's key signed the listing manifest (EIP-712 digest " + toHex(digest) + ")");
    out.facts = {{"manifestDigest", toHex(digest)}, {"signature", toHex(signature)}};
    return out;
}

struct ListingFacts {
    chain::Address provider;
    U256 price = 0;
    bool active = false;
};

Result<ListingFacts> listingFacts(const MarketplaceBinding& market, const U256& id) {
    CTRN_ASSIGN(Json l, market.listing(id));
    ListingFacts f;
    CTRN_ASSIGN(f.provider, chain::Address::fromHex(l["provider"].get<std::string>()));
    if (f.provider.isZero()) return makeError(ErrorCode::NotFound, "no listing " + toDecimal(id));
    CTRN_ASSIGN(f.price, parseU256(l["price"].get<std::string>()));
    f.active = l["active"].get<bool>();
    return f;
}

Result<ActionCall> listingBuy(const ActionContext& c, const chain::Address& from, const Params& p) {
    CTRN_ASSIGN(U256 id, p.id("listing", "listing id"));
    CTRN_ASSIGN(U256 quantity, p.id("quantity", "quantity", "1"));
    if (quantity == 0) return refuse("quantity must be positive");
    CTRN_ASSIGN(const Protocol* proto, protocolOf(c));
    CTRN_ASSIGN(MarketplaceBinding market, marketplace(*proto));
    CTRN_ASSIGN(TokenBinding tok, token(*proto));
    CTRN_ASSIGN(ListingFacts facts, listingFacts(market, id));
    if (!facts.active) return refuse("listing " + toDecimal(id) + " is not active");
    if (facts.provider == from) return refuse("a provider cannot buy its own listing");
    U256 maxPrice = facts.price;
    if (p.opt("max-price")) {
        CTRN_ASSIGN(maxPrice, p.units("max-price"));
    }
    if (facts.price > maxPrice)
        return refuse("price changed: listing " + toDecimal(id) + " costs " + unitsText(facts.price) + " CTRN, above max-price");
    U256 total = facts.price * quantity;
    CTRN_ASSIGN(U256 unlocked, tok.unlockedBalanceOf(from));
    if (unlocked < total)
        return refuse("insufficient unlocked balance: " + unitsText(unlocked) + " CTRN unlocked, buying for " + unitsText(total));
    Json facts_ = {{"listingId", toDecimal(id)}, {"quantity", toDecimal(quantity)}, {"amount", toDecimal(total)}};
    // Escrow pulls the CTRN: approve the Marketplace first when needed.
    CTRN_ASSIGN(U256 allowance, tok.allowance(from, market.address()));
    if (allowance < total) {
        CTRN_ASSIGN(Bytes approve, tok.approveData(market.address(), total));
        auto out = call(tok, std::move(approve), "approve", "Approve the Marketplace to escrow " + unitsText(total) + " CTRN");
        out.notes.push_back("the purchase itself is a second transaction, reviewed once this approval is mined");
        out.facts = facts_;
        out.followUp = "listing.buy";
        return out;
    }
    CTRN_ASSIGN(Bytes data, market.purchaseData(id, quantity, maxPrice));
    auto out = call(market, std::move(data), "purchase", "Buy " + toDecimal(quantity) + " of listing " + toDecimal(id) + " for " + unitsText(total) + " CTRN");
    out.notes.push_back(unitsText(total) + " CTRN goes into escrow until the provider delivers and you confirm");
    out.facts = facts_;
    return out;
}

Result<ActionCall> purchaseAction(const ActionContext& c, const chain::Address& from, const Params& p, const std::string& verb) {
    CTRN_ASSIGN(U256 id, p.id("purchase", "purchase id"));
    CTRN_ASSIGN(const Protocol* proto, protocolOf(c));
    CTRN_ASSIGN(MarketplaceBinding market, marketplace(*proto));
    CTRN_ASSIGN(PurchaseInfo purchase, market.purchase(id));
    if (purchase.buyer.isZero()) return makeError(ErrorCode::NotFound, "no purchase " + toDecimal(id));
    std::string status = purchaseStatusName(purchase.status);
    Json facts = {{"purchaseId", toDecimal(id)}};
    Bytes data;
    if (verb == "deliver") {
        CTRN_ASSIGN(ListingFacts listing, listingFacts(market, purchase.listingId));
        if (listing.provider != from) return refuse("only the provider " + listing.provider.checksummed() + " can deliver purchase " + toDecimal(id));
        if (status != "escrowed") return refuse("cannot deliver: purchase " + toDecimal(id) + " is " + status);
        crypto::Hash256 receipt{};
        if (p.opt("receipt-hash")) {
            CTRN_ASSIGN(receipt, p.hash32("receipt-hash"));
        } else {
            CTRN_ASSIGN(std::string text, p.required("receipt"));
            receipt = crypto::keccak256(asView(text));
        }
        facts["receiptHash"] = toHex(receipt);
        CTRN_ASSIGN(data, market.markDeliveredData(id, receipt));
    } else if (verb == "confirm") {
        if (purchase.buyer != from) return refuse("only the buyer " + purchase.buyer.checksummed() + " can confirm purchase " + toDecimal(id));
        if (status != "delivered") return refuse("cannot confirm: purchase " + toDecimal(id) + " is " + status);
        CTRN_ASSIGN(data, market.confirmData(id));
    } else {
        if (purchase.buyer != from) return refuse("only the buyer " + purchase.buyer.checksummed() + " can dispute purchase " + toDecimal(id));
        if (status != "delivered" && status != "escrowed") return refuse("cannot dispute: purchase " + toDecimal(id) + " is " + status);
        CTRN_ASSIGN(U256 stake, p.units("rep-stake"));
        CTRN_ASSIGN(std::string claim, p.required("claim"));
        CTRN_ASSIGN(ReputationBinding rep, reputation(*proto));
        CTRN_ASSIGN(U256 balance, rep.balanceOf(from));
        if (balance < stake)
            return refuse("insufficient reputation: " + unitsText(balance) + " REP, staking " + unitsText(stake) + " on the dispute");
        CTRN_ASSIGN(data, market.disputeData(id, stake, claim));
    }
    std::string title = verb;
    title[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(title[0])));
    auto out = call(market, std::move(data), "purchase-" + verb, title + " purchase " + toDecimal(id));
    out.facts = facts;
    return out;
}

// --- models -----------------------------------------------------------------

Result<chain::Address> modelOwner(const ModelRegistryBinding& reg, const U256& id) {
    CTRN_ASSIGN(Json m, reg.model(id));
    CTRN_ASSIGN(chain::Address owner, chain::Address::fromHex(m["owner"].get<std::string>()));
    if (owner.isZero()) return makeError(ErrorCode::NotFound, "no model " + toDecimal(id));
    return owner;
}

Result<ActionCall> modelPublish(const ActionContext& c, const chain::Address& from, const Params& p) {
    CTRN_ASSIGN(std::string name, p.required("name"));
    std::string spdx = p.opt("spdx").value_or("");
    CTRN_ASSIGN(U256 licence, p.id("licence-listing", "licence-listing", "0"));
    // The registry wants an open licence (SPDX id) or a licence listing.
    if (licence == 0 && spdx.empty()) return refuse("give an SPDX id (an open licence) or a licence listing");
    CTRN_ASSIGN(crypto::Hash256 metadataHash, p.optHash32("metadata-hash"));
    CTRN_ASSIGN(const Protocol* proto, protocolOf(c));
    CTRN_ASSIGN(ModelRegistryBinding reg, modelRegistry(*proto));
    if (licence != 0) {
        // A licensed model's licence must be the publisher's own listing.
        CTRN_ASSIGN(MarketplaceBinding market, marketplace(*proto));
        CTRN_ASSIGN(Json l, market.listing(licence));
        if (l["provider"].get<std::string>() != from.checksummed())
            return refuse("licence listing " + toDecimal(licence) + " is not a listing of " + from.checksummed());
        if (l["kind"].get<std::string>() != "3") return refuse("licence listing " + toDecimal(licence) + " is not a model-licence listing");
    }
    CTRN_ASSIGN(Bytes data, reg.registerModelData(name, spdx, licence, p.opt("metadata-uri").value_or(""), metadataHash));
    return call(reg, std::move(data), "model-publish", "Publish model '" + name + "'");
}

Result<ActionCall> modelVersion(const ActionContext& c, const chain::Address& from, const Params& p) {
    CTRN_ASSIGN(U256 id, p.id("model", "model id"));
    CTRN_ASSIGN(std::string semver, p.required("semver"));
    CTRN_ASSIGN(crypto::Hash256 artifact, p.hash32("artifact-hash"));
    CTRN_ASSIGN(std::string uri, p.required("uri"));
    CTRN_ASSIGN(crypto::Hash256 metrics, p.optHash32("metrics-hash"));
    CTRN_ASSIGN(const Protocol* proto, protocolOf(c));
    CTRN_ASSIGN(ModelRegistryBinding reg, modelRegistry(*proto));
    CTRN_ASSIGN(chain::Address owner, modelOwner(reg, id));
    if (owner != from) return refuse("only the model's owner " + owner.checksummed() + " can publish versions");
    CTRN_ASSIGN(Bytes data, reg.publishVersionData(id, semver, artifact, uri, metrics));
    auto out = call(reg, std::move(data), "model-version", "Publish version " + semver + " of model " + toDecimal(id));
    out.facts = {{"modelId", toDecimal(id)}, {"semver", semver}};
    return out;
}

Result<ActionCall> modelRate(const ActionContext& c, const chain::Address& from, const Params& p) {
    CTRN_ASSIGN(U256 id, p.id("model", "model id"));
    CTRN_ASSIGN(U256 score, p.id("score", "score"));
    if (score < 1 || score > 5) return refuse("score must be 1 to 5");
    CTRN_ASSIGN(const Protocol* proto, protocolOf(c));
    CTRN_ASSIGN(ModelRegistryBinding reg, modelRegistry(*proto));
    CTRN_ASSIGN(chain::Address owner, modelOwner(reg, id));
    if (owner == from) return refuse("owners cannot rate their own model");
    CTRN_ASSIGN(std::uint8_t previous, reg.ratingOf(id, from));
    if (previous != 0 && !p.flag("change"))
        return refuse("already rated: " + from.checksummed() + " gave model " + toDecimal(id) + " " + std::to_string(previous) +
                      " stars (change replaces the rating)");
    // canRate is checked by the contract too (NotEligible, "licence
    // required"): the simulation shows it.
    CTRN_ASSIGN(Bytes data, reg.rateData(id, static_cast<std::uint8_t>(score)));
    auto out = call(reg, std::move(data), "model-rate", "Rate model " + toDecimal(id) + " " + toDecimal(score) + " stars");
    if (previous != 0) out.notes.push_back("replaces your earlier rating of " + std::to_string(previous) + " stars");
    out.facts = {{"modelId", toDecimal(id)}, {"score", toDecimal(score)}, {"previousScore", std::to_string(previous)}};
    return out;
}

Result<ActionCall> modelRetire(const ActionContext& c, const chain::Address& from, const Params& p) {
    CTRN_ASSIGN(U256 id, p.id("model", "model id"));
    CTRN_ASSIGN(const Protocol* proto, protocolOf(c));
    CTRN_ASSIGN(ModelRegistryBinding reg, modelRegistry(*proto));
    CTRN_ASSIGN(chain::Address owner, modelOwner(reg, id));
    if (owner != from) return refuse("only the model's owner " + owner.checksummed() + " can retire it");
    CTRN_ASSIGN(Bytes data, reg.retireData(id));
    auto out = call(reg, std::move(data), "model-retire", "Retire model " + toDecimal(id));
    out.notes.push_back("a retired model takes no new versions; its record stays");
    out.facts = {{"modelId", toDecimal(id)}};
    return out;
}

// --- pools and revenue ------------------------------------------------------


Result<ActionCall> poolVote(const ActionContext& c, const chain::Address& from, const Params& p) {
    CTRN_ASSIGN(U256 id, p.id("pool", "pool id"));
    CTRN_ASSIGN(std::string side, p.required("support"));
    if (side != "yes" && side != "no") return refuse("support must be yes or no");
    CTRN_ASSIGN(U256 stake, p.positive("stake"));
    CTRN_ASSIGN(const Protocol* proto, protocolOf(c));
    CTRN_ASSIGN(ValidationPoolBinding vp, validationPool(*proto));
    CTRN_ASSIGN(PoolInfo pool, vp.pool(id));
    CTRN_ASSIGN(std::uint64_t now, chainTime(c));
    if (pool.resolved || now >= pool.deadline)
        return refuse("voting is closed: pool " + toDecimal(id) + (pool.resolved ? " is resolved" : " closed at " + std::to_string(pool.deadline)));
    CTRN_ASSIGN(ReputationBinding rep, reputation(*proto));
    CTRN_ASSIGN(U256 balance, rep.balanceOf(from));
    if (balance < stake) return refuse("insufficient reputation: " + unitsText(balance) + " REP, staking " + unitsText(stake));
    CTRN_ASSIGN(Bytes data, vp.voteData(id, side == "yes", stake));
    auto out = call(vp, std::move(data), "pool-vote", "Vote " + side + " on pool " + toDecimal(id) + " with " + unitsText(stake) + " REP");
    out.facts = {{"poolId", toDecimal(id)}, {"support", side}, {"stake", toDecimal(stake)}};
    return out;
}

Result<ActionCall> revenueClaim(const ActionContext& c, const chain::Address& from, const Params& p) {
    std::optional<std::uint8_t> category;
    if (auto text = p.opt("category")) {
        category = revenueCategory(*text);
        if (!category) return refuse("category must be compute, data, developers or community");
    }
    std::optional<U256> epoch;
    if (p.opt("epoch")) {
        CTRN_ASSIGN(epoch, p.id("epoch", "epoch"));
    }
    CTRN_ASSIGN(const Protocol* proto, protocolOf(c));
    CTRN_ASSIGN(RevenueDistributorBinding dist, revenueDistributor(*proto));
    CTRN_ASSIGN(U256 current, dist.currentEpoch());
    CTRN_ASSIGN(U256 window, dist.claimWindowEpochs());
    // claim() accepts finalized epoch e while currentEpoch <= e + window.
    // Every unclaimed share that matches goes into one transaction: one
    // share is a claim(), several a claimMany() (the gas of the shared
    // overhead paid once; contracts/ measures it).
    U256 first = current > window ? current - window : U256(0);
    std::vector<std::pair<U256, std::uint8_t>> shares;
    Json claims = Json::array();
    U256 total = 0;
    for (U256 e = current; e > first;) {
        --e;
        if (epoch && e != *epoch) continue;
        for (std::uint8_t cat = 0; cat < std::size(kRevenueCategories); ++cat) {
            if (category && cat != *category) continue;
            CTRN_ASSIGN(bool claimed, dist.hasClaimed(e, cat, from));
            if (claimed) continue;
            CTRN_ASSIGN(U256 amount, dist.claimable(e, cat, from));
            if (amount == 0) continue;
            shares.emplace_back(e, cat);
            claims.push_back({{"epoch", toDecimal(e)}, {"category", kRevenueCategories[cat]}, {"amount", toDecimal(amount)}});
            total += amount;
        }
    }
    if (shares.empty()) return refuse("nothing to claim for " + from.checksummed() + " in the open claim window");
    if (shares.size() == 1) {
        const auto& [e, cat] = shares.front();
        CTRN_ASSIGN(Bytes data, dist.claimData(e, cat));
        auto out = call(dist, std::move(data), "revenue-claim",
                        "Claim " + unitsText(total) + " CTRN (" + kRevenueCategories[cat] + ", epoch " + toDecimal(e) + ")");
        out.facts = claims.front();
        out.facts["claims"] = claims;
        return out;
    }
    CTRN_ASSIGN(Bytes data, dist.claimManyData(shares));
    auto out = call(dist, std::move(data), "revenue-claim",
                    "Claim " + unitsText(total) + " CTRN from " + std::to_string(shares.size()) + " shares in one transaction");
    out.facts = {{"amount", toDecimal(total)}, {"claims", claims}};
    return out;
}

// Closes the open revenue epoch once its length has passed (anyone may).
Result<ActionCall> revenueFinalize(const ActionContext& c, const chain::Address&, const Params&) {
    CTRN_ASSIGN(const Protocol* proto, protocolOf(c));
    CTRN_ASSIGN(RevenueDistributorBinding dist, revenueDistributor(*proto));
    CTRN_ASSIGN(U256 current, dist.currentEpoch());
    CTRN_ASSIGN(U256 endsAt, dist.currentEpochEnd());
    CTRN_ASSIGN(std::uint64_t now, chainTime(c));
    if (U256(now) < endsAt)
        return refuse("epoch " + toDecimal(current) + " is not over yet: it can be finalized from " + utcText(static_cast<std::uint64_t>(endsAt)) + " (in " +
                      toDecimal(endsAt - now) + " s)");
    CTRN_ASSIGN(Bytes data, dist.finalizeData());
    auto out = call(dist, std::move(data), "revenue-finalize", "Finalize revenue epoch " + toDecimal(current));
    out.notes.push_back("its funds, shares and weights freeze; what no one can claim rolls over into epoch " + toDecimal(current + 1));
    out.facts = {{"epoch", toDecimal(current)}};
    return out;
}

// Records the sender's stake as its weight in a category for the open epoch.
Result<ActionCall> revenueCheckIn(const ActionContext& c, const chain::Address& from, const Params& p) {
    CTRN_ASSIGN(std::string text, p.required("category"));
    auto category = revenueCategory(text);
    if (!category) return refuse("category must be compute, data, developers or community");
    CTRN_ASSIGN(const Protocol* proto, protocolOf(c));
    CTRN_ASSIGN(RevenueDistributorBinding dist, revenueDistributor(*proto));
    CTRN_ASSIGN(U256 current, dist.currentEpoch());
    if (*category != 3) {
        CTRN_ASSIGN(U256 activity, dist.activityOf(current, *category, from));
        if (activity == 0)
            return refuse("no activity of " + from.checksummed() + " in " + text + " this epoch (" + toDecimal(current) +
                          "): only the community category takes a check-in without activity; settle work in " + text + " first");
    }
    CTRN_ASSIGN(Bytes data, dist.checkInData(*category));
    auto out = call(dist, std::move(data), "revenue-checkin", "Check in to " + text + " for revenue epoch " + toDecimal(current));
    out.notes.push_back("your stake locked since the epoch began counts as your weight; a later check-in only raises it");
    out.facts = {{"epoch", toDecimal(current)}, {"category", text}};
    return out;
}

using Rule = Result<ActionCall> (*)(const ActionContext&, const chain::Address&, const Params&);

const std::vector<std::pair<std::string, Rule>>& rules() {
    static const std::vector<std::pair<std::string, Rule>> table = {
        {"send", send},
        {"agent.register", agentRegister},
        {"stake.add", stakeAdd},
        {"stake.unstake", stakeUnstake},
        {"stake.withdraw", [](const ActionContext& c, const chain::Address& f, const Params& p) { return stakeWithdrawOrClaim(c, f, p, false); }},
        {"stake.claim", [](const ActionContext& c, const chain::Address& f, const Params& p) { return stakeWithdrawOrClaim(c, f, p, true); }},
        {"delegate", delegateVotes},
        {"proposal.create", proposalCreate},
        {"proposal.vote", proposalVote},
        {"proposal.queue", [](const ActionContext& c, const chain::Address& f, const Params& p) { return proposalLifecycle(c, f, p, "queue"); }},
        {"proposal.execute", [](const ActionContext& c, const chain::Address& f, const Params& p) { return proposalLifecycle(c, f, p, "execute"); }},
        {"proposal.cancel", [](const ActionContext& c, const chain::Address& f, const Params& p) { return proposalLifecycle(c, f, p, "cancel"); }},
        {"listing.create", listingCreate},
        {"listing.buy", listingBuy},
        {"purchase.deliver", [](const ActionContext& c, const chain::Address& f, const Params& p) { return purchaseAction(c, f, p, "deliver"); }},
        {"purchase.confirm", [](const ActionContext& c, const chain::Address& f, const Params& p) { return purchaseAction(c, f, p, "confirm"); }},
        {"purchase.dispute", [](const ActionContext& c, const chain::Address& f, const Params& p) { return purchaseAction(c, f, p, "dispute"); }},
        {"model.publish", modelPublish},
        {"model.version", modelVersion},
        {"model.rate", modelRate},
        {"model.retire", modelRetire},
        {"pool.vote", poolVote},
        {"revenue.claim", revenueClaim},
        {"revenue.finalize", revenueFinalize},
        {"revenue.checkin", revenueCheckIn},
    };
    return table;
}

} // namespace

std::string unitsText(const U256& amount) { return chain::formatUnits(amount, 18); }

const std::vector<std::string>& actionNames() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& [name, rule] : rules()) out.push_back(name);
        return out;
    }();
    return names;
}

Result<ActionCall> buildAction(const ActionContext& context, const std::string& action, const chain::Address& from,
                               const ActionParams& params) {
    for (const auto& [name, rule] : rules()) {
        if (name != action) continue;
        CTRN_ASSIGN(ActionCall out, rule(context, from, Params{params}));
        if (out.recipient.isZero()) out.recipient = out.to;
        return out;
    }
    return makeError(ErrorCode::InvalidInput, "unknown action '" + action + "'");
}

} // namespace ctrn::protocol
