// The wallet's SQLite database (wallet.sqlite in the data directory) and its
// repositories: wallets and accounts (public data only — keys live in
// encrypted files), the address book, networks and their endpoints,
// settings, the pending-transaction journal and the transaction history.
// A transaction is in the journal (signed, maybe broadcast, not final) or in
// the history (final), never in both: finishTransaction moves it atomically.
// The history also lists token transfers found on chain (ERC-20 Transfer
// logs to or from an account: what others sent it, and what it sent from
// another wallet), kept apart from the wallet's own sends and merged when
// read.
#pragma once

#include <core/storage/database.h>
#include <core/util/bytes.h>
#include <core/util/result.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ctrn::storage {

// 'CTRW' — marks the file as ours (PRAGMA application_id).
inline constexpr std::int32_t kWalletApplicationId = 0x43545257;

struct WalletRecord {
    std::string name;
    std::string kind; // "hd", "key", "watch"
    std::int64_t createdAt = 0;
    std::uint32_t nextHdIndex = 0; // hd: the next account index to derive
};

struct AccountRecord {
    std::string address; // EIP-55
    std::string wallet;
    std::optional<std::int64_t> hdIndex;
    std::string label;
    bool watchOnly = false;
};

struct AddressBookEntry {
    std::string address;
    std::string label;
};

struct NetworkRecord {
    std::uint64_t chainId = 0;
    std::string name;
    std::vector<std::string> endpoints;
};

// What the wallet sent. Amounts are decimal strings (exact 256-bit values);
// hashes and addresses lower-case 0x hex, addresses EIP-55 where shown.
struct TxRecord {
    std::string hash;
    std::uint64_t chainId = 0;
    std::string from;
    std::uint64_t nonce = 0;
    std::optional<std::string> to;
    std::string value = "0";               // wei
    std::optional<std::string> token;      // ERC-20 contract, for token sends
    std::optional<std::string> tokenAmount;
    std::string kind = "send";             // send, token, speedup, cancel
    std::optional<std::string> replaces;   // hash of the tx this one replaces
    Bytes raw;                             // the signed transaction (journal only)
    bool broadcast = false;                // journal: the node accepted it at least once
    std::string status = "pending";        // history: mined, failed, replaced, dropped
    std::optional<std::int64_t> blockNumber;
    std::int64_t createdAt = 0;
    bool inJournal = true;
    // Set on a token transfer found on chain (not sent by this wallet): the
    // log's index in its block. Its kind is then "received", "sent" or
    // "self" as seen from `account`; createdAt is the block's time, nonce 0.
    std::optional<std::int64_t> logIndex;
    std::optional<std::string> account; // EIP-55, found transfers only
};

// One ERC-20 Transfer log as one account sees it (the transfer scan in
// core/wallet/transfer_scan.h writes them). Amounts exact decimal text.
struct TokenTransferRecord {
    std::string account;   // the wallet's account (EIP-55)
    std::string hash;      // transaction hash, lower-case
    std::int64_t logIndex = 0;
    std::string token;     // EIP-55
    std::string from;      // EIP-55
    std::string to;        // EIP-55
    std::string amount;    // token units
    std::int64_t blockNumber = 0;
    std::string blockHash; // lower-case
    std::int64_t timestamp = 0; // the block's
};

// --- Wallet pages (desktop): paged history --------------------------------
// The history's order is: pending (journal) entries first, then finished
// ones (own sends and found transfers merged); within each, newest first
// (created_at, then nonce — a found transfer's log index —, then hash, then
// found transfers before own sends, then account, all descending), which is
// a total order. A page starts after a row's key (keyset paging): a send
// journaled between two pages neither repeats nor hides a row, and a page
// costs the same at row 10,000 as at row 0.
// A row's place in the history, newest first: by time, then (found
// transfers) by block, so transfers of blocks that share a timestamp (a
// devnet mines several a second) still list newest block first; own sends
// sort as block 0, after the found transfers of the same second.
struct HistoryKey {
    bool pending = false;
    std::int64_t createdAt = 0;
    std::int64_t block = 0; // found transfers only
    std::uint64_t nonce = 0;
    std::string hash;
    bool transfer = false; // a found transfer's row
    std::string account;   // lower-case, found transfers only
};
HistoryKey historyKey(const TxRecord& tx);

