#include "revenue_model.h"

#include "figures.h"

#include <core/interfaces/values.h>

#include <QDateTime>
#include <QUrl>

#include <map>

namespace ctrn::desktop {
namespace {

QString dateText(std::uint64_t seconds) {
    return QDateTime::fromSecsSinceEpoch(static_cast<qint64>(seconds)).toString(QStringLiteral("d MMM yyyy HH:mm"));
}

QString amountText(const U256& v) { return qs(interfaces::formatAmount(v, 18)); }

// A shown figure's CTRN as text, "hidden" on a mismatch.
QString shownText(const interfaces::Checked<U256>& c) {
    auto v = shownValue(c);
    return v ? amountText(*v) : QObject::tr("hidden");
}

QString categoryTitle(std::size_t c) {
    switch (c) {
    case 0: return QObject::tr("Compute");
    case 1: return QObject::tr("Data");
    case 2: return QObject::tr("Developers");
    default: return QObject::tr("Community");
    }
}

// How a category's part is weighed, in a sentence (RevenueDistributor:
// `activity` of every category by recorded activity, the rest by stake;
// outside the community, stake counts at most 10x the activity).
QString modeText(std::size_t c, const QString& activity) {
    const QString who = c == 0   ? QObject::tr("Node and compute operators")
                        : c == 1 ? QObject::tr("Data providers")
                        : c == 2 ? QObject::tr("Model owners")
                                 : QObject::tr("Stakers who check in");
    if (c == 3)
        return QObject::tr("%1: %2 by settled activity, the rest by CTRN staked for the whole epoch.").arg(who, activity);
    return QObject::tr("%1: %2 by value settled on the marketplace, the rest by stake held for the whole epoch, "
                       "counted up to 10x their activity.")
        .arg(who, activity);
}

std::uint32_t bpsOf(const interfaces::Checked<U256>& c) {
    auto v = shownValue(c);
    return v ? static_cast<std::uint32_t>(*v) : 0;
}

} // namespace

RevenueModel::RevenueModel(QObject* parent) : RevenueModel(appJobRunner(), AccountsModel::instance(), {}, parent) {
    followChainHead();
}

RevenueModel::RevenueModel(JobRunner* runner, AccountsModel* accounts, Elapsed elapsed, QObject* parent)
    : QueryList<interfaces::RevenueShare>(runner, parent), m_accounts(accounts), m_elapsed(std::move(elapsed)) {
    setRoles({{EpochRole, "epoch"},
              {CategoryRole, "category"},
              {CategoryTitleRole, "categoryTitle"},
              {RecomputedRole, "recomputed"},
              {EntitledRole, "entitled"},
              {NodeFigureRole, "nodeFigure"},
              {AgreesRole, "agrees"},
              {WeightsRole, "weights"},
              {ClaimedRole, "claimed"},
              {OpenRole, "open"},
              {ClosesRole, "closes"},
              {ClosesNextRole, "closesNext"},
              {WhyRole, "why"}});
    if (!m_elapsed) m_elapsed = [this] { return m_sinceRead.isValid() ? m_sinceRead.elapsed() / 1000 : std::int64_t(0); };
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &RevenueModel::tick);
    if (m_accounts)
        connect(m_accounts, &AccountsModel::currentChanged, this, [this] {
            // Another account: the last one's shares say nothing of it.
            clear();
            present(std::nullopt);
            refreshSoon();
        });
}

RevenueModel::Query RevenueModel::query() const {
    return [holder = account().toStdString()](interfaces::Services& s, const std::optional<interfaces::RevenueShare>&,
                                              std::size_t) -> Result<Rows> {
        if (!s.revenue) return makeError(ErrorCode::NotFound, "this network has no Computronium deployment");
        CTRN_ASSIGN(chain::Address h, chain::Address::fromHex(holder));
        CTRN_ASSIGN(auto read, s.revenue->overview(h));
        return read.shares;
    };
}

