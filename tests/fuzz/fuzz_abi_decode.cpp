// The ABI decoder on arbitrary data for a fixed menu of types (the first
// input byte picks one): it must never crash or allocate without bound, and
// whatever decodes must re-encode to an encoding that decodes to the same
// values and re-encodes to itself (the decoder tolerates overlapping or
// unusual offsets, so the re-encoding need not equal the input).
#include <core/encoding/abi.h>

#include <cstdlib>

namespace {

const char* const kTypeLists[] = {
    "uint256",
    "uint8,int8,bool,address",
    "bytes",
    "string,bytes32",
    "uint256[]",
    "bytes[]",
    "string[2]",
    "(uint256,bytes)",
    "(uint256,(bytes,bool)[])[2]",
    "address,uint256,bytes,string,uint256[]",
    "int16[][]",
    "(string,address[3])[]",
    "bytes4,uint64[2][]",
    "uint256[][][]",
    "(bool,(string,(int256,bytes2)[])[])",
    "bytes1[]",
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ctrn::encoding;
    if (size < 1) return 0;
    const char* list = kTypeLists[data[0] % (sizeof kTypeLists / sizeof kTypeLists[0])];
    bool strict = (data[0] & 0x80) == 0;
    auto types = parseAbiTypes(list);
    if (!types) std::abort();
    ctrn::ByteView input(data + 1, size - 1);
    auto decoded = abiDecode(*types, input, AbiDecodeOptions{strict});
    if (!decoded) return 0;
    auto encoded = abiEncode(*types, *decoded);
    if (!encoded) std::abort(); // decoded values always fit their types
    auto again = abiDecode(*types, *encoded);
    if (!again || !(*again == *decoded)) std::abort();
    auto reencoded = abiEncode(*types, *again);
    if (!reencoded || *reencoded != *encoded) std::abort();
    (void)abiValuesToJson(*types, *decoded);
    return 0;
}
