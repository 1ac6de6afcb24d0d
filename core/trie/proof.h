// Merkle-Patricia proof verification (EIP-1186): walks a list of RLP trie
// nodes from a trusted root along a key and proves either the key's value
// (inclusion) or that the key is absent (exclusion). No I/O: the nodes come
// from a node we do not trust, so every step is checked — each node must hash
// to the reference its parent holds, and nothing may be left over.
#pragma once

#include <core/trie/trie_root.h>
#include <core/util/bytes.h>
#include <core/util/result.h>

#include <optional>
#include <vector>

namespace ctrn::trie {

// The value stored under `key` in the trie with root `root`, or nullopt when
// the proof shows the key is absent. Fails (VerificationFailed) when the
// proof does not link to the root, is incomplete, or has unused nodes.
// For the state and storage tries pass the already-hashed key.
Result<std::optional<Bytes>> verifyProof(const Root& root, ByteView key, const std::vector<Bytes>& proof);

} // namespace ctrn::trie