// One read gives the rows, the pool and the totals (one set of proofs).
quint64 RevenueModel::startRefresh() {
    std::optional<chain::Address> holder;
    if (auto h = chain::Address::fromHex(account().toStdString())) holder = *h;
    setRefreshing(true);
    return run<Result<interfaces::RevenueAccount>>(
        [holder](interfaces::Services& s) -> Result<interfaces::RevenueAccount> {
            if (!s.revenue) return makeError(ErrorCode::NotFound, "this network has no Computronium deployment");
            return s.revenue->overview(holder);
        },
        [this](interfaces::RevenueAccount read) {
            setRefreshing(false);
            const QString shownFor = read.holder ? qs(read.holder->checksummed()) : QString();
            if (shownFor == account()) {
                // (else: answered for an account no longer shown)
                auto shares = read.shares;
                present(std::move(read));
                landRefresh(std::move(shares), true);
            }
            refreshEnded();
        },
        refreshOptions());
}

void RevenueModel::present(std::optional<interfaces::RevenueAccount> read) {
    m_read = std::move(read);
    if (m_read) {
        m_sinceRead.start();
        if (!m_ticker.isActive()) m_ticker.start();
    } else {
        m_ticker.stop();
    }
    emit summaryChanged();
    emit clockChanged();
}

std::int64_t RevenueModel::now() const { return m_read ? static_cast<std::int64_t>(m_read->pool.chainTime) + m_elapsed() : 0; }

void RevenueModel::tick() { emit clockChanged(); }

QVariantMap RevenueModel::figure(interfaces::Checked<U256> interfaces::RevenuePool::*member) const {
    return m_read ? figureMap(m_read->pool.*member) : QVariantMap{};
}

QString RevenueModel::epoch() const { return m_read ? qs(toDecimal(m_read->pool.currentEpoch)) : QString(); }
QString RevenueModel::epochEnd() const { return m_read ? dateText(m_read->pool.epochEnd) : QString(); }

QString RevenueModel::epochRemaining() const {
    if (!m_read) return {};
    const std::int64_t left = static_cast<std::int64_t>(m_read->pool.epochEnd) - now();
    return left <= 0 ? tr("ended") : countdownText(left);
}

bool RevenueModel::finalizeDue() const { return m_read && now() >= static_cast<std::int64_t>(m_read->pool.epochEnd); }

QString RevenueModel::burnShare() const { return m_read ? percentText(bpsOf(m_read->pool.burnBps)) : QString(); }
QString RevenueModel::activityShare() const { return m_read ? percentText(bpsOf(m_read->pool.activityBps)) : QString(); }

QString RevenueModel::claimWindow() const {
    if (!m_read) return {};
    auto v = shownValue(m_read->pool.claimWindowEpochs);
    return v ? tr("%n epoch(s)", nullptr, static_cast<int>(*v)) : tr("hidden");
}

QVariantList RevenueModel::categories() const {
    QVariantList out;
    if (!m_read) return out;
    const QString activity = activityShare();
    for (std::size_t c = 0; c < interfaces::kRevenueCategories; ++c) {
        const auto& share = m_read->pool.shareBps[c];
        const CheckedValue v = presentFigure(share);
        out.push_back(QVariantMap{{QStringLiteral("id"), QString::fromLatin1(interfaces::revenueCategoryName(c))},
                                  {QStringLiteral("title"), categoryTitle(c)},
                                  {QStringLiteral("bps"), static_cast<int>(bpsOf(share))},
                                  {QStringLiteral("share"), shownValue(share) ? percentText(bpsOf(share)) : tr("hidden")},
                                  {QStringLiteral("mode"), modeText(c, activity)},
                                  {QStringLiteral("state"), figureMap(v).value(QStringLiteral("state"))}});
    }
    return out;
}

QVariantList RevenueModel::history() const {
    QVariantList out;
    if (!m_read) return out;
    for (auto it = m_read->epochs.rbegin(); it != m_read->epochs.rend(); ++it) {
        auto v = shownValue(it->amount);
        out.push_back(QVariantMap{{QStringLiteral("epoch"), qs(toDecimal(it->epoch))},
                                  {QStringLiteral("amount"), v ? qs(interfaces::formatAmount(*v, 18)).toDouble() : 0.0},
                                  {QStringLiteral("amountText"), shownText(it->amount)},
                                  {QStringLiteral("state"), figureMap(it->amount).value(QStringLiteral("state"))}});
    }
    return out;
}

