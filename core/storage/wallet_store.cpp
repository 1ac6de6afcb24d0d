#include <core/storage/wallet_store.h>
#include <core/util/text.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <set>
#include <tuple>

namespace ctrn::storage {
namespace {

// Schema version 1. Later versions append a migration; a released one is
// never edited.
Status migrateTo1(Database& db) {
    return db.exec(R"sql(
CREATE TABLE networks (
    chain_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);
CREATE TABLE endpoints (
    id INTEGER PRIMARY KEY,
    chain_id INTEGER NOT NULL REFERENCES networks(chain_id) ON DELETE CASCADE,
    url TEXT NOT NULL,
    position INTEGER NOT NULL,
    UNIQUE (chain_id, url)
);
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE wallets (
    name TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('hd', 'key', 'watch')),
    created_at INTEGER NOT NULL,
    next_hd_index INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE accounts (
    address TEXT PRIMARY KEY,
    wallet TEXT NOT NULL REFERENCES wallets(name) ON UPDATE CASCADE ON DELETE CASCADE,
    hd_index INTEGER,
    label TEXT NOT NULL DEFAULT '',
    watch_only INTEGER NOT NULL
);
CREATE TABLE address_book (
    address TEXT PRIMARY KEY,
    label TEXT NOT NULL
);
CREATE TABLE pending_transactions (
    hash TEXT PRIMARY KEY,
    chain_id INTEGER NOT NULL,
    sender TEXT NOT NULL,
    nonce INTEGER NOT NULL,
    recipient TEXT,
    value TEXT NOT NULL,
    token TEXT,
    token_amount TEXT,
    kind TEXT NOT NULL,
    replaces TEXT,
    raw BLOB NOT NULL,
    broadcast INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL
);
CREATE INDEX pending_by_sender ON pending_transactions (chain_id, sender, nonce);
CREATE TABLE transactions (
    hash TEXT PRIMARY KEY,
    chain_id INTEGER NOT NULL,
    sender TEXT NOT NULL,
    nonce INTEGER NOT NULL,
    recipient TEXT,
    value TEXT NOT NULL,
    token TEXT,
    token_amount TEXT,
    kind TEXT NOT NULL,
    replaces TEXT,
    status TEXT NOT NULL,
    block_number INTEGER,
    created_at INTEGER NOT NULL,
    finished_at INTEGER NOT NULL
);
CREATE INDEX transactions_by_sender ON transactions (chain_id, sender, nonce);
)sql");
}

// Schema version 2: the history read newest first, a page at a time
// (historyPage), walks this index instead of sorting the table per page.
Status migrateTo2(Database& db) {
    return db.exec("CREATE INDEX transactions_by_time ON transactions (chain_id, created_at DESC, nonce DESC, hash DESC);");
}

// Schema version 3: token transfers found on chain (Transfer logs to or from
// an account), listed in the history beside the wallet's own sends, and how
// far each account's scan has reached. Accounts and tokens are lower-case
// in the keys (what a scan is looked up by); addresses shown are EIP-55.
Status migrateTo3(Database& db) {
    return db.exec(R"sql(
CREATE TABLE token_transfers (
    chain_id INTEGER NOT NULL,
    account TEXT NOT NULL,
    hash TEXT NOT NULL,
    log_index INTEGER NOT NULL,
    token TEXT NOT NULL,
    sender TEXT NOT NULL,
    recipient TEXT NOT NULL,
    amount TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('received', 'sent', 'self')),
    block_number INTEGER NOT NULL,
    block_hash TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (chain_id, account, hash, log_index)
);
CREATE INDEX token_transfers_by_time ON token_transfers (chain_id, account, created_at DESC, block_number DESC, log_index DESC, hash DESC);
CREATE INDEX token_transfers_all_by_time ON token_transfers (chain_id, created_at DESC, block_number DESC, log_index DESC, hash DESC, account DESC);
CREATE INDEX token_transfers_by_block ON token_transfers (chain_id, account, block_number);
CREATE TABLE transfer_scans (
    chain_id INTEGER NOT NULL,
    account TEXT NOT NULL,
    token TEXT NOT NULL,
    scanned_to INTEGER NOT NULL,
    PRIMARY KEY (chain_id, account, token)
);
)sql");
}

// Found transfers as history rows, without the ones whose transaction is
// one of the wallet's own sends of that token (listed as the send).
const char* kTransferSelect =
    "SELECT hash, chain_id, sender, recipient, token, amount, kind, created_at, block_number, log_index, account "
    "FROM token_transfers AS tt WHERE chain_id = ?1 "
    "AND NOT EXISTS (SELECT 1 FROM transactions AS o WHERE o.hash = tt.hash AND lower(o.token) = lower(tt.token)) "
    "AND NOT EXISTS (SELECT 1 FROM pending_transactions AS p WHERE p.hash = tt.hash AND lower(p.token) = lower(tt.token))";

TxRecord readTransfer(const Statement& s) {
    TxRecord t;
    t.hash = s.text(0);
    t.chainId = static_cast<std::uint64_t>(s.int64(1));
    t.from = s.text(2);
    t.to = s.text(3);
    t.token = s.text(4);
    t.tokenAmount = s.text(5);
    t.kind = s.text(6);
    t.createdAt = s.int64(7);
    t.blockNumber = s.int64(8);
    t.logIndex = s.int64(9);
    t.account = s.text(10);
    t.status = "mined";
    t.inJournal = false;
    return t;
}

// Whether `a` comes before `b` in the history's order (newest first).
bool comesBefore(const HistoryKey& a, const HistoryKey& b) {
    return std::tie(a.createdAt, a.block, a.nonce, a.hash, a.transfer, a.account) >
           std::tie(b.createdAt, b.block, b.nonce, b.hash, b.transfer, b.account);
}

const char* kTxColumns = "hash, chain_id, sender, nonce, recipient, value, token, token_amount, kind, replaces, created_at";

TxRecord readTx(const Statement& s, bool journal) {
    TxRecord t;
    t.hash = s.text(0);
    t.chainId = static_cast<std::uint64_t>(s.int64(1));
    t.from = s.text(2);
    t.nonce = static_cast<std::uint64_t>(s.int64(3));
    t.to = s.optionalText(4);
    t.value = s.text(5);
    t.token = s.optionalText(6);
    t.tokenAmount = s.optionalText(7);
    t.kind = s.text(8);
    t.replaces = s.optionalText(9);
    t.createdAt = s.int64(10);
    t.inJournal = journal;
    if (journal) {
        t.raw = s.blob(11);
        t.broadcast = s.int64(12) != 0;
        t.status = "pending";
    } else {
        t.status = s.text(11);
        t.blockNumber = s.optionalInt64(12);
    }
    return t;
}

WalletRecord readWallet(const Statement& s) {
    return {s.text(0), s.text(1), s.int64(2), static_cast<std::uint32_t>(s.int64(3))};
}

AccountRecord readAccount(const Statement& s) {
    return {s.text(0), s.text(1), s.optionalInt64(2), s.text(3), s.int64(4) != 0};
}

Status insertAccount(Database& db, const AccountRecord& a) {
    CTRN_ASSIGN(auto st, db.prepare("INSERT INTO accounts (address, wallet, hd_index, label, watch_only) VALUES (?1, ?2, ?3, ?4, ?5)"));
    st.bind(1, a.address).bind(2, a.wallet).bind(3, a.hdIndex).bind(4, a.label).bind(5, std::int64_t{a.watchOnly});
    auto r = st.run();
    if (r) return r;
    // Name the constraint the user hit; anything else (disk, lock) as it is.
    if (r.error().message.find("FOREIGN KEY") != std::string::npos)
        return makeError(ErrorCode::NotFound, "no wallet named '" + a.wallet + "'");
    if (r.error().message.find("UNIQUE") != std::string::npos)
        return makeError(ErrorCode::InvalidInput, "account " + a.address + " is already in a wallet");
    return r;
}

} // namespace

