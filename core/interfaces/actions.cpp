// interfaces::Actions over rpc, storage and wallet: the protocol's rules
// (core/protocol/actions) produce the call, WalletService::prepareTx fixes
// fees and gas once, the call is decoded from the exact call data and
// simulated at the pending block; submit adds the nonce and signs exactly
// that (WalletService::submitPrepared); outcomes come from the receipts of
// the transactions this object submitted, their events decoded once
// (core/protocol/logs).
#include <core/interfaces/actions_parts.h>
#include <core/interfaces/services.h>

#include <core/chain/json_fields.h>
#include <core/chain/u256.h>
#include <core/encoding/abi.h>
#include <core/protocol/actions.h>
#include <core/protocol/logs.h>
#include <core/util/hex.h>
#include <core/wallet/token_balance.h>

#include <chrono>
#include <thread>

namespace ctrn::interfaces {
namespace {

rpc::FeeLevel feeLevel(FeeSpeed s) {
    return s == FeeSpeed::Slow ? rpc::FeeLevel::Slow : s == FeeSpeed::Fast ? rpc::FeeLevel::Fast : rpc::FeeLevel::Normal;
}

std::string shortAddress(const std::string& a) { return a.size() < 12 ? a : a.substr(0, 6) + "…" + a.substr(a.size() - 4); }

// uint256 arguments that are amounts of a token with 18 decimals, by the
// ABI's parameter name: REP where the contract stakes reputation.
std::optional<std::string> amountUnit(const std::string& contract, const std::string& name) {
    if (name == "repStake") return "REP";
    if (contract == "ValidationPool" && (name == "amount" || name == "stake")) return "REP";
    if (contract == "Reputation" && name == "amount") return "REP";
    for (const char* n : {"amount", "value", "price", "maxPrice", "stake"})
        if (name == n) return "CTRN";
    return std::nullopt;
}

std::string jsonText(const Json& v) { return v.is_string() ? v.get<std::string>() : v.dump(); }

struct Tracked {
    chain::Address from;
    UnsignedTransaction tx;
};

class ActionsImpl : public Actions {
public:
    explicit ActionsImpl(ActionsParts parts) : m(std::move(parts)) {}

