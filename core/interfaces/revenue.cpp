// interfaces::Revenue over the light client: the distributor's pool, epochs
// and the holder's weights in one eth_getProof of the RevenueDistributor,
// the holder's lock history checkpoints in one of the token, at one
// verified head; the holder's shares recomputed by protocol/revenue_reads
// (the distributor's formula) and compared with the node's `claimable`.
#include <core/interfaces/revenue_service.h>

#include <core/interfaces/proven_reader.h>
#include <core/interfaces/values.h>
#include <core/chain/json_fields.h>
#include <core/crypto/keccak.h>
#include <core/protocol/bindings.h>
#include <core/protocol/logs.h>
#include <core/wallet/wallet_manager.h>
#include <core/protocol/revenue_reads.h>

#include <algorithm>
#include <map>
#include <set>

namespace ctrn::interfaces {

const char* revenueCategoryName(std::size_t category) {
    return category < kRevenueCategories ? protocol::kRevenueCategories[category] : "unknown";
}

namespace {

using lightclient::FieldValues;
using protocol::kRevenueCategoryCount;

// How many finalized epochs before the claim window the pool's chart shows.
constexpr std::size_t kHistoryEpochs = 12;
// Up to this many lock checkpoints are proven whole; beyond, the two
// around each instant (found by an unproven binary search).
constexpr std::uint64_t kWholeLockHistory = 64;

const FieldValues* shownValues(const ProvenFields& p) {
    if (p.isVerified()) return &p.verified().value();
    if (p.isUnverified()) return &p.unverified().unverifiedValue();
    return nullptr;
}

U256 value(const FieldValues& v, const std::string& name) {
    auto it = v.find(name);
    return it == v.end() ? U256(0) : it->second;
}

std::string unitsText(const U256& v) { return formatAmount(v, 18); }

// A figure computed from two proofs (distributor and token): hidden when
// either was contradicted, unverified when either is, else verified at the
// distributor's block (both are of the same head).
Checked<U256> combined(const ProvenFields& a, const ProvenFields* b, const U256& v, const std::string& noProofWhy) {
    for (const ProvenFields* p : {&a, b}) {
        if (p && p->isMismatch()) return Checked<U256>(fromLightclient(p->mismatch()));
    }
    for (const ProvenFields* p : {&a, b}) {
        if (p && p->isUnverified()) return Checked<U256>(Unverified<U256>(v, noProofWhy));
    }
    return Checked<U256>(Verified<U256>(v, a.verified().blockNumber(), a.verified().blockHash()));
}

class RevenueService : public Revenue {
public:
    RevenueService(std::shared_ptr<Backend> backend, Verifier* verifier, std::string layoutDir, std::string noVerifierWhy)
        : m_r(std::move(backend), verifier, std::move(layoutDir), std::move(noVerifierWhy)) {}

    Result<RevenueAccount> overview(const std::optional<chain::Address>& holder) override {
        CTRN_ASSIGN(const protocol::Protocol* p, m_r.deployed());
        CTRN_ASSIGN(protocol::RevenueDistributorBinding dist, protocol::revenueDistributor(*p));
        // Which epochs to prove follows from the open epoch; the node names
        // it, the proof confirms it (an epoch finalized in between: read again).
        for (int attempt = 0;; ++attempt) {
            CTRN_ASSIGN(U256 current, dist.currentEpoch());
            CTRN_ASSIGN(U256 window, dist.claimWindowEpochs());
            const auto epochs = protocol::revenueScreenEpochs(current, window, kHistoryEpochs);
            CTRN_ASSIGN(auto out, read(dist, epochs, current, window, holder));
            if (out || attempt == 1) {
                if (!out) return makeError(ErrorCode::NodeError, "the revenue epoch changed twice while it was read; it is read again on the next block");
                return *out;
            }
        }
    }

    std::uint64_t proofCalls() const override { return m_r.proofCalls(); }

