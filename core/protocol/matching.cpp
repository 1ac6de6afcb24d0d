#include <core/protocol/matching.h>

#include <core/chain/u256.h>
#include <core/util/text.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <map>
#include <regex>
#include <sstream>

namespace ctrn::protocol {
namespace {

std::vector<std::string> words(const std::string& text) {
    std::vector<std::string> out;
    std::string w;
    for (char c : text) {
        if (std::isalnum(static_cast<unsigned char>(c))) w.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
        else if (!w.empty()) out.push_back(std::move(w)), w.clear();
    }
    if (!w.empty()) out.push_back(w);
    return out;
}

std::optional<double> number(const Json& specs, const char* key) {
    if (!specs.is_object() || !specs.contains(key)) return std::nullopt;
    const Json& v = specs[key];
    if (v.is_number()) return v.get<double>();
    if (v.is_string()) {
        try {
            return std::stod(v.get<std::string>());
        } catch (...) {
            return std::nullopt;
        }
    }
    return std::nullopt;
}

std::string text(const Json& obj, const char* key) {
    if (!obj.is_object() || !obj.contains(key)) return {};
    const Json& v = obj[key];
    if (v.is_string()) return v.get<std::string>();
    return v.dump();
}

std::string fmt(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// "NVIDIA H100 SXM 80GB" -> 80: the memory per device GPU specs name.
std::optional<double> gpuMemory(const Json& specs) {
    static const std::regex re(R"((\d+(?:\.\d+)?)\s*GB)", std::regex::icase);
    std::smatch m;
    std::string gpu = text(specs, "gpu");
    if (std::regex_search(gpu, m, re)) return std::stod(m[1].str());
    auto hbm = number(specs, "hbm_gb");
    auto chips = number(specs, "chips");
    if (hbm && chips && *chips > 0) return *hbm / *chips;
    return std::nullopt;
}

std::string unitPlural(const std::string& unit, std::uint64_t q) { return unit + (q == 1 ? "" : "s"); }

} // namespace

std::optional<OfferKind> parseOfferKind(const std::string& t) {
    std::string k = asciiLower(t);
    if (k == "dataset" || k == "data") return OfferKind::Dataset;
    if (k == "data-stream" || k == "stream" || k == "datastream") return OfferKind::DataStream;
    if (k == "compute") return OfferKind::Compute;
    if (k == "model-licence" || k == "model-license" || k == "licence" || k == "model") return OfferKind::ModelLicence;
    return std::nullopt;
}

std::string offerKindName(std::int64_t kind) {
    switch (kind) {
    case 0: return "dataset";
    case 1: return "data-stream";
    case 2: return "compute";
    case 3: return "model-licence";
    default: return "unknown";
    }
}

Result<U256> parseCtrn(const std::string& t) { return chain::parseUnits(t, 18); }
std::string formatCtrn(const U256& wei) { return chain::formatUnits(wei, 18) + " CTRN"; }

Result<Requirement> requirementFromJson(const Json& j) {
    if (!j.is_object()) return makeError(ErrorCode::InvalidInput, "requirement: a JSON object expected");
    Requirement r;
    auto kind = parseOfferKind(text(j, "kind"));
    if (!kind) return makeError(ErrorCode::InvalidInput, "requirement: kind must be compute, dataset, data-stream or model-licence");
    r.kind = *kind;
    auto num = [&](const char* key) -> Result<std::optional<double>> {
        if (!j.contains(key) || j[key].is_null()) return std::optional<double>();
        auto v = number(j, key);
        if (!v || *v < 0) return makeError(ErrorCode::InvalidInput, std::string("requirement: ") + key + " must be a non-negative number");
        return v;
    };
    if (j.contains("gpu")) r.gpu = text(j, "gpu");
    if (j.contains("region")) r.region = text(j, "region");
    if (j.contains("schema")) r.schema = text(j, "schema");
    CTRN_ASSIGN(r.gpuMemoryGb, num("gpuMemoryGb"));
    CTRN_ASSIGN(r.ramGb, num("ramGb"));
    CTRN_ASSIGN(r.minSizeGb, num("minSizeGb"));
    CTRN_ASSIGN(auto gpus, num("gpus"));
    if (gpus) r.gpus = static_cast<std::int64_t>(*gpus);
    for (const char* key : {"hours", "months", "quantity"}) {
        CTRN_ASSIGN(auto q, num(key));
        if (q) {
            if (*q < 1 || std::floor(*q) != *q) return makeError(ErrorCode::InvalidInput, std::string("requirement: ") + key + " must be a whole number ≥ 1");
            r.quantity = static_cast<std::uint64_t>(*q);
        }
    }
    CTRN_ASSIGN(auto minTrust, num("minTrust"));
    if (minTrust) r.minTrust = *minTrust;
    CTRN_ASSIGN(auto deadline, num("deadline"));
    if (deadline) r.deadline = static_cast<std::int64_t>(*deadline);
    if (j.contains("tags")) {
        if (!j["tags"].is_array()) return makeError(ErrorCode::InvalidInput, "requirement: tags must be an array");
        for (const auto& t : j["tags"]) r.tags.push_back(asciiLower(t.is_string() ? t.get<std::string>() : t.dump()));
    }
    if (j.contains("budgetWei")) {
        auto b = parseU256(text(j, "budgetWei"));
        if (!b) return makeError(ErrorCode::InvalidInput, "requirement: budgetWei: " + b.error().message);
        r.budget = *b;
    } else if (j.contains("budget")) {
        auto b = parseCtrn(text(j, "budget"));
        if (!b) return makeError(ErrorCode::InvalidInput, "requirement: budget: " + b.error().message);
        r.budget = *b;
    }
    return r;
}

Json requirementToJson(const Requirement& r) {
    Json j = {{"kind", offerKindName(static_cast<std::int64_t>(r.kind))}, {"quantity", std::to_string(r.quantity)},
              {"minTrust", r.minTrust}};
    if (r.gpu) j["gpu"] = *r.gpu;
    if (r.gpuMemoryGb) j["gpuMemoryGb"] = *r.gpuMemoryGb;
    if (r.ramGb) j["ramGb"] = *r.ramGb;
    if (r.gpus) j["gpus"] = *r.gpus;
    if (!r.tags.empty()) j["tags"] = r.tags;
    if (r.schema) j["schema"] = *r.schema;
    if (r.minSizeGb) j["minSizeGb"] = *r.minSizeGb;
    if (r.budget) j["budgetWei"] = toDecimal(*r.budget);
    if (r.deadline) j["deadline"] = *r.deadline;
    if (r.region) j["region"] = *r.region;
    return j;
}

MatchResult match(const Requirement& req, const std::vector<Offer>& offers, std::int64_t now) {
    MatchResult out;
    std::vector<MatchEntry> fits;
    // Reasons are counted by category for the "nothing fits" line.
    std::map<std::string, int> reasonCounts;
    auto reject = [&](MatchEntry& e, const std::string& category, const std::string& why) {
        e.rejected.push_back(why);
        reasonCounts[category]++;
    };
    bool needsSpecs = req.gpu || req.gpuMemoryGb || req.ramGb || req.gpus || !req.tags.empty() || req.schema ||
                      req.minSizeGb || req.region;

    for (const auto& o : offers) {
        const auto& l = o.listing;
        MatchEntry e;
        e.listingId = l.id;
        e.provider = l.provider;
        e.trust = o.trust;
        e.name = o.metadata ? text(*o.metadata, "name") : "";
        e.totalCost = l.price * U256(req.quantity);
        std::string unit = l.unit.empty() ? "unit" : l.unit;

        if (l.kind != static_cast<std::int64_t>(req.kind)) {
            // Other kinds are not candidates at all; they are counted, not listed.
            reasonCounts["wrong kind"]++;
            continue;
        }
        if (!l.active) reject(e, "inactive", "listing is inactive");
        const Json specs = o.metadata && o.metadata->contains("specs") ? (*o.metadata)["specs"] : Json::object();
        if (needsSpecs && !o.metadata)
            reject(e, "metadata not verified", "metadata " + (o.metadataStatus.empty() ? std::string("not fetched") : o.metadataStatus) +
                                                   ": its specs cannot be checked");
        if (o.metadata) {
            if (req.gpu) {
                std::string have = text(specs, "gpu");
                if (auto acc = text(specs, "accelerator"); !acc.empty()) have += (have.empty() ? "" : " ") + acc;
                auto haveWords = words(have);
                bool all = true;
                for (const auto& w : words(*req.gpu))
                    all = all && std::find(haveWords.begin(), haveWords.end(), w) != haveWords.end();
                if (!all) reject(e, "wrong hardware", have.empty() ? "no GPU or accelerator, not a " + *req.gpu
                                                            : "hardware '" + have + "' is not a " + *req.gpu);
                else e.because.push_back("GPU " + *req.gpu + " matches '" + have + "'");
            }
            if (req.gpuMemoryGb) {
                auto mem = gpuMemory(specs);
                if (!mem || *mem < *req.gpuMemoryGb)
                    reject(e, "wrong hardware", "GPU memory " + (mem ? fmt(*mem) + " GB" : std::string("unknown")) + " < " + fmt(*req.gpuMemoryGb) + " GB");
                else e.because.push_back("GPU memory " + fmt(*mem) + " GB ≥ " + fmt(*req.gpuMemoryGb) + " GB");
            }
            if (req.gpus) {
                auto n = number(specs, "gpus");
                if (!n) n = number(specs, "chips");
                if (!n || *n < static_cast<double>(*req.gpus))
                    reject(e, "wrong hardware", (n ? fmt(*n) : std::string("no")) + " devices < " + std::to_string(*req.gpus));
            }
            if (req.ramGb) {
                auto ram = number(specs, "ram_gb");
                if (!ram || *ram < *req.ramGb)
                    reject(e, "wrong hardware", "RAM " + (ram ? fmt(*ram) + " GB" : std::string("unknown")) + " < " + fmt(*req.ramGb) + " GB");
            }
            if (req.region) {
                std::string region = asciiLower(text(specs, "region"));
                if (region.rfind(asciiLower(*req.region), 0) != 0)
                    reject(e, "wrong region", "region '" + region + "' is not " + *req.region);
            }
            if (!req.tags.empty()) {
                std::vector<std::string> have;
                if (o.metadata->contains("tags") && (*o.metadata)["tags"].is_array())
                    for (const auto& t : (*o.metadata)["tags"]) have.push_back(asciiLower(t.is_string() ? t.get<std::string>() : t.dump()));
                have.push_back(asciiLower(text(*o.metadata, "kind")));
                for (const auto& t : req.tags)
                    if (std::find(have.begin(), have.end(), t) == have.end()) reject(e, "missing tags", "not tagged '" + t + "'");
            }
            if (req.schema) {
                std::string have = asciiLower(text(specs, "schema") + " " + text(specs, "format") + " " + text(specs, "fields"));
                if (have.find(asciiLower(*req.schema)) == std::string::npos)
                    reject(e, "wrong schema", "schema/format '" + have + "' does not mention " + *req.schema);
            }
            if (req.minSizeGb) {
                auto size = number(specs, "size_gb");
                if (!size || *size < *req.minSizeGb)
                    reject(e, "too small", "size " + (size ? fmt(*size) + " GB" : std::string("unknown")) + " < " + fmt(*req.minSizeGb) + " GB");
            }
        }
        if (req.budget && e.totalCost > *req.budget)
            reject(e, "over budget", "total " + formatCtrn(e.totalCost) + " (" + formatCtrn(l.price) + " × " +
                                         std::to_string(req.quantity) + " " + unitPlural(unit, req.quantity) + ") is over the budget of " +
                                         formatCtrn(*req.budget));
        if (o.trust < req.minTrust) reject(e, "below trust", "trust " + fmt(o.trust) + " < " + fmt(req.minTrust));
        if (req.deadline) {
            std::int64_t needed = req.kind == OfferKind::Compute ? static_cast<std::int64_t>(req.quantity) * 3600 : 0;
            if (now + needed > *req.deadline)
                reject(e, "deadline", req.kind == OfferKind::Compute
                                          ? std::to_string(req.quantity) + " hours cannot finish before the deadline"
                                          : "the deadline has passed");
        }
        if (e.rejected.empty()) fits.push_back(std::move(e));
        else out.rejected.push_back(std::move(e));
    }

    U256 reference = req.budget ? *req.budget : U256(0);
    if (!req.budget)
        for (const auto& f : fits) reference = std::max(reference, f.totalCost);
    for (auto& f : fits) {
        double share = reference == 0 ? 0.0 : (f.totalCost * U256(1000000) / reference).convert_to<double>() / 1e6;
        f.value = 0.5 * f.trust / 100.0 + 0.5 * (1.0 - std::min(1.0, share));
    }
    std::sort(fits.begin(), fits.end(), [](const MatchEntry& a, const MatchEntry& b) {
        if (a.value != b.value) return a.value > b.value;
        if (a.totalCost != b.totalCost) return a.totalCost < b.totalCost;
        return a.listingId < b.listingId;
    });
    for (std::size_t i = 0; i < fits.size(); ++i) {
        auto& f = fits[i];
        f.rank = i + 1;
        const auto& o = *std::find_if(offers.begin(), offers.end(), [&](const Offer& x) { return x.listing.id == f.listingId; });
        std::string unit = o.listing.unit.empty() ? "unit" : o.listing.unit;
        std::string cost = "total " + formatCtrn(f.totalCost) + " (" + formatCtrn(o.listing.price) + " × " +
                           std::to_string(req.quantity) + " " + unitPlural(unit, req.quantity) + ")";
        if (req.budget && *req.budget > 0)
            cost += ", " + fmt((f.totalCost * U256(1000) / *req.budget).convert_to<double>() / 10.0) + "% of the budget";
        f.because.insert(f.because.begin(), cost);
        f.because.insert(f.because.begin() + 1, "trust " + fmt(f.trust) + (req.minTrust > 0 ? " ≥ " + fmt(req.minTrust) : std::string()));
        std::string why = "#" + std::to_string(f.rank) + " by value " + fmt(f.value * 100) + "/100";
        if (i > 0) {
            const auto& better = fits[i - 1];
            why += better.totalCost < f.totalCost ? " (#" + std::to_string(i) + " is cheaper" +
                                                        (better.trust >= f.trust ? " and at least as trusted)" : ", outweighing its lower trust)")
                                                  : " (#" + std::to_string(i) + " is more trusted" +
                                                        (better.totalCost > f.totalCost ? ", outweighing its higher cost)" : ")");
        }
        f.because.push_back(why);
    }
    std::sort(out.rejected.begin(), out.rejected.end(), [](const MatchEntry& a, const MatchEntry& b) { return a.listingId < b.listingId; });
    out.ranked = std::move(fits);

    std::string kind = offerKindName(static_cast<std::int64_t>(req.kind));
    if (!out.ranked.empty()) {
        const auto& best = out.ranked.front();
        out.summary = std::to_string(out.ranked.size()) + " of " + std::to_string(out.ranked.size() + out.rejected.size()) + " " + kind +
                      " offers fit; best: listing " + std::to_string(best.listingId) +
                      (best.name.empty() ? "" : " (" + best.name + ")") + " at " + formatCtrn(best.totalCost) + ", trust " + fmt(best.trust);
    } else {
        std::string reasons;
        for (const auto& [category, count] : reasonCounts) {
            if (category == "wrong kind") continue;
            reasons += (reasons.empty() ? "" : ", ") + std::to_string(count) + " " + category;
        }
        out.summary = out.rejected.empty() ? "nothing fits: there are no " + kind + " offers"
                                           : "nothing fits: " + std::to_string(out.rejected.size()) + " " + kind + " offers, rejected for " + reasons;
    }
    return out;
}

Json matchResultJson(const MatchResult& r) {
    auto entry = [](const MatchEntry& e) {
        Json j = {{"listingId", std::to_string(e.listingId)}, {"name", e.name}, {"provider", e.provider},
                  {"totalCost", toDecimal(e.totalCost)}, {"trust", std::round(e.trust * 10) / 10}};
        if (e.rank) {
            j["rank"] = e.rank;
            j["value"] = std::round(e.value * 1000) / 1000;
            j["because"] = e.because;
        } else {
            j["rejected"] = e.rejected;
        }
        return j;
    };
    Json ranked = Json::array(), rejected = Json::array();
    for (const auto& e : r.ranked) ranked.push_back(entry(e));
    for (const auto& e : r.rejected) rejected.push_back(entry(e));
    return {{"fits", !r.ranked.empty()}, {"summary", r.summary}, {"ranked", ranked}, {"rejected", rejected}};
}

} // namespace ctrn::protocol
