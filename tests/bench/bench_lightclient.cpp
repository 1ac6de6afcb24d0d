// The light client's cost on a live anvil (scripts/bench-lightclient starts
// one with a few hundred blocks and sets CTRN_BENCH_RPC): a verified balance
// read (eth_getProof checked against the verified head) against an
// unverified one (eth_getBalance) on the same node — the ratio is the
// figure —, header sync throughput (headers/s, batched fetch + local
// hashing + linkage + SQLite), proof checks per second without I/O, and what
// binding a transaction to its block's transactions root adds to `verify
// tx`: LightClient::receipt against the receipt-trie check alone on the same
// client (the ratio is the figure), and the transactions-trie check alone.
#include <core/chain/json_fields.h>
#include <core/lightclient/light_client.h>
#include <core/rpc/node.h>
#include <core/rpc/qt_transport.h>

#include <QCoreApplication>
#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <optional>

using namespace ctrn;

namespace {

std::string rpcUrl() {
    const char* url = std::getenv("CTRN_BENCH_RPC");
    return url ? url : "http://127.0.0.1:8545";
}

const chain::Address kAccount = *chain::Address::fromHex("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");

// The transaction verified (CTRN_BENCH_TX): the script's last transfer, in a
// block of 20.
chain::Hash benchTx() {
    const char* hash = std::getenv("CTRN_BENCH_TX");
    auto h = chain::Hash::fromHex(hash ? hash : "");
    if (!h) std::abort();
    return *h;
}

// Where the node says a transaction is: its receipt, block and index.
struct Placed {
    Json receipt;
    std::uint64_t block = 0;
    std::uint64_t index = 0;
};
std::optional<Placed> place(rpc::RpcClient& client, const chain::Hash& hash) {
    auto receipt = client.call("eth_getTransactionReceipt", Json::array({hash.hex()}));
    if (!receipt) return std::nullopt;
    auto block = chain::json::quantity64(*receipt, "blockNumber");
    auto index = chain::json::quantity64(*receipt, "transactionIndex");
    if (!block || !index) return std::nullopt;
    return Placed{std::move(receipt).value(), *block, *index};
}

struct Live {
    QTemporaryDir dir;
    std::shared_ptr<rpc::QtHttpTransport> transport = std::make_shared<rpc::QtHttpTransport>();
    rpc::RpcClient client{{rpcUrl()}, transport};
    std::unique_ptr<lightclient::HeaderStore> store;
    std::unique_ptr<lightclient::LightClient> light;
    lightclient::Checkpoint genesis;

