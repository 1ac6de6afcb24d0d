#include "my_staking_model.h"

#include "figures.h"

#include <core/interfaces/values.h>

#include <QDateTime>

namespace ctrn::desktop {
namespace {

// The unbonding entry of a position: there is one when something unbonds
// (or when the node's figure of it is hidden but a release time is set).
bool hasUnbonding(const interfaces::StakingPosition& p) {
    const auto unbonding = shownValue(p.unbonding);
    return p.releaseAt != 0 && (!unbonding || *unbonding > 0);
}

} // namespace

MyStakingModel::MyStakingModel(QObject* parent) : MyStakingModel(appJobRunner(), AccountsModel::instance(), {}, parent) {
    followChainHead();
}

MyStakingModel::MyStakingModel(JobRunner* runner, AccountsModel* accounts, Elapsed elapsed, QObject* parent)
    : QueryList<interfaces::StakingPosition>(runner, parent), m_accounts(accounts), m_elapsed(std::move(elapsed)) {
    setRoles({{AgentRole, "agent"},
              {AgentNameRole, "agentName"},
              {ShortAgentRole, "shortAgent"},
              {PrincipalRole, "principal"},
              {BondedRole, "bonded"},
              {UnbondingRole, "unbonding"},
              {PendingRole, "pending"},
              {HasUnbondingRole, "hasUnbonding"},
              {ReleaseAtRole, "releaseAt"},
              {RemainingRole, "remaining"},
              {ReleasedRole, "released"},
              {CanUnstakeRole, "canUnstake"},
              {CanWithdrawRole, "canWithdraw"},
              {CanClaimRole, "canClaim"}});
    if (!m_elapsed) m_elapsed = [this] { return m_sinceRead.isValid() ? m_sinceRead.elapsed() / 1000 : std::int64_t(0); };
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &MyStakingModel::tick);
    if (m_accounts)
        connect(m_accounts, &AccountsModel::currentChanged, this, [this] {
            // Another account: the last one's positions say nothing of it.
            clear();
            present(std::nullopt);
            refreshSoon();
        });
}

MyStakingModel::Query MyStakingModel::query() const {
    return [holder = account().toStdString()](interfaces::Services& s, const std::optional<interfaces::StakingPosition>&,
                                              std::size_t) -> Result<Rows> {
        if (!s.staking) return makeError(ErrorCode::NotFound, "this network has no Computronium deployment");
        CTRN_ASSIGN(chain::Address h, chain::Address::fromHex(holder));
        CTRN_ASSIGN(auto read, s.staking->account(h));
        return read.positions;
    };
}

// The base's refresh, except that one read gives both the rows and the
// account's summary (one set of proofs for the whole page).
quint64 MyStakingModel::startRefresh() {
    auto holder = chain::Address::fromHex(account().toStdString());
    if (!holder) return 0; // no account yet: its selection refreshes
    setRefreshing(true);
    return run<Result<interfaces::StakingAccount>>(
        [h = *holder](interfaces::Services& s) -> Result<interfaces::StakingAccount> {
            if (!s.staking) return makeError(ErrorCode::NotFound, "this network has no Computronium deployment");
            return s.staking->account(h);
        },
        [this](interfaces::StakingAccount read) {
            setRefreshing(false);
            if (qs(read.holder.checksummed()) == account()) {
                // (else: answered for an account no longer shown)
                auto positions = read.positions;
                present(std::move(read));
                landRefresh(std::move(positions), true);
            }
            refreshEnded();
        },
        refreshOptions());
}

void MyStakingModel::present(std::optional<interfaces::StakingAccount> read) {
    m_pendingTotal.clear();
    m_hasSummary = read.has_value();
    if (!read) {
        m_balance = m_unlocked = m_locked = m_reputation = CheckedValue{};
        m_ticker.stop();
        emit summaryChanged();
        return;
    }
    m_balance = presentFigure(read->balance);
    m_unlocked = presentFigure(read->unlocked);
    m_locked = presentFigure(read->locked);
    m_reputation = presentFigure(read->reputation);
    m_chainTime = read->chainTime;
    m_period = read->unbondingPeriod;
    m_sinceRead.start();
    if (!m_ticker.isActive()) m_ticker.start();
    U256 pending = 0;
    bool allShown = true;
    for (const auto& p : read->positions) {
        if (auto v = shownValue(p.pendingRewards)) pending += *v;
        else allShown = false;
    }
    if (allShown) m_pendingTotal = qs(interfaces::formatAmount(pending, 18));
    emit summaryChanged();
}

QVariantMap MyStakingModel::balanceMap() const { return figureMap(m_balance); }
QVariantMap MyStakingModel::unlockedMap() const { return figureMap(m_unlocked); }
QVariantMap MyStakingModel::lockedMap() const { return figureMap(m_locked); }
QVariantMap MyStakingModel::reputationMap() const { return figureMap(m_reputation); }

QString MyStakingModel::unbondingPeriod() const { return m_hasSummary ? countdownText(static_cast<std::int64_t>(m_period)) : QString(); }

std::int64_t MyStakingModel::now() const { return static_cast<std::int64_t>(m_chainTime) + m_elapsed(); }

void MyStakingModel::tick() {
    if (rowCount() == 0) return;
    emit dataChanged(index(0), index(rowCount() - 1), {RemainingRole, ReleasedRole, CanWithdrawRole});
}

QString MyStakingModel::keyOf(const interfaces::StakingPosition& p) const { return qs(p.agent.checksummed()); }

QVariant MyStakingModel::value(const interfaces::StakingPosition& p, int role) const {
    const std::int64_t left = static_cast<std::int64_t>(p.releaseAt) - now();
    switch (role) {
    case AgentRole: return qs(p.agent.checksummed());
    case Qt::DisplayRole:
    case AgentNameRole: return qs(p.agentName);
    case ShortAgentRole: return shortAddress(p.agent);
    case PrincipalRole: return figureMap(p.principal);
    case BondedRole: return figureMap(p.bonded);
    case UnbondingRole: return figureMap(p.unbonding);
    case PendingRole: return figureMap(p.pendingRewards);
    case HasUnbondingRole: return hasUnbonding(p);
    case ReleaseAtRole:
        return hasUnbonding(p) ? QDateTime::fromSecsSinceEpoch(static_cast<qint64>(p.releaseAt)).toString(QStringLiteral("d MMM yyyy HH:mm"))
                               : QString();
    case RemainingRole: return hasUnbonding(p) ? countdownText(left) : QString();
    case ReleasedRole: return hasUnbonding(p) && left <= 0;
    // An action on a figure the node lied about is not offered.
    case CanUnstakeRole: {
        const auto bonded = shownValue(p.bonded);
        return bonded && *bonded > 0;
    }
    case CanWithdrawRole: {
        const auto unbonding = shownValue(p.unbonding);
        return hasUnbonding(p) && unbonding && *unbonding > 0 && left <= 0;
    }
    case CanClaimRole: {
        const auto rewards = shownValue(p.pendingRewards);
        return rewards && *rewards > 0;
    }
    default: return {};
    }
}

} // namespace ctrn::desktop
