// ctrn listings list | search | show — marketplace listings from the
// protocol index with their verified metadata, the EIP-712 manifest signer
// and the provider's trust score. (create/buy/deliver/... are elsewhere.)
#include "protocol_common.h"
#include "protocol_index.h"

#include <cmath>

#include <core/lightclient/protocol_proofs.h>
#include <core/protocol/manifest.h>
#include <core/protocol/matching.h>

#include <iostream>

namespace ctrn::cli {
namespace {

std::int64_t idArg(const Args& args, const std::string& what) {
    const std::string& text = args.positional(0, what);
    try {
        std::size_t used = 0;
        long long id = std::stoll(text, &used);
        if (used == text.size() && id > 0) return id;
    } catch (const std::logic_error&) {
    }
    throw UsageError{what + " must be a positive number"};
}

Json listingSummary(IndexSession& s, const storage::ListingRecord& l) {
    auto m = s.store->metadata(l.metadataUri, l.metadataHash);
    storage::MetadataRecord meta = m && *m ? **m : storage::MetadataRecord{l.metadataUri, l.metadataHash, "pending", "", "", ""};
    return {{"id", std::to_string(l.id)}, {"kind", protocol::offerKindName(l.kind)}, {"name", metadataName(meta)},
            {"provider", checksum(l.provider)}, {"price", amountJson(l.price)}, {"unit", l.unit}, {"active", l.active},
            {"signed", l.signature.has_value()}, {"metadata", meta.status}, {"trust", std::round(s.trustScore(l.provider) * 10) / 10}};
}

int runList(const Args& args) {
    args.expectPositionalCount(0);
    std::optional<std::int64_t> kind;
    if (auto k = args.option("kind")) {
        auto parsed = protocol::parseOfferKind(*k);
        if (!parsed) throw UsageError{"--kind must be dataset, data-stream, compute or model-licence"};
        kind = static_cast<std::int64_t>(*parsed);
    }
    auto s = openSyncedIndex(args);
    if (!s) return printError(s.error());
    auto listings = (*s)->store->listings();
    if (!listings) return printError(listings.error());
    auto provider = args.option("provider");
    Json out = Json::array();
    for (const auto& l : *listings) {
        if (kind && l.kind != *kind) continue;
        if (!args.flag("all") && !l.active) continue;
        if (provider && storage::lowerHex(*provider) != l.provider) continue;
        out.push_back(listingSummary(**s, l));
    }
    return printOutput(args, out);
}

int runSearch(const Args& args) {
    if (args.positional().empty()) throw UsageError{"missing QUERY"};
    std::string query;
    for (const auto& w : args.positional()) query += (query.empty() ? "" : " ") + w;
    int limit = 20;
    if (auto l = args.option("limit")) {
        try {
            limit = std::stoi(*l);
        } catch (const std::logic_error&) {
            throw UsageError{"--limit must be a number"};
        }
    }
    auto s = openSyncedIndex(args);
    if (!s) return printError(s.error());
    auto ids = (*s)->store->searchListings(query, limit);
    if (!ids) return printError(ids.error());
    Json out = Json::array();
    for (auto id : *ids) {
        auto l = (*s)->store->listing(id);
        if (l && *l) out.push_back(listingSummary(**s, **l));
    }
    return printOutput(args, out);
}

// listings show ID --verified: the listing's provider, kind, active flag,
// price (and --buyer's licence) proven from the Marketplace's storage at a
// verified block, and the indexed values checked against them: the index is
// built from the node's logs, so a node that lied there is caught here.
int proveListing(const Args& args, IndexSession& session, const storage::ListingRecord& listing, Json& out) {
    if (!session.node) {
        if (auto c = session.connect(args); !c) return printError(c.error());
    }
    auto market = session.deployment.contract("Marketplace");
    if (!market) return printError(market.error());
    auto layout = contractLayout("Marketplace");
    if (!layout) return printError(layout.error());
    std::optional<chain::Address> buyer;
    if (auto b = args.option("buyer")) buyer = addressArg(*b, "--buyer");
    auto fields = lightclient::listingFields(*layout, U256(listing.id), buyer);
    if (!fields) return printError(fields.error());
    int exitCode = ExitOk;
    auto proven = proveOrReport(*session.node, args, *market, *fields, exitCode);
    if (!proven) return exitCode;
    const auto& v = proven->value();
    auto providerWord = toBigEndian32(v.at("provider"));
    const chain::Address provider(toFixed<20>(ByteView(providerWord.data() + 12, 20)));
    Json onChain = {{"provider", provider.checksummed()},
                    {"kind", protocol::offerKindName(static_cast<std::int64_t>(v.at("kind")))},
                    {"active", v.at("active") != 0},
                    {"price", amountJson(v.at("price"))},
                    {"block", std::to_string(proven->blockNumber())},
                    {"blockHash", proven->blockHash().hex()}};
    if (buyer) onChain["licence"] = v.at("licence") != 0;
    out["verified"] = true;
    out["onChain"] = onChain;
    std::vector<std::string> differ;
    if (storage::lowerHex(provider.checksummed()) != storage::lowerHex(listing.provider)) differ.push_back("provider");
    if (U256(static_cast<std::uint64_t>(listing.kind)) != v.at("kind")) differ.push_back("kind");
    if (listing.price != v.at("price")) differ.push_back("price");
    if (listing.active != (v.at("active") != 0)) differ.push_back("active");
    if (differ.empty()) return ExitOk;
    std::string what;
    for (const auto& d : differ) what += (what.empty() ? "" : ", ") + d;
    printOutput(args, out);
    return printError(makeError(ErrorCode::VerificationFailed,
                                "listing " + std::to_string(listing.id) + ": the index disagrees with verified storage at block " +
                                    std::to_string(proven->blockNumber()) + " (" + what + "); run `ctrn index sync` from another node"));
}

int runShow(const Args& args) {
    args.expectPositionalCount(1);
    std::int64_t id = idArg(args, "LISTING");
    auto s = openSyncedIndex(args);
    if (!s) return printError(s.error());
    IndexSession& session = **s;
    auto l = session.store->listing(id);
    if (!l) return printError(l.error());
    if (!*l) return printError(makeError(ErrorCode::NotFound, "no listing " + std::to_string(id) + " in the index"));
    const auto& listing = **l;
    auto meta = session.metadata(listing.metadataUri, listing.metadataHash, args.flag("refresh"));
    Json out = listingSummary(session, listing);
    out["name"] = metadataName(meta);
    out["metadata"] = metadataJson(meta, true);
    Json rune = listing.rune;
    for (const char* k : {"agent", "developer", "infra"})
        if (rune.contains(k) && rune[k].is_string()) rune[k] = checksum(storage::lowerHex(rune[k].get<std::string>()));
    out["rune"] = rune;
    auto market = session.deployment.contract("Marketplace");
    if (market) {
        auto check = protocol::checkManifest(listing, session.deployment.chainId, market->checksummed());
        // A contract provider signs through ERC-1271: ask it, as the Marketplace did.
        if (session.node)
            if (auto asked = protocol::checkContractSigner(check, listing, *session.node->client); !asked)
                check.error = "could not ask the provider contract (ERC-1271): " + asked.error().message;
        out["manifest"] = protocol::manifestCheckJson(check);
    }
    out["createdBlock"] = std::to_string(listing.createdBlock);
    out["trust"] = session.trust(listing.provider);
    if (auto purchases = session.store->purchases(id); purchases) {
        Json counts = Json::object();
        for (const auto& p : *purchases) counts[p.status] = counts.value(p.status, 0) + 1;
        out["purchases"] = counts;
    }
    if (args.flag("verified")) {
        if (int rc = proveListing(args, session, listing, out); rc != ExitOk) return rc;
    }
    printOutput(args, out);
    if (meta.status == "mismatch")
        return printError(makeError(ErrorCode::VerificationFailed, "listing " + std::to_string(id) + ": " + meta.error));
    return ExitOk;
}

const bool r1 = registerCommand({"listings list", "[--kind K] [--provider ADDR] [--all] " + kIndexUsage,
    "Active marketplace listings from the protocol index (--all: inactive too), optionally of one\n"
    "kind (dataset, data-stream, compute, model-licence) or provider: name (from verified\n"
    "metadata), price per unit, whether a provider-signed manifest came with it, the metadata\n"
    "verdict and the provider's trust score. Syncs the index first unless --no-sync.",
    indexOptions({"kind", "provider"}), runList});
const bool r2 = registerCommand({"listings search", "QUERY... [--limit N] " + kIndexUsage,
    "Full-text search (SQLite FTS5, bm25) over the verified metadata of listings: name,\n"
    "description, tags and licence; every word must match (as a prefix). Best match first.",
    indexOptions({"limit"}), runSearch});
const bool r3 = registerCommand({"listings show", "ID [--refresh] [--verified [--buyer ADDR] [--checkpoint HASH]] " + kIndexUsage,
    "One listing with its metadata document — fetched from its URI (data:, file:, https:, ipfs:\n"
    "through --ipfs-gateway or $CTRN_IPFS_GATEWAY) and shown only when its sha256 matches the\n"
    "on-chain hash — the signer recovered from its EIP-712 manifest, the rune split, purchases by\n"
    "status and the provider's trust score with its parts. --refresh fetches the metadata again\n"
    "instead of using the verified copy. Exit 1 when the metadata does not match the chain (the\n"
    "listing is still printed, without the document). --verified proves the provider, kind,\n"
    "active flag and price (and with --buyer whether that account holds a licence) from the\n"
    "Marketplace's storage against a header linked to the checkpoint, and checks the index\n"
    "against them; exit 1 when the node's answer cannot be verified or contradicts itself.",
    indexOptions({"buyer"}), runShow});

} // namespace
} // namespace ctrn::cli
