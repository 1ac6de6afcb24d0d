// protocol/revenue_reads: the distributor's claim formula recomputed from
// proven words — community shares by stake, the hybrid 70/30 elsewhere with
// stake capped at 10x activity, stake cut to what stayed locked from the
// epoch's start to its end, each epoch with its own frozen shares, nothing
// payable once claimed, rolled over or outside the window — and CTRN's
// lock-history lookup (Checkpoints.upperLookupRecent) decided only by
// proven neighbours, with the indices a binary search asks to prove.
// (The devnet test compares the same recomputation with the contract.)
#include "unit/test_registry.h"

#include <core/protocol/revenue_reads.h>

#include <QtTest>

using namespace ctrn;
using namespace ctrn::protocol;

namespace {

U256 units(std::uint64_t whole) { return U256(whole) * U256(1'000'000'000'000'000'000ULL); }
QString dec(const U256& v) { return QString::fromStdString(toDecimal(v)); }

RevenueEpochRecord epoch(std::uint64_t amount, std::array<std::uint64_t, 4> shares, std::uint64_t activityBps = 3000) {
    RevenueEpochRecord r;
    r.start = 1000;
    r.end = 1300;
    r.amount = units(amount);
    r.activityBps = activityBps;
    for (std::size_t i = 0; i < 4; ++i) r.shareBps[i] = shares[i];
    return r;
}

ShareInputs inputs(std::uint8_t category, RevenueEpochRecord record) {
    ShareInputs in;
    in.epoch = 3;
    in.currentEpoch = 4;
    in.claimWindow = 4;
    in.category = category;
    in.record = record;
    return in;
}

// A proven lock history: keys and values at the given indices.
lightclient::FieldValues history(std::uint64_t length, std::vector<std::pair<std::uint64_t, std::pair<std::uint64_t, std::uint64_t>>> entries) {
    lightclient::FieldValues v{{"lock.length", U256(length)}};
    for (const auto& [i, kv] : entries) {
        v["lock." + std::to_string(i) + ".key"] = kv.first;
        v["lock." + std::to_string(i) + ".value"] = kv.second;
    }
    return v;
}

} // namespace

class TestRevenueReads : public QObject {
    Q_OBJECT
private slots:
    void communityIsSharedByStake() {
        // 9000 CTRN, community 10 %: 900, of which 30 % by activity (270) and 630 by stake.
        auto in = inputs(3, epoch(9000, {4000, 3000, 2000, 1000}));
        in.total = {units(400), 0};
        in.mine = {units(100), 0};
        in.lockedAtStart = in.lockedAtEnd = units(100);
        const auto f = recomputeShare(in);
        QCOMPARE(dec(f.stakePart), dec(units(630)));
        QCOMPARE(dec(f.activityPart), dec(units(270)));
        QCOMPARE(dec(f.entitled), dec(units(630) / 4));
        QCOMPARE(dec(f.payable), dec(f.entitled));
        QVERIFY(f.windowOpen);
    }

    void hybridCapsStakeAtTenTimesActivity() {
        // Compute 40 %: 3600 = 1080 by activity + 2520 by stake; stake is shared
        // as if everyone staked 10x their activity (40 x 10 = 400).
        auto in = inputs(0, epoch(9000, {4000, 3000, 2000, 1000}));
        in.total = {units(100), units(40)};
        in.mine = {units(100), units(10)};
        in.lockedAtStart = in.lockedAtEnd = units(5000);
        const auto f = recomputeShare(in);
        QCOMPARE(dec(f.entitled), dec(units(2520) / 4 + units(1080) / 4));
        // Activity only: the activity part alone.
        in.mine = {0, units(10)};
        QCOMPARE(dec(recomputeShare(in).entitled), dec(units(1080) / 4));
    }

    void stakeCountsOnlyWhatStayedLocked() {
        auto in = inputs(3, epoch(9000, {4000, 3000, 2000, 1000}));
        in.total = {units(400), 0};
        in.mine = {units(100), 0};
        in.lockedAtStart = units(100);
        in.lockedAtEnd = units(40); // unstaked 60 before the end
        auto f = recomputeShare(in);
        QCOMPARE(dec(f.effectiveStake), dec(units(40)));
        QCOMPARE(dec(f.entitled), dec(units(630) * 40 / 400));
        in.lockedAtStart = 0; // staked after the epoch began: nothing
        f = recomputeShare(in);
        QCOMPARE(dec(f.effectiveStake), QString("0"));
        QCOMPARE(dec(f.entitled), QString("0"));
    }

