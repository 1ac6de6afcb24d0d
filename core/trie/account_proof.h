// EIP-1186 account and storage proofs (an eth_getProof result) checked
// against a state root. The node's claimed balance, nonce, code hash and
// storage root must equal what the proven account leaf holds, and each
// storage value must equal what the proven slot holds. An absent account is
// proven absent and reads as the empty account; an absent slot as zero.
#pragma once

#include <core/chain/address.h>
#include <core/chain/hash.h>
#include <core/trie/trie_root.h>
#include <core/util/json.h>
#include <core/util/result.h>
#include <core/util/uint256.h>

#include <string>
#include <vector>

namespace ctrn::trie {

struct Account {
    U256 nonce = 0;
    U256 balance = 0;
    chain::Hash storageRoot;
    chain::Hash codeHash;
    bool exists = false;
};

// The account stored for `address` under `stateRoot`, proven by `proof`.
Result<Account> verifyAccount(const Root& stateRoot, const chain::Address& address, const std::vector<Bytes>& proof);

// The value of storage slot `slot` (32 bytes) under `storageRoot`.
Result<U256> verifyStorage(const Root& storageRoot, const FixedBytes<32>& slot, const std::vector<Bytes>& proof);

struct StorageCheck {
    FixedBytes<32> slot{};
    U256 claimed = 0;
    U256 proven = 0;
    bool valid = false;
    std::string error; // why it is not valid
};

struct ProofCheck {
    chain::Address address;
    Account claimed;   // what the node said
    Account proven;    // what the proof shows (valid only if accountValid)
    bool accountValid = false;
    std::string accountError;
    std::vector<StorageCheck> storage;
    bool valid() const;
};

// Checks a whole eth_getProof result. Fails only when the JSON itself is
// malformed; a proof that does not verify gives a ProofCheck with the
// failing parts marked and explained.
Result<ProofCheck> checkEthProof(const Root& stateRoot, const Json& result);

} // namespace ctrn::trie
