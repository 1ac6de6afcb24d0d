// Ethereum transactions: legacy (pre-EIP-155 and EIP-155), EIP-2930 and
// EIP-1559 are built, signed, encoded, hashed and decoded; EIP-4844 (blob)
// and EIP-7702 (set-code) are decoded so history can show them. All five
// are also read from node JSON and re-encoded, so the light client can
// rebuild a block's transactions trie. Decoding is strict: canonical RLP
// only, a known type byte, r and s in range, low s (EIP-2), and the sender
// is recovered from the signature.
#pragma once

#include <core/chain/address.h>
#include <core/chain/hash.h>
#include <core/crypto/secp256k1.h>
#include <core/util/bytes.h>
#include <core/util/json.h>
#include <core/util/result.h>
#include <core/util/uint256.h>

#include <optional>
#include <vector>

namespace ctrn::chain {

enum class TxType : std::uint8_t { Legacy = 0, AccessList = 1, DynamicFee = 2, Blob = 3, SetCode = 4 };

struct AccessListEntry {
    Address address;
    std::vector<Hash> storageKeys;
};

// An EIP-7702 authorization tuple (decoded only).
struct Authorization {
    U256 chainId = 0;
    Address address;
    U256 nonce = 0;
    U256 yParity = 0;
    U256 r = 0;
    U256 s = 0;
};

struct TxSignature {
    U256 v = 0; // legacy: 27/28 or chainId*2+35/36; typed: yParity 0/1
    U256 r = 0;
    U256 s = 0;
};

struct Transaction {
    TxType type = TxType::DynamicFee;
    std::optional<U256> chainId; // a legacy tx without it is pre-EIP-155
    U256 nonce = 0;
    U256 gasPrice = 0;             // legacy, 2930
    U256 maxPriorityFeePerGas = 0; // 1559, 4844, 7702
    U256 maxFeePerGas = 0;
    U256 gas = 0;
    std::optional<Address> to;     // absent: contract creation
    U256 value = 0;
    Bytes data;
    std::vector<AccessListEntry> accessList;
    U256 maxFeePerBlobGas = 0;                 // 4844
    std::vector<Hash> blobVersionedHashes;     // 4844
    std::vector<Authorization> authorizationList; // 7702
    std::optional<TxSignature> signature;

    bool isTyped() const { return type != TxType::Legacy; }
    // The recovery id (0/1) carried by the signature's v.
    Result<int> recoveryId() const;
};

// The bytes that are hashed and signed (EIP-155 / EIP-2718 rules).
Bytes signingPayload(const Transaction& tx);
Hash signingHash(const Transaction& tx);

// The signed transaction as broadcast with eth_sendRawTransaction; its
// keccak is the transaction hash.
Result<Bytes> encodeSigned(const Transaction& tx);

struct SignedTransaction {
    Transaction tx;
    Bytes raw;
    Hash hash;
    Address from;
};

// Signs transactions with one key. The sender address costs an elliptic-curve
// multiplication, as much as half a signature, so it is derived once here
// rather than per transaction (a wallet signs many with an unlocked account).
class TransactionSigner {
public:
    explicit TransactionSigner(crypto::PrivateKey key);
    const Address& address() const { return m_address; }
    // RFC 6979 (deterministic, low s). Only types 0, 1 and 2 are built by
    // the wallet; the others are refused (Unsupported).
    Result<SignedTransaction> sign(Transaction tx) const;
    // A recoverable signature (r||s||v, v in {0,1}) of a 32-byte digest, for
    // EIP-712 messages signed by the same account (e.g. a listing manifest).
    Result<crypto::RecoverableSignature> signHash(const crypto::Hash256& digest) const;

private:
    crypto::PrivateKey m_key;
    Address m_address;
};

// One-off signing: TransactionSigner(key).sign(tx).
Result<SignedTransaction> signTransaction(Transaction tx, const crypto::PrivateKey& key);

// Decodes a raw signed transaction and recovers its sender. Errors name the
// problem: "tx: unknown type 0x05", "tx: signature has high s", ...
Result<SignedTransaction> decodeTransaction(ByteView raw);

// ctrn's JSON form: input for `tx sign`, output of `tx decode`.
Result<Transaction> transactionFromJson(const Json& object);
Json transactionToJson(const SignedTransaction& tx);

// A transaction object as nodes return it (eth_getTransactionByHash, a block
// with full transactions): all five types with their signatures, so that
// encodeSigned of the result is the encoding the node hashed and put in the
// block's transactions trie. Fields outside that encoding (hash, from,
// blockHash, a blob transaction's sidecar, the effective gasPrice of a
// typed one) are ignored; an unknown type is Unsupported.
Result<Transaction> transactionFromRpcJson(const Json& object);

} // namespace ctrn::chain
