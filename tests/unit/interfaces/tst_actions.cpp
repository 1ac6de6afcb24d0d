// interfaces::Actions over a fake node: what is reviewed is what is signed
// (the raw transaction the node receives, decoded, equals the prepared one
// field by field; only the nonce is added), submit() estimates no fee or
// gas again, a PreparedAction changed after its review is refused and
// nothing is sent, the call is decoded from the call data with its units,
// and a simulation that reverts shows the protocol's custom error in words.
#include <core/chain/transaction.h>
#include <core/crypto/keccak.h>
#include <core/interfaces/services.h>
#include <core/interfaces/values.h>
#include <core/protocol/contract_abi.h>
#include <core/util/hex.h>

#include "interfaces_fixtures.h"
#include "interfaces_tests.h"
#include "unit/fake_node.h"

#include <QTemporaryDir>

#include <algorithm>

using namespace ctrn;
using namespace ctrn::interfaces;

namespace {
using namespace fixtures;
const char* kHub = "0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9";
const char* kRevenue = "0x5FC8d32690cc91D4c39d9d3abcBD16989F875707";

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

// The call data of `function` of protocol contract `contract`, as the
// bindings send it: the fake answers exactly that call.
std::string calldata(const char* contract, const char* function, const Json& args) {
    auto abi = protocol::ContractAbi::load(contract);
    if (!abi) qFatal("%s", abi.error().message.c_str());
    auto data = abi->encodeCall(function, args);
    if (!data) qFatal("%s", data.error().message.c_str());
    return lower(toHex(*data));
}

// 100 ETH each, 5,000 CTRN with 1,200 locked; mines what it is sent.
struct FakeChain {
    std::shared_ptr<FakeNode> node = std::make_shared<FakeNode>();
    std::vector<std::string> raws;
    std::uint64_t head = 40;

    FakeChain() {
        node->results["eth_chainId"] = "0x7a69";
        node->results["eth_estimateGas"] = "0xc350"; // 50,000
        node->results["eth_feeHistory"] = Json::parse(R"({"baseFeePerGas":["0x3b9aca00","0x3b9aca00"],"reward":[["0x1","0x2","0x3"]]})");
        node->handlers["eth_getBalance"] = [](const Json&) { return Json(toQuantityHex(ether("100"))); };
        node->handlers["eth_blockNumber"] = [this](const Json&) { return Json(toQuantityHex(U256(head))); };
        node->handlers["eth_getTransactionCount"] = [this](const Json&) { return Json(toQuantityHex(U256(raws.size()))); };
        node->handlers["eth_call"] = [](const Json&) { return Json("0x"); };
        node->calls[calldata("ComputroniumToken", "balanceOf", Json::array({kAddr0}))] = word(ether("5000"));
        node->calls[calldata("ComputroniumToken", "lockedOf", Json::array({kAddr0}))] = word(ether("1200"));
        node->calls[calldata("ComputroniumToken", "decimals", Json::array())] = word(18);
        node->handlers["eth_sendRawTransaction"] = [this](const Json& p) {
            std::string raw = p[0].get<std::string>();
            raws.push_back(raw);
            return Json(toHex(ByteView(crypto::keccak256(*fromHex(raw)))));
        };
        node->handlers["eth_getTransactionReceipt"] = [this](const Json& p) {
            for (const auto& raw : raws)
                if (toHex(ByteView(crypto::keccak256(*fromHex(raw)))) == p[0].get<std::string>())
                    return Json{{"blockNumber", toQuantityHex(U256(head + 1))}, {"status", "0x1"}, {"gasUsed", "0x5208"}, {"logs", Json::array()}};
            return Json(nullptr);
        };
    }
    std::size_t count(const char* method, std::size_t from = 0) const {
        return static_cast<std::size_t>(std::count(node->methods.begin() + static_cast<std::ptrdiff_t>(from), node->methods.end(), method));
    }
};

chain::Deployment manifest() {
    chain::Deployment d;
    d.name = "devnet";
    d.chainId = 31337;
    d.rpc = "http://fake";
    d.contracts.emplace("ComputroniumToken", addr(kToken));
    d.contracts.emplace("StakingHub", addr(kHub));
    d.contracts.emplace("RevenueDistributor", addr(kRevenue));
    return d;
}

} // namespace

