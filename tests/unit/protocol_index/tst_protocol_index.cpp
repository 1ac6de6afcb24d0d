// core/protocol indexer side and core/storage protocol_store: adaptive
// getLogs ranges and reorg rollback against a fake chain, the event log to
// derived tables, FTS5 search over verified metadata, the trust score
// formula, the matching engine on the devnet's seeded offers (including
// "nothing fits"), and content fetching with hash checks (data:, file:,
// downloads deleted on a mismatch).
#include "unit/fake_node.h"
#include <core/crypto/keccak.h>
#include <core/crypto/sha256.h>
#include <core/encoding/abi.h>
#include <core/encoding/eip712.h>
#include <core/protocol/content.h>
#include <core/protocol/contract_abi.h>
#include <core/protocol/indexer.h>
#include <core/protocol/manifest.h>
#include <core/protocol/matching.h>
#include <core/protocol/trust_score.h>
#include <core/rpc/client.h>
#include <core/storage/protocol_store.h>
#include <core/util/hex.h>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>
#include <fstream>

using namespace ctrn;
using namespace ctrn::storage;
using namespace ctrn::protocol;

namespace {

const std::string kHub = "0x5fbdb2315678afecb367f032d93f642f64180aa3";

std::string word(const std::string& addressHex) {
    std::string a = addressHex.substr(2);
    return "0x" + std::string(64 - a.size(), '0') + a;
}

std::string addressOf(int i) {
    char buf[43];
    std::snprintf(buf, sizeof buf, "0x%040x", 0x1000 + i);
    return buf;
}

// A chain the test edits: per-block hashes (a fork id changes them from a
// height on), logs by block, and a node that refuses getLogs ranges wider
// than maxRange the way public nodes do.
struct FakeChain : FakeNode {
    std::uint64_t head = 0;
    std::map<std::uint64_t, int> forkFrom; // height -> fork id in effect from it
    std::vector<Json> logs;                // each with blockNumber (number) and the log fields
    std::uint64_t maxRange = 0;            // 0: any range
    std::vector<std::pair<std::uint64_t, std::uint64_t>> asked;

    FakeChain() {
        handlers["eth_blockNumber"] = [this](const Json&) { return Json(toQuantityHex(U256(head))); };
        handlers["eth_getBlockByNumber"] = [this](const Json& params) -> Json {
            auto n = static_cast<std::uint64_t>(*parseU256(params[0].get<std::string>()));
            if (n > head) return nullptr;
            return {{"number", toQuantityHex(U256(n))}, {"hash", hashOf(n)}, {"timestamp", toQuantityHex(U256(1700000000 + n * 12))}};
        };
        handlers["eth_getLogs"] = [this](const Json& params) { return logsIn(params[0]); };
    }

    int forkAt(std::uint64_t n) const {
        int id = 0;
        for (const auto& [from, fork] : forkFrom)
            if (n >= from) id = fork;
        return id;
    }
    std::string hashOf(std::uint64_t n) const {
        std::string seed = std::to_string(forkAt(n)) + ":" + std::to_string(n);
        return toHex(crypto::keccak256(asView(seed)));
    }

    Json logsIn(const Json& filter) {
        auto from = static_cast<std::uint64_t>(*parseU256(filter["fromBlock"].get<std::string>()));
        auto to = static_cast<std::uint64_t>(*parseU256(filter["toBlock"].get<std::string>()));
        asked.push_back({from, to});
        if (maxRange && to - from + 1 > maxRange) throw RpcError{-32005, "query returned more than 10000 results"};
        Json out = Json::array();
        for (const auto& log : logs) {
            auto n = log["block"].get<std::uint64_t>();
            if (n < from || n > to || n > head) continue;
            if (log.contains("fork") && log["fork"].get<int>() != forkAt(n)) continue;
            Json l = log;
            l.erase("block");
            l.erase("fork");
            l["blockNumber"] = toQuantityHex(U256(n));
            l["blockHash"] = hashOf(n);
            out.push_back(l);
        }
        return out;
    }

