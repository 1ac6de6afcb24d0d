// ContractAbi over the shipped resources/abi files: every protocol ABI
// loads, selectors and topics match the well-known values, calls encode from
// JSON arrays and objects (tuples by member name), and logs, return data and
// custom errors decode into named fields.
#include "unit/test_registry.h"

#include <core/protocol/contract_abi.h>
#include <core/util/hex.h>

#include <QtTest>

#include <map>

using namespace ctrn;
using namespace ctrn::protocol;

namespace {

Bytes hex(std::string_view h) { return *fromHex(h); }
crypto::Hash256 topic(std::string_view h) { return toFixed<32>(hex(h)); }
std::string word(std::string_view hexDigits) { return std::string(64 - hexDigits.size(), '0') + std::string(hexDigits); }

const ContractAbi& abi(const std::string& name) {
    static std::map<std::string, ContractAbi> cache;
    auto it = cache.find(name);
    if (it == cache.end()) {
        auto loaded = ContractAbi::load(std::filesystem::path(CTRN_SOURCE_DIR) / "resources/abi", name);
        if (!loaded) qFatal("%s", loaded.error().message.c_str());
        it = cache.emplace(name, std::move(*loaded)).first;
    }
    return it->second;
}

} // namespace

class TestContractAbi : public QObject {
    Q_OBJECT
private slots:
    void everyProtocolAbiLoads() {
        auto all = ProtocolAbis::load(std::filesystem::path(CTRN_SOURCE_DIR) / "resources/abi");
        QVERIFY2(all.ok(), all ? "" : all.error().message.c_str());
        QCOMPARE(all->all().size(), protocolContractNames().size());
        for (const auto& [name, c] : all->all()) {
            QVERIFY2(!c.functions().empty(), name.c_str());
            QVERIFY2(!c.errors().empty(), name.c_str());
        }
    }

    void selectorsAndTopics() {
        const auto& token = abi("ComputroniumToken");
        auto transfer = token.function("transfer");
        QVERIFY(transfer.ok());
        QCOMPARE(toHex((*transfer)->selector), std::string("0xa9059cbb"));
        QCOMPARE((*transfer)->fullSignature(), std::string("transfer(address,uint256) returns (bool)"));
        auto ev = token.event("Transfer");
        QVERIFY(ev.ok());
        QCOMPARE(toHex((*ev)->topic0), std::string("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"));
        QCOMPARE((*ev)->fullSignature(), std::string("Transfer(address indexed,address indexed,uint256)"));
    }

    void tupleSignaturesAreCanonical() {
        const auto& market = abi("Marketplace");
        auto create = market.function("createListing");
        QVERIFY(create.ok());
        QCOMPARE((*create)->signature,
                 std::string("createListing((uint8,uint256,bytes32,string,bytes32,(address,address,address,uint16,uint16,uint16)))"));
        QCOMPARE((*create)->inputs[0].components.size(), std::size_t(6));
        QCOMPARE((*create)->inputs[0].components[5].name, std::string("rune"));
    }

