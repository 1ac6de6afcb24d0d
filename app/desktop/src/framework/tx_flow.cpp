#include "tx_flow.h"

#include "actions_access.h"
#include "outcome_feed.h"

#include <core/interfaces/values.h>
#include <core/util/secure_buffer.h>

namespace ctrn::desktop {
namespace {

QString eth(const U256& wei) { return qs(interfaces::formatAmount(wei, 18)) + QStringLiteral(" ETH"); }
QString gwei(const U256& wei) { return qs(interfaces::formatAmount(wei, 9)); }

Error noActions() { return makeError(ErrorCode::Unsupported, "not connected to a node"); }

} // namespace

TxFlow::TxFlow(JobRunner* runner, QObject* parent) : ViewModel(runner, parent) {
    connect(OutcomeFeed::instance(), &OutcomeFeed::outcome, this, &TxFlow::applyOutcome, Qt::QueuedConnection);
}

QString TxFlow::summary() const { return m_prepared ? qs(m_prepared->summary) : QString(); }
QString TxFlow::contract() const { return m_prepared ? qs(m_prepared->call.contract) : QString(); }
QString TxFlow::functionName() const { return m_prepared ? qs(m_prepared->call.function) : QString(); }
QString TxFlow::signature() const { return m_prepared ? qs(m_prepared->call.signature) : QString(); }
QString TxFlow::from() const { return m_prepared ? qs(m_prepared->tx.from) : QString(); }
QString TxFlow::to() const { return m_prepared ? qs(m_prepared->tx.to) : QString(); }
QString TxFlow::value() const { return m_prepared ? eth(m_prepared->tx.value) : QString(); }
QString TxFlow::gasLimit() const { return m_prepared ? qs(interfaces::integerText(m_prepared->tx.gasLimit)) : QString(); }
QString TxFlow::maxGasCost() const { return m_prepared ? eth(m_prepared->maxGasCost) : QString(); }

QVariantList TxFlow::arguments() const {
    QVariantList out;
    if (!m_prepared) return out;
    for (const auto& a : m_prepared->call.arguments)
        out.push_back(QVariantMap{{QStringLiteral("name"), qs(a.name)},
                                  {QStringLiteral("type"), qs(a.type)},
                                  {QStringLiteral("value"), qs(a.value)},
                                  {QStringLiteral("display"), qs(a.display.empty() ? a.value : a.display)}});
    return out;
}

QString TxFlow::maxFee() const {
    if (!m_prepared) return {};
    return tr("%1 gwei (priority %2 gwei)").arg(gwei(m_prepared->tx.maxFeePerGas), gwei(m_prepared->tx.maxPriorityFeePerGas));
}

QString TxFlow::tokenSymbol() const {
    // The tokens moved, as the decoded call words its amount ("1.5 CTRN").
    if (!m_prepared || !m_prepared->tokenAmount) return {};
    for (const auto& a : m_prepared->call.arguments)
        if (a.type == "uint256" && !a.display.empty() && a.display != a.value) return qs(a.display);
    return qs(interfaces::integerText(*m_prepared->tokenAmount));
}

QString TxFlow::maxTotalCost() const {
    if (!m_prepared) return {};
    const QString tokens = tokenSymbol();
    return tokens.isEmpty() ? eth(m_prepared->maxTotalCost) : tr("%1 + up to %2").arg(tokens, eth(m_prepared->maxTotalCost));
}

QString TxFlow::simulation() const {
    if (!m_prepared) return {};
    const auto& s = m_prepared->simulation;
    if (s.ok) return s.block ? tr("Succeeds when simulated at block %1.").arg(s.block) : tr("Succeeds when simulated.");
    return tr("Reverts when simulated: %1").arg(qs(s.revertReason));
}

QStringList TxFlow::notes() const {
    QStringList out;
    if (m_prepared)
        for (const auto& n : m_prepared->notes) out << qs(n);
    return out;
}

void TxFlow::setStage(const QString& stage) {
    if (stage == m_stage) return;
    m_stage = stage;
    emit stageChanged();
}

quint64 TxFlow::prepare(const interfaces::ActionRequest& request) {
    if (m_stage == QLatin1String("pending")) return refuse(tr("A transaction is still on its way; wait for it first."));
    m_prepared.reset();
    emit reviewChanged();
    setStage(QStringLiteral("edit"));
    return run<Result<interfaces::PreparedAction>>(
        [request](interfaces::Services& s) -> Result<interfaces::PreparedAction> {
            interfaces::Actions* actions = actionsOf(s);
            if (!actions) return noActions();
            return actions->prepare(request);
        },
        [this](interfaces::PreparedAction prepared) {
            m_prepared = std::move(prepared);
            emit reviewChanged();
            setStage(QStringLiteral("review"));
            return summary();
        },
        RunOptions{.slot = PrepareSlot});
}

void TxFlow::proceed() {
    if (m_stage != QLatin1String("review") || !m_prepared) return;
    setError({});
    setStage(QStringLiteral("password"));
}

quint64 TxFlow::submit(const QString& password) {
    if ((m_stage != QLatin1String("password") && m_stage != QLatin1String("review")) || !m_prepared)
        return refuse(tr("Review the transaction first."));
    if (password.isEmpty()) return refuse(tr("Enter the wallet's password to sign."));
    if (busy()) return refuse(tr("Already signing."));
    auto secret = std::make_shared<SecureString>(secureFromString(password.toStdString()));
    return run<Result<interfaces::SubmittedAction>>(
        [prepared = *m_prepared, secret](interfaces::Services& s) -> Result<interfaces::SubmittedAction> {
            interfaces::Actions* actions = actionsOf(s);
            if (!actions) return noActions();
            return actions->submit(prepared, secret->view());
        },
        [this](interfaces::SubmittedAction sent) {
            m_hash = qs(sent.hash);
            m_broadcast = sent.broadcast;
            m_reason.clear();
            m_status = sent.broadcast ? tr("Sent; waiting for it to be mined…")
                                      : tr("Signed and saved, but the node could not be reached; it will be sent again.");
            setStage(QStringLiteral("pending"));
            emit stageChanged();
            return m_hash;
        },
        RunOptions{.describe = [](const Error& e) {
            return e.code == ErrorCode::WrongPassword ? tr("Wrong password: nothing was signed.") : tr("Not sent: %1").arg(errorText(e));
        }});
}

void TxFlow::back() {
    if (m_stage == QLatin1String("password")) {
        setError({});
        setStage(QStringLiteral("review"));
    } else if (m_stage == QLatin1String("review")) {
        invalidate();
    }
}

void TxFlow::invalidate() {
    // A prepare on its way answers for inputs that are gone.
    invalidateSlot(PrepareSlot);
    if (m_stage != QLatin1String("edit") && m_stage != QLatin1String("review") && m_stage != QLatin1String("password")) return;
    const bool had = m_prepared.has_value();
    m_prepared.reset();
    setError({});
    if (had) emit reviewChanged();
    setStage(QStringLiteral("edit"));
}

void TxFlow::reset() {
    invalidateSlot(PrepareSlot);
    m_prepared.reset();
    m_hash.clear();
    m_status.clear();
    m_reason.clear();
    m_broadcast = false;
    setError({});
    emit reviewChanged();
    setStage(QStringLiteral("edit"));
    emit stageChanged();
}

quint64 TxFlow::checkNow() {
    return run<Status>(
        [](interfaces::Services& s) -> Status {
            interfaces::Actions* actions = actionsOf(s);
            if (!actions) return noActions();
            return actions->checkOutcomes();
        },
        [] {}, RunOptions{.busy = false, .reportError = false});
}

void TxFlow::applyOutcome(const QVariantMap& outcome) {
    if (m_hash.isEmpty() || m_stage != QLatin1String("pending")) return;
    if (outcome.value(QStringLiteral("hash")).toString().compare(m_hash, Qt::CaseInsensitive) != 0) return;
    const QString status = outcome.value(QStringLiteral("status")).toString();
    const QString block = outcome.value(QStringLiteral("block")).toString();
    if (status == QLatin1String("mined")) {
        m_status = tr("Mined in block %1.").arg(block);
        setStage(QStringLiteral("mined"));
    } else if (status == QLatin1String("failed")) {
        m_reason = outcome.value(QStringLiteral("reason")).toString();
        m_status = m_reason.isEmpty() ? tr("Failed in block %1.").arg(block) : tr("Failed in block %1: %2").arg(block, m_reason);
        setStage(QStringLiteral("failed"));
    } else if (status == QLatin1String("replaced")) {
        m_status = tr("Replaced by another transaction with the same nonce.");
        setStage(QStringLiteral("failed"));
    } else if (status == QLatin1String("dropped")) {
        m_status = tr("Dropped by the node; it was not mined.");
        setStage(QStringLiteral("failed"));
    } else {
        return;
    }
    emit stageChanged();
}

} // namespace ctrn::desktop
