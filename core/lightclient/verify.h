// The light client's pure verification functions: no I/O, only what a node
// sent and what we already trust in, a Verdict (the proven value or a typed
// Mismatch) out. Headers are hashed locally (core/chain, London–Prague) and
// linked by parent hash; accounts and storage slots are proven with
// EIP-1186 proofs against a verified header's state root; a transaction's
// outcome is proven by rebuilding the block's receipt trie, and its hash is
// bound to its receipt's position by rebuilding the transactions trie. The
// syncing and reading code (light_client.h) fetches, these decide.
#pragma once

#include <core/chain/address.h>
#include <core/chain/header.h>
#include <core/chain/receipt.h>
#include <core/chain/transaction.h>
#include <core/lightclient/checked.h>
#include <core/trie/account_proof.h>
#include <core/util/json.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ctrn::lightclient {

// A block we know by number and hash (a checkpoint, a verified header).
struct BlockRef {
    std::uint64_t number = 0;
    chain::Hash hash;
};

struct VerifiedHeader {
    chain::Header header;
    chain::Hash hash; // computed locally from the header's fields
    BlockRef ref() const { return {header.number, hash}; }
};

// Parses a block object (eth_getBlockByNumber/ByHash), hashes its header and
// checks the node's "hash" field against it (HeaderHash) and, when given,
// its number (HeaderNumber). The result is only a well-formed header: it is
// trusted once it links to the verified chain.
Verdict<VerifiedHeader> hashHeader(const Json& block, std::optional<std::uint64_t> expectedNumber = std::nullopt);

// A header as the block-object fields it is hashed from (what hashHeader
// reads back): the header store keeps headers this way and hashes them again
// on reload instead of trusting the file.
Json headerJson(const chain::Header& header);

// Blocks anchor+1, anchor+2, ... in order: each must hash correctly and name
// its predecessor's hash as parent (HeaderLink otherwise).
Verdict<std::vector<VerifiedHeader>> verifyForward(const BlockRef& anchor, const std::vector<Json>& blocks);

// Blocks child-1, child-2, ... (descending): each must hash to the parent
// hash the block after it names, so headers before a checkpoint are trusted
// by walking back from it.
Verdict<std::vector<VerifiedHeader>> verifyBackward(const BlockRef& child, const chain::Hash& childParentHash,
                                                     const std::vector<Json>& blocksDescending);

struct ProvenSlot {
    FixedBytes<32> slot{};
    U256 value = 0; // zero when the proof shows the slot absent
};

struct ProvenAccount {
    chain::Address address;
    trie::Account account;          // exists == false: proven absent
    std::vector<ProvenSlot> storage; // in the order asked
};

// Checks an eth_getProof result for `address` (and `slots`, in that order)
// against `stateRoot`: AccountProof when the account proof does not link,
// AccountValue when the node's claimed balance/nonce/code/storage hash is not
// what the proof holds, StorageProof / StorageValue likewise per slot, and
// AccountProof when the result is for another address or lacks a slot.
Verdict<ProvenAccount> verifyAccountProof(const chain::Hash& stateRoot, const chain::Address& address,
                                          const std::vector<FixedBytes<32>>& slots, const Json& proofResult);

struct ProvenTransaction {
    chain::Transaction transaction; // its fields as the transactions trie holds them
    chain::Hash hash;               // keccak of its encoding
    std::uint64_t index = 0;        // its position in the block
};

// Binds transaction `txHash` to position `index` of `header`'s block, from the
// block's eth_getBlockByNumber(number, true) answer: every transaction is
// re-encoded (core/chain, all five types) and the transactions trie rebuilt
// from the encodings must have the header's transactions root
// (TransactionsRoot, naming a transaction whose fields no longer hash to its
// hash when there is one); a node-given "hash" that is not the keccak of its
// transaction's encoding is TransactionHash; the proven transaction at
// `index` must be `txHash` (TransactionIndex: the node answered for the hash
// with another transaction's position). Blob transactions that come with
// their sidecar (anvil) may instead rebuild the root in their network form,
// as anvil builds it: that form holds the same canonical body. An error
// (Unsupported) when the block holds a transaction type core/chain cannot
// encode: then nothing can be proven, which is not a lie.
Result<Verdict<ProvenTransaction>> verifyBlockTransaction(const VerifiedHeader& header, const Json& block, const chain::Hash& txHash,
                                                          std::uint64_t index);

struct ProvenReceipt {
    chain::Receipt receipt; // status and logs as the receipt trie holds them
    std::uint64_t index = 0;
    // Verified: the transaction at `index`, bound to the asked hash through
    // the transactions root. Unverified: absent, and `unverifiedReason` says
    // what could not be proven.
    std::optional<ProvenTransaction> transaction;
    std::string unverifiedReason;
};

// Rebuilds the receipt trie of `header`'s block from its eth_getBlockReceipts
// answer and compares the root (ReceiptsRoot); then takes the receipt at
// position `index` (the transactions trie binds the hash to that position:
// the receipts' own transactionHash labels are not part of the trie). A
// block with no receipt there, or one labelled with another hash than
// `txHash`, is ReceiptValue.
Verdict<ProvenReceipt> verifyBlockReceipt(const VerifiedHeader& header, const Json& blockReceipts, const chain::Hash& txHash,
                                          std::uint64_t index);

// The node's own eth_getTransactionReceipt answer must agree with the proven
// receipt on status and logs (ReceiptValue names the first difference).
Verdict<Ok> compareReceipt(const ProvenReceipt& proven, const Json& nodeReceipt);

} // namespace ctrn::lightclient
