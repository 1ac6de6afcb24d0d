// Merkle-Patricia trie roots computed from a complete key/value set: the
// state, storage, transaction, receipt and withdrawal tries all reduce to
// this. The set is kept sorted and the trie is built bottom-up in one pass,
// so no node objects are allocated and deletion is just removal from the set.
#pragma once

#include <core/util/bytes.h>

#include <map>

namespace ctrn::trie {

using Root = FixedBytes<32>;

// keccak256(RLP("")): the root of an empty trie.
const Root& emptyTrieRoot();

class TrieBuilder {
public:
    // An empty value deletes the key, as in Ethereum's tries.
    void put(ByteView key, ByteView value);
    void remove(ByteView key);
    std::size_t size() const { return m_entries.size(); }
    Root root() const;

private:
    std::map<Bytes, Bytes> m_entries;
};

// Secure trie (state and storage tries): keys are keccak256(key).
class SecureTrieBuilder {
public:
    void put(ByteView key, ByteView value);
    void remove(ByteView key);
    Root root() const { return m_trie.root(); }

private:
    TrieBuilder m_trie;
};

// Root of an ordered list (transactions, receipts, withdrawals): item i is
// stored under the key RLP(i).
Root orderedTrieRoot(const std::vector<Bytes>& items);

} // namespace ctrn::trie
