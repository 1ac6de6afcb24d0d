#include "stake_controller.h"

#include "figures.h"

#include <core/interfaces/staking.h>
#include <core/interfaces/values.h>

namespace ctrn::desktop {
namespace {

const char* actionName(const QString& action) {
    if (action == QLatin1String("unstake")) return "stake.unstake";
    if (action == QLatin1String("withdraw")) return "stake.withdraw";
    if (action == QLatin1String("claim")) return "stake.claim";
    return "stake.add";
}

} // namespace

StakeController::StakeController(QObject* parent) : StakeController(appJobRunner(), AccountsModel::instance(), parent) {}

StakeController::StakeController(JobRunner* runner, AccountsModel* accounts, QObject* parent)
    : ViewModel(runner, parent), m_accounts(accounts), m_flow(new TxFlow(runner, this)) {}

void StakeController::setAction(const QString& action) {
    if (action == m_action) return;
    if (action != QLatin1String("stake") && action != QLatin1String("unstake") && action != QLatin1String("withdraw") &&
        action != QLatin1String("claim"))
        return;
    m_action = action;
    inputEdited();
}

void StakeController::setAgent(const QString& agent) {
    if (agent == m_agent) return;
    m_agent = agent;
    inputEdited();
}

void StakeController::setAgentName(const QString& name) {
    if (name == m_agentName) return;
    m_agentName = name;
    emit inputChanged();
}

void StakeController::setAmount(const QString& amount) {
    if (amount == m_amount) return;
    m_amount = amount;
    inputEdited();
}

void StakeController::inputEdited() {
    // What was reviewed is no longer what the inputs say: a new review.
    m_flow->invalidate();
    m_amountError.clear();
    const QString amount = m_amount.trimmed();
    if (needsAmount() && !amount.isEmpty()) {
        // Core's check of an amount in CTRN's 18 decimals (its sentence).
        auto v = interfaces::parseAmount(amount.toStdString(), 18);
        if (!v) m_amountError = errorText(v.error());
    }
    emit inputChanged();
}

bool StakeController::canReview() const {
    if (m_agent.isEmpty() || !m_accounts || m_accounts->currentAddress().isEmpty()) return false;
    return !needsAmount() || (!m_amount.trimmed().isEmpty() && m_amountError.isEmpty());
}

std::optional<interfaces::ActionRequest> StakeController::actionRequest(QString* why) const {
    interfaces::ActionRequest r;
    r.action = actionName(m_action);
    r.from = m_accounts ? m_accounts->currentAddress().toStdString() : std::string();
    if (r.from.empty()) {
        *why = tr("Choose an account.");
        return std::nullopt;
    }
    if (m_agent.isEmpty()) {
        *why = tr("Choose an agent.");
        return std::nullopt;
    }
    r.params = {{"agent", m_agent.toStdString()}};
    if (needsAmount()) {
        if (!m_amountError.isEmpty() || m_amount.trimmed().isEmpty()) {
            *why = m_amountError.isEmpty() ? tr("Enter an amount.") : tr("Invalid amount: %1").arg(m_amountError);
            return std::nullopt;
        }
        // Zero and amounts above what is there are core's to refuse.
        r.params["amount"] = m_amount.trimmed().toStdString();
    }
    return r;
}

quint64 StakeController::useMax() {
    auto holder = chain::Address::fromHex(m_accounts ? m_accounts->currentAddress().toStdString() : std::string());
    if (!holder) return refuse(tr("Choose an account."));
    const bool unstake = m_action == QLatin1String("unstake");
    auto parsed = chain::Address::fromHex(m_agent.toStdString());
    if (unstake && !parsed) return refuse(tr("Choose an agent."));
    const chain::Address agent = parsed ? *parsed : chain::Address();
    return run<Result<interfaces::Checked<U256>>>(
        [h = *holder, agent, unstake](interfaces::Services& s) -> Result<interfaces::Checked<U256>> {
            if (!s.staking) return makeError(ErrorCode::NotFound, "this network has no Computronium deployment");
            CTRN_ASSIGN(auto account, s.staking->account(h));
            if (!unstake) return account.unlocked;
            for (const auto& p : account.positions)
                if (p.agent == agent) return p.bonded;
            return makeError(ErrorCode::InvalidInput, "nothing is bonded with " + agent.checksummed());
        },
        [this](interfaces::Checked<U256> max) -> QString {
            if (max.isMismatch()) {
                // The maximum would come from the node that just lied.
                const auto& m = max.mismatch();
                setError(tr("Max is refused: the node contradicted the light client's proof (%1).").arg(qs(m.describe())));
                return error();
            }
            setAmount(qs(interfaces::formatAmount(*shownValue(max), 18)));
            return m_amount;
        },
        RunOptions{.busy = false});
}

quint64 StakeController::review() {
    QString why;
    auto request = actionRequest(&why);
    if (!request) return refuse(why);
    setError({});
    return m_flow->prepare(*request);
}

void StakeController::reset() {
    m_amount.clear();
    setError({});
    m_flow->reset();
    inputEdited();
}

} // namespace ctrn::desktop