std::int64_t unixNow() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

Result<std::unique_ptr<WalletStore>> WalletStore::open(const std::string& path) {
    OpenOptions options;
    options.applicationId = kWalletApplicationId;
    options.migrations = {migrateTo1, migrateTo2, migrateTo3};
    CTRN_ASSIGN(auto db, Database::open(path, options));
    return std::unique_ptr<WalletStore>(new WalletStore(std::move(db)));
}

Status WalletStore::addWallet(const WalletRecord& w, const std::vector<AccountRecord>& accounts) {
    return m_db->transaction([&]() -> Status {
        CTRN_ASSIGN(auto st, m_db->prepare("INSERT INTO wallets (name, kind, created_at, next_hd_index) VALUES (?1, ?2, ?3, ?4)"));
        st.bind(1, w.name).bind(2, w.kind).bind(3, w.createdAt).bind(4, std::int64_t{w.nextHdIndex});
        if (!st.run()) return makeError(ErrorCode::InvalidInput, "a wallet named '" + w.name + "' already exists");
        for (const auto& a : accounts) CTRN_TRY(insertAccount(*m_db, a));
        return Ok{};
    });
}

Result<std::vector<WalletRecord>> WalletStore::wallets() {
    CTRN_ASSIGN(auto st, m_db->prepare("SELECT name, kind, created_at, next_hd_index FROM wallets ORDER BY name"));
    return st.rows([](Statement& row) { return readWallet(row); });
}

