// core/crypto figures (docs/benchmarks.md): keccak256 throughput, our
// secp256k1 sign/recover against raw libsecp256k1 calls in the same binary
// (the wrapper's overhead is the ratio), and keystore decryption cost.
#include <core/crypto/keccak.h>
#include <core/crypto/keystore.h>
#include <core/crypto/random.h>
#include <core/crypto/secp256k1.h>

#include <benchmark/benchmark.h>
#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include <cstdlib>

using namespace ctrn;
using namespace ctrn::crypto;

namespace {

PrivateKey benchKey() { return *PrivateKey::fromHex("0x4646464646464646464646464646464646464646464646464646464646464646"); }

// A raw context set up the way our wrapper sets up its own.
secp256k1_context* rawContext() {
    static secp256k1_context* ctx = [] {
        auto c = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
        auto seed = randomBytes(32);
        if (!seed || !secp256k1_context_randomize(c, seed->data())) std::abort();
        return c;
    }();
    return ctx;
}

void BM_Keccak256(benchmark::State& state) {
    Bytes data(static_cast<std::size_t>(state.range(0)), 0xab);
    for (auto _ : state) benchmark::DoNotOptimize(keccak256(data));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * state.range(0));
}
BENCHMARK(BM_Keccak256)->Arg(32)->Arg(1024)->Arg(1 << 20);

void BM_SignOurs(benchmark::State& state) {
    auto key = benchKey();
    auto hash = keccak256(asView("bench"));
    for (auto _ : state) {
        auto sig = signRecoverable(key, hash);
        benchmark::DoNotOptimize(sig);
        hash[0]++;
    }
}
BENCHMARK(BM_SignOurs);

void BM_SignRaw(benchmark::State& state) {
    auto key = benchKey();
    auto hash = keccak256(asView("bench"));
    secp256k1_context* ctx = rawContext();
    for (auto _ : state) {
        secp256k1_ecdsa_recoverable_signature sig;
        if (!secp256k1_ecdsa_sign_recoverable(ctx, &sig, hash.data(), key.bytes().data(), nullptr, nullptr)) std::abort();
        unsigned char out[64];
        int recid = 0;
        secp256k1_ecdsa_recoverable_signature_serialize_compact(ctx, out, &recid, &sig);
        benchmark::DoNotOptimize(out);
        hash[0]++;
    }
}
BENCHMARK(BM_SignRaw);

void BM_RecoverOurs(benchmark::State& state) {
    auto key = benchKey();
    auto hash = keccak256(asView("bench"));
    auto sig = *signRecoverable(key, hash);
    for (auto _ : state) {
        auto pub = recoverPublicKey(hash, sig);
        benchmark::DoNotOptimize(pub);
    }
}
BENCHMARK(BM_RecoverOurs);

void BM_RecoverRaw(benchmark::State& state) {
    auto key = benchKey();
    auto hash = keccak256(asView("bench"));
    auto ours = *signRecoverable(key, hash);
    secp256k1_context* ctx = rawContext();
    for (auto _ : state) {
        // Same work as the wrapper's contract: parse the 65-byte form,
        // recover, serialize the point uncompressed.
        secp256k1_ecdsa_recoverable_signature sig;
        if (!secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &sig, ours.data(), ours[64])) std::abort();
        secp256k1_pubkey pk;
        if (!secp256k1_ecdsa_recover(ctx, &pk, &sig, hash.data())) std::abort();
        unsigned char out[65];
        size_t len = sizeof out;
        secp256k1_ec_pubkey_serialize(ctx, out, &len, &pk, SECP256K1_EC_UNCOMPRESSED);
        benchmark::DoNotOptimize(out);
    }
}
BENCHMARK(BM_RecoverRaw);

void BM_KeystoreDecrypt(benchmark::State& state, KeystoreParams params) {
    auto password = asView("bench password");
    auto keystore = *encryptKeystore(benchKey(), password, params);
    for (auto _ : state) {
        auto key = decryptKeystore(keystore, password);
        if (!key) std::abort();
        benchmark::DoNotOptimize(key);
    }
}
BENCHMARK_CAPTURE(BM_KeystoreDecrypt, scrypt_n262144, KeystoreParams::standardScrypt())
    ->Iterations(3)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_KeystoreDecrypt, scrypt_light_n4096, KeystoreParams::lightScrypt())->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_KeystoreDecrypt, pbkdf2_c262144, KeystoreParams::pbkdf2())->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
