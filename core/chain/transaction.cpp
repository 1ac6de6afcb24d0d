#include <core/chain/transaction.h>

#include <core/chain/json_fields.h>
#include <core/crypto/keccak.h>
#include <core/encoding/rlp.h>
#include <core/util/hex.h>

namespace ctrn::chain {
namespace {

using namespace encoding;

Error txError(const std::string& message, ErrorCode code = ErrorCode::InvalidEncoding) {
    return makeError(code, "tx: " + message);
}

// secp256k1 group order n and n/2 (EIP-2 requires s <= n/2).
const U256& curveOrder() {
    static const U256 n = *parseU256("0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
    return n;
}
const U256& halfOrder() {
    static const U256 h = curveOrder() / 2;
    return h;
}

Bytes encodeAccessList(const std::vector<AccessListEntry>& list) {
    std::vector<Bytes> entries;
    entries.reserve(list.size());
    for (const auto& e : list) {
        std::vector<Bytes> keys;
        for (const auto& k : e.storageKeys) keys.push_back(rlpEncodeBytes(k.view()));
        std::vector<Bytes> fields{rlpEncodeBytes(e.address.view()), rlpEncodeList(keys)};
        entries.push_back(rlpEncodeList(fields));
    }
    return rlpEncodeList(entries);
}

Bytes encodeTo(const std::optional<Address>& to) { return to ? rlpEncodeBytes(to->view()) : rlpEncodeBytes({}); }

Bytes encodeHashes(const std::vector<Hash>& hashes) {
    std::vector<Bytes> items;
    for (const auto& h : hashes) items.push_back(rlpEncodeBytes(h.view()));
    return rlpEncodeList(items);
}

Bytes encodeAuthorizations(const std::vector<Authorization>& list) {
    std::vector<Bytes> items;
    for (const auto& a : list) {
        std::vector<Bytes> f{rlpEncodeUint(a.chainId), rlpEncodeBytes(a.address.view()), rlpEncodeUint(a.nonce),
                             rlpEncodeUint(a.yParity), rlpEncodeUint(a.r), rlpEncodeUint(a.s)};
        items.push_back(rlpEncodeList(f));
    }
    return rlpEncodeList(items);
}

// The unsigned fields in the order of each type's RLP list.
std::vector<Bytes> bodyFields(const Transaction& tx) {
    std::vector<Bytes> f;
    switch (tx.type) {
    case TxType::Legacy:
        f = {rlpEncodeUint(tx.nonce), rlpEncodeUint(tx.gasPrice), rlpEncodeUint(tx.gas), encodeTo(tx.to),
             rlpEncodeUint(tx.value), rlpEncodeBytes(tx.data)};
        break;
    case TxType::AccessList:
        f = {rlpEncodeUint(tx.chainId.value_or(0)), rlpEncodeUint(tx.nonce), rlpEncodeUint(tx.gasPrice),
             rlpEncodeUint(tx.gas), encodeTo(tx.to), rlpEncodeUint(tx.value), rlpEncodeBytes(tx.data),
             encodeAccessList(tx.accessList)};
        break;
    case TxType::DynamicFee:
    case TxType::Blob:
    case TxType::SetCode:
        f = {rlpEncodeUint(tx.chainId.value_or(0)), rlpEncodeUint(tx.nonce), rlpEncodeUint(tx.maxPriorityFeePerGas),
             rlpEncodeUint(tx.maxFeePerGas), rlpEncodeUint(tx.gas), encodeTo(tx.to), rlpEncodeUint(tx.value),
             rlpEncodeBytes(tx.data), encodeAccessList(tx.accessList)};
        if (tx.type == TxType::Blob) {
            f.push_back(rlpEncodeUint(tx.maxFeePerBlobGas));
            f.push_back(encodeHashes(tx.blobVersionedHashes));
        } else if (tx.type == TxType::SetCode) {
            f.push_back(encodeAuthorizations(tx.authorizationList));
        }
        break;
    }
    return f;
}

Bytes withTypeByte(TxType type, const Bytes& rlp) {
    if (type == TxType::Legacy) return rlp;
    Bytes out;
    out.reserve(rlp.size() + 1);
    out.push_back(static_cast<std::uint8_t>(type));
    append(out, rlp);
    return out;
}

Status checkSignatureValues(const TxSignature& sig) {
    if (sig.r == 0 || sig.r >= curveOrder()) return txError("signature r out of range", ErrorCode::InvalidSignature);
    if (sig.s == 0 || sig.s >= curveOrder()) return txError("signature s out of range", ErrorCode::InvalidSignature);
    if (sig.s > halfOrder()) return txError("signature has high s", ErrorCode::InvalidSignature);
    return Ok{};
}

Result<Address> recoverSender(const Transaction& tx) {
    const TxSignature& sig = *tx.signature;
    CTRN_TRY(checkSignatureValues(sig));
    CTRN_ASSIGN(int recid, tx.recoveryId());
    crypto::RecoverableSignature rsv{};
    auto r = toBigEndian32(sig.r);
    auto s = toBigEndian32(sig.s);
    std::copy(r.begin(), r.end(), rsv.begin());
    std::copy(s.begin(), s.end(), rsv.begin() + 32);
    rsv[64] = static_cast<std::uint8_t>(recid);
    auto key = crypto::recoverPublicKey(signingHash(tx).bytes(), rsv);
    if (!key) return txError("cannot recover the sender: " + key.error().message, ErrorCode::InvalidSignature);
    return Address(crypto::addressOf(*key));
}

// --- decoding helpers ------------------------------------------------------

Result<std::optional<Address>> decodeTo(const RlpNode& node) {
    CTRN_ASSIGN(ByteView b, node.asBytes());
    if (b.empty()) return std::optional<Address>{};
    if (b.size() != 20) return txError("'to' is " + std::to_string(b.size()) + " bytes, not 20");
    return std::optional<Address>(Address(toFixed<20>(b)));
}

Result<Hash> decodeHash(const RlpNode& node, const char* what) {
    CTRN_ASSIGN(ByteView b, node.asBytes());
    if (b.size() != 32) return txError(std::string(what) + " is not 32 bytes");
    return Hash(toFixed<32>(b));
}

Result<std::vector<AccessListEntry>> decodeAccessList(const RlpNode& node) {
    if (!node.isList()) return txError("access list is not a list");
    std::vector<AccessListEntry> out;
    for (const auto& entry : node.items()) {
        CTRN_ASSIGN(auto fields, entry.listOf(2));
        CTRN_ASSIGN(ByteView addr, fields[0].asBytes());
        if (addr.size() != 20) return txError("access list address is not 20 bytes");
        AccessListEntry e{Address(toFixed<20>(addr)), {}};
        if (!fields[1].isList()) return txError("access list keys are not a list");
        for (const auto& k : fields[1].items()) {
            CTRN_ASSIGN(Hash h, decodeHash(k, "access list storage key"));
            e.storageKeys.push_back(h);
        }
        out.push_back(std::move(e));
    }
    return out;
}

Result<std::vector<Authorization>> decodeAuthorizations(const RlpNode& node) {
    if (!node.isList()) return txError("authorization list is not a list");
    std::vector<Authorization> out;
    for (const auto& entry : node.items()) {
        CTRN_ASSIGN(auto f, entry.listOf(6));
        Authorization a;
        CTRN_ASSIGN(a.chainId, f[0].asUint());
        CTRN_ASSIGN(ByteView addr, f[1].asBytes());
        if (addr.size() != 20) return txError("authorization address is not 20 bytes");
        a.address = Address(toFixed<20>(addr));
        CTRN_ASSIGN(a.nonce, f[2].asUint());
        CTRN_ASSIGN(a.yParity, f[3].asUint());
        CTRN_ASSIGN(a.r, f[4].asUint());
        CTRN_ASSIGN(a.s, f[5].asUint());
        out.push_back(a);
    }
    return out;
}

Result<TxSignature> decodeSignature(std::span<const RlpNode> f) {
    TxSignature sig;
    CTRN_ASSIGN(sig.v, f[0].asUint());
    CTRN_ASSIGN(sig.r, f[1].asUint());
    CTRN_ASSIGN(sig.s, f[2].asUint());
    return sig;
}

Result<Transaction> decodeLegacy(const RlpNode& root) {
    auto fields = root.listOf(9);
    if (!fields) return txError("legacy transaction: " + fields.error().message);
    const auto& f = *fields;
    Transaction tx;
    tx.type = TxType::Legacy;
    CTRN_ASSIGN(tx.nonce, f[0].asUint());
    CTRN_ASSIGN(tx.gasPrice, f[1].asUint());
    CTRN_ASSIGN(tx.gas, f[2].asUint());
    CTRN_ASSIGN(tx.to, decodeTo(f[3]));
    CTRN_ASSIGN(tx.value, f[4].asUint());
    CTRN_ASSIGN(ByteView data, f[5].asBytes());
    tx.data = toBytes(data);
    CTRN_ASSIGN(TxSignature sig, decodeSignature(f.subspan(6)));
    if (sig.v == 27 || sig.v == 28) {
        tx.chainId.reset();
    } else if (sig.v >= 35) {
        tx.chainId = (sig.v - 35) / 2;
    } else {
        return txError("invalid legacy v " + toDecimal(sig.v), ErrorCode::InvalidSignature);
    }
    tx.signature = sig;
    return tx;
}

Result<Transaction> decodeTyped(TxType type, const RlpNode& root) {
    // Field counts including yParity, r, s.
    const std::size_t count = type == TxType::AccessList ? 11 : type == TxType::DynamicFee ? 12 : type == TxType::Blob ? 14 : 13;
    const RlpNode* body = &root;
    // A blob transaction in network form wraps the payload with the blobs.
    if (type == TxType::Blob && root.isList() && root.items().size() == 4 && root.items()[0].isList()) body = &root.items()[0];
    auto fields = body->listOf(count);
    if (!fields) return txError("type " + std::to_string(int(type)) + " transaction: " + fields.error().message);
    const auto& f = *fields;
    Transaction tx;
    tx.type = type;
    std::size_t i = 0;
    CTRN_ASSIGN(U256 chainId, f[i++].asUint());
    tx.chainId = chainId;
    CTRN_ASSIGN(tx.nonce, f[i++].asUint());
    if (type == TxType::AccessList) {
        CTRN_ASSIGN(tx.gasPrice, f[i++].asUint());
    } else {
        CTRN_ASSIGN(tx.maxPriorityFeePerGas, f[i++].asUint());
        CTRN_ASSIGN(tx.maxFeePerGas, f[i++].asUint());
    }
    CTRN_ASSIGN(tx.gas, f[i++].asUint());
    CTRN_ASSIGN(tx.to, decodeTo(f[i++]));
    if ((type == TxType::Blob || type == TxType::SetCode) && !tx.to)
        return txError("type " + std::to_string(int(type)) + " transaction cannot create a contract");
    CTRN_ASSIGN(tx.value, f[i++].asUint());
    CTRN_ASSIGN(ByteView data, f[i++].asBytes());
    tx.data = toBytes(data);
    CTRN_ASSIGN(tx.accessList, decodeAccessList(f[i++]));
    if (type == TxType::Blob) {
        CTRN_ASSIGN(tx.maxFeePerBlobGas, f[i++].asUint());
        if (!f[i].isList()) return txError("blob hashes are not a list");
        for (const auto& h : f[i].items()) {
            CTRN_ASSIGN(Hash hash, decodeHash(h, "blob versioned hash"));
            tx.blobVersionedHashes.push_back(hash);
        }
        ++i;
    } else if (type == TxType::SetCode) {
        CTRN_ASSIGN(tx.authorizationList, decodeAuthorizations(f[i++]));
    }
    CTRN_ASSIGN(TxSignature sig, decodeSignature(f.subspan(i)));
    if (sig.v > 1) return txError("yParity must be 0 or 1, got " + toDecimal(sig.v), ErrorCode::InvalidSignature);
    tx.signature = sig;
    return tx;
}

// --- JSON helpers ----------------------------------------------------------

Result<Hash> hashFromJson(const Json& value, const char* what) {
    if (!value.is_string()) return txError(std::string(what) + " must be a hex string", ErrorCode::InvalidInput);
    auto h = Hash::fromHex(value.get<std::string>());
    if (!h) return txError(std::string(what) + ": " + h.error().message, ErrorCode::InvalidInput);
    return h;
}

// An access list as ctrn's input and nodes' answers write it.
Result<std::vector<AccessListEntry>> accessListFromJson(const Json& list) {
    if (!list.is_array()) return txError("field 'accessList': expected an array", ErrorCode::InvalidInput);
    std::vector<AccessListEntry> out;
    for (const auto& e : list) {
        AccessListEntry entry;
        CTRN_ASSIGN(entry.address, json::address(e, "address"));
        if (e.contains("storageKeys")) {
            if (!e["storageKeys"].is_array()) return txError("field 'storageKeys': expected an array", ErrorCode::InvalidInput);
            for (const auto& k : e["storageKeys"]) {
                CTRN_ASSIGN(Hash key, hashFromJson(k, "storage key"));
                entry.storageKeys.push_back(key);
            }
        }
        out.push_back(std::move(entry));
    }
    return out;
}

} // namespace

Result<int> Transaction::recoveryId() const {
    if (!signature) return txError("transaction is not signed", ErrorCode::InvalidSignature);
    const U256& v = signature->v;
    if (isTyped()) {
        if (v > 1) return txError("yParity must be 0 or 1", ErrorCode::InvalidSignature);
        return static_cast<int>(v);
    }
    if (!chainId) {
        if (v != 27 && v != 28) return txError("pre-EIP-155 v must be 27 or 28", ErrorCode::InvalidSignature);
        return static_cast<int>(v - 27);
    }
    U256 base = *chainId * 2 + 35;
    if (v != base && v != base + 1) return txError("v does not match chain id " + toDecimal(*chainId), ErrorCode::InvalidSignature);
    return static_cast<int>(v - base);
}

Bytes signingPayload(const Transaction& tx) {
    std::vector<Bytes> f = bodyFields(tx);
    if (tx.type == TxType::Legacy && tx.chainId) {
        // EIP-155: the chain id and two empty fields stand where v, r, s go.
        f.push_back(rlpEncodeUint(*tx.chainId));
        f.push_back(rlpEncodeUint(0));
        f.push_back(rlpEncodeUint(0));
    }
    return withTypeByte(tx.type, rlpEncodeList(f));
}

Hash signingHash(const Transaction& tx) { return Hash(crypto::keccak256(signingPayload(tx))); }

Result<Bytes> encodeSigned(const Transaction& tx) {
    if (!tx.signature) return txError("transaction is not signed", ErrorCode::InvalidInput);
    std::vector<Bytes> f = bodyFields(tx);
    f.push_back(rlpEncodeUint(tx.signature->v));
    f.push_back(rlpEncodeUint(tx.signature->r));
    f.push_back(rlpEncodeUint(tx.signature->s));
    return withTypeByte(tx.type, rlpEncodeList(f));
}

TransactionSigner::TransactionSigner(crypto::PrivateKey key)
    : m_key(std::move(key)), m_address(crypto::addressOf(m_key)) {}

Result<SignedTransaction> signTransaction(Transaction tx, const crypto::PrivateKey& key) {
    return TransactionSigner(key).sign(std::move(tx));
}

Result<crypto::RecoverableSignature> TransactionSigner::signHash(const crypto::Hash256& digest) const {
    return crypto::signRecoverable(m_key, digest);
}

Result<SignedTransaction> TransactionSigner::sign(Transaction tx) const {
    if (tx.type != TxType::Legacy && tx.type != TxType::AccessList && tx.type != TxType::DynamicFee)
        return txError("signing type " + std::to_string(int(tx.type)) + " transactions is not supported", ErrorCode::Unsupported);
    if (tx.isTyped() && !tx.chainId) return txError("a typed transaction needs a chainId", ErrorCode::InvalidInput);
    tx.signature.reset();
    Hash hash = signingHash(tx);
    CTRN_ASSIGN(crypto::RecoverableSignature rsv, crypto::signRecoverable(m_key, hash.bytes()));
    TxSignature sig;
    CTRN_ASSIGN(sig.r, fromBigEndian(ByteView(rsv.data(), 32)));
    CTRN_ASSIGN(sig.s, fromBigEndian(ByteView(rsv.data() + 32, 32)));
    U256 recid = rsv[64];
    if (tx.isTyped()) sig.v = recid;
    else if (tx.chainId) sig.v = *tx.chainId * 2 + 35 + recid;
    else sig.v = 27 + recid;
    tx.signature = sig;
    SignedTransaction out;
    CTRN_ASSIGN(out.raw, encodeSigned(tx));
    out.hash = Hash(crypto::keccak256(out.raw));
    out.from = m_address;
    out.tx = std::move(tx);
    return out;
}

Result<SignedTransaction> decodeTransaction(ByteView raw) {
    if (raw.empty()) return txError("empty input");
    Result<Transaction> tx = txError("unreachable");
    if (raw[0] >= 0xc0) {
        auto root = rlpDecode(raw);
        if (!root) return txError(root.error().message);
        tx = decodeLegacy(*root);
    } else if (raw[0] >= 0x01 && raw[0] <= 0x04) {
        auto root = rlpDecode(raw.subspan(1));
        if (!root) return txError(root.error().message);
        tx = decodeTyped(static_cast<TxType>(raw[0]), *root);
    } else {
        return txError("unknown type 0x" + toHex(raw.subspan(0, 1), false));
    }
    if (!tx) return tx.error();
    SignedTransaction out;
    CTRN_ASSIGN(out.from, recoverSender(*tx));
    out.raw = toBytes(raw);
    out.hash = Hash(crypto::keccak256(raw));
    out.tx = std::move(tx).value();
    return out;
}

// --- JSON -----------------------------------------------------------------

Result<Transaction> transactionFromJson(const Json& o) {
    if (!o.is_object()) return txError("expected a JSON object", ErrorCode::InvalidInput);
    Transaction tx;
    auto has = [&](const char* k) { return o.contains(k) && !o[k].is_null(); };
    if (has("type")) {
        CTRN_ASSIGN(U256 type, json::quantity(o, "type"));
        if (type > 2) return txError("type must be 0, 1 or 2 to sign", ErrorCode::InvalidInput);
        tx.type = static_cast<TxType>(static_cast<int>(type));
    } else {
        tx.type = has("maxFeePerGas") ? TxType::DynamicFee : has("accessList") ? TxType::AccessList : TxType::Legacy;
    }
    CTRN_ASSIGN(tx.chainId, json::optionalQuantity(o, "chainId"));
    if (tx.type == TxType::Legacy && tx.chainId && *tx.chainId == 0) tx.chainId.reset();
    if (tx.isTyped() && !tx.chainId) return txError("field 'chainId': missing (required for type 1 and 2)", ErrorCode::InvalidInput);
    CTRN_ASSIGN(tx.nonce, json::quantity(o, "nonce"));
    CTRN_ASSIGN(tx.gas, has("gas") ? json::quantity(o, "gas") : json::quantity(o, "gasLimit"));
    if (tx.type == TxType::DynamicFee) {
        if (has("gasPrice")) return txError("type 2 takes maxFeePerGas and maxPriorityFeePerGas, not gasPrice", ErrorCode::InvalidInput);
        CTRN_ASSIGN(tx.maxFeePerGas, json::quantity(o, "maxFeePerGas"));
        CTRN_ASSIGN(tx.maxPriorityFeePerGas, json::quantity(o, "maxPriorityFeePerGas"));
        if (tx.maxPriorityFeePerGas > tx.maxFeePerGas)
            return txError("maxPriorityFeePerGas exceeds maxFeePerGas", ErrorCode::InvalidInput);
    } else {
        if (has("maxFeePerGas")) return txError("type " + std::to_string(int(tx.type)) + " takes gasPrice, not maxFeePerGas", ErrorCode::InvalidInput);
        CTRN_ASSIGN(tx.gasPrice, json::quantity(o, "gasPrice"));
    }
    if (has("to")) {
        CTRN_ASSIGN(Address to, json::address(o, "to"));
        tx.to = to;
    }
    if (has("value")) { CTRN_ASSIGN(tx.value, json::quantity(o, "value")); }
    if (has("data")) { CTRN_ASSIGN(tx.data, json::data(o, "data")); }
    else if (has("input")) { CTRN_ASSIGN(tx.data, json::data(o, "input")); }
    if (has("accessList")) {
        if (tx.type == TxType::Legacy) return txError("a legacy transaction has no access list", ErrorCode::InvalidInput);
        CTRN_ASSIGN(tx.accessList, accessListFromJson(o["accessList"]));
    }
    return tx;
}

Result<Transaction> transactionFromRpcJson(const Json& o) {
    if (!o.is_object()) return txError("expected a JSON object", ErrorCode::InvalidInput);
    auto has = [&](const char* k) { return o.contains(k) && !o[k].is_null(); };
    Transaction tx;
    CTRN_ASSIGN(auto type, json::optionalQuantity(o, "type"));
    if (type && *type > 4) return txError("unknown type " + toQuantityHex(*type), ErrorCode::Unsupported);
    tx.type = static_cast<TxType>(type ? static_cast<int>(*type) : 0);
    CTRN_ASSIGN(tx.chainId, json::optionalQuantity(o, "chainId"));
    if (tx.isTyped() && !tx.chainId) return txError("field 'chainId': missing (required for typed transactions)", ErrorCode::InvalidInput);
    CTRN_ASSIGN(tx.nonce, json::quantity(o, "nonce"));
    CTRN_ASSIGN(tx.gas, json::quantity(o, "gas"));
    if (tx.type == TxType::Legacy || tx.type == TxType::AccessList) {
        CTRN_ASSIGN(tx.gasPrice, json::quantity(o, "gasPrice"));
    } else {
        // A typed node answer also carries the effective gasPrice; it is not signed.
        CTRN_ASSIGN(tx.maxPriorityFeePerGas, json::quantity(o, "maxPriorityFeePerGas"));
        CTRN_ASSIGN(tx.maxFeePerGas, json::quantity(o, "maxFeePerGas"));
    }
    if (has("to")) {
        CTRN_ASSIGN(Address to, json::address(o, "to"));
        tx.to = to;
    }
    CTRN_ASSIGN(tx.value, json::quantity(o, "value"));
    CTRN_ASSIGN(tx.data, json::data(o, "input"));
    if (tx.isTyped()) {
        if (!has("accessList")) return txError("field 'accessList': missing", ErrorCode::InvalidInput);
        CTRN_ASSIGN(tx.accessList, accessListFromJson(o["accessList"]));
    }
    if (tx.type == TxType::Blob) {
        CTRN_ASSIGN(tx.maxFeePerBlobGas, json::quantity(o, "maxFeePerBlobGas"));
        if (!has("blobVersionedHashes") || !o["blobVersionedHashes"].is_array())
            return txError("field 'blobVersionedHashes': expected an array", ErrorCode::InvalidInput);
        for (const auto& h : o["blobVersionedHashes"]) {
            CTRN_ASSIGN(Hash hash, hashFromJson(h, "blob versioned hash"));
            tx.blobVersionedHashes.push_back(hash);
        }
    }
    if (tx.type == TxType::SetCode) {
        if (!has("authorizationList") || !o["authorizationList"].is_array())
            return txError("field 'authorizationList': expected an array", ErrorCode::InvalidInput);
        for (const auto& a : o["authorizationList"]) {
            Authorization auth;
            CTRN_ASSIGN(auth.chainId, json::quantity(a, "chainId"));
            CTRN_ASSIGN(auth.address, json::address(a, "address"));
            CTRN_ASSIGN(auth.nonce, json::quantity(a, "nonce"));
            CTRN_ASSIGN(auth.yParity, json::quantity(a, "yParity"));
            CTRN_ASSIGN(auth.r, json::quantity(a, "r"));
            CTRN_ASSIGN(auth.s, json::quantity(a, "s"));
            tx.authorizationList.push_back(auth);
        }
    }
    TxSignature sig;
    // Typed transactions sign with yParity; nodes also echo it as v, older ones only as v.
    CTRN_ASSIGN(sig.v, tx.isTyped() && has("yParity") ? json::quantity(o, "yParity") : json::quantity(o, "v"));
    CTRN_ASSIGN(sig.r, json::quantity(o, "r"));
    CTRN_ASSIGN(sig.s, json::quantity(o, "s"));
    tx.signature = sig;
    return tx;
}

Json transactionToJson(const SignedTransaction& s) {
    const Transaction& tx = s.tx;
    Json o = Json::object();
    o["type"] = std::to_string(int(tx.type));
    if (tx.chainId) o["chainId"] = toDecimal(*tx.chainId);
    o["nonce"] = toDecimal(tx.nonce);
    if (tx.type == TxType::Legacy || tx.type == TxType::AccessList) {
        o["gasPrice"] = toDecimal(tx.gasPrice);
    } else {
        o["maxPriorityFeePerGas"] = toDecimal(tx.maxPriorityFeePerGas);
        o["maxFeePerGas"] = toDecimal(tx.maxFeePerGas);
    }
    o["gas"] = toDecimal(tx.gas);
    o["to"] = tx.to ? Json(tx.to->checksummed()) : Json(nullptr);
    o["value"] = toDecimal(tx.value);
    o["data"] = toHex(tx.data);
    if (tx.isTyped()) {
        Json list = Json::array();
        for (const auto& e : tx.accessList) {
            Json keys = Json::array();
            for (const auto& k : e.storageKeys) keys.push_back(k.hex());
            list.push_back({{"address", e.address.checksummed()}, {"storageKeys", keys}});
        }
        o["accessList"] = list;
    }
    if (tx.type == TxType::Blob) {
        o["maxFeePerBlobGas"] = toDecimal(tx.maxFeePerBlobGas);
        Json hashes = Json::array();
        for (const auto& h : tx.blobVersionedHashes) hashes.push_back(h.hex());
        o["blobVersionedHashes"] = hashes;
    }
    if (tx.type == TxType::SetCode) {
        Json list = Json::array();
        for (const auto& a : tx.authorizationList)
            list.push_back({{"chainId", toDecimal(a.chainId)}, {"address", a.address.checksummed()}, {"nonce", toDecimal(a.nonce)},
                            {"yParity", toDecimal(a.yParity)}, {"r", toQuantityHex(a.r)}, {"s", toQuantityHex(a.s)}});
        o["authorizationList"] = list;
    }
    if (tx.signature) {
        o["v"] = toDecimal(tx.signature->v);
        if (tx.isTyped()) o["yParity"] = toDecimal(tx.signature->v);
        o["r"] = toHex(toBigEndian32(tx.signature->r));
        o["s"] = toHex(toBigEndian32(tx.signature->s));
    }
    o["from"] = s.from.checksummed();
    o["hash"] = s.hash.hex();
    return o;
}

} // namespace ctrn::chain
