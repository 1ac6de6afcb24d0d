// EIP-681 payment request URIs (the text behind a receive QR code):
// "ethereum:0xAddr@31337?value=1.5e18" for ETH and
// "ethereum:0xToken@31337/transfer?address=0xTo&uint256=1e18" for an ERC-20.
#pragma once

#include <core/chain/address.h>
#include <core/util/result.h>
#include <core/util/uint256.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ctrn::wallet {

struct PaymentRequest {
    chain::Address target;               // the recipient, or the token contract for "transfer"
    std::optional<std::uint64_t> chainId;
    std::optional<std::string> function; // only "transfer" is understood
    std::optional<chain::Address> recipient; // transfer's address parameter
    std::optional<U256> value;           // wei (ETH)
    std::optional<U256> amount;          // transfer's uint256 parameter (token units)
    std::optional<U256> gasLimit;
    std::optional<U256> gasPrice;
};

// Parses a URI. Numbers may use the scientific form ("2.014e18") but must
// come out as whole numbers. ENS names, other functions and unknown
// parameters for a transfer are refused with a message saying so.
Result<PaymentRequest> parseEip681(std::string_view uri);
std::string makeEip681(const PaymentRequest& request);

} // namespace ctrn::wallet