    // StakingHub.Staked(holder, agent, amount, shares) at `block`.
    void addStake(std::uint64_t block, int holder, int agent, std::uint64_t amount, std::optional<int> fork = std::nullopt) {
        auto abi = ContractAbi::load("StakingHub");
        auto event = abi->event("Staked");
        std::vector<encoding::AbiType> types = {*encoding::parseAbiType("uint256"), *encoding::parseAbiType("uint256")};
        auto values = encoding::abiValuesFromJson(types, Json::array({std::to_string(amount), std::to_string(amount)}));
        Json log = {{"block", block}, {"address", kHub},
                    {"topics", Json::array({toHex((*event)->topic0), word(addressOf(holder)), word(addressOf(agent))})},
                    {"data", toHex(*encoding::abiEncode(types, *values))},
                    {"logIndex", "0x" + std::to_string(logs.size() % 8)},
                    {"transactionHash", toHex(crypto::keccak256(asView(std::to_string(logs.size()))))}};
        if (fork) log["fork"] = *fork;
        logs.push_back(log);
    }
    void addAgent(std::uint64_t block, int agent, const std::string& name) {
        auto abi = ContractAbi::load("StakingHub");
        auto event = abi->event("AgentRegistered");
        std::vector<encoding::AbiType> types = {*encoding::parseAbiType("string"), *encoding::parseAbiType("string"),
                                                *encoding::parseAbiType("uint16")};
        auto values = encoding::abiValuesFromJson(types, Json::array({name, "https://example.org/" + name, "500"}));
        logs.push_back({{"block", block}, {"address", kHub},
                        {"topics", Json::array({toHex((*event)->topic0), word(addressOf(agent))})},
                        {"data", toHex(*encoding::abiEncode(types, *values))}, {"logIndex", "0x0"},
                        {"transactionHash", toHex(crypto::keccak256(asView(name)))}});
    }
};

chain::Deployment hubDeployment() {
    chain::Deployment d;
    d.name = "test";
    d.chainId = 31337;
    d.deployBlock = 1;
    d.contracts["StakingHub"] = *chain::Address::fromHex(kHub);
    return d;
}

std::unique_ptr<ProtocolStore> openStore(const std::string& path) {
    auto s = ProtocolStore::open(path);
    if (!s) qFatal("open %s: %s", path.c_str(), s.error().message.c_str());
    return std::move(s).value();
}

// A listing of provider 10 of the test mnemonic, the manifest tests' subject.
ListingRecord providerTenListing() {
    ListingRecord l;
    l.provider = "0xbcd4042de499d14e55001ccbb24a551f3b954096";
    l.kind = 0;
    l.price = 5;
    l.unit = "hour";
    l.metadataUri = "data:,x";
    l.metadataHash = "0x" + std::string(64, '1');
    return l;
}

rpc::ClientOptions instant() {
    rpc::ClientOptions o;
    o.retries = 0;
    o.sleep = [](std::chrono::milliseconds) {};
    return o;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// The devnet's seeded listings (contracts/script/Devnet.s.sol): prices,
// kinds and metadata from resources/devnet/metadata/listings.
std::vector<Offer> seededOffers(const std::vector<double>& providerTrust) {
    const int prices[20] = {1200, 2500, 900, 650, 400, 300, 120, 450, 200, 80, 24, 2, 1, 3, 15, 500, 350, 250, 180, 150};
    const int kinds[20] = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3, 3, 0};
    const char* units[4] = {"dataset", "month", "hour", "licence"};
    std::vector<Offer> out;
    for (int i = 0; i < 20; ++i) {
        char name[8];
        std::snprintf(name, sizeof name, "%02d", i + 1);
        std::string doc = readFile(std::string(CTRN_SOURCE_DIR) + "/resources/devnet/metadata/listings/" + name + ".json");
        Offer o;
        o.listing.id = i + 1;
        o.listing.kind = kinds[i];
        o.listing.price = U256(prices[i]) * U256("1000000000000000000");
        o.listing.unit = units[kinds[i]];
        o.listing.provider = addressOf(i % 4);
        o.metadata = *parseJson(doc);
        o.metadataStatus = "verified";
        o.trust = providerTrust[static_cast<std::size_t>(i % 4)];
        out.push_back(o);
    }
    return out;
}

ProtocolEvent logEvent(std::int64_t block, std::int64_t index, const std::string& contract, const std::string& name, Json fields) {
    return {block, index, 1700000000 + block * 12, "0x" + std::string(64, 'a'), contract, name, std::move(fields)};
}

} // namespace

class TestProtocolIndex : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;
    std::string path(const char* name) { return m_tmp.filePath(name).toStdString(); }

