// The protocol index half of scripts/bench-compare:
//   (d) the seeded devnet's protocol events: eth_getLogs + decode of every
//       log (what tests/bench/index_peer.mjs does with ethers v6 on the same
//       node and filter, written to $CTRN_BENCH_FILTER_OUT), and a full
//       Indexer::sync into a fresh SQLite store (getLogs, headers, decode,
//       derived tables);
//   (e) FTS5 search latency over 10k and 100k synthetic listings.
// Needs $CTRN_BENCH_RPC and $CTRN_BENCH_MANIFEST (a devnet.json).
#include <core/chain/deployment.h>
#include <core/protocol/contract_abi.h>
#include <core/protocol/indexer.h>
#include <core/rpc/client.h>
#include <core/rpc/qt_transport.h>
#include <core/storage/protocol_store.h>
#include <core/util/hex.h>

#include <QCoreApplication>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

using namespace ctrn;

namespace {

struct Devnet {
    chain::Deployment deployment;
    std::unique_ptr<protocol::ProtocolAbis> abis;
    std::unique_ptr<rpc::RpcClient> client;
    std::uint64_t head = 0;
};

Devnet& devnet() {
    static Devnet d = [] {
        Devnet out;
        const char* rpcUrl = std::getenv("CTRN_BENCH_RPC");
        const char* manifest = std::getenv("CTRN_BENCH_MANIFEST");
        if (!rpcUrl || !manifest) {
            std::fprintf(stderr, "bench_index: set CTRN_BENCH_RPC and CTRN_BENCH_MANIFEST\n");
            std::exit(2);
        }
        std::ifstream in(manifest);
        std::stringstream text;
        text << in.rdbuf();
        out.deployment = *chain::deploymentFromJson("devnet", *parseJson(text.str()));
        out.abis = std::make_unique<protocol::ProtocolAbis>(*protocol::ProtocolAbis::load());
        out.client = std::make_unique<rpc::RpcClient>(std::vector<std::string>{rpcUrl}, std::make_shared<rpc::QtHttpTransport>());
        out.head = static_cast<std::uint64_t>(*parseU256(out.client->call("eth_blockNumber")->get<std::string>()));
        return out;
    }();
    return d;
}

std::string tempPath(const char* name) {
    return (std::filesystem::temp_directory_path() / (std::string("ctrn-bench-") + name + "-" + std::to_string(::getpid()) + ".sqlite")).string();
}

void removeDb(const std::string& path) {
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
}

void BM_IndexGetLogsDecode_Ours(benchmark::State& state) {
    Devnet& d = devnet();
    std::string path = tempPath("filter");
    removeDb(path);
    auto store = storage::ProtocolStore::open(path);
    protocol::Indexer indexer(*d.client, **store, d.deployment, *d.abis);
    Json filter = indexer.logFilter(d.deployment.deployBlock, d.head);
    if (const char* out = std::getenv("CTRN_BENCH_FILTER_OUT")) std::ofstream(out) << filter.dump();
    std::map<std::string, const protocol::ContractAbi*> byAddress;
    for (const auto& [name, address] : d.deployment.contracts)
        if (auto abi = d.abis->contract(name); abi) byAddress[storage::lowerHex(address.checksummed())] = *abi;
    std::size_t events = 0;
    for (auto _ : state) {
        auto logs = d.client->call("eth_getLogs", Json::array({filter}));
        events = 0;
        for (const auto& log : *logs) {
            std::vector<crypto::Hash256> topics;
            for (const auto& t : log["topics"]) topics.push_back(*fixedFromHex<32>(t.get<std::string>(), "topic"));
            auto data = fromHex(log["data"].get<std::string>());
            auto decoded = byAddress.at(storage::lowerHex(log["address"].get<std::string>()))->decodeLog(topics, *data);
            benchmark::DoNotOptimize(decoded);
            events += decoded.ok();
        }
    }
    state.counters["events"] = static_cast<double>(events);
    removeDb(path);
}
BENCHMARK(BM_IndexGetLogsDecode_Ours)->Unit(benchmark::kMillisecond);

void BM_IndexSync_Ours(benchmark::State& state) {
    Devnet& d = devnet();
    std::size_t events = 0;
    for (auto _ : state) {
        state.PauseTiming();
        std::string path = tempPath("sync");
        removeDb(path);
        auto store = storage::ProtocolStore::open(path);
        protocol::IndexerOptions options;
        options.stopAt = d.head;
        state.ResumeTiming();
        protocol::Indexer indexer(*d.client, **store, d.deployment, *d.abis, options);
        auto report = indexer.sync();
        events = report ? report->events : 0;
        state.PauseTiming();
        store->reset();
        removeDb(path);
        state.ResumeTiming();
    }
    state.counters["events"] = static_cast<double>(events);
}
BENCHMARK(BM_IndexSync_Ours)->Unit(benchmark::kMillisecond);

// Synthetic listings: each row takes 17 words from a 4,000-word vocabulary
// ("w0000".."w3999") plus one of 8 common words, so a query of two rare words
// matches a handful of rows and a query of one common word an eighth of them.
std::unique_ptr<storage::ProtocolStore> syntheticStore(int rows) {
    std::string path = tempPath(("fts" + std::to_string(rows)).c_str());
    removeDb(path);
    auto store = storage::ProtocolStore::open(path).value();
    static const char* common[] = {"gpu", "dataset", "stream", "corpus", "speech", "finance", "vision", "licence"};
    std::mt19937 rng(42);
    std::uniform_int_distribution<int> pick(0, 3999);
    auto phrase = [&](int n) {
        std::string s;
        char w[8];
        for (int i = 0; i < n; ++i) {
            std::snprintf(w, sizeof w, "w%04d", pick(rng)); // fixed width: a query word is no other word's prefix
            s += std::string(i ? " " : "") + w;
        }
        return s;
    };
    (void)store->database().transaction([&]() -> Status {
        for (int i = 1; i <= rows; ++i)
            CTRN_TRY(store->addListingSearchRow(i, phrase(3) + " " + common[i % 8], phrase(12), phrase(2),
                                                i % 3 ? "CC-BY-4.0" : "MIT"));
        return Ok{};
    });
    return store;
}

// range(0): rows; range(1): 0 = two rare words (selective), 1 = one common word (1/8 of the rows, top 20 by bm25).
void BM_FtsSearch(benchmark::State& state) {
    auto store = syntheticStore(static_cast<int>(state.range(0)));
    std::string query = state.range(1) ? "gpu" : "w0017 w0042";
    std::size_t hits = 0;
    for (auto _ : state) {
        auto ids = store->searchListings(query, 20);
        hits = ids->size();
        benchmark::DoNotOptimize(ids);
    }
    state.counters["hits"] = static_cast<double>(hits);
    std::string path = store->database().path();
    store.reset();
    removeDb(path);
}
BENCHMARK(BM_FtsSearch)->Args({10000, 0})->Args({100000, 0})->Args({10000, 1})->Args({100000, 1})->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv); // the Qt transport runs local event loops
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
