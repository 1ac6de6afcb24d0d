#include <core/trie/account_proof.h>

#include <core/chain/json_fields.h>
#include <core/crypto/keccak.h>
#include <core/encoding/rlp.h>
#include <core/trie/proof.h>
#include <core/util/hex.h>

namespace ctrn::trie {
namespace {

const chain::Hash& emptyCodeHash() {
    static const chain::Hash h(crypto::keccak256({}));
    return h;
}

Error accountError(const std::string& message) {
    return makeError(ErrorCode::VerificationFailed, "account: " + message);
}

Result<std::vector<Bytes>> proofNodes(const Json& object, const char* field) {
    auto it = object.find(field);
    if (it == object.end() || !it->is_array())
        return makeError(ErrorCode::InvalidInput, std::string("field '") + field + "': expected an array of hex nodes");
    std::vector<Bytes> nodes;
    nodes.reserve(it->size());
    for (const auto& n : *it) {
        if (!n.is_string()) return makeError(ErrorCode::InvalidInput, std::string("field '") + field + "': expected hex strings");
        auto bytes = fromHex(n.get<std::string>());
        if (!bytes) return makeError(ErrorCode::InvalidInput, std::string("field '") + field + "': " + bytes.error().message);
        nodes.push_back(std::move(bytes).value());
    }
    return nodes;
}

// Storage keys in eth_getProof are quantities or 32-byte words; either way
// the slot is the 32-byte big-endian word.
Result<FixedBytes<32>> slotFromJson(const Json& entry) {
    CTRN_ASSIGN(U256 slot, chain::json::quantity(entry, "key"));
    return toBigEndian32(slot);
}

} // namespace

Result<Account> verifyAccount(const Root& stateRoot, const chain::Address& address, const std::vector<Bytes>& proof) {
    auto leaf = verifyProof(stateRoot, crypto::keccak256(address.view()), proof);
    if (!leaf) return std::move(leaf).withContext("account").error();
    Account account;
    account.storageRoot = chain::Hash(emptyTrieRoot());
    account.codeHash = emptyCodeHash();
    if (!leaf->has_value()) return account;

    auto decoded = encoding::rlpDecode(**leaf);
    if (!decoded) return accountError(decoded.error().message);
    auto fields = decoded->listOf(4);
    if (!fields) return accountError(fields.error().message);
    const auto& f = *fields;
    CTRN_ASSIGN(account.nonce, f[0].asUint());
    CTRN_ASSIGN(account.balance, f[1].asUint());
    CTRN_ASSIGN(ByteView storageRoot, f[2].asBytes());
    CTRN_ASSIGN(ByteView codeHash, f[3].asBytes());
    if (storageRoot.size() != 32 || codeHash.size() != 32) return accountError("leaf hashes are not 32 bytes");
    account.storageRoot = chain::Hash(toFixed<32>(storageRoot));
    account.codeHash = chain::Hash(toFixed<32>(codeHash));
    account.exists = true;
    return account;
}

Result<U256> verifyStorage(const Root& storageRoot, const FixedBytes<32>& slot, const std::vector<Bytes>& proof) {
    auto leaf = verifyProof(storageRoot, crypto::keccak256(slot), proof);
    if (!leaf) return std::move(leaf).withContext("storage").error();
    if (!leaf->has_value()) return U256(0);
    // Storage leaves hold RLP(value) with the value's minimal big-endian bytes.
    auto decoded = encoding::rlpDecode(**leaf);
    if (!decoded) return makeError(ErrorCode::VerificationFailed, "storage: " + decoded.error().message);
    auto value = decoded->asUint();
    if (!value) return makeError(ErrorCode::VerificationFailed, "storage: " + value.error().message);
    return value;
}

bool ProofCheck::valid() const {
    if (!accountValid) return false;
    for (const auto& s : storage)
        if (!s.valid) return false;
    return true;
}

Result<ProofCheck> checkEthProof(const Root& stateRoot, const Json& result) {
    if (!result.is_object()) return makeError(ErrorCode::InvalidInput, "proof: expected an eth_getProof result object");
    ProofCheck check;
    CTRN_ASSIGN(check.address, chain::json::address(result, "address"));
    CTRN_ASSIGN(check.claimed.balance, chain::json::quantity(result, "balance"));
    CTRN_ASSIGN(check.claimed.nonce, chain::json::quantity(result, "nonce"));
    CTRN_ASSIGN(check.claimed.codeHash, chain::json::hash(result, "codeHash"));
    CTRN_ASSIGN(check.claimed.storageRoot, chain::json::hash(result, "storageHash"));
    CTRN_ASSIGN(auto accountNodes, proofNodes(result, "accountProof"));

    auto proven = verifyAccount(stateRoot, check.address, accountNodes);
    if (!proven) {
        check.accountError = proven.error().message;
    } else {
        check.proven = *proven;
        const Account& c = check.claimed;
        const Account& p = check.proven;
        if (c.balance != p.balance) check.accountError = "account: balance " + toDecimal(c.balance) + " is not the proven " + toDecimal(p.balance);
        else if (c.nonce != p.nonce) check.accountError = "account: nonce " + toDecimal(c.nonce) + " is not the proven " + toDecimal(p.nonce);
        else if (c.codeHash != p.codeHash) check.accountError = "account: codeHash " + c.codeHash.hex() + " is not the proven " + p.codeHash.hex();
        else if (c.storageRoot != p.storageRoot) check.accountError = "account: storageHash " + c.storageRoot.hex() + " is not the proven " + p.storageRoot.hex();
        else check.accountValid = true;
    }

    auto storage = result.find("storageProof");
    if (storage != result.end() && !storage->is_array())
        return makeError(ErrorCode::InvalidInput, "field 'storageProof': expected an array");
    if (storage == result.end()) return check;
    for (const auto& entry : *storage) {
        StorageCheck s;
        CTRN_ASSIGN(s.slot, slotFromJson(entry));
        CTRN_ASSIGN(s.claimed, chain::json::quantity(entry, "value"));
        CTRN_ASSIGN(auto nodes, proofNodes(entry, "proof"));
        // Storage is proven against the proven storage root, never the
        // node's claim (which is only trusted once the account verified).
        const Root& root = check.accountValid ? check.proven.storageRoot.bytes() : check.claimed.storageRoot.bytes();
        auto value = verifyStorage(root, s.slot, nodes);
        if (!value) {
            s.error = value.error().message;
        } else {
            s.proven = *value;
            if (s.proven != s.claimed) s.error = "storage: value " + toDecimal(s.claimed) + " is not the proven " + toDecimal(s.proven);
            else s.valid = check.accountValid;
            if (!check.accountValid && s.error.empty()) s.error = "storage: the account proof did not verify";
        }
        check.storage.push_back(std::move(s));
    }
    return check;
}

} // namespace ctrn::trie
