// Shared by the protocol query commands; see protocol_index.h.
#include "protocol_index.h"

#include <core/chain/u256.h>
#include <core/encoding/eip55.h>
#include <core/util/hex.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

namespace ctrn::cli {

const std::string kIndexUsage =
    "[--network NAME | --rpc URL...] [--no-sync] [--ipfs-gateway URL] [--datadir DIR] [--json]";

std::vector<std::string> indexOptions(std::vector<std::string> more) {
    more.push_back("ipfs-gateway");
    return nodeOptions(std::move(more));
}

std::string checksum(const std::string& address) {
    auto bytes = fixedFromHex<20>(address, "address");
    return bytes ? encoding::toChecksumAddress(*bytes) : address;
}

Json amountJson(const U256& wei) { return {{"wei", toDecimal(wei)}, {"ctrn", chain::formatUnits(wei, 18)}}; }

std::string metadataName(const storage::MetadataRecord& m) {
    if (m.status != "verified") return {};
    auto doc = parseJson(m.body);
    if (!doc || !doc->is_object() || !doc->contains("name") || !(*doc)["name"].is_string()) return {};
    return (*doc)["name"].get<std::string>();
}

Json metadataJson(const storage::MetadataRecord& m, bool withDocument) {
    Json j = {{"status", m.status}, {"uri", m.uri.size() > 96 ? m.uri.substr(0, 93) + "..." : m.uri}, {"hash", m.hash}};
    if (m.status == "verified") {
        j["verified"] = true;
        if (withDocument) {
            auto doc = parseJson(m.body);
            j["document"] = doc ? *doc : Json(m.body);
        }
    } else {
        j["verified"] = false;
        if (!m.error.empty()) j["error"] = m.error;
    }
    return j;
}

Result<std::unique_ptr<IndexSession>> openIndex(const Args& args) {
    auto s = std::make_unique<IndexSession>();
    s->network = args.option("network").value_or("devnet");
    CTRN_ASSIGN(s->deployment, selectedDeployment(args));
    s->dataDir = args.option("datadir").value_or(wallet::defaultDataDir());
    std::error_code ec;
    std::filesystem::create_directories(s->dataDir + "/cache/metadata", ec);
    if (ec) return makeError(ErrorCode::Io, "cannot create data directory " + s->dataDir + ": " + ec.message());
    s->indexPath = s->dataDir + "/protocol-" + s->network + ".sqlite";
    CTRN_ASSIGN(s->store, storage::ProtocolStore::open(s->indexPath));
    CTRN_ASSIGN(auto abis, protocol::ProtocolAbis::load());
    s->abis = std::make_unique<protocol::ProtocolAbis>(std::move(abis));
    s->http = std::make_unique<rpc::QtHttpFetcher>();
    protocol::ContentOptions options;
    options.cacheDir = s->dataDir + "/cache/metadata";
    if (auto g = args.option("ipfs-gateway")) options.ipfsGateway = *g;
    else if (const char* env = std::getenv("CTRN_IPFS_GATEWAY")) options.ipfsGateway = env;
    s->content = std::make_unique<protocol::ContentFetcher>(s->http.get(), options);
    return s;
}

Status IndexSession::connect(const Args& args) {
    if (node) return Ok{};
    CTRN_ASSIGN(node, openNode(args));
    return Ok{};
}

Result<protocol::IndexReport> IndexSession::sync(const Args& args, bool showProgress) {
    CTRN_TRY(connect(args));
    protocol::IndexerOptions options;
    auto number = [&](const char* name, std::uint64_t& out) {
        if (auto v = args.option(name)) {
            try {
                out = std::stoull(*v);
            } catch (const std::logic_error&) {
                throw UsageError{std::string("--") + name + " must be a number"};
            }
            if (out == 0 && std::string(name) == "range") throw UsageError{"--range must be at least 1"};
        }
    };
    number("range", options.initialRange);
    number("confirmations", options.confirmations);
    if (args.option("to")) {
        std::uint64_t to = 0;
        number("to", to);
        options.stopAt = to;
    }
    protocol::Indexer indexer(*node->client, *store, deployment, *abis, options);
    CTRN_ASSIGN(auto report, indexer.sync([&](const protocol::IndexProgress& p) {
        if (showProgress)
            std::cerr << "index: blocks " << p.from << "-" << p.to << " of " << p.head << ", " << p.events
                      << " events (next range " << p.range << ")\n";
    }));
    CTRN_ASSIGN(auto verified, indexer.fetchMetadata(*content));
    if (showProgress && verified) std::cerr << "index: " << verified << " metadata documents verified\n";
    m_trust.clear();
    return report;
}

Result<std::unique_ptr<IndexSession>> openSyncedIndex(const Args& args) {
    CTRN_ASSIGN(auto s, openIndex(args));
    if (!args.flag("no-sync")) CTRN_TRY(s->sync(args, false));
    return s;
}

std::int64_t IndexSession::now() {
    auto latest = store->blocksDescending(INT64_MAX, 1);
    if (latest && !latest->empty()) return latest->front().timestamp;
    return 0;
}

double IndexSession::trustScore(const std::string& address) {
    std::string key = storage::lowerHex(address);
    auto it = m_trust.find(key);
    if (it == m_trust.end()) {
        auto facts = store->trustFacts(key);
        storage::TrustFacts f = facts ? *facts : storage::TrustFacts{};
        it = m_trust.emplace(key, std::pair{protocol::trustScore(f, now()), f}).first;
    }
    return it->second.first.score;
}

Json IndexSession::trust(const std::string& address) {
    trustScore(address);
    const auto& [score, facts] = m_trust.at(storage::lowerHex(address));
    return protocol::trustScoreJson(score, facts);
}

storage::MetadataRecord IndexSession::metadata(const std::string& uri, const std::string& hash, bool refresh) {
    if (!refresh) {
        auto stored = store->metadata(uri, hash);
        if (stored && *stored && (*stored)->status == "verified") return **stored;
    }
    storage::MetadataRecord record{uri, hash, "verified", "", "", hash};
    auto body = content->fetchVerified(uri, hash, !refresh);
    if (body) {
        record.body = *body;
    } else {
        record.status = body.error().code == ErrorCode::VerificationFailed ? "mismatch" : "unavailable";
        record.error = body.error().message;
        record.actualHash.clear();
    }
    if (store->putMetadata(record)) (void)store->refreshSearch();
    return record;
}

} // namespace ctrn::cli
