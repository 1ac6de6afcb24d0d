#include <core/crypto/sha256.h>

#include <botan/hash.h>

namespace ctrn::crypto {

struct Sha256::Impl {
    std::unique_ptr<Botan::HashFunction> hash = Botan::HashFunction::create_or_throw("SHA-256");
};

Sha256::Sha256() : m_impl(new Impl) {}
Sha256::~Sha256() { delete m_impl; }

void Sha256::update(ByteView data) { m_impl->hash->update(data.data(), data.size()); }

Hash256 Sha256::finish() {
    Hash256 out{};
    m_impl->hash->final(out.data());
    return out;
}

Hash256 sha256(ByteView data) {
    Sha256 h;
    h.update(data);
    return h.finish();
}

} // namespace ctrn::crypto
