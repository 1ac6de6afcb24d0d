// A deployment manifest (resources/deployments/NAME.json, or the devnet's
// own devnet.json): which chain, where its node is, and where each protocol
// contract lives. ctrn and the app find the network and the CTRN token here
// instead of in flags.
#pragma once

#include <core/chain/address.h>
#include <core/chain/hash.h>
#include <core/util/json.h>
#include <core/util/result.h>

#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace ctrn::chain {

struct Deployment {
    std::string name;
    std::uint64_t chainId = 0;
    std::string rpc;
    std::uint64_t deployBlock = 0;
    struct Checkpoint {
        std::uint64_t number = 0;
        Hash hash;
    };
    std::optional<Checkpoint> checkpoint; // absent in a committed manifest
    std::map<std::string, Address> contracts;

    // The address of contract `name` ("ComputroniumToken"), or an error
    // naming the manifest.
    Result<Address> contract(const std::string& contractName) const;
};

Result<Deployment> deploymentFromJson(const std::string& name, const Json& json);

} // namespace ctrn::chain
