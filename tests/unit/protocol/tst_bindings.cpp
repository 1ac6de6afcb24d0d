// The typed bindings against resources/abi: every signature they use exists
// with the same types and outputs (a contract change that breaks one fails
// here), call data equals the ABI encoding of the named function, the
// listing manifest's EIP-712 type matches Marketplace.MANIFEST_TYPEHASH, and
// protocol reverts read in plain words.
#include "unit/test_registry.h"

#include <core/encoding/eip712.h>
#include <core/protocol/bindings.h>
#include <core/util/hex.h>

#include <QtTest>

#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace ctrn;
using namespace ctrn::protocol;

namespace {

std::filesystem::path abiDir() { return std::filesystem::path(CTRN_SOURCE_DIR) / "resources/abi"; }

Protocol offlineProtocol() {
    auto abis = ProtocolAbis::load(abiDir());
    if (!abis) qFatal("%s", abis.error().message.c_str());
    chain::Deployment d;
    d.name = "test";
    d.chainId = 31337;
    int i = 1;
    for (const auto& name : protocolContractNames()) {
        FixedBytes<20> b{};
        b[19] = static_cast<std::uint8_t>(i++);
        d.contracts[name] = chain::Address(b);
    }
    return Protocol(std::move(*abis), d, nullptr);
}

chain::Address addr(std::uint8_t last) {
    FixedBytes<20> b{};
    b[19] = last;
    return chain::Address(b);
}

} // namespace

class TestBindings : public QObject {
    Q_OBJECT
private slots:
    void everyBoundSignatureIsInTheAbi() {
        auto abis = ProtocolAbis::load(abiDir());
        QVERIFY(abis.ok());
        auto check = checkBindings(*abis);
        QVERIFY2(check.ok(), check ? "" : check.error().message.c_str());
        // Every contract has a binding.
        for (const auto& name : protocolContractNames()) {
            bool bound = false;
            for (const auto& b : boundSignatures()) bound = bound || b.contract == name;
            QVERIFY2(bound, name.c_str());
        }
    }

