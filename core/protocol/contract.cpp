#include <core/protocol/contract.h>

namespace ctrn::protocol {

using encoding::AbiValue;

Result<Bytes> Contract::calldata(std::string_view function, const Json& args) const { return m_abi->encodeCall(function, args); }

Result<Bytes> Contract::calldata(std::string_view function, std::span<const AbiValue> args) const {
    return m_abi->encodeCall(function, args);
}

Result<Json> Contract::read(std::string_view function, const Json& args, const std::string& block) const {
    if (!m_node) return makeError(ErrorCode::InvalidInput, "no node to read " + name() + " from");
    CTRN_ASSIGN(Bytes data, calldata(function, args));
    rpc::CallRequest call;
    call.to = m_address;
    call.data = std::move(data);
    CTRN_ASSIGN(auto answer, std::move(m_node->call(call, block)).withContext(name() + "." + std::string(function)));
    return m_abi->decodeReturn(function, answer.unverifiedValue());
}

Result<std::vector<AbiValue>> Contract::readValues(std::string_view function, std::span<const AbiValue> args,
                                                   const std::string& block) const {
    if (!m_node) return makeError(ErrorCode::InvalidInput, "no node to read " + name() + " from");
    CTRN_ASSIGN(Bytes data, calldata(function, args));
    rpc::CallRequest call;
    call.to = m_address;
    call.data = std::move(data);
    CTRN_ASSIGN(auto answer, std::move(m_node->call(call, block)).withContext(name() + "." + std::string(function)));
    return m_abi->decodeReturnValues(function, answer.unverifiedValue());
}

Result<std::vector<AbiValue>> Contract::readValuesAs(const chain::Address& from, std::string_view function,
                                                     std::span<const AbiValue> args) const {
    if (!m_node) return makeError(ErrorCode::InvalidInput, "no node to read " + name() + " from");
    CTRN_ASSIGN(Bytes data, calldata(function, args));
    rpc::CallRequest call;
    call.from = from;
    call.to = m_address;
    call.data = std::move(data);
    CTRN_ASSIGN(auto answer, std::move(m_node->call(call, "latest")).withContext(name() + "." + std::string(function)));
    return m_abi->decodeReturnValues(function, answer.unverifiedValue());
}

Result<Contract> Protocol::contract(std::string_view name) const {
    CTRN_ASSIGN(const ContractAbi* abi, m_abis->contract(name));
    CTRN_ASSIGN(chain::Address address, m_deployment.contract(std::string(name)));
    return Contract(*abi, address, m_node);
}

std::optional<std::string> Protocol::contractAt(const chain::Address& address) const {
    for (const auto& [name, a] : m_deployment.contracts)
        if (a == address) return name;
    return std::nullopt;
}

AbiValue abiAddress(const chain::Address& a) { return AbiValue::address(a.bytes()); }
AbiValue abiUint(const U256& v) { return AbiValue::uint(v); }

namespace {
Status checkIndex(const std::vector<AbiValue>& values, std::size_t i) {
    if (i >= values.size()) return makeError(ErrorCode::InvalidEncoding, "contract answer has too few values");
    return Ok{};
}
} // namespace

Result<U256> u256At(const std::vector<AbiValue>& values, std::size_t i) {
    CTRN_TRY(checkIndex(values, i));
    if (!values[i].isInteger()) return makeError(ErrorCode::InvalidEncoding, "contract answer: expected an integer");
    return values[i].toU256();
}

Result<bool> boolAt(const std::vector<AbiValue>& values, std::size_t i) {
    CTRN_TRY(checkIndex(values, i));
    if (!values[i].isBool()) return makeError(ErrorCode::InvalidEncoding, "contract answer: expected a bool");
    return values[i].asBool();
}

Result<chain::Address> addressAt(const std::vector<AbiValue>& values, std::size_t i) {
    CTRN_TRY(checkIndex(values, i));
    if (!values[i].isAddress()) return makeError(ErrorCode::InvalidEncoding, "contract answer: expected an address");
    return chain::Address(values[i].asAddress());
}

Result<std::string> stringAt(const std::vector<AbiValue>& values, std::size_t i) {
    CTRN_TRY(checkIndex(values, i));
    if (!values[i].isString()) return makeError(ErrorCode::InvalidEncoding, "contract answer: expected a string");
    return values[i].asString();
}

} // namespace ctrn::protocol
