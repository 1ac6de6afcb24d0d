#include <core/encoding/eip712.h>

#include <core/encoding/abi.h>
#include <core/util/hex.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

namespace ctrn::encoding {
namespace {

// Values nest as deep as recursive struct types allow; the encoder recurses,
// so hostile input is cut off long before the stack is.
constexpr std::size_t kMaxDepth = 128;

Error eipError(const std::string& message) { return makeError(ErrorCode::InvalidInput, "eip712: " + message); }

bool isIdentifier(std::string_view s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$'; });
}

// "Person[][3]" -> "Person".
std::string baseType(const std::string& type) { return type.substr(0, type.find('[')); }

// Splits off the outermost (last) array suffix: "Person[][3]" -> inner
// "Person[]", length 3. Returns false when `type` is not an array.
struct ArraySuffix {
    std::string inner;
    std::optional<std::size_t> length;
};
Result<std::optional<ArraySuffix>> splitArray(const std::string& type) {
    if (type.empty() || type.back() != ']') return std::optional<ArraySuffix>{};
    auto open = type.rfind('[');
    if (open == std::string::npos || open == 0) return eipError("invalid type '" + type + "'");
    std::string digits = type.substr(open + 1, type.size() - open - 2);
    ArraySuffix s;
    s.inner = type.substr(0, open);
    if (!digits.empty()) {
        bool numeric = digits.size() <= 6 && digits[0] != '0' &&
                       std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!numeric) return eipError("invalid array length in type '" + type + "'");
        s.length = std::stoul(digits);
    }
    return std::optional<ArraySuffix>(std::move(s));
}

// The domain fields EIP-712 defines, in the order its EIP712Domain lists them.
const std::vector<Eip712Field>& standardDomainFields() {
    static const std::vector<Eip712Field> fields = {
        {"name", "string"}, {"version", "string"}, {"chainId", "uint256"}, {"verifyingContract", "address"}, {"salt", "bytes32"}};
    return fields;
}

std::string prefixed(const std::string& abiMessage) {
    // Atomic values reuse the ABI parser; its messages start "abi: ".
    return abiMessage.rfind("abi: ", 0) == 0 ? "eip712: " + abiMessage.substr(5) : "eip712: " + abiMessage;
}

} // namespace

Result<TypedData> TypedData::fromJson(const Json& json) {
    if (!json.is_object()) return eipError(std::string("expected a JSON object, got ") + json.type_name());
    for (const char* key : {"types", "primaryType", "domain", "message"})
        if (!json.contains(key)) return eipError(std::string("missing '") + key + "'");
    const Json& types = json["types"];
    if (!types.is_object()) return eipError("'types' must be an object");
    if (!json["primaryType"].is_string()) return eipError("'primaryType' must be a string");
    if (!json["domain"].is_object()) return eipError("'domain' must be an object");
    if (!json["message"].is_object()) return eipError("'message' must be an object");

    TypedData td;
    td.m_primaryType = json["primaryType"].get<std::string>();
    td.m_domain = json["domain"];
    td.m_message = json["message"];
    for (const auto& [name, fields] : types.items()) {
        if (!isIdentifier(name)) return eipError("invalid type name '" + name + "'");
        if (!fields.is_array()) return eipError("type '" + name + "' must be an array of {name, type}");
        std::vector<Eip712Field> parsed;
        std::set<std::string> seen;
        for (const auto& f : fields) {
            if (!f.is_object() || !f.contains("name") || !f.contains("type") || !f["name"].is_string() || !f["type"].is_string())
                return eipError("type '" + name + "': each field needs a string 'name' and 'type'");
            Eip712Field field{f["name"].get<std::string>(), f["type"].get<std::string>()};
            if (!isIdentifier(field.name)) return eipError("type '" + name + "': invalid field name '" + field.name + "'");
            if (!seen.insert(field.name).second) return eipError("type '" + name + "': duplicate field '" + field.name + "'");
            parsed.push_back(std::move(field));
        }
        td.m_types.emplace(name, std::move(parsed));
    }
    if (!td.m_types.count("EIP712Domain")) {
        std::vector<Eip712Field> derived;
        for (const auto& f : standardDomainFields())
            if (td.m_domain.contains(f.name)) derived.push_back(f);
        for (const auto& entry : td.m_domain.items())
            if (std::none_of(derived.begin(), derived.end(), [&](const Eip712Field& f) { return f.name == entry.key(); }))
                return eipError("domain: unknown field '" + entry.key() + "' (declare an EIP712Domain type to use it)");
        td.m_types.emplace("EIP712Domain", std::move(derived));
    }
    // Every field type must resolve now, so later errors are only about values.
    for (const auto& [name, fields] : td.m_types) {
        for (const auto& f : fields) {
            std::string type = f.type;
            for (;;) {
                CTRN_ASSIGN(auto arr, splitArray(type));
                if (!arr) break;
                if (arr->length && *arr->length == 0) return eipError("invalid array length in type '" + f.type + "'");
                type = arr->inner;
            }
            if (td.m_types.count(type)) continue;
            auto atomic = parseAbiType(type);
            bool ok = atomic && atomic->kind != AbiType::Kind::Tuple && atomic->kind != AbiType::Kind::Array &&
                      atomic->kind != AbiType::Kind::FixedArray && type.find_first_of("( ") == std::string::npos;
            if (!ok) return eipError("unknown type '" + f.type + "' in " + name + "." + f.name);
        }
    }
    if (!td.m_types.count(td.m_primaryType)) return eipError("primaryType '" + td.m_primaryType + "' is not defined in types");
    return td;
}

