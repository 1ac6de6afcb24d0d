// Typed bindings of the protocol contracts: the reads ctrn and the app check
// before sending (balances, stakes, proposal state, licences), call data
// builders for every action, and the events and custom errors they decode.
//
// Every function, event and error a binding uses is named by its full ABI
// signature in boundSignatures(); a test checks each against
// resources/abi/*.json (same name, parameter types and outputs), so a
// contract change that breaks a binding fails the build's tests, and at run
// time a missing signature is a clear error rather than wrong call data.
#pragma once

#include <core/protocol/contract.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ctrn::protocol {

struct BoundSignature {
    std::string contract;
    enum class Kind { Function, Event, Error } kind = Kind::Function;
    // Functions: "stakeOf(address,address) returns (uint256,uint256)";
    // events: "Staked(address indexed,address indexed,uint256,uint256)";
    // errors: "InsufficientStake(uint256,uint256)".
    std::string signature;
};

// Everything the bindings below use, by contract.
const std::vector<BoundSignature>& boundSignatures();
// Checks every bound signature against `abis`; the error lists each missing
// or changed one.
Status checkBindings(const ProtocolAbis& abis);

// Base of the typed bindings: resolves a bound function by its full
// signature (failing if the ABI no longer has it exactly).
class Binding {
public:
    explicit Binding(Contract contract) : m_contract(std::move(contract)) {}
    const Contract& contract() const { return m_contract; }
    const chain::Address& address() const { return m_contract.address(); }

protected:
    // `full` is a signature from boundSignatures(); returns the plain one.
    Result<std::string> bound(std::string_view full) const;
    Result<Bytes> data(std::string_view full, std::vector<encoding::AbiValue> args) const;
    Result<std::vector<encoding::AbiValue>> values(std::string_view full, std::vector<encoding::AbiValue> args) const;
    Result<Json> json(std::string_view full, std::vector<encoding::AbiValue> args) const;
    Result<U256> u256(std::string_view full, std::vector<encoding::AbiValue> args) const;
    Result<bool> boolean(std::string_view full, std::vector<encoding::AbiValue> args) const;

private:
    Contract m_contract;
};

class TokenBinding : public Binding {
public:
    using Binding::Binding;
    Result<U256> balanceOf(const chain::Address& a) const;
    // The balance not locked by staking: what can be staked or sent.
    Result<U256> unlockedBalanceOf(const chain::Address& a) const;
    Result<U256> lockedOf(const chain::Address& a) const;
    Result<U256> allowance(const chain::Address& owner, const chain::Address& spender) const;
    Result<U256> votes(const chain::Address& a) const;
    Result<chain::Address> delegates(const chain::Address& a) const;
    Result<Bytes> approveData(const chain::Address& spender, const U256& amount) const;
    Result<Bytes> transferData(const chain::Address& to, const U256& amount) const;
    Result<Bytes> delegateData(const chain::Address& delegatee) const;
};

class ReputationBinding : public Binding {
public:
    using Binding::Binding;
    Result<U256> balanceOf(const chain::Address& a) const;
};

struct StakePosition {
    U256 bonded = 0, unbonding = 0, pendingRewards = 0;
    std::uint64_t unbondingReleaseAt = 0; // unix seconds; 0 when nothing unbonds
};

class StakingHubBinding : public Binding {
public:
    using Binding::Binding;
    // The agent record as named JSON (registered, name, commissionBps, bondedStake, ...).
    Result<Json> agent(const chain::Address& agent) const;
    Result<bool> isAgent(const chain::Address& agent) const;
    Result<StakePosition> position(const chain::Address& holder, const chain::Address& agent) const;
    Result<U256> unbondingPeriod() const;
    Result<U256> electedCount() const; // the elected set's size
    Result<std::vector<chain::Address>> electedAgents() const;
    // Every registered agent, in registration order.
    Result<std::vector<chain::Address>> agentList() const;
    Result<Bytes> registerAgentData(const std::string& name, const std::string& metadataUri, std::uint16_t commissionBps) const;
    Result<Bytes> stakeData(const chain::Address& agent, const U256& amount) const;
    Result<Bytes> requestUnstakeData(const chain::Address& agent, const U256& amount) const;
    Result<Bytes> withdrawData(const chain::Address& agent) const;
    Result<Bytes> claimData(const chain::Address& agent) const;
};

