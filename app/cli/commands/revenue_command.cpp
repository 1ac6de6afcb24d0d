// ctrn revenue status|claim — the RevenueDistributor's epochs: what an
// account can claim per finalized epoch and category (compute, data,
// developers, community) inside the claim window, and claiming it.
#include "protocol_common.h"

namespace ctrn::cli {
namespace {

using namespace protocol;

struct Claimable {
    U256 epoch = 0;
    std::uint8_t category = 0;
    U256 amount = 0;
};

// Finalized epochs still inside the claim window, newest first.
Result<std::vector<U256>> claimWindow(const RevenueDistributorBinding& dist) {
    CTRN_ASSIGN(U256 current, dist.currentEpoch());
    CTRN_ASSIGN(U256 window, dist.claimWindowEpochs());
    // claim() accepts epoch e while currentEpoch <= e + window.
    std::vector<U256> out;
    U256 first = current > window ? current - window : U256(0);
    for (U256 e = current; e > first;) {
        --e;
        out.push_back(e);
    }
    return out;
}

Result<std::vector<Claimable>> claimables(const RevenueDistributorBinding& dist, const chain::Address& account) {
    std::vector<Claimable> out;
    CTRN_ASSIGN(auto epochs, claimWindow(dist));
    for (const auto& e : epochs) {
        for (std::uint8_t c = 0; c < std::size(kRevenueCategories); ++c) {
            CTRN_ASSIGN(bool claimed, dist.hasClaimed(e, c, account));
            if (claimed) continue;
            CTRN_ASSIGN(U256 amount, dist.claimable(e, c, account));
            if (amount > 0) out.push_back({e, c, amount});
        }
    }
    return out;
}

int runStatus(const Args& args) {
    args.expectPositionalCount(1);
    chain::Address account = addressArg(args.positional(0, "ACCOUNT"), "ACCOUNT");
    auto opened = openBound(args, revenueDistributor);
    if (!opened) return printError(opened.error());
    auto& [s, dist] = *opened;
    auto current = dist.currentEpoch();
    auto shares = dist.shares();
    auto window = dist.claimWindowEpochs();
    if (!current) return printProtocolError(current.error());
    if (!shares) return printProtocolError(shares.error());
    if (!window) return printProtocolError(window.error());
    auto list = claimables(dist, account);
    if (!list) return printProtocolError(list.error());
    Json shareJson = Json::object();
    for (std::size_t i = 0; i < shares->size() && i < std::size(kRevenueCategories); ++i) shareJson[kRevenueCategories[i]] = toDecimal((*shares)[i]);
    Json claims = Json::array();
    U256 total = 0;
    for (const auto& c : *list) {
        claims.push_back({{"epoch", toDecimal(c.epoch)}, {"category", kRevenueCategories[c.category]}, {"amount", toDecimal(c.amount)}});
        total += c.amount;
    }
    Json out = {{"account", account.checksummed()}, {"currentEpoch", toDecimal(*current)}, {"claimWindowEpochs", toDecimal(*window)},
                {"sharesBps", shareJson}, {"claimable", claims}, {"totalClaimable", toDecimal(total)}, {"verified", false}};
    if (*current > 0) {
        auto last = dist.epoch(*current - 1);
        if (!last) return printProtocolError(last.error());
        out["lastFinalizedEpoch"] = *last;
    }
    return printOutput(args, out);
}

// Every claimable share that matches --epoch / --category in one
// transaction (core makes it a claim or a claimMany). A share that becomes
// claimable while it is mined is taken by the next round, until core finds
// nothing left ("nothing to claim", an error only when nothing was claimed).
int runClaim(const Args& args) {
    args.expectPositionalCount(0);
    chain::Address from = fromOption(args);
    auto s = openProtocol(args);
    if (!s) return printError(s.error());
    Json claims = Json::array();
    for (int i = 0; i < 8; ++i) {
        auto r = runAction(*s, args, "revenue.claim", requestFrom(args, {"epoch", "category"}));
        if (!r) {
            if (!claims.empty() && r.error().message.rfind("nothing to claim", 0) == 0) break;
            return printProtocolError(r.error());
        }
        if (r->dryRun) return printAction(args, *r);
        for (const auto& c : r->facts["claims"])
            claims.push_back({{"epoch", c["epoch"]}, {"category", c["category"]}, {"amount", c["amount"]}, {"hash", r->json["hash"]}});
    }
    return printOutput(args, Json{{"account", from.checksummed()}, {"claims", claims}});
}

const bool r1 = registerCommand({"revenue status", "ACCOUNT " + kReadUsage,
    "The revenue pool: current epoch, category shares (bps), the last finalized epoch, and what\n"
    "ACCOUNT can claim per epoch and category inside the claim window.",
    nodeOptions(), runStatus});
const bool r2 = registerCommand({"revenue claim", "[--epoch N] [--category compute|data|developers|community] " + kActionUsage,
    "Claims every claimable share of --from (or those of --epoch / --category) in one\n"
    "transaction (claimMany when there are several). Refused with \"nothing to claim\" before\n"
    "anything is sent.",
    actionOptions({"epoch", "category"}), runClaim});
const bool r3 = registerCommand({"revenue finalize", kActionUsage,
    "Closes the open revenue epoch once its length has passed (anyone may): its funds, shares\n"
    "and weights freeze and its shares become claimable. Refused before its end, with the time.",
    actionOptions({}), [](const Args& args) {
        args.expectPositionalCount(0);
        return runProtocolAction(args, "revenue.finalize", requestFrom(args, {}));
    }});
const bool r4 = registerCommand({"revenue checkin", "--category compute|data|developers|community " + kActionUsage,
    "Records --from's stake (locked since the open epoch began) as its weight in --category for\n"
    "the open epoch. The community category takes anyone; the others need activity in this epoch\n"
    "first (refused otherwise).",
    actionOptions({"category"}), [](const Args& args) {
        args.expectPositionalCount(0);
        return runProtocolAction(args, "revenue.checkin", requestFrom(args, {"category"}));
    }});

} // namespace
} // namespace ctrn::cli
