// ctrn tx sign --key-file F / ctrn tx decode HEX — offline transactions.
#include "../cli.h"

#include <core/chain/transaction.h>
#include <core/crypto/secp256k1.h>
#include <core/util/hex.h>
#include <core/util/json.h>

namespace ctrn::cli {
namespace {

int runSign(const Args& args) {
    args.expectPositionalCount(0);
    const std::string& keyFile = args.required("key-file");
    auto secret = readSecretFile(keyFile, "key");
    if (!secret) return printError(secret.error());
    auto key = crypto::PrivateKey::fromHex(secret->asString());
    if (!key) return printError(key.error());
    auto json = parseJson(readStdin());
    if (!json) return printError(json.error());
    auto tx = chain::transactionFromJson(*json);
    if (!tx) return printError(tx.error());
    auto signed_ = chain::signTransaction(std::move(tx).value(), *key);
    if (!signed_) return printError(signed_.error());
    Json out = {{"raw", toHex(signed_->raw)}, {"hash", signed_->hash.hex()}, {"from", signed_->from.checksummed()}};
    return printResult(out.dump());
}

int runDecode(const Args& args) {
    args.expectPositionalCount(1);
    auto raw = fromHex(args.positional(0, "HEX"));
    if (!raw) return printError(raw.error());
    auto tx = chain::decodeTransaction(*raw);
    if (!tx) return printError(tx.error());
    return printResult(chain::transactionToJson(*tx).dump());
}

const bool registeredSign = registerCommand({
    "tx sign", "--key-file F",
    "Reads a transaction as JSON on stdin and signs it with the key in F (RFC 6979, low s).\n"
    "Fields: type (0, 1, 2; inferred when absent), chainId, nonce, gasPrice (types 0, 1) or\n"
    "maxFeePerGas + maxPriorityFeePerGas (type 2), gas, to (absent = contract creation),\n"
    "value, data, accessList [{address, storageKeys}]. Integers as decimal or 0x strings or\n"
    "numbers. Type 0 with a non-zero chainId signs with EIP-155, without one pre-EIP-155\n"
    "(v = 27/28). Prints {raw, hash, from}.",
    {"key-file"}, runSign});

const bool registeredDecode = registerCommand({
    "tx decode", "HEX",
    "Decodes a raw signed transaction (legacy, EIP-2930, EIP-1559, EIP-4844, EIP-7702) and\n"
    "prints all its fields with the recovered sender (from) and hash. Exits 1 if it is\n"
    "malformed, not canonical, or its signature is invalid (including high s).",
    {}, runDecode});

} // namespace
} // namespace ctrn::cli