// OpenZeppelin Governor states, as IGovernor.ProposalState numbers them.
enum class ProposalState : std::uint8_t { Pending, Active, Canceled, Defeated, Succeeded, Queued, Expired, Executed };
std::string proposalStateName(ProposalState s);

enum class VoteSupport : std::uint8_t { Against = 0, For = 1, Abstain = 2 };

struct ProposalActions {
    std::vector<chain::Address> targets;
    std::vector<U256> values;
    std::vector<Bytes> calldatas;
};

// TokenGovernor, QuadraticGovernor and MemberGovernor share these functions.
class GovernorBinding : public Binding {
public:
    using Binding::Binding;
    Result<ProposalState> state(const U256& proposalId) const;
    Result<U256> proposalThreshold() const;
    Result<U256> clock() const;
    // Voting power of `account` at `timepoint` (proposal thresholds use clock() - 1).
    Result<U256> votesAt(const chain::Address& account, const U256& timepoint) const;
    Result<U256> snapshot(const U256& proposalId) const;
    Result<U256> deadline(const U256& proposalId) const;
    Result<Json> tally(const U256& proposalId) const; // againstVotes, forVotes, abstainVotes
    Result<chain::Address> proposer(const U256& proposalId) const;
    Result<bool> hasVoted(const U256& proposalId, const chain::Address& account) const;
    Result<std::vector<U256>> citations(const U256& proposalId) const;
    Result<U256> hashProposal(const ProposalActions& actions, const crypto::Hash256& descriptionHash) const;
    Result<Json> details(const U256& proposalId) const;
    Result<Bytes> proposeData(const ProposalActions& actions, const std::string& description) const;
    Result<Bytes> proposeWithCitationsData(const ProposalActions& actions, const std::string& description,
                                           const std::vector<U256>& cited) const;
    Result<Bytes> castVoteData(const U256& proposalId, VoteSupport support, const std::string& reason) const;
    Result<Bytes> queueData(const U256& proposalId) const;
    Result<Bytes> executeData(const U256& proposalId) const;
    Result<Bytes> cancelData(const U256& proposalId) const;
};

struct Rune {
    chain::Address agent, developer, infra;
    std::uint16_t developerBps = 0, infraBps = 0, stakersBps = 0;
};

// Marketplace.ListingParams.
struct ListingParams {
    std::uint8_t kind = 0; // Marketplace.Kind: 0 dataset, 1 data stream, 2 compute, 3 model licence
    U256 price = 0;
    crypto::Hash256 unit{};
    std::string metadataUri;
    crypto::Hash256 metadataHash{};
    Rune rune;
};

struct PurchaseInfo {
    U256 listingId = 0;
    chain::Address buyer;
    std::uint8_t status = 0; // Marketplace.Status
    U256 amount = 0;
    Json json; // every field, named
};

class MarketplaceBinding : public Binding {
public:
    using Binding::Binding;
    Result<Json> listing(const U256& listingId) const;
    Result<PurchaseInfo> purchase(const U256& purchaseId) const;
    Result<bool> hasLicence(const chain::Address& buyer, const U256& listingId) const;
    Result<U256> nonce(const chain::Address& provider) const;
    // The EIP-712 digest the provider signs, as the contract computes it.
    Result<crypto::Hash256> manifestDigest(const ListingParams& p, const chain::Address& provider, const U256& nonce) const;
    Result<Bytes> createListingData(const ListingParams& p) const;
    Result<Bytes> createSignedListingData(const ListingParams& p, const chain::Address& provider, ByteView signature) const;
    Result<Bytes> purchaseData(const U256& listingId, const U256& quantity, const U256& maxPrice) const;
    Result<Bytes> markDeliveredData(const U256& purchaseId, const crypto::Hash256& receiptHash) const;
    Result<Bytes> confirmData(const U256& purchaseId) const;
    Result<Bytes> disputeData(const U256& purchaseId, const U256& repStake, const std::string& claim) const;
};

// The EIP-712 typed data (eth_signTypedData_v4 JSON) of a listing manifest
// for the Marketplace at `verifyingContract` on `chainId`: what the
// provider's key signs, built with core/encoding/eip712.
Json manifestTypedData(const ListingParams& p, const chain::Address& provider, const U256& nonce, std::uint64_t chainId,
                       const chain::Address& verifyingContract);
// Marketplace.Status names ("escrowed", "delivered", ...).
std::string purchaseStatusName(std::uint8_t status);

