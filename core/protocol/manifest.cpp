#include <core/protocol/manifest.h>

#include <core/chain/address.h>
#include <core/crypto/secp256k1.h>
#include <core/encoding/abi.h>
#include <core/encoding/eip55.h>
#include <core/encoding/eip712.h>
#include <core/util/hex.h>

namespace ctrn::protocol {
namespace {

// The listing's unit is stored as text; on chain it is a bytes32 holding
// that text left-aligned and zero-padded.
std::string unitBytes32(const std::string& unit) {
    Bytes b(32, 0);
    for (std::size_t i = 0; i < unit.size() && i < 32; ++i) b[i] = static_cast<std::uint8_t>(unit[i]);
    return toHex(b);
}

Json runeField(const Json& rune, const char* name, const char* fallback) {
    if (rune.contains(name)) return rune[name];
    return fallback;
}

} // namespace

Json manifestTypedData(const storage::ListingRecord& l, std::uint64_t chainId, const std::string& marketplace,
                       std::int64_t nonce) {
    const Json& r = l.rune;
    return {
        {"types",
         {{"EIP712Domain",
           Json::array({{{"name", "name"}, {"type", "string"}}, {{"name", "version"}, {"type", "string"}},
                        {{"name", "chainId"}, {"type", "uint256"}}, {{"name", "verifyingContract"}, {"type", "address"}}})},
          {"Manifest",
           Json::array({{{"name", "provider"}, {"type", "address"}}, {{"name", "kind"}, {"type", "uint8"}},
                        {{"name", "price"}, {"type", "uint256"}}, {{"name", "unit"}, {"type", "bytes32"}},
                        {{"name", "metadataURI"}, {"type", "string"}}, {{"name", "metadataHash"}, {"type", "bytes32"}},
                        {{"name", "rune"}, {"type", "Rune"}}, {{"name", "nonce"}, {"type", "uint256"}}})},
          {"Rune",
           Json::array({{{"name", "agent"}, {"type", "address"}}, {{"name", "developer"}, {"type", "address"}},
                        {{"name", "infra"}, {"type", "address"}}, {{"name", "developerBps"}, {"type", "uint16"}},
                        {{"name", "infraBps"}, {"type", "uint16"}}, {{"name", "stakersBps"}, {"type", "uint16"}}})}}},
        {"primaryType", "Manifest"},
        {"domain",
         {{"name", "Computronium Marketplace"}, {"version", "1"}, {"chainId", std::to_string(chainId)},
          {"verifyingContract", marketplace}}},
        {"message",
         {{"provider", l.provider},
          {"kind", std::to_string(l.kind)},
          {"price", toDecimal(l.price)},
          {"unit", unitBytes32(l.unit)},
          {"metadataURI", l.metadataUri},
          {"metadataHash", l.metadataHash},
          {"rune",
           {{"agent", runeField(r, "agent", "0x0000000000000000000000000000000000000000")},
            {"developer", runeField(r, "developer", "0x0000000000000000000000000000000000000000")},
            {"infra", runeField(r, "infra", "0x0000000000000000000000000000000000000000")},
            {"developerBps", runeField(r, "developerBps", "0")},
            {"infraBps", runeField(r, "infraBps", "0")},
            {"stakersBps", runeField(r, "stakersBps", "0")}}},
          {"nonce", std::to_string(nonce)}}}};
}

ManifestCheck checkManifest(const storage::ListingRecord& l, std::uint64_t chainId, const std::string& marketplace) {
    ManifestCheck out;
    if (!l.signature || !l.signedNonce) return out;
    out.signedListing = true;
    auto digest = encoding::eip712Digest(manifestTypedData(l, chainId, marketplace, *l.signedNonce));
    if (!digest) {
        out.error = digest.error().message;
        return out;
    }
    out.digest = toHex(*digest);
    auto sig = fromHex(*l.signature);
    if (!sig || sig->size() != 65) {
        out.error = "signature is not 65 bytes";
        return out;
    }
    Bytes s = *sig;
    if (s[64] >= 27) s[64] = static_cast<std::uint8_t>(s[64] - 27);
    auto key = crypto::recoverPublicKey(*digest, s);
    if (!key) {
        out.error = key.error().message;
        return out;
    }
    out.signer = encoding::toChecksumAddress(crypto::addressOf(*key));
    out.matchesProvider = storage::lowerHex(*out.signer) == storage::lowerHex(l.provider);
    return out;
}

Status checkContractSigner(ManifestCheck& check, const storage::ListingRecord& l, rpc::RpcClient& client) {
    if (!check.signedListing || check.matchesProvider || check.digest.empty() || !l.signature) return Ok{};
    CTRN_ASSIGN(Json code, client.call("eth_getCode", Json::array({l.provider, "latest"})));
    if (!code.is_string() || code.get<std::string>().size() <= 2) return Ok{}; // a key, not a contract
    CTRN_ASSIGN(Json head, client.call("eth_blockNumber"));
    if (!head.is_string()) return makeError(ErrorCode::NodeError, "the node returned no block number");
    CTRN_ASSIGN(Bytes digest, fromHex(check.digest));
    CTRN_ASSIGN(Bytes signature, fromHex(*l.signature));
    std::vector<encoding::AbiValue> args{encoding::AbiValue::bytes(std::move(digest)), encoding::AbiValue::bytes(std::move(signature))};
    CTRN_ASSIGN(Bytes data, encoding::encodeCall("isValidSignature(bytes32,bytes)", args));
    auto answer = client.call("eth_call", Json::array({Json{{"to", l.provider}, {"data", toHex(data)}}, head}));
    if (!answer) return Ok{}; // it reverted or has no such function: not accepted
    if (!answer->is_string()) return makeError(ErrorCode::NodeError, "isValidSignature: the node returned no data");
    const std::string word = answer->get<std::string>();
    // bytes4 0x1626ba7e, left-aligned in its 32-byte word.
    if (word.size() == 66 && word.compare(0, 10, "0x1626ba7e") == 0 && word.find_first_not_of('0', 10) == std::string::npos) {
        check.contractSigner = true;
        check.matchesProvider = true;
        if (auto provider = chain::Address::fromHex(l.provider)) check.signer = provider->checksummed();
        check.error.clear();
        check.contractCheckedAt = std::to_string(std::stoull(head.get<std::string>().substr(2), nullptr, 16));
    }
    return Ok{};
}

Json manifestCheckJson(const ManifestCheck& c) {
    if (!c.signedListing) return {{"signed", false}};
    Json j = {{"signed", true}, {"signer", c.signer ? Json(*c.signer) : Json(nullptr)},
              {"matchesProvider", c.matchesProvider}, {"digest", c.digest}};
    j["signerKind"] = c.contractSigner ? "contract" : "key";
    if (c.contractSigner) j["contractCheckedAt"] = c.contractCheckedAt;
    if (!c.error.empty()) j["error"] = c.error;
    return j;
}

} // namespace ctrn::protocol
