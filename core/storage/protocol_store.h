// The protocol index (protocol.sqlite in the data directory, separate from
// the wallet's database): the protocol's event log as the indexer decoded
// it, the block hashes it was read at, and the tables derived from the log —
// agents, stakes, REP, proposals, votes, citations, listings, purchases,
// disputes, validation pools, models, versions, ratings, revenue epochs —
// plus fetched metadata documents and FTS5 search over listings and models.
//
// The derived tables are a pure function of the event log: applyEvent() is
// the one place that turns an event into rows, used both while indexing and
// when a reorg rolls the log back (rollbackTo() truncates the log and
// replays it), so an index that lived through a reorg equals a fresh one.
// Events arrive here already decoded (contract name, event name, fields as
// JSON: integers as decimal strings, addresses and bytes as 0x hex);
// addresses are stored lower-case.
#pragma once

#include <core/storage/database.h>
#include <core/util/json.h>
#include <core/util/result.h>
#include <core/util/uint256.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ctrn::storage {

// 'CTRP' — marks the file as the protocol index (PRAGMA application_id).
inline constexpr std::int32_t kProtocolApplicationId = 0x43545250;

struct BlockRecord {
    std::int64_t number = 0;
    std::string hash; // 0x hex, lower case
    std::int64_t timestamp = 0;
};

struct ProtocolEvent {
    std::int64_t block = 0;
    std::int64_t logIndex = 0;
    std::int64_t timestamp = 0;
    std::string txHash;
    std::string contract; // resources/abi name: "Marketplace"
    std::string name;     // "ListingCreated"
    Json fields = Json::object();
};

// A fetched metadata document, keyed by (uri, on-chain hash): "verified"
// (sha256 matched; body kept), "mismatch" (fetched, other hash; body not
// kept) or "unavailable" (could not be fetched; error says why).
struct MetadataRecord {
    std::string uri;
    std::string hash;
    std::string status;
    std::string body;
    std::string error;
    std::string actualHash;
};

struct AgentRecord {
    std::string address;
    std::string name;
    std::string metadataUri;
    std::int64_t commissionBps = 0;
    U256 stake = 0;   // bonded stake delegated to the agent (all holders)
    U256 slashed = 0; // bonded stake slashed so far
    std::int64_t registeredBlock = 0;
    std::int64_t registeredAt = 0;
};

struct ListingRecord {
    std::int64_t id = 0;
    std::string provider;
    std::int64_t kind = 0; // Marketplace.Kind
    U256 price = 0;        // CTRN wei per unit
    std::string unit;      // bytes32 decoded as text ("hour")
    std::string metadataUri;
    std::string metadataHash;
    Json rune = Json::object();
    bool active = true;
    std::optional<std::string> signer;    // ListingSigned: the recovered signer the contract emitted
    std::optional<std::string> signature; // 0x hex
    std::optional<std::int64_t> signedNonce; // the provider's manifest nonce it consumed
    std::int64_t createdBlock = 0;
    std::int64_t createdAt = 0;
};

struct PurchaseRecord {
    std::int64_t id = 0;
    std::int64_t listingId = 0;
    std::string buyer;
    U256 quantity = 0;
    U256 amount = 0;
    std::string status; // escrowed, delivered, disputed, settled, refunded
    std::int64_t createdBlock = 0;
};

struct ModelRecord {
    std::int64_t id = 0;
    std::string owner;
    std::string name;
    std::string spdx;
    std::int64_t licenceListing = 0;
    std::string metadataUri;
    std::string metadataHash;
    std::string status; // active, deprecated, retired
    std::string review; // unreviewed, approved, flagged, rejected
    std::string reviewNote;
    std::int64_t ratingCount = 0;
    std::int64_t ratingSum = 0;
    std::int64_t versionCount = 0;
    std::int64_t createdBlock = 0;
    std::int64_t createdAt = 0;
};

struct VersionRecord {
    std::int64_t modelId = 0;
    std::int64_t index = 0;
    std::string semver;
    std::string artifactHash;
    std::string uri;
    std::string metricsHash;
    std::int64_t block = 0;
};

struct ProposalRecord {
    std::string governor; // contract name: TokenGovernor, QuadraticGovernor, MemberGovernor
    std::string id;       // decimal
    std::string proposer;
    std::string description;
    std::int64_t voteStart = 0;
    std::int64_t voteEnd = 0;
    std::string state; // created, queued, executed, canceled
    std::optional<std::int64_t> eta;
    U256 votesFor = 0, votesAgainst = 0, votesAbstain = 0;
    std::int64_t voteCount = 0;
    std::vector<std::string> cites;
    std::int64_t createdBlock = 0;
};