double RevenueModel::historyMax() const {
    double most = 0;
    for (const auto& e : history()) most = std::max(most, e.toMap().value(QStringLiteral("amount")).toDouble());
    return most;
}

QVariantMap RevenueModel::totalClaimable() const { return m_read ? figureMap(m_read->totalClaimable) : QVariantMap{}; }

QString RevenueModel::checkInGain() const {
    if (!m_read) return {};
    auto v = shownValue(m_read->checkInGain);
    return v && *v > 0 ? amountText(*v) : QString();
}

QVariantList RevenueModel::claims() const {
    QVariantList out;
    if (!m_read) return out;
    for (const auto& c : m_read->claims)
        out.push_back(QVariantMap{{QStringLiteral("epoch"), qs(toDecimal(c.epoch))},
                                  {QStringLiteral("category"), QString::fromLatin1(interfaces::revenueCategoryName(c.category))},
                                  {QStringLiteral("categoryTitle"), categoryTitle(c.category)},
                                  {QStringLiteral("amount"), figureMap(c.amount)},
                                  {QStringLiteral("block"), QString::number(c.block)},
                                  {QStringLiteral("transaction"), qs(c.transaction)}});
    return out;
}

QVariantList RevenueModel::claimedPerEpoch() const {
    QVariantList out;
    if (!m_read) return out;
    std::map<U256, U256> perEpoch; // a hidden amount counts as nothing
    for (const auto& c : m_read->claims) perEpoch[c.epoch] += shownValue(c.amount).value_or(U256(0));
    for (const auto& [epoch, amount] : perEpoch)
        out.push_back(QVariantMap{{QStringLiteral("epoch"), qs(toDecimal(epoch))},
                                  {QStringLiteral("amount"), qs(interfaces::formatAmount(amount, 18)).toDouble()}});
    return out;
}

double RevenueModel::claimedMax() const {
    double most = 0;
    for (const auto& e : claimedPerEpoch()) most = std::max(most, e.toMap().value(QStringLiteral("amount")).toDouble());
    return most;
}

quint64 RevenueModel::exportClaimsCsv(const QString& pathOrUrl) {
    const QUrl url(pathOrUrl);
    const QString path = url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
    auto holder = chain::Address::fromHex(account().toStdString());
    if (!holder) return refuse(tr("Choose an account."));
    return run<Result<std::size_t>>(
        [h = *holder, p = path.toStdString()](interfaces::Services& s) -> Result<std::size_t> {
            if (!s.revenue) return makeError(ErrorCode::NotFound, "this network has no Computronium deployment");
            return s.revenue->exportClaimsCsv(h, p);
        },
        [path](std::size_t written) { return tr("%n claim(s) written to %1", nullptr, static_cast<int>(written)).arg(path); },
        RunOptions{.busy = false});
}

QString RevenueModel::keyOf(const interfaces::RevenueShare& s) const {
    return qs(toDecimal(s.epoch)) + QLatin1Char(':') + QString::number(s.category);
}

QVariant RevenueModel::value(const interfaces::RevenueShare& s, int role) const {
    switch (role) {
    case Qt::DisplayRole:
    case EpochRole: return qs(toDecimal(s.epoch));
    case CategoryRole: return QString::fromLatin1(interfaces::revenueCategoryName(s.category));
    case CategoryTitleRole: return categoryTitle(s.category);
    case RecomputedRole: return figureMap(s.recomputed);
    case EntitledRole: return figureMap(s.entitled);
    case NodeFigureRole: return s.nodeClaimable ? amountText(*s.nodeClaimable) : QString();
    case AgreesRole: return s.agrees;
    case WeightsRole:
        return tr("stake %1 of %2 · activity %3 of %4")
            .arg(shownText(s.myStake), shownText(s.totalStake), shownText(s.myActivity), shownText(s.totalActivity));
    case ClaimedRole: return s.claimed;
    case OpenRole: return s.open;
    case ClosesRole: return s.open || s.claimed ? QString() : tr("closes %1 at the earliest").arg(dateText(s.closesAt));
    case ClosesNextRole: return !s.open && !s.claimed && s.closesNext;
    case WhyRole: return qs(s.why);
    default: return {};
    }
}

} // namespace ctrn::desktop
