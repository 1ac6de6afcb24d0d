#include <core/util/secure_buffer.h>

#include <cstring>

namespace ctrn {

void secureWipe(void* data, std::size_t size) {
    if (data == nullptr || size == 0) return;
    // A volatile function pointer to memset cannot be proven to be a dead
    // store and elided (same trick as libsecp256k1's secp256k1_memclear).
    static void* (*const volatile wipe)(void*, int, std::size_t) = std::memset;
    wipe(data, 0, size);
}

} // namespace ctrn
