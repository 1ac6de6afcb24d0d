#include <core/encoding/eip191.h>

#include <string>

namespace ctrn::encoding {

Bytes personalMessagePreimage(ByteView message) {
    std::string prefix = "\x19" "Ethereum Signed Message:\n" + std::to_string(message.size());
    return concat({asView(prefix), message});
}

crypto::Hash256 personalMessageHash(ByteView message) { return crypto::keccak256(personalMessagePreimage(message)); }

} // namespace ctrn::encoding
