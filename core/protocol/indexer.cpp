#include <core/protocol/indexer.h>

#include <core/protocol/logs.h>
#include <core/rpc/node.h>
#include <core/util/hex.h>
#include <core/util/text.h>

#include <algorithm>
#include <set>

namespace ctrn::protocol {
namespace {

std::string quantity(std::uint64_t n) { return toQuantityHex(U256(n)); }

Result<std::uint64_t> parseQuantity(const Json& j, const char* what) {
    if (!j.is_string()) return makeError(ErrorCode::Network, std::string("malformed ") + what + " in node reply");
    auto v = parseU256(j.get<std::string>());
    if (!v || *v > U256(INT64_MAX)) return makeError(ErrorCode::Network, std::string("malformed ") + what + " in node reply");
    return static_cast<std::uint64_t>(*v);
}

// The events applied to the derived tables (ProtocolStore::applyEvent);
// only these are asked for, so a busy contract's other events cost nothing.
const std::map<std::string, std::vector<std::string>>& followedEvents() {
    static const std::vector<std::string> governor = {"ProposalCreated", "VoteCast", "VoteCastWithParams", "ProposalQueued",
                                                      "ProposalExecuted", "ProposalCanceled", "ProposalCited"};
    static const std::map<std::string, std::vector<std::string>> events = {
        {"StakingHub", {"AgentRegistered", "AgentUpdated", "CommissionChanged", "Staked", "UnstakeRequested", "AgentSlashed"}},
        {"Reputation", {"ReputationMinted", "ReputationSlashed"}},
        {"TokenGovernor", governor},
        {"QuadraticGovernor", governor},
        {"MemberGovernor", governor},
        {"Marketplace", {"ListingCreated", "ListingSigned", "ListingUpdated", "Purchased", "Delivered", "Refunded", "Settled",
                         "Disputed", "DisputeResolved"}},
        {"ModelRegistry", {"ModelRegistered", "ModelUpdated", "VersionPublished", "ModelDeprecated", "ModelRetired",
                           "ModelReviewed", "ModelRated"}},
        {"ValidationPool", {"PoolOpened", "PoolVoted", "PoolResolved"}},
        {"RevenueDistributor", {"RevenueReceived", "EpochFinalized", "Claimed"}},
    };
    return events;
}

} // namespace

const std::vector<std::string>& indexedContracts() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const auto& [name, events] : followedEvents()) out.push_back(name);
        return out;
    }();
    return names;
}

bool isRangeTooLarge(const Error& error) { return rpc::isRangeTooLarge(error); }

Indexer::Indexer(rpc::RpcClient& client, storage::ProtocolStore& store, const chain::Deployment& deployment,
                 const ProtocolAbis& abis, IndexerOptions options)
    : m_client(client), m_store(store), m_deployment(deployment), m_options(options), m_range(options.initialRange) {
    Json topics = Json::array();
    for (const auto& [name, events] : followedEvents()) {
        auto it = deployment.contracts.find(name);
        if (it == deployment.contracts.end()) continue; // a deployment without, e.g., the quadratic governor
        auto abi = abis.contract(name);
        if (!abi) {
            m_setup = abi.error();
            return;
        }
        std::string address = asciiLower(it->second.checksummed());
        m_byAddress[address] = *abi;
        m_addresses.push_back(address);
        for (const auto& e : events) {
            auto event = (*abi)->event(e);
            if (!event) {
                m_setup = event.error();
                return;
            }
            std::string topic = toHex((*event)->topic0);
            if (std::find(topics.begin(), topics.end(), topic) == topics.end()) topics.push_back(topic);
        }
    }
    m_topics = Json::array({topics});
    std::string market = deployment.contracts.count("Marketplace") ? asciiLower(deployment.contracts.at("Marketplace").checksummed()) : "";
    m_deploymentKey = std::to_string(deployment.chainId) + ":" + std::to_string(deployment.deployBlock) + ":" + market;
}

Status Indexer::checkDeployment(IndexReport& report) {
    CTRN_ASSIGN(auto stored, m_store.meta("deployment"));
    if (stored && *stored == m_deploymentKey) return Ok{};
    if (stored) {
        // Another chain or a redeployed devnet: its events would mix with ours.
        CTRN_TRY(m_store.rollbackTo(-1));
        CTRN_TRY(m_store.database().exec("DELETE FROM meta WHERE key = 'indexed_to'"));
        report.reset = true;
    }
    return m_store.setMeta("deployment", m_deploymentKey);
}

