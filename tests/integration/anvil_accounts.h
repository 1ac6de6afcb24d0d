// anvil's well-known development accounts: its default mnemonic and the first
// accounts it derives (m/44'/60'/0'/0/i), as every integration test uses them.
#pragma once

namespace anvil {

inline constexpr const char* kMnemonic = "test test test test test test test test test test test junk";
// Private key of account 0, without 0x (as some tools want it).
inline constexpr const char* kKey0 = "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
inline constexpr const char* kAddr0 = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
inline constexpr const char* kKey1 = "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
inline constexpr const char* kAddr1 = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
inline constexpr const char* kAddr2 = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";
inline constexpr const char* kAddr3 = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";

} // namespace anvil
