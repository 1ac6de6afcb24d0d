// ctrn listings create|buy|deliver|confirm|dispute — the Marketplace's
// actions, over core's rules. create has the provider sign its listing
// manifest (EIP-712, checked against the contract's own manifestDigest, in
// core) and submits it; buy approves the escrow amount first when the
// allowance is short (a step core prepares, then the purchase).
// Listing/search/show are the read commands of the index.
#include "protocol_common.h"

#include <core/util/hex.h>

#include <QCryptographicHash>

#include <cstring>

namespace ctrn::cli {
namespace {

using namespace protocol;

int runCreate(const Args& args) {
    args.expectPositionalCount(0);
    auto request = requestFrom(args, {"kind", "price", "unit", "metadata-uri", "metadata-hash", "agent", "developer", "infra", "developer-bps",
                                      "infra-bps", "stakers-bps"});
    if (!args.option("metadata-hash")) {
        auto f = args.option("metadata-file");
        if (!f) throw UsageError{"give --metadata-hash or --metadata-file"};
        auto text = readTextFile(*f);
        if (!text) return printError(text.error());
        // sha256 of the metadata document, as the seeded listings and the
        // index's verified fetch use.
        QByteArray digest = QCryptographicHash::hash(QByteArray::fromStdString(*text), QCryptographicHash::Sha256);
        request.params["metadata-hash"] = toHex(ByteView(reinterpret_cast<const std::uint8_t*>(digest.constData()),
                                                         static_cast<std::size_t>(digest.size())));
    }
    return runProtocolAction(args, "listing.create", std::move(request), [](ProtocolSession&, const ActionResult& r) {
        Json extra = Json::object();
        if (auto id = r.eventField("ListingCreated", "listingId")) extra["listingId"] = *id;
        return extra;
    });
}

int runBuy(const Args& args) {
    args.expectPositionalCount(1);
    auto request = requestFrom(args, {"quantity", "max-price"});
    request.params["listing"] = args.positional(0, "LISTING");
    return runProtocolAction(args, "listing.buy", std::move(request), [](ProtocolSession&, const ActionResult& r) {
        Json extra = Json::object();
        if (auto pid = r.eventField("Purchased", "purchaseId")) extra["purchaseId"] = *pid;
        return extra;
    });
}

// deliver / confirm / dispute: one purchase; its status after is reported.
int runPurchaseAction(const Args& args, const std::string& verb) {
    args.expectPositionalCount(1);
    auto request = requestFrom(args, {"receipt", "receipt-hash", "rep-stake", "claim"});
    request.params["purchase"] = args.positional(0, "PURCHASE");
    return runProtocolAction(args, "purchase." + verb, std::move(request), [](ProtocolSession& s, const ActionResult& r) {
        Json extra = Json::object();
        if (auto pool = r.eventField("Disputed", "poolId")) extra["poolId"] = *pool;
        auto market = marketplace(s.p());
        auto id = parseU256(r.facts.value("purchaseId", std::string()));
        if (market && id)
            if (auto after = market->purchase(*id)) extra["purchaseStatus"] = purchaseStatusName(after->status);
        return extra;
    });
}

const bool r1 = registerCommand({"listings create",
    "--kind dataset|data-stream|compute|model-licence --price CTRN [--unit LABEL] --metadata-uri URI "
    "(--metadata-hash 0x.. | --metadata-file F) --agent ADDR [--developer ADDR] [--infra ADDR] "
    "[--developer-bps N --infra-bps N --stakers-bps N] " + kActionUsage,
    "Creates a listing with --from as provider. The provider's key signs the listing manifest\n"
    "(EIP-712 \"Manifest\" of the Computronium Marketplace domain; the digest is checked against\n"
    "the contract's manifestDigest first) and the signed manifest is submitted. The rune splits\n"
    "proceeds between developer, infrastructure and the --agent's stakers (default 70/20/10 %);\n"
    "developer and infra default to --from. --metadata-file hashes the file (sha256).",
    actionOptions({"kind", "price", "unit", "metadata-uri", "metadata-hash", "metadata-file", "agent", "developer", "infra",
                   "developer-bps", "infra-bps", "stakers-bps"}),
    runCreate});
const bool r2 = registerCommand({"listings buy", "LISTING [--quantity N] [--max-price CTRN] " + kActionUsage,
    "Buys a listing: the price times --quantity goes into escrow (approving the Marketplace\n"
    "first when its allowance is short). Refused before sending when the listing is inactive,\n"
    "yours, above --max-price, or the unlocked balance is short.",
    actionOptions({"quantity", "max-price"}), runBuy});
// CLI.md names the capability `ctrn buy` too.
const bool r2b = registerCommand({"buy", "LISTING [--quantity N] [--max-price CTRN] " + kActionUsage,
    "The same as `ctrn listings buy`.",
    actionOptions({"quantity", "max-price"}), runBuy});
const bool r3 = registerCommand({"listings deliver", "PURCHASE (--receipt TEXT | --receipt-hash 0x..) " + kActionUsage,
    "The provider marks an escrowed purchase delivered with a receipt (its keccak256 is stored).",
    actionOptions({"receipt", "receipt-hash"}), [](const Args& a) { return runPurchaseAction(a, "deliver"); }});
const bool r4 = registerCommand({"listings confirm", "PURCHASE " + kActionUsage,
    "The buyer confirms a delivered purchase: the escrow settles to the provider and the rune.",
    actionOptions(), [](const Args& a) { return runPurchaseAction(a, "confirm"); }});
const bool r5 = registerCommand({"listings dispute", "PURCHASE --rep-stake REP --claim TEXT " + kActionUsage,
    "The buyer disputes a purchase, staking REP on the claim; a validation pool decides it.",
    actionOptions({"rep-stake", "claim"}), [](const Args& a) { return runPurchaseAction(a, "dispute"); }});

} // namespace
} // namespace ctrn::cli