private slots:
    void rangesShrinkWhenTheNodeRefusesAndGrowWhenSparse() {
        auto chain = std::make_shared<FakeChain>();
        chain->head = 200;
        chain->maxRange = 16;
        for (int b = 5; b <= 200; b += 5) chain->addStake(static_cast<std::uint64_t>(b), b % 3, 1, 10);
        rpc::RpcClient client({"http://fake"}, chain, instant());
        auto store = openStore(path("adaptive.sqlite"));
        auto abis = ProtocolAbis::load();
        QVERIFY(abis.ok());
        auto deployment = hubDeployment();
        IndexerOptions options;
        options.initialRange = 1000;
        Indexer indexer(client, *store, deployment, *abis, options);
        std::vector<IndexProgress> seen;
        auto report = indexer.sync([&](const IndexProgress& p) { seen.push_back(p); });
        QVERIFY2(report.ok(), report.ok() ? "" : report.error().message.c_str());
        QCOMPARE(report->events, std::size_t{40});
        QVERIFY(report->shrinks >= 1);
        QCOMPARE(report->to, std::uint64_t{200});
        // Every range that was answered fits the node's limit, they tile the
        // chain from the deploy block without gaps, and the progress
        // callback saw each one.
        std::uint64_t next = 1;
        for (const auto& p : seen) {
            QCOMPARE(p.from, next);
            QVERIFY(p.to - p.from + 1 <= 16);
            QCOMPARE(p.head, std::uint64_t{200});
            next = p.to + 1;
        }
        QCOMPARE(next, std::uint64_t{201});
        auto stakes = store->agents(); // no AgentRegistered: no agents, but the stakes are there
        QVERIFY(stakes.ok());
        auto counts = store->counts();
        QCOMPARE(counts->stakes, std::int64_t{3});

        // Sparse chain, no limit: the range doubles after each empty range.
        auto sparse = std::make_shared<FakeChain>();
        sparse->head = 1000;
        rpc::RpcClient client2({"http://fake"}, sparse, instant());
        auto store2 = openStore(path("sparse.sqlite"));
        options.initialRange = 4;
        Indexer grower(client2, *store2, deployment, *abis, options);
        std::vector<std::uint64_t> sizes;
        QVERIFY(grower.sync([&](const IndexProgress& p) { sizes.push_back(p.to - p.from + 1); }).ok());
        QVERIFY(sizes.size() >= 4);
        QCOMPARE(sizes[0], std::uint64_t{4});
        QCOMPARE(sizes[1], std::uint64_t{8});
        QCOMPARE(sizes[2], std::uint64_t{16});
        QVERIFY(sizes.size() < 10); // 4+8+...: 1000 blocks in 8 ranges, not 250
    }

    void aReorgRollsBackToTheCommonAncestorAndMatchesAFreshIndex() {
        auto chain = std::make_shared<FakeChain>();
        chain->head = 100;
        chain->addAgent(3, 1, "atlas");
        for (int b = 10; b <= 100; b += 10) chain->addStake(static_cast<std::uint64_t>(b), 2, 1, static_cast<std::uint64_t>(b), 0);
        rpc::RpcClient client({"http://fake"}, chain, instant());
        auto store = openStore(path("reorg.sqlite"));
        auto abis = ProtocolAbis::load();
        auto deployment = hubDeployment();
        IndexerOptions options;
        options.initialRange = 40;
        {
            Indexer indexer(client, *store, deployment, *abis, options);
            auto first = indexer.sync();
            QVERIFY(first.ok());
            QCOMPARE(first->events, std::size_t{11});
            QCOMPARE(first->reorgs, std::size_t{0});
        }
        auto agentsBefore = store->agents();
        QCOMPARE(toDecimal(agentsBefore->front().stake), std::string("550"));

        // Blocks from 65 on are replaced: the stakes at 70..100 vanish, the
        // new branch has others at 66 and 104, and the head moves to 105.
        chain->forkFrom[65] = 1;
        chain->head = 105;
        chain->addStake(66, 3, 1, 1000, 1);
        chain->addStake(104, 2, 1, 7, 1);
        {
            Indexer indexer(client, *store, deployment, *abis, options);
            auto second = indexer.sync();
            QVERIFY2(second.ok(), second.ok() ? "" : second.error().message.c_str());
            QCOMPARE(second->reorgs, std::size_t{1});
            QVERIFY(second->rolledBackTo.has_value());
            // The newest stored block still on the chain: 60 (a block with events).
            QCOMPARE(*second->rolledBackTo, std::int64_t{60});
            QCOMPARE(second->to, std::uint64_t{105});
        }
        auto agents = store->agents();
        QCOMPARE(toDecimal(agents->front().stake), std::string("1217")); // 10+...+60 + 1000 + 7

        auto fresh = openStore(path("fresh.sqlite"));
        Indexer again(client, *fresh, deployment, *abis, options);
        QVERIFY(again.sync().ok());
        QCOMPARE(*store->derivedDump(), *fresh->derivedDump());
        auto a = store->events(), b = fresh->events();
        QCOMPARE(a->size(), b->size());
        for (std::size_t i = 0; i < a->size(); ++i) {
            QCOMPARE((*a)[i].block, (*b)[i].block);
            QCOMPARE((*a)[i].fields.dump(), (*b)[i].fields.dump());
        }
        // Stored hashes are the new branch's.
        auto tip = store->block(105);
        QVERIFY(tip.ok() && tip->has_value());
        QCOMPARE((*tip)->hash, chain->hashOf(105));
    }

    void rangeErrorsAreRecognised() {
        QVERIFY(isRangeTooLarge(makeError(ErrorCode::NodeError, "query returned more than 10000 results")));
        QVERIFY(isRangeTooLarge(makeError(ErrorCode::NodeError, "Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range")));
        QVERIFY(isRangeTooLarge(makeError(ErrorCode::Network, "http://x: HTTP 413 Payload Too Large")));
        QVERIFY(!isRangeTooLarge(makeError(ErrorCode::NodeError, "execution reverted")));
        QVERIFY(!isRangeTooLarge(makeError(ErrorCode::InvalidInput, "query returned more than 10000 results")));
    }

    void eventsBecomeRowsAndSearchSeesOnlyVerifiedMetadata() {
        auto store = openStore(path("fts.sqlite"));
        std::vector<ProtocolEvent> events;
        std::vector<std::string> docs;
        for (int i = 1; i <= 20; ++i) {
            char name[8];
            std::snprintf(name, sizeof name, "%02d", i);
            std::string doc = readFile(std::string(CTRN_SOURCE_DIR) + "/resources/devnet/metadata/listings/" + name + ".json");
            docs.push_back(doc);
            events.push_back(logEvent(10 + i, 0, "Marketplace", "ListingCreated",
                                   {{"listingId", std::to_string(i)}, {"provider", addressOf(i % 4)}, {"kind", "0"},
                                    {"price", "1000"}, {"unit", "0x686f7572" + std::string(56, '0')},
                                    {"metadataURI", "file:///listing/" + std::to_string(i)},
                                    {"metadataHash", sha256Hex(asView(doc))}, {"rune", Json::object()}}));
        }
        QVERIFY(store->appendRange({}, events, 40).ok());
        auto listing = store->listing(11);
        QCOMPARE((*listing)->unit, std::string("hour"));
        // No metadata yet: nothing is searchable.
        QVERIFY(store->refreshSearch().ok());
        QVERIFY(store->searchListings("H100", 10)->empty());
        auto missing = store->missingMetadata();
        QCOMPARE(missing->size(), std::size_t{20});
        for (int i = 1; i <= 20; ++i) {
            auto status = i == 2 ? "mismatch" : "verified"; // listing 2's document did not match its hash
            QVERIFY(store->putMetadata({"file:///listing/" + std::to_string(i), sha256Hex(asView(docs[static_cast<std::size_t>(i - 1)])),
                                        status, i == 2 ? "" : docs[static_cast<std::size_t>(i - 1)], "", ""}).ok());
        }
        QVERIFY(store->refreshSearch().ok());
        QCOMPARE(*store->searchListings("H100", 10), std::vector<std::int64_t>{11});
        QCOMPARE(*store->searchListings("h100 node", 10), std::vector<std::int64_t>{11}); // case-insensitive, all words
        QCOMPARE(store->searchListings("corp", 10)->front(), std::int64_t{1});              // prefix: "corpus"
        QCOMPARE(*store->searchListings("CC-BY-4.0 news", 10), std::vector<std::int64_t>{1}); // licence column
        QVERIFY(store->searchListings("imagery", 10)->empty()); // listing 2 is a mismatch
        QVERIFY(store->searchListings("\"); DROP TABLE listings; --", 10).ok()); // no FTS syntax from users
        auto compute = store->searchListings("compute", 10);
        QCOMPARE(compute->size(), std::size_t{5}); // tags and kind of listings 11-15
        QCOMPARE(store->missingMetadata()->size(), std::size_t{1}); // the mismatch is retried next sync
    }

    void derivedTablesFollowTheMarketplaceLifecycle() {
        auto store = openStore(path("lifecycle.sqlite"));
        std::string prov = addressOf(1), buyer = addressOf(2);
        std::vector<ProtocolEvent> e = {
            logEvent(1, 0, "StakingHub", "AgentRegistered", {{"agent", prov}, {"name", "A"}, {"metadataURI", "u"}, {"commissionBps", "500"}}),
            logEvent(1, 1, "StakingHub", "Staked", {{"holder", prov}, {"agent", prov}, {"amount", "1000000000000000000000"}, {"shares", "1"}}),
            logEvent(2, 0, "Reputation", "ReputationMinted", {{"account", prov}, {"amount", "50000000000000000000"}, {"reason", "0x00"}, {"minter", buyer}}),
            logEvent(3, 0, "Marketplace", "ListingCreated", {{"listingId", "1"}, {"provider", prov}, {"kind", "2"}, {"price", "5"},
                                                           {"unit", "0x00"}, {"metadataURI", "data:,x"}, {"metadataHash", "0x01"}, {"rune", Json::object()}}),
            logEvent(4, 0, "Marketplace", "Purchased", {{"purchaseId", "1"}, {"listingId", "1"}, {"buyer", buyer}, {"quantity", "2"}, {"amount", "10"}}),
            logEvent(5, 0, "Marketplace", "Settled", {{"purchaseId", "1"}, {"listingId", "1"}, {"provider", prov}, {"amount", "10"}}),
            logEvent(6, 0, "Marketplace", "Purchased", {{"purchaseId", "2"}, {"listingId", "1"}, {"buyer", buyer}, {"quantity", "1"}, {"amount", "5"}}),
            logEvent(7, 0, "Marketplace", "Disputed", {{"purchaseId", "2"}, {"by", buyer}, {"poolId", "1"}}),
            logEvent(8, 0, "Marketplace", "DisputeResolved", {{"purchaseId", "2"}, {"poolId", "1"}, {"buyerWon", true}}),
            logEvent(9, 0, "Marketplace", "Refunded", {{"purchaseId", "2"}, {"buyer", buyer}, {"amount", "5"}}),
            logEvent(10, 0, "ModelRegistry", "ModelRegistered", {{"modelId", "1"}, {"owner", prov}, {"name", "M"}, {"spdx", "MIT"},
                                                               {"licenceListing", "0"}, {"metadataURI", "data:,m"}, {"metadataHash", "0x02"}}),
            logEvent(11, 0, "ModelRegistry", "ModelRated", {{"modelId", "1"}, {"rater", buyer}, {"score", "4"}, {"previousScore", "0"}}),
            logEvent(12, 0, "ModelRegistry", "ModelRated", {{"modelId", "1"}, {"rater", buyer}, {"score", "2"}, {"previousScore", "4"}}),
            logEvent(13, 0, "TokenGovernor", "ProposalCreated", {{"proposalId", "77"}, {"proposer", prov}, {"description", "# T\nbody"},
                                                               {"voteStart", "15"}, {"voteEnd", "20"}}),
            logEvent(14, 0, "TokenGovernor", "VoteCast", {{"voter", buyer}, {"proposalId", "77"}, {"support", "1"}, {"weight", "9"}, {"reason", ""}}),
            logEvent(14, 1, "TokenGovernor", "ProposalCited", {{"proposalId", "77"}, {"citedProposalId", "5"}}),
        };
        QVERIFY(store->appendRange({{14, "0xaa", 0}}, e, 14).ok());
        auto facts = store->trustFacts(prov);
        QVERIFY(facts.ok());
        QCOMPARE(toDecimal(facts->stake), std::string("1000000000000000000000"));
        QCOMPARE(toDecimal(facts->reputation), std::string("50000000000000000000"));
        QCOMPARE(toDecimal(facts->settledVolume), std::string("10"));
        QCOMPARE(facts->disputesLost, std::int64_t{1});
        QCOMPARE(facts->ratingCount, std::int64_t{1}); // one rating per rater: the update replaced it
        QCOMPARE(facts->ratingSum, std::int64_t{2});
        QCOMPARE(*facts->firstSeen, std::int64_t{1700000012});
        auto purchases = store->purchases(1);
        QCOMPARE(purchases->at(0).status, std::string("settled"));
        QCOMPARE(purchases->at(1).status, std::string("refunded"));
        auto proposals = store->proposals();
        QCOMPARE(proposals->size(), std::size_t{1});
        QCOMPARE(toDecimal(proposals->front().votesFor), std::string("9"));
        QCOMPARE(proposals->front().cites, std::vector<std::string>{"5"});
        // Rolling back to block 9 drops the model, its ratings and the proposal.
        QVERIFY(store->rollbackTo(9).ok());
        QCOMPARE(store->counts()->models, std::int64_t{0});
        QCOMPARE(store->counts()->proposals, std::int64_t{0});
        QCOMPARE(store->counts()->disputes, std::int64_t{1});
        QCOMPARE(**store->indexedTo(), std::int64_t{9});
    }

    void trustScoreFollowsTheDocumentedFormula() {
        TrustFacts none;
        QCOMPARE(trustScore(none, 1000).score, 0.0);

        const U256 ether("1000000000000000000");
        TrustFacts full;
        full.stake = U256(1000000) * ether - 1 + 1; // 1M CTRN: log10(1e6+1)/6 ≥ 1
        full.reputation = U256(1000) * ether;
        full.settledVolume = U256(100000) * ether;
        full.ratingCount = 1000000;
        full.ratingSum = 5 * 1000000;
        full.firstSeen = 0;
        auto top = trustScore(full, 180 * 86400);
        QVERIFY(top.score > 99.9 && top.score <= 100.0);
        QCOMPARE(top.stake, 25.0);
        QCOMPARE(top.age, 15.0);

        // Parts, each from its line of the formula.
        TrustFacts f;
        f.stake = U256(999) * ether;   // log10(1000)/6 = 0.5 -> 12.5
        f.reputation = U256(9) * ether; // log10(10)/3 -> 6.667
        f.ratingCount = 5;
        f.ratingSum = 20;               // mean 4: 0.75 x 5/10 x 20 = 7.5
        f.settledVolume = U256(99) * ether; // log10(100)/5 = 0.4 -> 8
        f.firstSeen = 0;
        auto s = trustScore(f, 90 * 86400); // half of 180 days -> 7.5
        QVERIFY(qAbs(s.stake - 12.5) < 1e-9);
        QVERIFY(qAbs(s.reputation - 20.0 / 3.0) < 1e-9);
        QVERIFY(qAbs(s.ratings - 7.5) < 1e-9);
        QVERIFY(qAbs(s.volume - 8.0) < 1e-9);
        QVERIFY(qAbs(s.age - 7.5) < 1e-9);
        double base = 12.5 + 20.0 / 3.0 + 7.5 + 8.0 + 7.5;
        QVERIFY(qAbs(s.score - base) < 1e-9);
        // Each lost dispute multiplies by 0.8.
        f.disputesLost = 2;
        QVERIFY(qAbs(trustScore(f, 90 * 86400).score - base * 0.64) < 1e-9);
        // Few ratings weigh little: three 5-star ratings give 20 x 3/8.
        TrustFacts few;
        few.ratingCount = 3;
        few.ratingSum = 15;
        QVERIFY(qAbs(trustScore(few, 0).ratings - 7.5) < 1e-9);
        auto json = trustScoreJson(s, f);
        QCOMPARE(json["facts"]["disputesLost"].get<std::int64_t>(), std::int64_t{2});
    }

    void matchingRanksSeededOffers_data() {
        QTest::addColumn<QString>("requirement");
        QTest::addColumn<QString>("ranked");      // listing ids, best first
        QTest::addColumn<QString>("summaryHas");  // text the summary must contain
        QTest::addColumn<QString>("rejectionHas"); // text some rejection must contain ("" = none checked)
        QTest::newRow("H100 for ten hours") << R"({"kind":"compute","gpu":"H100","hours":10,"budget":"500"})" << "11"
                                            << "1 of 5 compute offers fit; best: listing 11" << "is not a H100";
        QTest::newRow("24 GB GPUs, cheap beats trusted when far cheaper")
            << R"({"kind":"compute","gpuMemoryGb":24,"hours":10,"budget":"1000"})" << "12,13,11" << "3 of 5" << "GPU memory 16.0 GB < 24.0 GB";
        QTest::newRow("over budget") << R"({"kind":"compute","gpu":"H100","hours":10,"budget":"100"})" << ""
                                     << "nothing fits: 5 compute offers, rejected for 2 over budget, 4 wrong hardware"
                                     << "total 240 CTRN (24 CTRN × 10 hours) is over the budget of 100 CTRN";
        QTest::newRow("below trust") << R"({"kind":"compute","hours":1,"minTrust":80})" << ""
                                     << "nothing fits: 5 compute offers, rejected for 5 below trust" << "trust 75.0 < 80.0";
        QTest::newRow("wrong hardware") << R"({"kind":"compute","gpu":"B200"})" << "" << "5 wrong hardware" << "is not a B200";
        QTest::newRow("parquet datasets of 30 GB") << R"({"kind":"dataset","tags":["dataset"],"schema":"parquet","minSizeGb":30,"budget":"2000"})"
                                                   << "4,1" << "2 of 6 dataset offers fit" << "does not mention parquet";
        QTest::newRow("deadline passed") << R"({"kind":"data-stream","deadline":999})" << "" << "5 deadline" << "the deadline has passed";
        QTest::newRow("compute past the deadline") << R"({"kind":"compute","hours":10,"deadline":1030000})" << "" << "deadline"
                                                   << "10 hours cannot finish before the deadline";
        QTest::newRow("EU region") << R"({"kind":"compute","region":"eu"})" << "13,11" << "2 of 5" << "is not eu";
    }

    void matchingRanksSeededOffers() {
        QFETCH(QString, requirement);
        QFETCH(QString, ranked);
        QFETCH(QString, summaryHas);
        QFETCH(QString, rejectionHas);
        auto offers = seededOffers({60, 45, 30, 75});
        auto req = requirementFromJson(*parseJson(requirement.toStdString()));
        QVERIFY2(req.ok(), req.ok() ? "" : req.error().message.c_str());
        auto result = match(*req, offers, 1000000);
        QStringList ids;
        for (const auto& e : result.ranked) ids << QString::number(e.listingId);
        QCOMPARE(ids.join(","), ranked);
        QVERIFY2(QString::fromStdString(result.summary).contains(summaryHas), result.summary.c_str());
        if (!rejectionHas.isEmpty()) {
            bool found = false;
            for (const auto& e : result.rejected)
                for (const auto& r : e.rejected) found = found || QString::fromStdString(r).contains(rejectionHas);
            QVERIFY2(found, qPrintable("no rejection mentions " + rejectionHas));
        }
        for (const auto& e : result.ranked) {
            QVERIFY(e.because.size() >= 3); // cost, trust, rank
            QVERIFY(e.rejected.empty());
        }
        QCOMPARE(matchResultJson(result)["fits"].get<bool>(), !result.ranked.empty());
    }

    void matchingNeedsVerifiedSpecs() {
        auto offers = seededOffers({60, 45, 30, 75});
        offers[10].metadata.reset(); // listing 11's metadata did not verify
        offers[10].metadataStatus = "mismatch";
        auto req = requirementFromJson(*parseJson(R"({"kind":"compute","gpu":"H100"})"));
        auto result = match(*req, offers, 0);
        QVERIFY(result.ranked.empty());
        QVERIFY(QString::fromStdString(result.summary).contains("1 metadata not verified"));
        QVERIFY(!requirementFromJson(*parseJson(R"({"kind":"spaceship"})")).ok());
        QVERIFY(!requirementFromJson(*parseJson(R"({"kind":"compute","hours":1.5})")).ok());
    }

    void contentIsAcceptedOnlyWithTheOnChainHash() {
        ContentFetcher fetcher(nullptr, {});
        std::string doc = R"({"name":"x"})";
        std::string hash = sha256Hex(asView(doc));
        auto b64 = fetcher.fetchVerified("data:application/json;base64,eyJuYW1lIjoieCJ9", hash);
        QVERIFY2(b64.ok(), b64.ok() ? "" : b64.error().message.c_str());
        QCOMPARE(*b64, doc);
        QCOMPARE(*fetcher.fetchVerified("data:,%7B%22name%22:%22x%22%7D", hash), doc);
        auto wrong = fetcher.fetchVerified("data:,{\"name\":\"y\"}", hash);
        QCOMPARE(wrong.error().code, ErrorCode::VerificationFailed);
        QVERIFY(QString::fromStdString(wrong.error().message).startsWith("metadata hash mismatch: chain " + QString::fromStdString(hash)));
        QCOMPARE(fetcher.fetchVerified("https://example.org/x.json", hash).error().code, ErrorCode::Unsupported);
        QCOMPARE(fetcher.fetchVerified("gopher://x", hash).error().code, ErrorCode::Unsupported);
        QCOMPARE(fetcher.gatewayUrl("ipfs://bafyabc/card.json"), std::string("https://ipfs.io/ipfs/bafyabc/card.json"));

        // Cache: a verified document is served from disk by hash; a cache
        // entry that no longer matches is ignored and refetched.
        ContentOptions cached;
        cached.cacheDir = path("cache");
        ContentFetcher withCache(nullptr, cached);
        std::string file = path("card.json");
        { std::ofstream(file) << doc; }
        QCOMPARE(*withCache.fetchVerified("file://" + file, hash), doc);
        { std::ofstream(file) << R"({"name":"changed"})"; }
        QCOMPARE(*withCache.fetchVerified("file://" + file, hash), doc); // content-addressed copy
        QCOMPARE(withCache.fetchVerified("file://" + file, hash, false).error().code, ErrorCode::VerificationFailed);
        QCOMPARE(fetcher.fetchVerified("file://" + file, hash).error().code, ErrorCode::VerificationFailed);
        QCOMPARE(fetcher.fetchVerified("file:relative/path", hash).error().code, ErrorCode::InvalidInput);
    }

    void downloadsAreHashedWhileStreamingAndDeletedOnMismatch() {
        std::string artifact(300000, '\0');
        for (std::size_t i = 0; i < artifact.size(); ++i) artifact[i] = static_cast<char>(i * 31 % 251);
        std::string src = path("model.bin");
        { std::ofstream(src, std::ios::binary) << artifact; }
        std::string sha = sha256Hex(asView(artifact));
        ContentFetcher fetcher(nullptr, {});
        std::string dest = path("out.bin");
        auto ok = fetcher.download("file://" + src, sha, ContentHash::Sha256, dest);
        QVERIFY2(ok.ok(), ok.ok() ? "" : ok.error().message.c_str());
        QCOMPARE(*ok, std::uint64_t{300000});
        QCOMPARE(readFile(dest), artifact);
        std::string keccak = toHex(crypto::keccak256(asView(artifact)));
        QVERIFY(fetcher.download("file://" + src, keccak, ContentHash::Keccak256, path("k.bin")).ok());

        artifact[123456] = static_cast<char>(artifact[123456] ^ 0x01); // one flipped bit
        { std::ofstream(src, std::ios::binary) << artifact; }
        std::string bad = path("bad.bin");
        auto refused = fetcher.download("file://" + src, sha, ContentHash::Sha256, bad);
        QCOMPARE(refused.error().code, ErrorCode::VerificationFailed);
        QVERIFY(!std::filesystem::exists(bad));
        QVERIFY(!std::filesystem::exists(bad + ".part"));
    }

    void manifestSignerIsRecoveredFromTheSignature() {
        // The devnet's listing 1: signed by provider 10 of the test mnemonic
        // (checked end to end in the devnet integration test); here the
        // typed data must have the contract's shape.
        ListingRecord l = providerTenListing();
        auto typed = manifestTypedData(l, 31337, "0x5fbdb2315678afecb367f032d93f642f64180aa3", 0);
        auto parsed = encoding::TypedData::fromJson(typed);
        QVERIFY2(parsed.ok(), parsed.ok() ? "" : parsed.error().message.c_str());
        QCOMPARE(*parsed->encodeType("Manifest"),
                 std::string("Manifest(address provider,uint8 kind,uint256 price,bytes32 unit,string metadataURI,bytes32 metadataHash,"
                             "Rune rune,uint256 nonce)Rune(address agent,address developer,address infra,uint16 developerBps,"
                             "uint16 infraBps,uint16 stakersBps)"));
        QVERIFY(!checkManifest(l, 31337, "0x5fbdb2315678afecb367f032d93f642f64180aa3").signedListing);
    }

    void contractProviderSignsThroughErc1271() {
        // A multisig provider: its signature recovers to no key of its own;
        // the listing matches only when the contract says yes (0x1626ba7e).
        ListingRecord l = providerTenListing();
        l.signature = "0x" + std::string(128, '1') + "1b";
        l.signedNonce = 0;
        const std::string market = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
        auto ask = [&](const Json& code, const Json& answer) {
            auto node = std::make_shared<FakeNode>();
            node->results["eth_getCode"] = code;
            node->results["eth_blockNumber"] = "0x2a";
            node->handlers["eth_call"] = [answer](const Json& params) -> Json {
                const std::string data = params[0].value("data", std::string());
                if (data.rfind("0x1626ba7e", 0) != 0) throw FakeNode::RpcError{-32000, "wrong selector"};
                if (answer.is_null()) throw FakeNode::RpcError{3, "execution reverted"};
                return answer;
            };
            rpc::RpcClient client({"http://fake"}, node, instant());
            auto check = checkManifest(l, 31337, market);
            auto asked = checkContractSigner(check, l, client);
            if (!asked) qFatal("%s", asked.error().message.c_str());
            return check;
        };
        const std::string magic = "0x1626ba7e" + std::string(56, '0');
        auto accepted = ask("0x6080", magic);
        QVERIFY(accepted.signedListing && accepted.contractSigner && accepted.matchesProvider);
        QCOMPARE(*accepted.signer, std::string("0xBcd4042DE499D14e55001CcbB24a551F3b954096"));
        QCOMPARE(accepted.contractCheckedAt, std::string("42"));
        QCOMPARE(manifestCheckJson(accepted)["signerKind"].get<std::string>(), std::string("contract"));
        // Another answer, a revert, or a provider with no code: not matched.
        auto refused = ask("0x6080", "0xffffffff" + std::string(56, '0'));
        QVERIFY(!refused.contractSigner && !refused.matchesProvider);
        QVERIFY(!ask("0x6080", Json()).matchesProvider);
        auto key = ask("0x", magic);
        QVERIFY(!key.contractSigner && !key.matchesProvider);
        QCOMPARE(manifestCheckJson(key)["signerKind"].get<std::string>(), std::string("key"));
    }
};

QTEST_GUILESS_MAIN(TestProtocolIndex)
#include "tst_protocol_index.moc"
