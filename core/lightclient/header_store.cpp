#include <core/lightclient/header_store.h>

#include <core/encoding/rlp.h>
#include <core/util/hex.h>

#include <chrono>

namespace ctrn::lightclient {
namespace {

constexpr std::int32_t kApplicationId = 0x4354524c; // "CTRL"

std::int64_t i64(std::uint64_t v) { return static_cast<std::int64_t>(v); }
std::uint64_t u64(std::int64_t v) { return static_cast<std::uint64_t>(v); }

Status createSchema(storage::Database& db) {
    return db.exec(R"(
        CREATE TABLE checkpoint (
            chain_id INTEGER PRIMARY KEY,
            number INTEGER NOT NULL,
            hash BLOB NOT NULL,
            source TEXT NOT NULL,
            set_at INTEGER NOT NULL);
        CREATE TABLE header (
            chain_id INTEGER NOT NULL,
            number INTEGER NOT NULL,
            hash BLOB NOT NULL,
            json TEXT NOT NULL,
            PRIMARY KEY (chain_id, number));
        CREATE TABLE endpoint_mark (
            chain_id INTEGER NOT NULL,
            url TEXT NOT NULL,
            kind TEXT NOT NULL,
            message TEXT NOT NULL,
            at INTEGER NOT NULL);
    )");
}

std::int64_t now() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

} // namespace

Result<std::unique_ptr<HeaderStore>> HeaderStore::open(const std::string& path) {
    storage::OpenOptions options;
    options.applicationId = kApplicationId;
    options.migrations = {createSchema};
    CTRN_ASSIGN(auto db, storage::Database::open(path, options));
    return std::unique_ptr<HeaderStore>(new HeaderStore(std::move(db)));
}

Result<std::optional<Checkpoint>> HeaderStore::checkpoint(std::uint64_t chainId) {
    CTRN_ASSIGN(auto st, m_db->prepare("SELECT number, hash, source, set_at FROM checkpoint WHERE chain_id = ?1"));
    st.bind(1, i64(chainId));
    CTRN_ASSIGN(auto row, st.firstRow([](storage::Statement& s) {
        Checkpoint c;
        c.block.number = u64(s.int64(0));
        Bytes h = s.blob(1);
        if (h.size() == 32) c.block.hash = chain::Hash(toFixed<32>(h));
        c.source = s.text(2);
        c.setAt = s.int64(3);
        return c;
    }));
    if (row) {
        CTRN_ASSIGN(auto h, header(chainId, row->block.number));
        if (h && h->hash == row->block.hash) row->timestamp = h->header.timestamp;
    }
    return row;
}

Status HeaderStore::setCheckpoint(std::uint64_t chainId, const Checkpoint& checkpoint) {
    CTRN_ASSIGN(auto old, this->checkpoint(chainId));
    return m_db->transaction([&]() -> Status {
        if (old && old->block.hash != checkpoint.block.hash) {
            CTRN_ASSIGN(auto del, m_db->prepare("DELETE FROM header WHERE chain_id = ?1"));
            del.bind(1, i64(chainId));
            CTRN_TRY(del.run());
        }
        if (old && old->block.hash == checkpoint.block.hash) return Ok{};
        CTRN_ASSIGN(auto st, m_db->prepare("INSERT OR REPLACE INTO checkpoint (chain_id, number, hash, source, set_at) VALUES (?1, ?2, ?3, ?4, ?5)"));
        st.bind(1, i64(chainId)).bind(2, i64(checkpoint.block.number)).bind(3, checkpoint.block.hash.view()).bind(4, checkpoint.source)
            .bind(5, checkpoint.setAt ? checkpoint.setAt : now());
        return st.run();
    });
}

Status HeaderStore::putHeaders(std::uint64_t chainId, const std::vector<VerifiedHeader>& headers) {
    return m_db->transaction([&]() -> Status {
        for (const auto& h : headers) {
            CTRN_ASSIGN(auto insert, m_db->prepare("INSERT OR REPLACE INTO header (chain_id, number, hash, json) VALUES (?1, ?2, ?3, ?4)"));
            insert.bind(1, i64(chainId)).bind(2, i64(h.header.number)).bind(3, h.hash.view()).bind(4, headerJson(h.header).dump());
            CTRN_TRY(insert.run());
        }
        return Ok{};
    });
}

Result<std::optional<VerifiedHeader>> HeaderStore::oneHeader(const std::string& sql, std::uint64_t chainId,
                                                             std::optional<std::uint64_t> number) {
    CTRN_ASSIGN(auto st, m_db->prepare(sql));
    st.bind(1, i64(chainId));
    if (number) st.bind(2, i64(*number));
    CTRN_ASSIGN(auto row, st.firstRow([](storage::Statement& s) { return std::make_pair(s.blob(0), s.text(1)); }));
    if (!row) return std::optional<VerifiedHeader>();
    CTRN_ASSIGN(Json json, parseJson(row->second));
    auto h = hashHeader(json);
    if (!h || row->first.size() != 32 || h->hash != chain::Hash(toFixed<32>(row->first)))
        return makeError(ErrorCode::VerificationFailed, "light client database: a stored header no longer hashes to its hash");
    return std::optional<VerifiedHeader>(std::move(h).value());
}

Result<std::optional<VerifiedHeader>> HeaderStore::header(std::uint64_t chainId, std::uint64_t number) {
    return oneHeader("SELECT hash, json FROM header WHERE chain_id = ?1 AND number = ?2", chainId, number);
}

Result<std::optional<VerifiedHeader>> HeaderStore::head(std::uint64_t chainId) {
    return oneHeader("SELECT hash, json FROM header WHERE chain_id = ?1 ORDER BY number DESC LIMIT 1", chainId, std::nullopt);
}

Result<std::optional<VerifiedHeader>> HeaderStore::lowest(std::uint64_t chainId) {
    return oneHeader("SELECT hash, json FROM header WHERE chain_id = ?1 ORDER BY number ASC LIMIT 1", chainId, std::nullopt);
}

Status HeaderStore::markEndpoint(std::uint64_t chainId, const EndpointMark& mark) {
    CTRN_ASSIGN(auto st, m_db->prepare("INSERT INTO endpoint_mark (chain_id, url, kind, message, at) VALUES (?1, ?2, ?3, ?4, ?5)"));
    st.bind(1, i64(chainId)).bind(2, mark.url).bind(3, mark.kind).bind(4, mark.message).bind(5, mark.at ? mark.at : now());
    return st.run();
}

Result<std::vector<EndpointMark>> HeaderStore::marks(std::uint64_t chainId) {
    CTRN_ASSIGN(auto st, m_db->prepare("SELECT url, kind, message, at FROM endpoint_mark WHERE chain_id = ?1 ORDER BY at"));
    st.bind(1, i64(chainId));
    return st.rows([](storage::Statement& s) { return EndpointMark{s.text(0), s.text(1), s.text(2), s.int64(3)}; });
}

} // namespace ctrn::lightclient
