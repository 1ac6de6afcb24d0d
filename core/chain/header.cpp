#include <core/chain/header.h>

#include <core/chain/json_fields.h>
#include <core/crypto/keccak.h>
#include <core/encoding/rlp.h>

namespace ctrn::chain {

std::string Header::fork() const {
    if (requestsHash) return "prague";
    if (parentBeaconBlockRoot) return "cancun";
    if (withdrawalsRoot) return "shanghai";
    if (baseFeePerGas) return "london";
    return "pre-london";
}

namespace {

Result<Header> parseHeaderFields(const Json& block) {
    Header h;
    CTRN_ASSIGN(h.parentHash, json::hash(block, "parentHash"));
    CTRN_ASSIGN(h.ommersHash, json::hash(block, "sha3Uncles"));
    CTRN_ASSIGN(h.beneficiary, json::address(block, "miner"));
    CTRN_ASSIGN(h.stateRoot, json::hash(block, "stateRoot"));
    CTRN_ASSIGN(h.transactionsRoot, json::hash(block, "transactionsRoot"));
    CTRN_ASSIGN(h.receiptsRoot, json::hash(block, "receiptsRoot"));
    CTRN_ASSIGN(h.logsBloom, json::fixedData<256>(block, "logsBloom"));
    CTRN_ASSIGN(h.difficulty, json::quantity(block, "difficulty"));
    CTRN_ASSIGN(h.number, json::quantity64(block, "number"));
    CTRN_ASSIGN(h.gasLimit, json::quantity64(block, "gasLimit"));
    CTRN_ASSIGN(h.gasUsed, json::quantity64(block, "gasUsed"));
    CTRN_ASSIGN(h.timestamp, json::quantity64(block, "timestamp"));
    CTRN_ASSIGN(h.extraData, json::data(block, "extraData"));
    CTRN_ASSIGN(h.mixHash, json::hash(block, "mixHash"));
    CTRN_ASSIGN(h.nonce, json::fixedData<8>(block, "nonce"));
    CTRN_ASSIGN(h.baseFeePerGas, json::optionalQuantity(block, "baseFeePerGas"));
    CTRN_ASSIGN(h.withdrawalsRoot, json::optionalHash(block, "withdrawalsRoot"));
    CTRN_ASSIGN(h.blobGasUsed, json::optionalQuantity(block, "blobGasUsed"));
    CTRN_ASSIGN(h.excessBlobGas, json::optionalQuantity(block, "excessBlobGas"));
    CTRN_ASSIGN(h.parentBeaconBlockRoot, json::optionalHash(block, "parentBeaconBlockRoot"));
    CTRN_ASSIGN(h.requestsHash, json::optionalHash(block, "requestsHash"));

    return h;
}

} // namespace

Result<Header> headerFromJson(const Json& block) { return parseHeaderFields(block).withContext("header"); }

Bytes encodeHeader(const Header& h) {
    using namespace encoding;
    std::vector<Bytes> f;
    f.reserve(21);
    f.push_back(rlpEncodeBytes(h.parentHash.view()));
    f.push_back(rlpEncodeBytes(h.ommersHash.view()));
    f.push_back(rlpEncodeBytes(h.beneficiary.view()));
    f.push_back(rlpEncodeBytes(h.stateRoot.view()));
    f.push_back(rlpEncodeBytes(h.transactionsRoot.view()));
    f.push_back(rlpEncodeBytes(h.receiptsRoot.view()));
    f.push_back(rlpEncodeBytes(h.logsBloom));
    f.push_back(rlpEncodeUint(h.difficulty));
    f.push_back(rlpEncodeUint(h.number));
    f.push_back(rlpEncodeUint(h.gasLimit));
    f.push_back(rlpEncodeUint(h.gasUsed));
    f.push_back(rlpEncodeUint(h.timestamp));
    f.push_back(rlpEncodeBytes(h.extraData));
    f.push_back(rlpEncodeBytes(h.mixHash.view()));
    f.push_back(rlpEncodeBytes(h.nonce));
    if (h.baseFeePerGas) f.push_back(rlpEncodeUint(*h.baseFeePerGas));
    if (h.withdrawalsRoot) f.push_back(rlpEncodeBytes(h.withdrawalsRoot->view()));
    if (h.blobGasUsed) f.push_back(rlpEncodeUint(*h.blobGasUsed));
    if (h.excessBlobGas) f.push_back(rlpEncodeUint(*h.excessBlobGas));
    if (h.parentBeaconBlockRoot) f.push_back(rlpEncodeBytes(h.parentBeaconBlockRoot->view()));
    if (h.requestsHash) f.push_back(rlpEncodeBytes(h.requestsHash->view()));
    return rlpEncodeList(f);
}

Hash headerHash(const Header& header) { return Hash(crypto::keccak256(encodeHeader(header))); }

Result<Hash> verifyBlockHash(const Json& block) {
    CTRN_ASSIGN(Header header, headerFromJson(block));
    Hash computed = headerHash(header);
    if (block.is_object() && block.contains("hash") && !block["hash"].is_null()) {
        CTRN_ASSIGN(Hash claimed, json::hash(block, "hash"));
        if (claimed != computed)
            return makeError(ErrorCode::VerificationFailed,
                             "header hash mismatch: block says " + claimed.hex() + ", fields hash to " + computed.hex());
    }
    return computed;
}

} // namespace ctrn::chain
