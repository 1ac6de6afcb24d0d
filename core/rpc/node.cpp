#include <core/rpc/node.h>

#include <core/chain/json_fields.h>
#include <core/encoding/abi.h>
#include <core/util/hex.h>

#include <algorithm>
#include <cctype>
#include <vector>

namespace ctrn::rpc {
namespace {

Result<U256> quantityResult(const Json& value, const char* what) {
    if (!value.is_string()) return makeError(ErrorCode::Network, std::string(what) + ": node returned " + value.dump());
    auto v = parseU256(value.get<std::string>());
    if (!v) return makeError(ErrorCode::Network, std::string(what) + ": node returned " + value.dump());
    return v;
}

U256 median(std::vector<U256> v) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

const U256 kGwei = 1000000000;

} // namespace

std::optional<FeeLevel> parseFeeLevel(std::string_view text) {
    if (text == "slow") return FeeLevel::Slow;
    if (text == "normal") return FeeLevel::Normal;
    if (text == "fast") return FeeLevel::Fast;
    return std::nullopt;
}

Json callRequestToJson(const CallRequest& r) {
    Json j = Json::object();
    if (r.from) j["from"] = r.from->lowerHex();
    if (r.to) j["to"] = r.to->lowerHex();
    if (r.value != 0) j["value"] = toQuantityHex(r.value);
    if (!r.data.empty()) j["data"] = toHex(r.data);
    return j;
}

Result<FeeEstimates> feeEstimatesFromHistory(const Json& history) {
    if (!history.is_object() || !history.contains("baseFeePerGas") || !history["baseFeePerGas"].is_array() ||
        history["baseFeePerGas"].empty())
        return makeError(ErrorCode::Network, "eth_feeHistory: malformed answer");
    // The last entry is the base fee of the next block.
    CTRN_ASSIGN(U256 base, quantityResult(history["baseFeePerGas"].back(), "eth_feeHistory"));
    std::vector<U256> tips[3];
    if (history.contains("reward") && history["reward"].is_array()) {
        for (const auto& block : history["reward"]) {
            if (!block.is_array() || block.size() != 3) continue;
            for (int i = 0; i < 3; ++i) {
                CTRN_ASSIGN(U256 tip, quantityResult(block[static_cast<std::size_t>(i)], "eth_feeHistory"));
                // Empty blocks report 0 for every percentile; they say
                // nothing about what it takes to get in.
                if (tip > 0) tips[i].push_back(tip);
            }
        }
    }
    // Fallbacks for an idle chain (devnet): tips that any node accepts.
    U256 slowTip = tips[0].empty() ? kGwei / 10 : median(tips[0]);
    U256 normalTip = tips[1].empty() ? kGwei : median(tips[1]);
    U256 fastTip = tips[2].empty() ? 2 * kGwei : median(tips[2]);
    normalTip = std::max(normalTip, slowTip);
    fastTip = std::max(fastTip, normalTip);
    FeeEstimates out;
    out.baseFee = base;
    out.slow = {base * 5 / 4 + slowTip, slowTip};
    out.normal = {base * 2 + normalTip, normalTip};
    out.fast = {base * 2 + fastTip, fastTip};
    return out;
}

Result<std::uint64_t> EthNode::blockNumber() {
    CTRN_ASSIGN(auto r, m_client.call("eth_blockNumber"));
    CTRN_ASSIGN(U256 n, quantityResult(r, "eth_blockNumber"));
    return static_cast<std::uint64_t>(n);
}

Result<Unverified<U256>> EthNode::balance(const chain::Address& account, const std::string& block) {
    CTRN_ASSIGN(auto r, m_client.call("eth_getBalance", Json::array({account.lowerHex(), block})));
    CTRN_ASSIGN(U256 v, quantityResult(r, "eth_getBalance"));
    return Unverified<U256>(v);
}

Result<Unverified<U256>> EthNode::transactionCount(const chain::Address& account, const std::string& block) {
    CTRN_ASSIGN(auto r, m_client.call("eth_getTransactionCount", Json::array({account.lowerHex(), block})));
    CTRN_ASSIGN(U256 v, quantityResult(r, "eth_getTransactionCount"));
    return Unverified<U256>(v);
}

Result<Unverified<Bytes>> EthNode::call(const CallRequest& request, const std::string& block) {
    CTRN_ASSIGN(auto r, m_client.call("eth_call", Json::array({callRequestToJson(request), block})));
    if (!r.is_string()) return makeError(ErrorCode::Network, "eth_call: node returned " + r.dump());
    auto bytes = fromHex(r.get<std::string>());
    if (!bytes) return makeError(ErrorCode::Network, "eth_call: node returned " + r.dump());
    return Unverified<Bytes>(std::move(bytes).value());
}

Result<Unverified<U256>> EthNode::tokenBalance(const chain::Address& token, const chain::Address& owner) {
    std::vector<encoding::AbiValue> args{encoding::AbiValue::address(owner.bytes())};
    CTRN_ASSIGN(auto data, encoding::encodeCall("balanceOf(address)", args));
    CTRN_ASSIGN(auto out, call({std::nullopt, token, 0, data}));
    std::vector<encoding::AbiType> types{encoding::AbiType::uint()};
    auto values = encoding::abiDecode(types, out.unverifiedValue());
    if (!values) return makeError(ErrorCode::InvalidInput, "token " + token.checksummed() + " did not answer balanceOf (not an ERC-20?)");
    CTRN_ASSIGN(U256 v, values->front().toU256());
    return Unverified<U256>(v);
}

Result<unsigned> EthNode::tokenDecimals(const chain::Address& token) {
    CTRN_ASSIGN(auto data, encoding::encodeCall("decimals()", {}));
    CTRN_ASSIGN(auto out, call({std::nullopt, token, 0, data}));
    std::vector<encoding::AbiType> types{encoding::AbiType::uint(8)};
    auto values = encoding::abiDecode(types, out.unverifiedValue());
    if (!values) return makeError(ErrorCode::InvalidInput, "token " + token.checksummed() + " did not answer decimals()");
    CTRN_ASSIGN(U256 v, values->front().toU256());
    return static_cast<unsigned>(v);
}

Result<U256> EthNode::estimateGas(const CallRequest& request) {
    CTRN_ASSIGN(auto r, m_client.call("eth_estimateGas", Json::array({callRequestToJson(request)})));
    return quantityResult(r, "eth_estimateGas");
}

Result<U256> EthNode::estimateGasWithMargin(const CallRequest& request, unsigned marginPercent) {
    CTRN_ASSIGN(U256 gas, estimateGas(request));
    // A plain transfer to an account without code costs exactly 21000.
    if (gas == 21000 && request.data.empty()) return gas;
    return gas * (100 + marginPercent) / 100;
}

Result<FeeEstimates> EthNode::estimateFees() {
    CTRN_ASSIGN(auto r, m_client.call("eth_feeHistory", Json::array({"0x14", "latest", {10, 50, 90}})));
    return feeEstimatesFromHistory(r);
}

Result<chain::Hash> EthNode::sendRawTransaction(ByteView raw) {
    CTRN_ASSIGN(auto r, m_client.send("eth_sendRawTransaction", Json::array({toHex(raw)})));
    if (!r.is_string()) return makeError(ErrorCode::Network, "eth_sendRawTransaction: node returned " + r.dump());
    auto h = chain::Hash::fromHex(r.get<std::string>());
    if (!h) return makeError(ErrorCode::Network, "eth_sendRawTransaction: node returned " + r.dump());
    return h;
}

Result<std::optional<ReceiptInfo>> EthNode::receipt(const chain::Hash& hash) {
    CTRN_ASSIGN(auto r, m_client.call("eth_getTransactionReceipt", Json::array({hash.hex()})));
    if (r.is_null()) return std::optional<ReceiptInfo>();
    if (!r.is_object()) return makeError(ErrorCode::Network, "eth_getTransactionReceipt: malformed answer");
    ReceiptInfo info;
    info.transactionHash = hash;
    auto block = chain::json::quantity64(r, "blockNumber");
    if (!block) return makeError(ErrorCode::Network, "eth_getTransactionReceipt: " + block.error().message);
    info.blockNumber = *block;
    auto status = chain::json::optionalQuantity(r, "status");
    info.success = status && *status && **status == 1;
    if (auto g = chain::json::optionalQuantity(r, "gasUsed"); g && *g) info.gasUsed = **g;
    if (auto p = chain::json::optionalQuantity(r, "effectiveGasPrice"); p && *p) info.effectiveGasPrice = **p;
    return std::optional<ReceiptInfo>(info);
}

Result<bool> EthNode::knowsTransaction(const chain::Hash& hash) {
    CTRN_ASSIGN(auto r, m_client.call("eth_getTransactionByHash", Json::array({hash.hex()})));
    return !r.is_null();
}

bool isRangeTooLarge(const Error& error) {
    if (error.code != ErrorCode::NodeError && error.code != ErrorCode::Network && error.code != ErrorCode::Timeout) return false;
    if (error.code == ErrorCode::Timeout) return true; // a huge range can time out where a small one answers
    std::string m = error.message;
    for (auto& c : m) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* needle : {"too many results", "query returned more than", "more than", "response size", "too large",
                               "block range", "range is too", "limit exceeded", "exceeds", "http 413", "too big",
                               "max results", "result window"})
        if (m.find(needle) != std::string::npos) return true;
    return false;
}

} // namespace ctrn::rpc