struct PoolRecord {
    std::int64_t id = 0;
    std::string poster;
    std::int64_t kind = 0; // ValidationPool.Kind
    std::string subject;
    U256 stake = 0;
    std::int64_t deadline = 0;
    std::string question;
    U256 yesStake = 0, noStake = 0;
    std::int64_t voteCount = 0;
    bool resolved = false;
    bool yesWon = false;
};

// What the trust score of one address is computed from (trust_score.h).
struct TrustFacts {
    U256 stake = 0;        // own bonded stake plus stake delegated to it as an agent
    U256 reputation = 0;   // REP minted minus slashed
    std::int64_t ratingCount = 0; // current ratings of the models it owns
    std::int64_t ratingSum = 0;
    U256 settledVolume = 0; // CTRN settled to it as provider
    std::int64_t disputesLost = 0; // disputes on its listings the buyer won
    std::optional<std::int64_t> firstSeen; // unix time of its first indexed event
};

struct IndexCounts {
    std::int64_t events = 0, agents = 0, stakes = 0, proposals = 0, votes = 0, citations = 0, listings = 0,
                 purchases = 0, disputes = 0, pools = 0, models = 0, versions = 0, ratings = 0, epochs = 0;
};

class ProtocolStore {
public:
    static Result<std::unique_ptr<ProtocolStore>> open(const std::string& path);
    Database& database() { return *m_db; }

    // Which chain and deployment the index belongs to; a store opened for
    // another one is refused by the caller (it would mix two chains).
    Result<std::optional<std::string>> meta(const std::string& key);
    Status setMeta(const std::string& key, const std::string& value);

    // The last block indexed (every event up to it is in the log), or none.
    Result<std::optional<std::int64_t>> indexedTo();
    // One indexed range, atomically: its blocks' hashes, its events (applied
    // to the derived tables in order) and the new indexedTo.
    Status appendRange(const std::vector<BlockRecord>& blocks, const std::vector<ProtocolEvent>& events,
                       std::int64_t indexedTo);
    // Stored block hashes at or below `atOrBelow`, newest first.
    Result<std::vector<BlockRecord>> blocksDescending(std::int64_t atOrBelow, int limit);
    Result<std::optional<BlockRecord>> block(std::int64_t number);
    // Forgets everything after `ancestor` (blocks, events, indexedTo) and
    // rebuilds the derived tables from the remaining log.
    Status rollbackTo(std::int64_t ancestor);
    // The whole log in chain order (tests compare two indexes with it).
    Result<std::vector<ProtocolEvent>> events();

    // Derived tables.
    Result<std::vector<AgentRecord>> agents();
    Result<std::vector<ListingRecord>> listings();
    Result<std::optional<ListingRecord>> listing(std::int64_t id);
    Result<std::vector<PurchaseRecord>> purchases(std::optional<std::int64_t> listingId = std::nullopt);
    Result<std::vector<ModelRecord>> models();
    Result<std::optional<ModelRecord>> model(std::int64_t id);
    Result<std::vector<VersionRecord>> versions(std::int64_t modelId);
    Result<std::vector<ProposalRecord>> proposals();
    Result<std::vector<PoolRecord>> pools();
    Result<TrustFacts> trustFacts(const std::string& address);
    Result<IndexCounts> counts();
    // Digest of every derived table's rows (tests: index after a reorg ==
    // fresh index).
    Result<std::string> derivedDump();

    // Metadata documents.
    Result<std::optional<MetadataRecord>> metadata(const std::string& uri, const std::string& hash);
    Status putMetadata(const MetadataRecord& record);
    // (uri, hash) pairs of listings and models with no metadata row yet.
    Result<std::vector<std::pair<std::string, std::string>>> missingMetadata();

    // Full-text search (FTS5, unicode61, bm25 ranking) over verified
    // metadata: name, description, tags, licence. Query words are matched
    // as prefixes and all must appear. Returns ids, best first.
    Result<std::vector<std::int64_t>> searchListings(const std::string& query, int limit);
    Result<std::vector<std::int64_t>> searchModels(const std::string& query, int limit);
    // Rebuilds the search rows of listings/models (after metadata arrives).
    Status refreshSearch();
    // Adds one listing search row directly (benchmarks on synthetic rows).
    Status addListingSearchRow(std::int64_t id, const std::string& name, const std::string& description,
                               const std::string& tags, const std::string& licence);

private:
    explicit ProtocolStore(std::unique_ptr<Database> db) : m_db(std::move(db)) {}
    Status applyEvent(const ProtocolEvent& event);
    Status clearDerived();
    std::unique_ptr<Database> m_db;
};

// Lower-cases a 0x address or hash (the store's spelling).
std::string lowerHex(std::string text);
// An FTS5 MATCH expression from user words: each word quoted, as a prefix.
std::string ftsQuery(const std::string& words);

} // namespace ctrn::storage