Result<std::optional<WalletRecord>> WalletStore::wallet(const std::string& name) {
    CTRN_ASSIGN(auto st, m_db->prepare("SELECT name, kind, created_at, next_hd_index FROM wallets WHERE name = ?1"));
    st.bind(1, name);
    return st.firstRow([](Statement& row) { return readWallet(row); });
}

Status WalletStore::renameWallet(const std::string& from, const std::string& to) {
    CTRN_ASSIGN(auto st, m_db->prepare("UPDATE wallets SET name = ?2 WHERE name = ?1"));
    st.bind(1, from).bind(2, to);
    if (!st.run()) return makeError(ErrorCode::InvalidInput, "a wallet named '" + to + "' already exists");
    return Ok{};
}

Status WalletStore::addAccount(const AccountRecord& account, std::optional<std::uint32_t> nextHdIndex) {
    return m_db->transaction([&]() -> Status {
        CTRN_TRY(insertAccount(*m_db, account));
        if (nextHdIndex) {
            CTRN_ASSIGN(auto st, m_db->prepare("UPDATE wallets SET next_hd_index = ?2 WHERE name = ?1"));
            st.bind(1, account.wallet).bind(2, std::int64_t{*nextHdIndex});
            CTRN_TRY(st.run());
        }
        return Ok{};
    });
}

Result<std::vector<AccountRecord>> WalletStore::accounts(const std::optional<std::string>& wallet) {
    CTRN_ASSIGN(auto st, m_db->prepare("SELECT address, wallet, hd_index, label, watch_only FROM accounts "
                                       "WHERE ?1 IS NULL OR wallet = ?1 ORDER BY wallet, hd_index, address"));
    st.bind(1, wallet);
    return st.rows([](Statement& row) { return readAccount(row); });
}

Result<std::optional<AccountRecord>> WalletStore::account(const std::string& address) {
    CTRN_ASSIGN(auto st, m_db->prepare("SELECT address, wallet, hd_index, label, watch_only FROM accounts WHERE lower(address) = lower(?1)"));
    st.bind(1, address);
    return st.firstRow([](Statement& row) { return readAccount(row); });
}

Status WalletStore::setContact(const AddressBookEntry& e) {
    CTRN_ASSIGN(auto st, m_db->prepare("INSERT INTO address_book (address, label) VALUES (?1, ?2) "
                                       "ON CONFLICT (address) DO UPDATE SET label = excluded.label"));
    st.bind(1, e.address).bind(2, e.label);
    return st.run();
}

Status WalletStore::removeContact(const std::string& address) {
    CTRN_ASSIGN(auto st, m_db->prepare("DELETE FROM address_book WHERE address = ?1"));
    st.bind(1, address);
    return st.run();
}

Result<std::vector<AddressBookEntry>> WalletStore::contacts() {
    CTRN_ASSIGN(auto st, m_db->prepare("SELECT address, label FROM address_book ORDER BY label, address"));
    return st.rows([](Statement& row) { return AddressBookEntry{row.text(0), row.text(1)}; });
}

