#include <core/chain/json_fields.h>

namespace ctrn::chain::json {
namespace {

Error fieldError(const char* field, const std::string& message) {
    return makeError(ErrorCode::InvalidInput, std::string("field '") + field + "': " + message);
}

Result<const Json*> member(const Json& object, const char* field) {
    if (!object.is_object()) return makeError(ErrorCode::InvalidInput, "expected a JSON object");
    auto it = object.find(field);
    if (it == object.end() || it->is_null()) return fieldError(field, "missing");
    return &*it;
}

} // namespace

Result<U256> toU256(const Json& value, const std::string& what) {
    if (value.is_number_unsigned()) return U256(value.get<std::uint64_t>());
    if (value.is_number_integer()) {
        if (value.get<std::int64_t>() < 0) return makeError(ErrorCode::InvalidInput, what + ": negative value");
        return U256(value.get<std::int64_t>());
    }
    if (value.is_string()) {
        auto v = parseU256(value.get<std::string>());
        if (!v) return makeError(ErrorCode::InvalidInput, what + ": " + v.error().message);
        return v;
    }
    return makeError(ErrorCode::InvalidInput, what + ": expected an integer");
}

Result<U256> quantity(const Json& object, const char* field) {
    CTRN_ASSIGN(const Json* v, member(object, field));
    return toU256(*v, std::string("field '") + field + "'");
}

Result<std::uint64_t> quantity64(const Json& object, const char* field) {
    CTRN_ASSIGN(U256 v, quantity(object, field));
    if (v > std::numeric_limits<std::uint64_t>::max()) return fieldError(field, "exceeds 64 bits");
    return static_cast<std::uint64_t>(v);
}

Result<std::optional<U256>> optionalQuantity(const Json& object, const char* field) {
    auto it = object.find(field);
    if (it == object.end() || it->is_null()) return std::optional<U256>{};
    CTRN_ASSIGN(U256 v, quantity(object, field));
    return std::optional<U256>(v);
}

Result<std::optional<Hash>> optionalHash(const Json& object, const char* field) {
    auto it = object.find(field);
    if (it == object.end() || it->is_null()) return std::optional<Hash>{};
    CTRN_ASSIGN(Hash h, hash(object, field));
    return std::optional<Hash>(h);
}

Result<Bytes> data(const Json& object, const char* field) {
    CTRN_ASSIGN(const Json* v, member(object, field));
    if (!v->is_string()) return fieldError(field, "expected a hex string");
    auto bytes = fromHex(v->get<std::string>());
    if (!bytes) return fieldError(field, bytes.error().message);
    return bytes;
}

template <std::size_t N>
Result<FixedBytes<N>> fixedData(const Json& object, const char* field) {
    CTRN_ASSIGN(Bytes bytes, data(object, field));
    if (bytes.size() != N)
        return fieldError(field, "expected " + std::to_string(N) + " bytes, got " + std::to_string(bytes.size()));
    return toFixed<N>(bytes);
}

template Result<FixedBytes<8>> fixedData<8>(const Json&, const char*);
template Result<FixedBytes<32>> fixedData<32>(const Json&, const char*);
template Result<FixedBytes<256>> fixedData<256>(const Json&, const char*);

Result<Hash> hash(const Json& object, const char* field) {
    CTRN_ASSIGN(auto bytes, fixedData<32>(object, field));
    return Hash(bytes);
}

Result<Address> address(const Json& object, const char* field) {
    CTRN_ASSIGN(const Json* v, member(object, field));
    if (!v->is_string()) return fieldError(field, "expected an address");
    auto a = Address::fromHex(v->get<std::string>());
    if (!a) return fieldError(field, a.error().message);
    return a;
}

} // namespace ctrn::chain::json
