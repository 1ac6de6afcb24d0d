// SHA-256 (Botan), one-shot and incremental: the protocol stores sha256 of
// listing/model metadata and model artifacts, and downloads hash while they
// stream rather than after.
#pragma once

#include <core/crypto/keccak.h>
#include <core/util/bytes.h>

namespace ctrn::crypto {

Hash256 sha256(ByteView data);

class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(ByteView data);
    Hash256 finish(); // resets the state for reuse

private:
    struct Impl;
    Impl* m_impl;
};

} // namespace ctrn::crypto
