// interfaces::Wallet: what the app does with wallets — list them and their
// accounts, create and import, unlock and lock, send (ETH or ERC-20),
// speed up and cancel, settle the journal (sync), the history and the
// address book — and a subscription to transaction status changes.
// Plain values in and out, defined here: no storage row or wallet type
// crosses into app/ (wallet.cpp converts). Secrets go in
// as ByteView/SecureString and are never kept beyond the KeyRing.
// Not thread-safe: the app calls it from its worker.
#pragma once

#include <core/chain/address.h>
#include <core/chain/hash.h>
#include <core/interfaces/handler.h>
#include <core/interfaces/node.h>
#include <core/util/bytes.h>
#include <core/util/result.h>
#include <core/util/secure_buffer.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ctrn::interfaces {

struct AccountSummary {
    std::string address; // EIP-55
    std::string label;
    std::optional<std::uint32_t> hdIndex;
    bool watchOnly = false;
};

struct WalletSummary {
    std::string name;
    std::string kind; // "hd", "key", "watch"
    std::vector<AccountSummary> accounts;
};

// An ETH or ERC-20 transfer as the user asked for it.
struct SendRequest {
    chain::Address from;
    chain::Address to;
    U256 amount = 0;                     // wei, or token units with `token`
    std::optional<chain::Address> token; // ERC-20 contract
    FeeLevel level = FeeLevel::Normal;
    std::optional<Fee> customFee;
    std::optional<U256> gasLimit;
};

struct SendResult {
    chain::Hash hash;
    std::uint64_t nonce = 0;
    U256 gasLimit = 0;
    Fee fee;
    // false: signed and journaled, but the node could not be reached; the
    // next sync broadcasts it.
    bool broadcast = false;
    std::optional<std::string> broadcastError;
};

// What settling the journal found, by hash.
struct SyncReport {
    std::vector<std::string> mined, failed, dropped, replaced, rebroadcast, pending;
};

// One row of the history: a send of this wallet (journal or final), or a
// token transfer to or from one of its accounts found on chain.
struct Transaction {
    std::string hash;
    std::uint64_t chainId = 0;
    std::string from;
    std::uint64_t nonce = 0;
    std::optional<std::string> to;
    std::string value = "0";               // wei
    std::optional<std::string> token;      // ERC-20 contract, for token sends
    std::optional<std::string> tokenAmount;
    std::string kind = "send";             // send, token, speedup, cancel, a protocol action; found: received, sent, self
    std::optional<std::string> replaces;   // hash of the tx this one replaces
    bool broadcast = false;                // journal: the node accepted it at least once
    std::string status = "pending";        // pending; history: mined, failed, replaced, dropped
    std::optional<std::int64_t> blockNumber;
    std::int64_t createdAt = 0;
    bool inJournal = true;
    std::optional<std::int64_t> logIndex;  // found transfers: the log's index in its block
    std::optional<std::string> account;    // found transfers: the account it was found for
};

struct Contact {
    std::string address; // EIP-55
    std::string label;
};

// --- Wallet pages (desktop) -------------------------------------------------

// Where a history page ends: the last row's position in the history's order
// (historyKey()); the next page starts after it.
struct HistoryKey {
    bool pending = false;
    std::int64_t createdAt = 0;
    std::int64_t block = 0;
    std::uint64_t nonce = 0;
    std::string hash;
    bool transfer = false;
    std::string account; // found transfers: the account, lower-case
};
HistoryKey historyKey(const Transaction& row);

// What a look for CTRN transfers on chain found (Wallet::scanTransfers).
struct TransferScan {
    bool available = false;     // false: this network's manifest names no CTRN token
    std::uint64_t scannedTo = 0; // the newest block looked at
    std::size_t changed = 0;    // transfers added to (or, after a reorg, gone from) the history
};

// A send as it will be signed, for the review screen: the decoded call
// (plain ETH transfer, or ERC-20 transfer(recipient, amount) of a token),
// the gas limit, the fees and the most it can cost. Exact integers.
struct TxPreview {
    std::string from;          // EIP-55
    std::string to;            // the transaction's destination: the recipient, or the token contract
    U256 value = 0;            // wei moved
    std::string method;        // "" (plain transfer) or "transfer(address,uint256)"
    std::string recipient;     // who receives: `to`, or transfer's address (EIP-55)
    std::optional<U256> tokenAmount; // transfer's amount, in token units
    std::string tokenSymbol;   // the token's symbol when it is a token transfer
    unsigned tokenDecimals = 18;
    std::string data;          // call data, 0x hex
    U256 gasLimit = 0;
    Fee fee;                   // per gas, wei
    U256 maxGasCost = 0;       // gasLimit x maxFeePerGas (wei)
    U256 maxTotalCost = 0;     // value + maxGasCost (wei)
};

