// ctrn models list | search | show | download — the model registry from the
// protocol index; download fetches a version's artifact and keeps it only
// when its sha256 matches the chain. (publish/version/rate/retire are elsewhere.)
#include "protocol_index.h"

#include <cmath>

#include <filesystem>

namespace ctrn::cli {
namespace {

std::int64_t modelId(const Args& args) {
    const std::string& text = args.positional(0, "MODEL");
    try {
        std::size_t used = 0;
        long long id = std::stoll(text, &used);
        if (used == text.size() && id > 0) return id;
    } catch (const std::logic_error&) {
    }
    throw UsageError{"MODEL must be a positive number"};
}

Json modelSummary(IndexSession& s, const storage::ModelRecord& m) {
    Json j = {{"id", std::to_string(m.id)}, {"name", m.name}, {"owner", checksum(m.owner)}, {"status", m.status},
              {"review", m.review}, {"licence", m.licenceListing ? Json("listing " + std::to_string(m.licenceListing)) : Json(m.spdx)},
              {"versions", m.versionCount}, {"ratings", m.ratingCount},
              {"rating", m.ratingCount ? Json(static_cast<double>(m.ratingSum * 100 / m.ratingCount) / 100.0) : Json(nullptr)},
              {"trust", std::round(s.trustScore(m.owner) * 10) / 10}};
    return j;
}

Result<std::optional<storage::ModelRecord>> findModel(IndexSession& s, std::int64_t id) { return s.store->model(id); }

int runList(const Args& args) {
    args.expectPositionalCount(0);
    auto s = openSyncedIndex(args);
    if (!s) return printError(s.error());
    auto models = (*s)->store->models();
    if (!models) return printError(models.error());
    auto status = args.option("status");
    Json out = Json::array();
    for (const auto& m : *models) {
        if (status && *status != m.status) continue;
        out.push_back(modelSummary(**s, m));
    }
    return printOutput(args, out);
}

int runSearch(const Args& args) {
    if (args.positional().empty()) throw UsageError{"missing QUERY"};
    std::string query;
    for (const auto& w : args.positional()) query += (query.empty() ? "" : " ") + w;
    auto s = openSyncedIndex(args);
    if (!s) return printError(s.error());
    auto ids = (*s)->store->searchModels(query, 20);
    if (!ids) return printError(ids.error());
    Json out = Json::array();
    for (auto id : *ids) {
        auto m = (*s)->store->model(id);
        if (m && *m) out.push_back(modelSummary(**s, **m));
    }
    return printOutput(args, out);
}

int runShow(const Args& args) {
    args.expectPositionalCount(1);
    std::int64_t id = modelId(args);
    auto s = openSyncedIndex(args);
    if (!s) return printError(s.error());
    IndexSession& session = **s;
    auto m = findModel(session, id);
    if (!m) return printError(m.error());
    if (!*m) return printError(makeError(ErrorCode::NotFound, "no model " + std::to_string(id) + " in the index"));
    const auto& model = **m;
    auto meta = session.metadata(model.metadataUri, model.metadataHash, args.flag("refresh"));
    Json out = modelSummary(session, model);
    out["metadata"] = metadataJson(meta, true);
    if (!model.reviewNote.empty()) out["reviewNote"] = model.reviewNote;
    Json versions = Json::array();
    if (auto vs = session.store->versions(id); vs)
        for (const auto& v : *vs)
            versions.push_back({{"index", std::to_string(v.index)}, {"semver", v.semver}, {"artifactHash", v.artifactHash},
                                {"uri", v.uri}, {"metricsHash", v.metricsHash}, {"block", std::to_string(v.block)}});
    out["versions"] = versions;
    out["createdBlock"] = std::to_string(model.createdBlock);
    out["trust"] = session.trust(model.owner);
    printOutput(args, out);
    if (meta.status == "mismatch")
        return printError(makeError(ErrorCode::VerificationFailed, "model " + std::to_string(id) + ": " + meta.error));
    return ExitOk;
}

int runDownload(const Args& args) {
    args.expectPositionalCount(1);
    std::int64_t id = modelId(args);
    std::string outPath = args.required("out");
    auto s = openSyncedIndex(args);
    if (!s) return printError(s.error());
    IndexSession& session = **s;
    auto vs = session.store->versions(id);
    if (!vs) return printError(vs.error());
    if (vs->empty()) return printError(makeError(ErrorCode::NotFound, "model " + std::to_string(id) + " has no published version"));
    const storage::VersionRecord* chosen = &vs->back(); // the latest by default
    if (auto want = args.option("version")) {
        chosen = nullptr;
        for (const auto& v : *vs)
            if (v.semver == *want || std::to_string(v.index) == *want) chosen = &v;
        if (!chosen) return printError(makeError(ErrorCode::NotFound, "model " + std::to_string(id) + " has no version " + *want));
    }
    if (std::filesystem::exists(outPath) && !args.flag("force"))
        return printError(makeError(ErrorCode::InvalidInput, outPath + " exists (--force replaces it)"));
    auto bytes = session.content->download(chosen->uri, chosen->artifactHash, protocol::ContentHash::Sha256, outPath);
    if (!bytes) return printError(bytes.error());
    return printOutput(args, {{"model", std::to_string(id)}, {"version", chosen->semver}, {"path", outPath},
                              {"bytes", std::to_string(*bytes)}, {"sha256", chosen->artifactHash}, {"verified", true}});
}

const bool r1 = registerCommand({"models list", "[--status active|deprecated|retired] " + kIndexUsage,
    "Registered models from the protocol index: name, owner, status, curator review, licence (SPDX\n"
    "id or licence listing), versions, mean rating and the owner's trust score.",
    indexOptions({"status"}), runList});
const bool r2 = registerCommand({"models search", "QUERY... " + kIndexUsage,
    "Full-text search (SQLite FTS5) over models: name, model-card description, tags/task and\n"
    "licence; every word must match (as a prefix). Best match first.",
    indexOptions(), runSearch});
const bool r3 = registerCommand({"models show", "ID [--refresh] " + kIndexUsage,
    "One model with its model card (shown only when its sha256 matches the chain), versions\n"
    "(artifact hash and URI), review, ratings and the owner's trust score with its parts. Exit 1\n"
    "when the card does not match the chain.",
    indexOptions(), runShow});
const bool r4 = registerCommand({"models download", "ID --out PATH [--version SEMVER|INDEX] [--force] " + kIndexUsage,
    "Downloads a model version's artifact (default: the latest) from its URI (file:, https:,\n"
    "ipfs:, data:), hashing it with sha256 while it streams. When the hash differs from the one\n"
    "published on chain the file is deleted and the exit code is 1.",
    indexOptions({"out", "version"}), runDownload});

} // namespace
} // namespace ctrn::cli
