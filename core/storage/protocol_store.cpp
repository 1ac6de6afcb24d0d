#include <core/storage/protocol_store.h>

#include <core/util/hex.h>

#include <algorithm>
#include <cctype>
#include <map>

namespace ctrn::storage {
namespace {

// Amounts are U256 decimal TEXT (SQLite integers stop at 2^63); sums are
// done in C++ with read-modify-write inside the indexing transaction.
const char* kSchemaV1 = R"sql(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE blocks (number INTEGER PRIMARY KEY, hash TEXT NOT NULL, timestamp INTEGER NOT NULL);
CREATE TABLE events (
  block INTEGER NOT NULL, log_index INTEGER NOT NULL, timestamp INTEGER NOT NULL, tx_hash TEXT NOT NULL,
  contract TEXT NOT NULL, name TEXT NOT NULL, fields TEXT NOT NULL,
  PRIMARY KEY (block, log_index));
CREATE TABLE metadata (
  uri TEXT NOT NULL, hash TEXT NOT NULL, status TEXT NOT NULL, body TEXT NOT NULL DEFAULT '',
  error TEXT NOT NULL DEFAULT '', actual_hash TEXT NOT NULL DEFAULT '', PRIMARY KEY (uri, hash));

CREATE TABLE agents (
  address TEXT PRIMARY KEY, name TEXT NOT NULL, metadata_uri TEXT NOT NULL, commission_bps INTEGER NOT NULL,
  stake TEXT NOT NULL DEFAULT '0', slashed TEXT NOT NULL DEFAULT '0',
  registered_block INTEGER NOT NULL, registered_at INTEGER NOT NULL);
CREATE TABLE stakes (
  holder TEXT NOT NULL, agent TEXT NOT NULL, amount TEXT NOT NULL, first_at INTEGER NOT NULL,
  PRIMARY KEY (holder, agent));
CREATE TABLE reputation (account TEXT PRIMARY KEY, amount TEXT NOT NULL);
CREATE TABLE proposals (
  governor TEXT NOT NULL, id TEXT NOT NULL, proposer TEXT NOT NULL, description TEXT NOT NULL,
  vote_start INTEGER NOT NULL, vote_end INTEGER NOT NULL, state TEXT NOT NULL, eta INTEGER,
  votes_for TEXT NOT NULL DEFAULT '0', votes_against TEXT NOT NULL DEFAULT '0', votes_abstain TEXT NOT NULL DEFAULT '0',
  created_block INTEGER NOT NULL, PRIMARY KEY (governor, id));
CREATE TABLE votes (
  governor TEXT NOT NULL, proposal_id TEXT NOT NULL, voter TEXT NOT NULL, support INTEGER NOT NULL,
  weight TEXT NOT NULL, reason TEXT NOT NULL, block INTEGER NOT NULL, PRIMARY KEY (governor, proposal_id, voter));
CREATE TABLE citations (
  governor TEXT NOT NULL, proposal_id TEXT NOT NULL, cited_id TEXT NOT NULL, PRIMARY KEY (governor, proposal_id, cited_id));
CREATE TABLE listings (
  id INTEGER PRIMARY KEY, provider TEXT NOT NULL, kind INTEGER NOT NULL, price TEXT NOT NULL, unit TEXT NOT NULL,
  metadata_uri TEXT NOT NULL, metadata_hash TEXT NOT NULL, rune TEXT NOT NULL, active INTEGER NOT NULL,
  signer TEXT, signature TEXT, signed_nonce INTEGER, created_block INTEGER NOT NULL, created_at INTEGER NOT NULL);
CREATE INDEX listings_by_provider ON listings (provider);
CREATE TABLE purchases (
  id INTEGER PRIMARY KEY, listing_id INTEGER NOT NULL, buyer TEXT NOT NULL, quantity TEXT NOT NULL,
  amount TEXT NOT NULL, status TEXT NOT NULL, settled_amount TEXT NOT NULL DEFAULT '0', created_block INTEGER NOT NULL);
CREATE TABLE disputes (
  purchase_id INTEGER PRIMARY KEY, disputer TEXT NOT NULL, pool_id TEXT NOT NULL,
  resolved INTEGER NOT NULL DEFAULT 0, buyer_won INTEGER NOT NULL DEFAULT 0);
CREATE TABLE pools (
  id INTEGER PRIMARY KEY, poster TEXT NOT NULL, kind INTEGER NOT NULL, subject TEXT NOT NULL, stake TEXT NOT NULL,
  deadline INTEGER NOT NULL, question TEXT NOT NULL, yes_stake TEXT NOT NULL DEFAULT '0', no_stake TEXT NOT NULL DEFAULT '0',
  resolved INTEGER NOT NULL DEFAULT 0, yes_won INTEGER NOT NULL DEFAULT 0);
CREATE TABLE pool_votes (
  pool_id INTEGER NOT NULL, voter TEXT NOT NULL, support INTEGER NOT NULL, stake TEXT NOT NULL, PRIMARY KEY (pool_id, voter));
CREATE TABLE models (
  id INTEGER PRIMARY KEY, owner TEXT NOT NULL, name TEXT NOT NULL, spdx TEXT NOT NULL, licence_listing INTEGER NOT NULL,
  metadata_uri TEXT NOT NULL, metadata_hash TEXT NOT NULL, status TEXT NOT NULL, review TEXT NOT NULL,
  review_note TEXT NOT NULL DEFAULT '', created_block INTEGER NOT NULL, created_at INTEGER NOT NULL);
CREATE INDEX models_by_owner ON models (owner);
CREATE TABLE versions (
  model_id INTEGER NOT NULL, idx INTEGER NOT NULL, semver TEXT NOT NULL, artifact_hash TEXT NOT NULL, uri TEXT NOT NULL,
  metrics_hash TEXT NOT NULL, block INTEGER NOT NULL, PRIMARY KEY (model_id, idx));
CREATE TABLE ratings (model_id INTEGER NOT NULL, rater TEXT NOT NULL, score INTEGER NOT NULL, PRIMARY KEY (model_id, rater));
CREATE TABLE revenue_epochs (
  epoch INTEGER PRIMARY KEY, received TEXT NOT NULL DEFAULT '0', burned TEXT NOT NULL DEFAULT '0',
  finalized INTEGER NOT NULL DEFAULT 0, amount TEXT NOT NULL DEFAULT '0', claimable TEXT NOT NULL DEFAULT '0',
  rolled_over TEXT NOT NULL DEFAULT '0', start_time INTEGER NOT NULL DEFAULT 0, end_time INTEGER NOT NULL DEFAULT 0,
  claimed TEXT NOT NULL DEFAULT '0');

CREATE VIRTUAL TABLE listing_search USING fts5(name, description, tags, licence, tokenize = 'unicode61');
CREATE VIRTUAL TABLE model_search USING fts5(name, description, tags, licence, tokenize = 'unicode61');
)sql";

// Tables rebuilt from the event log (metadata documents survive a reorg:
// they are keyed by content hash, not by block).
const std::vector<std::string> kDerivedTables = {
    "agents", "stakes", "reputation", "proposals", "votes", "citations", "listings", "purchases",
    "disputes", "pools", "pool_votes", "models", "versions", "ratings", "revenue_epochs"};

Status migrateTo1(Database& db) { return db.exec(kSchemaV1); }

// --- reading decoded event fields -------------------------------------------

std::string field(const Json& fields, const char* name) {
    auto it = fields.find(name);
    if (it == fields.end() || it->is_null()) return {};
    if (it->is_string()) return it->get<std::string>();
    if (it->is_boolean()) return it->get<bool>() ? "true" : "false";
    return it->dump();
}

std::string addressField(const Json& fields, const char* name) { return lowerHex(field(fields, name)); }

std::int64_t intField(const Json& fields, const char* name) {
    std::string text = field(fields, name);
    auto v = parseU256(text.empty() ? "0" : text);
    if (!v || *v > U256(INT64_MAX)) return 0;
    return static_cast<std::int64_t>(*v);
}

U256 amountField(const Json& fields, const char* name) {
    std::string text = field(fields, name);
    auto v = parseU256(text.empty() ? "0" : text);
    return v ? *v : U256(0);
}

bool boolField(const Json& fields, const char* name) {
    auto it = fields.find(name);
    if (it == fields.end()) return false;
    if (it->is_boolean()) return it->get<bool>();
    return field(fields, name) == "true" || field(fields, name) == "1";
}

// A bytes32 holding short text ("hour" left-aligned, zero-padded).
std::string bytes32Text(const std::string& hex) {
    auto bytes = fromHex(hex);
    if (!bytes) return hex;
    std::string out;
    for (auto b : *bytes) {
        if (b == 0) break;
        out.push_back(static_cast<char>(b));
    }
    return out;
}

U256 parseAmount(const std::string& text) {
    auto v = parseU256(text);
    return v ? *v : U256(0);
}

// Wrapping subtraction would turn a replay bug into a huge stake: clamp.
U256 minus(const U256& a, const U256& b) { return a > b ? a - b : U256(0); }

template <typename... Values>
Status run(Database& db, const std::string& sql, const Values&... values) {
    CTRN_ASSIGN(auto st, db.prepare(sql));
    int index = 0;
    (st.bind(++index, values), ...);
    return st.run();
}

// Reads one TEXT amount (0 when the row is missing).
Result<U256> readAmount(Database& db, const std::string& sql, const std::string& key1,
                        const std::optional<std::string>& key2 = std::nullopt) {
    CTRN_ASSIGN(auto st, db.prepare(sql));
    st.bind(1, key1);
    if (key2) st.bind(2, *key2);
    CTRN_ASSIGN(auto row, st.firstRow([](Statement& s) { return s.text(0); }));
    return row ? parseAmount(*row) : U256(0);
}

const char* purchaseStatusOf(const std::string& event) {
    if (event == "Delivered") return "delivered";
    if (event == "Disputed") return "disputed";
    if (event == "Refunded") return "refunded";
    return "settled";
}

const char* modelReview(std::int64_t review) {
    switch (review) {
    case 1: return "approved";
    case 2: return "flagged";
    case 3: return "rejected";
    default: return "unreviewed";
    }
}

bool isGovernor(const std::string& contract) {
    return contract == "TokenGovernor" || contract == "QuadraticGovernor" || contract == "MemberGovernor";
}

ListingRecord readListing(const Statement& s) {
    ListingRecord l;
    l.id = s.int64(0);
    l.provider = s.text(1);
    l.kind = s.int64(2);
    l.price = parseAmount(s.text(3));
    l.unit = s.text(4);
    l.metadataUri = s.text(5);
    l.metadataHash = s.text(6);
    auto rune = parseJson(s.text(7));
    l.rune = rune ? *rune : Json::object();
    l.active = s.int64(8) != 0;
    l.signer = s.optionalText(9);
    l.signature = s.optionalText(10);
    l.signedNonce = s.optionalInt64(11);
    l.createdBlock = s.int64(12);
    l.createdAt = s.int64(13);
    return l;
}
const char* kListingColumns =
    "id, provider, kind, price, unit, metadata_uri, metadata_hash, rune, active, signer, signature, signed_nonce, "
    "created_block, created_at";

ModelRecord readModel(const Statement& s) {
    ModelRecord m;
    m.id = s.int64(0);
    m.owner = s.text(1);
    m.name = s.text(2);
    m.spdx = s.text(3);
    m.licenceListing = s.int64(4);
    m.metadataUri = s.text(5);
    m.metadataHash = s.text(6);
    m.status = s.text(7);
    m.review = s.text(8);
    m.reviewNote = s.text(9);
    m.createdBlock = s.int64(10);
    m.createdAt = s.int64(11);
    m.ratingCount = s.int64(12);
    m.ratingSum = s.int64(13);
    m.versionCount = s.int64(14);
    return m;
}
const char* kModelSelect =
    "SELECT m.id, m.owner, m.name, m.spdx, m.licence_listing, m.metadata_uri, m.metadata_hash, m.status, m.review, "
    "m.review_note, m.created_block, m.created_at, "
    "(SELECT count(*) FROM ratings r WHERE r.model_id = m.id), "
    "(SELECT coalesce(sum(score), 0) FROM ratings r WHERE r.model_id = m.id), "
    "(SELECT count(*) FROM versions v WHERE v.model_id = m.id) FROM models m";

} // namespace

