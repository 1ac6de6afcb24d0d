// The roots a block header commits to, rebuilt from the block's contents:
// receipts (to prove a transaction's outcome) and transactions.
#pragma once

#include <core/chain/hash.h>
#include <core/chain/receipt.h>
#include <core/util/bytes.h>

#include <vector>

namespace ctrn::trie {

chain::Hash receiptsRoot(const std::vector<chain::Receipt>& receipts);

// From the transactions' network-independent encodings (legacy RLP, or
// type byte || RLP), in block order.
chain::Hash transactionsRoot(const std::vector<Bytes>& encodedTransactions);

} // namespace ctrn::trie
