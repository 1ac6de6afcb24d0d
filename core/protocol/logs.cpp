#include <core/protocol/logs.h>

#include <core/rpc/revert.h>
#include <core/util/hex.h>

#include <mutex>

namespace ctrn::protocol {

Result<RawLog> rawLogFromJson(const Json& log) {
    if (!log.is_object()) return makeError(ErrorCode::InvalidEncoding, "a log is not a JSON object");
    RawLog out;
    CTRN_ASSIGN(out.address, chain::Address::fromHex(log.value("address", std::string())));
    for (const auto& t : log.value("topics", Json::array())) {
        if (!t.is_string()) return makeError(ErrorCode::InvalidEncoding, "a log topic is not a string");
        CTRN_ASSIGN(auto topic, fixedFromHex<32>(t.get<std::string>(), "log topic"));
        out.topics.push_back(topic);
    }
    CTRN_ASSIGN(out.data, fromHex(log.value("data", std::string("0x"))));
    return out;
}

RawLog rawLog(const chain::Log& log) {
    RawLog out;
    out.address = log.address;
    for (const auto& t : log.topics) out.topics.push_back(t.bytes());
    out.data = log.data;
    return out;
}

Result<DecodedEvent> decodeLog(const ContractAbi& abi, const RawLog& log) { return abi.decodeLog(log.topics, log.data); }

std::optional<DecodedEvent> decodeProtocolLog(const Protocol& protocol, const RawLog& log) {
    auto name = protocol.contractAt(log.address);
    if (!name) return std::nullopt;
    auto abi = protocol.abis().contract(*name);
    if (!abi) return std::nullopt;
    auto decoded = decodeLog(**abi, log);
    if (!decoded) return std::nullopt;
    return std::move(decoded).value();
}

std::vector<DecodedEvent> decodeReceiptEvents(const Protocol& protocol, const Json& receipt) {
    std::vector<DecodedEvent> out;
    if (!receipt.is_object() || !receipt.contains("logs")) return out;
    for (const auto& log : receipt["logs"]) {
        auto raw = rawLogFromJson(log);
        if (!raw) continue;
        if (auto decoded = decodeProtocolLog(protocol, *raw)) out.push_back(std::move(*decoded));
    }
    return out;
}

void registerProtocolErrors() {
    static std::once_flag once;
    std::call_once(once, [] {
        auto abis = ProtocolAbis::load();
        if (!abis) return;
        for (const auto& [name, abi] : abis->all())
            for (const auto& e : abi.errors()) rpc::registerCustomError(e.signature);
    });
}

} // namespace ctrn::protocol