class TestActions : public QObject {
    Q_OBJECT
    QTemporaryDir m_tmp;

    Result<Services> services(FakeChain& chain, const char* dir) {
        ServicesOptions o;
        o.dataDir = m_tmp.filePath(dir).toStdString();
        o.urls = {"http://fake"};
        o.client.sleep = [](std::chrono::milliseconds) {};
        o.keystore = crypto::KeystoreParams::lightScrypt();
        o.deployment = manifest();
        auto s = makeServices(o, chain.node);
        if (s && !s->wallet->importMnemonic("dev", kMnemonic, asView("pw"), 2)) return makeError(ErrorCode::Internal, "import failed");
        return s;
    }
    static ActionRequest send(const char* amount, const char* token = nullptr) {
        ActionRequest r{"send", kAddr0, {{"to", kAddr1}, {"amount", amount}}, {}};
        if (token) r.params["token"] = token;
        return r;
    }

private slots:
    void reviewedIsSigned() {
        FakeChain chain;
        auto s = services(chain, "signed");
        QVERIFY2(s, s ? "" : s.error().message.c_str());
        QVERIFY(s->actions);
        auto prepared = s->actions->prepare(send("1.5"));
        QVERIFY2(prepared, prepared ? "" : prepared.error().message.c_str());
        QVERIFY(prepared->simulation.ok);
        QCOMPARE(prepared->tx.value, ether("1.5"));
        QCOMPARE(prepared->tx.gasLimit, U256(60000)); // the estimate + 20%
        QCOMPARE(prepared->maxTotalCost, ether("1.5") + U256(60000) * prepared->tx.maxFeePerGas);
        QCOMPARE(prepared->id, preparedId(prepared->tx));
        QVERIFY(reviewText(*prepared).find("Send 1.5 ETH to " + std::string(kAddr1)) == 0);

        const std::size_t before = chain.node->methods.size();
        auto sent = s->actions->submit(*prepared, asView("pw"));
        QVERIFY2(sent, sent ? "" : sent.error().message.c_str());
        QVERIFY(sent->broadcast);
        // Submitting costs no fee or gas estimate: the reviewed ones are signed.
        for (const char* m : {"eth_estimateGas", "eth_feeHistory", "eth_maxPriorityFeePerGas", "eth_gasPrice"})
            QVERIFY2(chain.count(m, before) == 0, m);
        QCOMPARE(chain.raws.size(), std::size_t(1));
        auto decoded = chain::decodeTransaction(*fromHex(chain.raws[0]));
        QVERIFY2(decoded, decoded ? "" : decoded.error().message.c_str());
        const auto& tx = decoded->tx;
        QCOMPARE(decoded->from.checksummed(), prepared->tx.from);
        QVERIFY(tx.to);
        QCOMPARE(tx.to->checksummed(), prepared->tx.to);
        QCOMPARE(tx.value, prepared->tx.value);
        QVERIFY(tx.data == prepared->tx.data);
        QCOMPARE(tx.gas, prepared->tx.gasLimit);
        QCOMPARE(tx.maxFeePerGas, prepared->tx.maxFeePerGas);
        QCOMPARE(tx.maxPriorityFeePerGas, prepared->tx.maxPriorityFeePerGas);
        QCOMPARE(*tx.chainId, U256(prepared->tx.chainId));
        QCOMPARE(tx.nonce, U256(0)); // the one field submit() adds
        QCOMPARE(decoded->hash.hex(), sent->hash);

        // The outcome, from the receipt of what this object submitted.
        std::vector<std::string> statuses;
        auto handler = s->actions->handleOutcome([&](const ActionOutcome& o) { statuses.push_back(o.status); });
        QVERIFY(s->actions->checkOutcomes());
        QCOMPARE(statuses, std::vector<std::string>{"mined"});
        auto row = s->wallet->transaction(*chain::Hash::fromHex(sent->hash));
        QVERIFY(row && *row);
        QCOMPARE((*row)->status, std::string("mined"));
    }

