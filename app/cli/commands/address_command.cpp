// ctrn address checksum ADDR — EIP-55 form of an address.
#include "../cli.h"

#include <core/encoding/eip55.h>

namespace ctrn::cli {
namespace {

int runChecksum(const Args& args) {
    args.expectPositionalCount(1);
    auto address = encoding::parseAddress(args.positional(0, "ADDR"));
    if (!address) return printError(address.error());
    return printResult(encoding::toChecksumAddress(*address));
}

const bool registered = registerCommand({
    "address checksum", "ADDR",
    "Prints the EIP-55 checksummed form of a 20-byte address. Exits 1 if the input is not an\n"
    "address or is mixed case with a wrong checksum.",
    {}, runChecksum});

} // namespace
} // namespace ctrn::cli
