#include <core/protocol/bindings.h>

#include <core/encoding/eip712.h>
#include <core/util/hex.h>

#include <algorithm>
#include <limits>

namespace ctrn::protocol {

using encoding::AbiValue;

namespace {

// --- The signatures the bindings use ------------------------------------------
// Names are k<Contract><Function>; each is listed in boundSignatures().

// ComputroniumToken
constexpr const char* kTokenBalanceOf = "balanceOf(address) returns (uint256)";
constexpr const char* kTokenUnlocked = "unlockedBalanceOf(address) returns (uint256)";
constexpr const char* kTokenLocked = "lockedOf(address) returns (uint256)";
constexpr const char* kTokenAllowance = "allowance(address,address) returns (uint256)";
constexpr const char* kTokenVotes = "getVotes(address) returns (uint256)";
constexpr const char* kTokenDelegates = "delegates(address) returns (address)";
constexpr const char* kTokenApprove = "approve(address,uint256) returns (bool)";
constexpr const char* kTokenTransfer = "transfer(address,uint256) returns (bool)";
constexpr const char* kTokenDelegate = "delegate(address)";
// Reputation
constexpr const char* kRepBalanceOf = "balanceOf(address) returns (uint256)";
// StakingHub
constexpr const char* kHubAgents =
    "agents(address) returns (bool,uint16,uint64,string,string,uint256,uint256,uint256,uint256,uint256,uint256)";
constexpr const char* kHubStakeOf = "stakeOf(address,address) returns (uint256,uint256)";
constexpr const char* kHubPositions = "positions(address,address) returns (uint256,uint256,uint64,uint256,uint256,uint256)";
constexpr const char* kHubPending = "pendingRewards(address,address) returns (uint256)";
constexpr const char* kHubUnbondingPeriod = "unbondingPeriod() returns (uint256)";
constexpr const char* kHubElectedCount = "electedCount() returns (uint256)";
constexpr const char* kHubElected = "electedAgents() returns (address[])";
constexpr const char* kHubAgentCount = "agentCount() returns (uint256)";
constexpr const char* kHubAgentList = "agentList(uint256) returns (address)";
constexpr const char* kHubRegister = "registerAgent(string,string,uint16)";
constexpr const char* kHubStake = "stake(address,uint256)";
constexpr const char* kHubUnstake = "requestUnstake(address,uint256)";
constexpr const char* kHubWithdraw = "withdraw(address) returns (uint256)";
constexpr const char* kHubClaim = "claim(address) returns (uint256)";
// Governors (all three)
constexpr const char* kGovState = "state(uint256) returns (uint8)";
constexpr const char* kGovThreshold = "proposalThreshold() returns (uint256)";
constexpr const char* kGovClock = "clock() returns (uint48)";
constexpr const char* kGovVotes = "getVotes(address,uint256) returns (uint256)";
constexpr const char* kGovSnapshot = "proposalSnapshot(uint256) returns (uint256)";
constexpr const char* kGovDeadline = "proposalDeadline(uint256) returns (uint256)";
constexpr const char* kGovTally = "proposalVotes(uint256) returns (uint256,uint256,uint256)";
constexpr const char* kGovProposer = "proposalProposer(uint256) returns (address)";
constexpr const char* kGovHasVoted = "hasVoted(uint256,address) returns (bool)";
constexpr const char* kGovCitations = "citations(uint256) returns (uint256[])";
constexpr const char* kGovHash = "hashProposal(address[],uint256[],bytes[],bytes32) returns (uint256)";
constexpr const char* kGovDetails = "proposalDetails(uint256) returns (address[],uint256[],bytes[],bytes32)";
constexpr const char* kGovPropose = "propose(address[],uint256[],bytes[],string) returns (uint256)";
constexpr const char* kGovProposeCiting =
    "proposeWithCitations(address[],uint256[],bytes[],string,uint256[]) returns (uint256)";
constexpr const char* kGovCastVote = "castVote(uint256,uint8) returns (uint256)";
constexpr const char* kGovCastVoteReason = "castVoteWithReason(uint256,uint8,string) returns (uint256)";
constexpr const char* kGovQueue = "queue(uint256)";
constexpr const char* kGovExecute = "execute(uint256)";
constexpr const char* kGovCancel = "cancel(uint256)";
// Marketplace
#define CTRN_LISTING_PARAMS "(uint8,uint256,bytes32,string,bytes32,(address,address,address,uint16,uint16,uint16))"
constexpr const char* kMarketGetListing =
    "getListing(uint256) returns ((address,uint8,bool,bool,uint64,uint256,bytes32,bytes32,string,(address,address,address,uint16,uint16,uint16)))";
constexpr const char* kMarketGetPurchase =
    "getPurchase(uint256) returns ((uint256,address,uint8,uint64,uint64,address,uint256,uint256,bytes32,uint256))";
constexpr const char* kMarketHasLicence = "hasLicence(address,uint256) returns (bool)";
constexpr const char* kMarketNonces = "nonces(address) returns (uint256)";
constexpr const char* kMarketDigest = "manifestDigest(" CTRN_LISTING_PARAMS ",address,uint256) returns (bytes32)";
constexpr const char* kMarketCreate = "createListing(" CTRN_LISTING_PARAMS ") returns (uint256)";
constexpr const char* kMarketCreateSigned = "createSignedListing(" CTRN_LISTING_PARAMS ",address,bytes) returns (uint256)";
constexpr const char* kMarketPurchase = "purchase(uint256,uint256,uint256) returns (uint256)";
constexpr const char* kMarketDeliver = "markDelivered(uint256,bytes32)";
constexpr const char* kMarketConfirm = "confirm(uint256)";
constexpr const char* kMarketDispute = "dispute(uint256,uint256,string) returns (uint256)";
#undef CTRN_LISTING_PARAMS
// ModelRegistry
constexpr const char* kRegGetModel =
    "getModel(uint256) returns ((address,uint8,uint8,uint64,uint256,uint256,uint256,uint256,bytes32,string,string,string))";
constexpr const char* kRegVersion = "version(uint256,uint256) returns ((string,bytes32,string,bytes32,uint64))";
constexpr const char* kRegRatingOf = "ratingOf(uint256,address) returns (uint8)";
constexpr const char* kRegCanRate = "canRate(uint256,address) returns (bool)";
constexpr const char* kRegRegister = "registerModel(string,string,uint256,string,bytes32) returns (uint256)";
constexpr const char* kRegPublish = "publishVersion(uint256,string,bytes32,string,bytes32) returns (uint256)";
constexpr const char* kRegRate = "rate(uint256,uint8)";
constexpr const char* kRegRetire = "retire(uint256)";
// ValidationPool
constexpr const char* kPoolGet =
    "getPool(uint256) returns ((address,uint8,bool,bool,uint64,uint64,address,uint256,uint256,uint256,string))";
constexpr const char* kPoolVotes = "votes(uint256,address) returns (uint256,bool,bool)";
constexpr const char* kPoolMinStake = "minStake() returns (uint256)";
constexpr const char* kPoolVote = "vote(uint256,bool,uint256)";
// RevenueDistributor
constexpr const char* kRevCurrentEpoch = "currentEpoch() returns (uint256)";
constexpr const char* kRevEpochs = "epochs(uint256) returns (uint64,uint64,bool,uint16,uint256,uint256,uint256)";
constexpr const char* kRevShares = "shares() returns (uint16[4])";
constexpr const char* kRevClaimable = "claimable(uint256,uint8,address) returns (uint256)";
constexpr const char* kRevHasClaimed = "hasClaimed(uint256,uint8,address) returns (bool)";
constexpr const char* kRevWindow = "claimWindowEpochs() returns (uint256)";
constexpr const char* kRevClaim = "claim(uint256,uint8) returns (uint256)";
constexpr const char* kRevClaimMany = "claimMany(uint256[],uint8[]) returns (uint256)";
constexpr const char* kRevEpochEnd = "currentEpochEnd() returns (uint256)";
constexpr const char* kRevFinalize = "finalizeEpoch()";
constexpr const char* kRevCheckIn = "checkIn(uint8)";
constexpr const char* kRevWeights = "weights(uint256,uint8,address) returns (uint256,uint256)";
// TimelockController
constexpr const char* kTimelockMinDelay = "getMinDelay() returns (uint256)";
constexpr const char* kTimelockReady = "isOperationReady(bytes32) returns (bool)";
// GuardianMultisig
constexpr const char* kGuardianThreshold = "threshold() returns (uint256)";
constexpr const char* kGuardianIs = "isGuardian(address) returns (bool)";
constexpr const char* kGuardianProposeCancel = "proposeCancel(bytes32) returns (uint256)";
constexpr const char* kGuardianConfirm = "confirm(uint256)";
constexpr const char* kGuardianExecute = "execute(uint256)";

using K = BoundSignature::Kind;

std::vector<BoundSignature> makeBoundSignatures() {
    std::vector<BoundSignature> out;
    auto add = [&](const char* contract, K kind, std::initializer_list<const char*> sigs) {
        for (const char* s : sigs) out.push_back({contract, kind, s});
    };
    add("ComputroniumToken", K::Function,
        {kTokenBalanceOf, kTokenUnlocked, kTokenLocked, kTokenAllowance, kTokenVotes, kTokenDelegates, kTokenApprove,
         kTokenTransfer, kTokenDelegate});
    add("ComputroniumToken", K::Event,
        {"Transfer(address indexed,address indexed,uint256)", "Locked(address indexed,uint256,uint256)",
         "Unlocked(address indexed,uint256,uint256)", "DelegateChanged(address indexed,address indexed,address indexed)"});
    add("ComputroniumToken", K::Error, {"TransferExceedsUnlocked(address,uint256,uint256)", "InsufficientLocked(address,uint256,uint256)"});
    add("Reputation", K::Function, {kRepBalanceOf});
    add("Reputation", K::Event, {"ReputationMinted(address indexed,uint256,bytes32 indexed,address indexed)"});
    add("Reputation", K::Error, {"NonTransferable()"});
    add("StakingHub", K::Function,
        {kHubAgents, kHubStakeOf, kHubPositions, kHubPending, kHubUnbondingPeriod, kHubElectedCount, kHubElected, kHubAgentCount, kHubAgentList, kHubRegister, kHubStake,
         kHubUnstake, kHubWithdraw, kHubClaim});
    add("StakingHub", K::Event,
        {"AgentRegistered(address indexed,string,string,uint16)", "Staked(address indexed,address indexed,uint256,uint256)",
         "UnstakeRequested(address indexed,address indexed,uint256,uint64)", "Withdrawn(address indexed,address indexed,uint256)",
         "RewardClaimed(address indexed,address indexed,uint256)"});
    add("StakingHub", K::Error,
        {"AgentAlreadyRegistered(address)", "AgentNotRegistered(address)", "CommissionTooHigh(uint16,uint16)", "EmptyName()",
         "InsufficientStake(uint256,uint256)", "UnbondingNotFinished(uint64)", "NothingToWithdraw()", "NothingToClaim()",
         "ZeroAmount()"});
    for (const char* gov : {"TokenGovernor", "QuadraticGovernor", "MemberGovernor"}) {
        add(gov, K::Function,
            {kGovState, kGovThreshold, kGovClock, kGovVotes, kGovSnapshot, kGovDeadline, kGovTally, kGovProposer, kGovHasVoted,
             kGovCitations, kGovHash, kGovDetails, kGovPropose, kGovProposeCiting, kGovCastVote, kGovCastVoteReason, kGovQueue,
             kGovExecute, kGovCancel});
        add(gov, K::Event,
            {"ProposalCreated(uint256,address,address[],uint256[],string[],bytes[],uint256,uint256,string)",
             "VoteCast(address indexed,uint256,uint8,uint256,string)", "ProposalQueued(uint256,uint256)", "ProposalExecuted(uint256)",
             "ProposalCanceled(uint256)", "ProposalCited(uint256 indexed,uint256 indexed)"});
        add(gov, K::Error,
            {"GovernorInsufficientProposerVotes(address,uint256,uint256)", "GovernorAlreadyCastVote(address)",
             "GovernorUnexpectedProposalState(uint256,uint8,bytes32)", "GovernorNonexistentProposal(uint256)",
             "GovernorUnableToCancel(uint256,address)", "UnknownCitation(uint256)", "TooManyCitations(uint256,uint256)",
             "NeedsGuardians()"});
    }
    add("Marketplace", K::Function,
        {kMarketGetListing, kMarketGetPurchase, kMarketHasLicence, kMarketNonces, kMarketDigest, kMarketCreate, kMarketCreateSigned,
         kMarketPurchase, kMarketDeliver, kMarketConfirm, kMarketDispute});
    add("Marketplace", K::Event,
        {"ListingCreated(uint256 indexed,address indexed,uint8,uint256,bytes32,string,bytes32,(address,address,address,uint16,uint16,uint16))",
         "Purchased(uint256 indexed,uint256 indexed,address indexed,uint256,uint256)", "Delivered(uint256 indexed,bytes32)",
         "Confirmed(uint256 indexed)", "Disputed(uint256 indexed,address indexed,uint256 indexed)",
         "LicenceGranted(address indexed,uint256 indexed)"});
    add("Marketplace", K::Error,
        {"InvalidSignature(address,address)", "ListingInactive(uint256)", "ManifestUsed(bytes32)", "NotBuyer(address)",
         "NotProvider(address)", "PriceChanged(uint256,uint256)", "SelfPurchase()", "UnknownListing(uint256)",
         "UnknownPurchase(uint256)", "WrongStatus(uint256,uint8)", "InvalidRune(uint256)"});
    add("ModelRegistry", K::Function,
        {kRegGetModel, kRegVersion, kRegRatingOf, kRegCanRate, kRegRegister, kRegPublish, kRegRate, kRegRetire});
    add("ModelRegistry", K::Event,
        {"ModelRegistered(uint256 indexed,address indexed,string,string,uint256,string,bytes32)",
         "VersionPublished(uint256 indexed,uint256 indexed,string,bytes32,string,bytes32)", "ModelRated(uint256 indexed,address indexed,uint8,uint8)",
         "ModelRetired(uint256 indexed)"});
    add("ModelRegistry", K::Error,
        {"NotEligible(address)", "NotOwner(address)", "InvalidScore(uint8)", "ModelIsRetired(uint256)", "UnknownModel(uint256)",
         "InvalidLicence()"});
    add("ValidationPool", K::Function, {kPoolGet, kPoolVotes, kPoolMinStake, kPoolVote});
    add("ValidationPool", K::Event, {"PoolVoted(uint256 indexed,address indexed,bool,uint256)"});
    add("ValidationPool", K::Error,
        {"VotingClosed(uint256)", "SideConflict(uint256,address)", "StakeTooLow(uint256,uint256)", "UnknownPool(uint256)",
         "InsufficientReputation(address,uint256)"});
    add("RevenueDistributor", K::Function,
        {kRevCurrentEpoch, kRevEpochs, kRevShares, kRevClaimable, kRevHasClaimed, kRevWindow, kRevClaim, kRevClaimMany, kRevEpochEnd, kRevFinalize, kRevCheckIn, kRevWeights});
    add("RevenueDistributor", K::Event, {"Claimed(uint256 indexed,uint8 indexed,address indexed,uint256)"});
    add("RevenueDistributor", K::Error,
        {"AlreadyClaimed(uint256,uint8,address)", "ClaimWindowClosed(uint256)", "EpochNotFinalized(uint256)", "NothingToClaim()",
         "NotActive(uint256,uint8,address)", "LengthMismatch(uint256,uint256)", "EpochNotOver(uint256)"});
    add("TimelockController", K::Function, {kTimelockMinDelay, kTimelockReady});
    add("TimelockController", K::Event, {"CallScheduled(bytes32 indexed,uint256 indexed,address,uint256,bytes,bytes32,uint256)"});
    add("TimelockController", K::Error, {"TimelockUnexpectedOperationState(bytes32,bytes32)"});
    add("GuardianMultisig", K::Function, {kGuardianThreshold, kGuardianIs, kGuardianProposeCancel, kGuardianConfirm, kGuardianExecute});
    add("GuardianMultisig", K::Event, {"TransactionSubmitted(uint256 indexed,address indexed,address indexed,bytes)"});
    add("GuardianMultisig", K::Error, {"NotGuardian(address)", "ThresholdNotReached(uint256,uint256,uint256)"});
    return out;
}

std::string plainSignature(std::string_view full) {
    auto at = full.find(" returns ");
    return std::string(at == std::string_view::npos ? full : full.substr(0, at));
}

std::string errorSignature(const AbiError& e) { return e.signature; }

AbiValue fixed32(const crypto::Hash256& h) { return AbiValue::bytes(Bytes(h.begin(), h.end())); }
AbiValue uintSmall(std::uint64_t v) { return AbiValue::uint(U256(v)); }

AbiValue runeValue(const Rune& r) {
    return AbiValue::list({abiAddress(r.agent), abiAddress(r.developer), abiAddress(r.infra), uintSmall(r.developerBps),
                           uintSmall(r.infraBps), uintSmall(r.stakersBps)});
}

AbiValue listingValue(const ListingParams& p) {
    return AbiValue::list({uintSmall(p.kind), AbiValue::uint(p.price), fixed32(p.unit), AbiValue::string(p.metadataUri),
                           fixed32(p.metadataHash), runeValue(p.rune)});
}

AbiValue addressList(const std::vector<chain::Address>& v) {
    AbiValue::List items;
    for (const auto& a : v) items.push_back(abiAddress(a));
    return AbiValue::list(std::move(items));
}

AbiValue uintList(const std::vector<U256>& v) {
    AbiValue::List items;
    for (const auto& x : v) items.push_back(AbiValue::uint(x));
    return AbiValue::list(std::move(items));
}

AbiValue bytesList(const std::vector<Bytes>& v) {
    AbiValue::List items;
    for (const auto& b : v) items.push_back(AbiValue::bytes(b));
    return AbiValue::list(std::move(items));
}

Result<std::uint64_t> smallAt(const std::vector<AbiValue>& values, std::size_t i) {
    CTRN_ASSIGN(U256 v, u256At(values, i));
    if (v > U256(std::numeric_limits<std::uint64_t>::max())) return makeError(ErrorCode::InvalidEncoding, "contract answer out of range");
    return static_cast<std::uint64_t>(v);
}

} // namespace

const std::vector<BoundSignature>& boundSignatures() {
    static const std::vector<BoundSignature> all = makeBoundSignatures();
    return all;
}

Status checkBindings(const ProtocolAbis& abis) {
    std::string problems;
    for (const auto& b : boundSignatures()) {
        auto c = abis.contract(b.contract);
        if (!c) {
            problems += "\n  " + b.contract + ": no ABI";
            continue;
        }
        bool found = false;
        switch (b.kind) {
        case K::Function:
            for (const auto& f : (*c)->functions()) found = found || f.fullSignature() == b.signature;
            break;
        case K::Event:
            for (const auto& e : (*c)->events()) found = found || e.fullSignature() == b.signature;
            break;
        case K::Error:
            for (const auto& e : (*c)->errors()) found = found || errorSignature(e) == b.signature;
            break;
        }
        if (!found) problems += "\n  " + b.contract + "." + b.signature;
    }
    if (!problems.empty())
        return makeError(ErrorCode::VerificationFailed, "bindings out of date with resources/abi:" + problems);
    return Ok{};
}

// --- Binding -------------------------------------------------------------------

Result<std::string> Binding::bound(std::string_view full) const {
    // Only signatures listed in boundSignatures() (and so checked by the
    // test against resources/abi) may be used.
    bool listed = false;
    for (const auto& b : boundSignatures())
        listed = listed || (b.kind == K::Function && b.contract == m_contract.name() && b.signature == full);
    if (!listed)
        return makeError(ErrorCode::Internal, "binding uses " + m_contract.name() + "." + std::string(full) + ", which boundSignatures() does not list");
    std::string plain = plainSignature(full);
    auto f = m_contract.abi().function(plain);
    if (!f || (*f)->fullSignature() != full)
        return makeError(ErrorCode::VerificationFailed, "binding out of date with resources/abi: " + m_contract.name() + "." +
                                                            std::string(full) + " is not in the ABI");
    return plain;
}

Result<Bytes> Binding::data(std::string_view full, std::vector<AbiValue> args) const {
    CTRN_ASSIGN(std::string plain, bound(full));
    return m_contract.calldata(plain, args);
}

Result<std::vector<AbiValue>> Binding::values(std::string_view full, std::vector<AbiValue> args) const {
    CTRN_ASSIGN(std::string plain, bound(full));
    return m_contract.readValues(plain, args);
}

Result<Json> Binding::json(std::string_view full, std::vector<AbiValue> args) const {
    CTRN_ASSIGN(std::string plain, bound(full));
    CTRN_ASSIGN(const AbiFunction* f, m_contract.abi().function(plain));
    CTRN_ASSIGN(auto v, m_contract.readValues(plain, args));
    if (f->outputs.size() == 1) return paramToJson(f->outputs[0], v[0]);
    return paramsToJson(f->outputs, v);
}

Result<U256> Binding::u256(std::string_view full, std::vector<AbiValue> args) const {
    CTRN_ASSIGN(auto v, values(full, std::move(args)));
    return u256At(v, 0);
}

Result<bool> Binding::boolean(std::string_view full, std::vector<AbiValue> args) const {
    CTRN_ASSIGN(auto v, values(full, std::move(args)));
    return boolAt(v, 0);
}

// --- Token, reputation -----------------------------------------------------------

Result<U256> TokenBinding::balanceOf(const chain::Address& a) const { return u256(kTokenBalanceOf, {abiAddress(a)}); }
Result<U256> TokenBinding::unlockedBalanceOf(const chain::Address& a) const { return u256(kTokenUnlocked, {abiAddress(a)}); }
Result<U256> TokenBinding::lockedOf(const chain::Address& a) const { return u256(kTokenLocked, {abiAddress(a)}); }
Result<U256> TokenBinding::allowance(const chain::Address& owner, const chain::Address& spender) const {
    return u256(kTokenAllowance, {abiAddress(owner), abiAddress(spender)});
}
Result<U256> TokenBinding::votes(const chain::Address& a) const { return u256(kTokenVotes, {abiAddress(a)}); }
Result<chain::Address> TokenBinding::delegates(const chain::Address& a) const {
    CTRN_ASSIGN(auto v, values(kTokenDelegates, {abiAddress(a)}));
    return addressAt(v, 0);
}
Result<Bytes> TokenBinding::approveData(const chain::Address& spender, const U256& amount) const {
    return data(kTokenApprove, {abiAddress(spender), abiUint(amount)});
}
Result<Bytes> TokenBinding::transferData(const chain::Address& to, const U256& amount) const {
    return data(kTokenTransfer, {abiAddress(to), abiUint(amount)});
}
Result<Bytes> TokenBinding::delegateData(const chain::Address& delegatee) const { return data(kTokenDelegate, {abiAddress(delegatee)}); }

Result<U256> ReputationBinding::balanceOf(const chain::Address& a) const { return u256(kRepBalanceOf, {abiAddress(a)}); }

// --- StakingHub -----------------------------------------------------------------

Result<Json> StakingHubBinding::agent(const chain::Address& agent) const { return json(kHubAgents, {abiAddress(agent)}); }

Result<bool> StakingHubBinding::isAgent(const chain::Address& agent) const {
    CTRN_ASSIGN(auto v, values(kHubAgents, {abiAddress(agent)}));
    return boolAt(v, 0);
}

Result<StakePosition> StakingHubBinding::position(const chain::Address& holder, const chain::Address& agent) const {
    StakePosition p;
    CTRN_ASSIGN(auto stake, values(kHubStakeOf, {abiAddress(holder), abiAddress(agent)}));
    CTRN_ASSIGN(p.bonded, u256At(stake, 0));
    CTRN_ASSIGN(p.unbonding, u256At(stake, 1));
    CTRN_ASSIGN(auto pos, values(kHubPositions, {abiAddress(holder), abiAddress(agent)}));
    CTRN_ASSIGN(p.unbondingReleaseAt, smallAt(pos, 2));
    CTRN_ASSIGN(p.pendingRewards, u256(kHubPending, {abiAddress(holder), abiAddress(agent)}));
    return p;
}

Result<U256> StakingHubBinding::unbondingPeriod() const { return u256(kHubUnbondingPeriod, {}); }
Result<U256> StakingHubBinding::electedCount() const { return u256(kHubElectedCount, {}); }

Result<std::vector<chain::Address>> StakingHubBinding::electedAgents() const {
    CTRN_ASSIGN(auto v, values(kHubElected, {}));
    std::vector<chain::Address> out;
    if (v.empty() || !v[0].isList()) return makeError(ErrorCode::InvalidEncoding, "electedAgents: expected a list");
    for (const auto& a : v[0].asList()) out.emplace_back(a.asAddress());
    return out;
}

Result<std::vector<chain::Address>> StakingHubBinding::agentList() const {
    CTRN_ASSIGN(U256 count, u256(kHubAgentCount, {}));
    std::vector<chain::Address> out;
    for (U256 i = 0; i < count; ++i) {
        CTRN_ASSIGN(auto v, values(kHubAgentList, {abiUint(i)}));
        CTRN_ASSIGN(chain::Address a, addressAt(v, 0));
        out.push_back(a);
    }
    return out;
}

Result<Bytes> StakingHubBinding::registerAgentData(const std::string& name, const std::string& metadataUri,
                                                   std::uint16_t commissionBps) const {
    return data(kHubRegister, {AbiValue::string(name), AbiValue::string(metadataUri), uintSmall(commissionBps)});
}
Result<Bytes> StakingHubBinding::stakeData(const chain::Address& agent, const U256& amount) const {
    return data(kHubStake, {abiAddress(agent), abiUint(amount)});
}
Result<Bytes> StakingHubBinding::requestUnstakeData(const chain::Address& agent, const U256& amount) const {
    return data(kHubUnstake, {abiAddress(agent), abiUint(amount)});
}
Result<Bytes> StakingHubBinding::withdrawData(const chain::Address& agent) const { return data(kHubWithdraw, {abiAddress(agent)}); }
Result<Bytes> StakingHubBinding::claimData(const chain::Address& agent) const { return data(kHubClaim, {abiAddress(agent)}); }

// --- Governors --------------------------------------------------------------------

std::string proposalStateName(ProposalState s) {
    static const char* const names[] = {"pending", "active", "canceled", "defeated", "succeeded", "queued", "expired", "executed"};
    auto i = static_cast<std::size_t>(s);
    return i < std::size(names) ? names[i] : "unknown";
}

Result<ProposalState> GovernorBinding::state(const U256& proposalId) const {
    CTRN_ASSIGN(auto v, values(kGovState, {abiUint(proposalId)}));
    CTRN_ASSIGN(std::uint64_t s, smallAt(v, 0));
    if (s > static_cast<std::uint64_t>(ProposalState::Executed)) return makeError(ErrorCode::InvalidEncoding, "unknown proposal state");
    return static_cast<ProposalState>(s);
}
Result<U256> GovernorBinding::proposalThreshold() const { return u256(kGovThreshold, {}); }
Result<U256> GovernorBinding::clock() const { return u256(kGovClock, {}); }
Result<U256> GovernorBinding::votesAt(const chain::Address& account, const U256& timepoint) const {
    return u256(kGovVotes, {abiAddress(account), abiUint(timepoint)});
}
Result<U256> GovernorBinding::snapshot(const U256& id) const { return u256(kGovSnapshot, {abiUint(id)}); }
Result<U256> GovernorBinding::deadline(const U256& id) const { return u256(kGovDeadline, {abiUint(id)}); }
Result<Json> GovernorBinding::tally(const U256& id) const { return json(kGovTally, {abiUint(id)}); }
Result<chain::Address> GovernorBinding::proposer(const U256& id) const {
    CTRN_ASSIGN(auto v, values(kGovProposer, {abiUint(id)}));
    return addressAt(v, 0);
}
Result<bool> GovernorBinding::hasVoted(const U256& id, const chain::Address& account) const {
    return boolean(kGovHasVoted, {abiUint(id), abiAddress(account)});
}
Result<std::vector<U256>> GovernorBinding::citations(const U256& id) const {
    CTRN_ASSIGN(auto v, values(kGovCitations, {abiUint(id)}));
    std::vector<U256> out;
    if (v.empty() || !v[0].isList()) return makeError(ErrorCode::InvalidEncoding, "citations: expected a list");
    for (const auto& x : v[0].asList()) {
        CTRN_ASSIGN(U256 n, x.toU256());
        out.push_back(n);
    }
    return out;
}
Result<U256> GovernorBinding::hashProposal(const ProposalActions& a, const crypto::Hash256& descriptionHash) const {
    return u256(kGovHash, {addressList(a.targets), uintList(a.values), bytesList(a.calldatas), fixed32(descriptionHash)});
}
Result<Json> GovernorBinding::details(const U256& id) const { return json(kGovDetails, {abiUint(id)}); }
Result<Bytes> GovernorBinding::proposeData(const ProposalActions& a, const std::string& description) const {
    return data(kGovPropose, {addressList(a.targets), uintList(a.values), bytesList(a.calldatas), AbiValue::string(description)});
}
Result<Bytes> GovernorBinding::proposeWithCitationsData(const ProposalActions& a, const std::string& description,
                                                        const std::vector<U256>& cited) const {
    return data(kGovProposeCiting, {addressList(a.targets), uintList(a.values), bytesList(a.calldatas),
                                    AbiValue::string(description), uintList(cited)});
}
Result<Bytes> GovernorBinding::castVoteData(const U256& id, VoteSupport support, const std::string& reason) const {
    if (reason.empty()) return data(kGovCastVote, {abiUint(id), uintSmall(static_cast<std::uint8_t>(support))});
    return data(kGovCastVoteReason, {abiUint(id), uintSmall(static_cast<std::uint8_t>(support)), AbiValue::string(reason)});
}
Result<Bytes> GovernorBinding::queueData(const U256& id) const { return data(kGovQueue, {abiUint(id)}); }
Result<Bytes> GovernorBinding::executeData(const U256& id) const { return data(kGovExecute, {abiUint(id)}); }
Result<Bytes> GovernorBinding::cancelData(const U256& id) const { return data(kGovCancel, {abiUint(id)}); }

// --- Marketplace -----------------------------------------------------------------

std::string purchaseStatusName(std::uint8_t status) {
    static const char* const names[] = {"none", "escrowed", "delivered", "disputed", "settled", "refunded"};
    return status < std::size(names) ? names[status] : "unknown";
}

Result<Json> MarketplaceBinding::listing(const U256& id) const { return json(kMarketGetListing, {abiUint(id)}); }

Result<PurchaseInfo> MarketplaceBinding::purchase(const U256& id) const {
    CTRN_ASSIGN(auto v, values(kMarketGetPurchase, {abiUint(id)}));
    if (v.empty() || !v[0].isList() || v[0].asList().size() != 10)
        return makeError(ErrorCode::InvalidEncoding, "getPurchase: unexpected answer");
    const auto& f = v[0].asList();
    PurchaseInfo p;
    CTRN_ASSIGN(p.listingId, f[0].toU256());
    p.buyer = chain::Address(f[1].asAddress());
    CTRN_ASSIGN(U256 status, f[2].toU256());
    p.status = static_cast<std::uint8_t>(status);
    CTRN_ASSIGN(p.amount, f[7].toU256());
    CTRN_ASSIGN(p.json, json(kMarketGetPurchase, {abiUint(id)}));
    return p;
}

Result<bool> MarketplaceBinding::hasLicence(const chain::Address& buyer, const U256& listingId) const {
    return boolean(kMarketHasLicence, {abiAddress(buyer), abiUint(listingId)});
}
Result<U256> MarketplaceBinding::nonce(const chain::Address& provider) const { return u256(kMarketNonces, {abiAddress(provider)}); }

Result<crypto::Hash256> MarketplaceBinding::manifestDigest(const ListingParams& p, const chain::Address& provider, const U256& n) const {
    CTRN_ASSIGN(auto v, values(kMarketDigest, {listingValue(p), abiAddress(provider), abiUint(n)}));
    if (v.empty() || !v[0].isBytes() || v[0].asBytes().size() != 32)
        return makeError(ErrorCode::InvalidEncoding, "manifestDigest: unexpected answer");
    return toFixed<32>(v[0].asBytes());
}

Result<Bytes> MarketplaceBinding::createListingData(const ListingParams& p) const { return data(kMarketCreate, {listingValue(p)}); }
Result<Bytes> MarketplaceBinding::createSignedListingData(const ListingParams& p, const chain::Address& provider, ByteView sig) const {
    return data(kMarketCreateSigned, {listingValue(p), abiAddress(provider), AbiValue::bytes(toBytes(sig))});
}
Result<Bytes> MarketplaceBinding::purchaseData(const U256& listingId, const U256& quantity, const U256& maxPrice) const {
    return data(kMarketPurchase, {abiUint(listingId), abiUint(quantity), abiUint(maxPrice)});
}
Result<Bytes> MarketplaceBinding::markDeliveredData(const U256& id, const crypto::Hash256& receipt) const {
    return data(kMarketDeliver, {abiUint(id), fixed32(receipt)});
}
Result<Bytes> MarketplaceBinding::confirmData(const U256& id) const { return data(kMarketConfirm, {abiUint(id)}); }
Result<Bytes> MarketplaceBinding::disputeData(const U256& id, const U256& repStake, const std::string& claim) const {
    return data(kMarketDispute, {abiUint(id), abiUint(repStake), AbiValue::string(claim)});
}

Json manifestTypedData(const ListingParams& p, const chain::Address& provider, const U256& nonce, std::uint64_t chainId,
                       const chain::Address& verifyingContract) {
    Json types = {
        {"EIP712Domain",
         {{{"name", "name"}, {"type", "string"}},
          {{"name", "version"}, {"type", "string"}},
          {{"name", "chainId"}, {"type", "uint256"}},
          {{"name", "verifyingContract"}, {"type", "address"}}}},
        {"Manifest",
         {{{"name", "provider"}, {"type", "address"}},
          {{"name", "kind"}, {"type", "uint8"}},
          {{"name", "price"}, {"type", "uint256"}},
          {{"name", "unit"}, {"type", "bytes32"}},
          {{"name", "metadataURI"}, {"type", "string"}},
          {{"name", "metadataHash"}, {"type", "bytes32"}},
          {{"name", "rune"}, {"type", "Rune"}},
          {{"name", "nonce"}, {"type", "uint256"}}}},
        {"Rune",
         {{{"name", "agent"}, {"type", "address"}},
          {{"name", "developer"}, {"type", "address"}},
          {{"name", "infra"}, {"type", "address"}},
          {{"name", "developerBps"}, {"type", "uint16"}},
          {{"name", "infraBps"}, {"type", "uint16"}},
          {{"name", "stakersBps"}, {"type", "uint16"}}}},
    };
    Json message = {{"provider", provider.checksummed()},
                    {"kind", p.kind},
                    {"price", toDecimal(p.price)},
                    {"unit", toHex(p.unit)},
                    {"metadataURI", p.metadataUri},
                    {"metadataHash", toHex(p.metadataHash)},
                    {"rune",
                     {{"agent", p.rune.agent.checksummed()},
                      {"developer", p.rune.developer.checksummed()},
                      {"infra", p.rune.infra.checksummed()},
                      {"developerBps", p.rune.developerBps},
                      {"infraBps", p.rune.infraBps},
                      {"stakersBps", p.rune.stakersBps}}},
                    {"nonce", toDecimal(nonce)}};
    return {{"types", types},
            {"primaryType", "Manifest"},
            {"domain",
             {{"name", "Computronium Marketplace"},
              {"version", "1"},
              {"chainId", std::to_string(chainId)},
              {"verifyingContract", verifyingContract.checksummed()}}},
            {"message", message}};
}

// --- ModelRegistry -----------------------------------------------------------------

Result<Json> ModelRegistryBinding::model(const U256& id) const { return json(kRegGetModel, {abiUint(id)}); }
Result<Json> ModelRegistryBinding::version(const U256& id, const U256& index) const {
    return json(kRegVersion, {abiUint(id), abiUint(index)});
}
Result<std::uint8_t> ModelRegistryBinding::ratingOf(const U256& id, const chain::Address& rater) const {
    CTRN_ASSIGN(auto v, values(kRegRatingOf, {abiUint(id), abiAddress(rater)}));
    CTRN_ASSIGN(std::uint64_t r, smallAt(v, 0));
    return static_cast<std::uint8_t>(r);
}
Result<bool> ModelRegistryBinding::canRate(const U256& id, const chain::Address& rater) const {
    return boolean(kRegCanRate, {abiUint(id), abiAddress(rater)});
}
Result<U256> ModelRegistryBinding::licenceListing(const U256& id) const {
    CTRN_ASSIGN(auto v, values(kRegGetModel, {abiUint(id)}));
    if (v.empty() || !v[0].isList() || v[0].asList().size() != 12)
        return makeError(ErrorCode::InvalidEncoding, "getModel: unexpected answer");
    return v[0].asList()[4].toU256();
}
Result<Bytes> ModelRegistryBinding::registerModelData(const std::string& name, const std::string& spdx, const U256& licenceListing,
                                                      const std::string& metadataUri, const crypto::Hash256& metadataHash) const {
    return data(kRegRegister, {AbiValue::string(name), AbiValue::string(spdx), abiUint(licenceListing), AbiValue::string(metadataUri),
                               fixed32(metadataHash)});
}
Result<Bytes> ModelRegistryBinding::publishVersionData(const U256& id, const std::string& semver, const crypto::Hash256& artifactHash,
                                                       const std::string& uri, const crypto::Hash256& metricsHash) const {
    return data(kRegPublish, {abiUint(id), AbiValue::string(semver), fixed32(artifactHash), AbiValue::string(uri), fixed32(metricsHash)});
}
Result<Bytes> ModelRegistryBinding::rateData(const U256& id, std::uint8_t score) const { return data(kRegRate, {abiUint(id), uintSmall(score)}); }
Result<Bytes> ModelRegistryBinding::retireData(const U256& id) const { return data(kRegRetire, {abiUint(id)}); }

// --- ValidationPool ------------------------------------------------------------------

Result<PoolInfo> ValidationPoolBinding::pool(const U256& id) const {
    CTRN_ASSIGN(auto v, values(kPoolGet, {abiUint(id)}));
    if (v.empty() || !v[0].isList() || v[0].asList().size() != 11) return makeError(ErrorCode::InvalidEncoding, "getPool: unexpected answer");
    const auto& f = v[0].asList();
    PoolInfo p;
    p.resolved = f[2].asBool();
    CTRN_ASSIGN(U256 deadline, f[5].toU256());
    p.deadline = static_cast<std::uint64_t>(deadline);
    CTRN_ASSIGN(p.json, json(kPoolGet, {abiUint(id)}));
    return p;
}
Result<Json> ValidationPoolBinding::voteOf(const U256& id, const chain::Address& voter) const {
    return json(kPoolVotes, {abiUint(id), abiAddress(voter)});
}
Result<U256> ValidationPoolBinding::minStake() const { return u256(kPoolMinStake, {}); }
Result<Bytes> ValidationPoolBinding::voteData(const U256& id, bool support, const U256& stake) const {
    return data(kPoolVote, {abiUint(id), AbiValue::boolean(support), abiUint(stake)});
}

// --- RevenueDistributor --------------------------------------------------------------

Result<U256> RevenueDistributorBinding::currentEpoch() const { return u256(kRevCurrentEpoch, {}); }
Result<Json> RevenueDistributorBinding::epoch(const U256& e) const { return json(kRevEpochs, {abiUint(e)}); }
Result<std::vector<U256>> RevenueDistributorBinding::shares() const {
    CTRN_ASSIGN(auto v, values(kRevShares, {}));
    std::vector<U256> out;
    if (v.empty() || !v[0].isList()) return makeError(ErrorCode::InvalidEncoding, "shares: expected a list");
    for (const auto& x : v[0].asList()) {
        CTRN_ASSIGN(U256 n, x.toU256());
        out.push_back(n);
    }
    return out;
}
Result<U256> RevenueDistributorBinding::claimable(const U256& e, std::uint8_t category, const chain::Address& a) const {
    return u256(kRevClaimable, {abiUint(e), uintSmall(category), abiAddress(a)});
}
Result<bool> RevenueDistributorBinding::hasClaimed(const U256& e, std::uint8_t category, const chain::Address& a) const {
    return boolean(kRevHasClaimed, {abiUint(e), uintSmall(category), abiAddress(a)});
}
Result<U256> RevenueDistributorBinding::claimWindowEpochs() const { return u256(kRevWindow, {}); }
Result<U256> RevenueDistributorBinding::currentEpochEnd() const { return u256(kRevEpochEnd, {}); }
Result<U256> RevenueDistributorBinding::activityOf(const U256& e, std::uint8_t category, const chain::Address& a) const {
    CTRN_ASSIGN(auto v, values(kRevWeights, {abiUint(e), uintSmall(category), abiAddress(a)}));
    if (v.size() != 2) return makeError(ErrorCode::InvalidEncoding, "weights: expected (stake, activity)");
    return v[1].toU256();
}
Result<Bytes> RevenueDistributorBinding::finalizeData() const { return data(kRevFinalize, {}); }
Result<Bytes> RevenueDistributorBinding::checkInData(std::uint8_t category) const { return data(kRevCheckIn, {uintSmall(category)}); }
Result<Bytes> RevenueDistributorBinding::claimData(const U256& e, std::uint8_t category) const {
    return data(kRevClaim, {abiUint(e), uintSmall(category)});
}
Result<Bytes> RevenueDistributorBinding::claimManyData(const std::vector<std::pair<U256, std::uint8_t>>& shares) const {
    AbiValue::List epochs, categories;
    for (const auto& [e, category] : shares) {
        epochs.push_back(abiUint(e));
        categories.push_back(uintSmall(category));
    }
    return data(kRevClaimMany, {AbiValue::list(std::move(epochs)), AbiValue::list(std::move(categories))});
}

std::optional<std::uint8_t> revenueCategory(std::string_view name) {
    for (std::size_t i = 0; i < std::size(kRevenueCategories); ++i)
        if (name == kRevenueCategories[i]) return static_cast<std::uint8_t>(i);
    return std::nullopt;
}

// --- Timelock, guardians ----------------------------------------------------------------

Result<U256> TimelockBinding::minDelay() const { return u256(kTimelockMinDelay, {}); }
Result<bool> TimelockBinding::isOperationReady(const crypto::Hash256& id) const { return boolean(kTimelockReady, {fixed32(id)}); }
Result<U256> GuardianBinding::threshold() const { return u256(kGuardianThreshold, {}); }
Result<bool> GuardianBinding::isGuardian(const chain::Address& a) const { return boolean(kGuardianIs, {abiAddress(a)}); }
Result<Bytes> GuardianBinding::proposeCancelData(const crypto::Hash256& id) const { return data(kGuardianProposeCancel, {fixed32(id)}); }
Result<Bytes> GuardianBinding::confirmData(const U256& txId) const { return data(kGuardianConfirm, {abiUint(txId)}); }
Result<Bytes> GuardianBinding::executeData(const U256& txId) const { return data(kGuardianExecute, {abiUint(txId)}); }

// --- Lookup -----------------------------------------------------------------------------

Result<TokenBinding> token(const Protocol& p) {
    CTRN_ASSIGN(Contract c, p.contract("ComputroniumToken"));
    return TokenBinding(std::move(c));
}
Result<ReputationBinding> reputation(const Protocol& p) {
    CTRN_ASSIGN(Contract c, p.contract("Reputation"));
    return ReputationBinding(std::move(c));
}
Result<StakingHubBinding> stakingHub(const Protocol& p) {
    CTRN_ASSIGN(Contract c, p.contract("StakingHub"));
    return StakingHubBinding(std::move(c));
}
Result<GovernorBinding> governor(const Protocol& p, std::string_view which) {
    std::string name = which == "token"       ? "TokenGovernor"
                       : which == "quadratic" ? "QuadraticGovernor"
                       : which == "member"    ? "MemberGovernor"
                                              : std::string(which);
    if (name != "TokenGovernor" && name != "QuadraticGovernor" && name != "MemberGovernor")
        return makeError(ErrorCode::InvalidInput, "governor must be token, quadratic or member, not '" + std::string(which) + "'");
    CTRN_ASSIGN(Contract c, p.contract(name));
    return GovernorBinding(std::move(c));
}
Result<MarketplaceBinding> marketplace(const Protocol& p) {
    CTRN_ASSIGN(Contract c, p.contract("Marketplace"));
    return MarketplaceBinding(std::move(c));
}
Result<ModelRegistryBinding> modelRegistry(const Protocol& p) {
    CTRN_ASSIGN(Contract c, p.contract("ModelRegistry"));
    return ModelRegistryBinding(std::move(c));
}
Result<ValidationPoolBinding> validationPool(const Protocol& p) {
    CTRN_ASSIGN(Contract c, p.contract("ValidationPool"));
    return ValidationPoolBinding(std::move(c));
}
Result<RevenueDistributorBinding> revenueDistributor(const Protocol& p) {
    CTRN_ASSIGN(Contract c, p.contract("RevenueDistributor"));
    return RevenueDistributorBinding(std::move(c));
}
Result<TimelockBinding> timelock(const Protocol& p) {
    CTRN_ASSIGN(Contract c, p.contract("TimelockController"));
    return TimelockBinding(std::move(c));
}
Result<GuardianBinding> guardian(const Protocol& p) {
    CTRN_ASSIGN(Contract c, p.contract("GuardianMultisig"));
    return GuardianBinding(std::move(c));
}

// --- Revert reasons ------------------------------------------------------------------------

std::string explainRevert(const std::string& message) {
    // Custom error name -> what it means for the user who sent the call.
    static const std::pair<const char*, const char*> meanings[] = {
        {"NotEligible(", "licence required: rating needs a licence for the model (or reputation)"},
        {"VotingClosed(", "voting is closed"},
        {"GovernorUnexpectedProposalState(", "the proposal is not in a state that allows this"},
        {"GovernorInsufficientProposerVotes(", "proposal threshold not met"},
        {"GovernorAlreadyCastVote(", "already voted"},
        {"NeedsGuardians(", "a constitutional change is executed through the guardian multisig (GuardianMultisig.proposeExecute, then its "
                            "confirmations) for 14 days after its timelock is ready; after that anyone may execute it"},
        {"TransferExceedsUnlocked(", "insufficient unlocked balance"},
        {"ERC20InsufficientBalance(", "insufficient balance"},
        {"InsufficientStake(", "insufficient stake"},
        {"UnbondingNotFinished(", "unbonding not finished"},
        {"NothingToWithdraw(", "nothing to withdraw"},
        {"NothingToClaim(", "nothing to claim"},
        {"AgentAlreadyRegistered(", "already registered as an agent"},
        {"AgentNotRegistered(", "not a registered agent"},
        {"SelfPurchase(", "a provider cannot buy its own listing"},
        {"NotProvider(", "only the listing's provider may do this"},
        {"NotBuyer(", "only the buyer may do this"},
        {"WrongStatus(", "the purchase is not in a state that allows this"},
        {"AlreadyClaimed(", "already claimed"},
        {"EpochNotOver(", "the revenue epoch is not over yet: it can be finalized at its end"},
        {"NotActive(", "check in to this category needs activity recorded in it this epoch (the community category needs none)"},
        {"NotOwner(", "only the owner may do this"},
        {"ModelIsRetired(", "model is retired"},
        {"InvalidLicence(", "a model needs an SPDX licence or a model-licence listing of its own"},
        {"InsufficientReputation(", "insufficient reputation"},
        {"SideConflict(", "already voted on the other side"},
        {"StakeTooLow(", "stake below the minimum"},
    };
    for (const auto& [name, meaning] : meanings) {
        auto at = message.find(name);
        if (at == std::string::npos) continue;
        // "execution NotEligible(0x…)" -> "licence required: … (NotEligible(0x…))"
        std::string error = message.substr(at);
        return std::string(meaning) + " (" + error + ")";
    }
    return message;
}

} // namespace ctrn::protocol
