#include <core/wallet/token_balance.h>

#include <core/encoding/abi.h>

namespace ctrn::wallet {
namespace {

Result<U256> callUint(rpc::EthNode& node, const chain::Address& token, const char* signature, const chain::Address& arg,
                      const std::string& block) {
    std::vector<encoding::AbiValue> args{encoding::AbiValue::address(arg.bytes())};
    CTRN_ASSIGN(auto data, encoding::encodeCall(signature, args));
    auto out = node.call({std::nullopt, token, 0, data}, block);
    if (!out) return makeError(out.error().code, "token " + token.checksummed() + ": " + signature + ": " + out.error().message);
    std::vector<encoding::AbiType> types{encoding::AbiType::uint()};
    auto values = encoding::abiDecode(types, out->unverifiedValue());
    if (!values)
        return makeError(ErrorCode::InvalidInput, "token " + token.checksummed() + " did not answer " + signature);
    return values->front().toU256();
}

} // namespace

Result<rpc::Unverified<LockedTokenBalance>> lockedTokenBalance(rpc::EthNode& node, const chain::Address& token,
                                                               const chain::Address& owner, const std::string& block) {
    LockedTokenBalance b;
    CTRN_ASSIGN(b.total, callUint(node, token, "balanceOf(address)", owner, block));
    CTRN_ASSIGN(b.locked, callUint(node, token, "lockedOf(address)", owner, block));
    return rpc::Unverified<LockedTokenBalance>(b);
}

Result<std::string> tokenSymbol(rpc::EthNode& node, const chain::Address& token) {
    CTRN_ASSIGN(auto data, encoding::encodeCall("symbol()", {}));
    CTRN_ASSIGN(auto out, node.call({std::nullopt, token, 0, data}));
    CTRN_ASSIGN(auto type, encoding::parseAbiType("string"));
    std::vector<encoding::AbiType> types{type};
    auto values = encoding::abiDecode(types, out.unverifiedValue());
    if (!values || values->front().asString().empty())
        return makeError(ErrorCode::InvalidInput, "token " + token.checksummed() + " did not answer symbol()");
    return values->front().asString();
}

} // namespace ctrn::wallet
