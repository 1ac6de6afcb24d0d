#include <core/lightclient/storage_layout.h>

#include <core/crypto/keccak.h>
#include <core/util/hex.h>

namespace ctrn::lightclient {
namespace {

Error layoutError(const std::string& message) { return makeError(ErrorCode::InvalidInput, "storage layout: " + message); }

Result<U256> slotNumber(const Json& entry) {
    auto it = entry.find("slot");
    if (it == entry.end()) return layoutError("an entry has no slot");
    if (it->is_string()) return parseU256(it->get<std::string>());
    if (it->is_number_unsigned()) return U256(it->get<std::uint64_t>());
    return layoutError("slot is neither a string nor a number");
}

Result<unsigned> smallNumber(const Json& entry, const char* field) {
    auto it = entry.find(field);
    if (it == entry.end()) return layoutError(std::string("an entry has no ") + field);
    if (it->is_number_unsigned()) return it->get<unsigned>();
    if (it->is_string()) {
        CTRN_ASSIGN(U256 v, parseU256(it->get<std::string>()));
        if (v > 1u << 30) return layoutError(std::string(field) + " out of range");
        return static_cast<unsigned>(v);
    }
    return layoutError(std::string(field) + " is not a number");
}

std::string stringField(const Json& entry, const char* field) {
    auto it = entry.find(field);
    return it != entry.end() && it->is_string() ? it->get<std::string>() : std::string();
}

} // namespace

Result<StorageLayout> StorageLayout::fromJson(const Json& layout) {
    if (!layout.is_object() || !layout.contains("storage") || !layout["storage"].is_array())
        return layoutError("expected forge's {storage: [...], types: {...}}");
    StorageLayout out;
    auto readMember = [](const Json& e) -> Result<Member> {
        Member m;
        m.label = stringField(e, "label");
        m.type = stringField(e, "type");
        CTRN_ASSIGN(m.slot, slotNumber(e));
        CTRN_ASSIGN(m.offset, smallNumber(e, "offset"));
        if (m.label.empty() || m.type.empty()) return layoutError("an entry lacks its label or type");
        return m;
    };
    for (const auto& e : layout["storage"]) {
        CTRN_ASSIGN(Member m, readMember(e));
        out.m_variables.push_back(std::move(m));
    }
    if (auto types = layout.find("types"); types != layout.end() && types->is_object()) {
        for (const auto& [id, t] : types->items()) {
            Type type;
            type.encoding = stringField(t, "encoding");
            type.label = stringField(t, "label");
            CTRN_ASSIGN(type.numberOfBytes, smallNumber(t, "numberOfBytes"));
            type.key = stringField(t, "key");
            type.value = stringField(t, "value");
            type.base = stringField(t, "base");
            if (auto members = t.find("members"); members != t.end() && members->is_array())
                for (const auto& e : *members) {
                    CTRN_ASSIGN(Member m, readMember(e));
                    type.members.push_back(std::move(m));
                }
            out.m_types.emplace(id, std::move(type));
        }
    }
    return out;
}

Result<const StorageLayout::Type*> StorageLayout::type(const std::string& id) const {
    auto it = m_types.find(id);
    if (it == m_types.end()) return layoutError("unknown type " + id);
    return &it->second;
}

std::string StorageLayout::encoding(const std::string& id) const {
    auto t = type(id);
    return t ? (*t)->encoding : std::string();
}

std::string StorageLayout::label(const std::string& id) const {
    auto t = type(id);
    return t ? (*t)->label : std::string();
}

Result<StorageLocation> StorageLayout::place(const U256& baseSlot, const Member& m) const {
    CTRN_ASSIGN(const Type* t, type(m.type));
    StorageLocation loc;
    loc.slot = baseSlot + m.slot; // wraps mod 2^256 like the EVM's slot arithmetic
    loc.offset = m.offset;
    loc.size = t->encoding == "inplace" && t->members.empty() ? t->numberOfBytes : 32;
    loc.type = m.type;
    return loc;
}

Result<StorageLocation> StorageLayout::variable(const std::string& name) const {
    for (const auto& v : m_variables)
        if (v.label == name) return place(0, v);
    return layoutError("no state variable named " + name);
}

Result<StorageLocation> StorageLayout::mappingValue(const StorageLocation& mapping, const MappingKey& key) const {
    CTRN_ASSIGN(const Type* t, type(mapping.type));
    if (t->encoding != "mapping") return layoutError(t->label + " is not a mapping");
    // keccak256(h(key) . slot): h pads value types to 32 bytes and leaves
    // strings and bytes as they are (Solidity's storage layout rules).
    Bytes preimage;
    if (const auto* a = std::get_if<chain::Address>(&key)) {
        preimage.assign(12, 0);
        preimage.insert(preimage.end(), a->bytes().begin(), a->bytes().end());
    } else if (const auto* n = std::get_if<U256>(&key)) {
        auto w = toBigEndian32(*n);
        preimage.assign(w.begin(), w.end());
    } else if (const auto* w = std::get_if<FixedBytes<32>>(&key)) {
        preimage.assign(w->begin(), w->end());
    } else {
        const auto& s = std::get<std::string>(key);
        preimage.assign(s.begin(), s.end());
    }
    auto slotWord = toBigEndian32(mapping.slot);
    preimage.insert(preimage.end(), slotWord.begin(), slotWord.end());
    auto h = crypto::keccak256(preimage);
    CTRN_ASSIGN(U256 slot, fromBigEndian(h));
    CTRN_ASSIGN(const Type* valueType, type(t->value));
    StorageLocation loc;
    loc.slot = slot;
    loc.type = t->value;
    loc.size = valueType->encoding == "inplace" && valueType->members.empty() ? valueType->numberOfBytes : 32;
    return loc;
}

Result<StorageLocation> StorageLayout::member(const StorageLocation& structure, const std::string& name) const {
    CTRN_ASSIGN(const Type* t, type(structure.type));
    if (t->members.empty()) return layoutError(t->label + " is not a struct");
    for (const auto& m : t->members)
        if (m.label == name) return place(structure.slot, m);
    return layoutError(t->label + " has no member " + name);
}

Result<StorageLocation> StorageLayout::arrayElement(const StorageLocation& array, const U256& index) const {
    CTRN_ASSIGN(const Type* t, type(array.type));
    if (t->encoding != "dynamic_array") return layoutError(t->label + " is not a dynamic array");
    CTRN_ASSIGN(const Type* base, type(t->base));
    auto h = crypto::keccak256(toBigEndian32(array.slot));
    CTRN_ASSIGN(U256 start, fromBigEndian(h));
    StorageLocation loc;
    loc.type = t->base;
    const bool packed = base->encoding == "inplace" && base->members.empty() && base->numberOfBytes <= 16;
    if (packed) {
        // Several elements share a slot, filled from the low end.
        unsigned perSlot = 32 / base->numberOfBytes;
        loc.slot = start + index / perSlot;
        loc.offset = static_cast<unsigned>(index % perSlot) * base->numberOfBytes;
        loc.size = base->numberOfBytes;
    } else {
        U256 slotsPerElement = (U256(base->numberOfBytes) + 31) / 32;
        loc.slot = start + index * slotsPerElement;
        loc.size = base->members.empty() && base->encoding == "inplace" ? base->numberOfBytes : 32;
    }
    return loc;
}

Result<StorageLocation> StorageLayout::path(const std::string& variableName, const std::vector<MappingKey>& keys,
                                            const std::string& steps) const {
    CTRN_ASSIGN(StorageLocation loc, variable(variableName));
    std::size_t nextKey = 0;
    std::size_t i = 0;
    while (i < steps.size()) {
        if (steps.compare(i, 2, "[]") == 0) {
            if (nextKey >= keys.size()) return layoutError("path " + variableName + steps + " needs more keys");
            CTRN_ASSIGN(loc, mappingValue(loc, keys[nextKey++]));
            i += 2;
        } else if (steps[i] == '.') {
            std::size_t end = steps.find_first_of(".[", i + 1);
            if (end == std::string::npos) end = steps.size();
            CTRN_ASSIGN(loc, member(loc, steps.substr(i + 1, end - i - 1)));
            i = end;
        } else {
            return layoutError("bad path step in '" + steps + "'");
        }
    }
    if (nextKey != keys.size()) return layoutError("path " + variableName + steps + " has unused keys");
    return loc;
}

U256 StorageLayout::extract(const StorageLocation& location, const U256& slotValue) {
    if (location.size >= 32 && location.offset == 0) return slotValue;
    U256 shifted = slotValue >> (8 * location.offset);
    U256 mask = (U256(1) << (8 * location.size)) - 1;
    return shifted & mask;
}

} // namespace ctrn::lightclient
