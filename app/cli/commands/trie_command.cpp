// ctrn trie root [--secure] — Merkle-Patricia root of a key/value set.
#include "../cli.h"

#include <core/trie/trie_root.h>
#include <core/util/hex.h>
#include <core/util/json.h>

namespace ctrn::cli {
namespace {

Result<Bytes> hexField(const Json& value, const std::string& what) {
    if (!value.is_string()) return makeError(ErrorCode::InvalidInput, what + ": expected a hex string");
    auto bytes = fromHex(value.get<std::string>());
    if (!bytes) return makeError(ErrorCode::InvalidInput, what + ": " + bytes.error().message);
    return bytes;
}

int runRoot(const Args& args) {
    args.expectPositionalCount(0);
    auto json = parseJson(readStdin());
    if (!json) return printError(json.error());
    const bool secure = args.flag("secure");
    trie::TrieBuilder plain;
    trie::SecureTrieBuilder hashed;
    auto apply = [&](const Bytes& key, const Bytes& value) {
        if (secure) hashed.put(key, value); else plain.put(key, value);
    };
    if (json->is_object()) {
        for (const auto& [k, v] : json->items()) {
            auto key = fromHex(k);
            if (!key) return printError("key '" + k + "': " + key.error().message);
            auto value = hexField(v, "value of key " + k);
            if (!value) return printError(value.error());
            apply(*key, *value);
        }
    } else if (json->is_array()) {
        std::size_t i = 0;
        for (const auto& op : *json) {
            std::string where = "operation " + std::to_string(i++);
            if (!op.is_array() || op.size() != 2) return printError(where + ": expected [keyHex, valueHex or null]");
            auto key = hexField(op[0], where + " key");
            if (!key) return printError(key.error());
            if (op[1].is_null()) {
                apply(*key, {}); // an empty value deletes
                continue;
            }
            auto value = hexField(op[1], where + " value");
            if (!value) return printError(value.error());
            apply(*key, *value);
        }
    } else {
        return printError("expected a JSON object {keyHex: valueHex} or an array of [keyHex, valueHex|null]");
    }
    return printResult(toHex(secure ? hashed.root() : plain.root()));
}

const bool registered = registerCommand({
    "trie root", "[--secure]",
    "Reads a key/value set as JSON on stdin and prints the Merkle-Patricia trie root.\n"
    "Input: an object {\"0xkey\": \"0xvalue\"} or an array of [\"0xkey\", \"0xvalue\" or null]\n"
    "applied in order (null, or an empty value, deletes the key). --secure hashes each key\n"
    "with keccak256 first, as the state and storage tries do.",
    {}, runRoot});

} // namespace
} // namespace ctrn::cli
