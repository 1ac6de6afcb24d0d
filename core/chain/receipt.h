// Transaction receipts as they are stored in a block's receipt trie
// (EIP-2718 typed envelopes), read from eth_getBlockReceipts /
// eth_getTransactionReceipt objects. Rebuilding the receipt trie from them
// and comparing with a verified header proves a transaction's outcome.
#pragma once

#include <core/chain/address.h>
#include <core/chain/hash.h>
#include <core/chain/header.h>
#include <core/util/bytes.h>
#include <core/util/json.h>
#include <core/util/result.h>

#include <optional>
#include <vector>

namespace ctrn::chain {

struct Log {
    Address address;
    std::vector<Hash> topics;
    Bytes data;
};

struct Receipt {
    std::uint8_t type = 0;                   // 0 legacy, 1 2930, 2 1559, 3 4844, 4 7702
    std::optional<bool> status;              // Byzantium and later
    std::optional<Hash> postStateRoot;       // before Byzantium, instead of status
    std::uint64_t cumulativeGasUsed = 0;
    Bloom logsBloom{};
    std::vector<Log> logs;
    // Not part of the consensus encoding, kept for display.
    std::optional<Hash> transactionHash;
};

Result<Receipt> receiptFromJson(const Json& object);
Result<std::vector<Receipt>> receiptsFromJson(const Json& array);

// The receipt-trie value: RLP for legacy, type byte || RLP for typed ones.
Bytes encodeReceipt(const Receipt& receipt);

} // namespace ctrn::chain
