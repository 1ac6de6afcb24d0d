// The History page's reads on a 10,000-entry history (core/storage): one
// keyset page of 50 (first and last), scrolling to the end a page at a time,
// against loading everything at once (the single-call history()). Figures
// and the command in docs/benchmarks.md.
#include <core/storage/wallet_store.h>

#include <benchmark/benchmark.h>

#include <cstdio>
#include <filesystem>
#include <memory>

using namespace ctrn;
using namespace ctrn::storage;

namespace {

constexpr int kRows = 10000;
constexpr const char* kAccount = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

WalletStore& store() {
    static std::unique_ptr<WalletStore> s = [] {
        const auto path = std::filesystem::temp_directory_path() / "ctrn_bench_history.sqlite";
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
        auto opened = WalletStore::open(path.string());
        if (!opened) std::abort();
        auto& db = (*opened)->database();
        auto filled = db.transaction([&]() -> Status {
            for (int i = 0; i < kRows; ++i) {
                char hash[67];
                std::snprintf(hash, sizeof hash, "0x%064x", i);
                CTRN_ASSIGN(auto st, db.prepare("INSERT INTO transactions (hash, chain_id, sender, nonce, recipient, value, kind, "
                                                "status, block_number, created_at, finished_at) "
                                                "VALUES (?1, 31337, ?2, ?3, ?4, '1000000000000000000', 'send', 'mined', ?3, ?5, ?5)"));
                st.bind(1, std::string(hash)).bind(2, kAccount).bind(3, std::int64_t{i})
                    .bind(4, "0x70997970C51812dc3A010C7d01b50e0d17dc79C8").bind(5, std::int64_t{1700000000 + i});
                CTRN_TRY(st.run());
            }
            return Ok{};
        });
        if (!filled) std::abort();
        return std::move(*opened);
    }();
    return *s;
}

// Everything at once, as a list without paging would.
void BM_HistoryLoadAll(benchmark::State& state) {
    auto& s = store();
    for (auto _ : state) {
        auto rows = s.history(31337, std::string(kAccount), kRows);
        if (!rows || rows->size() != kRows) state.SkipWithError("wrong row count");
        benchmark::DoNotOptimize(rows);
    }
}

// The first screenful: what opening the page costs.
void BM_HistoryFirstPage(benchmark::State& state) {
    auto& s = store();
    for (auto _ : state) {
        auto rows = s.historyPage(31337, std::string(kAccount), std::nullopt, 50);
        benchmark::DoNotOptimize(rows);
    }
}

// A page at the very end (keyset: no rows skipped to get there).
void BM_HistoryLastPage(benchmark::State& state) {
    auto& s = store();
    auto all = *s.historyPage(31337, std::string(kAccount), std::nullopt, kRows);
    const auto key = historyKey(all[kRows - 51]);
    for (auto _ : state) {
        auto rows = s.historyPage(31337, std::string(kAccount), key, 50);
        if (!rows || rows->size() != 50) state.SkipWithError("wrong row count");
        benchmark::DoNotOptimize(rows);
    }
}

// Scrolling from the top to the bottom, 50 rows per fetchMore.
void BM_HistoryScrollAllPages(benchmark::State& state) {
    auto& s = store();
    for (auto _ : state) {
        std::optional<HistoryKey> after;
        std::size_t total = 0;
        for (;;) {
            auto rows = s.historyPage(31337, std::string(kAccount), after, 50);
            if (!rows) state.SkipWithError("page failed");
            total += rows->size();
            if (rows->size() < 50) break;
            after = historyKey(rows->back());
        }
        if (total != kRows) state.SkipWithError("wrong row count");
    }
}

} // namespace

BENCHMARK(BM_HistoryLoadAll)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HistoryFirstPage)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_HistoryLastPage)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_HistoryScrollAllPages)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
