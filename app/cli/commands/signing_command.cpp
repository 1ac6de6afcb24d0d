// ctrn eip712 sign / message sign / message recover — off-chain signatures
// as wallets produce them for dapps (eth_signTypedData_v4, personal_sign).
#include "../cli.h"

#include <core/crypto/secp256k1.h>
#include <core/encoding/eip191.h>
#include <core/encoding/eip55.h>
#include <core/encoding/eip712.h>
#include <core/util/hex.h>
#include <core/util/json.h>

namespace ctrn::cli {
namespace {

Result<crypto::PrivateKey> keyFromFile(const Args& args) {
    CTRN_ASSIGN(SecureString secret, readSecretFile(args.required("key-file"), "key"));
    return crypto::PrivateKey::fromHex(secret.asString());
}

// Signs a digest and returns r || s || v with v = 27/28, the form
// personal_sign and eth_signTypedData return and ecrecover expects.
Result<std::string> signDigest(const crypto::PrivateKey& key, const crypto::Hash256& digest) {
    CTRN_ASSIGN(crypto::RecoverableSignature sig, crypto::signRecoverable(key, digest));
    sig[64] = static_cast<std::uint8_t>(sig[64] + 27);
    return toHex(sig);
}

int runEip712Sign(const Args& args) {
    args.expectPositionalCount(0);
    auto key = keyFromFile(args);
    if (!key) return printError(key.error());
    auto json = parseJson(readStdin());
    if (!json) return printError(json.error());
    auto digest = encoding::eip712Digest(*json);
    if (!digest) return printError(digest.error());
    auto sig = signDigest(*key, *digest);
    if (!sig) return printError(sig.error());
    return printResult(*sig);
}

int runMessageSign(const Args& args) {
    args.expectPositionalCount(0);
    auto key = keyFromFile(args);
    if (!key) return printError(key.error());
    auto message = fromHex(trim(readStdin()));
    if (!message) return printError(message.error());
    auto sig = signDigest(*key, encoding::personalMessageHash(*message));
    if (!sig) return printError(sig.error());
    return printResult(*sig);
}

int runMessageRecover(const Args& args) {
    args.expectPositionalCount(0);
    auto sig = fixedFromHex<65>(args.required("signature"), "signature");
    if (!sig) return printError(sig.error());
    std::uint8_t& v = (*sig)[64];
    if (v == 27 || v == 28) v = static_cast<std::uint8_t>(v - 27);
    if (v > 1) return printError("signature: v must be 27, 28, 0 or 1");
    auto message = fromHex(trim(readStdin()));
    if (!message) return printError(message.error());
    // Lenient on s, like the EVM's ecrecover: old signers produced high-s
    // signatures that are still valid for a message.
    auto key = crypto::recoverPublicKey(encoding::personalMessageHash(*message), *sig, crypto::SignatureCheck::Lenient);
    if (!key) return printError(key.error());
    return printResult(encoding::toChecksumAddress(crypto::addressOf(*key)));
}

const bool registeredEip712 = registerCommand({
    "eip712 sign", "--key-file F",
    "Reads EIP-712 typed data on stdin (as for `eip712 hash`) and prints the 65-byte signature\n"
    "r || s || v (v = 27/28) of its digest with the key in F — what eth_signTypedData_v4 returns.",
    {"key-file"}, runEip712Sign});

const bool registeredSign = registerCommand({
    "message sign", "--key-file F",
    "Reads message bytes as hex on stdin and prints the EIP-191 personal-message signature\n"
    "r || s || v (v = 27/28) with the key in F — what personal_sign returns.",
    {"key-file"}, runMessageSign});

const bool registeredRecover = registerCommand({
    "message recover", "--signature HEX",
    "Reads message bytes as hex on stdin and prints the EIP-55 address whose key made the\n"
    "65-byte EIP-191 signature (v = 27/28 or 0/1). Exits 1 if no key can have made it.",
    {"signature"}, runMessageRecover});

} // namespace
} // namespace ctrn::cli
