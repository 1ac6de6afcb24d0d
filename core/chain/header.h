// Block headers for every fork from London to Prague, read from JSON-RPC
// block objects and hashed locally as keccak(RLP(fields)). A field that a
// fork added is present exactly when the block is from that fork or later;
// the hash is computed from whatever the block carries, so a node cannot
// drop or add a field without changing the hash.
#pragma once

#include <core/chain/address.h>
#include <core/chain/hash.h>
#include <core/util/bytes.h>
#include <core/util/json.h>
#include <core/util/result.h>
#include <core/util/uint256.h>

#include <optional>
#include <string>

namespace ctrn::chain {

using Bloom = FixedBytes<256>;

struct Header {
    Hash parentHash;
    Hash ommersHash;
    Address beneficiary;
    Hash stateRoot;
    Hash transactionsRoot;
    Hash receiptsRoot;
    Bloom logsBloom{};
    U256 difficulty = 0;
    std::uint64_t number = 0;
    std::uint64_t gasLimit = 0;
    std::uint64_t gasUsed = 0;
    std::uint64_t timestamp = 0;
    Bytes extraData;
    Hash mixHash;                // prevRandao after the merge
    FixedBytes<8> nonce{};
    std::optional<U256> baseFeePerGas;         // London
    std::optional<Hash> withdrawalsRoot;       // Shanghai
    std::optional<U256> blobGasUsed;           // Cancun
    std::optional<U256> excessBlobGas;         // Cancun
    std::optional<Hash> parentBeaconBlockRoot; // Cancun
    std::optional<Hash> requestsHash;          // Prague

    // The newest fork whose fields this header carries ("london" … "prague").
    std::string fork() const;
};

// Reads a header from an eth_getBlockByNumber / eth_getBlockByHash result.
// Fork fields are taken as present or absent one by one and encoded in their
// canonical order, skipping absent ones — which is how nodes hash them (anvil's
// London genesis carries blobGasUsed without withdrawalsRoot). A node that
// adds or drops a field therefore changes the hash.
Result<Header> headerFromJson(const Json& block);

Bytes encodeHeader(const Header& header);
Hash headerHash(const Header& header);

// Parses the block, computes its hash, and compares it with the block's own
// "hash" field when there is one (VerificationFailed on a difference).
Result<Hash> verifyBlockHash(const Json& block);

} // namespace ctrn::chain
