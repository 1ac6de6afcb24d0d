// The one decoder of protocol event logs, for every place that reads them:
// a receipt's logs after an action (interfaces::Actions, ctrn), the event
// indexer's eth_getLogs ranges, and the logs of receipts the light client
// proved (verified_events). A log is taken apart (address, topics, data)
// once, from the node's JSON or a proven chain::Log, then decoded with the
// ABI of the protocol contract at its address.
#pragma once

#include <core/chain/address.h>
#include <core/chain/receipt.h>
#include <core/protocol/contract.h>

#include <optional>
#include <vector>

namespace ctrn::protocol {

struct RawLog {
    chain::Address address;
    std::vector<crypto::Hash256> topics;
    Bytes data;
};

// A log object as eth_getLogs and eth_getTransactionReceipt return it.
Result<RawLog> rawLogFromJson(const Json& log);
RawLog rawLog(const chain::Log& log);

// `log` decoded with `abi` (the contract that emitted it).
Result<DecodedEvent> decodeLog(const ContractAbi& abi, const RawLog& log);
// `log` decoded with the ABI of the protocol contract at its address;
// nullopt for a log of another contract or one that does not decode.
std::optional<DecodedEvent> decodeProtocolLog(const Protocol& protocol, const RawLog& log);
// Every protocol event of a receipt (eth_getTransactionReceipt's JSON), in
// log order; logs of other contracts are left out.
std::vector<DecodedEvent> decodeReceiptEvents(const Protocol& protocol, const Json& receipt);

// Registers every custom error of the protocol ABIs with rpc::decodeRevert,
// so a revert of any protocol contract reads as "InsufficientStake(…)"
// wherever it is met (ctrn, the app, the simulation of a review). Once per
// process; an unreadable ABI only costs its errors' names.
void registerProtocolErrors();

} // namespace ctrn::protocol
