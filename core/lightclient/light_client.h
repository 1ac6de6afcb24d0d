// The light client's driving half: it asks the endpoints (one RpcClient
// each, so a liar can be named) for headers, proofs and receipts, hands
// every answer to the pure checks of verify.h, keeps what verified in the
// HeaderStore, and marks endpoints caught lying. Trust starts at the
// checkpoint; with a quorum k > 1, k endpoints must agree on a header hash
// before it is trusted, and a verified read needs k endpoints whose proofs
// verify (the others are named as outvoted).
//
// Outcomes: Result errors are network/storage failures and a node that is
// behind (ErrorCode::VerificationFailed, "behind", not a lie); a Verdict or
// Checked carries Mismatch when a node contradicted itself or its proof.
#pragma once

#include <core/lightclient/checked.h>
#include <core/lightclient/header_store.h>
#include <core/lightclient/verify.h>
#include <core/rpc/client.h>
#include <core/rpc/transport.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ctrn::lightclient {

struct LightClientOptions {
    std::uint64_t chainId = 0;
    Checkpoint checkpoint;                // the trust anchor
    std::size_t quorum = 1;               // endpoints that must agree
    std::size_t batchSize = 200;          // headers per JSON-RPC batch
    std::chrono::hours checkpointMaxAge{24 * 14}; // older: warn (weak subjectivity)
};

// How one endpoint stands after a sync.
struct EndpointStatus {
    std::string url;
    std::optional<std::uint64_t> head;   // its latest block number
    std::optional<chain::Hash> hashAtVerifiedHead; // its hash of the verified head's number
    bool agrees = false;                 // serves the verified chain
    std::string problem;                 // why not (mismatch, behind, unreachable)
};

struct ProvenReads {
    std::vector<ProvenAccount> accounts;
    std::vector<std::string> outvoted; // endpoints whose proofs did not verify (quorum reads)
};

class LightClient {
public:
    LightClient(std::vector<std::string> urls, std::shared_ptr<rpc::Transport> transport, rpc::ClientOptions clientOptions,
                HeaderStore& store, LightClientOptions options);

    // Checks every endpoint's chain id (a wrong one is a ChainId mismatch,
    // marked) and stores the checkpoint for the chain. Fails when no
    // endpoint answers.
    Result<Verdict<Ok>> connect();

    // Follows the endpoints to their agreed head: fetches the new headers in
    // batches, verifies their hashes and parent links from the stored chain
    // (or the checkpoint) and stores them. Returns the verified head.
    Result<Verdict<VerifiedHeader>> syncHead();
    // The verified head after the last sync (syncs once if never synced).
    Result<Verdict<VerifiedHeader>> verifiedHead();
    // The verified header of block `number`: from the store, by syncing
    // forward, or by walking back from the checkpoint by parent hash.
    Result<Verdict<VerifiedHeader>> header(std::uint64_t number);

    // Accounts with the given slots each, proven at the verified head (one
    // batched eth_getProof per endpoint). Unverified when the endpoints do
    // not serve eth_getProof: then the values are eth_getBalance /
    // eth_getStorageAt answers.
    Result<Checked<ProvenReads>> accounts(const std::vector<chain::Address>& addresses,
                                          const std::vector<std::vector<FixedBytes<32>>>& slots);
    // One account; balance and the slots' values.
    Result<Checked<ProvenAccount>> account(const chain::Address& address, const std::vector<FixedBytes<32>>& slots = {});

    // A mined transaction's receipt, Verified only when both tries of its
    // block agree: the transactions trie binds the hash to the receipt's
    // index (TransactionsRoot / TransactionHash / TransactionIndex
    // mismatches otherwise) and the receipt trie proves the receipt at that
    // index (ReceiptsRoot / ReceiptValue). Unverified (with the reason) when
    // the node serves no eth_getBlockReceipts or the block holds a
    // transaction type core/chain cannot encode. NotFound when the node does
    // not know the transaction as mined.
    Result<Checked<ProvenReceipt>> receipt(const chain::Hash& txHash);

    const std::vector<EndpointStatus>& endpoints() const { return m_status; }
    const Checkpoint& checkpoint() const { return m_options.checkpoint; }
    // A warning when the checkpoint block is older than checkpointMaxAge
    // (nullopt when fresh or when its header has not been seen yet).
    std::optional<std::string> checkpointWarning() const;
    std::size_t quorum() const { return m_options.quorum; }

private:
    struct Endpoint {
        std::string url;
        std::unique_ptr<rpc::RpcClient> client;
        bool excluded = false; // caught lying or unreachable: not asked again this session
        std::optional<Mismatch> lie; // what it was caught at (set by mark)
    };
    Mismatch mark(Endpoint& e, Mismatch m);
    // When no endpoint is left because one was caught lying: that lie, naming
    // the endpoint, so every read says "mismatch" and not "no usable endpoint".
    std::optional<Mismatch> excludedMismatch() const;
    Result<Verdict<VerifiedHeader>> checkpointHeader(Endpoint& e);
    Result<Verdict<std::vector<VerifiedHeader>>> fetchForward(Endpoint& e, const BlockRef& from, std::uint64_t to);
    Result<Verdict<VerifiedHeader>> walkBack(std::uint64_t number);
    std::vector<Endpoint*> usable();

    std::vector<Endpoint> m_endpoints;
    HeaderStore& m_store;
    LightClientOptions m_options;
    std::vector<EndpointStatus> m_status;
    std::optional<VerifiedHeader> m_head;
};

// "0x1b4": a block number as a JSON-RPC quantity.
std::string blockTag(std::uint64_t number);

} // namespace ctrn::lightclient