    Result<PreparedAction> prepare(const ActionRequest& request) override {
        loadProtocol();
        return prepareLoaded(request);
    }

private:
    // The protocol's ABIs (every contract's, parsed) are loaded on the first
    // action, not when the services are made: most app sessions start on a
    // page that signs nothing, and the parse would hold several MiB of the
    // worker's heap from startup on.
    void loadProtocol() {
        if (m_protocolLoaded) return;
        m_protocolLoaded = true;
        protocol::registerProtocolErrors();
        if (!m.deployment) return;
        // Without the ABIs the protocol's actions cannot be built; sends
        // still can, and the refusal of the others names the cause.
        auto abis = protocol::ProtocolAbis::load();
        if (abis)
            m_protocol = std::make_unique<protocol::Protocol>(std::move(abis).value(), *m.deployment, m.node);
        else
            m_protocolError = abis.error().message;
    }

public:
    Result<PreparedAction> prepareLoaded(const ActionRequest& request) {
        auto fromAddress = chain::Address::fromHex(request.from);
        if (!fromAddress) return makeError(ErrorCode::InvalidInput, "from: " + fromAddress.error().message);
        const chain::Address from = *fromAddress;
        if (!m_protocol && !m_protocolError.empty() && request.action != "send")
            return makeError(ErrorCode::Unsupported, "the protocol's contracts cannot be read: " + m_protocolError);
        protocol::ActionContext context;
        context.node = m.node;
        context.protocol = m_protocol.get();
        context.chainId = m.chainId;
        context.signDigest = [this](const chain::Address& account, const crypto::Hash256& digest) -> Result<Bytes> {
            if (!m.keys->isUnlocked(account))
                return makeError(ErrorCode::InvalidInput, "the listing manifest is signed with the provider's key: unlock the wallet of " +
                                                              account.checksummed() + " first");
            return m.keys->signDigest(account, digest);
        };
        CTRN_ASSIGN(protocol::ActionCall call, protocol::buildAction(context, request.action, from, request.params));

        wallet::WalletService::TxFees fees;
        fees.level = feeLevel(request.fee.speed);
        if (request.fee.maxFeePerGas || request.fee.maxPriorityFeePerGas) {
            if (!request.fee.maxFeePerGas || !request.fee.maxPriorityFeePerGas)
                return makeError(ErrorCode::InvalidInput, "give both the max fee and the priority fee");
            fees.customFee = rpc::Fee{*request.fee.maxFeePerGas, *request.fee.maxPriorityFeePerGas};
        }
        fees.gasLimit = request.fee.gasLimit;
        fees.allowRevert = true; // a reverting call is shown, not hidden
        CTRN_ASSIGN(auto tx, m.service->prepareTx(from, call.to, call.value, call.data, fees, storage::TxRecord{}));

        PreparedAction p;
        p.action = request.action;
        p.summary = call.summary;
        p.tx.chainId = m.chainId;
        p.tx.from = from.checksummed();
        p.tx.to = call.to.checksummed();
        p.tx.value = tx.tx.value;
        p.tx.data = tx.tx.data;
        p.tx.gasLimit = tx.tx.gas;
        p.tx.maxFeePerGas = tx.tx.maxFeePerGas;
        p.tx.maxPriorityFeePerGas = tx.tx.maxPriorityFeePerGas;
        p.maxGasCost = tx.maxGasCost;
        p.maxTotalCost = tx.maxTotalCost;
        p.notes = call.notes;
        p.kind = call.kind;
        if (call.token) p.token = call.token->checksummed();
        p.tokenAmount = call.tokenAmount;
        p.recipient = call.recipient.checksummed();
        p.facts = call.facts;
        p.followUp = call.followUp;
        p.call = decodeCall(call.to, p.tx.data);

        // The simulation: the exact call at the pending block. A revert is
        // the review's news, not an error of prepare().
        CTRN_ASSIGN(p.simulation.block, m.node->blockNumber());
        if (tx.reverted) {
            p.simulation.revertReason = protocol::explainRevert(*tx.reverted);
        } else {
            rpc::CallRequest simulate{from, call.to, p.tx.value, p.tx.data};
            auto result = m.node->call(simulate, "pending");
            if (result) {
                p.simulation.ok = true;
            } else if (result.error().code == ErrorCode::Reverted) {
                p.simulation.revertReason = protocol::explainRevert(result.error().message);
            } else {
                return result.error();
            }
        }
        if (!p.simulation.ok) p.notes.push_back("the gas could not be estimated: the transaction reverts as it stands");
        p.id = preparedId(p.tx);
        return p;
    }

    Result<SubmittedAction> submit(const PreparedAction& prepared, ByteView password) override {
        // Unchanged first: a changed transaction asks for no password.
        CTRN_TRY(checkUnchanged(prepared));
        CTRN_ASSIGN(chain::Address from, chain::Address::fromHex(prepared.tx.from));
        CTRN_ASSIGN(auto account, m.store->account(from.checksummed()));
        if (!account) return makeError(ErrorCode::NotFound, "account " + from.checksummed() + " is not in this wallet");
        if (account->watchOnly) return makeError(ErrorCode::InvalidInput, "account " + from.checksummed() + " is watch-only: it cannot sign");
        CTRN_ASSIGN(auto keys, m.wallets->decryptKeys(account->wallet, password));
        m.keys->unlock(std::move(keys));
        return submitUnlocked(prepared);
    }

    Result<SubmittedAction> submitUnlocked(const PreparedAction& prepared) override {
        CTRN_TRY(checkUnchanged(prepared));
        CTRN_ASSIGN(chain::Address from, chain::Address::fromHex(prepared.tx.from));
        CTRN_ASSIGN(chain::Address to, chain::Address::fromHex(prepared.tx.to));
        if (prepared.tx.chainId != m.chainId)
            return makeError(ErrorCode::WrongChain, "the transaction was prepared for chain " + std::to_string(prepared.tx.chainId) +
                                                        ", the node serves " + std::to_string(m.chainId) + ": review it again");
        chain::Transaction tx;
        tx.type = chain::TxType::DynamicFee;
        tx.chainId = U256(prepared.tx.chainId);
        tx.to = to;
        tx.value = prepared.tx.value;
        tx.data = prepared.tx.data;
        tx.gas = prepared.tx.gasLimit;
        tx.maxFeePerGas = prepared.tx.maxFeePerGas;
        tx.maxPriorityFeePerGas = prepared.tx.maxPriorityFeePerGas;
        storage::TxRecord record;
        record.to = prepared.recipient.empty() ? prepared.tx.to : prepared.recipient;
        record.value = toDecimal(prepared.tx.value);
        record.kind = prepared.kind.empty() ? "call" : prepared.kind;
        record.token = prepared.token;
        if (prepared.tokenAmount) record.tokenAmount = toDecimal(*prepared.tokenAmount);
        CTRN_ASSIGN(auto sent, m.service->submitPrepared(from, std::move(tx), std::move(record)));
        SubmittedAction out;
        out.hash = sent.hash.hex();
        out.nonce = sent.nonce;
        out.broadcast = sent.broadcast;
        out.broadcastError = sent.broadcastError.value_or("");
        m_pending[out.hash] = Tracked{from, prepared.tx};
        ActionOutcome pending;
        pending.hash = out.hash;
        pending.status = "pending";
        m_outcomes.notify(pending);
        return out;
    }

