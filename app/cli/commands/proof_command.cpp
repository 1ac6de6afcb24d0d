// ctrn proof verify --state-root HEX — checks an eth_getProof result.
#include "../cli.h"

#include <core/trie/account_proof.h>
#include <core/util/hex.h>
#include <core/util/json.h>

#include <iostream>

namespace ctrn::cli {
namespace {

int runVerify(const Args& args) {
    args.expectPositionalCount(0);
    auto root = fixedFromHex<32>(args.required("state-root"), "--state-root");
    if (!root) return printError(root.error());
    auto json = parseJson(readStdin());
    if (!json) return printError(json.error());
    auto check = trie::checkEthProof(*root, *json);
    if (!check) return printError(check.error());

    const auto& c = *check;
    // Report the proven values; where the proof failed, the node's claim is
    // shown with valid=false so a script can see what was refused.
    const trie::Account& shown = c.accountValid ? c.proven : c.claimed;
    Json out = {{"valid", c.valid()},
                {"address", c.address.checksummed()},
                {"balance", toDecimal(shown.balance)},
                {"nonce", toDecimal(shown.nonce)},
                {"codeHash", shown.codeHash.hex()},
                {"storageHash", shown.storageRoot.hex()},
                {"storage", Json::array()}};
    if (!c.accountValid) out["error"] = c.accountError;
    for (const auto& s : c.storage) {
        Json entry = {{"key", toHex(s.slot)}, {"value", toDecimal(s.valid ? s.proven : s.claimed)}, {"valid", s.valid}};
        if (!s.valid) entry["error"] = s.error;
        out["storage"].push_back(entry);
    }
    std::cout << out.dump() << '\n';
    if (c.valid()) return ExitOk;
    std::string why = !c.accountValid ? c.accountError : "";
    for (const auto& s : c.storage)
        if (why.empty() && !s.valid) why = "slot " + toHex(s.slot) + ": " + s.error;
    return printError("proof does not verify: " + why);
}

const bool registered = registerCommand({
    "proof verify", "--state-root HEX",
    "Reads an eth_getProof result (EIP-1186) on stdin and checks its account proof against\n"
    "the given state root and each storage proof against the proven storage root. Absent\n"
    "accounts and slots are proven absent. Prints {valid, address, balance, nonce, codeHash,\n"
    "storageHash, storage: [{key, value, valid}]} and exits 1 if any part fails.",
    {"state-root"}, runVerify});

} // namespace
} // namespace ctrn::cli
