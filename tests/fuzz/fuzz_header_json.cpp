// Arbitrary text as a block object: parsing and hashing must never crash.
#include <core/chain/header.h>

#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto json = ctrn::parseJson(std::string_view(reinterpret_cast<const char*>(data), size));
    if (json) (void)ctrn::chain::verifyBlockHash(*json);
    return 0;
}