class WalletStore {
public:
    static Result<std::unique_ptr<WalletStore>> open(const std::string& path);
    Database& database() { return *m_db; }

    // Wallets and accounts.
    Status addWallet(const WalletRecord& wallet, const std::vector<AccountRecord>& accounts);
    Result<std::vector<WalletRecord>> wallets();
    Result<std::optional<WalletRecord>> wallet(const std::string& name);
    Status renameWallet(const std::string& from, const std::string& to);
    Status addAccount(const AccountRecord& account, std::optional<std::uint32_t> nextHdIndex);
    Result<std::vector<AccountRecord>> accounts(const std::optional<std::string>& wallet = std::nullopt);
    Result<std::optional<AccountRecord>> account(const std::string& address);

    // Address book.
    Status setContact(const AddressBookEntry& entry);
    Status removeContact(const std::string& address);
    Result<std::vector<AddressBookEntry>> contacts();

    // Networks.
    Status setNetwork(const NetworkRecord& network);
    Result<std::optional<NetworkRecord>> network(std::uint64_t chainId);

    // Settings.
    Status setSetting(const std::string& key, const std::string& value);
    Result<std::optional<std::string>> setting(const std::string& key);

    // The pending-transaction journal. journalInsert is called BEFORE the
    // transaction leaves the process; a crash after it leaves at worst a
    // journal entry that reconciliation resolves.
    Status journalInsert(const TxRecord& tx);
    Status journalMarkBroadcast(const std::string& hash);
    // The node refused it outright: it never existed outside this process.
    Status journalRemove(const std::string& hash);
    Result<std::vector<TxRecord>> journal(std::uint64_t chainId);
    // The highest nonce in the journal for a sender.
    Result<std::optional<std::uint64_t>> journalMaxNonce(std::uint64_t chainId, const std::string& from);
    // Moves a journal entry to the history with its final status.
    Status finishTransaction(const std::string& hash, const std::string& status, std::optional<std::int64_t> blockNumber);

    Result<std::vector<TxRecord>> history(std::uint64_t chainId, const std::optional<std::string>& address, std::size_t limit);
    // A transaction wherever it is (journal first).
    Result<std::optional<TxRecord>> transaction(const std::string& hash);

    // --- Wallet pages (desktop) ---
    // Up to `limit` history rows after `after` (from the top when absent),
    // in the order above; all accounts when `address` is absent, else those
    // it sent or received (any letter case).
    Result<std::vector<TxRecord>> historyPage(std::uint64_t chainId, const std::optional<std::string>& address,
                                              const std::optional<HistoryKey>& after, std::size_t limit);
    // How many rows historyPage would give in all.
    Result<std::uint64_t> historyCount(std::uint64_t chainId, const std::optional<std::string>& address);

    // --- Found token transfers (History: received and sent elsewhere) ---
    // A found transfer whose transaction is one of the wallet's own sends of
    // the same token is not listed (the own row already shows it).
    // The last block scanned for `token` transfers of `account` (none yet: nullopt).
    Result<std::optional<std::int64_t>> transferScannedTo(std::uint64_t chainId, const std::string& account, const std::string& token);
    // One scan's outcome, atomically: the account's stored transfers of
    // `token` from block `fromBlock` on are replaced by `found` (so a rescan
    // of recent blocks after a reorg drops what is gone) and the scan mark
    // set to `scannedTo`. Returns how many stored transfers changed (new
    // ones and ones gone from the window).
    Result<std::size_t> storeTransferScan(std::uint64_t chainId, const std::string& account, const std::string& token,
                                          std::int64_t fromBlock, const std::vector<TokenTransferRecord>& found,
                                          std::int64_t scannedTo);
    // The label shown for one of the wallet's accounts ("" clears it).
    Status setAccountLabel(const std::string& address, const std::string& label);

private:
    explicit WalletStore(std::unique_ptr<Database> db) : m_db(std::move(db)) {}
    std::unique_ptr<Database> m_db;
};

std::int64_t unixNow();

} // namespace ctrn::storage
