// ctrn address of-key --key-file F — the EIP-55 address of a private key.
#include "../cli.h"

#include <core/crypto/secp256k1.h>
#include <core/encoding/eip55.h>

namespace ctrn::cli {
namespace {

int runOfKey(const Args& args) {
    args.expectPositionalCount(0);
    auto secret = readSecretFile(args.required("key-file"), "key");
    if (!secret) return printError(secret.error());
    auto key = crypto::PrivateKey::fromHex(secret->asString());
    if (!key) return printError(key.error());
    return printResult(encoding::toChecksumAddress(crypto::addressOf(*key)));
}

const bool registered = registerCommand({
    "address of-key", "--key-file F",
    "Prints the EIP-55 address of the private key in file F (one hex key, 0x optional; a\n"
    "trailing newline is ignored). Exits 1 if the key is not 32 bytes of hex, is zero, or is\n"
    "not below the secp256k1 order. The key is never taken from the command line.",
    {"key-file"}, runOfKey});

} // namespace
} // namespace ctrn::cli
