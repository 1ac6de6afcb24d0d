#include <core/trie/trie_root.h>

#include <core/crypto/keccak.h>
#include <core/encoding/rlp.h>
#include <core/trie/nibbles.h>

#include <array>

namespace ctrn::trie {
namespace {

struct Entry {
    Nibbles path;
    const Bytes* value;
};

// A child reference: a node whose encoding is shorter than 32 bytes is
// embedded as is, a longer one by its hash (Yellow Paper, "c(J, i)").
Bytes reference(const Bytes& encodedNode) {
    if (encodedNode.size() < 32) return encodedNode;
    return encoding::rlpEncodeBytes(crypto::keccak256(encodedNode));
}

// Encodes the node for entries [lo, hi), all sharing their first `depth`
// nibbles. Entries are sorted, so a common prefix of the first and the last
// is common to all.
Bytes encodeNode(const std::vector<Entry>& entries, std::size_t lo, std::size_t hi, std::size_t depth) {
    using namespace encoding;
    const Entry& first = entries[lo];
    if (hi - lo == 1) {
        std::array<Bytes, 2> leaf{rlpEncodeBytes(hexPrefixEncode(first.path, depth, first.path.size(), true)),
                                  rlpEncodeBytes(*first.value)};
        return rlpEncodeList(leaf);
    }
    const Entry& last = entries[hi - 1];
    std::size_t common = depth;
    while (common < first.path.size() && common < last.path.size() && first.path[common] == last.path[common]) ++common;
    if (common > depth) {
        std::array<Bytes, 2> extension{rlpEncodeBytes(hexPrefixEncode(first.path, depth, common, false)),
                                       reference(encodeNode(entries, lo, hi, common))};
        return rlpEncodeList(extension);
    }
    std::array<Bytes, 17> branch;
    std::size_t i = lo;
    // Sorted order puts a key that ends here (a prefix of the others) first.
    if (first.path.size() == depth) {
        branch[16] = rlpEncodeBytes(*first.value);
        ++i;
    } else {
        branch[16] = rlpEncodeBytes({});
    }
    for (std::uint8_t nibble = 0; nibble < 16; ++nibble) {
        std::size_t j = i;
        while (j < hi && entries[j].path[depth] == nibble) ++j;
        branch[nibble] = j > i ? reference(encodeNode(entries, i, j, depth + 1)) : rlpEncodeBytes({});
        i = j;
    }
    return rlpEncodeList(branch);
}

} // namespace

const Root& emptyTrieRoot() {
    static const Root root = crypto::keccak256(encoding::rlpEncodeBytes({}));
    return root;
}

void TrieBuilder::put(ByteView key, ByteView value) {
    if (value.empty()) {
        remove(key);
        return;
    }
    m_entries[toBytes(key)] = toBytes(value);
}

void TrieBuilder::remove(ByteView key) { m_entries.erase(toBytes(key)); }

Root TrieBuilder::root() const {
    if (m_entries.empty()) return emptyTrieRoot();
    std::vector<Entry> entries;
    entries.reserve(m_entries.size());
    // Byte-wise order of keys is nibble-wise order of paths, and a key that
    // is a prefix of another sorts first, as encodeNode expects.
    for (const auto& [key, value] : m_entries) entries.push_back({toNibbles(key), &value});
    return crypto::keccak256(encodeNode(entries, 0, entries.size(), 0));
}

void SecureTrieBuilder::put(ByteView key, ByteView value) { m_trie.put(crypto::keccak256(key), value); }
void SecureTrieBuilder::remove(ByteView key) { m_trie.remove(crypto::keccak256(key)); }

Root orderedTrieRoot(const std::vector<Bytes>& items) {
    TrieBuilder trie;
    for (std::size_t i = 0; i < items.size(); ++i) trie.put(encoding::rlpEncodeUint(i), items[i]);
    return trie.root();
}

} // namespace ctrn::trie
