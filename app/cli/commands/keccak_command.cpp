// ctrn keccak HEX — Keccak-256 of the given bytes.
#include "../cli.h"

#include <core/crypto/keccak.h>
#include <core/util/hex.h>

namespace ctrn::cli {
namespace {

int runKeccak(const Args& args) {
    args.expectPositionalCount(1);
    auto data = fromHex(args.positional(0, "HEX"));
    if (!data) return printError(data.error());
    return printResult(toHex(crypto::keccak256(*data)));
}

const bool registered = registerCommand({
    "keccak", "HEX",
    "Prints the Keccak-256 hash (Ethereum's, not SHA3-256) of the bytes given as hex.\n"
    "Example: ctrn keccak 0x  ->  0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470",
    {}, runKeccak});

} // namespace
} // namespace ctrn::cli
