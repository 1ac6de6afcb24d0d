#include <core/chain/receipt.h>

#include <core/chain/json_fields.h>
#include <core/encoding/rlp.h>

namespace ctrn::chain {

namespace {

Result<Log> logFromJson(const Json& object) {
    Log log;
    CTRN_ASSIGN(log.address, json::address(object, "address"));
    CTRN_ASSIGN(log.data, json::data(object, "data"));
    auto topics = object.find("topics");
    if (topics == object.end() || !topics->is_array())
        return makeError(ErrorCode::InvalidInput, "log: field 'topics': expected an array");
    for (const auto& t : *topics) {
        if (!t.is_string()) return makeError(ErrorCode::InvalidInput, "log: topics must be hex strings");
        auto h = Hash::fromHex(t.get<std::string>());
        if (!h) return makeError(ErrorCode::InvalidInput, "log: topic: " + h.error().message);
        log.topics.push_back(*h);
    }
    return log;
}

} // namespace

Result<Receipt> receiptFromJson(const Json& object) {
    if (!object.is_object()) return makeError(ErrorCode::InvalidInput, "receipt: expected a JSON object");
    Receipt r;
    CTRN_ASSIGN(auto type, json::optionalQuantity(object, "type"));
    if (type) {
        if (*type > 0x7f) return makeError(ErrorCode::InvalidInput, "receipt: type out of range");
        r.type = static_cast<std::uint8_t>(*type);
    }
    CTRN_ASSIGN(auto status, json::optionalQuantity(object, "status"));
    if (status) {
        if (*status > 1) return makeError(ErrorCode::InvalidInput, "receipt: status must be 0 or 1");
        r.status = *status == 1;
    } else {
        CTRN_ASSIGN(r.postStateRoot, json::optionalHash(object, "root"));
        if (!r.postStateRoot) return makeError(ErrorCode::InvalidInput, "receipt: neither 'status' nor 'root'");
    }
    CTRN_ASSIGN(r.cumulativeGasUsed, json::quantity64(object, "cumulativeGasUsed"));
    CTRN_ASSIGN(r.logsBloom, json::fixedData<256>(object, "logsBloom"));
    CTRN_ASSIGN(r.transactionHash, json::optionalHash(object, "transactionHash"));
    auto logs = object.find("logs");
    if (logs == object.end() || !logs->is_array()) return makeError(ErrorCode::InvalidInput, "receipt: field 'logs': expected an array");
    for (const auto& l : *logs) {
        CTRN_ASSIGN(Log log, logFromJson(l));
        r.logs.push_back(std::move(log));
    }
    return r;
}

Result<std::vector<Receipt>> receiptsFromJson(const Json& array) {
    if (!array.is_array()) return makeError(ErrorCode::InvalidInput, "receipts: expected a JSON array");
    std::vector<Receipt> out;
    out.reserve(array.size());
    for (std::size_t i = 0; i < array.size(); ++i) {
        auto r = receiptFromJson(array[i]);
        if (!r) return std::move(r).withContext("receipt " + std::to_string(i)).error();
        out.push_back(std::move(r).value());
    }
    return out;
}

Bytes encodeReceipt(const Receipt& r) {
    using namespace encoding;
    std::vector<Bytes> logs;
    logs.reserve(r.logs.size());
    for (const auto& log : r.logs) {
        std::vector<Bytes> topics;
        for (const auto& t : log.topics) topics.push_back(rlpEncodeBytes(t.view()));
        std::vector<Bytes> fields{rlpEncodeBytes(log.address.view()), rlpEncodeList(topics), rlpEncodeBytes(log.data)};
        logs.push_back(rlpEncodeList(fields));
    }
    std::vector<Bytes> fields;
    fields.push_back(r.status ? rlpEncodeUint(*r.status ? 1 : 0) : rlpEncodeBytes(r.postStateRoot->view()));
    fields.push_back(rlpEncodeUint(r.cumulativeGasUsed));
    fields.push_back(rlpEncodeBytes(r.logsBloom));
    fields.push_back(rlpEncodeList(logs));
    Bytes body = rlpEncodeList(fields);
    if (r.type == 0) return body;
    Bytes out;
    out.reserve(body.size() + 1);
    out.push_back(r.type);
    append(out, body);
    return out;
}

} // namespace ctrn::chain