void TypedData::collectDependencies(const std::string& type, std::vector<std::string>& found) const {
    auto it = m_types.find(type);
    if (it == m_types.end() || std::find(found.begin(), found.end(), type) != found.end()) return;
    found.push_back(type);
    for (const auto& f : it->second) collectDependencies(baseType(f.type), found);
}

Result<std::string> TypedData::encodeType(const std::string& type) const {
    if (!m_types.count(type)) return eipError("unknown struct type '" + type + "'");
    std::vector<std::string> deps;
    collectDependencies(type, deps);
    std::sort(deps.begin() + 1, deps.end()); // the type itself first, then alphabetical
    std::string out;
    for (const auto& name : deps) {
        out += name + "(";
        const auto& fields = m_types.at(name);
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i) out += ",";
            out += fields[i].type + " " + fields[i].name;
        }
        out += ")";
    }
    return out;
}

Result<crypto::Hash256> TypedData::typeHash(const std::string& type) const {
    CTRN_ASSIGN(std::string encoded, encodeType(type));
    return crypto::keccak256(asView(encoded));
}

Result<Bytes> TypedData::encodeField(const std::string& type, const Json& value, const std::string& label,
                                     std::size_t depth) const {
    if (depth > kMaxDepth) return eipError(label + ": nested more than " + std::to_string(kMaxDepth) + " deep");
    CTRN_ASSIGN(auto arr, splitArray(type));
    if (arr) {
        if (!value.is_array()) return eipError(label + " (" + type + "): expected an array, got " + value.type_name());
        if (arr->length && value.size() != *arr->length)
            return eipError(label + " (" + type + "): expected " + std::to_string(*arr->length) + " elements, got " +
                            std::to_string(value.size()));
        Bytes concatenated;
        for (std::size_t i = 0; i < value.size(); ++i) {
            CTRN_ASSIGN(Bytes element, encodeField(arr->inner, value[i], label + "[" + std::to_string(i) + "]", depth + 1));
            append(concatenated, element);
        }
        return toBytes(crypto::keccak256(concatenated));
    }
    if (m_types.count(type)) {
        CTRN_ASSIGN(crypto::Hash256 h, hashStructAt(type, value, label, depth + 1));
        return toBytes(h);
    }
    if (type == "string") {
        if (!value.is_string()) return eipError(label + " (string): expected a string, got " + value.type_name());
        return toBytes(crypto::keccak256(asView(value.get_ref<const std::string&>())));
    }
    auto abiType = parseAbiType(type);
    if (!abiType) return eipError("unknown type '" + type + "' at " + label);
    auto abiValue = abiValueFromJson(*abiType, value, label);
    if (!abiValue) return makeError(ErrorCode::InvalidInput, prefixed(abiValue.error().message));
    if (abiType->kind == AbiType::Kind::Bytes) return toBytes(crypto::keccak256(abiValue->asBytes()));
    std::vector<AbiType> t{*abiType};
    std::vector<AbiValue> v{std::move(*abiValue)};
    auto word = abiEncode(t, v);
    if (!word) return makeError(ErrorCode::InvalidInput, prefixed(word.error().message));
    return std::move(*word);
}

