// The index in verified mode: indexed protocol events are checked against
// their transactions' receipts as the light client proves them (the block's
// receipt trie rebuilt and compared with a header linked to the
// checkpoint). The index is built from the node's eth_getLogs answers; a
// log the node invented, altered or took from a failed transaction is found
// here and named, instead of being shown as a vote, a proposal or a stake.
#pragma once

#include <core/chain/deployment.h>
#include <core/lightclient/light_client.h>
#include <core/protocol/contract_abi.h>
#include <core/storage/protocol_store.h>
#include <core/util/result.h>

#include <functional>
#include <string>
#include <vector>

namespace ctrn::protocol {

// The contracts whose events are governance: the three governors, the
// timelock (the treasury) and the guardian multisig.
const std::vector<std::string>& governanceContracts();

// Whether `event` is about `account`: one of its decoded fields is that
// address (a voter, proposer, staker, buyer, provider...).
bool eventConcerns(const storage::ProtocolEvent& event, const chain::Address& account);

struct EventProblem {
    storage::ProtocolEvent event;
    std::string problem; // why it is not proven
};

struct VerifiedEventsReport {
    std::size_t events = 0;       // events checked
    std::size_t transactions = 0; // receipts proven
    std::size_t verified = 0;     // events found in a proven, successful receipt
    std::uint64_t highestBlock = 0;
    std::vector<EventProblem> problems; // contradicted by the proof, or unverifiable
};

// Checks every stored event that `select` accepts. Network and storage
// failures are errors; a node contradicting its proofs or the index is a
// problem per event (the report says which and why).
Result<VerifiedEventsReport> verifyIndexedEvents(lightclient::LightClient& light, storage::ProtocolStore& store,
                                                 const chain::Deployment& deployment, const ProtocolAbis& abis,
                                                 const std::function<bool(const storage::ProtocolEvent&)>& select);

} // namespace ctrn::protocol
