// ctrn rlp encode / ctrn rlp decode HEX — RLP between hex and its JSON form
// ("0x…" strings are byte strings, arrays are lists).
#include "../cli.h"

#include <core/encoding/rlp.h>
#include <core/util/hex.h>
#include <core/util/json.h>

namespace ctrn::cli {
namespace {

int runEncode(const Args& args) {
    args.expectPositionalCount(0);
    auto json = parseJson(readStdin());
    if (!json) return printError(json.error());
    auto item = encoding::rlpItemFromJson(*json);
    if (!item) return printError(item.error());
    return printResult(toHex(encoding::rlpEncode(*item)));
}

int runDecode(const Args& args) {
    args.expectPositionalCount(1);
    auto data = fromHex(args.positional(0, "HEX"));
    if (!data) return printError(data.error());
    auto node = encoding::rlpDecode(*data);
    if (!node) return printError(node.error());
    return printResult(encoding::rlpToJson(*node).dump());
}

const bool registeredEncode = registerCommand({
    "rlp encode", "",
    "Reads a JSON value on stdin and prints its RLP encoding as hex. A \"0x…\" string is a\n"
    "byte string and an array is a list, nested as deep as needed.\n"
    "Example: echo '[\"0x636174\", [\"0x646f67\"], \"0x\"]' | ctrn rlp encode  ->  0xca83636174c483646f6780",
    {}, runEncode});

const bool registeredDecode = registerCommand({
    "rlp decode", "HEX",
    "Decodes RLP bytes into JSON of the same form as `rlp encode` takes (a lone byte string\n"
    "prints as the JSON string \"0x…\"). Only the canonical encoding is accepted: exits 1 on a\n"
    "non-canonical size or single byte, truncated input, or trailing bytes.",
    {}, runDecode});

} // namespace
} // namespace ctrn::cli