Result<std::map<std::int64_t, std::pair<std::string, std::int64_t>>> Indexer::headers(const std::vector<std::int64_t>& numbers) {
    std::map<std::int64_t, std::pair<std::string, std::int64_t>> out;
    if (numbers.empty()) return out;
    std::vector<rpc::Request> requests;
    for (auto n : numbers)
        requests.push_back({"eth_getBlockByNumber", Json::array({quantity(static_cast<std::uint64_t>(n)), false})});
    CTRN_ASSIGN(auto replies, m_client.batch(requests));
    for (std::size_t i = 0; i < replies.size() && i < numbers.size(); ++i) {
        if (!replies[i]) return replies[i].error();
        const Json& block = *replies[i];
        if (block.is_null()) continue; // beyond the node's head (it rewound)
        if (!block.contains("hash")) return makeError(ErrorCode::Network, "block without hash in node reply");
        CTRN_ASSIGN(auto ts, parseQuantity(block.value("timestamp", Json()), "block timestamp"));
        out[numbers[i]] = {asciiLower(block["hash"].get<std::string>()), static_cast<std::int64_t>(ts)};
    }
    return out;
}

Result<bool> Indexer::checkReorg(IndexReport& report) {
    CTRN_ASSIGN(auto indexed, m_store.indexedTo());
    if (!indexed) return false;
    std::int64_t cursor = *indexed;
    bool first = true;
    for (;;) {
        CTRN_ASSIGN(auto stored, m_store.blocksDescending(cursor, first ? 1 : m_options.reorgBatch));
        if (stored.empty()) {
            // No stored hash is on the node's chain: start over.
            if (first) return false;
            std::int64_t ancestor = static_cast<std::int64_t>(m_deployment.deployBlock) - 1;
            CTRN_TRY(m_store.rollbackTo(ancestor));
            report.reorgs++;
            report.rolledBackTo = ancestor;
            return true;
        }
        std::vector<std::int64_t> numbers;
        for (const auto& b : stored) numbers.push_back(b.number);
        CTRN_ASSIGN(auto node, headers(numbers));
        for (const auto& b : stored) {
            auto it = node.find(b.number);
            if (it != node.end() && it->second.first == asciiLower(b.hash)) {
                if (first) return false; // the tip is still on the chain
                CTRN_TRY(m_store.rollbackTo(b.number));
                report.reorgs++;
                report.rolledBackTo = b.number;
                return true;
            }
        }
        first = false;
        cursor = stored.back().number - 1;
    }
}

Json Indexer::logFilter(std::uint64_t from, std::uint64_t to) const {
    return {{"fromBlock", quantity(from)}, {"toBlock", quantity(to)}, {"address", m_addresses}, {"topics", m_topics}};
}

Result<Json> Indexer::getLogs(std::uint64_t from, std::uint64_t to) {
    return m_client.call("eth_getLogs", Json::array({logFilter(from, to)}));
}

