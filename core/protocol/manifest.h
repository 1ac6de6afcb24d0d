// Provider-signed listing manifests (Marketplace.createSignedListing): the
// EIP-712 "Manifest" the provider signed is rebuilt from the indexed listing
// (domain "Computronium Marketplace" v1 on the chain and marketplace
// address, the provider's nonce it consumed) and the signer recovered
// locally, so `listings show` states who signed without trusting the node's
// copy of the contract's own check.
#pragma once

#include <core/rpc/client.h>
#include <core/storage/protocol_store.h>
#include <core/util/json.h>
#include <core/util/result.h>

#include <cstdint>
#include <optional>
#include <string>

namespace ctrn::protocol {

struct ManifestCheck {
    bool signedListing = false;           // the listing came with a signature at all
    std::optional<std::string> signer;    // EIP-55 address recovered from the signature
    bool matchesProvider = false;         // signer == the listing's provider
    std::string digest;                   // 0x hex EIP-712 digest that was checked
    std::string error;                    // why it could not be checked
    // The provider is a contract that accepted the signature through
    // ERC-1271 (isValidSignature), asked at `contractCheckedAt`.
    bool contractSigner = false;
    std::string contractCheckedAt;
};

// The EIP-712 typed-data document of a listing's manifest.
Json manifestTypedData(const storage::ListingRecord& listing, std::uint64_t chainId, const std::string& marketplace,
                       std::int64_t nonce);

ManifestCheck checkManifest(const storage::ListingRecord& listing, std::uint64_t chainId, const std::string& marketplace);

// When the signature does not recover to the provider and the provider is
// a contract (a multisig, a smart account): asks it, as the Marketplace
// does (OpenZeppelin SignatureChecker), whether it accepts the signature
// for the digest (ERC-1271 isValidSignature == 0x1626ba7e) at the latest
// block, and marks the check as matched by a contract signer. A contract's
// answer can change later; the block it was asked at is kept.
Status checkContractSigner(ManifestCheck& check, const storage::ListingRecord& listing, rpc::RpcClient& client);

Json manifestCheckJson(const ManifestCheck& check);

} // namespace ctrn::protocol