    Result<ActionOutcome> wait(const std::string& hash, std::uint64_t timeoutMs) override {
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
        while (true) {
            CTRN_ASSIGN(auto outcome, lookOnce(hash));
            if (outcome) return *outcome;
            if (std::chrono::steady_clock::now() >= deadline)
                return makeError(ErrorCode::Timeout, "transaction " + hash + " still pending after " + std::to_string(timeoutMs / 1000) + " s");
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
        }
    }

    Status checkOutcomes() override {
        std::vector<std::string> hashes;
        for (const auto& [hash, tracked] : m_pending) hashes.push_back(hash);
        for (const auto& hash : hashes) CTRN_TRY(lookOnce(hash));
        return Ok{};
    }

    std::unique_ptr<Handler> handleOutcome(std::function<void(const ActionOutcome&)> fn) override { return m_outcomes.add(std::move(fn)); }

private:
    Status checkUnchanged(const PreparedAction& prepared) const {
        if (prepared.id.empty() || preparedId(prepared.tx) != prepared.id)
            return makeError(ErrorCode::InvalidInput, "the transaction changed since it was reviewed: review it again");
        return Ok{};
    }

    // One receipt look; a final outcome is recorded, reported and returned.
    Result<std::optional<ActionOutcome>> lookOnce(const std::string& hash) {
        loadProtocol(); // a hash submitted by another session's object
        CTRN_ASSIGN(Json receipt, m.client->call("eth_getTransactionReceipt", Json::array({hash})));
        if (receipt.is_null()) return std::optional<ActionOutcome>();
        ActionOutcome out;
        out.hash = hash;
        out.status = receipt.value("status", std::string("0x1")) == "0x1" ? "mined" : "failed";
        CTRN_ASSIGN(out.block, chain::json::quantity64(receipt, "blockNumber"));
        if (receipt.contains("gasUsed")) {
            CTRN_ASSIGN(out.gasUsed, parseU256(receipt["gasUsed"].get<std::string>()));
        }
        if (m_protocol) {
            for (auto& e : protocol::decodeReceiptEvents(*m_protocol, receipt))
                out.events.push_back({e.contract, e.name, e.fields});
        }
        auto tracked = m_pending.find(hash);
        if (out.status == "failed") out.reason = failureReason(tracked == m_pending.end() ? nullptr : &tracked->second, out.block);
        // The journal entry becomes history (only this wallet's own sends
        // are in the journal; another hash has nothing to move).
        auto known = m.store->transaction(hash);
        if (known && *known && (*known)->inJournal)
            CTRN_TRY(m.store->finishTransaction(hash, out.status, static_cast<std::int64_t>(out.block)));
        if (tracked != m_pending.end()) m_pending.erase(tracked);
        m_outcomes.notify(out);
        return std::optional<ActionOutcome>(out);
    }

    // The revert of a failed transaction, replayed at the block before it:
    // the node's word, and only when it still reverts there.
    std::string failureReason(const Tracked* tracked, std::uint64_t block) {
        if (!tracked || block == 0) return "the transaction failed on chain";
        auto to = chain::Address::fromHex(tracked->tx.to);
        if (!to) return "the transaction failed on chain";
        rpc::CallRequest replay{tracked->from, *to, tracked->tx.value, tracked->tx.data};
        auto r = m.node->call(replay, toQuantityHex(U256(block - 1)));
        if (!r && r.error().code == ErrorCode::Reverted) return protocol::explainRevert(r.error().message);
        return "the transaction failed on chain (out of gas, or the state changed before it was mined)";
    }

