#include <core/trie/proof.h>

#include <core/crypto/keccak.h>
#include <core/encoding/rlp.h>
#include <core/trie/nibbles.h>
#include <core/util/hex.h>

#include <algorithm>

namespace ctrn::trie {
namespace {

Error proofError(const std::string& message) {
    return makeError(ErrorCode::VerificationFailed, "proof: " + message);
}

using encoding::RlpNode;

} // namespace

Result<std::optional<Bytes>> verifyProof(const Root& root, ByteView key, const std::vector<Bytes>& proof) {
    using Absent = std::optional<Bytes>;
    if (proof.empty()) {
        if (root == emptyTrieRoot()) return Absent{};
        return proofError("no nodes for a non-empty trie");
    }

    const Nibbles path = toNibbles(key);
    std::size_t pos = 0;        // nibbles of `path` consumed so far
    std::size_t next = 0;       // next proof element to use
    FixedBytes<32> wantedHash = root;
    // A child shorter than 32 bytes is embedded in its parent instead of
    // being referenced by hash; then the walk continues inside the parent's
    // buffer without consuming a proof element.
    std::optional<RlpNode> embedded;
    RlpNode node;

    for (;;) {
        if (embedded) {
            node = *embedded;
            embedded.reset();
            // Some provers (@ethereumjs/trie) also list embedded nodes as proof
            // elements; geth does not. An element equal to the embedded bytes
            // carries no new claim, so it is consumed rather than refused.
            if (next < proof.size() && std::equal(proof[next].begin(), proof[next].end(), node.raw().begin(), node.raw().end()))
                ++next;
        } else {
            if (next >= proof.size()) return proofError("missing node " + std::to_string(next) + " (proof is incomplete)");
            const Bytes& raw = proof[next];
            if (crypto::keccak256(raw) != wantedHash)
                return proofError("node " + std::to_string(next) + " does not hash to " + toHex(wantedHash));
            auto decoded = encoding::rlpDecode(raw);
            if (!decoded) return proofError("node " + std::to_string(next) + ": " + decoded.error().message);
            node = std::move(decoded).value();
            ++next;
        }
        if (!node.isList()) {
            // The empty trie's root node is RLP("") itself; some nodes (anvil)
            // send it as the proof of an empty storage trie.
            if (node.payload().empty() && next == 1 && root == emptyTrieRoot() && proof.size() == 1) return Absent{};
            return proofError("node is not a list");
        }

        // Where the walk goes from this node: to a child reference, to a
        // value, or nowhere (the key is absent).
        const RlpNode* child = nullptr;
        const auto& items = node.items();
        if (items.size() == 17) {
            if (pos == path.size()) {
                CTRN_ASSIGN(ByteView value, items[16].asBytes());
                if (next != proof.size()) return proofError("unused nodes after the value");
                return value.empty() ? Absent{} : Absent{toBytes(value)};
            }
            child = &items[path[pos]];
            ++pos;
        } else if (items.size() == 2) {
            CTRN_ASSIGN(ByteView encodedPath, items[0].asBytes());
            auto compact = hexPrefixDecode(encodedPath);
            if (!compact) return proofError(compact.error().message);
            const Nibbles& segment = compact->path;
            bool matches = path.size() - pos >= segment.size() &&
                           std::equal(segment.begin(), segment.end(), path.begin() + static_cast<std::ptrdiff_t>(pos));
            if (compact->leaf) {
                if (next != proof.size()) return proofError("unused nodes after a leaf");
                if (!matches || pos + segment.size() != path.size()) return Absent{};
                CTRN_ASSIGN(ByteView value, items[1].asBytes());
                return Absent{toBytes(value)};
            }
            if (!matches) {
                if (next != proof.size()) return proofError("unused nodes after a diverging extension");
                return Absent{};
            }
            pos += segment.size();
            child = &items[1];
        } else {
            return proofError("node has " + std::to_string(items.size()) + " items (expected 2 or 17)");
        }

        if (child->isList()) {
            embedded = *child;
            continue;
        }
        ByteView ref = child->payload();
        if (ref.empty()) {
            if (next != proof.size()) return proofError("unused nodes after an empty branch slot");
            return Absent{};
        }
        if (ref.size() != 32) return proofError("child reference of " + std::to_string(ref.size()) + " bytes");
        wantedHash = toFixed<32>(ref);
    }
}

} // namespace ctrn::trie
