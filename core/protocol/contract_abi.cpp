#include <core/protocol/contract_abi.h>

#include <core/util/hex.h>

#include <fstream>
#include <sstream>

namespace ctrn::protocol {

using encoding::AbiType;
using encoding::AbiValue;

namespace {

Result<AbiParam> parseParam(const Json& j, const std::string& where) {
    if (!j.is_object() || !j.contains("type") || !j["type"].is_string())
        return makeError(ErrorCode::InvalidEncoding, where + ": parameter without a type");
    AbiParam p;
    p.name = j.value("name", "");
    p.indexed = j.value("indexed", false);
    p.internalType = j.value("internalType", "");
    std::string type = j["type"].get<std::string>();
    if (type.rfind("tuple", 0) == 0) {
        std::string members;
        for (const auto& c : j.value("components", Json::array())) {
            CTRN_ASSIGN(AbiParam member, parseParam(c, where));
            members += (members.empty() ? "" : ",") + member.canonical;
            p.components.push_back(std::move(member));
        }
        p.canonical = "(" + members + ")" + type.substr(5); // array suffixes after "tuple"
    } else {
        p.canonical = type;
    }
    auto parsed = encoding::parseAbiType(p.canonical);
    if (!parsed) return makeError(ErrorCode::InvalidEncoding, where + ": " + parsed.error().message);
    p.type = std::move(*parsed);
    p.canonical = p.type.canonical();
    return p;
}

Result<std::vector<AbiParam>> parseParams(const Json& entry, const char* key, const std::string& where) {
    std::vector<AbiParam> out;
    if (!entry.contains(key)) return out;
    if (!entry[key].is_array()) return makeError(ErrorCode::InvalidEncoding, where + ": " + key + " is not a list");
    for (const auto& j : entry[key]) {
        CTRN_ASSIGN(AbiParam p, parseParam(j, where));
        out.push_back(std::move(p));
    }
    return out;
}

std::string signatureOf(const std::string& name, const std::vector<AbiParam>& params) {
    std::string s = name + "(";
    for (std::size_t i = 0; i < params.size(); ++i) s += (i ? "," : "") + params[i].canonical;
    return s + ")";
}

// The member params of a tuple param, or of the element of an array of tuples.
const std::vector<AbiParam>* membersOf(const AbiParam& p) {
    return p.components.empty() ? nullptr : &p.components;
}

bool allNamed(const std::vector<AbiParam>& params) {
    for (const auto& p : params)
        if (p.name.empty()) return false;
    return !params.empty();
}

// An element of `param` (an array param) as a param of its own, keeping the
// tuple member names.
AbiParam elementParam(const AbiParam& param) {
    AbiParam e;
    e.type = param.type.element();
    e.canonical = e.type.canonical();
    e.components = param.components;
    return e;
}

Json valueToJsonNamed(const AbiParam& param, const AbiType& type, const AbiValue& value) {
    if (type.kind == AbiType::Kind::Tuple && membersOf(param) && allNamed(param.components) &&
        value.isList() && value.asList().size() == param.components.size()) {
        Json obj = Json::object();
        const auto& items = value.asList();
        for (std::size_t i = 0; i < items.size(); ++i)
            obj[param.components[i].name] = valueToJsonNamed(param.components[i], param.components[i].type, items[i]);
        return obj;
    }
    if ((type.kind == AbiType::Kind::Array || type.kind == AbiType::Kind::FixedArray) && membersOf(param) && value.isList()) {
        Json arr = Json::array();
        AbiParam e = elementParam(param);
        for (const auto& item : value.asList()) arr.push_back(valueToJsonNamed(e, e.type, item));
        return arr;
    }
    return encoding::abiValueToJson(type, value);
}

Result<AbiValue> valueFromJsonNamed(const AbiParam& param, const Json& json, const std::string& label) {
    const AbiType& type = param.type;
    if (type.kind == AbiType::Kind::Tuple && membersOf(param) && json.is_object()) {
        AbiValue::List items;
        for (const auto& member : param.components) {
            if (!json.contains(member.name))
                return makeError(ErrorCode::InvalidInput, "abi: " + label + " is missing member '" + member.name + "'");
            CTRN_ASSIGN(AbiValue v, valueFromJsonNamed(member, json[member.name], label + "." + member.name));
            items.push_back(std::move(v));
        }
        return AbiValue::list(std::move(items));
    }
    if (type.kind == AbiType::Kind::Tuple && membersOf(param) && json.is_array()) {
        if (json.size() != param.components.size())
            return makeError(ErrorCode::InvalidInput, "abi: " + label + " needs " + std::to_string(param.components.size()) +
                                                          " members, got " + std::to_string(json.size()));
        AbiValue::List items;
        for (std::size_t i = 0; i < json.size(); ++i) {
            CTRN_ASSIGN(AbiValue v, valueFromJsonNamed(param.components[i], json[i], label + "." + param.components[i].name));
            items.push_back(std::move(v));
        }
        return AbiValue::list(std::move(items));
    }
    if ((type.kind == AbiType::Kind::Array || type.kind == AbiType::Kind::FixedArray) && membersOf(param) && json.is_array()) {
        if (type.kind == AbiType::Kind::FixedArray && json.size() != type.size)
            return makeError(ErrorCode::InvalidInput, "abi: " + label + " needs " + std::to_string(type.size) + " elements");
        AbiParam e = elementParam(param);
        AbiValue::List items;
        for (std::size_t i = 0; i < json.size(); ++i) {
            CTRN_ASSIGN(AbiValue v, valueFromJsonNamed(e, json[i], label + "[" + std::to_string(i) + "]"));
            items.push_back(std::move(v));
        }
        return AbiValue::list(std::move(items));
    }
    return encoding::abiValueFromJson(type, json, label);
}

std::string paramLabel(const AbiParam& p, std::size_t index) {
    return p.name.empty() ? std::to_string(index) : p.name;
}

Result<std::vector<AbiValue>> valuesFromJson(const std::string& what, std::span<const AbiParam> params, const Json& args) {
    std::vector<AbiValue> values;
    if (args.is_array()) {
        if (args.size() != params.size())
            return makeError(ErrorCode::InvalidInput, what + " takes " + std::to_string(params.size()) +
                                                          " argument(s), got " + std::to_string(args.size()));
        for (std::size_t i = 0; i < params.size(); ++i) {
            CTRN_ASSIGN(AbiValue v, valueFromJsonNamed(params[i], args[i], what + "." + paramLabel(params[i], i)));
            values.push_back(std::move(v));
        }
        return values;
    }
    if (args.is_object()) {
        for (std::size_t i = 0; i < params.size(); ++i) {
            std::string key = paramLabel(params[i], i);
            if (!args.contains(key)) return makeError(ErrorCode::InvalidInput, what + " is missing argument '" + key + "'");
            CTRN_ASSIGN(AbiValue v, valueFromJsonNamed(params[i], args[key], what + "." + key));
            values.push_back(std::move(v));
        }
        if (args.size() != params.size())
            return makeError(ErrorCode::InvalidInput, what + " got arguments it does not take");
        return values;
    }
    if (args.is_null() && params.empty()) return values;
    return makeError(ErrorCode::InvalidInput, what + ": arguments must be a JSON array or object");
}

template <typename T>
Result<const T*> findByName(const std::vector<T>& items, std::string_view key, const std::string& contract, const char* kind) {
    const bool bySignature = key.find('(') != std::string_view::npos;
    const T* found = nullptr;
    for (const auto& item : items) {
        if (bySignature ? item.signature == key : item.name == key) {
            if (found)
                return makeError(ErrorCode::InvalidInput, contract + "." + std::string(key) + " is overloaded; give its signature (" +
                                                              found->signature + " or " + item.signature + ")");
            found = &item;
        }
    }
    if (!found)
        return makeError(ErrorCode::NotFound, contract + " has no " + kind + " " + std::string(key));
    return found;
}

std::string errorText(const AbiError& err, std::span<const AbiValue> values) {
    std::string text = err.name + "(";
    for (std::size_t i = 0; i < values.size(); ++i) {
        Json j = encoding::abiValueToJson(err.inputs[i].type, values[i]);
        text += (i ? ", " : "") + (j.is_string() ? j.get<std::string>() : j.dump());
    }
    return text + ")";
}

} // namespace

std::string AbiFunction::fullSignature() const {
    std::string s = signature;
    if (!outputs.empty()) {
        s += " returns (";
        for (std::size_t i = 0; i < outputs.size(); ++i) s += (i ? "," : "") + outputs[i].canonical;
        s += ")";
    }
    return s;
}

std::string AbiEvent::fullSignature() const {
    std::string s = name + "(";
    for (std::size_t i = 0; i < inputs.size(); ++i) s += (i ? "," : "") + inputs[i].canonical + (inputs[i].indexed ? " indexed" : "");
    return s + ")";
}

Result<ContractAbi> ContractAbi::fromJson(std::string contractName, const Json& abiIn) {
    const Json& abi = abiIn.is_object() && abiIn.contains("abi") ? abiIn["abi"] : abiIn;
    if (!abi.is_array()) return makeError(ErrorCode::InvalidEncoding, contractName + " ABI: not a JSON array");
    ContractAbi c;
    c.m_name = std::move(contractName);
    for (const auto& entry : abi) {
        if (!entry.is_object()) return makeError(ErrorCode::InvalidEncoding, c.m_name + " ABI: entry is not an object");
        std::string type = entry.value("type", "function");
        std::string name = entry.value("name", "");
        std::string where = c.m_name + " ABI " + name;
        if (type == "function") {
            AbiFunction f;
            f.name = name;
            CTRN_ASSIGN(f.inputs, parseParams(entry, "inputs", where));
            CTRN_ASSIGN(f.outputs, parseParams(entry, "outputs", where));
            f.stateMutability = entry.value("stateMutability", "nonpayable");
            f.signature = signatureOf(f.name, f.inputs);
            CTRN_ASSIGN(f.selector, encoding::functionSelector(f.signature));
            c.m_functions.push_back(std::move(f));
        } else if (type == "event") {
            AbiEvent e;
            e.name = name;
            CTRN_ASSIGN(e.inputs, parseParams(entry, "inputs", where));
            e.anonymous = entry.value("anonymous", false);
            e.signature = signatureOf(e.name, e.inputs);
            CTRN_ASSIGN(e.topic0, encoding::eventTopic(e.signature));
            c.m_events.push_back(std::move(e));
        } else if (type == "error") {
            AbiError e;
            e.name = name;
            CTRN_ASSIGN(e.inputs, parseParams(entry, "inputs", where));
            e.signature = signatureOf(e.name, e.inputs);
            CTRN_ASSIGN(e.selector, encoding::functionSelector(e.signature));
            c.m_errors.push_back(std::move(e));
        }
        // constructor, receive and fallback take no part in calls by name.
    }
    return c;
}

Result<ContractAbi> ContractAbi::load(const std::filesystem::path& dir, const std::string& contractName) {
    auto path = dir / (contractName + ".json");
    std::ifstream in(path);
    if (!in) return makeError(ErrorCode::Io, "cannot read ABI " + path.string());
    std::stringstream ss;
    ss << in.rdbuf();
    auto json = parseJson(ss.str());
    if (!json) return makeError(ErrorCode::InvalidEncoding, path.string() + ": " + json.error().message);
    return fromJson(contractName, *json);
}

Result<ContractAbi> ContractAbi::load(const std::string& contractName) { return load(abiDirectory(), contractName); }

Result<const AbiFunction*> ContractAbi::function(std::string_view key) const {
    return findByName(m_functions, key, m_name, "function");
}
Result<const AbiEvent*> ContractAbi::event(std::string_view key) const { return findByName(m_events, key, m_name, "event"); }
Result<const AbiError*> ContractAbi::error(std::string_view key) const { return findByName(m_errors, key, m_name, "error"); }

const AbiFunction* ContractAbi::functionBySelector(const encoding::Selector& selector) const {
    for (const auto& f : m_functions)
        if (f.selector == selector) return &f;
    return nullptr;
}
const AbiEvent* ContractAbi::eventByTopic(const crypto::Hash256& topic0) const {
    for (const auto& e : m_events)
        if (!e.anonymous && e.topic0 == topic0) return &e;
    return nullptr;
}
const AbiError* ContractAbi::errorBySelector(const encoding::Selector& selector) const {
    for (const auto& e : m_errors)
        if (e.selector == selector) return &e;
    return nullptr;
}

Result<Bytes> ContractAbi::encodeCall(std::string_view function, const Json& args) const {
    CTRN_ASSIGN(const AbiFunction* f, this->function(function));
    CTRN_ASSIGN(auto values, valuesFromJson(m_name + "." + f->name, f->inputs, args));
    return encodeCall(f->signature, values);
}

Result<Bytes> ContractAbi::encodeCall(std::string_view function, std::span<const AbiValue> args) const {
    CTRN_ASSIGN(const AbiFunction* f, this->function(function));
    if (args.size() != f->inputs.size())
        return makeError(ErrorCode::InvalidInput, m_name + "." + f->signature + " takes " + std::to_string(f->inputs.size()) +
                                                      " argument(s), got " + std::to_string(args.size()));
    auto types = paramTypes(f->inputs);
    CTRN_ASSIGN(Bytes encoded, encoding::abiEncode(types, args));
    Bytes out(f->selector.begin(), f->selector.end());
    append(out, encoded);
    return out;
}

Result<std::vector<AbiValue>> ContractAbi::decodeReturnValues(std::string_view function, ByteView data) const {
    CTRN_ASSIGN(const AbiFunction* f, this->function(function));
    auto types = paramTypes(f->outputs);
    return std::move(encoding::abiDecode(types, data)).withContext(m_name + "." + f->name + " returned");
}

Result<Json> ContractAbi::decodeReturn(std::string_view function, ByteView data) const {
    CTRN_ASSIGN(const AbiFunction* f, this->function(function));
    CTRN_ASSIGN(auto values, decodeReturnValues(f->signature, data));
    if (f->outputs.size() == 1) return paramToJson(f->outputs[0], values[0]);
    return paramsToJson(f->outputs, values);
}

Result<DecodedEvent> ContractAbi::decodeLog(std::span<const crypto::Hash256> topics, ByteView data) const {
    if (topics.empty()) return makeError(ErrorCode::NotFound, m_name + ": log without topics (anonymous events are not decoded)");
    const AbiEvent* e = eventByTopic(topics[0]);
    if (!e) return makeError(ErrorCode::NotFound, m_name + " has no event with topic " + toHex(topics[0]));
    std::size_t indexedCount = 0;
    std::vector<AbiParam> dataParams;
    for (const auto& p : e->inputs) {
        if (p.indexed) ++indexedCount;
        else dataParams.push_back(p);
    }
    if (topics.size() != indexedCount + 1)
        return makeError(ErrorCode::InvalidEncoding, m_name + "." + e->name + ": expected " + std::to_string(indexedCount + 1) +
                                                         " topics, got " + std::to_string(topics.size()));
    auto dataTypes = paramTypes(dataParams);
    CTRN_ASSIGN(auto dataValues, std::move(encoding::abiDecode(dataTypes, data)).withContext(m_name + "." + e->name + " data"));
    DecodedEvent out;
    out.contract = m_name;
    out.name = e->name;
    out.signature = e->signature;
    std::size_t topicIndex = 1, dataIndex = 0;
    for (std::size_t i = 0; i < e->inputs.size(); ++i) {
        const AbiParam& p = e->inputs[i];
        std::string key = paramLabel(p, i);
        if (p.indexed) {
            const auto& topic = topics[topicIndex++];
            if (p.type.isDynamic() || p.type.kind == AbiType::Kind::Tuple || p.type.kind == AbiType::Kind::FixedArray) {
                out.fields[key] = toHex(topic); // only the hash of the value is logged
            } else {
                std::vector<AbiType> one{p.type};
                CTRN_ASSIGN(auto v, std::move(encoding::abiDecode(one, topic)).withContext(m_name + "." + e->name + "." + key));
                out.fields[key] = paramToJson(p, v[0]);
            }
        } else {
            out.fields[key] = paramToJson(p, dataValues[dataIndex++]);
        }
    }
    return out;
}

Result<DecodedError> ContractAbi::decodeError(ByteView data) const {
    if (data.size() < 4) return makeError(ErrorCode::NotFound, "revert data too short for a custom error");
    const AbiError* e = errorBySelector(toFixed<4>(data.subspan(0, 4)));
    if (!e) return makeError(ErrorCode::NotFound, m_name + " has no error with selector " + toHex(data.subspan(0, 4)));
    auto types = paramTypes(e->inputs);
    CTRN_ASSIGN(auto values, std::move(encoding::abiDecode(types, data.subspan(4))).withContext(m_name + "." + e->name));
    DecodedError out;
    out.contract = m_name;
    out.name = e->name;
    out.signature = e->signature;
    out.fields = paramsToJson(e->inputs, values);
    out.text = errorText(*e, values);
    return out;
}

Json paramToJson(const AbiParam& param, const AbiValue& value) { return valueToJsonNamed(param, param.type, value); }

Json paramsToJson(std::span<const AbiParam> params, std::span<const AbiValue> values) {
    Json obj = Json::object();
    for (std::size_t i = 0; i < params.size() && i < values.size(); ++i) obj[paramLabel(params[i], i)] = paramToJson(params[i], values[i]);
    return obj;
}

Result<AbiValue> paramFromJson(const AbiParam& param, const Json& json) {
    return valueFromJsonNamed(param, json, param.name.empty() ? param.canonical : param.name);
}

std::vector<AbiType> paramTypes(std::span<const AbiParam> params) {
    std::vector<AbiType> types;
    types.reserve(params.size());
    for (const auto& p : params) types.push_back(p.type);
    return types;
}

std::filesystem::path abiDirectory() {
    const char* env = std::getenv("CTRN_RESOURCES_DIR");
    std::filesystem::path root = env && *env ? std::filesystem::path(env) : std::filesystem::path(CTRN_RESOURCES_DIR);
    return root / "abi";
}

const std::vector<std::string>& protocolContractNames() {
    static const std::vector<std::string> names = {
        "ComputroniumToken", "StakingHub",      "Reputation",  "TokenGovernor",    "QuadraticGovernor", "MemberGovernor",
        "TimelockController", "GuardianMultisig", "Marketplace", "ModelRegistry", "RevenueDistributor", "ValidationPool",
    };
    return names;
}

Result<ProtocolAbis> ProtocolAbis::load(const std::filesystem::path& dir) {
    ProtocolAbis out;
    for (const auto& name : protocolContractNames()) {
        CTRN_ASSIGN(ContractAbi abi, ContractAbi::load(dir, name));
        out.m_contracts.emplace(name, std::move(abi));
    }
    return out;
}

Result<ProtocolAbis> ProtocolAbis::load() { return load(abiDirectory()); }

Result<const ContractAbi*> ProtocolAbis::contract(std::string_view name) const {
    auto it = m_contracts.find(name);
    if (it == m_contracts.end()) return makeError(ErrorCode::NotFound, "no protocol contract named " + std::string(name));
    return &it->second;
}

std::optional<DecodedError> ProtocolAbis::decodeError(ByteView data) const {
    for (const auto& [name, abi] : m_contracts) {
        auto d = abi.decodeError(data);
        if (d) return std::move(*d);
    }
    return std::nullopt;
}

} // namespace ctrn::protocol
