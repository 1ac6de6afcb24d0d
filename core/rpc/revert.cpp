#include <core/rpc/revert.h>

#include <core/encoding/abi.h>
#include <core/util/hex.h>

#include <map>
#include <mutex>
#include <vector>

namespace ctrn::rpc {
namespace {

struct Registry {
    std::mutex mutex;
    std::map<encoding::Selector, encoding::AbiSignature> errors;
};

// OpenZeppelin 5.x errors the token and governance contracts raise; the
// protocol's own are added by core/protocol through registerCustomError.
const char* const kKnownErrors[] = {
    "ERC20InsufficientBalance(address,uint256,uint256)",
    "ERC20InvalidSender(address)",
    "ERC20InvalidReceiver(address)",
    "ERC20InsufficientAllowance(address,uint256,uint256)",
    "ERC20InvalidApprover(address)",
    "ERC20InvalidSpender(address)",
    "ERC2612ExpiredSignature(uint256)",
    "ERC2612InvalidSigner(address,address)",
    "OwnableUnauthorizedAccount(address)",
    "AccessControlUnauthorizedAccount(address,bytes32)",
    "GovernorAlreadyCastVote(address)",
    "GovernorNonexistentProposal(uint256)",
    "GovernorInsufficientProposerVotes(address,uint256,uint256)",
    "EnforcedPause()",
    "ReentrancyGuardReentrantCall()",
};

Registry& registry() {
    static Registry* r = [] {
        auto* reg = new Registry;
        for (const char* s : kKnownErrors) {
            auto sig = encoding::parseSignature(s);
            if (sig) reg->errors.emplace(encoding::functionSelector(*sig), *sig);
        }
        return reg;
    }();
    return *r;
}

std::string panicMeaning(const U256& code) {
    static const std::map<unsigned, const char*> meanings = {
        {0x00, "generic compiler panic"},
        {0x01, "assertion failed"},
        {0x11, "arithmetic overflow or underflow"},
        {0x12, "division or modulo by zero"},
        {0x21, "invalid enum value"},
        {0x22, "invalid storage byte array encoding"},
        {0x31, "pop on an empty array"},
        {0x32, "array index out of bounds"},
        {0x41, "out of memory"},
        {0x51, "call to an uninitialised function"},
    };
    if (code <= 0xff) {
        auto it = meanings.find(static_cast<unsigned>(code));
        if (it != meanings.end()) return it->second;
    }
    return "unknown panic code";
}

std::string valueToText(const encoding::AbiType& type, const encoding::AbiValue& value) {
    Json j = encoding::abiValueToJson(type, value);
    return j.is_string() ? j.get<std::string>() : j.dump();
}

} // namespace

bool registerCustomError(std::string_view signature) {
    auto sig = encoding::parseSignature(signature);
    if (!sig) return false;
    auto& r = registry();
    std::lock_guard lock(r.mutex);
    r.errors[encoding::functionSelector(*sig)] = *sig;
    return true;
}

namespace {

// The canonical type of an ABI JSON parameter: tuples spelled out from their
// components ("(address,uint256)[]"), as selectors are computed.
std::string canonicalParam(const Json& param) {
    std::string type = param.value("type", "");
    if (type.rfind("tuple", 0) != 0) return type;
    std::string inner;
    for (const auto& c : param.value("components", Json::array())) inner += (inner.empty() ? "" : ",") + canonicalParam(c);
    return "(" + inner + ")" + type.substr(5); // keep array suffixes after "tuple"
}

} // namespace

std::size_t registerAbiErrors(const Json& abi) {
    if (!abi.is_array()) return 0;
    std::size_t count = 0;
    for (const auto& entry : abi) {
        if (!entry.is_object() || entry.value("type", "") != "error") continue;
        std::string signature = entry.value("name", "") + "(";
        bool first = true;
        for (const auto& input : entry.value("inputs", Json::array())) {
            signature += (first ? "" : ",") + canonicalParam(input);
            first = false;
        }
        signature += ")";
        if (registerCustomError(signature)) ++count;
    }
    return count;
}

std::string decodeRevert(ByteView data) {
    if (data.empty()) return "reverted without a reason";
    if (data.size() >= 4) {
        encoding::Selector selector = toFixed<4>(data.subspan(0, 4));
        ByteView args = data.subspan(4);
        const encoding::Selector errorString{0x08, 0xc3, 0x79, 0xa0};
        const encoding::Selector panic{0x4e, 0x48, 0x7b, 0x71};
        if (selector == errorString) {
            std::vector<encoding::AbiType> types{encoding::AbiType::string()};
            auto values = encoding::abiDecode(types, args, {false});
            if (values) return "reverted: " + values->front().asString();
        } else if (selector == panic) {
            std::vector<encoding::AbiType> types{encoding::AbiType::uint()};
            auto values = encoding::abiDecode(types, args);
            if (values) {
                auto code = values->front().toU256();
                if (code) {
                    std::string hex = toQuantityHex(*code);
                    return "panic " + hex + ": " + panicMeaning(*code);
                }
            }
        } else {
            auto& r = registry();
            std::lock_guard lock(r.mutex);
            auto it = r.errors.find(selector);
            if (it != r.errors.end()) {
                const auto& sig = it->second;
                auto values = encoding::abiDecode(sig.inputs, args);
                if (values) {
                    std::string out = sig.name + "(";
                    for (std::size_t i = 0; i < values->size(); ++i) {
                        if (i) out += ", ";
                        out += valueToText(sig.inputs[i], (*values)[i]);
                    }
                    return out + ")";
                }
            }
        }
    }
    return "reverted with data " + toHex(data);
}

} // namespace ctrn::rpc
