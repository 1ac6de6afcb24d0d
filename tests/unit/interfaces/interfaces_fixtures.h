// What the interfaces tests over a fake node share: anvil's default
// mnemonic and first accounts, and the small converters their fake nodes'
// answers are written with.
#pragma once

#include <core/chain/address.h>
#include <core/chain/u256.h>
#include <core/interfaces/values.h>
#include <core/util/hex.h>

#include <string>

namespace fixtures {

inline const char* kMnemonic = "test test test test test test test test test test test junk";
inline const char* kAddr0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
inline const char* kAddr1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
inline const char* kToken = "0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0";

inline ctrn::chain::Address addr(const char* hex) { return *ctrn::chain::Address::fromHex(hex); }
// "1.5" ether in wei.
inline ctrn::U256 ether(const char* amount) { return *ctrn::interfaces::parseAmount(amount, 18); }
// A 32-byte ABI word (an eth_call answer) holding `v`.
inline std::string word(const ctrn::U256& v) {
    std::string hex = ctrn::toQuantityHex(v).substr(2);
    return "0x" + std::string(64 - hex.size(), '0') + hex;
}

} // namespace fixtures
