#include "agents_model.h"

#include "figures.h"

#include <core/interfaces/values.h>

#include <QClipboard>
#include <QGuiApplication>

namespace ctrn::desktop {
namespace {

// "1240 CTRN above seat 22" (elected, over the best agent outside), "310
// CTRN below seat 21" (not elected, short of the last seat), or why there
// is no edge to measure against.
QString marginWords(bool elected, const U256& margin, std::size_t seat, std::size_t seats) {
    if (seat == 0)
        return elected ? QObject::tr("seats to spare (%1)").arg(seats) : QObject::tr("no stake yet; a seat is free");
    const QString amount = qs(interfaces::formatAmount(margin, 18));
    return (elected ? QObject::tr("%1 CTRN above seat %2") : QObject::tr("%1 CTRN below seat %2")).arg(amount).arg(seat);
}

} // namespace

AgentsModel::AgentsModel(QObject* parent) : AgentsModel(appJobRunner(), AccountsModel::instance(), parent) {
    followChainHead();
}

AgentsModel::AgentsModel(JobRunner* runner, AccountsModel* accounts, QObject* parent)
    : QueryList<interfaces::StakingAgent>(runner, parent), m_accounts(accounts) {
    setRoles({{AddressRole, "address"},
              {ShortAddressRole, "shortAddress"},
              {NameRole, "name"},
              {ElectedRole, "elected"},
              {CommissionRole, "commission"},
              {CommissionBpsRole, "commissionBps"},
              {ReputationRole, "reputation"},
              {TotalStakeRole, "totalStake"},
              {MyStakeRole, "myStake"},
              {LookAlikeRole, "lookAlike"},
              {LookAlikeOfRole, "lookAlikeOf"},
              {RankRole, "rank"},
              {MarginRole, "margin"},
              {MarginTextRole, "marginText"}});
    if (m_accounts)
        // My stake is per account: another account, another column.
        connect(m_accounts, &AccountsModel::currentChanged, this, [this] {
            if (loaded()) refreshSoon();
        });
}

QString AgentsModel::holder() const { return m_accounts ? m_accounts->currentAddress() : QString(); }

AgentsModel::Query AgentsModel::query() const {
    return [holder = holder().toStdString()](interfaces::Services& s, const std::optional<interfaces::StakingAgent>&,
                                              std::size_t) -> Result<Rows> {
        if (!s.staking) return makeError(ErrorCode::NotFound, "this network has no Computronium deployment");
        std::optional<chain::Address> me;
        if (auto a = chain::Address::fromHex(holder)) me = *a;
        return s.staking->agents(me);
    };
}

// The base's refresh, except that the answer is kept whole (m_all) and
// what is shown is its arrangement: a sort or a search later re-arranges
// the kept rows without a new query.
quint64 AgentsModel::startRefresh() {
    setRefreshing(true);
    return run<Result<Rows>>(
        [q = query()](interfaces::Services& s) { return q(s, std::nullopt, 0); },
        [this](Rows fresh) {
            m_all = std::move(fresh);
            landRefresh(arrangeAgents(m_all, m_view), true);
            emit viewChanged();
            refreshEnded();
        },
        refreshOptions());
}

void AgentsModel::rearrange() {
    merge(arrangeAgents(m_all, m_view));
    emit viewChanged();
}

void AgentsModel::setSortBy(const QString& column) {
    if (column == m_view.sortBy || !isAgentsSortColumn(column)) return;
    m_view.sortBy = column;
    // Names read A→Z; figures largest first.
    m_view.ascending = column == QLatin1String("name");
    rearrange();
}

void AgentsModel::setAscending(bool ascending) {
    if (ascending == m_view.ascending) return;
    m_view.ascending = ascending;
    rearrange();
}

void AgentsModel::setSearch(const QString& search) {
    if (search == m_view.search) return;
    m_view.search = search;
    rearrange();
}

void AgentsModel::setFilter(const QString& filter) {
    if (filter == m_view.filter || !isAgentsFilter(filter)) return;
    m_view.filter = filter;
    rearrange();
}

void AgentsModel::sortByColumn(const QString& column) {
    if (column == m_view.sortBy) setAscending(!m_view.ascending);
    else setSortBy(column);
}

QString AgentsModel::keyOf(const interfaces::StakingAgent& a) const { return qs(a.address.checksummed()); }

QVariant AgentsModel::value(const interfaces::StakingAgent& a, int role) const {
    switch (role) {
    case AddressRole: return qs(a.address.checksummed());
    case ShortAddressRole: return shortAddress(a.address);
    case Qt::DisplayRole:
    case NameRole: return qs(a.name);
    case ElectedRole: return a.elected;
    case CommissionRole: return percentText(a.commissionBps);
    case CommissionBpsRole: return static_cast<int>(a.commissionBps);
    case ReputationRole: return qs(interfaces::formatAmount(a.reputation, 18));
    case TotalStakeRole: return figureMap(a.totalStake);
    case MyStakeRole: return figureMap(a.myStake);
    case LookAlikeRole: return !a.lookAlikes.empty();
    case RankRole: return static_cast<int>(a.rank);
    case MarginRole: return figureMap(a.margin);
    case MarginTextRole: {
        const auto margin = shownValue(a.margin);
        if (!margin) return QString();
        const bool elected = a.rank != 0 && a.rank <= a.seats;
        const QString words = marginWords(elected, *margin, a.marginSeat, a.seats);
        return a.rank ? QStringLiteral("#%1 · %2").arg(a.rank).arg(words) : words;
    }
    case LookAlikeOfRole: {
        QStringList names;
        for (const auto& other : a.lookAlikes)
            for (const auto& b : m_all)
                if (b.address == other) names << QStringLiteral("%1 (%2)").arg(qs(b.name), shortAddress(b.address));
        return names.join(QStringLiteral(", "));
    }
    default: return {};
    }
}

QVariantMap AgentsModel::agent(const QString& address) const {
    for (const auto& a : m_all) {
        if (qs(a.address.checksummed()).compare(address, Qt::CaseInsensitive) != 0) continue;
        QVariantMap out;
        for (int role : {AddressRole, ShortAddressRole, NameRole, ElectedRole, CommissionRole, TotalStakeRole, MyStakeRole, LookAlikeRole,
                         LookAlikeOfRole})
            out.insert(QString::fromLatin1(roleNames().value(role)), value(a, role));
        return out;
    }
    return {};
}

} // namespace ctrn::desktop

namespace ctrn::desktop {

QString AgentsModel::outlook(const QString& address, const QString& amount) const {
    std::size_t index = m_all.size();
    for (std::size_t i = 0; i < m_all.size(); ++i)
        if (qs(m_all[i].address.checksummed()).compare(address, Qt::CaseInsensitive) == 0) index = i;
    if (index == m_all.size()) return {};
    for (const auto& a : m_all)
        if (a.totalStake.isMismatch()) return tr("Where this would place the agent is hidden: the node contradicted the proof of a stake.");
    const auto extra = interfaces::parseAmount(amount.trimmed().toStdString(), 18);
    if (!extra || *extra == 0) return {};
    const auto& a = m_all[index];
    const auto o = interfaces::electionOutlook(m_all, index, *extra);
    const QString now = a.rank ? tr("rank %1").arg(a.rank) : tr("unranked");
    return tr("With %1 CTRN more: %2 → rank %3, %4").arg(amount.trimmed(), now).arg(o.rank)
        .arg(marginWords(o.elected, o.margin, o.marginSeat, a.seats));
}

void AgentsModel::copyAddress(const QString& address) const {
    if (auto* clipboard = QGuiApplication::clipboard()) clipboard->setText(address);
}

} // namespace ctrn::desktop
