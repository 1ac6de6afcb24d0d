// interfaces::Verifier: what the app shows as verified. Every value comes
// back as Checked<T> (checked.h) — Verified (with its block), Unverified
// (no proof possible) or Mismatch (the node lied; no value) — so the view
// must handle each state and cannot show an unverified figure as verified.
// Built next to Node by makeVerifier over the same endpoints; not
// thread-safe (the app calls it from its worker, like Node).
#pragma once

#include <core/chain/address.h>
#include <core/chain/hash.h>
#include <core/interfaces/checked.h>
#include <core/interfaces/node.h>
#include <core/util/result.h>
#include <core/util/uint256.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ctrn::interfaces {

struct TxOutcome {
    bool success = false;
    std::size_t logCount = 0;
};

struct VerifierStatus {
    std::uint64_t checkpointNumber = 0;
    chain::Hash checkpointHash;
    std::string checkpointSource;              // "manifest", "user"
    std::optional<std::string> checkpointWarning; // when it is old
    std::optional<std::uint64_t> verifiedHead;
    struct Endpoint {
        std::string url;
        bool agrees = false;
        std::string problem;
    };
    std::vector<Endpoint> endpoints;
};

class Verifier {
public:
    virtual ~Verifier() = default;

    // Follows the endpoints to their agreed head; the number verified.
    virtual Result<Checked<std::uint64_t>> syncHead() = 0;
    // Wei, proven with eth_getProof at the verified head.
    virtual Result<Checked<U256>> balance(const chain::Address& account) = 0;
    // CTRN (smallest unit), proven from the token's storage layout.
    virtual Result<Checked<U256>> ctrnBalance(const chain::Address& owner) = 0;
    // A mined transaction's status and log count, proven by its block's receipt trie.
    virtual Result<Checked<TxOutcome>> transactionOutcome(const chain::Hash& hash) = 0;
    virtual VerifierStatus status() = 0;
};

struct VerifierOptions {
    std::string dataDir;           // lightclient.sqlite goes here
    std::vector<std::string> urls;
    std::uint64_t chainId = 31337;
    std::uint64_t checkpointNumber = 0;
    chain::Hash checkpointHash;    // from the manifest, the network settings or the user
    std::string checkpointSource = "manifest";
    std::size_t quorum = 1;
    NodeOptions client;
    std::string storageLayoutDir;  // resources/storage-layout
    std::optional<chain::Address> ctrnToken;
};

// Opens the header store, stores the checkpoint and checks each endpoint's
// chain id. Fails (VerificationFailed) when an endpoint serves another chain
// and too few remain for the quorum.
Result<std::unique_ptr<Verifier>> makeVerifier(const VerifierOptions& options, std::shared_ptr<rpc::Transport> transport);

} // namespace ctrn::interfaces
