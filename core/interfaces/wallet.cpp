#include <core/interfaces/backend.h>

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

    Result<SendResult> send(const SendRequest& request) override { return announce(m_backend->service->send(request)); }
    Result<SendResult> speedUp(const chain::Hash& hash) override { return announce(m_backend->service->speedUp(hash)); }
    Result<SendResult> cancel(const chain::Hash& hash) override { return announce(m_backend->service->cancel(hash)); }

    Result<SyncReport> sync() override {
        CTRN_ASSIGN(auto report, m_backend->service->reconcile());
        const std::pair<const std::vector<std::string>*, const char*> finals[] = {
            {&report.mined, "mined"}, {&report.failed, "failed"}, {&report.replaced, "replaced"}, {&report.dropped, "dropped"}};
        for (const auto& [hashes, status] : finals)
            for (const auto& h : *hashes) m_changed.notify(h, status);
        return report;
    }
    Result<std::vector<Transaction>> history(const std::optional<chain::Address>& account, std::size_t limit) override {
        std::optional<std::string> address;
        if (account) address = account->checksummed();
        return m_backend->store->history(m_backend->chainId, address, limit);
    }

    Result<std::vector<Contact>> contacts() override { return m_backend->store->contacts(); }
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

private:
    Result<SendResult> announce(Result<SendResult> sent) {
        if (sent) m_changed.notify(sent->hash.hex(), std::string("pending"));
        return sent;
    }

    std::shared_ptr<Backend> m_backend;
    CallbackList<std::string, std::string> m_changed;
};

} // namespace

std::unique_ptr<Wallet> makeWallet(std::shared_ptr<Backend> backend) { return std::make_unique<WalletImpl>(std::move(backend)); }

} // namespace ctrn::interfaces
