#include <core/crypto/keccak.h>

#include <botan/keccak.h>

namespace ctrn::crypto {

struct Keccak256::Impl {
    Botan::Keccak_1600 hash{256};
};

Keccak256::Keccak256() : m_impl(new Impl) {}
Keccak256::~Keccak256() { delete m_impl; }

void Keccak256::update(ByteView data) { m_impl->hash.update(data.data(), data.size()); }

Hash256 Keccak256::finish() {
    Hash256 out{};
    m_impl->hash.final(out.data());
    return out;
}

Hash256 keccak256(ByteView data) {
    // A thread-local instance avoids an allocation per hash on hot paths
    // (trie proofs hash many small nodes).
    thread_local Botan::Keccak_1600 hash(256);
    Hash256 out{};
    hash.update(data.data(), data.size());
    hash.final(out.data());
    return out;
}

} // namespace ctrn::crypto