    void changedAfterReviewIsRefused() {
        FakeChain chain;
        auto s = services(chain, "changed");
        QVERIFY(s);
        auto prepared = s->actions->prepare(send("1"));
        QVERIFY(prepared);
        const std::string review = "the transaction changed since it was reviewed: review it again";
        auto fee = *prepared;
        fee.tx.maxFeePerGas += 1;
        auto amount = *prepared;
        amount.tx.value += 1;
        for (const auto* changed : {&fee, &amount}) {
            auto sent = s->actions->submit(*changed, asView("pw"));
            QVERIFY(!sent);
            QCOMPARE(sent.error().message, review);
            QCOMPARE(s->actions->submitUnlocked(*changed).error().message, review);
        }
        QVERIFY(chain.raws.empty());
        QVERIFY(s->wallet->history(std::nullopt)->empty());
        // A wrong password signs nothing either.
        QCOMPARE(s->actions->submit(*prepared, asView("wrong")).error().code, ErrorCode::WrongPassword);
        QVERIFY(chain.raws.empty());
    }

    void ctrnSendDecodedAndChecked() {
        FakeChain chain;
        auto s = services(chain, "ctrn");
        QVERIFY(s);
        auto prepared = s->actions->prepare(send("12.5", "CTRN"));
        QVERIFY2(prepared, prepared ? "" : prepared.error().message.c_str());
        QCOMPARE(prepared->tx.to, std::string(kToken));
        QCOMPARE(prepared->recipient, std::string(kAddr1));
        QCOMPARE(prepared->kind, std::string("token"));
        QCOMPARE(prepared->call.contract, std::string("ComputroniumToken"));
        QCOMPARE(prepared->call.signature, std::string("transfer(address,uint256)"));
        QCOMPARE(prepared->call.arguments.size(), std::size_t(2));
        QCOMPARE(prepared->call.arguments[0].value, std::string(kAddr1));
        QCOMPARE(prepared->call.arguments[1].display, std::string("12.5 CTRN"));
        // Locked CTRN cannot be sent: core's sentence, whoever asks.
        auto locked = s->actions->prepare(send("4000", "CTRN"));
        QVERIFY(!locked);
        QCOMPARE(locked.error().code, ErrorCode::InvalidInput);
        QCOMPARE(locked.error().message, std::string("amount above balance: sending 4000 CTRN, 3800 CTRN free to send (1200 CTRN locked by staking)"));
        QCOMPARE(s->actions->prepare(send("100.5")).error().message, std::string("amount above balance: sending 100.5 ETH, balance 100 ETH"));
    }

