// The token transfers of one account found on chain, for the History: ERC-20
// Transfer(from, to, value) logs of one token (CTRN) where the account is
// `to` (what others sent it — the faucet's grant, a payment) or `from` (what
// it sent from another wallet or tool), fetched with eth_getLogs and kept in
// the wallet database (WalletStore::storeTransferScan) beside the wallet's
// own sends, which the history lists instead of a found transfer of the
// same transaction.
//
// Incremental: each account and token remembers the last block scanned, so a
// refresh asks only for the blocks since — plus the newest `reorgDepth`
// blocks again, whose stored transfers are replaced by what the node says
// now (a reorganised tip neither duplicates nor keeps a vanished transfer).
// Ranges adapt as the protocol indexer's do: a range the node refuses for
// its size (rpc::isRangeTooLarge) is halved, a sparse one doubles the next.
//
// Plain ETH received has no log to find it by (only tracing or scanning
// every block's transactions would), so it is not listed.
#pragma once

#include <core/chain/address.h>
#include <core/rpc/client.h>
#include <core/storage/wallet_store.h>
#include <core/util/result.h>

#include <cstdint>

namespace ctrn::wallet {

struct TransferScanOptions {
    std::uint64_t initialRange = 5000; // blocks per eth_getLogs at first
    std::uint64_t minRange = 1;
    std::uint64_t maxRange = 100000;
    std::size_t targetLogs = 1000;     // logs per range aimed for
    std::uint64_t reorgDepth = 12;     // newest blocks scanned again each time
    int maxRetries = 4;                // a range retried when the chain moves under it
};

struct TransferScanReport {
    std::uint64_t from = 0, to = 0; // the blocks scanned (from > to: nothing new)
    std::size_t changed = 0;        // stored transfers added or gone (a reorg)
    std::size_t ranges = 0, shrinks = 0;
};

// Scans `token`'s Transfer logs to and from `account` from where the last
// scan stopped (at first from `startBlock`, the token's deploy block) to the
// node's head, storing each range as it completes.
Result<TransferScanReport> scanTokenTransfers(rpc::RpcClient& client, storage::WalletStore& store, std::uint64_t chainId,
                                              const chain::Address& token, const chain::Address& account,
                                              std::uint64_t startBlock, const TransferScanOptions& options = {});

} // namespace ctrn::wallet
