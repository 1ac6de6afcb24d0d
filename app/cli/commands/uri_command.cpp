// ctrn uri parse URI / ctrn uri make — EIP-681 payment request URIs.
#include "../session.h"

#include <core/wallet/eip681.h>

namespace ctrn::cli {
namespace {

int runParse(const Args& args) {
    args.expectPositionalCount(1);
    auto r = wallet::parseEip681(args.positional(0, "URI"));
    if (!r) return printError(r.error());
    Json out = Json::object();
    if (r->function) {
        out["token"] = r->target.checksummed();
        out["function"] = *r->function;
        out["to"] = r->recipient->checksummed();
        out["amount"] = toDecimal(*r->amount);
    } else {
        out["to"] = r->target.checksummed();
    }
    if (r->chainId) out["chainId"] = std::to_string(*r->chainId);
    if (r->value) out["value"] = toDecimal(*r->value);
    if (r->gasLimit) out["gasLimit"] = toDecimal(*r->gasLimit);
    if (r->gasPrice) out["gasPrice"] = toDecimal(*r->gasPrice);
    return printOutput(args, out);
}

int runMake(const Args& args) {
    args.expectPositionalCount(0);
    auto to = chain::Address::fromHex(args.required("to"));
    if (!to) return printError(to.error());
    wallet::PaymentRequest r;
    if (auto chainId = args.option("chain-id")) {
        auto id = parseU256(*chainId);
        if (!id) return printError(id.error());
        r.chainId = static_cast<std::uint64_t>(*id);
    }
    std::optional<U256> amount;
    if (auto a = args.option("amount-wei")) {
        auto v = parseU256(*a);
        if (!v) return printError(v.error());
        amount = *v;
    }
    if (auto t = args.option("token")) {
        auto token = chain::Address::fromHex(*t);
        if (!token) return printError(token.error());
        if (!amount) throw UsageError{"a token request needs --amount-wei"};
        r.target = *token;
        r.function = "transfer";
        r.recipient = *to;
        r.amount = amount;
    } else {
        r.target = *to;
        r.value = amount;
    }
    return printResult(wallet::makeEip681(r));
}

const bool r1 = registerCommand({"uri parse", "URI [--json]",
    "Parses an EIP-681 payment URI (ethereum:ADDR[@CHAIN][/transfer]?value=|address=&uint256=).\n"
    "Numbers may be scientific (2.014e18) but must be whole.", {}, runParse});
const bool r2 = registerCommand({"uri make", "--to ADDR [--amount-wei N] [--token ADDR] [--chain-id N]",
    "Makes an EIP-681 URI: an ETH payment, or with --token an ERC-20 transfer.",
    {"to", "amount-wei", "token", "chain-id"}, runMake});

} // namespace
} // namespace ctrn::cli
