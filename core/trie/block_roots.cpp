#include <core/trie/block_roots.h>

#include <core/trie/trie_root.h>

namespace ctrn::trie {

chain::Hash receiptsRoot(const std::vector<chain::Receipt>& receipts) {
    std::vector<Bytes> encoded;
    encoded.reserve(receipts.size());
    for (const auto& r : receipts) encoded.push_back(chain::encodeReceipt(r));
    return chain::Hash(orderedTrieRoot(encoded));
}

chain::Hash transactionsRoot(const std::vector<Bytes>& encodedTransactions) {
    return chain::Hash(orderedTrieRoot(encodedTransactions));
}

} // namespace ctrn::trie
