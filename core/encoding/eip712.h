// EIP-712 typed structured data: the JSON form wallets receive from dapps
// (types, primaryType, domain, message), encodeType with its dependency
// order, typeHash, encodeData/hashStruct, the domain separator, and the
// digest keccak256(0x19 0x01 || domainSeparator || hashStruct(message)) that
// eth_signTypedData_v4 signs.
#pragma once

#include <core/crypto/keccak.h>
#include <core/util/bytes.h>
#include <core/util/json.h>
#include <core/util/result.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace ctrn::encoding {

struct Eip712Field {
    std::string name;
    std::string type; // "uint256", "Person", "Person[]", "bytes32[2]"
};

class TypedData {
public:
    // Validates the whole document up front: every referenced type is
    // defined or atomic, field names are unique, primaryType exists. The
    // EIP712Domain type is derived from the domain's fields when the types
    // omit it (name, version, chainId, verifyingContract, salt, in that order).
    // Errors are InvalidInput with a message starting "eip712: ".
    static Result<TypedData> fromJson(const Json& json);

    const std::string& primaryType() const { return m_primaryType; }
    const std::map<std::string, std::vector<Eip712Field>>& types() const { return m_types; }

    // "Mail(Person from,Person to,string contents)Person(string name,address wallet)":
    // the type itself, then the struct types it references, alphabetically.
    Result<std::string> encodeType(const std::string& type) const;
    Result<crypto::Hash256> typeHash(const std::string& type) const;
    // typeHash followed by one 32-byte word per field: atomic values ABI
    // encoded, bytes and string hashed, structs by hashStruct, arrays as the
    // hash of their concatenated element encodings. Missing fields and fields
    // the type does not declare are errors (a wallet must not sign data the
    // user was shown but that is not part of the signature).
    Result<Bytes> encodeData(const std::string& type, const Json& value) const;
    Result<crypto::Hash256> hashStruct(const std::string& type, const Json& value) const;

    Result<crypto::Hash256> domainSeparator() const;
    Result<crypto::Hash256> messageHash() const; // hashStruct(primaryType, message)
    // What gets signed. When primaryType is EIP712Domain the message part is
    // omitted, as in the specification's reference implementation.
    Result<crypto::Hash256> digest() const;

private:
    Result<Bytes> encodeField(const std::string& type, const Json& value, const std::string& label, std::size_t depth) const;
    Result<crypto::Hash256> hashStructAt(const std::string& type, const Json& value, const std::string& label,
                                         std::size_t depth) const;
    void collectDependencies(const std::string& type, std::vector<std::string>& found) const;

    std::map<std::string, std::vector<Eip712Field>> m_types;
    std::string m_primaryType;
    Json m_domain;
    Json m_message;
};

// The digest of a typed-data JSON document (TypedData::fromJson + digest).
Result<crypto::Hash256> eip712Digest(const Json& typedData);
// keccak256(0x19 0x01 || domainSeparator || structHash).
crypto::Hash256 eip712Digest(const crypto::Hash256& domainSeparator, const crypto::Hash256& structHash);

} // namespace ctrn::encoding
