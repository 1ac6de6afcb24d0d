#include <core/storage/database.h>

#include <sqlite3.h>

namespace ctrn::storage {

Statement::Statement(Statement&& other) noexcept : m_db(other.m_db), m_stmt(other.m_stmt), m_bindError(other.m_bindError) {
    other.m_stmt = nullptr;
}

Statement::~Statement() {
    if (m_stmt) sqlite3_finalize(m_stmt);
}

Statement& Statement::bind(int index, std::int64_t value) {
    if (int rc = sqlite3_bind_int64(m_stmt, index, value); rc != SQLITE_OK) m_bindError = rc;
    return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
    if (int rc = sqlite3_bind_text(m_stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT); rc != SQLITE_OK)
        m_bindError = rc;
    return *this;
}

Statement& Statement::bind(int index, ByteView blob) {
    if (int rc = sqlite3_bind_blob(m_stmt, index, blob.data(), static_cast<int>(blob.size()), SQLITE_TRANSIENT); rc != SQLITE_OK)
        m_bindError = rc;
    return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
    if (int rc = sqlite3_bind_null(m_stmt, index); rc != SQLITE_OK) m_bindError = rc;
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& text) {
    return text ? bind(index, std::string_view(*text)) : bind(index, std::nullopt);
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value) {
    return value ? bind(index, *value) : bind(index, std::nullopt);
}

Result<bool> Statement::step() {
    if (m_bindError)
        return makeError(ErrorCode::Internal, std::string("database: bind failed: ") + sqlite3_errstr(m_bindError));
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return makeError(ErrorCode::Io, std::string("database: ") + sqlite3_errmsg(m_db));
}

Status Statement::run() {
    while (true) {
        CTRN_ASSIGN(bool row, step());
        if (!row) return Ok{};
    }
}

bool Statement::isNull(int c) const { return sqlite3_column_type(m_stmt, c) == SQLITE_NULL; }
std::int64_t Statement::int64(int c) const { return sqlite3_column_int64(m_stmt, c); }
std::string Statement::text(int c) const {
    auto* p = sqlite3_column_text(m_stmt, c);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, c))) : std::string();
}
std::optional<std::string> Statement::optionalText(int c) const {
    if (isNull(c)) return std::nullopt;
    return text(c);
}
std::optional<std::int64_t> Statement::optionalInt64(int c) const {
    if (isNull(c)) return std::nullopt;
    return int64(c);
}
Bytes Statement::blob(int c) const {
    auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_stmt, c));
    int n = sqlite3_column_bytes(m_stmt, c);
    return p ? Bytes(p, p + n) : Bytes();
}

Error Database::error(const std::string& what) const {
    return makeError(ErrorCode::Io, "database " + m_path + ": " + what + ": " + sqlite3_errmsg(m_db));
}

Database::~Database() { sqlite3_close_v2(m_db); }

Status Database::exec(const std::string& sql) {
    char* msg = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
        std::string text = msg ? msg : "unknown error";
        sqlite3_free(msg);
        return makeError(ErrorCode::Io, "database " + m_path + ": " + text);
    }
    return Ok{};
}

Result<Statement> Database::prepare(const std::string& sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr) != SQLITE_OK)
        return error("prepare");
    return Statement(m_db, stmt);
}

Status Database::transaction(const std::function<Status()>& body) {
    // IMMEDIATE takes the write lock up front, so two ctrn processes
    // serialise here instead of failing later with SQLITE_BUSY on upgrade.
    CTRN_TRY(exec("BEGIN IMMEDIATE"));
    Status s = body();
    if (!s) {
        (void)exec("ROLLBACK");
        return s;
    }
    Status c = exec("COMMIT");
    if (!c) (void)exec("ROLLBACK");
    return c;
}

Status Database::integrityCheck() {
    CTRN_ASSIGN(auto stmt, prepare("PRAGMA integrity_check"));
    std::string problems;
    while (true) {
        CTRN_ASSIGN(bool row, stmt.step());
        if (!row) break;
        std::string line = stmt.text(0);
        if (line != "ok") problems += (problems.empty() ? "" : "; ") + line;
    }
    if (!problems.empty())
        return makeError(ErrorCode::VerificationFailed, "database " + m_path + " is damaged: " + problems);
    return Ok{};
}