    void simulationRevertShowsTheCustomError() {
        FakeChain chain;
        // The agent is registered and the stake is unlocked, but the hub
        // reverts with its custom error: the review shows it, decoded and
        // in words; prepare() itself succeeds.
        // agents(address): a registered agent (the first of its fields).
        auto agentTypes = encoding::parseAbiTypes("bool,uint16,uint64,string,string,uint256,uint256,uint256,uint256,uint256,uint256");
        QVERIFY(agentTypes);
        std::vector<encoding::AbiValue> agent{encoding::AbiValue::boolean(true), encoding::AbiValue::uint(500), encoding::AbiValue::uint(1),
                                              encoding::AbiValue::string("Agent Smith"), encoding::AbiValue::string("")};
        for (int i = 0; i < 6; ++i) agent.push_back(encoding::AbiValue::uint(0));
        auto agentRecord = encoding::abiEncode(*agentTypes, agent);
        QVERIFY(agentRecord);
        chain.node->calls[calldata("StakingHub", "agents", Json::array({kAddr1}))] = toHex(*agentRecord);
        chain.node->calls[calldata("ComputroniumToken", "unlockedBalanceOf", Json::array({kAddr0}))] = word(ether("3800"));
        auto stake = calldata("StakingHub", "stake", Json::array({kAddr1, toDecimal(ether("100"))}));
        auto abi = protocol::ContractAbi::load("StakingHub");
        QVERIFY(abi);
        auto error = abi->error("AgentNotRegistered");
        QVERIFY(error);
        auto types = encoding::parseAbiTypes("address");
        QVERIFY(types);
        std::vector<encoding::AbiValue> values{encoding::AbiValue::address(addr(kAddr1).bytes())};
        auto args = encoding::abiEncode(*types, values);
        QVERIFY(args);
        chain.node->reverts[stake] = toHex(ByteView((*error)->selector)) + toHex(*args).substr(2);
        auto s = services(chain, "revert");
        QVERIFY(s);
        auto prepared = s->actions->prepare({"stake.add", kAddr0, {{"agent", kAddr1}, {"amount", "100"}}, {}});
        QVERIFY2(prepared, prepared ? "" : prepared.error().message.c_str());
        QVERIFY(!prepared->simulation.ok);
        QVERIFY2(prepared->simulation.revertReason.rfind("not a registered agent (AgentNotRegistered(", 0) == 0,
                 prepared->simulation.revertReason.c_str());
        QCOMPARE(prepared->call.contract, std::string("StakingHub"));
        QCOMPARE(prepared->call.function, std::string("stake"));
        QCOMPARE(prepared->call.arguments[1].display, std::string("100 CTRN"));
        QVERIFY(reviewText(*prepared).find("REVERTS: not a registered agent") != std::string::npos);

        // The rule's own refusal, before any simulation: above the unlocked balance.
        auto above = s->actions->prepare({"stake.add", kAddr0, {{"agent", kAddr1}, {"amount", "4000"}}, {}});
        QVERIFY(!above);
        QCOMPARE(above.error().message, std::string("insufficient unlocked balance: 3800 CTRN unlocked, staking 4000"));
    }
    void revenueClaimTakesEveryShareInOneTransaction() {
        FakeChain chain;
        // Epoch 3 is current and the window is 2: epochs 2 and 1 are open.
        // Account 0 has 5 CTRN of developers' revenue in epoch 2 and 2 CTRN
        // of the community's in epoch 1; every other share is 0, unclaimed.
        chain.node->handlers["eth_call"] = [](const Json&) { return Json(word(0)); };
        chain.node->calls[calldata("RevenueDistributor", "currentEpoch", Json::array())] = word(3);
        chain.node->calls[calldata("RevenueDistributor", "claimWindowEpochs", Json::array())] = word(2);
        chain.node->calls[calldata("RevenueDistributor", "claimable", Json::array({"2", "2", kAddr0}))] = word(ether("5"));
        chain.node->calls[calldata("RevenueDistributor", "claimable", Json::array({"1", "3", kAddr0}))] = word(ether("2"));
        auto s = services(chain, "revenue");
        QVERIFY(s);

        auto all = s->actions->prepare({"revenue.claim", kAddr0, {}, {}});
        QVERIFY2(all, all ? "" : all.error().message.c_str());
        QCOMPARE(all->call.function, std::string("claimMany"));
        QCOMPARE(lower(toHex(all->tx.data)), calldata("RevenueDistributor", "claimMany", Json::array({Json::array({"2", "1"}), Json::array({"2", "3"})})));
        QCOMPARE(all->facts["amount"].get<std::string>(), toDecimal(ether("7")));
        QCOMPARE(all->facts["claims"].size(), std::size_t(2));
        QCOMPARE(all->facts["claims"][1]["category"].get<std::string>(), std::string("community"));
        QVERIFY2(all->summary.find("7 CTRN from 2 shares in one transaction") != std::string::npos, all->summary.c_str());

        // One share asked for: a plain claim().
        auto one = s->actions->prepare({"revenue.claim", kAddr0, {{"category", "developers"}}, {}});
        QVERIFY2(one, one ? "" : one.error().message.c_str());
        QCOMPARE(one->call.function, std::string("claim"));
        QCOMPARE(one->facts["epoch"].get<std::string>(), std::string("2"));

        // Nothing in the window for the compute category: refused before signing.
        auto none = s->actions->prepare({"revenue.claim", kAddr0, {{"category", "compute"}}, {}});
        QVERIFY(!none);
        QVERIFY2(none.error().message.rfind("nothing to claim for ", 0) == 0, none.error().message.c_str());
    }
};

std::unique_ptr<QObject> makeActionsTests() { return std::make_unique<TestActions>(); }

#include "tst_actions.moc"