    Result<std::size_t> exportClaimsCsv(const chain::Address& holder, const std::string& path) override {
        CTRN_ASSIGN(RevenueAccount read, overview(holder));
        std::string csv = "epoch,category,amount_wei,amount_ctrn,block,transaction,proof\r\n";
        for (const auto& c : read.claims) {
            const auto shown = c.amount.isMismatch() ? std::optional<U256>() : std::optional<U256>(shownOr(c.amount, U256(0)));
            const std::string proof = c.amount.isVerified()     ? "verified at block " + std::to_string(c.amount.verified().blockNumber())
                                      : c.amount.isUnverified() ? "unverified: " + c.amount.unverified().why()
                                                                : "mismatch: " + c.amount.mismatch().describe();
            csv += toDecimal(c.epoch) + "," + revenueCategoryName(c.category) + "," + (shown ? toDecimal(*shown) : "") + "," +
                   (shown ? formatAmount(*shown, 18) : "") + "," + std::to_string(c.block) + "," + c.transaction + ",\"" + proof + "\"\r\n";
        }
        CTRN_TRY(wallet::writeFileAtomic(path, csv));
        return read.claims.size();
    }

private:
    Result<ProvenFields> fields(const std::string& contract, const std::vector<lightclient::Field>& f) {
        return m_r.proving() ? m_r.prove(contract, f) : m_r.readUnproven(contract, f);
    }

    // The block the screen is read at, for the unproven search of lock
    // checkpoints: the verified head's, else the latest.
    std::string blockTag() {
        if (m_r.proving()) {
            auto head = m_r.light()->verifiedHead();
            if (head.ok() && head->ok()) return toQuantityHex(U256(head->value().header.number));
        }
        return "latest";
    }

    // The token proof of the holder's lock checkpoints that answer lockedAt
    // at `instants`.
    Result<ProvenFields> proveLocks(const chain::Address& holder, const std::set<U256>& instants) {
        CTRN_ASSIGN(const lightclient::StorageLayout* token, m_r.layout("ComputroniumToken"));
        CTRN_ASSIGN(chain::Address tokenAddress, m_r.contractAddress("ComputroniumToken"));
        CTRN_ASSIGN(auto lengthAt, protocol::lockHistoryLength(*token, holder));
        const std::string tag = blockTag();
        CTRN_ASSIGN(U256 length, m_r.storageAt(tokenAddress, lengthAt.slot, tag));
        std::set<U256> indices;
        if (length <= kWholeLockHistory) {
            for (U256 i = 0; i < length; ++i) indices.insert(i);
        } else {
            auto keyAt = [&](const U256& i) -> Result<U256> {
                CTRN_ASSIGN(auto f, protocol::lockHistoryFields(*token, holder, {i}));
                CTRN_ASSIGN(U256 word, m_r.storageAt(tokenAddress, f[1].location.slot, tag));
                return lightclient::StorageLayout::extract(f[1].location, word);
            };
            for (const auto& t : instants) {
                CTRN_ASSIGN(auto found, protocol::lockLookupIndices(length, t, keyAt));
                indices.insert(found.begin(), found.end());
            }
        }
        CTRN_ASSIGN(auto f, protocol::lockHistoryFields(*token, holder, std::vector<U256>(indices.begin(), indices.end())));
        // A lock word of the account too: what a check-in would record now.
        CTRN_ASSIGN(auto accountFields, lightclient::tokenAccountFields(*token, holder));
        for (auto& a : accountFields)
            if (a.name == "locked") f.push_back({"lockedNow", a.location});
        return fields("ComputroniumToken", f);
    }

