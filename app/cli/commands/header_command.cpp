// ctrn header hash — a block's hash computed from its header fields.
#include "../cli.h"

#include <core/chain/header.h>
#include <core/util/json.h>

namespace ctrn::cli {
namespace {

int runHash(const Args& args) {
    args.expectPositionalCount(0);
    auto json = parseJson(readStdin());
    if (!json) return printError(json.error());
    auto hash = chain::verifyBlockHash(*json);
    if (!hash) return printError(hash.error());
    return printResult(hash->hex());
}

const bool registered = registerCommand({
    "header hash", "",
    "Reads a block object as returned by eth_getBlockByNumber on stdin and prints\n"
    "keccak256(RLP(header)) computed from its fields (London through Prague: baseFeePerGas,\n"
    "withdrawalsRoot, blobGasUsed, excessBlobGas, parentBeaconBlockRoot, requestsHash).\n"
    "Exits 1 if the object has a \"hash\" field that differs from the computed hash.",
    {}, runHash});

} // namespace
} // namespace ctrn::cli