Result<crypto::Hash256> TypedData::hashStructAt(const std::string& type, const Json& value, const std::string& label,
                                                std::size_t depth) const {
    auto it = m_types.find(type);
    if (it == m_types.end()) return eipError("unknown struct type '" + type + "'");
    if (!value.is_object()) return eipError(label + " (" + type + "): expected an object, got " + value.type_name());
    const auto& fields = it->second;
    for (const auto& entry : value.items())
        if (std::none_of(fields.begin(), fields.end(), [&](const Eip712Field& f) { return f.name == entry.key(); }))
            return eipError(label + " (" + type + "): unknown field '" + entry.key() + "'");
    CTRN_ASSIGN(crypto::Hash256 th, typeHash(type));
    crypto::Keccak256 hasher;
    hasher.update(th);
    for (const auto& f : fields) {
        if (!value.contains(f.name)) return eipError(label + " (" + type + "): missing field '" + f.name + "'");
        CTRN_ASSIGN(Bytes word, encodeField(f.type, value[f.name], label + "." + f.name, depth));
        hasher.update(word);
    }
    return hasher.finish();
}

Result<Bytes> TypedData::encodeData(const std::string& type, const Json& value) const {
    auto it = m_types.find(type);
    if (it == m_types.end()) return eipError("unknown struct type '" + type + "'");
    if (!value.is_object()) return eipError(type + ": expected an object, got " + value.type_name());
    CTRN_ASSIGN(crypto::Hash256 th, typeHash(type));
    Bytes out = toBytes(th);
    for (const auto& entry : value.items())
        if (std::none_of(it->second.begin(), it->second.end(), [&](const Eip712Field& f) { return f.name == entry.key(); }))
            return eipError(type + ": unknown field '" + entry.key() + "'");
    for (const auto& f : it->second) {
        if (!value.contains(f.name)) return eipError(type + ": missing field '" + f.name + "'");
        CTRN_ASSIGN(Bytes word, encodeField(f.type, value[f.name], type + "." + f.name, 0));
        append(out, word);
    }
    return out;
}

Result<crypto::Hash256> TypedData::hashStruct(const std::string& type, const Json& value) const {
    return hashStructAt(type, value, type, 0);
}

Result<crypto::Hash256> TypedData::domainSeparator() const { return hashStructAt("EIP712Domain", m_domain, "domain", 0); }

Result<crypto::Hash256> TypedData::messageHash() const { return hashStructAt(m_primaryType, m_message, "message", 0); }

Result<crypto::Hash256> TypedData::digest() const {
    CTRN_ASSIGN(crypto::Hash256 ds, domainSeparator());
    if (m_primaryType == "EIP712Domain") {
        const std::uint8_t prefix[2] = {0x19, 0x01};
        return crypto::keccak256(concat({prefix, ds}));
    }
    CTRN_ASSIGN(crypto::Hash256 mh, messageHash());
    return eip712Digest(ds, mh);
}

Result<crypto::Hash256> eip712Digest(const Json& typedData) {
    CTRN_ASSIGN(TypedData td, TypedData::fromJson(typedData));
    return td.digest();
}

crypto::Hash256 eip712Digest(const crypto::Hash256& domainSeparator, const crypto::Hash256& structHash) {
    const std::uint8_t prefix[2] = {0x19, 0x01};
    return crypto::keccak256(concat({prefix, domainSeparator, structHash}));
}

} // namespace ctrn::encoding
