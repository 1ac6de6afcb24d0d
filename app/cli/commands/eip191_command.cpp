// ctrn message hash — the EIP-191 personal-message hash (what `message sign` signs).
#include "../cli.h"

#include <core/encoding/eip191.h>
#include <core/util/hex.h>

namespace ctrn::cli {
namespace {

int runHash(const Args& args) {
    args.expectPositionalCount(0);
    auto message = fromHex(trim(readStdin()));
    if (!message) return printError(message.error());
    return printResult(toHex(encoding::personalMessageHash(*message)));
}

const bool registered = registerCommand({
    "message hash", "",
    "Reads message bytes as hex on stdin and prints the EIP-191 personal-message hash\n"
    "keccak256(\"\\x19Ethereum Signed Message:\\n\" + length + message).",
    {}, runHash});

} // namespace
} // namespace ctrn::cli
