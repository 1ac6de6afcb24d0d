// The transaction history as CSV (RFC 4180), for spreadsheets and tax
// tools: one row per transaction, newest first as the History page shows
// it, amounts as exact integers in the smallest unit (wei, token units) so
// nothing is rounded, times in UTC (ISO 8601). Token transfers found on
// chain (kind "received", "sent" or "self") have no nonce of ours; their
// log_index names the log within the block.
#pragma once

#include <core/storage/wallet_store.h>
#include <core/util/result.h>

#include <cstdint>
#include <optional>
#include <string>

namespace ctrn::wallet {

inline constexpr const char* kHistoryCsvHeader =
    "hash,status,kind,from,to,value_wei,token,token_amount,nonce,block,created_at_utc,replaces,log_index";

// The whole history of `address` (all accounts when absent) on a chain,
// read a page at a time.
Result<std::string> historyCsv(storage::WalletStore& store, std::uint64_t chainId, const std::optional<std::string>& address);
// historyCsv written to `path` (atomically: the old file or the new one).
Result<std::uint64_t> exportHistoryCsv(storage::WalletStore& store, std::uint64_t chainId, const std::optional<std::string>& address,
                                       const std::string& path);

} // namespace ctrn::wallet
