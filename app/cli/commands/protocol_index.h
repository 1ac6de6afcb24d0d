// What the protocol query commands (index, agents/proposals/pools list,
// listings, models, match) share: the deployment, the protocol index in the
// data directory (protocol-NETWORK.sqlite), syncing it with progress on
// stderr, verified metadata, and the trust score of an address.
#pragma once

#include "../session.h"

#include <core/protocol/content.h>
#include <core/protocol/contract_abi.h>
#include <core/protocol/indexer.h>
#include <core/protocol/trust_score.h>
#include <core/rpc/http_fetch.h>
#include <core/storage/protocol_store.h>

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace ctrn::cli {

// Options of every command that reads the index.
std::vector<std::string> indexOptions(std::vector<std::string> more = {});
extern const std::string kIndexUsage;

struct IndexSession {
    std::string network;
    chain::Deployment deployment;
    std::string dataDir;
    std::string indexPath;
    std::unique_ptr<storage::ProtocolStore> store;
    std::unique_ptr<protocol::ProtocolAbis> abis;
    std::unique_ptr<rpc::QtHttpFetcher> http;
    std::unique_ptr<protocol::ContentFetcher> content;
    std::unique_ptr<NodeSession> node; // null until connect()

    Status connect(const Args& args);
    // Brings the index up to the head (unless --no-sync) and fetches missing
    // metadata. Progress goes to stderr when `showProgress`.
    Result<protocol::IndexReport> sync(const Args& args, bool showProgress);
    // The unix time trust ages and deadlines are measured to: the newest
    // indexed block's time (the chain's clock, not this machine's).
    std::int64_t now();
    // trust score JSON of an address, cached per session.
    Json trust(const std::string& address);
    double trustScore(const std::string& address);
    // The verified metadata document of (uri, hash), fetching it now when
    // the index has no verified copy (or `refresh`).
    storage::MetadataRecord metadata(const std::string& uri, const std::string& hash, bool refresh = false);

private:
    std::map<std::string, std::pair<protocol::TrustScore, storage::TrustFacts>> m_trust;
};

Result<std::unique_ptr<IndexSession>> openIndex(const Args& args);
// openIndex + sync unless --no-sync; prints nothing but errors.
Result<std::unique_ptr<IndexSession>> openSyncedIndex(const Args& args);

// A stored lower-case address in EIP-55 form.
std::string checksum(const std::string& address);
// Metadata status + document as JSON ({status, hash, uri, document | error}).
Json metadataJson(const storage::MetadataRecord& m, bool withDocument);
// The name inside a verified metadata document ("" otherwise).
std::string metadataName(const storage::MetadataRecord& m);
// "1200" and "1200000000000000000000" (wei) for amounts.
Json amountJson(const U256& wei);

} // namespace ctrn::cli