class Wallet {
public:
    virtual ~Wallet() = default;

    virtual Result<std::vector<WalletSummary>> listWallets() = 0;
    // The new mnemonic, once, to show the user; stored only encrypted.
    virtual Result<SecureString> createHd(const std::string& name, ByteView password, std::size_t words = 24) = 0;
    virtual Result<WalletSummary> importMnemonic(const std::string& name, std::string_view mnemonic, ByteView password,
                                                 std::uint32_t accounts = 1) = 0;
    virtual Result<WalletSummary> importWatch(const std::string& name, const chain::Address& address) = 0;
    virtual Result<AccountSummary> addAccount(const std::string& wallet, ByteView password) = 0;
    virtual Status rename(const std::string& from, const std::string& to) = 0;

    // Decrypts the wallet's keys into the key ring (wrong password:
    // ErrorCode::WrongPassword); they are forgotten after the idle timeout.
    virtual Status unlock(const std::string& wallet, ByteView password) = 0;
    virtual void lock() = 0;
    virtual bool isUnlocked(const chain::Address& account) = 0;

    virtual Result<SendResult> send(const SendRequest& request) = 0;
    virtual Result<SendResult> speedUp(const chain::Hash& hash) = 0;
    virtual Result<SendResult> cancel(const chain::Hash& hash) = 0;
    // Settles the journal with the chain (mined, replaced, dropped, rebroadcast).
    virtual Result<SyncReport> sync() = 0;
    // Pending first, then final, newest first; all accounts when none is given.
    virtual Result<std::vector<Transaction>> history(const std::optional<chain::Address>& account, std::size_t limit = 100) = 0;

    virtual Result<std::vector<Contact>> contacts() = 0;
    virtual Status setContact(const Contact& contact) = 0;
    virtual Status removeContact(const std::string& address) = 0;

    // Called with (hash, status) when a send is journaled ("pending") and
    // when sync finds it final ("mined", "failed", "replaced", "dropped").
    virtual std::unique_ptr<Handler> handleTransactionChanged(
        std::function<void(const std::string& hash, const std::string& status)> fn) = 0;

    // --- Wallet pages (desktop) ---
    // The label of one of the wallet's accounts ("" clears it).
    virtual Status renameAccount(const chain::Address& account, const std::string& label) = 0;
    // send() up to the signature: every check, nothing signed. Works locked.
    virtual Result<TxPreview> preview(const SendRequest& request) = 0;
    // The largest `amount` `request` could send (its amount is ignored): the
    // free balance of a token (CTRN: not the locked part), or for ETH the
    // balance less the most the gas can cost at the request's fee.
    virtual Result<U256> maxSendable(const SendRequest& request) = 0;
    // Checks `password` against the wallet holding request.from (unlocking
    // it), then sends. A wrong password (WrongPassword), an amount above the
    // balance or any failed check sends nothing.
    virtual Result<SendResult> sendWithPassword(const SendRequest& request, ByteView password) = 0;
    // The history a page at a time, in history()'s order; `after` is the
    // key of the last row already shown (storage::historyKey).
    virtual Result<std::vector<Transaction>> historyPage(const std::optional<chain::Address>& account,
                                                         const std::optional<HistoryKey>& after, std::size_t limit) = 0;
    virtual Result<std::uint64_t> historyCount(const std::optional<chain::Address>& account) = 0;
    // One transaction wherever it is (journal or history), for a details view.
    virtual Result<std::optional<Transaction>> transaction(const chain::Hash& hash) = 0;
    // Looks on chain (eth_getLogs) for CTRN transfers to and from `account`
    // (every account in the database when absent) since the last look, and
    // adds them to the history (wallet/transfer_scan.h). Plain ETH received
    // has no log and is not found.
    virtual Result<TransferScan> scanTransfers(const std::optional<chain::Address>& account) = 0;
    // Writes the history as CSV (wallet/history_csv.h) to `path`; the row count.
    virtual Result<std::uint64_t> exportHistoryCsv(const std::optional<chain::Address>& account, const std::string& path) = 0;

    // --- Desktop onboarding (issue #7, desktop-shell) -----------------------
    // A wallet of one raw secp256k1 private key (32 bytes), encrypted under
    // `password`.
    virtual Result<WalletSummary> importPrivateKey(const std::string& name, ByteView privateKey, ByteView password) = 0;
    // A keystore v3 file (geth, ethers, cast): opened with `filePassword`,
    // then stored re-encrypted under `password`.
    virtual Result<WalletSummary> importKeystore(const std::string& name, std::string_view keystoreJson,
                                                 ByteView filePassword, ByteView password) = 0;
    // --- end desktop onboarding ---------------------------------------------
};

} // namespace ctrn::interfaces
