// A protocol contract at an address, bound to a node: read calls through
// eth_call decoded with the contract's ABI, call data for transactions, and
// the contract's own custom errors. The typed bindings (bindings.h) are built
// on this; ctrn commands that only print a contract's answer use it directly.
#pragma once

#include <core/chain/address.h>
#include <core/chain/deployment.h>
#include <core/protocol/contract_abi.h>
#include <core/rpc/node.h>

#include <memory>
#include <string>
#include <string_view>

namespace ctrn::protocol {

class Contract {
public:
    Contract(const ContractAbi& abi, chain::Address address, rpc::EthNode* node)
        : m_abi(&abi), m_address(address), m_node(node) {}

    const ContractAbi& abi() const { return *m_abi; }
    const chain::Address& address() const { return m_address; }
    const std::string& name() const { return m_abi->contractName(); }

    // Call data for `function` (name or signature) with JSON or typed arguments.
    Result<Bytes> calldata(std::string_view function, const Json& args) const;
    Result<Bytes> calldata(std::string_view function, std::span<const encoding::AbiValue> args) const;
    // eth_call of a read-only function; the answer decoded as JSON
    // (ContractAbi::decodeReturn) or as values. A revert is ErrorCode::Reverted
    // with the decoded reason. Node answers are unverified.
    Result<Json> read(std::string_view function, const Json& args, const std::string& block = "latest") const;
    Result<std::vector<encoding::AbiValue>> readValues(std::string_view function, std::span<const encoding::AbiValue> args,
                                                       const std::string& block = "latest") const;
    // The same as `from`, for reads whose answer depends on msg.sender.
    Result<std::vector<encoding::AbiValue>> readValuesAs(const chain::Address& from, std::string_view function,
                                                         std::span<const encoding::AbiValue> args) const;

private:
    const ContractAbi* m_abi;
    chain::Address m_address;
    rpc::EthNode* m_node;
};

// Every protocol contract of one deployment, on one node.
class Protocol {
public:
    // `node` may be null for offline use (call data only).
    Protocol(ProtocolAbis abis, chain::Deployment deployment, rpc::EthNode* node)
        : m_abis(std::make_shared<ProtocolAbis>(std::move(abis))), m_deployment(std::move(deployment)), m_node(node) {}

    // The contract named as in resources/abi and the manifest ("StakingHub").
    Result<Contract> contract(std::string_view name) const;
    const chain::Deployment& deployment() const { return m_deployment; }
    const ProtocolAbis& abis() const { return *m_abis; }
    rpc::EthNode* node() const { return m_node; }
    // Which protocol contract lives at `address`, if any.
    std::optional<std::string> contractAt(const chain::Address& address) const;

private:
    std::shared_ptr<ProtocolAbis> m_abis;
    chain::Deployment m_deployment;
    rpc::EthNode* m_node;
};

// Values for typed calls.
encoding::AbiValue abiAddress(const chain::Address& a);
encoding::AbiValue abiUint(const U256& v);
// The i-th value as U256 / bool / Address / string, failing (InvalidEncoding)
// when the ABI answered another type.
Result<U256> u256At(const std::vector<encoding::AbiValue>& values, std::size_t i);
Result<bool> boolAt(const std::vector<encoding::AbiValue>& values, std::size_t i);
Result<chain::Address> addressAt(const std::vector<encoding::AbiValue>& values, std::size_t i);
Result<std::string> stringAt(const std::vector<encoding::AbiValue>& values, std::size_t i);

} // namespace ctrn::protocol