    // nullopt: the proof's open epoch is not the one the node named (read again).
    Result<std::optional<RevenueAccount>> read(const protocol::RevenueDistributorBinding& dist, const std::vector<U256>& epochs,
                                               const U256& current, const U256& window, const std::optional<chain::Address>& holder) {
        if (m_r.proving()) CTRN_TRY(m_r.syncHead());
        CTRN_ASSIGN(const lightclient::StorageLayout* layout, m_r.layout("RevenueDistributor"));
        // The open epoch and the claim window in detail; older ones for the chart.
        const std::size_t detailed = 1 + static_cast<std::size_t>(std::min(window, current));
        CTRN_ASSIGN(auto distFields, protocol::revenueScreenFields(*layout, epochs, detailed, holder));
        CTRN_ASSIGN(ProvenFields distProof, fields("RevenueDistributor", distFields));
        const std::string noProof = m_r.proving() ? std::string(kNoProofs) : m_r.noVerifierWhy();
        auto fig = [&](auto pick) { return provenFigure(distProof, pick, noProof); };
        auto var = [&](const char* name) { return fig([name](const FieldValues& v) { return value(v, name); }); };

        RevenueAccount out;
        out.holder = holder;
        const FieldValues* dv = shownValues(distProof);
        if (dv && (value(*dv, "currentEpoch") != current || value(*dv, "claimWindowEpochs") != window)) return std::optional<RevenueAccount>();
        // The pool. On a mismatch every figure is hidden; times come from the node then.
        RevenuePool& pool = out.pool;
        pool.currentEpoch = current;
        pool.openEpochFunds = var("openEpochFunds");
        pool.totalReceived = var("totalReceived");
        pool.totalBurned = var("totalBurned");
        pool.totalClaimed = var("totalClaimed");
        pool.totalRolledOver = var("totalRolledOver");
        pool.outstanding = var("outstanding");
        pool.burnBps = var("burnBps");
        pool.activityBps = var("activityBps");
        pool.claimWindowEpochs = var("claimWindowEpochs");
        for (std::size_t c = 0; c < kRevenueCategories; ++c)
            pool.shareBps[c] = fig([c](const FieldValues& v) { return protocol::unpackShares(value(v, "shareBps"))[c]; });
        if (dv) {
            pool.epochStart = static_cast<std::uint64_t>(value(*dv, "currentEpochStart"));
            pool.epochLength = static_cast<std::uint64_t>(value(*dv, "epochLength"));
        } else {
            CTRN_ASSIGN(U256 end, dist.currentEpochEnd());
            pool.epochStart = 0;
            pool.epochLength = 0;
            pool.epochEnd = static_cast<std::uint64_t>(end);
        }
        if (dv) pool.epochEnd = pool.epochStart + pool.epochLength;
        pool.chainTime = m_r.proving() && !distProof.isMismatch() ? m_r.provenTime(distProof) : 0;
        if (pool.chainTime == 0) {
            CTRN_ASSIGN(pool.chainTime, m_r.chainTime());
        }
        pool.finalizeDue = pool.chainTime >= pool.epochEnd;

        for (const auto& e : epochs) {
            if (e == current) continue;
            const auto rec = dv ? protocol::epochRecord(*dv, e) : protocol::RevenueEpochRecord{};
            out.epochs.push_back({e, static_cast<std::uint64_t>(rec.start), static_cast<std::uint64_t>(rec.end),
                                  fig([e](const FieldValues& v) { return protocol::epochRecord(v, e).amount; }),
                                  fig([e](const FieldValues& v) { return protocol::epochRecord(v, e).claimable; }),
                                  fig([e](const FieldValues& v) { return protocol::epochRecord(v, e).claimed; }), rec.rolledOver});
        }
        if (!holder) {
            out.totalClaimable = fig([](const FieldValues&) { return U256(0); });
            out.claimBlocked = "choose an account to see its share";
            return std::optional<RevenueAccount>(std::move(out));
        }
        CTRN_TRY(shares(out, dist, distProof, epochs, current, window, *holder, noProof));
        CTRN_TRY(claims(out, distProof, detailed, epochs, *holder));
        return std::optional<RevenueAccount>(std::move(out));
    }