    void aChangedContractFailsTheCheck() {
        // StakingHub.stakeOf returning one value instead of two, and a
        // removed custom error: both named in the failure.
        auto text = [] {
            std::ifstream in(abiDir() / "StakingHub.json");
            std::stringstream ss;
            ss << in.rdbuf();
            return ss.str();
        }();
        Json hub = *parseJson(text);
        Json changed = Json::array();
        for (auto entry : hub) {
            if (entry.value("name", "") == "stakeOf") entry["outputs"].erase(1);
            if (entry.value("name", "") == "UnbondingNotFinished") continue;
            changed.push_back(entry);
        }
        std::filesystem::path dir = std::filesystem::temp_directory_path() / ("ctrn-abi-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir);
        for (const auto& name : protocolContractNames()) std::filesystem::copy_file(abiDir() / (name + ".json"), dir / (name + ".json"),
                                                                                    std::filesystem::copy_options::overwrite_existing);
        std::ofstream(dir / "StakingHub.json") << changed.dump();
        auto abis = ProtocolAbis::load(dir);
        std::filesystem::remove_all(dir);
        QVERIFY(abis.ok());
        auto check = checkBindings(*abis);
        QVERIFY(!check.ok());
        QVERIFY2(check.error().message.find("StakingHub.stakeOf(address,address) returns (uint256,uint256)") != std::string::npos,
                 check.error().message.c_str());
        QVERIFY(check.error().message.find("StakingHub.UnbondingNotFinished(uint64)") != std::string::npos);

        // At run time the binding refuses rather than encode a stale call.
        Protocol p = offlineProtocol();
        auto changedHub = ContractAbi::fromJson("StakingHub", changed);
        QVERIFY(changedHub.ok());
        StakingHubBinding binding(Contract(*changedHub, addr(1), nullptr));
        auto pos = binding.position(addr(2), addr(3));
        QVERIFY(!pos.ok());
        QVERIFY(pos.error().message.find("binding out of date with resources/abi") != std::string::npos);
    }

    void callDataMatchesTheAbi() {
        Protocol p = offlineProtocol();
        auto hub = stakingHub(p);
        QVERIFY(hub.ok());
        auto data = hub->stakeData(addr(0xaa), U256(1000));
        QVERIFY(data.ok());
        std::vector<encoding::AbiValue> args{abiAddress(addr(0xaa)), abiUint(U256(1000))};
        QCOMPARE(toHex(*data), toHex(*encoding::encodeCall("stake(address,uint256)", args)));

        auto gov = governor(p, "quadratic");
        QVERIFY(gov.ok());
        QCOMPARE(gov->contract().name(), std::string("QuadraticGovernor"));
        auto vote = gov->castVoteData(U256(7), VoteSupport::Abstain, "");
        QVERIFY(vote.ok());
        QCOMPARE(toHex(ByteView(*vote).subspan(0, 4)), toHex(*encoding::functionSelector("castVote(uint256,uint8)")));
        auto withReason = gov->castVoteData(U256(7), VoteSupport::For, "because");
        QVERIFY(withReason.ok());
        QCOMPARE(toHex(ByteView(*withReason).subspan(0, 4)), toHex(*encoding::functionSelector("castVoteWithReason(uint256,uint8,string)")));
        QVERIFY(!governor(p, "council").ok());

        auto market = marketplace(p);
        QVERIFY(market.ok());
        ListingParams lp;
        lp.kind = 2;
        lp.price = U256(5);
        lp.rune = {addr(1), addr(2), addr(3), 7000, 2000, 1000};
        auto create = market->createSignedListingData(lp, addr(9), Bytes(65, 1));
        QVERIFY2(create.ok(), create ? "" : create.error().message.c_str());
        auto decoded = p.abis().contract("Marketplace").value()->function("createSignedListing");
        QVERIFY(decoded.ok());
        QCOMPARE(toHex(ByteView(*create).subspan(0, 4)), toHex((*decoded)->selector));
    }

    void manifestTypeMatchesTheContract() {
        // Marketplace.MANIFEST_TYPEHASH is keccak256 of this string.
        const std::string solidity =
            "Manifest(address provider,uint8 kind,uint256 price,bytes32 unit,string metadataURI,bytes32 metadataHash,Rune rune,"
            "uint256 nonce)Rune(address agent,address developer,address infra,uint16 developerBps,uint16 infraBps,uint16 stakersBps)";
        ListingParams lp;
        lp.rune = {addr(1), addr(2), addr(3), 7000, 2000, 1000};
        Json typed = manifestTypedData(lp, addr(9), U256(0), 31337, addr(0x42));
        auto td = encoding::TypedData::fromJson(typed);
        QVERIFY2(td.ok(), td ? "" : td.error().message.c_str());
        auto encodedType = td->encodeType("Manifest");
        QVERIFY(encodedType.ok());
        QCOMPARE(*encodedType, solidity);
        auto digest = encoding::eip712Digest(typed);
        QVERIFY(digest.ok());
    }

    void revertsReadInPlainWords() {
        QCOMPARE(explainRevert("execution NotEligible(0x0000000000000000000000000000000000000001)"),
                 std::string("licence required: rating needs a licence for the model (or reputation) "
                             "(NotEligible(0x0000000000000000000000000000000000000001))"));
        QCOMPARE(explainRevert("execution VotingClosed(2)"), std::string("voting is closed (VotingClosed(2))"));
        QCOMPARE(explainRevert("execution reverted: something"), std::string("execution reverted: something"));
    }

    void namesAndCategories() {
        QCOMPARE(proposalStateName(ProposalState::Executed), std::string("executed"));
        QCOMPARE(purchaseStatusName(3), std::string("disputed"));
        QCOMPARE(*revenueCategory("community"), std::uint8_t(3));
        QVERIFY(!revenueCategory("nope").has_value());
    }
};

CTRN_REGISTER_TEST(TestBindings)
#include "tst_bindings.moc"
