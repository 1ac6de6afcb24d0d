// Internal to core/interfaces: what the section services (Staking, Revenue)
// share to read a screen's figures — the protocol's bindings over the node,
// the storage layouts, and one eth_getProof per contract at one verified
// head — and the presentation of a proven field as a Checked<U256>. Not for
// app/ (it names the light client's types).
#pragma once

#include <core/interfaces/backend.h>
#include <core/interfaces/checked.h>
#include <core/interfaces/light_access.h>
#include <core/interfaces/verifier.h>
#include <core/lightclient/protocol_proofs.h>
#include <core/protocol/contract.h>

#include <map>
#include <memory>
#include <string>

namespace ctrn::interfaces {

using ProvenFields = lightclient::Checked<lightclient::FieldValues>;

inline constexpr const char* kNoProofs = "the node serves no proofs (eth_getProof)";

// One figure from a proof of many: the proof's state, the value picked by `f`.
// `why` says why an unverified proof is so (default: the node serves none).
template <typename F>
Checked<U256> provenFigure(const ProvenFields& proof, F f, const std::string& why = kNoProofs) {
    if (proof.isMismatch()) return Checked<U256>(fromLightclient(proof.mismatch()));
    if (proof.isUnverified()) return Checked<U256>(Unverified<U256>(f(proof.unverified().unverifiedValue()), why));
    const auto& v = proof.verified();
    return Checked<U256>(Verified<U256>(f(v.value()), v.blockNumber(), v.blockHash()));
}

// The value shown for a figure (verified or unverified), `otherwise` when hidden.
U256 shownOr(const Checked<U256>& c, const U256& otherwise);

class ProvenReader {
public:
    ProvenReader(std::shared_ptr<Backend> backend, Verifier* verifier, std::string layoutDir, std::string noVerifierWhy);

    // Whether figures are proven (a light client runs) or the node's word.
    bool proving() const { return m_light != nullptr; }
    lightclient::LightClient* light() const { return m_light; }
    // A node figure marked unproven with the reason there is no verifier.
    Checked<U256> unproven(const U256& v) const { return Checked<U256>(Unverified<U256>(v, m_noVerifierWhy)); }

    Result<const protocol::Protocol*> deployed();
    Result<const lightclient::StorageLayout*> layout(const std::string& contract);
    Result<chain::Address> contractAddress(const std::string& name);
    // One eth_getProof of `contract` for `fields`, at the verified head.
    Result<ProvenFields> prove(const std::string& contract, const std::vector<lightclient::Field>& fields);
    // The head every proof of one screen is read at: synced once per
    // screen, so its contracts' proofs are of one block.
    Status syncHead();
    // The timestamp of the block a proof is of (its verified header's).
    // Without a verified block (no proofs, a mismatch): the node's latest.
    std::uint64_t provenTime(const ProvenFields& proof);
    // The newest block's timestamp: times are measured against the chain's
    // clock, not this machine's.
    Result<std::uint64_t> chainTime();
    // A raw storage word of `contract` as the node answers at `blockTag`
    // ("0x1c8", "latest"): unproven, to find which slots to prove, or the
    // figures themselves when no light client runs.
    Result<U256> storageAt(const chain::Address& contract, const U256& slot, const std::string& blockTag);
    // `fields` of `contract` as the node's latest state holds them, word by
    // word (no light client: unverified, with noVerifierWhy()).
    Result<ProvenFields> readUnproven(const std::string& contract, const std::vector<lightclient::Field>& fields);
    const std::string& noVerifierWhy() const { return m_noVerifierWhy; }
    Backend& backend() { return *m_backend; }
    // The node(s) answering reads, for naming one caught contradicting a proof.
    std::string nodeName() const;
    std::uint64_t proofCalls() const { return m_proofCalls; }

private:
    std::shared_ptr<Backend> m_backend;
    lightclient::LightClient* m_light;
    std::string m_layoutDir;
    std::string m_noVerifierWhy;
    std::unique_ptr<protocol::Protocol> m_protocol;
    std::map<std::string, lightclient::StorageLayout> m_layouts;
    std::uint64_t m_proofCalls = 0;
};

} // namespace ctrn::interfaces
