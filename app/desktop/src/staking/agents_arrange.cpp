#include "agents_arrange.h"

#include "figures.h"

#include <algorithm>

namespace ctrn::desktop {
namespace {

// A figure hidden by a mismatch sorts after every shown one, either way.
int compareFigures(const interfaces::Checked<U256>& a, const interfaces::Checked<U256>& b) {
    const auto x = shownValue(a), y = shownValue(b);
    if (!x || !y) return 0;
    return *x < *y ? -1 : *x > *y ? 1 : 0;
}

bool hidden(const interfaces::StakingAgent& a, const QString& column) {
    if (column == QLatin1String("stake")) return a.totalStake.isMismatch();
    if (column == QLatin1String("mine")) return a.myStake.isMismatch();
    return false;
}

int compare(const interfaces::StakingAgent& a, const interfaces::StakingAgent& b, const QString& column) {
    if (column == QLatin1String("name")) return QString::compare(qs(a.name), qs(b.name), Qt::CaseInsensitive);
    if (column == QLatin1String("commission")) return a.commissionBps < b.commissionBps ? -1 : a.commissionBps > b.commissionBps ? 1 : 0;
    if (column == QLatin1String("reputation")) return a.reputation < b.reputation ? -1 : a.reputation > b.reputation ? 1 : 0;
    if (column == QLatin1String("elected")) return int(a.elected) - int(b.elected);
    if (column == QLatin1String("mine")) return compareFigures(a.myStake, b.myStake);
    return compareFigures(a.totalStake, b.totalStake);
}

bool matches(const interfaces::StakingAgent& a, const AgentsView& view) {
    if (view.filter == QLatin1String("elected") && !a.elected) return false;
    if (view.filter == QLatin1String("notElected") && a.elected) return false;
    if (view.filter == QLatin1String("mine")) {
        // A hidden (mismatched) stake of mine still counts as a position.
        const auto mine = shownValue(a.myStake);
        if (mine && *mine == 0) return false;
    }
    QString needle = view.search.trimmed();
    if (needle.isEmpty()) return true;
    if (qs(a.name).contains(needle, Qt::CaseInsensitive)) return true;
    if (needle.startsWith(QLatin1String("0x"), Qt::CaseInsensitive)) needle = needle.mid(2);
    return qs(a.address.checksummed()).mid(2).contains(needle, Qt::CaseInsensitive);
}

} // namespace

bool isAgentsSortColumn(const QString& c) {
    for (const char* name : {"name", "stake", "commission", "reputation", "mine", "elected"})
        if (c == QLatin1String(name)) return true;
    return false;
}

bool isAgentsFilter(const QString& f) {
    for (const char* name : {"all", "elected", "notElected", "mine"})
        if (f == QLatin1String(name)) return true;
    return false;
}

std::vector<interfaces::StakingAgent> arrangeAgents(const std::vector<interfaces::StakingAgent>& all, const AgentsView& view) {
    std::vector<interfaces::StakingAgent> out;
    out.reserve(all.size());
    for (const auto& a : all)
        if (matches(a, view)) out.push_back(a);
    // Stable, with the address as the last key: equal rows keep one order
    // across refreshes, so a refresh moves nothing that did not change.
    std::stable_sort(out.begin(), out.end(), [&](const interfaces::StakingAgent& a, const interfaces::StakingAgent& b) {
        const bool ha = hidden(a, view.sortBy), hb = hidden(b, view.sortBy);
        if (ha != hb) return hb;
        const int c = compare(a, b, view.sortBy);
        if (c != 0) return view.ascending ? c < 0 : c > 0;
        return a.address < b.address;
    });
    return out;
}

} // namespace ctrn::desktop