    Status shares(RevenueAccount& out, const protocol::RevenueDistributorBinding& dist, const ProvenFields& distProof,
                  const std::vector<U256>& epochs, const U256& current, const U256& window, const chain::Address& holder,
                  const std::string& noProof) {
        const FieldValues* dv = shownValues(distProof);
        // The instants lockedAt is asked at: each epoch's start and last second, and the open epoch's start.
        std::set<U256> instants;
        const U256 firstClaimable = current > window ? current - window : U256(0);
        std::vector<U256> mine; // epochs of the screen the holder has a share in (open first)
        // The node's claimable() of each finalized (epoch, category), asked
        // once: shown beside the recomputation, and on a contradicted proof
        // what says which shares exist. Not asked for the open epoch.
        std::map<std::pair<U256, std::uint8_t>, Result<U256>> nodeFigures;
        auto nodeFigure = [&](const U256& e, std::uint8_t c) -> const Result<U256>& {
            auto it = nodeFigures.find({e, c});
            if (it == nodeFigures.end()) it = nodeFigures.emplace(std::make_pair(e, c), dist.claimable(e, c, holder)).first;
            return it->second;
        };
        for (const auto& e : epochs) {
            if (e != current && e < firstClaimable) continue;
            bool any = false;
            for (std::uint8_t c = 0; c < kRevenueCategoryCount; ++c) {
                if (!dv) {
                    // The proof was contradicted: which shares exist is the node's word.
                    const auto& node = nodeFigure(e, c);
                    if (!node.ok()) return node.error();
                    any = any || *node > 0;
                    continue;
                }
                const auto w = protocol::holderWeight(*dv, e, c);
                any = any || w.stake > 0 || w.activity > 0 || protocol::holderClaimed(*dv, e, c);
            }
            if (!any) continue;
            mine.push_back(e);
            if (dv) {
                const auto rec = protocol::epochRecord(*dv, e);
                instants.insert(rec.start);
                if (rec.end > 0) instants.insert(rec.end - 1);
            }
        }
        if (dv) instants.insert(value(*dv, "currentEpochStart"));
        CTRN_ASSIGN(ProvenFields lockProof, proveLocks(holder, instants));
        const FieldValues* lv = shownValues(lockProof);

        U256 total = 0, nodeTotal = 0;
        bool totalHidden = false, totalUnverified = false;
        std::size_t openWithWeight = 0;
        for (const auto& e : mine) {
            for (std::uint8_t c = 0; c < kRevenueCategoryCount; ++c) {
                RevenueShare s;
                s.epoch = e;
                s.category = c;
                s.open = e == current;
                s.lastEpoch = e + window;
                s.closesNext = !s.open && s.lastEpoch == current;
                s.closesAt = out.pool.epochEnd + static_cast<std::uint64_t>(s.lastEpoch > current ? s.lastEpoch - current : U256(0)) *
                                                     out.pool.epochLength;
                protocol::ShareFigures f;
                if (dv) {
                    protocol::ShareInputs in;
                    in.epoch = e;
                    in.currentEpoch = current;
                    in.claimWindow = window;
                    in.category = c;
                    in.record = protocol::epochRecord(*dv, e);
                    in.total = protocol::categoryTotal(*dv, e, c);
                    in.mine = protocol::holderWeight(*dv, e, c);
                    in.claimed = protocol::holderClaimed(*dv, e, c);
                    if (in.mine.stake == 0 && in.mine.activity == 0 && !in.claimed) continue;
                    s.claimed = in.claimed;
                    std::optional<U256> atStart = lv ? protocol::lockedAtFrom(*lv, in.record.start) : std::nullopt;
                    std::optional<U256> atEnd = lv && in.record.end > 0 ? protocol::lockedAtFrom(*lv, in.record.end - 1) : std::nullopt;
                    if (s.open) {
                        // Not finalized: what it would pay were it to end now (the open
                        // funds, today's shares, the stake locked since its start).
                        in.record.amount = value(*dv, "openEpochFunds");
                        in.record.shareBps = protocol::unpackShares(value(*dv, "shareBps"));
                        in.record.activityBps = value(*dv, "activityBps");
                        in.record.end = 1;
                        in.currentEpoch = current + 1;
                        in.lockedAtStart = in.lockedAtEnd = atStart.value_or(0);
                        f = protocol::recomputeShare(in);
                        ++openWithWeight;
                    } else {
                        const bool settled = in.mine.stake == 0 || (atStart && atEnd);
                        in.lockedAtStart = atStart.value_or(0);
                        in.lockedAtEnd = atEnd.value_or(0);
                        f = protocol::recomputeShare(in);
                        if (!settled) {
                            // The lock history's proof does not decide lockedAt: the
                            // stake part cannot be recomputed (the node's figure stands).
                            s.why = "the token's lock history was not proven around this epoch";
                        }
                    }
                    s.totalStake = combined(distProof, nullptr, in.total.stake, noProof);
                    s.totalActivity = combined(distProof, nullptr, in.total.activity, noProof);
                    s.myActivity = combined(distProof, nullptr, in.mine.activity, noProof);
                    s.myStake = combined(distProof, in.mine.stake > 0 ? &lockProof : nullptr, s.open ? in.mine.stake : f.effectiveStake, noProof);
                    s.entitled = combined(distProof, in.mine.stake > 0 ? &lockProof : nullptr, f.entitled, noProof);
                    s.recomputed = combined(distProof, in.mine.stake > 0 ? &lockProof : nullptr, s.open ? U256(0) : f.payable, noProof);
                    if (!s.why.empty()) s.recomputed = Checked<U256>(Unverified<U256>(f.payable, s.why));
                } else {
                    // Which shares exist is the node's word; every figure is hidden.
                    if (s.open) continue;
                    const auto& node = nodeFigure(e, c);
                    if (!node.ok() || *node == 0) continue;
                    const Checked<U256> hidden(fromLightclient(distProof.mismatch()));
                    s.totalStake = s.totalActivity = s.myActivity = s.myStake = s.entitled = s.recomputed = hidden;
                }
                if (!s.open) {
                    const auto& node = nodeFigure(e, c);
                    if (node.ok()) s.nodeClaimable = *node;
                    if (s.nodeClaimable) nodeTotal += *s.nodeClaimable;
                    if (s.recomputed.isMismatch()) totalHidden = true;
                    else {
                        const U256 mineNow = shownOr(s.recomputed, U256(0));
                        total += mineNow;
                        if (s.recomputed.isUnverified()) totalUnverified = true;
                        if (s.nodeClaimable && *s.nodeClaimable != mineNow) {
                            s.agrees = false;
                            ++out.disagreements;
                        }
                    }
                    if (dv && s.why.empty()) s.why = whyNothing(s, f, e, window);
                } else {
                    s.why = "epoch " + toDecimal(e) + " is open: about " + unitsText(f.entitled) +
                            " CTRN so far were it to end now; claimable once it ends and is finalized";
                }
                out.shares.push_back(std::move(s));
            }
        }
        if (distProof.isMismatch()) out.totalClaimable = Checked<U256>(fromLightclient(distProof.mismatch()));
        else if (totalHidden) out.totalClaimable = Checked<U256>(fromLightclient(distProof.isMismatch() ? distProof.mismatch() : lockProof.mismatch()));
        else if (totalUnverified || !distProof.isVerified()) out.totalClaimable = Checked<U256>(Unverified<U256>(total, noProof));
        else out.totalClaimable = combined(distProof, nullptr, total, noProof);
        out.myLocked = provenFigure(lockProof, [](const FieldValues& v) { return value(v, "lockedNow"); }, noProof);
        // What a community check-in would add now: the stake locked since the
        // open epoch began, above what is already recorded.
        if (dv && lv) {
            const auto atOpen = protocol::lockedAtFrom(*lv, value(*dv, "currentEpochStart"));
            const U256 recordable = std::min(value(*lv, "lockedNow"), atOpen.value_or(0));
            const U256 recorded = protocol::holderWeight(*dv, current, protocol::kCommunityCategory).stake;
            out.checkInGain = combined(distProof, &lockProof, recordable > recorded ? recordable - recorded : U256(0), noProof);
        }
        // Claim all is offered when either the recomputation or the node
        // finds something: the contract decides what is paid.
        if (total > 0 || nodeTotal > 0) return Ok{};
        const bool allClaimed = !out.shares.empty() && std::all_of(out.shares.begin(), out.shares.end(),
                                                                   [](const RevenueShare& s) { return s.open || s.claimed; }) &&
                                std::any_of(out.shares.begin(), out.shares.end(), [](const RevenueShare& s) { return s.claimed; });
        if (openWithWeight > 0) {
            out.claimBlocked = out.pool.finalizeDue
                                   ? "epoch " + toDecimal(current) + " is over but not finalized yet: finalize it, then claim your share"
                                   : "your share of epoch " + toDecimal(current) + " is claimable once the epoch ends and is finalized";
        } else if (allClaimed) {
            out.claimBlocked = "nothing left to claim: your shares in the claim window are claimed";
        } else {
            out.claimBlocked = "nothing to claim: you have no share in an epoch inside the claim window. Stake CTRN and check in to the "
                               "community category to earn from the next epoch";
        }
        return Ok{};
    }

