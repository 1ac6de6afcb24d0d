// ctrn eip712 hash — the EIP-712 digest of typed data (what eth_signTypedData_v4 signs).
#include "../cli.h"

#include <core/encoding/eip712.h>
#include <core/util/hex.h>
#include <core/util/json.h>

namespace ctrn::cli {
namespace {

int runHash(const Args& args) {
    args.expectPositionalCount(0);
    auto json = parseJson(readStdin());
    if (!json) return printError(json.error());
    auto digest = encoding::eip712Digest(*json);
    if (!digest) return printError(digest.error());
    return printResult(toHex(*digest));
}

const bool registered = registerCommand({
    "eip712 hash", "",
    "Reads EIP-712 typed data ({\"types\", \"primaryType\", \"domain\", \"message\"}) on stdin and\n"
    "prints the 32-byte digest keccak256(0x1901 || domainSeparator || hashStruct(message)).\n"
    "EIP712Domain may be omitted from types; it is then derived from the domain's fields.\n"
    "Exits 1 on unknown types, missing or undeclared fields, or values that do not fit.",
    {}, runHash});

} // namespace
} // namespace ctrn::cli