    void eachEpochKeepsItsOwnShares() {
        // The same weights in two epochs whose shares governance changed between.
        auto before = inputs(1, epoch(1000, {4000, 3000, 2000, 1000}, 3000));
        auto after = inputs(1, epoch(1000, {4000, 2500, 2000, 1500}, 4000));
        for (auto* in : {&before, &after}) {
            in->total = {0, units(50)};
            in->mine = {0, units(25)};
        }
        QCOMPARE(dec(recomputeShare(before).entitled), dec(units(300) * 3000 / 10000 / 2));
        QCOMPARE(dec(recomputeShare(after).entitled), dec(units(250) * 4000 / 10000 / 2));
    }

    void nothingPayableOnceClaimedClosedOrOpen() {
        auto in = inputs(3, epoch(9000, {4000, 3000, 2000, 1000}));
        in.total = {units(400), 0};
        in.mine = {units(100), 0};
        in.lockedAtStart = in.lockedAtEnd = units(100);
        const U256 entitled = recomputeShare(in).entitled;
        QVERIFY(entitled > 0);
        auto claimed = in;
        claimed.claimed = true;
        QCOMPARE(dec(recomputeShare(claimed).payable), QString("0"));
        QCOMPARE(dec(recomputeShare(claimed).entitled), dec(entitled));
        auto closed = in;
        closed.currentEpoch = closed.epoch + closed.claimWindow + 1;
        QCOMPARE(dec(recomputeShare(closed).payable), QString("0"));
        QVERIFY(!recomputeShare(closed).windowOpen);
        auto edge = in;
        edge.currentEpoch = edge.epoch + edge.claimWindow; // the last epoch it may be claimed in
        QCOMPARE(dec(recomputeShare(edge).payable), dec(entitled));
        auto rolled = in;
        rolled.record.rolledOver = true;
        QCOMPARE(dec(recomputeShare(rolled).payable), QString("0"));
        auto open = in;
        open.currentEpoch = open.epoch;
        QCOMPARE(dec(recomputeShare(open).entitled), QString("0"));
    }

    void lockedAtNeedsProvenNeighbours() {
        // Checkpoints at t=100, 200, 300 holding 1, 2, 3.
        const auto all = history(3, {{0, {100, 1}}, {1, {200, 2}}, {2, {300, 3}}});
        QCOMPARE(dec(*lockedAtFrom(all, 50)), QString("0"));
        QCOMPARE(dec(*lockedAtFrom(all, 100)), QString("1"));
        QCOMPARE(dec(*lockedAtFrom(all, 250)), QString("2"));
        QCOMPARE(dec(*lockedAtFrom(all, 400)), QString("3"));
        // Only the answer's neighbours proven: enough.
        QCOMPARE(dec(*lockedAtFrom(history(3, {{1, {200, 2}}, {2, {300, 3}}}), 250)), QString("2"));
        // The next one missing: not settled (a later checkpoint may be <= t).
        QVERIFY(!lockedAtFrom(history(3, {{1, {200, 2}}}), 250).has_value());
        // No history: nothing locked ever; no length proven: not settled.
        QCOMPARE(dec(*lockedAtFrom(history(0, {}), 250)), QString("0"));
        QVERIFY(!lockedAtFrom(lightclient::FieldValues{}, 250).has_value());
    }

    void lookupProvesTheAnswerAndTheNext() {
        const std::vector<std::uint64_t> keys{100, 200, 300, 400, 500};
        int reads = 0;
        auto keyAt = [&](const U256& i) -> Result<U256> {
            ++reads;
            return U256(keys[static_cast<std::size_t>(i)]);
        };
        auto idx = [&](std::uint64_t t) {
            auto r = lockLookupIndices(U256(keys.size()), U256(t), keyAt);
            QStringList out;
            for (const auto& i : *r) out << dec(i);
            return out.join(',');
        };
        QCOMPARE(idx(250), QString("1,2"));
        QCOMPARE(idx(50), QString("0"));
        QCOMPARE(idx(500), QString("4"));
        QCOMPARE(idx(300), QString("2,3"));
        QVERIFY(reads <= 4 * 3); // a binary search: about log2(5) reads each
    }

    void sharesWordAndScreenEpochs() {
        const U256 word = U256(1000) << 48 | U256(2000) << 32 | U256(3000) << 16 | U256(4000);
        const auto s = unpackShares(word);
        QCOMPARE(dec(s[0]), QString("4000"));
        QCOMPARE(dec(s[3]), QString("1000"));
        QStringList epochs;
        for (const auto& e : revenueScreenEpochs(5, 2, 1)) epochs << dec(e);
        QCOMPARE(epochs.join(','), QString("5,4,3,2")); // open, window of 2, one before
        epochs.clear();
        for (const auto& e : revenueScreenEpochs(1, 4, 12)) epochs << dec(e);
        QCOMPARE(epochs.join(','), QString("1,0"));
    }
};

CTRN_REGISTER_TEST(TestRevenueReads)
#include "tst_revenue_reads.moc"
