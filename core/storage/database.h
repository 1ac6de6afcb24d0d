// The one wrapper around the sqlite3 C API: open with the pragmas every
// database of ours needs (application_id, WAL, foreign keys, integrity
// check), user_version migrations, prepared statements, transactions and
// online backup. Its C conventions (int codes, raw handles) end here.
#pragma once

#include <core/util/bytes.h>
#include <core/util/result.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace ctrn::storage {

class Statement {
public:
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    ~Statement();

    // Parameters are 1-based as in SQL (?1, ?2 ...).
    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, std::string_view text);
    Statement& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Statement& bind(int index, ByteView blob);
    Statement& bind(int index, std::nullopt_t);
    Statement& bind(int index, const std::optional<std::string>& text);
    Statement& bind(int index, const std::optional<std::int64_t>& value);

    // true: a row is ready; false: done. Errors carry sqlite's message.
    Result<bool> step();
    // Runs to completion (INSERT, UPDATE, DELETE).
    Status run();

    // Every remaining row, each turned into a value by read(*this).
    template <typename Read>
    auto rows(Read read) -> Result<std::vector<decltype(read(std::declval<Statement&>()))>> {
        std::vector<decltype(read(*this))> out;
        for (;;) {
            CTRN_ASSIGN(bool row, step());
            if (!row) return out;
            out.push_back(read(*this));
        }
    }
    // The next row turned into a value by read(*this), or nullopt if none.
    template <typename Read>
    auto firstRow(Read read) -> Result<std::optional<decltype(read(std::declval<Statement&>()))>> {
        using Value = decltype(read(*this));
        CTRN_ASSIGN(bool row, step());
        if (!row) return std::optional<Value>();
        return std::optional<Value>(read(*this));
    }

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    std::string text(int column) const;
    std::optional<std::string> optionalText(int column) const;
    std::optional<std::int64_t> optionalInt64(int column) const;
    Bytes blob(int column) const;

private:
    friend class Database;
    Statement(sqlite3* db, sqlite3_stmt* stmt) : m_db(db), m_stmt(stmt) {}
    sqlite3* m_db;
    sqlite3_stmt* m_stmt;
    int m_bindError = 0;
};

// One step of the schema: user_version goes from index to index + 1.
using Migration = std::function<Status(class Database&)>;

struct OpenOptions {
    std::int32_t applicationId = 0;     // PRAGMA application_id; 0 = not checked
    std::vector<Migration> migrations;  // migrations[i] upgrades version i to i + 1
};

class Database {
public:
    // Opens (creating if missing) and then, in order: refuses a file with a
    // different application_id ("not a Computronium wallet database"), runs
    // PRAGMA integrity_check (ErrorCode::VerificationFailed naming the first
    // problem), turns on WAL and foreign keys, and applies the migrations
    // the file has not seen, each in its own transaction. A file from a
    // newer version (user_version above ours) is refused, never downgraded.
    static Result<std::unique_ptr<Database>> open(const std::string& path, const OpenOptions& options);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    Status exec(const std::string& sql);
    Result<Statement> prepare(const std::string& sql);
    // Runs `body` inside BEGIN IMMEDIATE ... COMMIT; rolls back if it fails.
    Status transaction(const std::function<Status()>& body);
    // "ok" or the problems PRAGMA integrity_check lists.
    Status integrityCheck();
    Result<std::int64_t> userVersion();
    // Copies the live database to `path` with the online backup API (the
    // copy is consistent even while we write); the copy is then checked.
    Status backupTo(const std::string& path);

    const std::string& path() const { return m_path; }

private:
    explicit Database(sqlite3* db, std::string path) : m_db(db), m_path(std::move(path)) {}
    Error error(const std::string& what) const;
    sqlite3* m_db;
    std::string m_path;
};

} // namespace ctrn::storage
