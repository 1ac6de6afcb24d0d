#include <core/wallet/transfer_scan.h>

#include <core/chain/hash.h>
#include <core/chain/json_fields.h>
#include <core/encoding/abi.h>
#include <core/rpc/node.h>
#include <core/util/hex.h>
#include <core/util/text.h>

#include <algorithm>
#include <map>
#include <set>

namespace ctrn::wallet {
namespace {

std::string quantity(std::uint64_t n) { return toQuantityHex(U256(n)); }

// An address as an indexed topic: 12 zero bytes, then its 20.
std::string addressTopic(const chain::Address& a) { return "0x000000000000000000000000" + a.lowerHex().substr(2); }

Result<chain::Address> topicAddress(const Json& topic) {
    if (!topic.is_string()) return makeError(ErrorCode::Network, "eth_getLogs: malformed topic");
    CTRN_ASSIGN(auto bytes, fixedFromHex<32>(topic.get<std::string>(), "log topic"));
    FixedBytes<20> a{};
    std::copy(bytes.begin() + 12, bytes.end(), a.begin());
    return chain::Address(a);
}

struct Block {
    std::string hash;
    std::int64_t timestamp = 0;
};

// Hash and time of each block in `numbers` (batched); a block the node does
// not have (it rewound) is left out.
Result<std::map<std::uint64_t, Block>> blocks(rpc::RpcClient& client, const std::set<std::uint64_t>& numbers) {
    std::map<std::uint64_t, Block> out;
    if (numbers.empty()) return out;
    std::vector<rpc::Request> requests;
    for (auto n : numbers) requests.push_back({"eth_getBlockByNumber", Json::array({quantity(n), false})});
    CTRN_ASSIGN(auto replies, client.batch(requests));
    auto n = numbers.begin();
    for (std::size_t i = 0; i < replies.size() && n != numbers.end(); ++i, ++n) {
        if (!replies[i]) return replies[i].error();
        const Json& block = *replies[i];
        if (block.is_null()) continue;
        CTRN_ASSIGN(auto hash, chain::json::hash(block, "hash"));
        CTRN_ASSIGN(auto ts, chain::json::quantity64(block, "timestamp"));
        out[*n] = {hash.hex(), static_cast<std::int64_t>(ts)};
    }
    return out;
}

} // namespace

Result<TransferScanReport> scanTokenTransfers(rpc::RpcClient& client, storage::WalletStore& store, std::uint64_t chainId,
                                              const chain::Address& token, const chain::Address& account,
                                              std::uint64_t startBlock, const TransferScanOptions& options) {
    CTRN_ASSIGN(auto transferTopic, encoding::eventTopic("Transfer(address,address,uint256)"));
    CTRN_ASSIGN(auto valueType, encoding::parseAbiTypes("uint256"));
    const std::string topic0 = toHex(ByteView(transferTopic.data(), transferTopic.size()));
    const std::string me = addressTopic(account);
    const std::string accountText = account.checksummed(), tokenText = token.checksummed();

    CTRN_ASSIGN(auto headJson, client.call("eth_blockNumber"));
    CTRN_ASSIGN(auto head, chain::json::toU256(headJson, "block number"));
    if (head > U256(INT64_MAX)) return makeError(ErrorCode::Network, "eth_blockNumber: malformed reply");
    const auto target = static_cast<std::uint64_t>(head);

    TransferScanReport report;
    CTRN_ASSIGN(auto scanned, store.transferScannedTo(chainId, accountText, tokenText));
    std::uint64_t from = startBlock;
    // A mark far above the node's head: the chain was reset (a fresh devnet
    // on the same chain id); what was stored is looked at again from the start.
    if (scanned && *scanned >= 0 && static_cast<std::uint64_t>(*scanned) <= target + options.reorgDepth) {
        const auto next = static_cast<std::uint64_t>(*scanned) + 1;
        from = std::max(startBlock, next > options.reorgDepth ? next - options.reorgDepth : 0);
    }
    report.from = from;
    report.to = from > 0 ? from - 1 : 0;
    std::uint64_t range = options.initialRange;
    int retries = 0;
    while (from <= target) {
        const std::uint64_t to = std::min(target, from + range - 1);
        // Two filters: topic positions cannot be ORed with each other.
        Json logs = Json::array();
        bool tooLarge = false;
        for (const Json& topics : {Json::array({topic0, me}), Json::array({topic0, nullptr, me})}) {
            Json filter = {{"fromBlock", quantity(from)}, {"toBlock", quantity(to)}, {"address", token.lowerHex()}, {"topics", topics}};
            auto part = client.call("eth_getLogs", Json::array({filter}));
            if (!part) {
                if (rpc::isRangeTooLarge(part.error()) && range > options.minRange) {
                    tooLarge = true;
                    break;
                }
                return part.error();
            }
            if (!part->is_array()) return makeError(ErrorCode::Network, "eth_getLogs: malformed reply");
            for (auto& log : *part) logs.push_back(std::move(log));
        }
        if (tooLarge) {
            range = std::max(options.minRange, (to - from + 1) / 2);
            report.shrinks++;
            continue;
        }

        std::set<std::uint64_t> numbers;
        for (const auto& log : logs) {
            CTRN_ASSIGN(auto n, chain::json::quantity64(log, "blockNumber"));
            numbers.insert(n);
        }
        CTRN_ASSIGN(auto known, blocks(client, numbers));
        std::vector<storage::TokenTransferRecord> found;
        std::set<std::pair<std::string, std::uint64_t>> seen; // a transfer to oneself matches both filters
        bool moved = false;
        for (const auto& log : logs) {
            CTRN_ASSIGN(auto n, chain::json::quantity64(log, "blockNumber"));
            auto block = known.find(n);
            if (log.value("removed", false) || block == known.end() || block->second.hash != asciiLower(log.value("blockHash", std::string()))) {
                moved = true; // the chain changed between the logs and the headers
                break;
            }
            const Json& topics = log.value("topics", Json::array());
            // ERC-721's Transfer has the same topic 0 and a fourth topic; the
            // node may also send what was not asked for.
            CTRN_ASSIGN(auto emitter, chain::json::address(log, "address"));
            if (emitter != token || !topics.is_array() || topics.size() != 3 || asciiLower(topics[0].get<std::string>()) != topic0) continue;
            CTRN_ASSIGN(auto sender, topicAddress(topics[1]));
            CTRN_ASSIGN(auto recipient, topicAddress(topics[2]));
            if (sender != account && recipient != account) continue;
            CTRN_ASSIGN(Bytes data, chain::json::data(log, "data"));
            auto values = encoding::abiDecode(valueType, data);
            if (!values) return makeError(ErrorCode::Network, "Transfer log at block " + std::to_string(n) + " does not decode: " + values.error().message);
            CTRN_ASSIGN(U256 amount, (*values)[0].toU256());
            CTRN_ASSIGN(auto txHash, chain::json::hash(log, "transactionHash"));
            CTRN_ASSIGN(auto logIndex, chain::json::quantity64(log, "logIndex"));
            if (!seen.insert({txHash.hex(), logIndex}).second) continue;
            found.push_back({accountText, txHash.hex(), static_cast<std::int64_t>(logIndex), tokenText, sender.checksummed(),
                             recipient.checksummed(), toDecimal(amount), static_cast<std::int64_t>(n), block->second.hash,
                             block->second.timestamp});
        }
        if (moved) {
            if (++retries > options.maxRetries)
                return makeError(ErrorCode::Network, "the chain keeps changing at blocks " + std::to_string(from) + "-" + std::to_string(to));
            continue;
        }
        CTRN_ASSIGN(auto changed, store.storeTransferScan(chainId, accountText, tokenText, static_cast<std::int64_t>(from), found,
                                                        static_cast<std::int64_t>(to)));
        report.changed += changed;
        report.ranges++;
        report.to = to;
        const std::uint64_t size = to - from + 1;
        if (logs.size() > options.targetLogs) range = std::max(options.minRange, size / 2);
        else if (logs.size() < options.targetLogs / 4 && size >= range) range = std::min(options.maxRange, range * 2);
        from = to + 1;
        retries = 0;
    }
    return report;
}

} // namespace ctrn::wallet
