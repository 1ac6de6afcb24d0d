#include <core/lightclient/protocol_proofs.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace ctrn::lightclient {

Result<StorageLayout> loadStorageLayout(const std::string& dir, const std::string& contract) {
    const std::string path = dir + "/" + contract + ".json";
    std::ifstream in(path);
    if (!in) return makeError(ErrorCode::NotFound, "no storage layout " + path + " (scripts/gen-storage-layout writes them)");
    std::stringstream text;
    text << in.rdbuf();
    CTRN_ASSIGN(Json json, parseJson(text.str()));
    return std::move(StorageLayout::fromJson(json)).withContext(path);
}

Result<std::vector<Field>> tokenAccountFields(const StorageLayout& token, const chain::Address& owner) {
    std::vector<Field> out;
    CTRN_ASSIGN(auto balance, token.path("_balances", {owner}));
    out.push_back({"balance", balance});
    CTRN_ASSIGN(auto locked, token.path("lockedOf", {owner}));
    out.push_back({"locked", locked});
    CTRN_ASSIGN(auto delegatee, token.path("_delegatee", {owner}));
    out.push_back({"delegatee", delegatee});
    CTRN_ASSIGN(auto checkpoints, token.path("_delegateCheckpoints", {owner}, "[]._checkpoints"));
    out.push_back({"checkpoints", checkpoints}); // a dynamic array's slot holds its length
    return out;
}

Result<std::vector<Field>> voteCheckpointFields(const StorageLayout& token, const chain::Address& owner, const U256& index) {
    CTRN_ASSIGN(auto array, token.path("_delegateCheckpoints", {owner}, "[]._checkpoints"));
    CTRN_ASSIGN(auto element, token.arrayElement(array, index));
    CTRN_ASSIGN(auto key, token.member(element, "_key"));
    CTRN_ASSIGN(auto value, token.member(element, "_value"));
    return std::vector<Field>{{"block", key}, {"votes", value}};
}

Result<std::vector<Field>> stakeFields(const StorageLayout& hub, const chain::Address& agent, const chain::Address& delegator) {
    std::vector<Field> out;
    const std::pair<const char*, const char*> agentFields[] = {{"agentRegistered", "registered"},
                                                               {"agentBondedStake", "bondedStake"},
                                                               {"agentBondedShares", "bondedShares"},
                                                               {"agentUnbondingStake", "unbondingStake"},
                                                               {"agentUnbondingShares", "unbondingShares"}};
    for (const auto& [name, member] : agentFields) {
        CTRN_ASSIGN(auto loc, hub.path("agents", {agent}, std::string("[].") + member));
        out.push_back({name, loc});
    }
    for (const char* member : {"principal", "shares", "unbondingShares", "unbondingReleaseAt"}) {
        CTRN_ASSIGN(auto loc, hub.path("positions", {delegator, agent}, std::string("[][].") + member));
        out.push_back({member, loc});
    }
    return out;
}

namespace {
// shares * pool / poolShares, rounded down: Math.mulDiv as the hub uses it
// (the product is taken in 512 bits, so it cannot overflow).
U256 shareValue(const U256& shares, const U256& pool, const U256& poolShares) {
    if (shares == 0 || poolShares == 0) return 0;
    if (shares == poolShares) return pool;
    return static_cast<U256>(BigInt(shares) * BigInt(pool) / BigInt(poolShares));
}
} // namespace

StakeValue stakeValue(const FieldValues& v) {
    return {shareValue(v.at("shares"), v.at("agentBondedStake"), v.at("agentBondedShares")),
            shareValue(v.at("unbondingShares"), v.at("agentUnbondingStake"), v.at("agentUnbondingShares"))};
}

Result<std::vector<Field>> proposalFields(const StorageLayout& governor, const U256& proposalId, const std::optional<chain::Address>& voter) {
    std::vector<Field> out;
    for (const char* name : {"againstVotes", "forVotes", "abstainVotes"}) {
        CTRN_ASSIGN(auto loc, governor.path("_proposalVotes", {proposalId}, std::string("[].") + name));
        out.push_back({name, loc});
    }
    for (const char* name : {"proposer", "voteStart", "voteDuration", "executed", "canceled", "etaSeconds"}) {
        CTRN_ASSIGN(auto loc, governor.path("_proposals", {proposalId}, std::string("[].") + name));
        out.push_back({name, loc});
    }
    if (voter) {
        CTRN_ASSIGN(auto loc, governor.path("_proposalVotes", {proposalId, *voter}, "[].hasVoted[]"));
        out.push_back({"hasVoted", loc});
    }
    return out;
}

Result<std::vector<Field>> listingFields(const StorageLayout& marketplace, const U256& listingId, const std::optional<chain::Address>& buyer) {
    std::vector<Field> out;
    for (const char* name : {"provider", "kind", "active", "price"}) {
        CTRN_ASSIGN(auto loc, marketplace.path("listings", {listingId}, std::string("[].") + name));
        out.push_back({name, loc});
    }
    if (buyer) {
        CTRN_ASSIGN(auto loc, marketplace.path("hasLicence", {*buyer, listingId}, "[][]"));
        out.push_back({"licence", loc});
    }
    return out;
}

Result<Checked<FieldValues>> proveFields(LightClient& client, const chain::Address& contract, const std::vector<Field>& fields) {
    std::vector<FixedBytes<32>> slots;
    for (const auto& f : fields) {
        auto key = f.location.slotKey();
        if (std::find(slots.begin(), slots.end(), key) == slots.end()) slots.push_back(key);
    }
    CTRN_ASSIGN(auto read, client.account(contract, slots));
    auto values = [&](const ProvenAccount& a) {
        FieldValues out;
        for (const auto& f : fields) {
            U256 word = 0;
            for (const auto& s : a.storage)
                if (s.slot == f.location.slotKey()) word = s.value;
            out[f.name] = StorageLayout::extract(f.location, word);
        }
        return out;
    };
    if (read.isMismatch()) return Checked<FieldValues>(read.mismatch());
    if (read.isUnverified()) return Checked<FieldValues>(rpc::Unverified<FieldValues>(values(read.unverified().unverifiedValue())));
    const auto& v = read.verified();
    return Checked<FieldValues>(Verified<FieldValues>(values(v.value()), v.blockNumber(), v.blockHash()));
}

Result<Checked<U256>> proveVotes(LightClient& client, const chain::Address& token, const StorageLayout& layout, const chain::Address& account) {
    CTRN_ASSIGN(auto fields, tokenAccountFields(layout, account));
    CTRN_ASSIGN(auto first, proveFields(client, token, fields));
    if (first.isMismatch()) return Checked<U256>(first.mismatch());
    if (first.isUnverified()) return makeError(ErrorCode::Unsupported, "votes cannot be read without storage proofs");
    const U256 count = first.verified().value().at("checkpoints");
    if (count == 0) return Checked<U256>(Verified<U256>(U256(0), first.verified().blockNumber(), first.verified().blockHash()));
    CTRN_ASSIGN(auto cpFields, voteCheckpointFields(layout, account, count - 1));
    CTRN_ASSIGN(auto second, proveFields(client, token, cpFields));
    if (second.isMismatch()) return Checked<U256>(second.mismatch());
    if (second.isUnverified()) return makeError(ErrorCode::Unsupported, "votes cannot be read without storage proofs");
    if (second.verified().blockHash() != first.verified().blockHash())
        return makeError(ErrorCode::Internal, "votes: the verified head moved between the two reads");
    return Checked<U256>(Verified<U256>(second.verified().value().at("votes"), second.verified().blockNumber(), second.verified().blockHash()));
}

} // namespace ctrn::lightclient
