// The C++ half of scripts/bench-compare: our core next to its same-run
// baselines on the inputs the script prepares (real anvil proofs in
// $CTRN_BENCH_PROOFS). The JavaScript peers run in tests/bench/peers_bench.mjs
// on the same inputs; the script prints the ratios.
//   (a) EIP-1559 signing: ours vs raw secp256k1_ecdsa_sign_recoverable
//   (b) account-proof verification: ours vs keccak over the proof's nodes
//   (c) ABI encoding of a 5-argument call
#include <core/chain/transaction.h>
#include <core/crypto/keccak.h>
#include <core/encoding/abi.h>
#include <core/trie/account_proof.h>
#include <core/util/hex.h>

#include <benchmark/benchmark.h>
#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

using namespace ctrn;

namespace {

const char* kKey = "0x4646464646464646464646464646464646464646464646464646464646464646";

chain::Transaction sampleTx() {
    chain::Transaction tx;
    tx.type = chain::TxType::DynamicFee;
    tx.chainId = 31337;
    tx.nonce = 7;
    tx.maxPriorityFeePerGas = 1000000000;
    tx.maxFeePerGas = 30000000000ULL;
    tx.gas = 21000;
    tx.to = *chain::Address::fromHex("0x3535353535353535353535353535353535353535");
    tx.value = *parseU256("1000000000000000000");
    return tx;
}

struct ProofInput {
    trie::Root stateRoot{};
    chain::Address address;
    std::vector<Bytes> nodes;
};

const std::vector<ProofInput>& proofs() {
    static const std::vector<ProofInput> loaded = [] {
        std::vector<ProofInput> out;
        const char* path = std::getenv("CTRN_BENCH_PROOFS");
        if (!path) return out;
        std::ifstream in(path);
        std::stringstream ss;
        ss << in.rdbuf();
        auto json = parseJson(ss.str());
        if (!json) return out;
        auto root = fixedFromHex<32>((*json)["stateRoot"].get<std::string>(), "stateRoot");
        for (const auto& p : (*json)["proofs"]) {
            ProofInput input;
            input.stateRoot = *root;
            input.address = *chain::Address::fromHex(p["address"].get<std::string>());
            for (const auto& n : p["accountProof"]) input.nodes.push_back(*fromHex(n.get<std::string>()));
            out.push_back(std::move(input));
        }
        return out;
    }();
    return loaded;
}

void BM_Sign1559_Ours(benchmark::State& state) {
    // An unlocked account: the signer (and its address) exists before the loop.
    chain::TransactionSigner signer(*crypto::PrivateKey::fromHex(kKey));
    auto tx = sampleTx();
    for (auto _ : state) {
        auto signed_ = signer.sign(tx);
        benchmark::DoNotOptimize(signed_);
    }
}
BENCHMARK(BM_Sign1559_Ours);

void BM_Sign_RawSecp256k1(benchmark::State& state) {
    secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_SIGN);
    auto key = *fromHex(kKey);
    auto hash = chain::signingHash(sampleTx());
    secp256k1_ecdsa_recoverable_signature sig;
    for (auto _ : state) {
        int ok = secp256k1_ecdsa_sign_recoverable(ctx, &sig, hash.bytes().data(), key.data(), nullptr, nullptr);
        benchmark::DoNotOptimize(ok);
        benchmark::DoNotOptimize(sig);
    }
    secp256k1_context_destroy(ctx);
}
BENCHMARK(BM_Sign_RawSecp256k1);

void BM_ProofVerify_Ours(benchmark::State& state) {
    const auto& all = proofs();
    if (all.empty()) { state.SkipWithError("set CTRN_BENCH_PROOFS (scripts/bench-compare does)"); return; }
    std::size_t i = 0;
    for (auto _ : state) {
        const auto& p = all[i++ % all.size()];
        auto account = trie::verifyAccount(p.stateRoot, p.address, p.nodes);
        if (!account) state.SkipWithError("proof did not verify");
        benchmark::DoNotOptimize(account);
    }
}
BENCHMARK(BM_ProofVerify_Ours);

void BM_ProofVerify_KeccakOnly(benchmark::State& state) {
    const auto& all = proofs();
    if (all.empty()) { state.SkipWithError("set CTRN_BENCH_PROOFS (scripts/bench-compare does)"); return; }
    std::size_t i = 0;
    for (auto _ : state) {
        const auto& p = all[i++ % all.size()];
        for (const auto& n : p.nodes) benchmark::DoNotOptimize(crypto::keccak256(n));
        benchmark::DoNotOptimize(crypto::keccak256(p.address.view()));
    }
}
BENCHMARK(BM_ProofVerify_KeccakOnly);

void BM_AbiEncode5_Ours(benchmark::State& state) {
    using encoding::AbiValue;
    auto signature = *encoding::parseSignature("submit(address,uint256,bytes,string,uint256[])");
    std::vector<AbiValue> args{
        AbiValue::address(chain::Address::fromHex("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")->bytes()),
        AbiValue::uint(*parseU256("123456789012345678901234567890")),
        AbiValue::bytes(Bytes(100, 0xab)),
        AbiValue::string("computronium dataset licence v1"),
        AbiValue::list({AbiValue::uint(1), AbiValue::uint(2), AbiValue::uint(3), AbiValue::uint(4), AbiValue::uint(5)})};
    for (auto _ : state) {
        auto data = encoding::encodeCall(signature, args);
        benchmark::DoNotOptimize(data);
    }
}
BENCHMARK(BM_AbiEncode5_Ours);

} // namespace

BENCHMARK_MAIN();