Result<std::int64_t> Database::userVersion() {
    CTRN_ASSIGN(auto stmt, prepare("PRAGMA user_version"));
    CTRN_TRY(stmt.step());
    std::int64_t v = stmt.int64(0);
    CTRN_TRY(stmt.step()); // to SQLITE_DONE, so no read transaction stays open
    return v;
}

Result<std::unique_ptr<Database>> Database::open(const std::string& path, const OpenOptions& options) {
    sqlite3* raw = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
        sqlite3_close_v2(raw);
        return makeError(ErrorCode::Io, "cannot open database " + path + ": " + msg);
    }
    std::unique_ptr<Database> db(new Database(raw, path));
    // Another ctrn (or the app) may hold the write lock briefly.
    sqlite3_busy_timeout(raw, 10000);

    std::int64_t appId = 0;
    {
        // Scoped: a statement left open keeps a read transaction, and WAL
        // cannot be turned on inside one.
        CTRN_ASSIGN(auto appStmt, db->prepare("PRAGMA application_id"));
        auto appRow = appStmt.step();
        if (!appRow) return makeError(ErrorCode::VerificationFailed, path + " is not a database: " + appRow.error().message);
        appId = appStmt.int64(0);
    }
    // A damaged file fails here or in the integrity check with sqlite's bare
    // "database disk image is malformed"; say which file, and that it is
    // damaged, since that is what the user must act on.
    auto damaged = [&](const Error& e) {
        if (e.code == ErrorCode::VerificationFailed) return e;
        return makeError(ErrorCode::VerificationFailed, "database " + path + " is damaged: " + e.message);
    };
    auto versionRead = db->userVersion();
    if (!versionRead) return damaged(versionRead.error());
    const std::int64_t version = *versionRead;
    if (options.applicationId != 0 && !(appId == 0 && version == 0) && appId != options.applicationId)
        return makeError(ErrorCode::VerificationFailed, path + " is not a Computronium wallet database (application_id " +
                                                            std::to_string(appId) + ")");
    if (auto check = db->integrityCheck(); !check) return damaged(check.error());
    CTRN_TRY(db->exec("PRAGMA foreign_keys = ON"));
    CTRN_TRY(db->exec("PRAGMA journal_mode = WAL"));
    // FULL: a journal entry committed before a broadcast must survive a
    // power cut too, not only a crash of the process.
    CTRN_TRY(db->exec("PRAGMA synchronous = FULL"));
    if (version > static_cast<std::int64_t>(options.migrations.size()))
        return makeError(ErrorCode::Unsupported, path + " was written by a newer version (schema " + std::to_string(version) +
                                                     ", this build knows " + std::to_string(options.migrations.size()) + ")");
    for (auto v = static_cast<std::size_t>(version); v < options.migrations.size(); ++v) {
        Database& d = *db;
        CTRN_TRY(d.transaction([&]() -> Status {
            CTRN_TRY(options.migrations[v](d));
            if (v == 0 && options.applicationId != 0)
                CTRN_TRY(d.exec("PRAGMA application_id = " + std::to_string(options.applicationId)));
            return d.exec("PRAGMA user_version = " + std::to_string(v + 1));
        }).withContext("migration to schema " + std::to_string(v + 1)));
    }
    return db;
}

Status Database::backupTo(const std::string& path) {
    sqlite3* dest = nullptr;
    if (sqlite3_open_v2(path.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
        sqlite3_close_v2(dest);
        return makeError(ErrorCode::Io, "cannot create backup " + path);
    }
    sqlite3_backup* backup = sqlite3_backup_init(dest, "main", m_db, "main");
    if (!backup) {
        std::string msg = sqlite3_errmsg(dest);
        sqlite3_close_v2(dest);
        return makeError(ErrorCode::Io, "backup to " + path + ": " + msg);
    }
    int rc;
    do {
        rc = sqlite3_backup_step(backup, 256);
        if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
    } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
    sqlite3_backup_finish(backup);
    sqlite3_close_v2(dest);
    if (rc != SQLITE_DONE) return makeError(ErrorCode::Io, std::string("backup to " + path + ": ") + sqlite3_errstr(rc));
    // Checked as it is, without migrations or pragmas that would change it.
    sqlite3* check = nullptr;
    if (sqlite3_open_v2(path.c_str(), &check, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close_v2(check);
        return makeError(ErrorCode::Io, "cannot reopen backup " + path);
    }
    Database copy(check, path);
    return copy.integrityCheck();
}

} // namespace ctrn::storage
