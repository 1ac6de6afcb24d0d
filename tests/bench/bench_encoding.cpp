// core/encoding throughput: RLP encode/decode of a transaction-sized list
// and ABI encoding of a five-argument call, each next to a baseline in the
// same run (allocating and memcpy-ing an output of the same size), so the
// figures in docs/benchmarks.md are ratios that survive a change of machine.
#include <core/encoding/abi.h>
#include <core/encoding/rlp.h>
#include <core/util/hex.h>

#include <benchmark/benchmark.h>

#include <cstring>

using namespace ctrn;
using namespace ctrn::encoding;

namespace {

// An EIP-1559 ERC-20 transfer as signed: 12 fields, 68 bytes of call data, ~180 bytes.
RlpItem typicalTx() {
    Bytes to(20, 0x35), r(32, 0x11), s(32, 0x22);
    Bytes data = *fromHex("0xa9059cbb000000000000000000000000cd2a3d9f938e13cd947ec05abc7fe734df8dd8260000000000000000000000000000000000000000000000000de0b6b3a7640000");
    return RlpItem::list({RlpItem::uint(1), RlpItem::uint(42), RlpItem::uint(U256(2000000000)), RlpItem::uint(U256(50000000000ULL)),
                          RlpItem::uint(65000), RlpItem::bytes(to), RlpItem::uint(0), RlpItem::bytes(data), RlpItem::list(),
                          RlpItem::uint(1), RlpItem::bytes(r), RlpItem::bytes(s)});
}

struct Call {
    AbiSignature signature;
    std::vector<AbiValue> args;
};

Call fiveArgumentCall() {
    Call c{*parseSignature("submit(address,uint256,bytes,string,uint256[])"), {}};
    c.args = {AbiValue::address(*parseAddress("0xcd2a3d9f938e13cd947ec05abc7fe734df8dd826")),
              AbiValue::uint(U256(1000000000000000000ULL)), AbiValue::bytes(Bytes(100, 0xab)),
              AbiValue::string("a memo of some length"),
              AbiValue::list({AbiValue::uint(1), AbiValue::uint(2), AbiValue::uint(3), AbiValue::uint(4), AbiValue::uint(5)})};
    return c;
}

void copyBaseline(benchmark::State& state, std::size_t size) {
    Bytes source(size, 0x5a);
    for (auto _ : state) {
        Bytes out(size);
        std::memcpy(out.data(), source.data(), size);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
}

void BM_RlpEncodeTx(benchmark::State& state) {
    RlpItem tx = typicalTx();
    std::size_t size = 0;
    for (auto _ : state) {
        Bytes out = rlpEncode(tx);
        size = out.size();
        benchmark::DoNotOptimize(out.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
}

void BM_RlpDecodeTx(benchmark::State& state) {
    Bytes encoded = rlpEncode(typicalTx());
    for (auto _ : state) {
        auto node = rlpDecode(encoded);
        benchmark::DoNotOptimize(node.ok());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * encoded.size()));
}

void BM_Baseline_MemcpyTxSize(benchmark::State& state) { copyBaseline(state, rlpEncode(typicalTx()).size()); }

void BM_AbiEncodeCall5(benchmark::State& state) {
    Call call = fiveArgumentCall();
    std::size_t size = 0;
    for (auto _ : state) {
        auto out = encodeCall(call.signature, call.args);
        size = out->size();
        benchmark::DoNotOptimize(out->data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * size));
}

void BM_AbiDecodeCall5(benchmark::State& state) {
    Call call = fiveArgumentCall();
    Bytes encoded = *abiEncode(call.signature.inputs, call.args);
    for (auto _ : state) {
        auto values = abiDecode(call.signature.inputs, encoded);
        benchmark::DoNotOptimize(values.ok());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * encoded.size()));
}

void BM_Baseline_MemcpyCallSize(benchmark::State& state) {
    Call call = fiveArgumentCall();
    copyBaseline(state, encodeCall(call.signature, call.args)->size());
}

} // namespace

BENCHMARK(BM_Baseline_MemcpyTxSize);
BENCHMARK(BM_RlpEncodeTx);
BENCHMARK(BM_RlpDecodeTx);
BENCHMARK(BM_Baseline_MemcpyCallSize);
BENCHMARK(BM_AbiEncodeCall5);
BENCHMARK(BM_AbiDecodeCall5);

BENCHMARK_MAIN();