std::string lowerHex(std::string text) {
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

std::string ftsQuery(const std::string& words) {
    std::string out;
    std::string word;
    auto flush = [&] {
        if (word.empty()) return;
        if (!out.empty()) out += ' ';
        out += '"' + word + "\"*";
        word.clear();
    };
    for (char c : words) {
        // Anything but letters and digits separates words (unicode61 does
        // the same), so no user text reaches FTS5's query syntax.
        if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) word.push_back(c);
        else flush();
    }
    flush();
    return out;
}

Result<std::unique_ptr<ProtocolStore>> ProtocolStore::open(const std::string& path) {
    OpenOptions options;
    options.applicationId = kProtocolApplicationId;
    options.migrations = {migrateTo1};
    CTRN_ASSIGN(auto db, Database::open(path, options));
    return std::unique_ptr<ProtocolStore>(new ProtocolStore(std::move(db)));
}

Result<std::optional<std::string>> ProtocolStore::meta(const std::string& key) {
    CTRN_ASSIGN(auto st, m_db->prepare("SELECT value FROM meta WHERE key = ?1"));
    st.bind(1, key);
    return st.firstRow([](Statement& s) { return s.text(0); });
}

Status ProtocolStore::setMeta(const std::string& key, const std::string& value) {
    return run(*m_db, "INSERT INTO meta (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = ?2", key, value);
}

