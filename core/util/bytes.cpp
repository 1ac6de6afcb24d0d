#include <core/util/bytes.h>

namespace ctrn {

bool constantTimeEqual(ByteView a, ByteView b) {
    if (a.size() != b.size()) return false;
    volatile std::uint8_t diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i) diff = static_cast<std::uint8_t>(diff | (a[i] ^ b[i]));
    return diff == 0;
}

} // namespace ctrn
