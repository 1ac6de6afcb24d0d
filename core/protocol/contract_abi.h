// A contract's ABI as shipped in resources/abi/<Contract>.json (the Foundry
// artifact's "abi" array): its functions, events and custom errors with their
// full (tuple) types and parameter names, selectors and topic0s, and the
// conversions ctrn and the bindings need — a call from JSON arguments, return
// data, an event log and revert data back to named JSON fields. The ABI
// encoding itself is core/encoding/abi.h; this adds the names and the lookup.
#pragma once

#include <core/crypto/keccak.h>
#include <core/encoding/abi.h>
#include <core/util/bytes.h>
#include <core/util/json.h>
#include <core/util/result.h>

#include <filesystem>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ctrn::protocol {

// One parameter of a function, event or error. A tuple (or array of tuples)
// keeps its members' names in `components`, so decoded values read as
// objects ({"provider": "0x…", "price": "5"}) rather than bare arrays.
struct AbiParam {
    std::string name;
    encoding::AbiType type;
    // "uint256", "(address,uint256)[]": the canonical spelling in signatures.
    std::string canonical;
    // Named members of the tuple this parameter is, or of its array element.
    std::vector<AbiParam> components;
    bool indexed = false; // events only
    std::string internalType; // "struct Marketplace.Listing", "enum ...", "contract ..."
};

struct AbiFunction {
    std::string name;
    std::vector<AbiParam> inputs;
    std::vector<AbiParam> outputs;
    std::string stateMutability; // pure, view, nonpayable, payable
    std::string signature;       // "vote(uint256,uint8)"
    encoding::Selector selector{};

    bool isReadOnly() const { return stateMutability == "view" || stateMutability == "pure"; }
    // "name(types) returns (types)": what bindings are checked against.
    std::string fullSignature() const;
};

struct AbiEvent {
    std::string name;
    std::vector<AbiParam> inputs;
    bool anonymous = false;
    std::string signature;
    crypto::Hash256 topic0{};
    // "Staked(address indexed,uint256)": the signature with indexed markers.
    std::string fullSignature() const;
};

struct AbiError {
    std::string name;
    std::vector<AbiParam> inputs;
    std::string signature;
    encoding::Selector selector{};
};

// A decoded event log or custom error: its name and its fields by name.
struct DecodedEvent {
    std::string contract;
    std::string name;
    std::string signature;
    Json fields = Json::object();
};

struct DecodedError {
    std::string contract;
    std::string name;
    std::string signature;
    Json fields = Json::object();
    // "InsufficientStake(0x…, 5, 10)": the one line a user reads.
    std::string text;
};

class ContractAbi {
public:
    // Parses the ABI JSON array (or an artifact object with an "abi" member).
    static Result<ContractAbi> fromJson(std::string contractName, const Json& abi);
    // Reads `dir`/NAME.json.
    static Result<ContractAbi> load(const std::filesystem::path& dir, const std::string& contractName);
    // Reads NAME.json from abiDirectory().
    static Result<ContractAbi> load(const std::string& contractName);

    const std::string& contractName() const { return m_name; }
    const std::vector<AbiFunction>& functions() const { return m_functions; }
    const std::vector<AbiEvent>& events() const { return m_events; }
    const std::vector<AbiError>& errors() const { return m_errors; }

    // By plain name (fails if overloaded: give the signature instead) or by
    // signature "cancel(uint256)". Fails NotFound naming the contract.
    Result<const AbiFunction*> function(std::string_view nameOrSignature) const;
    Result<const AbiEvent*> event(std::string_view nameOrSignature) const;
    Result<const AbiError*> error(std::string_view nameOrSignature) const;
    const AbiFunction* functionBySelector(const encoding::Selector& selector) const;
    const AbiEvent* eventByTopic(const crypto::Hash256& topic0) const;
    const AbiError* errorBySelector(const encoding::Selector& selector) const;

    // Call data for `function` with arguments as a JSON array (in order) or
    // object (by parameter name); values as encoding::abiValueFromJson takes
    // them, tuples as arrays or objects by member name.
    Result<Bytes> encodeCall(std::string_view function, const Json& args) const;
    Result<Bytes> encodeCall(std::string_view function, std::span<const encoding::AbiValue> args) const;
    // Return data as typed values, and as JSON: one output is its value,
    // several an object by output name ("0", "1", … for unnamed ones).
    Result<std::vector<encoding::AbiValue>> decodeReturnValues(std::string_view function, ByteView data) const;
    Result<Json> decodeReturn(std::string_view function, ByteView data) const;
    // An event log of this contract: topic0 picks the event, indexed fields
    // come from the other topics (a dynamic indexed value is only its hash,
    // given as bytes32), the rest from data.
    Result<DecodedEvent> decodeLog(std::span<const crypto::Hash256> topics, ByteView data) const;
    // Revert data of one of this contract's custom errors; NotFound if the
    // selector is none of them.
    Result<DecodedError> decodeError(ByteView data) const;

private:
    std::string m_name;
    std::vector<AbiFunction> m_functions;
    std::vector<AbiEvent> m_events;
    std::vector<AbiError> m_errors;
};

// Named parameters <-> JSON: tuples with named members become objects.
Json paramToJson(const AbiParam& param, const encoding::AbiValue& value);
Json paramsToJson(std::span<const AbiParam> params, std::span<const encoding::AbiValue> values);
Result<encoding::AbiValue> paramFromJson(const AbiParam& param, const Json& json);
std::vector<encoding::AbiType> paramTypes(std::span<const AbiParam> params);

// Where ABIs are read from: $CTRN_RESOURCES_DIR/abi, else the source tree's
// resources/abi.
std::filesystem::path abiDirectory();

// The contracts of the protocol, by their resources/abi names.
const std::vector<std::string>& protocolContractNames();

// Every protocol contract's ABI, loaded once (from abiDirectory()); errors
// name the unreadable file.
class ProtocolAbis {
public:
    static Result<ProtocolAbis> load(const std::filesystem::path& dir);
    static Result<ProtocolAbis> load();
    Result<const ContractAbi*> contract(std::string_view name) const;
    const std::map<std::string, ContractAbi, std::less<>>& all() const { return m_contracts; }
    // A revert's custom error from whichever protocol contract declares it.
    std::optional<DecodedError> decodeError(ByteView data) const;

private:
    std::map<std::string, ContractAbi, std::less<>> m_contracts;
};

} // namespace ctrn::protocol
