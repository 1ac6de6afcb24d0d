// ctrn keystore encrypt | decrypt — Web3 Secret Storage (keystore v3) files.
#include "../cli.h"

#include <core/crypto/keystore.h>

#include <iostream>

namespace ctrn::cli {
namespace {

int runEncrypt(const Args& args) {
    args.expectPositionalCount(0);
    const std::string& keyFile = args.required("key-file");
    const std::string& passwordFile = args.required("password-file");
    std::string kdf = args.option("kdf").value_or("scrypt");
    if (kdf != "scrypt" && kdf != "pbkdf2") throw UsageError{"--kdf must be scrypt or pbkdf2, got '" + kdf + "'"};
    bool light = args.flag("light");
    if (light && kdf != "scrypt") throw UsageError{"--light applies to --kdf scrypt only"};
    crypto::KeystoreParams params = kdf == "pbkdf2" ? crypto::KeystoreParams::pbkdf2()
                                    : light         ? crypto::KeystoreParams::lightScrypt()
                                                    : crypto::KeystoreParams::standardScrypt();

    auto secret = readSecretFile(keyFile, "key");
    if (!secret) return printError(secret.error());
    auto key = crypto::PrivateKey::fromHex(secret->asString());
    if (!key) return printError(key.error());
    auto password = readSecretFile(passwordFile, "password");
    if (!password) return printError(password.error());
    auto keystore = crypto::encryptKeystore(*key, password->view(), params);
    if (!keystore) return printError(keystore.error());
    return printResult(keystore->dump(2));
}

int runDecrypt(const Args& args) {
    args.expectPositionalCount(0);
    auto password = readSecretFile(args.required("password-file"), "password");
    if (!password) return printError(password.error());
    std::string json = readStdin();
    auto key = crypto::decryptKeystore(std::string_view(json), password->view());
    if (!key) return printError(key.error());
    std::cout << key->toHex().asString() << '\n';
    return ExitOk;
}

const bool registeredEncrypt = registerCommand({
    "keystore encrypt", "--key-file F --password-file P [--kdf scrypt|pbkdf2] [--light]",
    "Prints a keystore v3 (Web3 Secret Storage) JSON file for the private key in F, encrypted\n"
    "with the password in P (trailing newline ignored). KDF: scrypt n=262144 r=8 p=1 (default,\n"
    "~1 s and 256 MiB), --light for scrypt n=4096 r=8 p=6, or --kdf pbkdf2 (HMAC-SHA256,\n"
    "c=262144). AES-128-CTR, random salt, IV and UUID v4 id, geth's `address` field.",
    {"key-file", "password-file", "kdf"}, runEncrypt});

const bool registeredDecrypt = registerCommand({
    "keystore decrypt", "--password-file P",
    "Reads a keystore v3 JSON file on stdin (scrypt or pbkdf2/hmac-sha256, as geth, cast or\n"
    "ethers write them) and prints the private key as hex. Exits 1 with \"wrong password\" when\n"
    "the MAC does not match, or with a message naming the field when the file is malformed or\n"
    "asks for KDF parameters beyond sane bounds (memory or time).",
    {"password-file"}, runDecrypt});

} // namespace
} // namespace ctrn::cli