    void overloadsNeedTheirSignature() {
        const auto& gov = abi("TokenGovernor");
        auto byName = gov.function("queue");
        QVERIFY(!byName.ok());
        QVERIFY(byName.error().message.find("overloaded") != std::string::npos);
        auto bySig = gov.function("queue(uint256)");
        QVERIFY(bySig.ok());
        QCOMPARE((*bySig)->inputs.size(), std::size_t(1));
        auto missing = gov.function("nope");
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, ErrorCode::NotFound);
        QCOMPARE(missing.error().message, std::string("TokenGovernor has no function nope"));
    }

    void encodeFromArrayOrObject() {
        const auto& hub = abi("StakingHub");
        auto a = hub.encodeCall("stake", *parseJson(R"(["0x00000000000000000000000000000000000000aa", "1000"])"));
        QVERIFY2(a.ok(), a ? "" : a.error().message.c_str());
        auto fn = hub.function("stake");
        QVERIFY(fn.ok());
        Json named = Json::object();
        named[(*fn)->inputs[0].name] = "0x00000000000000000000000000000000000000aa";
        named[(*fn)->inputs[1].name] = 1000;
        auto b = hub.encodeCall("stake", named);
        QVERIFY2(b.ok(), b ? "" : b.error().message.c_str());
        QCOMPARE(toHex(*a), toHex(*b));
        QCOMPARE(toHex(*a), toHex(*encoding::functionSelector("stake(address,uint256)")) + word("aa") + word("3e8"));

        auto wrongCount = hub.encodeCall("stake", *parseJson(R"([1])"));
        QVERIFY(!wrongCount.ok());
        QVERIFY(wrongCount.error().message.find("takes 2 argument(s), got 1") != std::string::npos);
    }

    void encodeTupleByMemberName() {
        const auto& market = abi("Marketplace");
        Json rune = {{"agent", "0x0000000000000000000000000000000000000001"},
                     {"developer", "0x0000000000000000000000000000000000000002"},
                     {"infra", "0x0000000000000000000000000000000000000003"},
                     {"developerBps", 100},
                     {"infraBps", 200},
                     {"stakersBps", 300}};
        Json params = {{"kind", 1},
                       {"price", "5000000000000000000"},
                       {"unit", "0x" + std::string(64, '0')},
                       {"metadataURI", "ipfs://x"},
                       {"metadataHash", "0x" + std::string(64, '1')},
                       {"rune", rune}};
        auto byName = market.encodeCall("createListing", Json::array({params}));
        QVERIFY2(byName.ok(), byName ? "" : byName.error().message.c_str());
        Json asArray = Json::array({Json::array({1, "5000000000000000000", "0x" + std::string(64, '0'), "ipfs://x",
                                                 "0x" + std::string(64, '1'),
                                                 Json::array({"0x0000000000000000000000000000000000000001",
                                                              "0x0000000000000000000000000000000000000002",
                                                              "0x0000000000000000000000000000000000000003", 100, 200, 300})})});
        auto byPosition = market.encodeCall("createListing", asArray);
        QVERIFY(byPosition.ok());
        QCOMPARE(toHex(*byName), toHex(*byPosition));

        params.erase("rune");
        auto missing = market.encodeCall("createListing", Json::array({params}));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.find("missing member 'rune'") != std::string::npos);
    }

    void decodeReturnNamesTupleMembers() {
        const auto& market = abi("Marketplace");
        // runeOf returns one tuple (address,address,address,uint16,uint16,uint16).
        Bytes data = hex(word("1") + word("2") + word("3") + word("64") + word("c8") + word("12c"));
        auto j = market.decodeReturn("runeOf", data);
        QVERIFY2(j.ok(), j ? "" : j.error().message.c_str());
        QCOMPARE((*j)["agent"].get<std::string>(), std::string("0x0000000000000000000000000000000000000001"));
        QCOMPARE((*j)["stakersBps"].get<std::string>(), std::string("300"));

        const auto& gov = abi("TokenGovernor");
        auto votes = gov.decodeReturn("proposalVotes", hex(word("1") + word("2") + word("3")));
        QVERIFY(votes.ok());
        QCOMPARE((*votes)["forVotes"].get<std::string>(), std::string("2"));
        auto truncated = gov.decodeReturn("proposalVotes", hex(word("1")));
        QVERIFY(!truncated.ok());
        QVERIFY(truncated.error().message.find("TokenGovernor.proposalVotes returned") == 0);
    }

    void decodeLogWithIndexedAndDataFields() {
        const auto& hub = abi("StakingHub");
        auto staked = hub.event("Staked");
        QVERIFY(staked.ok());
        std::vector<crypto::Hash256> topics{(*staked)->topic0, topic("0x" + word("aa")), topic("0x" + word("bb"))};
        auto d = hub.decodeLog(topics, hex(word("64") + word("32")));
        QVERIFY2(d.ok(), d ? "" : d.error().message.c_str());
        QCOMPARE(d->name, std::string("Staked"));
        QCOMPARE(d->fields["holder"].get<std::string>(), encoding::toChecksumAddress(toFixed<20>(hex("0x" + std::string(38, '0') + "aa"))));
        QCOMPARE(d->fields["agent"].get<std::string>(), encoding::toChecksumAddress(toFixed<20>(hex("0x" + std::string(38, '0') + "bb"))));
        QCOMPARE(d->fields["amount"].get<std::string>(), std::string("100"));
        QCOMPARE(d->fields["shares"].get<std::string>(), std::string("50"));

        std::vector<crypto::Hash256> tooFew{(*staked)->topic0};
        QVERIFY(!hub.decodeLog(tooFew, hex(word("64") + word("32"))).ok());
        std::vector<crypto::Hash256> unknown{topic("0x" + word("1"))};
        auto u = hub.decodeLog(unknown, {});
        QVERIFY(!u.ok());
        QCOMPARE(u.error().code, ErrorCode::NotFound);
    }

    void eventSignatureIgnoresIndexedMarkers() {
        const auto& vp = abi("ValidationPool");
        auto opened = vp.event("PoolOpened");
        QVERIFY(opened.ok());
        QCOMPARE((*opened)->signature, std::string("PoolOpened(uint256,address,uint8,uint256,uint256,uint64,string)"));
    }

    void decodeCustomError() {
        const auto& hub = abi("StakingHub");
        auto sel = encoding::functionSelector("InsufficientStake(uint256,uint256)");
        QVERIFY(sel.ok());
        Bytes data(sel->begin(), sel->end());
        append(data, hex(word("5") + word("a")));
        auto e = hub.decodeError(data);
        QVERIFY2(e.ok(), e ? "" : e.error().message.c_str());
        QCOMPARE(e->name, std::string("InsufficientStake"));
        QCOMPARE(e->text, std::string("InsufficientStake(5, 10)"));
        QCOMPARE(e->fields["requested"].get<std::string>(), std::string("10"));

        auto all = ProtocolAbis::load(std::filesystem::path(CTRN_SOURCE_DIR) / "resources/abi");
        QVERIFY(all.ok());
        auto any = all->decodeError(data);
        QVERIFY(any.has_value());
        QCOMPARE(any->contract, std::string("StakingHub"));
        QVERIFY(!all->decodeError(hex("0xdeadbeef")).has_value());
    }
};

CTRN_REGISTER_TEST(TestContractAbi)
#include "tst_contract_abi.moc"
