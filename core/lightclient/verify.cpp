#include <core/lightclient/verify.h>

#include <core/chain/json_fields.h>
#include <core/crypto/keccak.h>
#include <core/encoding/rlp.h>
#include <core/trie/block_roots.h>
#include <core/util/hex.h>
#include <core/util/uint256.h>

#include <algorithm>

namespace ctrn::lightclient {

std::string mismatchKindName(MismatchKind kind) {
    switch (kind) {
    case MismatchKind::HeaderHash: return "header hash";
    case MismatchKind::HeaderLink: return "header linkage";
    case MismatchKind::HeaderNumber: return "header number";
    case MismatchKind::Checkpoint: return "checkpoint";
    case MismatchKind::AccountProof: return "account proof";
    case MismatchKind::AccountValue: return "account value";
    case MismatchKind::StorageProof: return "storage proof";
    case MismatchKind::StorageValue: return "storage value";
    case MismatchKind::ReceiptsRoot: return "receipts root";
    case MismatchKind::ReceiptValue: return "receipt";
    case MismatchKind::TransactionsRoot: return "transactions root";
    case MismatchKind::TransactionHash: return "transaction hash";
    case MismatchKind::TransactionIndex: return "transaction index";
    case MismatchKind::ChainId: return "chain id";
    case MismatchKind::Quorum: return "quorum";
    }
    return "verification";
}

namespace {

Mismatch mismatch(MismatchKind kind, std::string message) { return Mismatch{kind, std::move(message), {}}; }

std::string blockName(std::uint64_t number) { return "block " + std::to_string(number); }

// anvil (1.7.1) puts a blob transaction into the transactions trie in its
// network form, 0x03 || RLP([body, (version,) blobs, commitments, proofs]),
// and serves that sidecar in the transaction's JSON. The form still holds
// the canonical body whose keccak is the transaction hash, so a root rebuilt
// from it binds the same transaction. Nothing when the JSON has no sidecar
// (as from consensus clients, which commit the canonical form).
std::optional<Bytes> blobNetworkForm(const Json& tx, const Bytes& canonical) {
    const char* proofsField = tx.contains("cellProofs") ? "cellProofs" : "proofs";
    if (canonical.empty() || canonical[0] != 0x03 || !tx.contains("blobs") || !tx.contains("commitments") || !tx.contains(proofsField))
        return std::nullopt;
    std::vector<Bytes> items{Bytes(canonical.begin() + 1, canonical.end())};
    if (std::string(proofsField) == "cellProofs") items.push_back(encoding::rlpEncodeUint(1)); // EIP-7594 wrapper version
    for (const char* field : {"blobs", "commitments", proofsField}) {
        if (!tx[field].is_array()) return std::nullopt;
        std::vector<Bytes> list;
        for (const auto& item : tx[field]) {
            if (!item.is_string()) return std::nullopt;
            auto bytes = fromHex(item.get<std::string>());
            if (!bytes) return std::nullopt;
            list.push_back(encoding::rlpEncodeBytes(*bytes));
        }
        items.push_back(encoding::rlpEncodeList(list));
    }
    Bytes out{0x03};
    append(out, encoding::rlpEncodeList(items));
    return out;
}

// Whether the transactions (node JSON and canonical encodings) rebuild
// `root` with anvil's form in place of the canonical one for those blob
// transactions that came with a sidecar.
bool rebuildsInAnvilForm(const Json& transactions, const std::vector<Bytes>& encoded, const chain::Hash& root) {
    std::vector<Bytes> anvilEncoded;
    bool sidecars = false;
    for (std::size_t i = 0; i < encoded.size(); ++i) {
        auto network = blobNetworkForm(transactions[i], encoded[i]);
        sidecars = sidecars || network.has_value();
        anvilEncoded.push_back(network ? std::move(*network) : encoded[i]);
    }
    return sidecars && trie::transactionsRoot(anvilEncoded) == root;
}

} // namespace

Verdict<VerifiedHeader> hashHeader(const Json& block, std::optional<std::uint64_t> expectedNumber) {
    if (!block.is_object())
        return mismatch(MismatchKind::HeaderHash,
                        expectedNumber ? blockName(*expectedNumber) + ": the node sent no block" : "the node sent no block");
    auto header = chain::headerFromJson(block);
    if (!header) return mismatch(MismatchKind::HeaderHash, "malformed block header: " + header.error().message);
    VerifiedHeader out{std::move(header).value(), {}};
    out.hash = chain::headerHash(out.header);
    if (auto claimed = block.find("hash"); claimed != block.end()) {
        auto h = chain::json::hash(block, "hash");
        if (!h || *h != out.hash)
            return mismatch(MismatchKind::HeaderHash, blockName(out.header.number) + ": header fields hash to " + out.hash.hex() +
                                                          ", not to the hash the node gave (" +
                                                          (claimed->is_string() ? claimed->get<std::string>() : "?") + ")");
    }
    if (expectedNumber && out.header.number != *expectedNumber)
        return mismatch(MismatchKind::HeaderNumber,
                        "asked for " + blockName(*expectedNumber) + ", the node sent " + blockName(out.header.number));
    return out;
}

Verdict<std::vector<VerifiedHeader>> verifyForward(const BlockRef& anchor, const std::vector<Json>& blocks) {
    std::vector<VerifiedHeader> out;
    out.reserve(blocks.size());
    BlockRef previous = anchor;
    for (const Json& block : blocks) {
        auto h = hashHeader(block, previous.number + 1);
        if (!h) return h.mismatch();
        if (h->header.parentHash != previous.hash)
            return mismatch(MismatchKind::HeaderLink, blockName(h->header.number) + " (" + h->hash.hex() + ") names parent " +
                                                          h->header.parentHash.hex() + ", but the verified " +
                                                          blockName(previous.number) + " is " + previous.hash.hex());
        previous = h->ref();
        out.push_back(std::move(h).value());
    }
    return out;
}

Verdict<std::vector<VerifiedHeader>> verifyBackward(const BlockRef& child, const chain::Hash& childParentHash,
                                                     const std::vector<Json>& blocksDescending) {
    std::vector<VerifiedHeader> out;
    out.reserve(blocksDescending.size());
    std::uint64_t number = child.number;
    chain::Hash expected = childParentHash;
    for (const Json& block : blocksDescending) {
        if (number == 0) return mismatch(MismatchKind::HeaderNumber, "asked for a block before genesis");
        auto h = hashHeader(block, number - 1);
        if (!h) return h.mismatch();
        if (h->hash != expected)
            return mismatch(MismatchKind::HeaderLink, blockName(h->header.number) + " hashes to " + h->hash.hex() + ", but the verified " +
                                                          blockName(number) + " names parent " + expected.hex());
        expected = h->header.parentHash;
        number = h->header.number;
        out.push_back(std::move(h).value());
    }
    return out;
}

Verdict<ProvenAccount> verifyAccountProof(const chain::Hash& stateRoot, const chain::Address& address,
                                          const std::vector<FixedBytes<32>>& slots, const Json& proofResult) {
    const std::string who = "account " + address.checksummed();
    auto check = trie::checkEthProof(stateRoot.bytes(), proofResult);
    if (!check) return mismatch(MismatchKind::AccountProof, who + ": malformed eth_getProof result: " + check.error().message);
    if (check->address != address)
        return mismatch(MismatchKind::AccountProof, who + ": the node sent the proof of " + check->address.checksummed());
    if (!check->accountValid) {
        // A proof that links but holds other values than the node claims is a
        // lie about the value; a proof that does not link is a bad proof.
        bool valueLie = check->accountError.find(" is not the proven ") != std::string::npos;
        return mismatch(valueLie ? MismatchKind::AccountValue : MismatchKind::AccountProof, who + ": " + check->accountError);
    }
    ProvenAccount out{address, check->proven, {}};
    for (const auto& slot : slots) {
        const trie::StorageCheck* found = nullptr;
        for (const auto& s : check->storage)
            if (s.slot == slot) found = &s;
        const std::string what = who + " slot " + toHex(slot);
        if (!found) return mismatch(MismatchKind::StorageProof, what + ": the node sent no proof for it");
        if (!found->valid) {
            bool valueLie = found->error.find(" is not the proven ") != std::string::npos;
            return mismatch(valueLie ? MismatchKind::StorageValue : MismatchKind::StorageProof, what + ": " + found->error);
        }
        out.storage.push_back({slot, found->proven});
    }
    return out;
}

Result<Verdict<ProvenTransaction>> verifyBlockTransaction(const VerifiedHeader& header, const Json& block, const chain::Hash& txHash,
                                                          std::uint64_t index) {
    using V = Verdict<ProvenTransaction>;
    const std::string where = blockName(header.header.number);
    auto list = block.is_object() ? block.find("transactions") : block.end();
    if (!block.is_object() || list == block.end() || !list->is_array())
        return V(mismatch(MismatchKind::TransactionsRoot, where + ": the node sent no transactions"));
    std::vector<chain::Transaction> transactions;
    std::vector<Bytes> encoded;
    std::vector<chain::Hash> hashes;
    std::string firstWrongHash; // the first transaction whose fields do not hash to its claimed hash
    for (std::size_t i = 0; i < list->size(); ++i) {
        const Json& item = (*list)[i];
        const std::string which = where + ": transaction " + std::to_string(i);
        if (!item.is_object()) return V(mismatch(MismatchKind::TransactionsRoot, which + " is not a transaction object"));
        auto tx = chain::transactionFromRpcJson(item);
        if (!tx && tx.error().code == ErrorCode::Unsupported)
            return makeError(ErrorCode::Unsupported, which + ": " + tx.error().message + ", so its inclusion cannot be proven");
        if (!tx) return V(mismatch(MismatchKind::TransactionsRoot, which + " is malformed: " + tx.error().message));
        auto raw = chain::encodeSigned(*tx);
        if (!raw) return V(mismatch(MismatchKind::TransactionsRoot, which + ": " + raw.error().message));
        chain::Hash hash(crypto::keccak256(*raw));
        auto claimed = chain::json::hash(item, "hash");
        if (firstWrongHash.empty() && (!claimed || *claimed != hash))
            firstWrongHash = which + "'s fields hash to " + hash.hex() + ", not to the hash the node gives it (" +
                             (claimed ? claimed->hex() : std::string("none")) + ")";
        transactions.push_back(std::move(tx).value());
        encoded.push_back(std::move(raw).value());
        hashes.push_back(hash);
    }
    chain::Hash root = trie::transactionsRoot(encoded);
    if (root != header.header.transactionsRoot && !rebuildsInAnvilForm(*list, encoded, header.header.transactionsRoot))
        return V(mismatch(MismatchKind::TransactionsRoot, where + ": the node's transactions rebuild transactions root " + root.hex() +
                                                              ", the verified header has " + header.header.transactionsRoot.hex() +
                                                              (firstWrongHash.empty() ? "" : " (" + firstWrongHash + ")")));
    if (!firstWrongHash.empty()) return V(mismatch(MismatchKind::TransactionHash, firstWrongHash));
    const std::string claim = "the node's receipt of " + txHash.hex() + " names index " + std::to_string(index) + " of " + where;
    if (index >= hashes.size())
        return V(mismatch(MismatchKind::TransactionIndex, claim + ", which has " + std::to_string(hashes.size()) + " transactions"));
    if (hashes[index] != txHash) {
        auto at = std::find(hashes.begin(), hashes.end(), txHash);
        std::string actual = at == hashes.end() ? txHash.hex() + " is not in that block"
                                                : txHash.hex() + " is at index " + std::to_string(at - hashes.begin());
        return V(mismatch(MismatchKind::TransactionIndex,
                          claim + ", but the transaction proven at that index is " + hashes[index].hex() + " (" + actual + ")"));
    }
    return V(ProvenTransaction{std::move(transactions[index]), hashes[index], index});
}

Verdict<ProvenReceipt> verifyBlockReceipt(const VerifiedHeader& header, const Json& blockReceipts, const chain::Hash& txHash,
                                          std::uint64_t index) {
    const std::string where = blockName(header.header.number);
    if (!blockReceipts.is_array()) return mismatch(MismatchKind::ReceiptsRoot, where + ": the node sent no receipts");
    auto receipts = chain::receiptsFromJson(blockReceipts);
    if (!receipts) return mismatch(MismatchKind::ReceiptsRoot, where + ": malformed receipts: " + receipts.error().message);
    chain::Hash root = trie::receiptsRoot(*receipts);
    if (root != header.header.receiptsRoot)
        return mismatch(MismatchKind::ReceiptsRoot, where + ": the node's receipts rebuild receipts root " + root.hex() +
                                                        ", the verified header has " + header.header.receiptsRoot.hex());
    if (index >= receipts->size())
        return mismatch(MismatchKind::ReceiptValue,
                        where + " has no receipt at index " + std::to_string(index) + " (it has " + std::to_string(receipts->size()) + ")");
    const chain::Receipt& r = (*receipts)[index];
    if (r.transactionHash && *r.transactionHash != txHash)
        return mismatch(MismatchKind::ReceiptValue, where + ": the node labels its receipt at index " + std::to_string(index) +
                                                        " as transaction " + r.transactionHash->hex() + ", not " + txHash.hex());
    return ProvenReceipt{r, index, std::nullopt, {}};
}

Verdict<Ok> compareReceipt(const ProvenReceipt& proven, const Json& nodeReceipt) {
    auto claimed = chain::receiptFromJson(nodeReceipt);
    const std::string tx = proven.receipt.transactionHash ? proven.receipt.transactionHash->hex() : "?";
    if (!claimed) return mismatch(MismatchKind::ReceiptValue, "receipt of " + tx + " is malformed: " + claimed.error().message);
    const auto& p = proven.receipt;
    if (claimed->status != p.status)
        return mismatch(MismatchKind::ReceiptValue, "receipt of " + tx + ": the node says status " +
                                                        (claimed->status.value_or(false) ? "1" : "0") + ", the receipt trie holds " +
                                                        (p.status.value_or(false) ? "1" : "0"));
    if (claimed->logs.size() != p.logs.size())
        return mismatch(MismatchKind::ReceiptValue, "receipt of " + tx + ": the node lists " + std::to_string(claimed->logs.size()) +
                                                        " logs, the receipt trie holds " + std::to_string(p.logs.size()));
    for (std::size_t i = 0; i < p.logs.size(); ++i) {
        const auto& a = claimed->logs[i];
        const auto& b = p.logs[i];
        if (a.address != b.address || a.topics != b.topics || a.data != b.data)
            return mismatch(MismatchKind::ReceiptValue, "receipt of " + tx + ": log " + std::to_string(i) + " differs from the receipt trie's");
    }
    return Ok{};
}

Json headerJson(const chain::Header& h) {
    auto q = [](const U256& v) { return toQuantityHex(v); };
    Json j = {{"parentHash", h.parentHash.hex()},
              {"sha3Uncles", h.ommersHash.hex()},
              {"miner", toHex(h.beneficiary.view())},
              {"stateRoot", h.stateRoot.hex()},
              {"transactionsRoot", h.transactionsRoot.hex()},
              {"receiptsRoot", h.receiptsRoot.hex()},
              {"logsBloom", toHex(ByteView(h.logsBloom.data(), h.logsBloom.size()))},
              {"difficulty", q(h.difficulty)},
              {"number", q(h.number)},
              {"gasLimit", q(h.gasLimit)},
              {"gasUsed", q(h.gasUsed)},
              {"timestamp", q(h.timestamp)},
              {"extraData", toHex(h.extraData)},
              {"mixHash", h.mixHash.hex()},
              {"nonce", toHex(ByteView(h.nonce.data(), h.nonce.size()))}};
    if (h.baseFeePerGas) j["baseFeePerGas"] = q(*h.baseFeePerGas);
    if (h.withdrawalsRoot) j["withdrawalsRoot"] = h.withdrawalsRoot->hex();
    if (h.blobGasUsed) j["blobGasUsed"] = q(*h.blobGasUsed);
    if (h.excessBlobGas) j["excessBlobGas"] = q(*h.excessBlobGas);
    if (h.parentBeaconBlockRoot) j["parentBeaconBlockRoot"] = h.parentBeaconBlockRoot->hex();
    if (h.requestsHash) j["requestsHash"] = h.requestsHash->hex();
    return j;
}

} // namespace ctrn::lightclient
