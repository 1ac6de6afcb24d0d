// ctrn listings create|buy|deliver|confirm|dispute — the Marketplace's
// actions. create has the provider sign its listing manifest (EIP-712, built
// with core/encoding/eip712 and checked against the contract's own
// manifestDigest) and submits it; buy approves the escrow amount when the
// allowance is short. Listing/search/show are the read commands of the index.
#include "protocol_common.h"

#include <core/crypto/keccak.h>
#include <core/encoding/eip712.h>
#include <core/util/hex.h>

#include <QCryptographicHash>

#include <cstring>

namespace ctrn::cli {
namespace {

using namespace protocol;

const char* const kKinds[] = {"dataset", "data-stream", "compute", "model-licence"};

std::optional<std::uint8_t> parseKind(const std::string& text) {
    for (std::size_t i = 0; i < std::size(kKinds); ++i)
        if (text == kKinds[i]) return static_cast<std::uint8_t>(i);
    return std::nullopt;
}

// bytes32 from a short label ("hour"), left-aligned as Solidity's bytes32("hour").
crypto::Hash256 unitArg(const std::string& text) {
    if (text.size() > 32) throw UsageError{"--unit is at most 32 characters"};
    crypto::Hash256 out{};
    std::memcpy(out.data(), text.data(), text.size());
    return out;
}

std::uint16_t bpsArg(const Args& args, const std::string& name, std::uint16_t fallback) {
    auto v = args.option(name);
    if (!v) return fallback;
    U256 n = idArg(*v, "--" + name);
    if (n > 10000) throw UsageError{"--" + name + " must be at most 10000"};
    return static_cast<std::uint16_t>(n);
}

int runCreate(const Args& args) {
    args.expectPositionalCount(0);
    chain::Address from = fromOption(args);
    ListingParams p;
    auto kind = parseKind(args.required("kind"));
    if (!kind) throw UsageError{"--kind must be dataset, data-stream, compute or model-licence"};
    p.kind = *kind;
    p.price = positiveAmount(args, "price");
    p.unit = unitArg(args.option("unit").value_or(*kind == 3 ? "licence" : "unit"));
    p.metadataUri = args.required("metadata-uri");
    if (auto h = args.option("metadata-hash")) {
        p.metadataHash = hash32Arg(*h, "--metadata-hash");
    } else if (auto f = args.option("metadata-file")) {
        auto text = readTextFile(*f);
        if (!text) return printError(text.error());
        // sha256 of the metadata document, as the seeded listings and the
        // index's verified fetch use.
        QByteArray digest = QCryptographicHash::hash(QByteArray::fromStdString(*text), QCryptographicHash::Sha256);
        std::memcpy(p.metadataHash.data(), digest.constData(), p.metadataHash.size());
    } else {
        throw UsageError{"give --metadata-hash or --metadata-file"};
    }
    p.rune.agent = addressArg(args.required("agent"), "--agent");
    p.rune.developer = args.option("developer") ? addressArg(*args.option("developer"), "--developer") : from;
    p.rune.infra = args.option("infra") ? addressArg(*args.option("infra"), "--infra") : from;
    p.rune.developerBps = bpsArg(args, "developer-bps", 7000);
    p.rune.infraBps = bpsArg(args, "infra-bps", 2000);
    p.rune.stakersBps = bpsArg(args, "stakers-bps", 1000);
    if (p.rune.developerBps + p.rune.infraBps + p.rune.stakersBps != 10000)
        throw UsageError{"--developer-bps, --infra-bps and --stakers-bps must add up to 10000"};

    auto opened = openBound(args, marketplace);
    if (!opened) return printError(opened.error());
    auto& [s, market] = *opened;
    auto nonce = market.nonce(from);
    if (!nonce) return printProtocolError(nonce.error());
    // The manifest the provider signs, as EIP-712 typed data; its digest must
    // be the one the contract will recover the signature against.
    Json typed = manifestTypedData(p, from, *nonce, s.node().chainId, market.address());
    auto digest = encoding::eip712Digest(typed);
    if (!digest) return printError(digest.error());
    auto onChain = market.manifestDigest(p, from, *nonce);
    if (!onChain) return printProtocolError(onChain.error());
    if (*onChain != *digest)
        return printError(makeError(ErrorCode::VerificationFailed, "the manifest digest differs from the Marketplace's (" + toHex(*onChain) +
                                                                       "): not signing"));
    NodeSession& session = s.node();
    if (auto u = unlockAccount(session, args, from); !u) return printError(u.error());
    auto signature = session.keys.signDigest(from, *digest);
    if (!signature) return printError(signature.error());
    auto data = market.createSignedListingData(p, from, *signature);
    if (!data) return printError(data.error());
    auto r = runAction(s, args, from, {market.address(), *data, "listing-create",
                                        "create a " + std::string(kKinds[p.kind]) + " listing at " + ctrnAmount(p.price) + " CTRN"});
    if (!r) return printProtocolError(r.error());
    Json extra = {{"manifestDigest", toHex(*digest)}, {"signature", toHex(*signature)}};
    if (auto id = r->eventField("ListingCreated", "listingId")) extra["listingId"] = *id;
    return printAction(args, *r, extra);
}

// The listing's price and provider, for checks before buying.
struct ListingFacts {
    chain::Address provider;
    U256 price = 0;
    bool active = false;
};

Result<ListingFacts> listingFacts(const MarketplaceBinding& market, const U256& id) {
    CTRN_ASSIGN(Json l, market.listing(id));
    ListingFacts f;
    CTRN_ASSIGN(f.provider, chain::Address::fromHex(l["provider"].get<std::string>()));
    if (f.provider.isZero()) return makeError(ErrorCode::NotFound, "no listing " + toDecimal(id));
    CTRN_ASSIGN(f.price, parseU256(l["price"].get<std::string>()));
    f.active = l["active"].get<bool>();
    return f;
}

int runBuy(const Args& args) {
    args.expectPositionalCount(1);
    U256 id = idArg(args.positional(0, "LISTING"), "listing id");
    U256 quantity = idArg(args.option("quantity").value_or("1"), "--quantity");
    if (quantity == 0) throw UsageError{"--quantity must be positive"};
    chain::Address from = fromOption(args);
    auto opened = openBound(args, marketplace);
    if (!opened) return printError(opened.error());
    auto& [s, market] = *opened;
    auto tok = token(s.p());
    if (!tok) return printError(tok.error());
    auto facts = listingFacts(market, id);
    if (!facts) return printProtocolError(facts.error());
    if (!facts->active) return printError("listing " + toDecimal(id) + " is not active");
    if (facts->provider == from) return printError("a provider cannot buy its own listing");
    U256 maxPrice = args.option("max-price") ? amountArg(*args.option("max-price"), "--max-price") : facts->price;
    if (facts->price > maxPrice)
        return printError("price changed: listing " + toDecimal(id) + " costs " + ctrnAmount(facts->price) + " CTRN, above --max-price");
    U256 total = facts->price * quantity;
    auto unlocked = tok->unlockedBalanceOf(from);
    if (!unlocked) return printProtocolError(unlocked.error());
    if (*unlocked < total)
        return printError("insufficient unlocked balance: " + ctrnAmount(*unlocked) + " CTRN unlocked, the purchase costs " + ctrnAmount(total));
    Json extra = {{"listingId", toDecimal(id)}, {"quantity", toDecimal(quantity)}, {"amount", toDecimal(total)}};
    // Escrow pulls the CTRN: approve the Marketplace first when needed.
    auto allowance = tok->allowance(from, market.address());
    if (!allowance) return printProtocolError(allowance.error());
    if (*allowance < total) {
        auto approve = tok->approveData(market.address(), total);
        if (!approve) return printError(approve.error());
        auto a = runAction(s, args, from, {tok->address(), *approve, "approve", "approve the Marketplace to escrow " + ctrnAmount(total) + " CTRN"});
        if (!a) return printProtocolError(a.error());
        extra["approval"] = a->json["hash"];
    }
    auto data = market.purchaseData(id, quantity, maxPrice);
    if (!data) return printError(data.error());
    auto r = runAction(s, args, from, {market.address(), *data, "purchase", "buy " + toDecimal(quantity) + " of listing " + toDecimal(id) +
                                                                                  " for " + ctrnAmount(total) + " CTRN"});
    if (!r) return printProtocolError(r.error());
    if (auto pid = r->eventField("Purchased", "purchaseId")) extra["purchaseId"] = *pid;
    return printAction(args, *r, extra);
}

// deliver / confirm / dispute: one purchase, a required status and party.
int runPurchaseAction(const Args& args, const std::string& verb) {
    args.expectPositionalCount(1);
    U256 id = idArg(args.positional(0, "PURCHASE"), "purchase id");
    chain::Address from = fromOption(args);
    auto opened = openBound(args, marketplace);
    if (!opened) return printError(opened.error());
    auto& [s, market] = *opened;
    auto purchase = market.purchase(id);
    if (!purchase) return printProtocolError(purchase.error());
    if (purchase->buyer.isZero()) return printError(makeError(ErrorCode::NotFound, "no purchase " + toDecimal(id)));
    std::string status = purchaseStatusName(purchase->status);
    Json extra = {{"purchaseId", toDecimal(id)}};
    Result<Bytes> data = makeError(ErrorCode::Internal, "unknown action");
    if (verb == "deliver") {
        auto facts = listingFacts(market, purchase->listingId);
        if (!facts) return printProtocolError(facts.error());
        if (facts->provider != from) return printError("only the provider " + facts->provider.checksummed() + " can deliver purchase " + toDecimal(id));
        if (status != "escrowed") return printError("cannot deliver: purchase " + toDecimal(id) + " is " + status);
        crypto::Hash256 receipt = args.option("receipt-hash") ? hash32Arg(*args.option("receipt-hash"), "--receipt-hash")
                                                              : crypto::keccak256(asView(args.required("receipt")));
        extra["receiptHash"] = toHex(receipt);
        data = market.markDeliveredData(id, receipt);
    } else if (verb == "confirm") {
        if (purchase->buyer != from) return printError("only the buyer " + purchase->buyer.checksummed() + " can confirm purchase " + toDecimal(id));
        if (status != "delivered") return printError("cannot confirm: purchase " + toDecimal(id) + " is " + status);
        data = market.confirmData(id);
    } else {
        if (purchase->buyer != from) return printError("only the buyer " + purchase->buyer.checksummed() + " can dispute purchase " + toDecimal(id));
        if (status != "delivered" && status != "escrowed") return printError("cannot dispute: purchase " + toDecimal(id) + " is " + status);
        U256 stake = amountArg(args.required("rep-stake"), "--rep-stake");
        auto rep = reputation(s.p());
        if (!rep) return printError(rep.error());
        auto balance = rep->balanceOf(from);
        if (!balance) return printProtocolError(balance.error());
        if (*balance < stake)
            return printError("insufficient reputation: " + ctrnAmount(*balance) + " REP, staking " + ctrnAmount(stake) + " on the dispute");
        data = market.disputeData(id, stake, args.required("claim"));
    }
    if (!data) return printError(data.error());
    auto r = runAction(s, args, from, {market.address(), *data, "purchase-" + verb, verb + " purchase " + toDecimal(id)});
    if (!r) return printProtocolError(r.error());
    if (auto pool = r->eventField("Disputed", "poolId")) extra["poolId"] = *pool;
    auto after = market.purchase(id);
    if (after) extra["purchaseStatus"] = purchaseStatusName(after->status);
    return printAction(args, *r, extra);
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