Status WalletStore::setNetwork(const NetworkRecord& n) {
    return m_db->transaction([&]() -> Status {
        CTRN_ASSIGN(auto st, m_db->prepare("INSERT INTO networks (chain_id, name) VALUES (?1, ?2) "
                                           "ON CONFLICT (chain_id) DO UPDATE SET name = excluded.name"));
        st.bind(1, static_cast<std::int64_t>(n.chainId)).bind(2, n.name);
        CTRN_TRY(st.run());
        CTRN_ASSIGN(auto del, m_db->prepare("DELETE FROM endpoints WHERE chain_id = ?1"));
        del.bind(1, static_cast<std::int64_t>(n.chainId));
        CTRN_TRY(del.run());
        std::int64_t pos = 0;
        for (const auto& url : n.endpoints) {
            CTRN_ASSIGN(auto ins, m_db->prepare("INSERT OR IGNORE INTO endpoints (chain_id, url, position) VALUES (?1, ?2, ?3)"));
            ins.bind(1, static_cast<std::int64_t>(n.chainId)).bind(2, url).bind(3, pos++);
            CTRN_TRY(ins.run());
        }
        return Ok{};
    });
}

Result<std::optional<NetworkRecord>> WalletStore::network(std::uint64_t chainId) {
    CTRN_ASSIGN(auto st, m_db->prepare("SELECT name FROM networks WHERE chain_id = ?1"));
    st.bind(1, static_cast<std::int64_t>(chainId));
    CTRN_ASSIGN(bool found, st.step());
    if (!found) return std::optional<NetworkRecord>();
    NetworkRecord n{chainId, st.text(0), {}};
    CTRN_ASSIGN(auto eps, m_db->prepare("SELECT url FROM endpoints WHERE chain_id = ?1 ORDER BY position"));
    eps.bind(1, static_cast<std::int64_t>(chainId));
    CTRN_ASSIGN(n.endpoints, eps.rows([](Statement& row) { return row.text(0); }));
    return std::optional<NetworkRecord>(n);
}

