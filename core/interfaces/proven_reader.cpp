#include <core/interfaces/proven_reader.h>

#include <core/chain/json_fields.h>
#include <core/protocol/contract_abi.h>
#include <core/protocol/logs.h>

namespace ctrn::interfaces {

U256 shownOr(const Checked<U256>& c, const U256& otherwise) {
    if (c.isVerified()) return c.verified().value();
    if (c.isUnverified()) return c.unverified().unverifiedValue();
    return otherwise;
}

ProvenReader::ProvenReader(std::shared_ptr<Backend> backend, Verifier* verifier, std::string layoutDir, std::string noVerifierWhy)
    : m_backend(std::move(backend)), m_light(lightClientOf(verifier)), m_layoutDir(std::move(layoutDir)),
      m_noVerifierWhy(std::move(noVerifierWhy)) {}

Result<const protocol::Protocol*> ProvenReader::deployed() {
    if (!m_protocol) {
        if (!m_backend->deployment) return makeError(ErrorCode::NotFound, "this network has no Computronium deployment");
        protocol::registerProtocolErrors();
        CTRN_ASSIGN(auto abis, protocol::ProtocolAbis::load());
        m_protocol = std::make_unique<protocol::Protocol>(std::move(abis), *m_backend->deployment, m_backend->node.get());
    }
    return m_protocol.get();
}

Result<const lightclient::StorageLayout*> ProvenReader::layout(const std::string& contract) {
    auto it = m_layouts.find(contract);
    if (it == m_layouts.end()) {
        CTRN_ASSIGN(auto loaded, lightclient::loadStorageLayout(m_layoutDir, contract));
        it = m_layouts.emplace(contract, std::move(loaded)).first;
    }
    return &it->second;
}

Result<chain::Address> ProvenReader::contractAddress(const std::string& name) {
    CTRN_ASSIGN(const protocol::Protocol* p, deployed());
    return p->deployment().contract(name);
}

Result<ProvenFields> ProvenReader::prove(const std::string& contract, const std::vector<lightclient::Field>& fields) {
    CTRN_ASSIGN(chain::Address address, contractAddress(contract));
    ++m_proofCalls;
    return lightclient::proveFields(*m_light, address, fields);
}

Status ProvenReader::syncHead() {
    CTRN_ASSIGN(auto head, m_light->syncHead());
    (void)head; // a mismatch here shows again in each proof's own verdict
    return Ok{};
}

std::uint64_t ProvenReader::provenTime(const ProvenFields& proof) {
    if (proof.isVerified()) {
        auto head = m_light->verifiedHead();
        if (head.ok() && head->ok() && head->value().header.number == proof.verified().blockNumber())
            return head->value().header.timestamp;
    }
    auto latest = chainTime();
    return latest.ok() ? *latest : 0;
}

Result<std::uint64_t> ProvenReader::chainTime() {
    CTRN_ASSIGN(Json block, m_backend->client->call("eth_getBlockByNumber", Json::array({"latest", false})));
    if (!block.is_object()) return makeError(ErrorCode::NodeError, "the node returned no latest block");
    return chain::json::quantity64(block, "timestamp");
}

Result<U256> ProvenReader::storageAt(const chain::Address& contract, const U256& slot, const std::string& blockTag) {
    CTRN_ASSIGN(Json word, m_backend->client->call("eth_getStorageAt", Json::array({contract.checksummed(), toQuantityHex(slot), blockTag})));
    if (!word.is_string()) return makeError(ErrorCode::NodeError, "the node returned no storage word");
    return parseU256(word.get<std::string>());
}

std::string ProvenReader::nodeName() const {
    std::string out;
    for (const auto& url : m_backend->client->endpoints()) out += (out.empty() ? "" : ", ") + url;
    return out;
}

Result<ProvenFields> ProvenReader::readUnproven(const std::string& contract, const std::vector<lightclient::Field>& fields) {
    CTRN_ASSIGN(chain::Address address, contractAddress(contract));
    std::map<U256, U256> words;
    lightclient::FieldValues out;
    for (const auto& f : fields) {
        auto it = words.find(f.location.slot);
        if (it == words.end()) {
            CTRN_ASSIGN(U256 word, storageAt(address, f.location.slot, "latest"));
            it = words.emplace(f.location.slot, word).first;
        }
        out[f.name] = lightclient::StorageLayout::extract(f.location, it->second);
    }
    return ProvenFields(rpc::Unverified<lightclient::FieldValues>(std::move(out)));
}

} // namespace ctrn::interfaces
