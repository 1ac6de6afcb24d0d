// Keccak-256 as Ethereum uses it (the original Keccak padding, not SHA3-256),
// computed with Botan's Keccak-1600(256).
#pragma once

#include <core/util/bytes.h>

namespace ctrn::crypto {

using Hash256 = FixedBytes<32>;

Hash256 keccak256(ByteView data);

// Incremental hashing for data that arrives in parts.
class Keccak256 {
public:
    Keccak256();
    ~Keccak256();
    Keccak256(const Keccak256&) = delete;
    Keccak256& operator=(const Keccak256&) = delete;
    void update(ByteView data);
    Hash256 finish(); // resets the state for reuse

private:
    struct Impl;
    Impl* m_impl;
};

} // namespace ctrn::crypto
