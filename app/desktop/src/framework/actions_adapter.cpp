// TEMPORARY (see actions_access.h): interfaces::Actions over the Wallet
// interface until the action path lands in core. Only "send".
#include "actions_access.h"

#include <core/interfaces/values.h>
#include <core/util/hex.h>

#include <map>
#include <mutex>
#include <set>

namespace ctrn::desktop {
namespace {


class WalletActions : public interfaces::Actions {
public:
    explicit WalletActions(interfaces::Services& s) : m_s(s) {}
    interfaces::Wallet* wallet() const { return m_s.wallet.get(); }

    Result<interfaces::PreparedAction> prepare(const interfaces::ActionRequest& request) override {
        if (request.action != "send") return makeError(ErrorCode::Unsupported, "unknown action '" + request.action + "'");
        auto param = [&](const char* name) {
            auto it = request.params.find(name);
            return it == request.params.end() ? std::string() : it->second;
        };
        interfaces::SendRequest r;
        CTRN_ASSIGN(r.from, chain::Address::fromHex(request.from));
        CTRN_ASSIGN(auto to, interfaces::checksumAddress(param("to")));
        CTRN_ASSIGN(r.to, chain::Address::fromHex(to));
        unsigned decimals = 18;
        std::string symbol = "ETH";
        const std::string token = param("token");
        if (!token.empty() && token != "ETH") {
            CTRN_ASSIGN(auto info, m_s.node->ctrnToken());
            CTRN_ASSIGN(auto tokenAddress, chain::Address::fromHex(info.address));
            r.token = tokenAddress;
            decimals = info.decimals;
            symbol = info.symbol;
        }
        CTRN_ASSIGN(r.amount, interfaces::parseAmount(param("amount"), decimals));
        if (r.amount == 0) return makeError(ErrorCode::InvalidInput, "enter an amount above zero");
        if (request.fee.maxFeePerGas && request.fee.maxPriorityFeePerGas)
            r.customFee = interfaces::Fee{*request.fee.maxFeePerGas, *request.fee.maxPriorityFeePerGas};
        else
            r.level = request.fee.speed == interfaces::FeeSpeed::Slow   ? interfaces::FeeLevel::Slow
                      : request.fee.speed == interfaces::FeeSpeed::Fast ? interfaces::FeeLevel::Fast
                                                                        : interfaces::FeeLevel::Normal;
        r.gasLimit = request.fee.gasLimit;
        CTRN_ASSIGN(auto p, m_s.wallet->preview(r));

        interfaces::PreparedAction out;
        out.action = "send";
        out.kind = r.token ? "token" : "send";
        out.tx.chainId = m_s.node->chainId();
        out.tx.from = p.from;
        out.tx.to = p.to;
        out.tx.value = p.value;
        CTRN_ASSIGN(out.tx.data, fromHex(p.data.empty() ? "0x" : p.data));
        out.tx.gasLimit = p.gasLimit;
        out.tx.maxFeePerGas = p.fee.maxFeePerGas;
        out.tx.maxPriorityFeePerGas = p.fee.maxPriorityFeePerGas;
        out.maxGasCost = p.maxGasCost;
        out.maxTotalCost = p.maxTotalCost;
        const std::string amount = interfaces::formatAmount(r.amount, decimals) + " " + symbol;
        out.summary = "Send " + amount + " to " + p.recipient;
        if (r.token) {
            out.call.contract = "ComputroniumToken";
            out.call.function = "transfer";
            out.call.signature = p.method;
            out.call.arguments = {{"to", "address", p.recipient, p.recipient},
                                  {"amount", "uint256", interfaces::integerText(r.amount), amount}};
            out.token = r.token->checksummed();
            out.tokenAmount = r.amount;
        }
        out.simulation.ok = true;
        if (auto head = m_s.node->head()) out.simulation.block = *head;
        out.id = idOf(out);
        m_requests[out.id] = r;
        return out;
    }

