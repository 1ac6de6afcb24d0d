#include "revenue_controller.h"

namespace ctrn::desktop {

RevenueController::RevenueController(QObject* parent) : RevenueController(appJobRunner(), AccountsModel::instance(), parent) {}

RevenueController::RevenueController(JobRunner* runner, AccountsModel* accounts, QObject* parent)
    : ViewModel(runner, parent), m_accounts(accounts), m_flow(new TxFlow(runner, this)) {}

quint64 RevenueController::start(const QString& action, const std::string& coreAction, std::map<std::string, std::string> params) {
    m_flow->reset();
    setError({});
    if (m_action != action) {
        m_action = action;
        emit actionChanged();
    }
    interfaces::ActionRequest r;
    r.action = coreAction;
    r.from = m_accounts ? m_accounts->currentAddress().toStdString() : std::string();
    if (r.from.empty()) return refuse(tr("Choose an account."));
    r.params = std::move(params);
    return m_flow->prepare(r);
}

quint64 RevenueController::claimAll() { return start(QStringLiteral("claim"), "revenue.claim", {}); }
quint64 RevenueController::finalize() { return start(QStringLiteral("finalize"), "revenue.finalize", {}); }
quint64 RevenueController::checkIn(const QString& category) {
    return start(QStringLiteral("checkin"), "revenue.checkin", {{"category", category.toStdString()}});
}

void RevenueController::reset() {
    setError({});
    m_flow->reset();
    if (!m_action.isEmpty()) {
        m_action.clear();
        emit actionChanged();
    }
}

} // namespace ctrn::desktop
