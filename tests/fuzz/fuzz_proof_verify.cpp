// Proof verification on attacker-chosen nodes: the input is split into a key
// and proof nodes, and the root is taken as the hash of the first node, so
// the fuzzer can reach deep into the walk. It must never crash, and a value
// it returns must come from a walk that consumed the proof's nodes.
#include <core/crypto/keccak.h>
#include <core/trie/proof.h>

#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    std::size_t keyLen = data[0] % 33;
    if (1 + keyLen > size) return 0;
    ctrn::ByteView key(data + 1, keyLen);
    // Nodes are separated by a length byte each.
    std::vector<ctrn::Bytes> nodes;
    std::size_t pos = 1 + keyLen;
    while (pos < size) {
        std::size_t len = data[pos++];
        if (pos + len > size) len = size - pos;
        nodes.emplace_back(data + pos, data + pos + len);
        pos += len;
    }
    ctrn::trie::Root root = nodes.empty() ? ctrn::trie::emptyTrieRoot() : ctrn::crypto::keccak256(nodes.front());
    (void)ctrn::trie::verifyProof(root, key, nodes);
    return 0;
}
