// core/lightclient without a network: slots computed from the committed forge
// storage layouts equal `cast index` (mappings, nested mappings, struct
// members, packed fields, ERC20Votes checkpoint arrays); a header chain on a
// fake node syncs from the checkpoint, and a forged, mis-hashed or
// wrong-checkpoint chain is refused with the kind of failure named; a quorum
// names the endpoint that disagrees and refuses when too few agree; the
// header store keeps headers and drops them when the checkpoint changes; a
// transaction is bound to its index by the rebuilt transactions root (every
// type), and an altered field, hash or index is named.
#include "unit/fake_node.h"

#include <core/crypto/keccak.h>
#include <core/lightclient/light_client.h>
#include <core/lightclient/protocol_proofs.h>
#include <core/trie/block_roots.h>
#include <core/util/hex.h>

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace ctrn;
using namespace ctrn::lightclient;

namespace {

const char* const kAlice = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";
const char* const kBob = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

chain::Address addr(const char* hex) { return *chain::Address::fromHex(hex); }
std::string slotHex(const StorageLocation& l) { return toHex(l.slotKey()); }

StorageLayout layout(const std::string& contract) {
    auto l = loadStorageLayout(std::string(CTRN_SOURCE_DIR) + "/resources/storage-layout", contract);
    if (!l) qFatal("%s", l.error().message.c_str());
    return std::move(l).value();
}

// A synthetic London-style chain: block i names block i-1's hash as parent.
std::vector<chain::Header> makeChain(std::size_t n, std::uint8_t salt = 0) {
    std::vector<chain::Header> out;
    chain::Hash parent;
    for (std::size_t i = 0; i < n; ++i) {
        chain::Header h;
        h.parentHash = parent;
        h.number = i;
        h.gasLimit = 30000000;
        h.timestamp = 1700000000 + i;
        h.baseFeePerGas = U256(1000000000);
        FixedBytes<32> root{};
        root[0] = salt;
        root[31] = static_cast<std::uint8_t>(i);
        h.stateRoot = chain::Hash(root);
        parent = chain::headerHash(h);
        out.push_back(h);
    }
    return out;
}

Json blockJson(const chain::Header& h) {
    Json j = headerJson(h);
    j["hash"] = chain::headerHash(h).hex();
    return j;
}

// Serves a chain over JSON-RPC: eth_chainId, eth_getBlockByNumber (latest or
// a number), eth_getBlockByHash; `tamper` may rewrite a block before it goes out.
void serveChain(FakeNode& node, const std::vector<chain::Header>& chain, std::function<void(Json&)> tamper = {}) {
    node.results["eth_chainId"] = "0x7a69";
    node.handlers["eth_getBlockByNumber"] = [&chain, tamper](const Json& params) -> Json {
        std::string tag = params[0].get<std::string>();
        std::size_t n = tag == "latest" ? chain.size() - 1 : static_cast<std::size_t>(*parseU256(tag));
        if (n >= chain.size()) return nullptr;
        Json b = blockJson(chain[n]);
        if (tamper) tamper(b);
        return b;
    };
}

// One FakeNode per URL, so quorum tests can give each endpoint its own chain.
class MultiNode : public rpc::Transport {
public:
    std::map<std::string, FakeNode*> nodes;
    Result<rpc::HttpReply> post(const std::string& url, const std::string& body, std::chrono::milliseconds t) override {
        return nodes.at(url)->post(url, body, t);
    }
};

rpc::ClientOptions fastOptions() {
    rpc::ClientOptions o;
    o.retries = 0;
    o.sleep = [](std::chrono::milliseconds) {};
    return o;
}

} // namespace