    Result<interfaces::SubmittedAction> submit(const interfaces::PreparedAction& prepared, ByteView password) override {
        auto it = m_requests.find(prepared.id);
        if (it == m_requests.end() || idOf(prepared) != prepared.id)
            return makeError(ErrorCode::InvalidInput, "the transaction changed since it was reviewed; review it again");
        CTRN_ASSIGN(auto sent, m_s.wallet->sendWithPassword(it->second, password));
        return submitted(sent);
    }
    Result<interfaces::SubmittedAction> submitUnlocked(const interfaces::PreparedAction& prepared) override {
        auto it = m_requests.find(prepared.id);
        if (it == m_requests.end()) return makeError(ErrorCode::InvalidInput, "review the transaction first");
        CTRN_ASSIGN(auto sent, m_s.wallet->send(it->second));
        return submitted(sent);
    }
    Result<interfaces::ActionOutcome> wait(const std::string&, std::uint64_t) override {
        return makeError(ErrorCode::Unsupported, "wait: not in the adapter");
    }
    Status checkOutcomes() override {
        if (m_watching.empty()) return Ok{};
        CTRN_TRY(m_s.wallet->sync());
        for (auto it = m_watching.begin(); it != m_watching.end();) {
            CTRN_ASSIGN(auto h, chain::Hash::fromHex(*it));
            CTRN_ASSIGN(auto t, m_s.wallet->transaction(h));
            if (!t || t->inJournal || t->status == "pending") {
                ++it;
                continue;
            }
            interfaces::ActionOutcome o;
            o.hash = *it;
            o.status = t->status;
            o.block = t->blockNumber ? static_cast<std::uint64_t>(*t->blockNumber) : 0;
            if (t->status == "failed") o.reason = "reverted";
            it = m_watching.erase(it);
            m_outcomes.notify(o);
        }
        return Ok{};
    }
    std::unique_ptr<interfaces::Handler> handleOutcome(std::function<void(const interfaces::ActionOutcome&)> fn) override {
        return m_outcomes.add(std::move(fn));
    }

private:
    static std::string idOf(const interfaces::PreparedAction& p) {
        const std::string fields = std::to_string(p.tx.chainId) + p.tx.from + p.tx.to + interfaces::integerText(p.tx.value) +
                                   toHex(p.tx.data) + interfaces::integerText(p.tx.gasLimit) + interfaces::integerText(p.tx.maxFeePerGas) +
                                   interfaces::integerText(p.tx.maxPriorityFeePerGas);
        return "0x" + std::to_string(std::hash<std::string>{}(fields));
    }
    Result<interfaces::SubmittedAction> submitted(const interfaces::SendResult& sent) {
        interfaces::SubmittedAction out;
        out.hash = sent.hash.hex();
        out.nonce = sent.nonce;
        out.broadcast = sent.broadcast;
        out.broadcastError = sent.broadcastError.value_or("");
        m_watching.insert(out.hash);
        return out;
    }

    interfaces::Services& m_s;
    std::map<std::string, interfaces::SendRequest> m_requests;
    std::set<std::string> m_watching;
    interfaces::CallbackList<const interfaces::ActionOutcome&> m_outcomes;
};

std::mutex g_mutex;
std::map<interfaces::Services*, std::unique_ptr<WalletActions>> g_adapters;

} // namespace

interfaces::Actions* actionsOf(interfaces::Services& services) {
    if (!services.wallet || !services.node) return nullptr;
    std::lock_guard lock(g_mutex);
    auto& slot = g_adapters[&services];
    if (!slot || slot->wallet() != services.wallet.get()) slot = std::make_unique<WalletActions>(services);
    return slot.get();
}

void forgetActions(interfaces::Services& services) {
    std::lock_guard lock(g_mutex);
    g_adapters.erase(&services);
}

} // namespace ctrn::desktop