    // The holder's Claimed events (eth_getLogs, topic 3 = the holder), each
    // checked against the screen's proof where it covers the epoch.
    Status claims(RevenueAccount& out, const ProvenFields& distProof, std::size_t detailed, const std::vector<U256>& epochs,
                  const chain::Address& holder) {
        CTRN_ASSIGN(const protocol::Protocol* p, m_r.deployed());
        CTRN_ASSIGN(chain::Address dist, m_r.contractAddress("RevenueDistributor"));
        const std::string signature = "Claimed(uint256,uint8,address,uint256)";
        const auto topic0 = crypto::keccak256(ByteView(reinterpret_cast<const std::uint8_t*>(signature.data()), signature.size()));
        Bytes account(32, 0);
        const auto raw = holder.bytes();
        std::copy(raw.begin(), raw.end(), account.begin() + 12);
        Json filter = {{"address", dist.checksummed()},
                       {"fromBlock", toQuantityHex(U256(p->deployment().deployBlock))},
                       {"toBlock", "latest"},
                       {"topics", Json::array({toHex(ByteView(topic0.data(), topic0.size())), nullptr, nullptr, toHex(account)})}};
        // A node that refuses the range (providers cap eth_getLogs) costs the
        // history, not the page: the shares and Claim all stand without it.
        auto logs = m_r.backend().client->call("eth_getLogs", Json::array({filter}));
        if (!logs.ok() || !logs->is_array()) {
            out.claimsError = "the node did not list your claims (eth_getLogs): " + (logs.ok() ? std::string("no list") : logs.error().message);
            return Ok{};
        }
        const FieldValues* dv = shownValues(distProof);
        const std::set<U256> covered(epochs.begin(), epochs.begin() + static_cast<std::ptrdiff_t>(std::min(detailed, epochs.size())));
        for (const auto& log : *logs) {
            CTRN_ASSIGN(protocol::RawLog l, protocol::rawLogFromJson(log));
            if (l.topics.size() != 4 || l.data.size() != 32) continue;
            RevenueClaim c;
            CTRN_ASSIGN(c.epoch, fromBigEndian(l.topics[1]));
            CTRN_ASSIGN(U256 category, fromBigEndian(l.topics[2]));
            CTRN_ASSIGN(U256 amount, fromBigEndian(l.data));
            c.category = static_cast<std::size_t>(category);
            CTRN_ASSIGN(c.block, chain::json::quantity64(log, "blockNumber"));
            if (log.contains("transactionHash") && log["transactionHash"].is_string()) c.transaction = log["transactionHash"].get<std::string>();
            const std::string logWhy = "from the node's event log of block " + std::to_string(c.block) + " (not proven here)";
            if (distProof.isVerified() && dv && covered.count(c.epoch) && c.category < kRevenueCategories) {
                // The proof covers it: claimed, and for what the epoch gave.
                const auto cat = static_cast<std::uint8_t>(c.category);
                const bool claimed = protocol::holderClaimed(*dv, c.epoch, cat);
                auto share = std::find_if(out.shares.begin(), out.shares.end(),
                                          [&](const RevenueShare& s) { return s.epoch == c.epoch && s.category == c.category; });
                const bool entitledProven = share != out.shares.end() && share->entitled.isVerified();
                if (!claimed || (entitledProven && share->entitled.verified().value() != amount)) {
                    c.amount = Checked<U256>(Mismatch{"claim", "the node's Claimed log of epoch " + toDecimal(c.epoch) + " (" +
                                                                   revenueCategoryName(c.category) + ") contradicts the proven state",
                                                      m_r.nodeName()});
                } else if (entitledProven) {
                    c.amount = Checked<U256>(Verified<U256>(amount, distProof.verified().blockNumber(), distProof.verified().blockHash()));
                } else {
                    c.amount = Checked<U256>(Unverified<U256>(amount, logWhy));
                }
            } else {
                c.amount = Checked<U256>(Unverified<U256>(amount, logWhy));
            }
            out.claims.push_back(std::move(c));
        }
        std::reverse(out.claims.begin(), out.claims.end()); // newest first
        return Ok{};
    }

    static std::string whyNothing(const RevenueShare& s, const protocol::ShareFigures& f, const U256& e, const U256& window) {
        if (s.claimed) return "claimed";
        if (!f.windowOpen) return "the claim window closed when epoch " + toDecimal(e + window) + " ended; what was not claimed rolled over";
        if (f.entitled == 0 && shownOr(s.myActivity, U256(0)) == 0)
            return "your recorded stake was not locked for the whole epoch (from its start to its end), so it earns nothing here";
        return {};
    }

    ProvenReader m_r;
};

} // namespace

std::unique_ptr<Revenue> makeRevenue(std::shared_ptr<Backend> backend, Verifier* verifier, std::string storageLayoutDir,
                                     std::string noVerifierWhy) {
    return std::make_unique<RevenueService>(std::move(backend), verifier, std::move(storageLayoutDir), std::move(noVerifierWhy));
}

} // namespace ctrn::interfaces