class TestLightClient : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_dbCount = 0;

    std::unique_ptr<HeaderStore> freshStore() {
        auto s = HeaderStore::open(m_dir.filePath(QString("lc%1.sqlite").arg(++m_dbCount)).toStdString());
        if (!s) qFatal("%s", s.error().message.c_str());
        return std::move(s).value();
    }
    LightClientOptions options(const std::vector<chain::Header>& chain, std::size_t checkpointAt, std::size_t quorum = 1) {
        LightClientOptions o;
        o.chainId = 31337;
        o.checkpoint = Checkpoint{{chain[checkpointAt].number, chain::headerHash(chain[checkpointAt])}, "user", 0, 0};
        o.quorum = quorum;
        o.batchSize = 7; // several batches even on a short chain
        return o;
    }

private slots:
    // --- storage layout: expected slots from `cast index` ----------------
    void tokenBalanceSlotIsCastIndex() {
        auto token = layout("ComputroniumToken");
        auto loc = token.path("_balances", {addr(kAlice)});
        QVERIFY(loc.ok());
        // cast index address 0xf39F…2266 0
        QCOMPARE(slotHex(*loc), std::string("0x723077b8a1b173adc35e5f0e7e3662fd1208212cb629f9c128551ea7168da722"));
    }

    void voteCheckpointsAreAnArrayInAMappedStruct() {
        auto token = layout("ComputroniumToken");
        auto array = token.path("_delegateCheckpoints", {addr(kAlice)}, "[]._checkpoints");
        QVERIFY(array.ok());
        // cast index address 0xf39F…2266 9 (the struct's first member is its first slot)
        QCOMPARE(slotHex(*array), std::string("0xcb8911fb82c2d10f6cf1d31d1e521ad3f4e3f42615f6ba67c454a9a2fdb9b6a7"));
        auto first = token.arrayElement(*array, 0);
        QVERIFY(first.ok());
        // cast keccak <that slot>: elements start at keccak(slot)
        QCOMPARE(slotHex(*first), std::string("0xb75ca11207d1b1158de8a45c8162521e8dde26d4004cc8e8fa7b1241dbd99f64"));
        auto third = token.arrayElement(*array, 2);
        QCOMPARE(third->slot, first->slot + 2); // a Checkpoint208 fills one slot
        auto key = token.member(*first, "_key");
        auto value = token.member(*first, "_value");
        QCOMPARE(key->offset, 0u);
        QCOMPARE(key->size, 6u);
        QCOMPARE(value->offset, 6u);
        QCOMPARE(value->size, 26u);
        // A packed word: _value 5e18 above _key 1234.
        U256 word = (U256(5000000000000000000ull) << 48) | U256(1234);
        QCOMPARE(StorageLayout::extract(*key, word), U256(1234));
        QCOMPARE(StorageLayout::extract(*value, word), U256(5000000000000000000ull));
    }

    void listingAndLicenceSlots() {
        auto market = layout("Marketplace");
        auto fields = listingFields(market, 7, addr(kBob));
        QVERIFY(fields.ok());
        std::map<std::string, StorageLocation> byName;
        for (const auto& f : *fields) byName[f.name] = f.location;
        // cast index uint256 7 26: listings[7]; price is the struct's second slot
        U256 base = *parseU256("0x2247382acc746a936c6b9b694445e53b16ccce9ebaa44dd1ce1d5f0641b0797b");
        QCOMPARE(byName["provider"].slot, base);
        QCOMPARE(byName["price"].slot, base + 1);
        QCOMPARE(byName["active"].offset, 21u); // packed after provider (20 bytes) and kind (1)
        QCOMPARE(byName["active"].size, 1u);
        // cast index uint256 7 $(cast index address 0x7099…79C8 29): hasLicence[bob][7]
        QCOMPARE(slotHex(byName["licence"]), std::string("0x4ac0139bc0700cbc93041b6635c86201fcc7020be5bd9f0bd4525bba6cdfa6c6"));
    }

    void proposalAndStakeFieldsResolve() {
        auto governor = layout("TokenGovernor");
        auto p = proposalFields(governor, U256(42), addr(kAlice));
        QVERIFY2(p.ok(), p.ok() ? "" : p.error().message.c_str());
        QCOMPARE(p->size(), std::size_t(10));
        QCOMPARE((*p)[1].location.slot, (*p)[0].location.slot + 1); // forVotes follows againstVotes
        auto hub = layout("StakingHub");
        auto s = stakeFields(hub, addr(kAlice), addr(kBob));
        QVERIFY2(s.ok(), s.ok() ? "" : s.error().message.c_str());
        QVERIFY(!layout("StakingHub").variable("noSuchVariable").ok());
        QVERIFY(!hub.path("agents", {}, "[]").ok()); // a key short
    }

    // A stake's worth is its share of pools a slash has shrunk: the hub's
    // stakeOf formula, rounded down, with the whole pool for the last holder.
    void stakeValueScalesSharesBySlashedPools() {
        FieldValues v{{"shares", 300}, {"agentBondedStake", 900}, {"agentBondedShares", 1000},
                      {"unbondingShares", 50}, {"agentUnbondingStake", 70}, {"agentUnbondingShares", 100}};
        auto value = stakeValue(v);
        QCOMPARE(value.bonded, U256(270));   // 300 * 900 / 1000: a 10 % slash
        QCOMPARE(value.unbonding, U256(35)); // 50 * 70 / 100
        v["shares"] = 1000;
        QCOMPARE(stakeValue(v).bonded, U256(900)); // every share: the whole pool
        v["shares"] = 1;
        v["agentBondedStake"] = 2;
        v["agentBondedShares"] = 3;
        QCOMPARE(stakeValue(v).bonded, U256(0)); // 2/3 rounds down, as mulDiv does
        v["shares"] = 0;
        v["unbondingShares"] = 0;
        QCOMPARE(stakeValue(v).bonded, U256(0));
        QCOMPARE(stakeValue(v).unbonding, U256(0));
        // Large pools do not overflow: the product is taken in 512 bits.
        const U256 big = (U256(1) << 200);
        FieldValues large{{"shares", big}, {"agentBondedStake", big * 3}, {"agentBondedShares", big * 4},
                          {"unbondingShares", 0}, {"agentUnbondingStake", 0}, {"agentUnbondingShares", 0}};
        QCOMPARE(stakeValue(large).bonded, big * 3 / 4);
    }

    // --- header chain --------------------------------------------------
    void syncsForwardFromTheCheckpointInBatches() {
        auto chain = makeChain(30);
        FakeNode node;
        serveChain(node, chain);
        auto store = freshStore();
        LightClient lc({"http://a"}, std::shared_ptr<rpc::Transport>(&node, [](auto*) {}), fastOptions(), *store, options(chain, 5));
        QVERIFY(lc.connect()->ok());
        auto head = lc.syncHead();
        QVERIFY(head.ok());
        QVERIFY((*head).ok());
        QCOMPARE((*head)->header.number, std::uint64_t(29));
        QCOMPARE((*head)->hash, chain::headerHash(chain[29]));
        QCOMPARE((*store->head(31337))->hash, chain::headerHash(chain[29]));
        // Before the checkpoint: walked back by parent hash.
        auto early = lc.header(2);
        QVERIFY(early.ok() && (*early).ok());
        QCOMPARE((*early)->hash, chain::headerHash(chain[2]));
    }

    void aForgedHeaderDoesNotLink() {
        auto chain = makeChain(20);
        auto forged = chain;
        // Block 12 with another state root, its hash recomputed: consistent
        // with itself, but block 13 still names the real 12 as parent.
        forged[12].stateRoot = chain::Hash(FixedBytes<32>{0xee});
        FakeNode node;
        serveChain(node, forged);
        auto store = freshStore();
        LightClient lc({"http://liar"}, std::shared_ptr<rpc::Transport>(&node, [](auto*) {}), fastOptions(), *store, options(chain, 3));
        QVERIFY(lc.connect()->ok());
        auto head = lc.syncHead();
        QVERIFY(head.ok());
        QVERIFY(!(*head).ok());
        QCOMPARE(head->mismatch().kind, MismatchKind::HeaderLink);
        QCOMPARE(head->mismatch().endpoint, std::string("http://liar"));
        QVERIFY(!store->marks(31337)->empty());
    }

    void aHeaderThatDoesNotHashToItsHashIsRefused() {
        auto chain = makeChain(10);
        FakeNode node;
        serveChain(node, chain, [](Json& b) {
            if (b["number"] == "0x8") b["stateRoot"] = "0x" + std::string(64, 'a'); // hash kept
        });
        auto store = freshStore();
        LightClient lc({"http://liar"}, std::shared_ptr<rpc::Transport>(&node, [](auto*) {}), fastOptions(), *store, options(chain, 2));
        QVERIFY(lc.connect()->ok());
        auto head = lc.syncHead();
        QVERIFY(head.ok() && !(*head).ok());
        QCOMPARE(head->mismatch().kind, MismatchKind::HeaderHash);
        QVERIFY(head->mismatch().message.find("block 8") != std::string::npos);
    }

    void anotherChainAtTheCheckpointIsRefused() {
        auto trusted = makeChain(10);
        auto other = makeChain(10, 1);
        FakeNode node;
        serveChain(node, other);
        auto store = freshStore();
        LightClient lc({"http://other"}, std::shared_ptr<rpc::Transport>(&node, [](auto*) {}), fastOptions(), *store, options(trusted, 4));
        QVERIFY(lc.connect()->ok());
        auto head = lc.syncHead();
        QVERIFY(head.ok() && !(*head).ok());
        QCOMPARE(head->mismatch().kind, MismatchKind::Checkpoint);
    }

    void aNodeBehindTheVerifiedHeadIsBehindNotALie() {
        auto chain = makeChain(20);
        auto shorter = std::vector<chain::Header>(chain.begin(), chain.begin() + 12);
        auto store = freshStore();
        {
            FakeNode node;
            serveChain(node, chain);
            LightClient lc({"http://a"}, std::shared_ptr<rpc::Transport>(&node, [](auto*) {}), fastOptions(), *store, options(chain, 3));
            QVERIFY(lc.connect()->ok());
            QVERIFY(lc.syncHead()->ok());
        }
        FakeNode stale;
        serveChain(stale, shorter);
        LightClient lc({"http://stale"}, std::shared_ptr<rpc::Transport>(&stale, [](auto*) {}), fastOptions(), *store, options(chain, 3));
        QVERIFY(lc.connect()->ok());
        auto head = lc.syncHead();
        QVERIFY(!head.ok());
        QCOMPARE(head.error().code, ErrorCode::VerificationFailed);
        QVERIFY(head.error().message.find("behind") != std::string::npos);
        QVERIFY(store->marks(31337)->empty()); // not marked as a liar
    }

    void quorumOutvotesAndNamesTheLiar() {
        auto chain = makeChain(15);
        auto forged = makeChain(15, 2);
        forged[0] = chain[0]; // a different history after genesis
        FakeNode a, b, liar;
        serveChain(a, chain);
        serveChain(b, chain);
        serveChain(liar, forged);
        auto multi = std::make_shared<MultiNode>();
        multi->nodes = {{"http://a", &a}, {"http://b", &b}, {"http://liar", &liar}};
        auto store = freshStore();
        LightClient lc({"http://liar", "http://a", "http://b"}, multi, fastOptions(), *store, options(chain, 0, 2));
        QVERIFY(lc.connect()->ok());
        auto head = lc.syncHead();
        QVERIFY(head.ok() && (*head).ok());
        QCOMPARE((*head)->hash, chain::headerHash(chain[14]));
        bool named = false;
        for (const auto& e : lc.endpoints())
            if (e.url == "http://liar") named = !e.agrees && e.problem.find("outvoted") != std::string::npos;
        QVERIFY(named);
    }

    void quorumRefusesWhenTooFewAgree() {
        auto chain = makeChain(15);
        auto forged = makeChain(15, 2);
        forged[0] = chain[0];
        FakeNode honest, liar;
        serveChain(honest, chain);
        serveChain(liar, forged);
        auto multi = std::make_shared<MultiNode>();
        multi->nodes = {{"http://honest", &honest}, {"http://liar", &liar}};
        auto store = freshStore();
        LightClient lc({"http://honest", "http://liar"}, multi, fastOptions(), *store, options(chain, 0, 2));
        QVERIFY(lc.connect()->ok());
        auto head = lc.syncHead();
        QVERIFY(head.ok() && !(*head).ok());
        QCOMPARE(head->mismatch().kind, MismatchKind::Quorum);
        QVERIFY(!store->head(31337)->has_value()); // nothing trusted
    }

    void aWrongChainIdIsAMismatch() {
        auto chain = makeChain(5);
        FakeNode node;
        serveChain(node, chain);
        node.results["eth_chainId"] = "0x1";
        auto store = freshStore();
        LightClient lc({"http://mainnet"}, std::shared_ptr<rpc::Transport>(&node, [](auto*) {}), fastOptions(), *store, options(chain, 0));
        auto c = lc.connect();
        QVERIFY(c.ok() && !(*c).ok());
        QCOMPARE(c->mismatch().kind, MismatchKind::ChainId);
    }

    void storeDropsHeadersWhenTheCheckpointChanges() {
        auto chain = makeChain(6);
        auto store = freshStore();
        Checkpoint cp{{0, chain::headerHash(chain[0])}, "manifest", 0, 0};
        QVERIFY(store->setCheckpoint(31337, cp).ok());
        std::vector<VerifiedHeader> hs;
        for (const auto& h : chain) hs.push_back({h, chain::headerHash(h)});
        QVERIFY(store->putHeaders(31337, hs).ok());
        QCOMPARE((*store->header(31337, 4))->hash, chain::headerHash(chain[4]));
        QCOMPARE((*store->checkpoint(31337))->timestamp, chain[0].timestamp);
        QVERIFY(store->setCheckpoint(31337, cp).ok()); // same anchor: headers kept
        QVERIFY(store->head(31337)->has_value());
        Checkpoint other{{2, chain::headerHash(chain[2])}, "user", 0, 0};
        QVERIFY(store->setCheckpoint(31337, other).ok());
        QVERIFY(!store->head(31337)->has_value());
        QCOMPARE((*store->checkpoint(31337))->source, std::string("user"));
    }

    // --- a transaction bound to its block's transactions root ------------
    // A block holding one real anvil transaction of each type 0-4: its
    // transactions root is rebuilt from their re-encodings.
    void aTransactionIsBoundToItsIndexByTheTransactionsRoot() {
        QFile f(CTRN_VECTORS_DIR "/anvil_prague_transactions.json");
        QVERIFY(f.open(QIODevice::ReadOnly));
        const Json transactions = *parseJson(f.readAll().toStdString());
        std::vector<Bytes> encoded;
        for (const auto& t : transactions) encoded.push_back(*chain::encodeSigned(*chain::transactionFromRpcJson(t)));
        VerifiedHeader header{makeChain(1).front(), {}};
        header.header.number = 9;
        header.header.transactionsRoot = trie::transactionsRoot(encoded);
        auto hashAt = [&](std::size_t i) { return *chain::Hash::fromHex(transactions[i]["hash"].get<std::string>()); };
        auto check = [&](const Json& txs, const chain::Hash& hash, std::uint64_t index) {
            auto v = verifyBlockTransaction(header, Json{{"transactions", txs}}, hash, index);
            if (!v) qFatal("%s", v.error().message.c_str());
            return std::move(v).value();
        };

        for (std::size_t i = 0; i < transactions.size(); ++i) {
            auto bound = check(transactions, hashAt(i), i);
            QVERIFY2(bound.ok(), bound.ok() ? "" : bound.mismatch().message.c_str());
            QCOMPARE(bound->hash, hashAt(i));
            QCOMPARE(bound->index, std::uint64_t(i));
            QCOMPARE(static_cast<std::size_t>(bound->transaction.type), i);
        }
        // A field altered with its hash kept: the root no longer rebuilds, and
        // the message names the transaction whose fields moved.
        Json altered = transactions;
        altered[2]["value"] = "0x56bc75e2d63100000";
        auto lie = check(altered, hashAt(2), 2);
        QVERIFY(!lie.ok());
        QCOMPARE(lie.mismatch().kind, MismatchKind::TransactionsRoot);
        QVERIFY2(lie.mismatch().message.find("block 9: the node's transactions rebuild transactions root") == 0, lie.mismatch().message.c_str());
        QVERIFY(lie.mismatch().message.find("transaction 2's fields hash to") != std::string::npos);
        // Fields intact, the node's "hash" field altered.
        Json relabelled = transactions;
        relabelled[1]["hash"] = hashAt(0).hex();
        auto wrongHash = check(relabelled, hashAt(0), 0);
        QCOMPARE(wrongHash.mismatch().kind, MismatchKind::TransactionHash);
        // The asked hash at another index than the receipt names, or absent.
        auto elsewhere = check(transactions, hashAt(3), 1);
        QCOMPARE(elsewhere.mismatch().kind, MismatchKind::TransactionIndex);
        QCOMPARE(elsewhere.mismatch().message, "the node's receipt of " + hashAt(3).hex() + " names index 1 of block 9, but the transaction proven at that index is " +
                                                   hashAt(1).hex() + " (" + hashAt(3).hex() + " is at index 3)");
        auto absent = check(transactions, chain::Hash(FixedBytes<32>{0x42}), 4);
        QVERIFY(absent.mismatch().message.find("is not in that block") != std::string::npos);
        QCOMPARE(check(transactions, hashAt(0), 5).mismatch().kind, MismatchKind::TransactionIndex);
        // Hashes instead of transaction objects prove nothing.
        QCOMPARE(check(Json::array({hashAt(0).hex()}), hashAt(0), 0).mismatch().kind, MismatchKind::TransactionsRoot);
        // A type core/chain cannot encode: not provable, and not a lie.
        Json deposit = transactions;
        deposit[4]["type"] = "0x7e";
        auto unknown = verifyBlockTransaction(header, Json{{"transactions", deposit}}, hashAt(0), 0);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().code, ErrorCode::Unsupported);
    }

    void checkedKeepsTheStatesApart() {
        Checked<U256> v(Verified<U256>(U256(5), 7, chain::Hash()));
        Checked<U256> u(rpc::Unverified<U256>(U256(5)));
        Checked<U256> m(Mismatch{MismatchKind::AccountValue, "balance 6 is not the proven 5", "http://x"});
        QVERIFY(v.isVerified() && !v.isUnverified() && !v.isMismatch());
        QCOMPARE(v.verified().blockNumber(), std::uint64_t(7));
        QVERIFY(u.isUnverified() && !u.isVerified());
        QVERIFY(m.isMismatch());
        QCOMPARE(m.mismatch().describe(), std::string("http://x: balance 6 is not the proven 5"));
        // There is no conversion from Unverified<T> to Verified<T>.
        static_assert(!std::is_constructible_v<Verified<U256>, rpc::Unverified<U256>>);
        static_assert(!std::is_convertible_v<Mismatch, U256>);
    }
};

QTEST_GUILESS_MAIN(TestLightClient)
#include "tst_lightclient.moc"
