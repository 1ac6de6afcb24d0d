#include <core/interfaces/backend.h>
#include <core/interfaces/convert.h>

#include <core/chain/u256.h>
#include <core/encoding/abi.h>
#include <core/util/hex.h>
#include <core/wallet/history_csv.h>
#include <core/wallet/token_balance.h>
#include <core/wallet/transfer_scan.h>

namespace ctrn::interfaces {
namespace {

AccountSummary summary(const storage::AccountRecord& a) {
    AccountSummary s;
    s.address = a.address;
    s.label = a.label;
    if (a.hdIndex) s.hdIndex = static_cast<std::uint32_t>(*a.hdIndex);
    s.watchOnly = a.watchOnly;
    return s;
}

WalletSummary summary(const wallet::WalletInfo& w) {
    WalletSummary s{w.wallet.name, w.wallet.kind, {}};
    for (const auto& a : w.accounts) s.accounts.push_back(summary(a));
    return s;
}

class WalletImpl : public Wallet {
public:
    explicit WalletImpl(std::shared_ptr<Backend> backend) : m_backend(std::move(backend)) {}

    Result<std::vector<WalletSummary>> listWallets() override {
        CTRN_ASSIGN(auto list, m_backend->wallets->list());
        std::vector<WalletSummary> out;
        for (const auto& w : list) out.push_back(summary(w));
        return out;
    }
    Result<SecureString> createHd(const std::string& name, ByteView password, std::size_t words) override {
        return m_backend->wallets->createHd(name, password, words);
    }
    Result<WalletSummary> importMnemonic(const std::string& name, std::string_view mnemonic, ByteView password,
                                         std::uint32_t accounts) override {
        CTRN_ASSIGN(auto w, m_backend->wallets->importMnemonic(name, mnemonic, password, accounts));
        return summary(w);
    }
    Result<WalletSummary> importWatch(const std::string& name, const chain::Address& address) override {
        CTRN_ASSIGN(auto w, m_backend->wallets->importWatch(name, address));
        return summary(w);
    }
    Result<AccountSummary> addAccount(const std::string& wallet, ByteView password) override {
        CTRN_ASSIGN(auto a, m_backend->wallets->addHdAccount(wallet, password));
        return summary(a);
    }
    Status rename(const std::string& from, const std::string& to) override { return m_backend->wallets->rename(from, to); }

    // --- Desktop onboarding (issue #7, desktop-shell) -----------------------
    Result<WalletSummary> importPrivateKey(const std::string& name, ByteView privateKey, ByteView password) override {
        CTRN_ASSIGN(auto key, crypto::PrivateKey::fromBytes(privateKey));
        CTRN_ASSIGN(auto w, m_backend->wallets->importKey(name, key, password));
        return summary(w);
    }
    Result<WalletSummary> importKeystore(const std::string& name, std::string_view keystoreJson, ByteView filePassword,
                                         ByteView password) override {
        CTRN_ASSIGN(auto w, m_backend->wallets->importKeystore(name, keystoreJson, filePassword, password));
        return summary(w);
    }
    // --- end desktop onboarding ---------------------------------------------

    Status unlock(const std::string& wallet, ByteView password) override {
        CTRN_ASSIGN(auto keys, m_backend->wallets->decryptKeys(wallet, password));
        m_backend->keys->unlock(std::move(keys));
        return Ok{};
    }
    void lock() override { m_backend->keys->lock(); }
    bool isUnlocked(const chain::Address& account) override { return m_backend->keys->isUnlocked(account); }

    Result<SendResult> send(const SendRequest& request) override { return announce(m_backend->service->send(toWallet(request))); }
    Result<SendResult> speedUp(const chain::Hash& hash) override { return announce(m_backend->service->speedUp(hash)); }
    Result<SendResult> cancel(const chain::Hash& hash) override { return announce(m_backend->service->cancel(hash)); }

    Result<SyncReport> sync() override {
        CTRN_ASSIGN(auto reconciled, m_backend->service->reconcile());
        const SyncReport report = fromWallet(reconciled);
        const std::pair<const std::vector<std::string>*, const char*> finals[] = {
            {&report.mined, "mined"}, {&report.failed, "failed"}, {&report.replaced, "replaced"}, {&report.dropped, "dropped"}};
        for (const auto& [hashes, status] : finals)
            for (const auto& h : *hashes) m_changed.notify(h, status);
        return report;
    }
    Result<std::vector<Transaction>> history(const std::optional<chain::Address>& account, std::size_t limit) override {
        std::optional<std::string> address;
        if (account) address = account->checksummed();
        CTRN_ASSIGN(auto rows, m_backend->store->history(m_backend->chainId, address, limit));
        return fromStorage(rows);
    }

