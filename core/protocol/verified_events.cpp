#include <core/protocol/verified_events.h>

#include <core/protocol/logs.h>

#include <algorithm>
#include <map>

namespace ctrn::protocol {

const std::vector<std::string>& governanceContracts() {
    static const std::vector<std::string> names{"TokenGovernor", "QuadraticGovernor", "MemberGovernor", "TimelockController",
                                                "GuardianMultisig"};
    return names;
}

namespace {

bool jsonHasAddress(const Json& value, const std::string& lowerAddress) {
    if (value.is_string()) {
        std::string s = value.get<std::string>();
        std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return s == lowerAddress;
    }
    if (value.is_array() || value.is_object()) {
        for (const auto& v : value)
            if (jsonHasAddress(v, lowerAddress)) return true;
    }
    return false;
}

// The proven receipt's log that carries `event`: emitted by the event's
// contract and decoding to the same name and fields. `used` keeps two equal
// events of one transaction from matching the same log.
bool findLog(const chain::Receipt& receipt, const storage::ProtocolEvent& event, const chain::Address& contract,
             const ContractAbi& abi, std::vector<bool>& used) {
    for (std::size_t i = 0; i < receipt.logs.size(); ++i) {
        const auto& log = receipt.logs[i];
        if (used[i] || log.address != contract || log.topics.empty()) continue;
        auto decoded = decodeLog(abi, rawLog(log));
        if (!decoded || decoded->name != event.name || decoded->fields != event.fields) continue;
        used[i] = true;
        return true;
    }
    return false;
}

} // namespace

bool eventConcerns(const storage::ProtocolEvent& event, const chain::Address& account) {
    std::string lower = account.checksummed();
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return jsonHasAddress(event.fields, lower);
}

Result<VerifiedEventsReport> verifyIndexedEvents(lightclient::LightClient& light, storage::ProtocolStore& store,
                                                 const chain::Deployment& deployment, const ProtocolAbis& abis,
                                                 const std::function<bool(const storage::ProtocolEvent&)>& select) {
    CTRN_ASSIGN(auto all, store.events());
    // Events grouped by transaction, in chain order: one proven receipt each.
    std::map<std::pair<std::int64_t, std::string>, std::vector<storage::ProtocolEvent>> byTx;
    for (auto& e : all)
        if (select(e)) byTx[{e.block, e.txHash}].push_back(std::move(e));

    VerifiedEventsReport report;
    for (auto& [key, events] : byTx) {
        report.events += events.size();
        auto problemForAll = [&](const std::string& why) {
            for (auto& e : events) report.problems.push_back({e, why});
        };
        auto hash = chain::Hash::fromHex(key.second);
        if (!hash) {
            problemForAll("the index holds a malformed transaction hash");
            continue;
        }
        CTRN_ASSIGN(auto proven, light.receipt(*hash));
        if (proven.isMismatch()) {
            problemForAll("transaction or receipt contradicted by its proof: " + proven.mismatch().describe());
            continue;
        }
        if (proven.isUnverified()) {
            problemForAll("unverified: " + proven.unverified().unverifiedValue().unverifiedReason);
            continue;
        }
        ++report.transactions;
        const auto& v = proven.verified();
        report.highestBlock = std::max(report.highestBlock, v.blockNumber());
        if (static_cast<std::int64_t>(v.blockNumber()) != key.first) {
            problemForAll("the transaction is in block " + std::to_string(v.blockNumber()) + ", not " + std::to_string(key.first));
            continue;
        }
        const auto& receipt = v.value().receipt;
        if (!receipt.status.value_or(false)) {
            problemForAll("the proven receipt says the transaction failed: a failed transaction emits no events");
            continue;
        }
        std::vector<bool> used(receipt.logs.size(), false);
        for (auto& e : events) {
            auto contract = deployment.contract(e.contract);
            auto abi = abis.contract(e.contract);
            if (!contract || !abi) {
                report.problems.push_back({e, "not a contract of this deployment: " + e.contract});
                continue;
            }
            if (findLog(receipt, e, *contract, **abi, used))
                ++report.verified;
            else
                report.problems.push_back({e, "no such log in the proven receipt: the node invented or altered it"});
        }
    }
    return report;
}

} // namespace ctrn::protocol
