#include <core/chain/deployment.h>

#include <core/chain/json_fields.h>

namespace ctrn::chain {

Result<Address> Deployment::contract(const std::string& contractName) const {
    auto it = contracts.find(contractName);
    if (it == contracts.end())
        return makeError(ErrorCode::NotFound, "the " + name + " deployment has no contract " + contractName);
    return it->second;
}

namespace {

Result<Deployment> parse(const std::string& name, const Json& json) {
    if (!json.is_object()) return makeError(ErrorCode::InvalidInput, "expected a JSON object");
    Deployment d;
    d.name = name;
    CTRN_ASSIGN(d.chainId, json::quantity64(json, "chainId"));
    if (!json.contains("rpc") || !json["rpc"].is_string()) return makeError(ErrorCode::InvalidInput, "field 'rpc': missing");
    d.rpc = json["rpc"].get<std::string>();
    if (json.contains("deployBlock")) { CTRN_ASSIGN(d.deployBlock, json::quantity64(json, "deployBlock")); }
    if (json.contains("checkpoint") && json["checkpoint"].is_object()) {
        Deployment::Checkpoint cp;
        CTRN_ASSIGN(cp.number, json::quantity64(json["checkpoint"], "number"));
        CTRN_ASSIGN(cp.hash, json::hash(json["checkpoint"], "hash"));
        d.checkpoint = cp;
    }
    if (!json.contains("contracts") || !json["contracts"].is_object())
        return makeError(ErrorCode::InvalidInput, "field 'contracts': expected an object of addresses");
    for (const auto& [contractName, address] : json["contracts"].items()) {
        if (!address.is_string()) return makeError(ErrorCode::InvalidInput, "contract " + contractName + ": expected an address");
        auto a = Address::fromHex(address.get<std::string>());
        if (!a) return makeError(ErrorCode::InvalidInput, "contract " + contractName + ": " + a.error().message);
        d.contracts.emplace(contractName, *a);
    }
    return d;
}

} // namespace

Result<Deployment> deploymentFromJson(const std::string& name, const Json& json) {
    return parse(name, json).withContext("deployment " + name);
}

} // namespace ctrn::chain
