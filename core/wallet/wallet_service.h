// Sending: nonces that survive restarts, ETH and ERC-20 transfers with
// balance and gas checks, speed-up and cancel by same-nonce replacement, and
// reconciliation of the pending-transaction journal with the chain.
//
// The order that makes a crash harmless: sign, write the journal entry
// (committed, fsynced), only then broadcast. A transaction the node may have
// seen is therefore always in the journal; reconcile() later finds it mined,
// still pending (rebroadcast if the node forgot it) or dropped.
#pragma once

#include <core/chain/address.h>
#include <core/chain/hash.h>
#include <core/rpc/node.h>
#include <core/storage/wallet_store.h>
#include <core/util/result.h>
#include <core/wallet/wallet_manager.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ctrn::wallet {

// The next nonce for an account: the node's pending count, or one past the
// highest nonce this wallet has in its journal, whichever is higher — so
// transactions signed while the node was unreachable, or not yet seen by
// it, are never given the same nonce twice.
class NonceManager {
public:
    NonceManager(rpc::EthNode& node, storage::WalletStore& store, std::uint64_t chainId)
        : m_node(node), m_store(store), m_chainId(chainId) {}
    Result<std::uint64_t> next(const chain::Address& account);

private:
    rpc::EthNode& m_node;
    storage::WalletStore& m_store;
    std::uint64_t m_chainId;
};

struct SendRequest {
    chain::Address from;
    chain::Address to;
    U256 amount = 0;                   // wei, or token units with `token`
    std::optional<chain::Address> token; // ERC-20 contract
    rpc::FeeLevel level = rpc::FeeLevel::Normal;
    std::optional<rpc::Fee> customFee;
    std::optional<U256> gasLimit;
};

// A contract call: `data` to `to` with `value` wei. The gas estimate runs the
// call first, so a call that would revert is refused before anything is
// signed, with the decoded reason (rpc::decodeRevert: Error(string), panics,
// and every custom error registered with rpc::registerCustomError).
struct ContractCallRequest {
    chain::Address from;
    chain::Address to;
    Bytes data;
    U256 value = 0;
    rpc::FeeLevel level = rpc::FeeLevel::Normal;
    std::optional<rpc::Fee> customFee;
    std::optional<U256> gasLimit;
    // What the journal and history show for it ("call", or e.g. "stake").
    std::string kind = "call";
};

struct SendResult {
    chain::Hash hash;
    std::uint64_t nonce = 0;
    U256 gasLimit = 0;
    rpc::Fee fee;
    // false: signed and journaled, but the node could not be reached; the
    // next reconcile broadcasts it.
    bool broadcast = false;
    std::optional<std::string> broadcastError;
};

struct ReconcileReport {
    std::vector<std::string> mined, failed, dropped, replaced, rebroadcast, pending;
};

// --- Wallet pages (desktop): a send as it will be, before it is signed ---
// What the review screen shows and what send() then signs: the transaction
// without nonce or signature, with the fees and gas limit chosen and every
// check made (balances, fees). Nothing is signed or journaled.
struct PreparedSend {
    chain::Transaction tx;
    storage::TxRecord record;
    // prepareTx with allowRevert: the gas estimate reverted with this reason.
    std::optional<std::string> reverted;
    U256 maxGasCost = 0;   // gas limit x max fee per gas (wei)
    U256 maxTotalCost = 0; // value + maxGasCost (wei)
};

class WalletService {
public:
    WalletService(rpc::EthNode& node, storage::WalletStore& store, KeyRing& keys, std::uint64_t chainId);

    Result<SendResult> send(const SendRequest& request);
    // send() up to the signature, for a review screen; works while locked.
    Result<PreparedSend> prepare(const SendRequest& request);
    // The one prepared-transaction path (interfaces::Actions, send(),
    // sendCall()): the exact unsigned EIP-1559 transaction `value` + `data`
    // to `to` with fees and gas chosen once (one fee estimate unless
    // `customFee`, one gas estimate unless `gasLimit`) and the ETH balance
    // checked against value + the most the gas can cost. Nothing is signed.
    // With `allowRevert` a gas estimate that reverts is not an error: the
    // gas limit is then kRevertedGasLimit and `reverted` holds the reason, so
    // a review can show the revert instead of refusing to show anything.
    struct TxFees {
        rpc::FeeLevel level = rpc::FeeLevel::Normal;
        std::optional<rpc::Fee> customFee;
        std::optional<U256> gasLimit;
        bool allowRevert = false;
    };
    static constexpr std::uint64_t kRevertedGasLimit = 1'000'000;
    Result<PreparedSend> prepareTx(const chain::Address& from, const chain::Address& to, const U256& value, Bytes data,
                                   const TxFees& fees, storage::TxRecord record);
    // Signs exactly `tx` (prepareTx's, as reviewed) after adding only the
    // nonce, journals and broadcasts it: no fee or gas is estimated again,
    // so what was reviewed is what is signed. The account must be unlocked.
    Result<SendResult> submitPrepared(const chain::Address& from, chain::Transaction tx, storage::TxRecord record);
    // Signs and sends a contract call through the same path as send(): gas
    // estimate (refusing a call that reverts), fee and ETH balance checks,
    // nonce, journal, broadcast.
    Result<SendResult> sendCall(const ContractCallRequest& request);
    // Waits for the receipt of a transaction, polling every `poll`, and moves
    // it from the journal to the history (mined or failed). Timeout if it is
    // still pending after `timeout`.
    Result<rpc::ReceiptInfo> waitForReceipt(const chain::Hash& hash, std::chrono::milliseconds timeout,
                                            std::chrono::milliseconds poll = std::chrono::milliseconds(250));
    // Replaces a pending transaction with the same nonce and higher fees
    // (at least +12.5% on both, and at least the current `level` estimate).
    Result<SendResult> speedUp(const chain::Hash& hash, rpc::FeeLevel level = rpc::FeeLevel::Fast);
    // Replaces it with a 0-value transfer to oneself at higher fees.
    Result<SendResult> cancel(const chain::Hash& hash, rpc::FeeLevel level = rpc::FeeLevel::Fast);
    Result<ReconcileReport> reconcile();

private:
    Result<SendResult> signJournalBroadcast(const chain::Address& from, chain::Transaction tx, storage::TxRecord record);
    // Fills fees and gas and checks the ETH balance covers value + gas;
    // returns that maximum total cost. Shared by sends and contract calls.
    Result<U256> prepareFeesAndGas(const chain::Address& from, chain::Transaction& tx, const TxFees& fees,
                                   std::optional<std::string>* reverted);
    Result<SendResult> replace(const chain::Hash& hash, rpc::FeeLevel level, bool cancel);

    rpc::EthNode& m_node;
    storage::WalletStore& m_store;
    KeyRing& m_keys;
    std::uint64_t m_chainId;
    NonceManager m_nonces;
};

// ERC-20 transfer(to, amount) call data.
Result<Bytes> erc20TransferData(const chain::Address& to, const U256& amount);

} // namespace ctrn::wallet
