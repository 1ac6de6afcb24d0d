// ctrn abi encode / ctrn abi decode — the Solidity ABI between JSON values and hex.
#include "../cli.h"

#include <core/encoding/abi.h>
#include <core/util/hex.h>
#include <core/util/json.h>

namespace ctrn::cli {
namespace {

// The "types" member: an array of type strings.
Result<std::vector<encoding::AbiType>> typesFrom(const Json& input) {
    if (!input.contains("types")) return makeError(ErrorCode::InvalidInput, "abi: missing \"types\"");
    const Json& types = input["types"];
    if (!types.is_array()) return makeError(ErrorCode::InvalidInput, "abi: \"types\" must be an array of type strings");
    std::vector<encoding::AbiType> out;
    for (const auto& t : types) {
        if (!t.is_string()) return makeError(ErrorCode::InvalidInput, "abi: \"types\" must be an array of type strings");
        CTRN_ASSIGN(encoding::AbiType parsed, encoding::parseAbiType(t.get_ref<const std::string&>()));
        out.push_back(std::move(parsed));
    }
    return out;
}

Result<Json> readObject(const char* shape) {
    CTRN_ASSIGN(Json input, parseJson(readStdin()));
    if (!input.is_object()) return makeError(ErrorCode::InvalidInput, std::string("abi: expected a JSON object ") + shape);
    return input;
}

int runEncode(const Args& args) {
    args.expectPositionalCount(0);
    auto input = readObject("{\"types\": [...], \"values\": [...]}");
    if (!input) return printError(input.error());
    auto types = typesFrom(*input);
    if (!types) return printError(types.error());
    if (!input->contains("values")) return printError("abi: missing \"values\"");
    auto values = encoding::abiValuesFromJson(*types, (*input)["values"]);
    if (!values) return printError(values.error());
    auto encoded = encoding::abiEncode(*types, *values);
    if (!encoded) return printError(encoded.error());
    return printResult(toHex(*encoded));
}

int runDecode(const Args& args) {
    args.expectPositionalCount(0);
    auto input = readObject("{\"types\": [...], \"data\": \"0x…\"}");
    if (!input) return printError(input.error());
    auto types = typesFrom(*input);
    if (!types) return printError(types.error());
    if (!input->contains("data")) return printError("abi: missing \"data\"");
    const Json& dataJson = (*input)["data"];
    if (!dataJson.is_string()) return printError("abi: \"data\" must be a 0x-hex string");
    auto data = fromHex(dataJson.get_ref<const std::string&>());
    if (!data) return printError(data.error());
    encoding::AbiDecodeOptions options;
    options.strict = !args.flag("lenient");
    auto values = encoding::abiDecode(*types, *data, options);
    if (!values) return printError(values.error());
    // Decoded strings are arbitrary bytes; invalid UTF-8 is shown as U+FFFD
    // rather than failing the whole output.
    return printResult(encoding::abiValuesToJson(*types, *values).dump(-1, ' ', false, Json::error_handler_t::replace));
}

const bool registeredEncode = registerCommand({
    "abi encode", "",
    "Reads {\"types\": [...], \"values\": [...]} on stdin and prints the ABI encoding of the\n"
    "values as a tuple (no selector). Types: uintN/intN (N = 8..256 step 8), address, bool,\n"
    "bytesN, bytes, string, T[], T[k], tuples \"(uint256,(bytes,bool)[])\". Values: integers as\n"
    "JSON numbers or decimal/0x strings (\"-5\" for intN), addresses as hex (mixed case must be\n"
    "EIP-55), bytes as 0x hex, arrays and tuples as JSON arrays.\n"
    "Example: echo '{\"types\":[\"uint8\",\"bool\"],\"values\":[1,true]}' | ctrn abi encode",
    {}, runEncode});

const bool registeredDecode = registerCommand({
    "abi decode", "[--lenient]",
    "Reads {\"types\": [...], \"data\": \"0x…\"} on stdin and prints the decoded values as a JSON\n"
    "array: integers as decimal strings, addresses EIP-55, bytes as 0x hex. Exits 1 on malformed\n"
    "data (offsets or lengths out of bounds, truncation) and, unless --lenient, on dirty high\n"
    "bits, a bool other than 0/1 or non-zero padding.",
    {}, runDecode});

} // namespace
} // namespace ctrn::cli
