// The matching engine: given what a buyer needs (kind; for compute a GPU
// model, GPU memory, RAM and hours; for data tags, a schema/format word and
// a size; a budget, a minimum trust score and a deadline) it ranks the
// marketplace's offers from the index by total cost and trust, explains
// every rank, and says plainly why each rejected offer does not fit.
//
// Rank: offers that fit every constraint are ordered by
//   value = 0.5 x trust / 100 + 0.5 x (1 - cost / reference)
// where reference is the budget (or, without one, the dearest fitting
// offer), so a cheaper offer wins unless a dearer one is clearly more
// trusted; ties go to the lower cost, then the lower listing id.
// Offer specs come from the listing's metadata and are used only when that
// metadata's sha256 matched the chain (unverified specs could say anything).
#pragma once

#include <core/storage/protocol_store.h>
#include <core/util/json.h>
#include <core/util/result.h>
#include <core/util/uint256.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ctrn::protocol {

// Marketplace.Kind, and the names used in metadata and on the command line.
enum class OfferKind : std::int64_t { Dataset = 0, DataStream = 1, Compute = 2, ModelLicence = 3 };
std::optional<OfferKind> parseOfferKind(const std::string& text); // dataset, data-stream, compute, model-licence
std::string offerKindName(std::int64_t kind);

struct Requirement {
    OfferKind kind = OfferKind::Compute;
    // compute
    std::optional<std::string> gpu;       // words that must all appear in the GPU/accelerator spec ("H100")
    std::optional<double> gpuMemoryGb;    // per device, at least
    std::optional<double> ramGb;          // host memory, at least
    std::optional<std::int64_t> gpus;     // devices, at least
    std::uint64_t quantity = 1;           // hours (compute), months (streams), copies otherwise
    // data
    std::vector<std::string> tags;        // every tag must be among the listing's tags (or its kind)
    std::optional<std::string> schema;    // a word the format/schema/fields spec must contain
    std::optional<double> minSizeGb;
    // every kind
    std::optional<U256> budget;           // CTRN wei for the whole quantity
    double minTrust = 0;
    std::optional<std::int64_t> deadline; // unix time the work/data is needed by
    std::optional<std::string> region;    // a prefix of the spec's region ("eu")
};

// Parses a requirement from JSON (the `ctrn match --file` format; the same
// names as the flags): {"kind": "compute", "gpu": "H100", "gpuMemoryGb": 80,
// "ramGb": 256, "gpus": 8, "hours": 10, "tags": [...], "schema": "parquet",
// "minSizeGb": 10, "budget": "500" (CTRN) or "budgetWei": "…", "minTrust": 40,
// "deadline": unix time, "region": "eu"}.
Result<Requirement> requirementFromJson(const Json& json);
Json requirementToJson(const Requirement& r);

struct Offer {
    storage::ListingRecord listing;
    std::optional<Json> metadata; // verified metadata document, if any
    std::string metadataStatus;   // verified, mismatch, unavailable, pending
    double trust = 0;             // trustScore(provider).score
};

struct MatchEntry {
    std::int64_t listingId = 0;
    std::string name;
    std::string provider;
    U256 totalCost = 0;
    double trust = 0;
    double value = 0;                  // the rank key (see above)
    std::size_t rank = 0;              // 1-based among fitting offers; 0 if rejected
    std::vector<std::string> because;  // why it fits / where it ranks
    std::vector<std::string> rejected; // why it does not fit (empty when it fits)
};

struct MatchResult {
    std::vector<MatchEntry> ranked;   // best first
    std::vector<MatchEntry> rejected; // by listing id
    std::string summary;              // one line: "3 offers fit; best #12 ..." or "nothing fits: ..."
};

// `now` is the unix time deadlines are measured from.
MatchResult match(const Requirement& requirement, const std::vector<Offer>& offers, std::int64_t now);

Json matchResultJson(const MatchResult& result);

// "1.5" CTRN (18 decimals) -> wei; "12 CTRN" formatting for explanations.
Result<U256> parseCtrn(const std::string& text);
std::string formatCtrn(const U256& wei);

} // namespace ctrn::protocol