    Live() {
        if (!client.connect(31337)) std::abort();
        auto g = client.call("eth_getBlockByNumber", Json::array({"0x0", false}));
        genesis = {{0, *chain::Hash::fromHex((*g)["hash"].get<std::string>())}, "user", 0, 0};
        store = std::move(lightclient::HeaderStore::open(dir.filePath("lc.sqlite").toStdString())).value();
        light = makeClient(*store);
        if (!light->connect()->ok() || !light->syncHead()->ok()) std::abort();
    }
    std::unique_ptr<lightclient::LightClient> makeClient(lightclient::HeaderStore& s) {
        lightclient::LightClientOptions o;
        o.chainId = 31337;
        o.checkpoint = genesis;
        return std::make_unique<lightclient::LightClient>(std::vector<std::string>{rpcUrl()}, transport, rpc::ClientOptions{}, s, o);
    }
};

Live& live() {
    static Live l;
    return l;
}

void BM_BalanceUnverified(benchmark::State& state) {
    rpc::EthNode node(live().client);
    for (auto _ : state) {
        auto b = node.balance(kAccount);
        if (!b) state.SkipWithError(b.error().message.c_str());
        benchmark::DoNotOptimize(b);
    }
}
BENCHMARK(BM_BalanceUnverified)->Unit(benchmark::kMicrosecond)->UseRealTime();

// The verified head is reused (as ctrn and the app do within a session):
// the read is one eth_getProof plus its verification.
void BM_BalanceVerified(benchmark::State& state) {
    auto& l = live();
    for (auto _ : state) {
        auto b = l.light->account(kAccount);
        if (!b || !b->isVerified()) state.SkipWithError("not verified");
        benchmark::DoNotOptimize(b);
    }
}
BENCHMARK(BM_BalanceVerified)->Unit(benchmark::kMicrosecond)->UseRealTime();

// Every header from genesis to the head into a fresh store.
void BM_HeaderSync(benchmark::State& state) {
    auto& l = live();
    std::uint64_t headers = 0;
    int round = 0;
    for (auto _ : state) {
        state.PauseTiming();
        auto s = std::move(lightclient::HeaderStore::open(l.dir.filePath(QString("sync%1.sqlite").arg(++round)).toStdString())).value();
        auto c = l.makeClient(*s);
        if (!c->connect()->ok()) state.SkipWithError("connect");
        state.ResumeTiming();
        auto head = c->syncHead();
        if (!head || !*head) state.SkipWithError("sync failed");
        else headers += (*head)->header.number;
    }
    state.counters["headers/s"] = benchmark::Counter(static_cast<double>(headers), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_HeaderSync)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime(); // waits on the node: rate by wall time

// verifyAccountProof on a proof fetched once: the check alone.
void BM_ProofCheck(benchmark::State& state) {
    auto& l = live();
    auto head = l.light->verifiedHead();
    const auto& h = (*head).value();
    auto proof = l.client.call("eth_getProof", Json::array({toHex(kAccount.view()), Json::array(), lightclient::blockTag(h.header.number)}));
    if (!proof) {
        state.SkipWithError(proof.error().message.c_str());
        return;
    }
    for (auto _ : state) {
        auto v = lightclient::verifyAccountProof(h.header.stateRoot, kAccount, {}, *proof);
        if (!v) state.SkipWithError(v.mismatch().message.c_str());
        benchmark::DoNotOptimize(v);
    }
    state.counters["proofs/s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ProofCheck)->Unit(benchmark::kMicrosecond);

// Baseline: what `verify tx` proved before the transactions-trie check — the
// node's receipt, the block's receipts rebuilt into the verified header's
// receipts root, the receipt at the node's index compared with the node's —
// with the same client, header store and calls as LightClient::receipt.
void BM_VerifyTxReceiptOnly(benchmark::State& state) {
    auto& l = live();
    const chain::Hash hash = benchTx();
    for (auto _ : state) {
        auto placed = place(l.client, hash);
        if (!placed) {
            state.SkipWithError("no receipt");
            break;
        }
        auto header = l.light->header(placed->block);
        auto receipts = l.client.call("eth_getBlockReceipts", Json::array({lightclient::blockTag(placed->block)}));
        if (!header || !*header || !receipts) {
            state.SkipWithError("no header or receipts");
            break;
        }
        auto proven = lightclient::verifyBlockReceipt(**header, *receipts, hash, placed->index);
        if (!proven || !lightclient::compareReceipt(*proven, placed->receipt)) state.SkipWithError("not verified");
        benchmark::DoNotOptimize(proven);
    }
}
BENCHMARK(BM_VerifyTxReceiptOnly)->Unit(benchmark::kMicrosecond)->UseRealTime();

// `verify tx` as it is: LightClient::receipt, which also fetches the block
// with its transactions and binds the hash to the receipt's index through
// the rebuilt transactions trie.
void BM_VerifyTx(benchmark::State& state) {
    auto& l = live();
    const chain::Hash hash = benchTx();
    for (auto _ : state) {
        auto r = l.light->receipt(hash);
        if (!r || !r->isVerified()) state.SkipWithError("not verified");
        benchmark::DoNotOptimize(r);
    }
}
BENCHMARK(BM_VerifyTx)->Unit(benchmark::kMicrosecond)->UseRealTime();

// verifyBlockTransaction on the block fetched once: re-encoding and hashing
// its transactions and rebuilding the trie, no I/O.
void BM_TransactionsRootCheck(benchmark::State& state) {
    auto& l = live();
    const chain::Hash hash = benchTx();
    auto placed = place(l.client, hash);
    if (!placed) {
        state.SkipWithError("no receipt");
        return;
    }
    auto block = l.client.call("eth_getBlockByNumber", Json::array({lightclient::blockTag(placed->block), true}));
    auto header = l.light->header(placed->block);
    if (!block || !header || !*header) {
        state.SkipWithError("no block");
        return;
    }
    for (auto _ : state) {
        auto v = lightclient::verifyBlockTransaction(**header, *block, hash, placed->index);
        if (!v || !*v) state.SkipWithError("not bound");
        benchmark::DoNotOptimize(v);
    }
    state.counters["transactions"] = static_cast<double>((*block)["transactions"].size());
}
BENCHMARK(BM_TransactionsRootCheck)->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv); // the Qt transport's local event loops need one
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
