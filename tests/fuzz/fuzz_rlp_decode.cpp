// The strict RLP decoder on arbitrary bytes must never crash, and because it
// accepts only canonical encodings, whatever decodes must re-encode to
// exactly the input (and every node's raw() to its own bytes).
#include <core/encoding/rlp.h>

#include <cstdlib>
#include <cstring>

namespace {

void checkNode(const ctrn::encoding::RlpNode& node) {
    ctrn::Bytes again = ctrn::encoding::rlpEncode(node.toItem());
    if (again.size() != node.raw().size() || std::memcmp(again.data(), node.raw().data(), again.size()) != 0) std::abort();
    if (!node.isList()) {
        (void)node.asUint(); // may fail, must not crash
        return;
    }
    for (const auto& child : node.items()) checkNode(child);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    ctrn::ByteView input(data, size);
    auto decoded = ctrn::encoding::rlpDecode(input);
    if (!decoded) return 0;
    if (decoded->raw().size() != size || decoded->raw().data() != data) std::abort();
    checkNode(*decoded);
    return 0;
}
