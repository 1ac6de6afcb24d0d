#include <core/interfaces/verifier.h>

#include <core/interfaces/convert.h>
#include <core/interfaces/light_access.h>

#include <core/lightclient/light_client.h>
#include <core/lightclient/protocol_proofs.h>

namespace ctrn::interfaces {
namespace {

Mismatch toInterfaces(const lightclient::Mismatch& m) { return fromLightclient(m); }

// The light client's Checked<U> as the interfaces' Checked<T>: the same
// state, the value mapped by `f`.
template <typename T, typename U, typename F>
Checked<T> mapChecked(const lightclient::Checked<U>& in, F f) {
    if (in.isMismatch()) return Checked<T>(toInterfaces(in.mismatch()));
    if (in.isUnverified()) return Checked<T>(Unverified<T>(f(in.unverified().unverifiedValue())));
    const auto& v = in.verified();
    return Checked<T>(Verified<T>(f(v.value()), v.blockNumber(), v.blockHash()));
}

class LightVerifier : public Verifier {
public:
    LightVerifier(std::unique_ptr<lightclient::HeaderStore> store, const VerifierOptions& options, std::shared_ptr<rpc::Transport> transport)
        : m_store(std::move(store)), m_options(options) {
        lightclient::LightClientOptions o;
        o.chainId = options.chainId;
        o.checkpoint = {{options.checkpointNumber, options.checkpointHash}, options.checkpointSource, 0, 0};
        o.quorum = options.quorum;
        m_client = std::make_unique<lightclient::LightClient>(options.urls, std::move(transport), toRpc(options.client), *m_store, o);
    }

    Result<lightclient::Verdict<Ok>> connect() { return m_client->connect(); }

    Result<Checked<std::uint64_t>> syncHead() override {
        CTRN_ASSIGN(auto head, m_client->syncHead());
        if (!head) return Checked<std::uint64_t>(toInterfaces(head.mismatch()));
        return Checked<std::uint64_t>(Verified<std::uint64_t>(head->header.number, head->header.number, head->hash));
    }

    Result<Checked<U256>> balance(const chain::Address& account) override {
        CTRN_ASSIGN(auto read, m_client->account(account));
        return mapChecked<U256>(read, [](const lightclient::ProvenAccount& a) { return a.account.balance; });
    }

    Result<Checked<U256>> ctrnBalance(const chain::Address& owner) override {
        if (!m_options.ctrnToken) return makeError(ErrorCode::NotFound, "no CTRN token in this network's manifest");
        if (!m_tokenLayout) {
            CTRN_ASSIGN(auto layout, lightclient::loadStorageLayout(m_options.storageLayoutDir, "ComputroniumToken"));
            m_tokenLayout = std::move(layout);
        }
        CTRN_ASSIGN(auto fields, lightclient::tokenAccountFields(*m_tokenLayout, owner));
        CTRN_ASSIGN(auto read, lightclient::proveFields(*m_client, *m_options.ctrnToken, fields));
        return mapChecked<U256>(read, [](const lightclient::FieldValues& v) { return v.at("balance"); });
    }

    Result<Checked<TxOutcome>> transactionOutcome(const chain::Hash& hash) override {
        CTRN_ASSIGN(auto read, m_client->receipt(hash));
        return mapChecked<TxOutcome>(read, [](const lightclient::ProvenReceipt& r) {
            return TxOutcome{r.receipt.status.value_or(false), r.receipt.logs.size()};
        });
    }

    lightclient::LightClient* lightClient() { return m_client.get(); }
    const std::string& storageLayoutDir() const { return m_options.storageLayoutDir; }

    VerifierStatus status() override {
        VerifierStatus s;
        const auto& cp = m_client->checkpoint();
        s.checkpointNumber = cp.block.number;
        s.checkpointHash = cp.block.hash;
        s.checkpointSource = cp.source;
        s.checkpointWarning = m_client->checkpointWarning();
        if (auto head = m_store->head(m_options.chainId); head && *head) s.verifiedHead = (*head)->header.number;
        for (const auto& e : m_client->endpoints()) s.endpoints.push_back({e.url, e.agrees, e.problem});
        return s;
    }

private:
    std::unique_ptr<lightclient::HeaderStore> m_store;
    VerifierOptions m_options;
    std::unique_ptr<lightclient::LightClient> m_client;
    std::optional<lightclient::StorageLayout> m_tokenLayout;
};

} // namespace

Mismatch fromLightclient(const lightclient::Mismatch& m) { return {lightclient::mismatchKindName(m.kind), m.message, m.endpoint}; }

lightclient::LightClient* lightClientOf(Verifier* verifier) {
    auto* light = dynamic_cast<LightVerifier*>(verifier);
    return light ? light->lightClient() : nullptr;
}

std::string storageLayoutDirOf(Verifier* verifier) {
    auto* light = dynamic_cast<LightVerifier*>(verifier);
    return light ? light->storageLayoutDir() : std::string();
}

Result<std::unique_ptr<Verifier>> makeVerifier(const VerifierOptions& options, std::shared_ptr<rpc::Transport> transport) {
    CTRN_ASSIGN(auto store, lightclient::HeaderStore::open(options.dataDir + "/lightclient.sqlite"));
    auto verifier = std::make_unique<LightVerifier>(std::move(store), options, std::move(transport));
    CTRN_ASSIGN(auto connected, verifier->connect());
    if (!connected) return makeError(ErrorCode::VerificationFailed, "verification failed (" + lightclient::mismatchKindName(connected.mismatch().kind) +
                                                                        "): " + connected.mismatch().describe());
    return std::unique_ptr<Verifier>(std::move(verifier));
}

} // namespace ctrn::interfaces
