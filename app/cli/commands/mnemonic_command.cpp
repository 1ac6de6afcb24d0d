// ctrn mnemonic new | from-entropy | validate | seed — BIP39 mnemonics.
#include "../cli.h"

#include <core/crypto/bip39.h>
#include <core/util/hex.h>

#include <charconv>
#include <iostream>

namespace ctrn::cli {
namespace {

// Mnemonics are secrets: print from wiped memory without a std::string copy.
int printSecret(const SecureString& text) {
    std::cout << text.asString() << '\n';
    return ExitOk;
}

int runNew(const Args& args) {
    args.expectPositionalCount(0);
    std::size_t words = 24;
    if (auto opt = args.option("words")) {
        auto [ptr, ec] = std::from_chars(opt->data(), opt->data() + opt->size(), words);
        if (ec != std::errc() || ptr != opt->data() + opt->size() || words < 12 || words > 24 || words % 3 != 0)
            throw UsageError{"--words must be 12, 15, 18, 21 or 24, got '" + *opt + "'"};
    }
    auto mnemonic = crypto::generateMnemonic(words);
    if (!mnemonic) return printError(mnemonic.error());
    return printSecret(*mnemonic);
}

int runFromEntropy(const Args& args) {
    args.expectPositionalCount(1);
    // Entropy is the wallet itself: besides the HEX argument of CLI.md it can
    // come from a file or stdin ("-"), which keeps it out of argv and ps.
    std::optional<std::string> inlineHex;
    if (!args.option("entropy-file")) {
        inlineHex = args.positional(0, "HEX");
        if (*inlineHex == "-") inlineHex = trim(readStdin());
    }
    auto entropy = readHexSecret(args, "entropy-file", inlineHex, "entropy");
    if (inlineHex) secureWipe(inlineHex->data(), inlineHex->size());
    if (!entropy) return printError(entropy.error());
    const SecureBytes& secret = *entropy;
    auto mnemonic = crypto::entropyToMnemonic(secret.view());
    if (!mnemonic) return printError(mnemonic.error());
    return printSecret(*mnemonic);
}

int runValidate(const Args& args) {
    args.expectPositionalCount(0);
    auto mnemonic = readSecret(args, "mnemonic-file", "mnemonic");
    if (!mnemonic) return printError(mnemonic.error());
    auto status = crypto::validateMnemonic(mnemonic->asString());
    if (!status) return printError(status.error());
    return ExitOk;
}

int runSeed(const Args& args) {
    args.expectPositionalCount(0);
    SecureString passphrase;
    if (auto file = args.option("passphrase-file")) {
        auto read = readSecretFile(*file, "passphrase");
        if (!read) return printError(read.error());
        passphrase = std::move(*read);
    }
    auto mnemonic = readSecret(args, "mnemonic-file", "mnemonic");
    if (!mnemonic) return printError(mnemonic.error());
    auto seed = crypto::mnemonicToSeed(mnemonic->asString(), passphrase.asString());
    if (!seed) return printError(seed.error());
    std::string hex = toHex(seed->view());
    printResult(hex);
    secureWipe(hex.data(), hex.size());
    return ExitOk;
}

const bool registeredNew = registerCommand({
    "mnemonic new", "[--words N]",
    "Prints a new random BIP39 English mnemonic of N words (12, 15, 18, 21 or 24; default 24)\n"
    "on one line. The entropy comes from the kernel (getrandom).",
    {"words"}, runNew});

const bool registeredFromEntropy = registerCommand({
    "mnemonic from-entropy", "HEX | - | --entropy-file F",
    "Prints the BIP39 English mnemonic of 16, 20, 24, 28 or 32 bytes of entropy given as hex:\n"
    "as the argument, on stdin (HEX = -), or in file F (preferred: keeps it out of argv).\n"
    "Exits 1 on bad hex or another length.",
    {"entropy-file"}, runFromEntropy});

const bool registeredValidate = registerCommand({
    "mnemonic validate", "[--mnemonic-file F]",
    "Checks the BIP39 English mnemonic read from stdin (or F): exit 0 if valid, exit 1 with a\n"
    "message naming the problem: \"unknown word 'xyz' at position 5\", \"bad checksum\" or the\n"
    "word count. Prints nothing on success.",
    {"mnemonic-file"}, runValidate});

const bool registeredSeed = registerCommand({
    "mnemonic seed", "[--passphrase-file F] [--mnemonic-file M]",
    "Prints the 64-byte BIP39 seed of the mnemonic read from stdin (or M), with the optional\n"
    "passphrase from F: PBKDF2-HMAC-SHA512 over the NFKD forms, 2048 rounds. Works for a phrase\n"
    "in any language and does not validate the words (use `ctrn mnemonic validate`). Trailing\n"
    "whitespace of the phrase and of the passphrase file is ignored.",
    {"passphrase-file", "mnemonic-file"}, runSeed});

} // namespace
} // namespace ctrn::cli