    // --- the call, decoded from the data that will be signed -------------

    std::string addressDisplay(const std::string& checksummed) {
        std::string label;
        if (auto contacts = m.store->contacts()) {
            for (const auto& c : *contacts)
                if (c.address == checksummed) label = c.label;
        }
        if (label.empty()) {
            auto a = m.store->account(checksummed);
            if (a && *a && !(*a)->label.empty()) label = (*a)->label;
        }
        if (label.empty() && m_protocol) {
            if (auto address = chain::Address::fromHex(checksummed))
                if (auto name = m_protocol->contractAt(*address)) label = *name;
        }
        return label.empty() ? checksummed : shortAddress(checksummed) + " (" + label + ")";
    }

    DecodedArgument argument(const std::string& contract, const std::string& name, const std::string& type, const Json& value) {
        DecodedArgument a{name, type, jsonText(value), jsonText(value)};
        if (type == "address" && value.is_string()) {
            if (auto address = chain::Address::fromHex(value.get<std::string>())) {
                a.value = address->checksummed();
                a.display = addressDisplay(a.value);
            }
        } else if (type == "uint256") {
            if (auto unit = amountUnit(contract, name)) {
                if (auto v = parseU256(a.value)) a.display = chain::formatUnits(*v, 18) + " " + *unit;
            }
        } else if (type == "uint8" && name == "support" && contract.find("Governor") != std::string::npos) {
            a.display = a.value == "0" ? "against" : a.value == "1" ? "for" : a.value == "2" ? "abstain" : a.value;
        }
        return a;
    }

    DecodedCall decodeCall(const chain::Address& to, const Bytes& data) {
        DecodedCall out;
        std::optional<std::string> contract = m_protocol ? m_protocol->contractAt(to) : std::nullopt;
        if (contract) out.contract = *contract;
        if (data.size() < 4) return out;
        const auto selector = toFixed<4>(ByteView(data).subspan(0, 4));
        if (contract) {
            auto abi = m_protocol->abis().contract(*contract);
            if (abi) {
                if (const auto* f = (*abi)->functionBySelector(selector)) {
                    out.function = f->name;
                    out.signature = f->signature;
                    auto types = protocol::paramTypes(f->inputs);
                    auto values = encoding::abiDecode(types, ByteView(data).subspan(4));
                    if (values) {
                        for (std::size_t i = 0; i < f->inputs.size(); ++i)
                            out.arguments.push_back(argument(*contract, f->inputs[i].name, f->inputs[i].canonical,
                                                             protocol::paramToJson(f->inputs[i], (*values)[i])));
                    }
                    return out;
                }
            }
        }
        // Another ERC-20's transfer: named as the standard names it.
        auto transfer = encoding::functionSelector("transfer(address,uint256)");
        if (transfer && *transfer == selector) {
            auto types = encoding::parseAbiTypes("address,uint256");
            auto values = types ? encoding::abiDecode(*types, ByteView(data).subspan(4)) : Result<std::vector<encoding::AbiValue>>(types.error());
            if (values) {
                out.function = "transfer";
                out.signature = "transfer(address,uint256)";
                chain::Address recipient((*values)[0].asAddress());
                U256 amount = (*values)[1].toU256().value();
                out.arguments.push_back({"to", "address", recipient.checksummed(), addressDisplay(recipient.checksummed())});
                std::string display = toDecimal(amount);
                auto decimals = m.node->tokenDecimals(to);
                auto symbol = wallet::tokenSymbol(*m.node, to);
                if (decimals) display = chain::formatUnits(amount, *decimals) + (symbol ? " " + *symbol : std::string());
                out.arguments.push_back({"amount", "uint256", toDecimal(amount), display});
                return out;
            }
        }
        out.signature = toHex(ByteView(data).subspan(0, 4));
        return out;
    }

    ActionsParts m;
    bool m_protocolLoaded = false;
    std::unique_ptr<protocol::Protocol> m_protocol;
    std::string m_protocolError;
    std::map<std::string, Tracked> m_pending;
    CallbackList<ActionOutcome> m_outcomes;
};

} // namespace

std::unique_ptr<Actions> makeActions(ActionsParts parts) { return std::make_unique<ActionsImpl>(std::move(parts)); }

} // namespace ctrn::interfaces