Result<IndexReport> Indexer::sync(const std::function<void(const IndexProgress&)>& progress) {
    CTRN_TRY(m_setup);
    IndexReport report;
    CTRN_TRY(checkDeployment(report));
    CTRN_ASSIGN(auto headJson, m_client.call("eth_blockNumber"));
    CTRN_ASSIGN(std::uint64_t head, parseQuantity(headJson, "block number"));
    report.head = head;
    std::uint64_t target = head > m_options.confirmations ? head - m_options.confirmations : 0;
    if (m_options.stopAt) target = std::min(target, *m_options.stopAt);
    CTRN_TRY(checkReorg(report));
    CTRN_ASSIGN(auto indexed, m_store.indexedTo());
    std::uint64_t from = indexed ? static_cast<std::uint64_t>(*indexed + 1) : m_deployment.deployBlock;
    report.from = from;
    report.to = indexed ? static_cast<std::uint64_t>(*indexed) : (from > 0 ? from - 1 : 0);
    int retries = 0;
    while (from <= target) {
        std::uint64_t to = std::min(target, from + m_range - 1);
        auto logs = getLogs(from, to);
        if (!logs) {
            if (isRangeTooLarge(logs.error()) && m_range > m_options.minRange) {
                m_range = std::max(m_options.minRange, (to - from + 1) / 2);
                report.shrinks++;
                continue;
            }
            return logs.error();
        }
        if (!logs->is_array()) return makeError(ErrorCode::Network, "eth_getLogs: malformed reply");

        // Headers of the range's last block and of every block with events:
        // their hashes guard against reorgs, their times date the events.
        std::set<std::int64_t> numbers = {static_cast<std::int64_t>(to)};
        for (const auto& log : *logs) {
            CTRN_ASSIGN(auto n, parseQuantity(log.value("blockNumber", Json()), "log blockNumber"));
            numbers.insert(static_cast<std::int64_t>(n));
        }
        CTRN_ASSIGN(auto blockInfo, headers(std::vector<std::int64_t>(numbers.begin(), numbers.end())));

        std::vector<storage::ProtocolEvent> events;
        bool moved = blockInfo.size() != numbers.size();
        for (const auto& log : *logs) {
            if (log.value("removed", false)) {
                moved = true;
                break;
            }
            CTRN_ASSIGN(auto n, parseQuantity(log.value("blockNumber", Json()), "log blockNumber"));
            auto block = static_cast<std::int64_t>(n);
            auto info = blockInfo.find(block);
            if (info == blockInfo.end() || info->second.first != asciiLower(log.value("blockHash", std::string()))) {
                moved = true;
                break;
            }
            std::string address = asciiLower(log.value("address", std::string()));
            auto abi = m_byAddress.find(address);
            if (abi == m_byAddress.end()) continue; // the node sent a log we did not ask for
            CTRN_ASSIGN(RawLog raw, rawLogFromJson(log));
            auto decoded = decodeLog(*abi->second, raw);
            if (!decoded)
                return makeError(ErrorCode::VerificationFailed, abi->second->contractName() + " log at block " + std::to_string(block) +
                                                                    " does not decode: " + decoded.error().message);
            CTRN_ASSIGN(auto logIndex, parseQuantity(log.value("logIndex", Json()), "logIndex"));
            events.push_back({block, static_cast<std::int64_t>(logIndex), info->second.second,
                              log.value("transactionHash", std::string()), abi->second->contractName(), decoded->name,
                              decoded->fields});
        }
        if (moved) {
            // The chain changed under this range: find the ancestor again.
            if (++retries > m_options.maxRetries)
                return makeError(ErrorCode::Network, "the chain keeps reorganising at blocks " + std::to_string(from) + "-" + std::to_string(to));
            CTRN_TRY(checkReorg(report));
            CTRN_ASSIGN(auto again, m_store.indexedTo());
            from = again ? static_cast<std::uint64_t>(*again + 1) : m_deployment.deployBlock;
            continue;
        }
        std::sort(events.begin(), events.end(), [](const auto& a, const auto& b) {
            return a.block != b.block ? a.block < b.block : a.logIndex < b.logIndex;
        });
        std::vector<storage::BlockRecord> blocks;
        for (const auto& [number, info] : blockInfo) blocks.push_back({number, info.first, info.second});
        CTRN_TRY(m_store.appendRange(blocks, events, static_cast<std::int64_t>(to)));

        report.events += events.size();
        report.ranges++;
        report.to = to;
        std::uint64_t size = to - from + 1;
        if (events.size() > m_options.targetLogs) m_range = std::max(m_options.minRange, size / 2);
        else if (events.size() < m_options.targetLogs / 4 && size >= m_range) m_range = std::min(m_options.maxRange, m_range * 2);
        if (progress) progress({from, to, head, events.size(), m_range});
        from = to + 1;
        retries = 0;
    }
    return report;
}

Result<std::size_t> Indexer::fetchMetadata(ContentFetcher& fetcher) {
    CTRN_ASSIGN(auto missing, m_store.missingMetadata());
    std::size_t verified = 0;
    for (const auto& [uri, hash] : missing) {
        storage::MetadataRecord record{uri, hash, "verified", "", "", hash};
        auto body = fetcher.fetchVerified(uri, hash);
        if (body) {
            record.body = *body;
            verified++;
        } else {
            record.status = body.error().code == ErrorCode::VerificationFailed ? "mismatch" : "unavailable";
            record.error = body.error().message;
            record.actualHash = "";
        }
        CTRN_TRY(m_store.putMetadata(record));
    }
    if (!missing.empty()) CTRN_TRY(m_store.refreshSearch());
    return verified;
}

} // namespace ctrn::protocol