Result<std::optional<std::int64_t>> ProtocolStore::indexedTo() {
    CTRN_ASSIGN(auto value, meta("indexed_to"));
    if (!value) return std::optional<std::int64_t>();
    return std::optional<std::int64_t>(std::stoll(*value));
}

Status ProtocolStore::appendRange(const std::vector<BlockRecord>& blocks, const std::vector<ProtocolEvent>& events,
                                  std::int64_t indexedTo) {
    return m_db->transaction([&]() -> Status {
        for (const auto& b : blocks)
            CTRN_TRY(run(*m_db, "INSERT OR REPLACE INTO blocks (number, hash, timestamp) VALUES (?1, ?2, ?3)", b.number,
                         lowerHex(b.hash), b.timestamp));
        for (const auto& e : events) {
            CTRN_TRY(run(*m_db,
                         "INSERT INTO events (block, log_index, timestamp, tx_hash, contract, name, fields) "
                         "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                         e.block, e.logIndex, e.timestamp, lowerHex(e.txHash), e.contract, e.name, e.fields.dump()));
            CTRN_TRY(applyEvent(e));
        }
        return setMeta("indexed_to", std::to_string(indexedTo));
    });
}

Result<std::vector<BlockRecord>> ProtocolStore::blocksDescending(std::int64_t atOrBelow, int limit) {
    CTRN_ASSIGN(auto st, m_db->prepare("SELECT number, hash, timestamp FROM blocks WHERE number <= ?1 ORDER BY number DESC LIMIT ?2"));
    st.bind(1, atOrBelow).bind(2, std::int64_t{limit});
    return st.rows([](Statement& s) { return BlockRecord{s.int64(0), s.text(1), s.int64(2)}; });
}

Result<std::optional<BlockRecord>> ProtocolStore::block(std::int64_t number) {
    CTRN_ASSIGN(auto st, m_db->prepare("SELECT number, hash, timestamp FROM blocks WHERE number = ?1"));
    st.bind(1, number);
    return st.firstRow([](Statement& s) { return BlockRecord{s.int64(0), s.text(1), s.int64(2)}; });
}

Result<std::vector<ProtocolEvent>> ProtocolStore::events() {
    CTRN_ASSIGN(auto st, m_db->prepare(
        "SELECT block, log_index, timestamp, tx_hash, contract, name, fields FROM events ORDER BY block, log_index"));
    return st.rows([](Statement& s) {
        auto fields = parseJson(s.text(6));
        return ProtocolEvent{s.int64(0), s.int64(1), s.int64(2), s.text(3), s.text(4), s.text(5),
                             fields ? *fields : Json::object()};
    });
}

Status ProtocolStore::clearDerived() {
    for (const auto& table : kDerivedTables) CTRN_TRY(m_db->exec("DELETE FROM " + table));
    CTRN_TRY(m_db->exec("DELETE FROM listing_search"));
    return m_db->exec("DELETE FROM model_search");
}

Status ProtocolStore::rollbackTo(std::int64_t ancestor) {
    return m_db->transaction([&]() -> Status {
        CTRN_TRY(run(*m_db, "DELETE FROM blocks WHERE number > ?1", ancestor));
        CTRN_TRY(run(*m_db, "DELETE FROM events WHERE block > ?1", ancestor));
        CTRN_TRY(setMeta("indexed_to", std::to_string(ancestor)));
        CTRN_TRY(clearDerived());
        CTRN_ASSIGN(auto log, events());
        for (const auto& e : log) CTRN_TRY(applyEvent(e));
        return refreshSearch();
    });
}

// The one place an event becomes rows. Unknown events stay in the log only.
Status ProtocolStore::applyEvent(const ProtocolEvent& e) {
    Database& db = *m_db;
    const Json& f = e.fields;
    const std::string& c = e.contract;
    const std::string& n = e.name;

    if (c == "StakingHub") {
        if (n == "AgentRegistered")
            return run(db,
                       "INSERT OR REPLACE INTO agents (address, name, metadata_uri, commission_bps, registered_block, registered_at) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                       addressField(f, "agent"), field(f, "name"), field(f, "metadataURI"), intField(f, "commissionBps"),
                       e.block, e.timestamp);
        if (n == "AgentUpdated")
            return run(db, "UPDATE agents SET name = ?2, metadata_uri = ?3 WHERE address = ?1", addressField(f, "agent"),
                       field(f, "name"), field(f, "metadataURI"));
        if (n == "CommissionChanged")
            return run(db, "UPDATE agents SET commission_bps = ?2 WHERE address = ?1", addressField(f, "agent"),
                       intField(f, "newBps"));
        if (n == "Staked" || n == "UnstakeRequested") {
            std::string holder = addressField(f, "holder"), agent = addressField(f, "agent");
            U256 amount = amountField(f, "amount");
            bool add = n == "Staked";
            CTRN_ASSIGN(U256 held, readAmount(db, "SELECT amount FROM stakes WHERE holder = ?1 AND agent = ?2", holder, agent));
            CTRN_TRY(run(db,
                         "INSERT INTO stakes (holder, agent, amount, first_at) VALUES (?1, ?2, ?3, ?4) "
                         "ON CONFLICT (holder, agent) DO UPDATE SET amount = ?3",
                         holder, agent, toDecimal(add ? held + amount : minus(held, amount)), e.timestamp));
            CTRN_ASSIGN(U256 total, readAmount(db, "SELECT stake FROM agents WHERE address = ?1", agent));
            return run(db, "UPDATE agents SET stake = ?2 WHERE address = ?1", agent,
                       toDecimal(add ? total + amount : minus(total, amount)));
        }
        if (n == "AgentSlashed") {
            std::string agent = addressField(f, "agent");
            U256 slashed = amountField(f, "bondedSlashed");
            CTRN_ASSIGN(U256 total, readAmount(db, "SELECT stake FROM agents WHERE address = ?1", agent));
            CTRN_ASSIGN(U256 before, readAmount(db, "SELECT slashed FROM agents WHERE address = ?1", agent));
            return run(db, "UPDATE agents SET stake = ?2, slashed = ?3 WHERE address = ?1", agent,
                       toDecimal(minus(total, slashed)), toDecimal(before + slashed));
        }
        return Ok{};
    }
    if (c == "Reputation" && (n == "ReputationMinted" || n == "ReputationSlashed")) {
        std::string account = addressField(f, "account");
        CTRN_ASSIGN(U256 held, readAmount(db, "SELECT amount FROM reputation WHERE account = ?1", account));
        U256 amount = amountField(f, "amount");
        return run(db, "INSERT INTO reputation (account, amount) VALUES (?1, ?2) ON CONFLICT (account) DO UPDATE SET amount = ?2",
                   account, toDecimal(n == "ReputationMinted" ? held + amount : minus(held, amount)));
    }
    if (isGovernor(c)) {
        std::string id = field(f, "proposalId");
        if (n == "ProposalCreated")
            return run(db,
                       "INSERT OR REPLACE INTO proposals (governor, id, proposer, description, vote_start, vote_end, state, created_block) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'created', ?7)",
                       c, id, addressField(f, "proposer"), field(f, "description"), intField(f, "voteStart"),
                       intField(f, "voteEnd"), e.block);
        if (n == "VoteCast" || n == "VoteCastWithParams") {
            std::int64_t support = intField(f, "support");
            const char* column = support == 1 ? "votes_for" : support == 0 ? "votes_against" : "votes_abstain";
            CTRN_ASSIGN(U256 sum, readAmount(db, std::string("SELECT ") + column + " FROM proposals WHERE governor = ?1 AND id = ?2", c, id));
            CTRN_TRY(run(db, std::string("UPDATE proposals SET ") + column + " = ?3 WHERE governor = ?1 AND id = ?2", c, id,
                         toDecimal(sum + amountField(f, "weight"))));
            return run(db,
                       "INSERT OR REPLACE INTO votes (governor, proposal_id, voter, support, weight, reason, block) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                       c, id, addressField(f, "voter"), support, field(f, "weight"), field(f, "reason"), e.block);
        }
        if (n == "ProposalQueued")
            return run(db, "UPDATE proposals SET state = 'queued', eta = ?3 WHERE governor = ?1 AND id = ?2", c, id,
                       intField(f, "etaSeconds"));
        if (n == "ProposalExecuted")
            return run(db, "UPDATE proposals SET state = 'executed' WHERE governor = ?1 AND id = ?2", c, id);
        if (n == "ProposalCanceled")
            return run(db, "UPDATE proposals SET state = 'canceled' WHERE governor = ?1 AND id = ?2", c, id);
        if (n == "ProposalCited")
            return run(db, "INSERT OR IGNORE INTO citations (governor, proposal_id, cited_id) VALUES (?1, ?2, ?3)", c, id,
                       field(f, "citedProposalId"));
        return Ok{};
    }
    if (c == "Marketplace") {
        if (n == "ListingCreated") {
            Json rune = f.contains("rune") ? f["rune"] : Json::object();
            return run(db,
                       "INSERT OR REPLACE INTO listings (id, provider, kind, price, unit, metadata_uri, metadata_hash, rune, active, "
                       "created_block, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, ?10)",
                       intField(f, "listingId"), addressField(f, "provider"), intField(f, "kind"), field(f, "price"),
                       bytes32Text(field(f, "unit")), field(f, "metadataURI"), lowerHex(field(f, "metadataHash")),
                       rune.dump(), e.block, e.timestamp);
        }
        if (n == "ListingSigned") {
            // The manifest consumed the signer's next nonce: one per signed
            // listing, in order, so it is the count of earlier ones.
            std::string signer = addressField(f, "signer");
            CTRN_ASSIGN(auto st, db.prepare("SELECT count(*) FROM listings WHERE signer = ?1"));
            st.bind(1, signer);
            CTRN_ASSIGN(auto count, st.firstRow([](Statement& s) { return s.int64(0); }));
            return run(db, "UPDATE listings SET signer = ?2, signature = ?3, signed_nonce = ?4 WHERE id = ?1",
                       intField(f, "listingId"), signer, lowerHex(field(f, "signature")), count.value_or(0));
        }
        if (n == "ListingUpdated")
            return run(db, "UPDATE listings SET price = ?2, metadata_uri = ?3, metadata_hash = ?4, active = ?5 WHERE id = ?1",
                       intField(f, "listingId"), field(f, "price"), field(f, "metadataURI"),
                       lowerHex(field(f, "metadataHash")), std::int64_t{boolField(f, "active")});
        if (n == "Purchased")
            return run(db,
                       "INSERT OR REPLACE INTO purchases (id, listing_id, buyer, quantity, amount, status, created_block) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, 'escrowed', ?6)",
                       intField(f, "purchaseId"), intField(f, "listingId"), addressField(f, "buyer"), field(f, "quantity"),
                       field(f, "amount"), e.block);
        if (n == "Delivered" || n == "Refunded" || n == "Settled" || n == "Disputed") {
            std::int64_t id = intField(f, "purchaseId");
            CTRN_TRY(run(db, "UPDATE purchases SET status = ?2 WHERE id = ?1", id, std::string(purchaseStatusOf(n))));
            if (n == "Settled")
                CTRN_TRY(run(db, "UPDATE purchases SET settled_amount = ?2 WHERE id = ?1", id, field(f, "amount")));
            if (n == "Disputed")
                CTRN_TRY(run(db, "INSERT OR REPLACE INTO disputes (purchase_id, disputer, pool_id) VALUES (?1, ?2, ?3)", id,
                             addressField(f, "by"), field(f, "poolId")));
            return Ok{};
        }
        if (n == "DisputeResolved")
            return run(db, "UPDATE disputes SET resolved = 1, buyer_won = ?2 WHERE purchase_id = ?1",
                       intField(f, "purchaseId"), std::int64_t{boolField(f, "buyerWon")});
        return Ok{};
    }
    if (c == "ModelRegistry") {
        std::int64_t id = intField(f, "modelId");
        if (n == "ModelRegistered")
            return run(db,
                       "INSERT OR REPLACE INTO models (id, owner, name, spdx, licence_listing, metadata_uri, metadata_hash, status, "
                       "review, created_block, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'active', 'unreviewed', ?8, ?9)",
                       id, addressField(f, "owner"), field(f, "name"), field(f, "spdx"), intField(f, "licenceListing"),
                       field(f, "metadataURI"), lowerHex(field(f, "metadataHash")), e.block, e.timestamp);
        if (n == "ModelUpdated")
            return run(db, "UPDATE models SET metadata_uri = ?2, metadata_hash = ?3 WHERE id = ?1", id,
                       field(f, "metadataURI"), lowerHex(field(f, "metadataHash")));
        if (n == "VersionPublished")
            return run(db,
                       "INSERT OR REPLACE INTO versions (model_id, idx, semver, artifact_hash, uri, metrics_hash, block) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                       id, intField(f, "index"), field(f, "semver"), lowerHex(field(f, "artifactHash")), field(f, "uri"),
                       lowerHex(field(f, "metricsHash")), e.block);
        if (n == "ModelDeprecated") return run(db, "UPDATE models SET status = 'deprecated' WHERE id = ?1", id);
        if (n == "ModelRetired") return run(db, "UPDATE models SET status = 'retired' WHERE id = ?1", id);
        if (n == "ModelReviewed")
            return run(db, "UPDATE models SET review = ?2, review_note = ?3 WHERE id = ?1", id,
                       std::string(modelReview(intField(f, "review"))), field(f, "note"));
        if (n == "ModelRated")
            return run(db, "INSERT OR REPLACE INTO ratings (model_id, rater, score) VALUES (?1, ?2, ?3)", id,
                       addressField(f, "rater"), intField(f, "score"));
        return Ok{};
    }
    if (c == "ValidationPool") {
        std::int64_t id = intField(f, "poolId");
        if (n == "PoolOpened")
            return run(db,
                       "INSERT OR REPLACE INTO pools (id, poster, kind, subject, stake, deadline, question) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                       id, addressField(f, "poster"), intField(f, "kind"), field(f, "subject"), field(f, "stake"),
                       intField(f, "deadline"), field(f, "question"));
        if (n == "PoolVoted") {
            bool support = boolField(f, "support");
            const char* column = support ? "yes_stake" : "no_stake";
            CTRN_ASSIGN(U256 sum, readAmount(db, std::string("SELECT ") + column + " FROM pools WHERE id = ?1", std::to_string(id)));
            CTRN_TRY(run(db, std::string("UPDATE pools SET ") + column + " = ?2 WHERE id = ?1", id,
                         toDecimal(sum + amountField(f, "stake"))));
            return run(db, "INSERT OR REPLACE INTO pool_votes (pool_id, voter, support, stake) VALUES (?1, ?2, ?3, ?4)", id,
                       addressField(f, "voter"), std::int64_t{support}, field(f, "stake"));
        }
        if (n == "PoolResolved")
            return run(db, "UPDATE pools SET resolved = 1, yes_won = ?2 WHERE id = ?1", id, std::int64_t{boolField(f, "yesWon")});
        return Ok{};
    }
    if (c == "RevenueDistributor") {
        std::int64_t epoch = intField(f, "epoch");
        if (n != "RevenueReceived" && n != "EpochFinalized" && n != "Claimed") return Ok{};
        CTRN_TRY(run(db, "INSERT OR IGNORE INTO revenue_epochs (epoch) VALUES (?1)", epoch));
        std::string key = std::to_string(epoch);
        if (n == "RevenueReceived") {
            CTRN_ASSIGN(U256 received, readAmount(db, "SELECT received FROM revenue_epochs WHERE epoch = ?1", key));
            CTRN_ASSIGN(U256 burned, readAmount(db, "SELECT burned FROM revenue_epochs WHERE epoch = ?1", key));
            return run(db, "UPDATE revenue_epochs SET received = ?2, burned = ?3 WHERE epoch = ?1", epoch,
                       toDecimal(received + amountField(f, "amount")), toDecimal(burned + amountField(f, "burned")));
        }
        if (n == "EpochFinalized")
            return run(db,
                       "UPDATE revenue_epochs SET finalized = 1, amount = ?2, claimable = ?3, rolled_over = ?4, start_time = ?5, "
                       "end_time = ?6 WHERE epoch = ?1",
                       epoch, field(f, "amount"), field(f, "claimable"), field(f, "rolledOver"), intField(f, "start"),
                       intField(f, "end"));
        CTRN_ASSIGN(U256 claimed, readAmount(db, "SELECT claimed FROM revenue_epochs WHERE epoch = ?1", key));
        return run(db, "UPDATE revenue_epochs SET claimed = ?2 WHERE epoch = ?1", epoch,
                   toDecimal(claimed + amountField(f, "amount")));
    }
    return Ok{};
}

Result<std::vector<AgentRecord>> ProtocolStore::agents() {
    CTRN_ASSIGN(auto st, m_db->prepare(
        "SELECT address, name, metadata_uri, commission_bps, stake, slashed, registered_block, registered_at FROM agents"));
    CTRN_ASSIGN(auto out, st.rows([](Statement& s) {
        return AgentRecord{s.text(0), s.text(1), s.text(2), s.int64(3), parseAmount(s.text(4)), parseAmount(s.text(5)),
                           s.int64(6), s.int64(7)};
    }));
    // By stake, largest first: the elected set is the top N by stake.
    std::stable_sort(out.begin(), out.end(), [](const AgentRecord& a, const AgentRecord& b) { return a.stake > b.stake; });
    return out;
}

Result<std::vector<ListingRecord>> ProtocolStore::listings() {
    CTRN_ASSIGN(auto st, m_db->prepare(std::string("SELECT ") + kListingColumns + " FROM listings ORDER BY id"));
    return st.rows(readListing);
}

Result<std::optional<ListingRecord>> ProtocolStore::listing(std::int64_t id) {
    CTRN_ASSIGN(auto st, m_db->prepare(std::string("SELECT ") + kListingColumns + " FROM listings WHERE id = ?1"));
    st.bind(1, id);
    return st.firstRow(readListing);
}

Result<std::vector<PurchaseRecord>> ProtocolStore::purchases(std::optional<std::int64_t> listingId) {
    CTRN_ASSIGN(auto st, m_db->prepare(
        "SELECT id, listing_id, buyer, quantity, amount, status, created_block FROM purchases "
        "WHERE ?1 IS NULL OR listing_id = ?1 ORDER BY id"));
    st.bind(1, listingId);
    return st.rows([](Statement& s) {
        return PurchaseRecord{s.int64(0), s.int64(1), s.text(2), parseAmount(s.text(3)), parseAmount(s.text(4)), s.text(5),
                              s.int64(6)};
    });
}

Result<std::vector<ModelRecord>> ProtocolStore::models() {
    CTRN_ASSIGN(auto st, m_db->prepare(std::string(kModelSelect) + " ORDER BY m.id"));
    return st.rows(readModel);
}

Result<std::optional<ModelRecord>> ProtocolStore::model(std::int64_t id) {
    CTRN_ASSIGN(auto st, m_db->prepare(std::string(kModelSelect) + " WHERE m.id = ?1"));
    st.bind(1, id);
    return st.firstRow(readModel);
}

Result<std::vector<VersionRecord>> ProtocolStore::versions(std::int64_t modelId) {
    CTRN_ASSIGN(auto st, m_db->prepare(
        "SELECT model_id, idx, semver, artifact_hash, uri, metrics_hash, block FROM versions WHERE model_id = ?1 ORDER BY idx"));
    st.bind(1, modelId);
    return st.rows([](Statement& s) {
        return VersionRecord{s.int64(0), s.int64(1), s.text(2), s.text(3), s.text(4), s.text(5), s.int64(6)};
    });
}

Result<std::vector<ProposalRecord>> ProtocolStore::proposals() {
    CTRN_ASSIGN(auto st, m_db->prepare(
        "SELECT governor, id, proposer, description, vote_start, vote_end, state, eta, votes_for, votes_against, "
        "votes_abstain, created_block, (SELECT count(*) FROM votes v WHERE v.governor = p.governor AND v.proposal_id = p.id) "
        "FROM proposals p ORDER BY created_block, governor"));
    CTRN_ASSIGN(auto out, st.rows([](Statement& s) {
        ProposalRecord p;
        p.governor = s.text(0);
        p.id = s.text(1);
        p.proposer = s.text(2);
        p.description = s.text(3);
        p.voteStart = s.int64(4);
        p.voteEnd = s.int64(5);
        p.state = s.text(6);
        p.eta = s.optionalInt64(7);
        p.votesFor = parseAmount(s.text(8));
        p.votesAgainst = parseAmount(s.text(9));
        p.votesAbstain = parseAmount(s.text(10));
        p.createdBlock = s.int64(11);
        p.voteCount = s.int64(12);
        return p;
    }));
    for (auto& p : out) {
        CTRN_ASSIGN(auto c, m_db->prepare("SELECT cited_id FROM citations WHERE governor = ?1 AND proposal_id = ?2 ORDER BY cited_id"));
        c.bind(1, p.governor).bind(2, p.id);
        CTRN_ASSIGN(p.cites, c.rows([](Statement& s) { return s.text(0); }));
    }
    return out;
}

Result<std::vector<PoolRecord>> ProtocolStore::pools() {
    CTRN_ASSIGN(auto st, m_db->prepare(
        "SELECT id, poster, kind, subject, stake, deadline, question, yes_stake, no_stake, resolved, yes_won, "
        "(SELECT count(*) FROM pool_votes v WHERE v.pool_id = p.id) FROM pools p ORDER BY id"));
    return st.rows([](Statement& s) {
        PoolRecord p;
        p.id = s.int64(0);
        p.poster = s.text(1);
        p.kind = s.int64(2);
        p.subject = s.text(3);
        p.stake = parseAmount(s.text(4));
        p.deadline = s.int64(5);
        p.question = s.text(6);
        p.yesStake = parseAmount(s.text(7));
        p.noStake = parseAmount(s.text(8));
        p.resolved = s.int64(9) != 0;
        p.yesWon = s.int64(10) != 0;
        p.voteCount = s.int64(11);
        return p;
    });
}

Result<TrustFacts> ProtocolStore::trustFacts(const std::string& addressIn) {
    std::string address = lowerHex(addressIn);
    TrustFacts t;
    auto sumAmounts = [&](const std::string& sql) -> Result<U256> {
        CTRN_ASSIGN(auto st, m_db->prepare(sql));
        st.bind(1, address);
        CTRN_ASSIGN(auto rows, st.rows([](Statement& s) { return s.text(0); }));
        U256 sum = 0;
        for (const auto& r : rows) sum += parseAmount(r);
        return sum;
    };
    // Stake behind the address: what is delegated to it as an agent
    // (its own self-stake included) plus what it stakes on other agents.
    CTRN_ASSIGN(U256 asAgent, sumAmounts("SELECT stake FROM agents WHERE address = ?1"));
    CTRN_ASSIGN(U256 onOthers, sumAmounts("SELECT amount FROM stakes WHERE holder = ?1 AND agent <> ?1"));
    t.stake = asAgent + onOthers;
    CTRN_ASSIGN(t.reputation, sumAmounts("SELECT amount FROM reputation WHERE account = ?1"));
    CTRN_ASSIGN(t.settledVolume, sumAmounts(
        "SELECT p.settled_amount FROM purchases p JOIN listings l ON l.id = p.listing_id WHERE l.provider = ?1"));
    {
        CTRN_ASSIGN(auto st, m_db->prepare(
            "SELECT count(*), coalesce(sum(r.score), 0) FROM ratings r JOIN models m ON m.id = r.model_id WHERE m.owner = ?1"));
        st.bind(1, address);
        CTRN_ASSIGN(auto row, st.firstRow([](Statement& s) { return std::pair{s.int64(0), s.int64(1)}; }));
        if (row) std::tie(t.ratingCount, t.ratingSum) = *row;
    }
    {
        CTRN_ASSIGN(auto st, m_db->prepare(
            "SELECT count(*) FROM disputes d JOIN purchases p ON p.id = d.purchase_id JOIN listings l ON l.id = p.listing_id "
            "WHERE l.provider = ?1 AND d.resolved = 1 AND d.buyer_won = 1"));
        st.bind(1, address);
        CTRN_ASSIGN(auto row, st.firstRow([](Statement& s) { return s.int64(0); }));
        t.disputesLost = row.value_or(0);
    }
    {
        CTRN_ASSIGN(auto st, m_db->prepare(
            "SELECT min(t) FROM (SELECT registered_at AS t FROM agents WHERE address = ?1 "
            "UNION ALL SELECT created_at FROM listings WHERE provider = ?1 "
            "UNION ALL SELECT created_at FROM models WHERE owner = ?1 "
            "UNION ALL SELECT first_at FROM stakes WHERE holder = ?1)"));
        st.bind(1, address);
        CTRN_ASSIGN(auto row, st.firstRow([](Statement& s) { return s.optionalInt64(0); }));
        if (row) t.firstSeen = *row;
    }
    return t;
}

Result<IndexCounts> ProtocolStore::counts() {
    IndexCounts c;
    std::pair<const char*, std::int64_t*> tables[] = {
        {"events", &c.events}, {"agents", &c.agents}, {"stakes", &c.stakes}, {"proposals", &c.proposals},
        {"votes", &c.votes}, {"citations", &c.citations}, {"listings", &c.listings}, {"purchases", &c.purchases},
        {"disputes", &c.disputes}, {"pools", &c.pools}, {"models", &c.models}, {"versions", &c.versions},
        {"ratings", &c.ratings}, {"revenue_epochs", &c.epochs}};
    for (auto& [table, out] : tables) {
        CTRN_ASSIGN(auto st, m_db->prepare(std::string("SELECT count(*) FROM ") + table));
        CTRN_ASSIGN(auto row, st.firstRow([](Statement& s) { return s.int64(0); }));
        *out = row.value_or(0);
    }
    return c;
}

Result<std::string> ProtocolStore::derivedDump() {
    std::string out;
    for (const auto& table : kDerivedTables) {
        CTRN_ASSIGN(auto info, m_db->prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid"));
        info.bind(1, table);
        CTRN_ASSIGN(auto columns, info.rows([](Statement& s) { return s.text(0); }));
        std::string row;
        for (const auto& col : columns) row += (row.empty() ? "" : " || '|' || ") + std::string("quote(") + col + ")";
        CTRN_ASSIGN(auto st, m_db->prepare("SELECT " + row + " FROM " + table + " ORDER BY 1"));
        CTRN_ASSIGN(auto rows, st.rows([](Statement& s) { return s.text(0); }));
        std::sort(rows.begin(), rows.end());
        out += "[" + table + "]\n";
        for (const auto& r : rows) out += r + "\n";
    }
    return out;
}

Result<std::optional<MetadataRecord>> ProtocolStore::metadata(const std::string& uri, const std::string& hash) {
    CTRN_ASSIGN(auto st, m_db->prepare("SELECT uri, hash, status, body, error, actual_hash FROM metadata WHERE uri = ?1 AND hash = ?2"));
    st.bind(1, uri).bind(2, lowerHex(hash));
    return st.firstRow([](Statement& s) {
        return MetadataRecord{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5)};
    });
}

Status ProtocolStore::putMetadata(const MetadataRecord& r) {
    return run(*m_db,
               "INSERT OR REPLACE INTO metadata (uri, hash, status, body, error, actual_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
               r.uri, lowerHex(r.hash), r.status, r.body, r.error, lowerHex(r.actualHash));
}

Result<std::vector<std::pair<std::string, std::string>>> ProtocolStore::missingMetadata() {
    CTRN_ASSIGN(auto st, m_db->prepare(
        "SELECT metadata_uri, metadata_hash FROM listings UNION SELECT metadata_uri, metadata_hash FROM models "
        "EXCEPT SELECT uri, hash FROM metadata WHERE status = 'verified'"));
    return st.rows([](Statement& s) { return std::pair{s.text(0), s.text(1)}; });
}

namespace {
Result<std::vector<std::int64_t>> search(Database& db, const std::string& table, const std::string& words, int limit) {
    std::string query = ftsQuery(words);
    if (query.empty()) return std::vector<std::int64_t>{};
    // bm25 weights: a hit in the name counts most, then tags, licence, description.
    CTRN_ASSIGN(auto st, db.prepare("SELECT rowid FROM " + table + " WHERE " + table +
                                    " MATCH ?1 ORDER BY bm25(" + table + ", 10.0, 1.0, 4.0, 2.0), rowid LIMIT ?2"));
    st.bind(1, query).bind(2, std::int64_t{limit});
    return st.rows([](Statement& s) { return s.int64(0); });
}
} // namespace

Result<std::vector<std::int64_t>> ProtocolStore::searchListings(const std::string& query, int limit) {
    return search(*m_db, "listing_search", query, limit);
}

Result<std::vector<std::int64_t>> ProtocolStore::searchModels(const std::string& query, int limit) {
    return search(*m_db, "model_search", query, limit);
}

Status ProtocolStore::refreshSearch() {
    // Only verified metadata is searchable: a document whose hash does not
    // match the chain is not what the provider listed.
    CTRN_TRY(m_db->exec("DELETE FROM listing_search"));
    CTRN_TRY(m_db->exec(R"sql(
INSERT INTO listing_search (rowid, name, description, tags, licence)
SELECT l.id, coalesce(json_extract(m.body, '$.name'), ''), coalesce(json_extract(m.body, '$.description'), ''),
       coalesce((SELECT group_concat(value, ' ') FROM json_each(m.body, '$.tags')), '') || ' ' ||
         coalesce(json_extract(m.body, '$.kind'), ''),
       coalesce(json_extract(m.body, '$.specs.licence'), json_extract(m.body, '$.licence'), '')
FROM listings l JOIN metadata m ON m.uri = l.metadata_uri AND m.hash = l.metadata_hash
WHERE m.status = 'verified' AND json_valid(m.body))sql"));
    CTRN_TRY(m_db->exec("DELETE FROM model_search"));
    return m_db->exec(R"sql(
INSERT INTO model_search (rowid, name, description, tags, licence)
SELECT o.id, o.name, coalesce(json_extract(m.body, '$.description'), ''),
       coalesce((SELECT group_concat(value, ' ') FROM json_each(m.body, '$.tags')), '') || ' ' ||
         coalesce(json_extract(m.body, '$.card.task'), '') || ' ' || coalesce(json_extract(m.body, '$.card.params'), ''),
       o.spdx || ' ' || coalesce(json_extract(m.body, '$.licence'), '')
FROM models o LEFT JOIN metadata m ON m.uri = o.metadata_uri AND m.hash = o.metadata_hash AND m.status = 'verified'
  AND json_valid(m.body))sql");
}

Status ProtocolStore::addListingSearchRow(std::int64_t id, const std::string& name, const std::string& description,
                                          const std::string& tags, const std::string& licence) {
    return run(*m_db, "INSERT INTO listing_search (rowid, name, description, tags, licence) VALUES (?1, ?2, ?3, ?4, ?5)", id,
               name, description, tags, licence);
}

} // namespace ctrn::storage