Status WalletStore::setSetting(const std::string& key, const std::string& value) {
    CTRN_ASSIGN(auto st, m_db->prepare("INSERT INTO settings (key, value) VALUES (?1, ?2) "
                                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    st.bind(1, key).bind(2, value);
    return st.run();
}

Result<std::optional<std::string>> WalletStore::setting(const std::string& key) {
    CTRN_ASSIGN(auto st, m_db->prepare("SELECT value FROM settings WHERE key = ?1"));
    st.bind(1, key);
    return st.firstRow([](Statement& row) { return row.text(0); });
}

Status WalletStore::journalInsert(const TxRecord& t) {
    CTRN_ASSIGN(auto st, m_db->prepare(
        "INSERT INTO pending_transactions (hash, chain_id, sender, nonce, recipient, value, token, token_amount, kind, "
        "replaces, created_at, raw, broadcast) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"));
    st.bind(1, t.hash).bind(2, static_cast<std::int64_t>(t.chainId)).bind(3, t.from).bind(4, static_cast<std::int64_t>(t.nonce))
        .bind(5, t.to).bind(6, t.value).bind(7, t.token).bind(8, t.tokenAmount).bind(9, t.kind).bind(10, t.replaces)
        .bind(11, t.createdAt).bind(12, ByteView(t.raw)).bind(13, std::int64_t{t.broadcast});
    return st.run();
}

Status WalletStore::journalMarkBroadcast(const std::string& hash) {
    CTRN_ASSIGN(auto st, m_db->prepare("UPDATE pending_transactions SET broadcast = 1 WHERE hash = ?1"));
    st.bind(1, hash);
    return st.run();
}

Status WalletStore::journalRemove(const std::string& hash) {
    CTRN_ASSIGN(auto st, m_db->prepare("DELETE FROM pending_transactions WHERE hash = ?1"));
    st.bind(1, hash);
    return st.run();
}

Result<std::vector<TxRecord>> WalletStore::journal(std::uint64_t chainId) {
    CTRN_ASSIGN(auto st, m_db->prepare(std::string("SELECT ") + kTxColumns +
                                       ", raw, broadcast FROM pending_transactions WHERE chain_id = ?1 ORDER BY sender, nonce, created_at"));
    st.bind(1, static_cast<std::int64_t>(chainId));
    return st.rows([](Statement& row) { return readTx(row, true); });
}

Result<std::optional<std::uint64_t>> WalletStore::journalMaxNonce(std::uint64_t chainId, const std::string& from) {
    CTRN_ASSIGN(auto st, m_db->prepare("SELECT max(nonce) FROM pending_transactions WHERE chain_id = ?1 AND lower(sender) = lower(?2)"));
    st.bind(1, static_cast<std::int64_t>(chainId)).bind(2, from);
    CTRN_ASSIGN(bool row, st.step());
    if (!row || st.isNull(0)) return std::optional<std::uint64_t>();
    return std::optional<std::uint64_t>(static_cast<std::uint64_t>(st.int64(0)));
}

Status WalletStore::finishTransaction(const std::string& hash, const std::string& status, std::optional<std::int64_t> block) {
    return m_db->transaction([&]() -> Status {
        CTRN_ASSIGN(auto ins, m_db->prepare(
            "INSERT INTO transactions (hash, chain_id, sender, nonce, recipient, value, token, token_amount, kind, replaces, "
            "created_at, status, block_number, finished_at) SELECT hash, chain_id, sender, nonce, recipient, value, token, "
            "token_amount, kind, replaces, created_at, ?2, ?3, ?4 FROM pending_transactions WHERE hash = ?1"));
        ins.bind(1, hash).bind(2, status).bind(3, block).bind(4, unixNow());
        CTRN_TRY(ins.run());
        CTRN_ASSIGN(auto del, m_db->prepare("DELETE FROM pending_transactions WHERE hash = ?1"));
        del.bind(1, hash);
        return del.run();
    });
}

Result<std::vector<TxRecord>> WalletStore::history(std::uint64_t chainId, const std::optional<std::string>& address, std::size_t limit) {
    // The journal's entries first (newest state the user cares about), then
    // the finished ones, newest first.
    std::vector<TxRecord> out;
    CTRN_ASSIGN(auto pending, journal(chainId));
    for (auto& t : pending)
        if (!address || t.from == *address || (t.to && *t.to == *address)) out.push_back(std::move(t));
    CTRN_ASSIGN(auto st, m_db->prepare(std::string("SELECT ") + kTxColumns +
                                       ", status, block_number FROM transactions WHERE chain_id = ?1 AND "
                                       "(?2 IS NULL OR lower(sender) = lower(?2) OR lower(recipient) = lower(?2)) "
                                       "ORDER BY created_at DESC, nonce DESC LIMIT ?3"));
    st.bind(1, static_cast<std::int64_t>(chainId)).bind(2, address).bind(3, static_cast<std::int64_t>(limit));
    CTRN_ASSIGN(auto mined, st.rows([](Statement& row) { return readTx(row, false); }));
    out.insert(out.end(), std::make_move_iterator(mined.begin()), std::make_move_iterator(mined.end()));
    return out;
}

Result<std::optional<TxRecord>> WalletStore::transaction(const std::string& hash) {
    {
        CTRN_ASSIGN(auto st, m_db->prepare(std::string("SELECT ") + kTxColumns + ", raw, broadcast FROM pending_transactions WHERE hash = lower(?1)"));
        st.bind(1, hash);
        CTRN_ASSIGN(bool row, st.step());
        if (row) return std::optional<TxRecord>(readTx(st, true));
    }
    CTRN_ASSIGN(auto st, m_db->prepare(std::string("SELECT ") + kTxColumns + ", status, block_number FROM transactions WHERE hash = lower(?1)"));
    st.bind(1, hash);
    CTRN_ASSIGN(bool row, st.step());
    if (row) return std::optional<TxRecord>(readTx(st, false));
    return std::optional<TxRecord>();
}

} // namespace ctrn::storage

namespace ctrn::storage {

HistoryKey historyKey(const TxRecord& tx) {
    if (tx.logIndex)
        return {false, tx.createdAt, tx.blockNumber.value_or(0), static_cast<std::uint64_t>(*tx.logIndex), tx.hash, true,
                asciiLower(tx.account.value_or(""))};
    return {tx.inJournal, tx.createdAt, 0, tx.nonce, tx.hash, false, {}};
}

Result<std::vector<TxRecord>> WalletStore::historyPage(std::uint64_t chainId, const std::optional<std::string>& address,
                                                       const std::optional<HistoryKey>& after, std::size_t limit) {
    std::vector<TxRecord> out;
    // Two keyset queries rather than one over a UNION: each walks its own
    // table in index order from the key, so a page deep in a long history
    // costs what the first one does. The key condition is left out of the
    // text (not "?3 IS NULL OR ...") when there is none: an OR would make
    // SQLite scan from the top.
    auto page = [&](bool journal, const HistoryKey* key, std::vector<TxRecord>& into) -> Status {
        std::string sql = std::string("SELECT ") + kTxColumns +
                          (journal ? ", raw, broadcast FROM pending_transactions" : ", status, block_number FROM transactions") +
                          " WHERE chain_id = ?1";
        if (address) sql += " AND (lower(sender) = lower(?2) OR lower(recipient) = lower(?2))";
        // After a found transfer's key, every own send of the same second
        // still follows it (own sends sort as block 0, after transfers).
        if (key) sql += key->transfer ? " AND created_at <= ?3" : " AND (created_at, nonce, hash) < (?3, ?4, ?5)";
        sql += " ORDER BY created_at DESC, nonce DESC, hash DESC LIMIT ?6";
        CTRN_ASSIGN(auto st, m_db->prepare(sql));
        st.bind(1, static_cast<std::int64_t>(chainId));
        if (address) st.bind(2, *address);
        if (key) st.bind(3, key->createdAt);
        if (key && !key->transfer) st.bind(4, static_cast<std::int64_t>(key->nonce)).bind(5, key->hash);
        st.bind(6, static_cast<std::int64_t>(limit - out.size()));
        CTRN_ASSIGN(auto rows, st.rows([journal](Statement& row) { return readTx(row, journal); }));
        for (auto& t : rows) into.push_back(std::move(t));
        return Ok{};
    };
    // The found transfers after `key`, in the same order (their own index).
    auto transfers = [&](const HistoryKey* key, std::vector<TxRecord>& into) -> Status {
        std::string sql = kTransferSelect;
        if (address) sql += " AND account = ?2";
        // After an own send's key (block 0), only older seconds' transfers.
        if (key)
            sql += key->transfer ? " AND (created_at, block_number, log_index, hash, account) < (?3, ?8, ?4, ?5, ?7)"
                                 : " AND created_at < ?3";
        sql += " ORDER BY created_at DESC, block_number DESC, log_index DESC, hash DESC, account DESC LIMIT ?6";
        CTRN_ASSIGN(auto st, m_db->prepare(sql));
        st.bind(1, static_cast<std::int64_t>(chainId));
        if (address) st.bind(2, asciiLower(*address));
        if (key) {
            st.bind(3, key->createdAt);
            if (key->transfer)
                st.bind(4, static_cast<std::int64_t>(key->nonce)).bind(5, key->hash).bind(7, key->account).bind(8, key->block);
        }
        st.bind(6, static_cast<std::int64_t>(limit - out.size()));
        CTRN_ASSIGN(auto rows, st.rows([](Statement& row) { return readTransfer(row); }));
        for (auto& t : rows) into.push_back(std::move(t));
        return Ok{};
    };
    if (limit == 0) return out;
    if (!after || after->pending) {
        CTRN_TRY(page(true, after ? &*after : nullptr, out));
        if (out.size() >= limit) return out;
    }
    // The finished part: a page of own sends and a page of found transfers,
    // each read in index order from the key, merged; the rest of the
    // longer one waits for the next page (whose key starts after the last
    // row taken).
    const HistoryKey* key = after && !after->pending ? &*after : nullptr;
    std::vector<TxRecord> own, found;
    CTRN_TRY(page(false, key, own));
    CTRN_TRY(transfers(key, found));
    auto a = own.begin(), b = found.begin();
    while (out.size() < limit && (a != own.end() || b != found.end())) {
        const bool takeOwn = b == found.end() || (a != own.end() && comesBefore(historyKey(*a), historyKey(*b)));
        out.push_back(std::move(takeOwn ? *a++ : *b++));
    }
    return out;
}

Result<std::uint64_t> WalletStore::historyCount(std::uint64_t chainId, const std::optional<std::string>& address) {
    CTRN_ASSIGN(auto st, m_db->prepare(
        "SELECT (SELECT count(*) FROM pending_transactions WHERE chain_id = ?1 AND "
        "(?2 IS NULL OR lower(sender) = lower(?2) OR lower(recipient) = lower(?2))) + "
        "(SELECT count(*) FROM transactions WHERE chain_id = ?1 AND "
        "(?2 IS NULL OR lower(sender) = lower(?2) OR lower(recipient) = lower(?2))) + "
        "(SELECT count(*) FROM (" + std::string(kTransferSelect) + " AND (?2 IS NULL OR account = lower(?2))))"));
    st.bind(1, static_cast<std::int64_t>(chainId)).bind(2, address);
    CTRN_ASSIGN(bool row, st.step());
    if (!row) return std::uint64_t{0};
    return static_cast<std::uint64_t>(st.int64(0));
}

Result<std::optional<std::int64_t>> WalletStore::transferScannedTo(std::uint64_t chainId, const std::string& account,
                                                                  const std::string& token) {
    CTRN_ASSIGN(auto st, m_db->prepare("SELECT scanned_to FROM transfer_scans WHERE chain_id = ?1 AND account = ?2 AND token = ?3"));
    st.bind(1, static_cast<std::int64_t>(chainId)).bind(2, asciiLower(account)).bind(3, asciiLower(token));
    return st.firstRow([](Statement& row) { return row.int64(0); });
}

Result<std::size_t> WalletStore::storeTransferScan(std::uint64_t chainId, const std::string& account, const std::string& token,
                                                   std::int64_t fromBlock, const std::vector<TokenTransferRecord>& found,
                                                   std::int64_t scannedTo) {
    const std::string acc = asciiLower(account), tok = asciiLower(token);
    const auto chain = static_cast<std::int64_t>(chainId);
    std::size_t changed = 0;
    auto status = m_db->transaction([&]() -> Status {
        // What the window held before, to tell what is new and what is gone.
        CTRN_ASSIGN(auto held, m_db->prepare("SELECT hash, log_index, block_hash FROM token_transfers WHERE chain_id = ?1 AND account = ?2 "
                                             "AND lower(token) = ?3 AND block_number >= ?4"));
        held.bind(1, chain).bind(2, acc).bind(3, tok).bind(4, fromBlock);
        CTRN_ASSIGN(auto before, held.rows([](Statement& row) { return std::make_tuple(row.text(0), row.int64(1), row.text(2)); }));
        std::set<std::tuple<std::string, std::int64_t, std::string>> old(before.begin(), before.end()), now;
        for (const auto& f : found) now.insert({asciiLower(f.hash), f.logIndex, asciiLower(f.blockHash)});
        for (const auto& t : now) changed += old.count(t) ? 0U : 1U;
        for (const auto& t : old) changed += now.count(t) ? 0U : 1U;
        CTRN_ASSIGN(auto del, m_db->prepare("DELETE FROM token_transfers WHERE chain_id = ?1 AND account = ?2 AND lower(token) = ?3 AND block_number >= ?4"));
        del.bind(1, chain).bind(2, acc).bind(3, tok).bind(4, fromBlock);
        CTRN_TRY(del.run());
        for (const auto& f : found) {
            const bool in = asciiLower(f.to) == acc, out = asciiLower(f.from) == acc;
            if (!in && !out) return makeError(ErrorCode::InvalidInput, "transfer " + f.hash + " does not involve " + account);
            CTRN_ASSIGN(auto ins, m_db->prepare(
                "INSERT OR IGNORE INTO token_transfers (chain_id, account, hash, log_index, token, sender, recipient, amount, kind, "
                "block_number, block_hash, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"));
            ins.bind(1, chain).bind(2, acc).bind(3, asciiLower(f.hash)).bind(4, f.logIndex).bind(5, f.token).bind(6, f.from).bind(7, f.to)
                .bind(8, f.amount).bind(9, in && out ? "self" : in ? "received" : "sent").bind(10, f.blockNumber)
                .bind(11, asciiLower(f.blockHash)).bind(12, f.timestamp);
            CTRN_TRY(ins.run());
        }
        CTRN_ASSIGN(auto mark, m_db->prepare("INSERT INTO transfer_scans (chain_id, account, token, scanned_to) VALUES (?1, ?2, ?3, ?4) "
                                             "ON CONFLICT (chain_id, account, token) DO UPDATE SET scanned_to = excluded.scanned_to"));
        mark.bind(1, chain).bind(2, acc).bind(3, tok).bind(4, scannedTo);
        return mark.run();
    });
    if (!status) return status.error();
    return changed;
}

Status WalletStore::setAccountLabel(const std::string& address, const std::string& label) {
    CTRN_ASSIGN(auto st, m_db->prepare("UPDATE accounts SET label = ?2 WHERE lower(address) = lower(?1) RETURNING address"));
    st.bind(1, address).bind(2, label);
    CTRN_ASSIGN(bool row, st.step());
    if (!row) return makeError(ErrorCode::NotFound, "no account " + address + " in this wallet");
    return Ok{};
}

} // namespace ctrn::storage
