// ctrn match — the matching engine (core/protocol/matching.h) over the
// marketplace's offers in the protocol index: ranks by total cost and trust,
// explains each rank and says why nothing fits when nothing does.
#include "protocol_index.h"

#include <core/protocol/matching.h>

#include <iostream>

namespace ctrn::cli {
namespace {

// Flags override (or, without --file, make up) the JSON requirement.
Json requirementJson(const Args& args) {
    Json j = Json::object();
    if (auto f = args.option("file")) {
        auto text = readTextFile(*f);
        if (!text) throw UsageError{text.error().message};
        auto parsed = parseJson(*text);
        if (!parsed || !parsed->is_object()) throw UsageError{*f + ": not a JSON object"};
        j = *parsed;
    }
    auto set = [&](const char* option, const char* key, bool numeric) {
        if (auto v = args.option(option)) {
            if (!numeric) {
                j[key] = *v;
                return;
            }
            try {
                std::size_t used = 0;
                double d = std::stod(*v, &used);
                if (used != v->size()) throw std::invalid_argument("");
                j[key] = d;
            } catch (const std::logic_error&) {
                throw UsageError{std::string("--") + option + " must be a number"};
            }
        }
    };
    set("kind", "kind", false);
    set("gpu", "gpu", false);
    set("gpu-memory-gb", "gpuMemoryGb", true);
    set("ram-gb", "ramGb", true);
    set("gpus", "gpus", true);
    set("hours", "hours", true);
    set("months", "months", true);
    set("quantity", "quantity", true);
    set("schema", "schema", false);
    set("min-size-gb", "minSizeGb", true);
    set("budget", "budget", false);
    set("min-trust", "minTrust", true);
    set("deadline", "deadline", true);
    set("region", "region", false);
    if (auto t = args.option("tags")) {
        Json tags = Json::array();
        std::string tag;
        for (char c : *t + ",") {
            if (c == ',') {
                if (!tag.empty()) tags.push_back(tag);
                tag.clear();
            } else if (c != ' ') {
                tag.push_back(c);
            }
        }
        j["tags"] = tags;
    }
    if (!j.contains("kind")) throw UsageError{"--kind is required (compute, dataset, data-stream, model-licence)"};
    return j;
}

int runMatch(const Args& args) {
    args.expectPositionalCount(0);
    Json reqJson = requirementJson(args);
    auto s = openSyncedIndex(args);
    if (!s) return printError(s.error());
    IndexSession& session = **s;
    std::int64_t now = session.now();
    // A relative deadline ("--deadline-hours 12") is measured on the chain's clock.
    if (auto h = args.option("deadline-hours")) {
        try {
            reqJson["deadline"] = now + static_cast<std::int64_t>(std::stod(*h) * 3600.0);
        } catch (const std::logic_error&) {
            throw UsageError{"--deadline-hours must be a number"};
        }
    }
    auto req = protocol::requirementFromJson(reqJson);
    if (!req) return printError(req.error());
    auto listings = session.store->listings();
    if (!listings) return printError(listings.error());
    std::vector<protocol::Offer> offers;
    for (const auto& l : *listings) {
        protocol::Offer o;
        o.listing = l;
        auto m = session.store->metadata(l.metadataUri, l.metadataHash);
        o.metadataStatus = m && *m ? (*m)->status : "pending";
        if (m && *m && (*m)->status == "verified")
            if (auto doc = parseJson((*m)->body); doc) o.metadata = *doc;
        o.trust = session.trustScore(l.provider);
        offers.push_back(std::move(o));
    }
    auto result = protocol::match(*req, offers, now);
    for (auto* list : {&result.ranked, &result.rejected})
        for (auto& e : *list) e.provider = checksum(e.provider);
    Json out = protocol::matchResultJson(result);
    out["requirement"] = protocol::requirementToJson(*req);
    if (!args.flag("json")) {
        std::cout << result.summary << '\n';
        for (const auto& e : result.ranked) {
            std::cout << "#" << e.rank << " listing " << e.listingId << (e.name.empty() ? "" : " " + e.name) << '\n';
            for (const auto& b : e.because) std::cout << "    " << b << '\n';
        }
        if (args.flag("verbose"))
            for (const auto& e : result.rejected) {
                std::cout << "rejected listing " << e.listingId << (e.name.empty() ? "" : " " + e.name) << '\n';
                for (const auto& r : e.rejected) std::cout << "    " << r << '\n';
            }
        return ExitOk;
    }
    return printOutput(args, out);
}

const bool r1 = registerCommand({"match",
    "--kind compute|dataset|data-stream|model-licence [--gpu MODEL] [--gpu-memory-gb N] [--ram-gb N] [--gpus N] "
    "[--hours N | --months N | --quantity N] [--tags a,b] [--schema WORD] [--min-size-gb N] [--budget CTRN] "
    "[--min-trust N] [--deadline UNIX | --deadline-hours H] [--region R] [--file REQ.json] [--verbose] " + kIndexUsage,
    "Ranks the marketplace's offers for a requirement (flags, or a JSON file with the same names:\n"
    "kind, gpu, gpuMemoryGb, ramGb, gpus, hours, months, quantity, tags, schema, minSizeGb, budget\n"
    "(CTRN) or budgetWei, minTrust, deadline, region; flags override the file). Offers that fit\n"
    "every constraint are ranked by value = 0.5 x trust/100 + 0.5 x (1 - cost/budget) and each\n"
    "rank is explained; every other offer of the kind lists why it does not fit (over budget,\n"
    "below trust, wrong hardware, missing tags, metadata not verified, deadline ...). When nothing\n"
    "fits the summary says so with the reasons counted; the exit code is still 0 (\"fits\": false).\n"
    "Specs come only from metadata whose sha256 matched the chain.",
    indexOptions({"kind", "gpu", "gpu-memory-gb", "ram-gb", "gpus", "hours", "months", "quantity", "tags", "schema",
                  "min-size-gb", "budget", "min-trust", "deadline", "deadline-hours", "region", "file"}),
    runMatch});

} // namespace
} // namespace ctrn::cli
