// The protocol event indexer: follows the deployment's contracts with
// eth_getLogs and writes the decoded events into the protocol store.
//
// Ranges adapt to the node: a range the node refuses as too large ("query
// returned more than 10000 results", "too many results", "block range",
// "response size", HTTP 413 ...) is halved and retried; a range that came
// back sparse (fewer than a quarter of targetLogs) doubles the next one, a
// dense one (more than targetLogs) halves it.
//
// Reorgs: every indexed range stores the hash of its last block and of each
// block that had events. Before each range the newest stored hash is
// compared with the node's block at that height; on a mismatch the stored
// hashes are walked down (in batches) to the newest one the node still
// has — the common ancestor — the store rolls back to it (truncating the
// log and replaying it into the derived tables) and indexing resumes from
// there. Logs whose blockHash differs from the header fetched for the same
// range (the chain moved mid-range) make the range retry.
#pragma once

#include <core/chain/deployment.h>
#include <core/protocol/contract_abi.h>
#include <core/protocol/content.h>
#include <core/rpc/client.h>
#include <core/storage/protocol_store.h>
#include <core/util/result.h>

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>

namespace ctrn::protocol {

struct IndexerOptions {
    std::uint64_t initialRange = 2000; // blocks per eth_getLogs at first
    std::uint64_t minRange = 1;
    std::uint64_t maxRange = 100000;
    std::size_t targetLogs = 2000;     // logs per range we aim for
    std::uint64_t confirmations = 0;   // stay this many blocks behind the head
    std::optional<std::uint64_t> stopAt; // index no further than this block
    int reorgBatch = 64;               // stored hashes compared per batch while finding the ancestor
    int maxRetries = 8;                // range retries after mid-range chain movement
};

struct IndexProgress {
    std::uint64_t from = 0, to = 0, head = 0;
    std::size_t events = 0;     // in this range
    std::uint64_t range = 0;    // the size the next range will try
};

struct IndexReport {
    std::uint64_t from = 0, to = 0, head = 0;
    std::size_t events = 0, ranges = 0, shrinks = 0, reorgs = 0;
    std::optional<std::int64_t> rolledBackTo; // the last common ancestor, when a reorg was found
    bool reset = false;                       // the store held another deployment and was cleared
};

// Whether the node refused a getLogs range for its size (and a smaller one may pass).
bool isRangeTooLarge(const Error& error);

// The protocol contracts the indexer follows and their event topics.
const std::vector<std::string>& indexedContracts();

class Indexer {
public:
    Indexer(rpc::RpcClient& client, storage::ProtocolStore& store, const chain::Deployment& deployment,
            const ProtocolAbis& abis, IndexerOptions options = {});

    // Indexes from where the store stopped (or the deploy block) up to the
    // head minus confirmations, calling `progress` after each range.
    Result<IndexReport> sync(const std::function<void(const IndexProgress&)>& progress = {});

    // Fetches the metadata documents the store has no verified copy of,
    // keeps each with its verdict and refreshes the search index.
    // Returns how many were verified.
    Result<std::size_t> fetchMetadata(ContentFetcher& fetcher);

    std::uint64_t currentRange() const { return m_range; }
    // The eth_getLogs filter of one range (addresses and topic0s followed).
    Json logFilter(std::uint64_t from, std::uint64_t to) const;

private:
    Status checkDeployment(IndexReport& report);
    // The node's hash at `number`, or nullopt if it has no such block.
    Result<std::map<std::int64_t, std::pair<std::string, std::int64_t>>> headers(const std::vector<std::int64_t>& numbers);
    Result<bool> checkReorg(IndexReport& report);
    Result<Json> getLogs(std::uint64_t from, std::uint64_t to);

    rpc::RpcClient& m_client;
    storage::ProtocolStore& m_store;
    const chain::Deployment& m_deployment;
    IndexerOptions m_options;
    std::uint64_t m_range;
    std::map<std::string, const ContractAbi*> m_byAddress; // lower-case address -> ABI
    Json m_addresses = Json::array();
    Json m_topics = Json::array();
    std::string m_deploymentKey;
    Status m_setup = Ok{};
};

} // namespace ctrn::protocol