    Result<std::vector<Contact>> contacts() override {
        CTRN_ASSIGN(auto entries, m_backend->store->contacts());
        std::vector<Contact> out;
        for (const auto& e : entries) out.push_back({e.address, e.label});
        return out;
    }
    Status setContact(const Contact& contact) override {
        // Stored checksummed, so one address is one entry however it was typed.
        CTRN_ASSIGN(auto a, chain::Address::fromHex(contact.address));
        if (contact.label.empty()) return makeError(ErrorCode::InvalidInput, "a contact needs a label");
        return m_backend->store->setContact({a.checksummed(), contact.label});
    }
    Status removeContact(const std::string& address) override {
        CTRN_ASSIGN(auto a, chain::Address::fromHex(address));
        return m_backend->store->removeContact(a.checksummed());
    }

    std::unique_ptr<Handler> handleTransactionChanged(std::function<void(const std::string&, const std::string&)> fn) override {
        return m_changed.add(std::move(fn));
    }

    // --- Wallet pages (desktop) ---
    Status renameAccount(const chain::Address& account, const std::string& label) override {
        return m_backend->store->setAccountLabel(account.checksummed(), label);
    }

    // The review and the send of the Send page, as thin wrappers over the
    // one action path (Actions): the same rules, the same prepared
    // transaction, signed as reviewed.
    Result<TxPreview> preview(const SendRequest& request) override {
        CTRN_ASSIGN(auto prepared, prepareSend(request));
        TxPreview p;
        p.from = prepared.tx.from;
        p.to = prepared.tx.to;
        p.value = prepared.tx.value;
        p.recipient = prepared.recipient;
        p.data = toHex(prepared.tx.data);
        p.gasLimit = prepared.tx.gasLimit;
        p.fee = Fee{prepared.tx.maxFeePerGas, prepared.tx.maxPriorityFeePerGas};
        p.maxGasCost = prepared.maxGasCost;
        p.maxTotalCost = prepared.maxTotalCost;
        if (prepared.tokenAmount && request.token) {
            // Decoded from the call data that will be signed, not from the
            // request: the screen shows what the transaction does.
            p.method = prepared.call.signature;
            p.tokenAmount = prepared.tokenAmount;
            for (const auto& a : prepared.call.arguments)
                if (a.type == "address") p.recipient = a.value;
            CTRN_ASSIGN(p.tokenSymbol, wallet::tokenSymbol(*m_backend->node, *request.token));
            CTRN_ASSIGN(p.tokenDecimals, m_backend->node->tokenDecimals(*request.token));
        }
        return p;
    }

    Result<U256> maxSendable(const SendRequest& request) override {
        if (request.token) {
            if (isCtrn(*request.token)) {
                CTRN_ASSIGN(auto b, wallet::lockedTokenBalance(*m_backend->node, *request.token, request.from));
                return b.unverifiedValue().free();
            }
            CTRN_ASSIGN(auto b, m_backend->node->tokenBalance(*request.token, request.from));
            return b.unverifiedValue();
        }
        // ETH: what is left after the most the gas can cost. The gas limit
        // and fee are the ones send() would choose for this request.
        SendRequest probe = request;
        probe.amount = 0;
        U256 gas = 0, maxFee = 0;
        if (probe.gasLimit) {
            gas = *probe.gasLimit;
        } else {
            rpc::CallRequest call{probe.from, probe.to, 0, {}};
            CTRN_ASSIGN(gas, m_backend->node->estimateGasWithMargin(call));
        }
        if (probe.customFee) {
            maxFee = probe.customFee->maxFeePerGas;
        } else {
            CTRN_ASSIGN(auto estimates, m_backend->node->estimateFees());
            maxFee = estimates.level(toRpc(probe.level)).maxFeePerGas;
        }
        CTRN_ASSIGN(auto balance, m_backend->node->balance(probe.from, "pending"));
        const U256 gasCost = gas * maxFee;
        return balance.unverifiedValue() > gasCost ? balance.unverifiedValue() - gasCost : U256(0);
    }

    Result<SendResult> sendWithPassword(const SendRequest& request, ByteView password) override {
        CTRN_ASSIGN(auto account, m_backend->store->account(request.from.checksummed()));
        if (!account) return makeError(ErrorCode::NotFound, "account " + request.from.checksummed() + " is not in this wallet");
        if (account->watchOnly)
            return makeError(ErrorCode::InvalidInput, "account " + request.from.checksummed() + " is watch-only: it cannot sign");
        // The password first: a wrong one must stop the send before any
        // other work, and the keys it unlocks are the ones that sign.
        CTRN_TRY(unlock(account->wallet, password));
        CTRN_ASSIGN(auto prepared, prepareSend(request));
        CTRN_ASSIGN(auto sent, actions().submitUnlocked(prepared));
        SendResult out;
        CTRN_ASSIGN(out.hash, chain::Hash::fromHex(sent.hash));
        out.nonce = sent.nonce;
        out.gasLimit = prepared.tx.gasLimit;
        out.fee = {prepared.tx.maxFeePerGas, prepared.tx.maxPriorityFeePerGas};
        out.broadcast = sent.broadcast;
        if (!sent.broadcastError.empty()) out.broadcastError = sent.broadcastError;
        return announce(out);
    }