class ModelRegistryBinding : public Binding {
public:
    using Binding::Binding;
    Result<Json> model(const U256& modelId) const;
    Result<Json> version(const U256& modelId, const U256& index) const;
    Result<std::uint8_t> ratingOf(const U256& modelId, const chain::Address& rater) const;
    Result<bool> canRate(const U256& modelId, const chain::Address& rater) const;
    Result<U256> licenceListing(const U256& modelId) const;
    Result<Bytes> registerModelData(const std::string& name, const std::string& spdx, const U256& licenceListing,
                                    const std::string& metadataUri, const crypto::Hash256& metadataHash) const;
    Result<Bytes> publishVersionData(const U256& modelId, const std::string& semver, const crypto::Hash256& artifactHash,
                                     const std::string& uri, const crypto::Hash256& metricsHash) const;
    Result<Bytes> rateData(const U256& modelId, std::uint8_t score) const;
    Result<Bytes> retireData(const U256& modelId) const;
};

struct PoolInfo {
    bool resolved = false;
    std::uint64_t deadline = 0;
    Json json;
};

class ValidationPoolBinding : public Binding {
public:
    using Binding::Binding;
    Result<PoolInfo> pool(const U256& poolId) const;
    Result<Json> voteOf(const U256& poolId, const chain::Address& voter) const;
    Result<U256> minStake() const;
    Result<Bytes> voteData(const U256& poolId, bool support, const U256& stake) const;
};

class RevenueDistributorBinding : public Binding {
public:
    using Binding::Binding;
    Result<U256> currentEpoch() const;
    Result<Json> epoch(const U256& epoch) const;
    Result<std::vector<U256>> shares() const; // bps per category: compute, data, developers, community
    Result<U256> claimable(const U256& epoch, std::uint8_t category, const chain::Address& account) const;
    Result<bool> hasClaimed(const U256& epoch, std::uint8_t category, const chain::Address& account) const;
    Result<U256> claimWindowEpochs() const;
    Result<U256> currentEpochEnd() const; // when the open epoch can be finalized (unix seconds)
    // The activity recorded for `account` in (epoch, category) (weights(...).activity).
    Result<U256> activityOf(const U256& epoch, std::uint8_t category, const chain::Address& account) const;
    Result<Bytes> finalizeData() const;
    Result<Bytes> checkInData(std::uint8_t category) const;
    Result<Bytes> claimData(const U256& epoch, std::uint8_t category) const;
    // Every (epoch, category) share in one transaction (claimMany).
    Result<Bytes> claimManyData(const std::vector<std::pair<U256, std::uint8_t>>& shares) const;
};

class TimelockBinding : public Binding {
public:
    using Binding::Binding;
    Result<U256> minDelay() const;
    Result<bool> isOperationReady(const crypto::Hash256& id) const;
};

class GuardianBinding : public Binding {
public:
    using Binding::Binding;
    Result<U256> threshold() const;
    Result<bool> isGuardian(const chain::Address& a) const;
    Result<Bytes> proposeCancelData(const crypto::Hash256& operationId) const;
    Result<Bytes> confirmData(const U256& txId) const;
    Result<Bytes> executeData(const U256& txId) const;
};

// Revenue categories as RevenueDistributor numbers them.
inline constexpr const char* kRevenueCategories[] = {"compute", "data", "developers", "community"};
std::optional<std::uint8_t> revenueCategory(std::string_view name);

// The binding of each contract in a Protocol.
Result<TokenBinding> token(const Protocol& p);
Result<ReputationBinding> reputation(const Protocol& p);
Result<StakingHubBinding> stakingHub(const Protocol& p);
// "token", "quadratic" or "member" (or the contract name).
Result<GovernorBinding> governor(const Protocol& p, std::string_view which);
Result<MarketplaceBinding> marketplace(const Protocol& p);
Result<ModelRegistryBinding> modelRegistry(const Protocol& p);
Result<ValidationPoolBinding> validationPool(const Protocol& p);
Result<RevenueDistributorBinding> revenueDistributor(const Protocol& p);
Result<TimelockBinding> timelock(const Protocol& p);
Result<GuardianBinding> guardian(const Protocol& p);

// The one line a user reads for a protocol revert: the plain-language
// meaning of the common custom errors ("licence required", "voting is
// closed", ...) followed by the decoded error, else the message unchanged.
std::string explainRevert(const std::string& message);

} // namespace ctrn::protocol
