// Solidity storage locations computed from a contract's storage layout as
// `forge inspect CONTRACT storageLayout --json` writes it (committed under
// resources/storage-layout/ by scripts/gen-storage-layout). Nothing here is
// a hand-typed offset: a variable's slot, a mapping's key hashing, a struct
// member's slot and byte offset, a dynamic array's element position and the
// packing of small values all follow the layout's own type table, so a
// contract change that moves a variable moves the computed slots with it.
// Pure: no I/O.
#pragma once

#include <core/chain/address.h>
#include <core/util/bytes.h>
#include <core/util/json.h>
#include <core/util/result.h>
#include <core/util/uint256.h>

#include <map>
#include <string>
#include <variant>
#include <vector>

namespace ctrn::lightclient {

// A place in storage: the slot, and where the value sits in it (values
// smaller than 32 bytes are packed: `offset` bytes from the right).
struct StorageLocation {
    U256 slot = 0;
    unsigned offset = 0;          // bytes from the low end of the slot
    unsigned size = 32;           // bytes the value takes
    std::string type;             // the layout's type id (t_uint256, t_mapping(...), ...)
    FixedBytes<32> slotKey() const { return toBigEndian32(slot); }
};

// A mapping key: addresses and integers are padded to 32 bytes as Solidity
// does; strings/bytes keys are hashed unpadded.
using MappingKey = std::variant<chain::Address, U256, FixedBytes<32>, std::string>;

class StorageLayout {
public:
    static Result<StorageLayout> fromJson(const Json& layout);

    // A top-level state variable by its name in the source ("_balances").
    Result<StorageLocation> variable(const std::string& name) const;
    // mapping[key].
    Result<StorageLocation> mappingValue(const StorageLocation& mapping, const MappingKey& key) const;
    // struct.member.
    Result<StorageLocation> member(const StorageLocation& structure, const std::string& name) const;
    // array[index] of a dynamic array (the length lives in the array's own
    // slot; elements from keccak(slot), packed when smaller than 16 bytes).
    Result<StorageLocation> arrayElement(const StorageLocation& array, const U256& index) const;

    // A variable reached by a path: "name", then ".member", "[key]" steps,
    // keys given in order. E.g. path("_delegateCheckpoints", {owner}, "[]._checkpoints").
    // Steps: "[]" takes the next key (mapping), "." + name a member.
    Result<StorageLocation> path(const std::string& variableName, const std::vector<MappingKey>& keys,
                                 const std::string& steps = "[]") const;

    // The value at `location` cut out of its slot's 32-byte word.
    static U256 extract(const StorageLocation& location, const U256& slotValue);

    // The type's encoding ("inplace", "mapping", "dynamic_array", "bytes")
    // and its label ("uint256", "struct Checkpoints.Trace208").
    std::string encoding(const std::string& type) const;
    std::string label(const std::string& type) const;

private:
    struct Member {
        std::string label;
        U256 slot = 0;
        unsigned offset = 0;
        std::string type;
    };
    struct Type {
        std::string encoding;
        std::string label;
        unsigned numberOfBytes = 32;
        std::string key, value, base; // mapping key/value, array base
        std::vector<Member> members;  // structs
    };
    Result<const Type*> type(const std::string& id) const;
    Result<StorageLocation> place(const U256& baseSlot, const Member& m) const;

    std::vector<Member> m_variables;
    std::map<std::string, Type> m_types;
};

} // namespace ctrn::lightclient