    Result<std::vector<Transaction>> historyPage(const std::optional<chain::Address>& account, const std::optional<HistoryKey>& after,
                                                 std::size_t limit) override {
        std::optional<storage::HistoryKey> key;
        if (after) key = toStorage(*after);
        CTRN_ASSIGN(auto rows, m_backend->store->historyPage(m_backend->chainId, addressText(account), key, limit));
        return fromStorage(rows);
    }
    Result<std::uint64_t> historyCount(const std::optional<chain::Address>& account) override {
        return m_backend->store->historyCount(m_backend->chainId, addressText(account));
    }
    Result<std::optional<Transaction>> transaction(const chain::Hash& hash) override {
        CTRN_ASSIGN(auto row, m_backend->store->transaction(hash.hex()));
        if (!row) return std::optional<Transaction>();
        return std::optional<Transaction>(fromStorage(*row));
    }
    Result<TransferScan> scanTransfers(const std::optional<chain::Address>& account) override {
        TransferScan out;
        if (!m_backend->deployment) return out;
        auto token = m_backend->deployment->contract("ComputroniumToken");
        if (!token) return out;
        out.available = true;
        std::vector<chain::Address> accounts;
        if (account) {
            accounts.push_back(*account);
        } else {
            CTRN_ASSIGN(auto all, m_backend->store->accounts());
            for (const auto& a : all) {
                CTRN_ASSIGN(auto address, chain::Address::fromHex(a.address));
                accounts.push_back(address);
            }
        }
        for (const auto& a : accounts) {
            CTRN_ASSIGN(auto report, wallet::scanTokenTransfers(*m_backend->client, *m_backend->store, m_backend->chainId, *token, a,
                                                                m_backend->deployment->deployBlock));
            out.changed += report.changed;
            out.scannedTo = std::max(out.scannedTo, report.to);
        }
        return out;
    }
    Result<std::uint64_t> exportHistoryCsv(const std::optional<chain::Address>& account, const std::string& path) override {
        return wallet::exportHistoryCsv(*m_backend->store, m_backend->chainId, addressText(account), path);
    }

private:
    static std::optional<std::string> addressText(const std::optional<chain::Address>& account) {
        if (!account) return std::nullopt;
        return account->checksummed();
    }

    bool isCtrn(const chain::Address& token) const {
        if (!m_backend->deployment) return false;
        auto ctrn = m_backend->deployment->contract("ComputroniumToken");
        return ctrn && *ctrn == token;
    }

    Actions& actions() {
        if (!m_actions) m_actions = makeActions(actionsParts(m_backend));
        return *m_actions;
    }

    // A send as the one action path prepares it; the Send page has no
    // review of a revert yet, so a reverting simulation is refused here.
    Result<PreparedAction> prepareSend(const SendRequest& r) {
        ActionRequest a;
        a.action = "send";
        a.from = r.from.checksummed();
        a.params["to"] = r.to.checksummed();
        a.params["amount-wei"] = toDecimal(r.amount);
        if (r.token) a.params["token"] = r.token->checksummed();
        a.fee.speed = r.level == FeeLevel::Slow ? FeeSpeed::Slow : r.level == FeeLevel::Fast ? FeeSpeed::Fast : FeeSpeed::Normal;
        if (r.customFee) {
            a.fee.maxFeePerGas = r.customFee->maxFeePerGas;
            a.fee.maxPriorityFeePerGas = r.customFee->maxPriorityFeePerGas;
        }
        a.fee.gasLimit = r.gasLimit;
        CTRN_ASSIGN(auto prepared, actions().prepare(a));
        if (!prepared.simulation.ok) return makeError(ErrorCode::Reverted, prepared.simulation.revertReason);
        return prepared;
    }

    Result<SendResult> announce(Result<wallet::SendResult> sent) {
        if (!sent) return sent.error();
        m_changed.notify(sent->hash.hex(), std::string("pending"));
        return fromWallet(*sent);
    }
    Result<SendResult> announce(SendResult sent) {
        m_changed.notify(sent.hash.hex(), std::string("pending"));
        return sent;
    }

    std::shared_ptr<Backend> m_backend;
    CallbackList<std::string, std::string> m_changed;
    std::unique_ptr<Actions> m_actions;
};

} // namespace

HistoryKey historyKey(const Transaction& row) { return fromStorage(storage::historyKey(toStorage(row))); }

std::unique_ptr<Wallet> makeWallet(std::shared_ptr<Backend> backend) { return std::make_unique<WalletImpl>(std::move(backend)); }

} // namespace ctrn::interfaces
