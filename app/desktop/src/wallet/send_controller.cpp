#include "send_controller.h"

#include <core/interfaces/values.h>

namespace ctrn::desktop {
namespace {

QString gwei(const U256& wei) { return qs(interfaces::formatAmount(wei, 9)); }
QString eth(const U256& wei) { return qs(interfaces::formatAmount(wei, 18)); }

} // namespace

SendController::SendController(QObject* parent) : SendController(appJobRunner(), AccountsModel::instance(), parent) {}

SendController::SendController(JobRunner* runner, AccountsModel* accounts, QObject* parent)
    : ViewModel(runner, parent), m_accounts(accounts), m_flow(new TxFlow(runner, this)), m_verification(new BalanceVerification(runner, this)) {
    connect(this, &SendController::inputChanged, this, &SendController::availableChanged);
    connect(m_verification, &BalanceVerification::changed, this, [this] {
        const QString state = m_verification->state();
        // While a new proof runs, the last outcome stands: a node caught
        // lying does not get its figure back for the length of a proof.
        if (state != QLatin1String("busy") && !state.isEmpty()) {
            m_settledProof = state;
            m_settledMessage = m_verification->message();
        }
        emit availableChanged();
    });
    if (m_accounts) {
        // As the Accounts page: proven again whenever the node's figures change.
        connect(m_accounts, &AccountsModel::currentChanged, this, [this] {
            emit availableChanged();
            verifyCurrent();
        });
        verifyCurrent();
    }
    validate();
}

void SendController::verifyCurrent() {
    if (!m_accounts || m_accounts->currentAddress().isEmpty() || !m_accounts->balancesLoaded()) return;
    if (m_accounts->currentAddress() != m_provenAddress) {
        // Another account: the last one's outcome says nothing of it.
        m_provenAddress = m_accounts->currentAddress();
        m_settledProof.clear();
    }
    m_verification->verify(m_accounts->currentAddress());
}

QString SendController::available() const {
    if (!maxAllowed()) return tr("Balance hidden: the node contradicted the light client's proof (%1).").arg(m_settledMessage);
    if (!m_accounts || !m_accounts->balancesLoaded()) return {};
    if (m_asset == QStringLiteral("CTRN")) return tr("Free to send: %1 CTRN (%2 staked)").arg(m_accounts->ctrnFree(), m_accounts->ctrnLocked());
    return tr("Balance: %1 ETH").arg(m_accounts->ethBalance());
}

unsigned SendController::decimals() const { return m_asset == QStringLiteral("CTRN") && m_accounts ? m_accounts->ctrnDecimals() : 18; }

void SendController::setAsset(const QString& asset) {
    if (asset == m_asset || (asset != QStringLiteral("ETH") && asset != QStringLiteral("CTRN"))) return;
    m_asset = asset;
    inputEdited();
}
void SendController::setRecipient(const QString& recipient) {
    if (recipient == m_recipient) return;
    m_recipient = recipient;
    inputEdited();
}
void SendController::setAmount(const QString& amount) {
    if (amount == m_amount) return;
    m_amount = amount;
    inputEdited();
}
void SendController::setFeeLevel(const QString& level) {
    if (level == m_feeLevel) return;
    m_feeLevel = level;
    inputEdited();
}
void SendController::setCustomMaxFee(const QString& gweiText) {
    if (gweiText == m_customMaxFee) return;
    m_customMaxFee = gweiText;
    inputEdited();
}
void SendController::setCustomPriorityFee(const QString& gweiText) {
    if (gweiText == m_customPriorityFee) return;
    m_customPriorityFee = gweiText;
    inputEdited();
}

void SendController::inputEdited() {
    // What was reviewed is no longer what the inputs say: a new review.
    m_flow->invalidate();
    validate();
}

// Every check is core's (interfaces/values.h); an empty field is not an
// error yet, just not ready for review.
void SendController::validate() {
    m_recipientError.clear();
    m_recipientChecksummed.clear();
    const QString to = m_recipient.trimmed();
    if (!to.isEmpty()) {
        auto a = interfaces::checksumAddress(to.toStdString());
        if (a) m_recipientChecksummed = qs(*a);
        else m_recipientError = errorText(a.error());
    }
    m_amountError.clear();
    const QString amount = m_amount.trimmed();
    if (!amount.isEmpty()) {
        auto v = interfaces::parseAmount(amount.toStdString(), decimals());
        if (!v) m_amountError = errorText(v.error());
    }
    m_feeError.clear();
    if (m_feeLevel == QStringLiteral("custom")) {
        auto max = interfaces::parseAmount(m_customMaxFee.trimmed().toStdString(), 9);
        auto tip = interfaces::parseAmount(m_customPriorityFee.trimmed().toStdString(), 9);
        if (!max) m_feeError = tr("Max fee: %1").arg(errorText(max.error()));
        else if (!tip) m_feeError = tr("Priority fee: %1").arg(errorText(tip.error()));
        else if (*tip > *max) m_feeError = tr("The priority fee cannot be above the max fee.");
    }
    emit inputChanged();
}

bool SendController::canReview() const {
    return !m_recipientChecksummed.isEmpty() && !m_amount.trimmed().isEmpty() && m_amountError.isEmpty() && m_feeError.isEmpty() &&
           m_accounts && !m_accounts->currentAddress().isEmpty();
}

std::optional<interfaces::ActionRequest> SendController::actionRequest(QString* why) const {
    interfaces::ActionRequest r;
    r.action = "send";
    r.from = m_accounts ? m_accounts->currentAddress().toStdString() : std::string();
    if (r.from.empty()) {
        *why = tr("Choose an account to send from.");
        return std::nullopt;
    }
    if (!m_recipientError.isEmpty() || m_recipientChecksummed.isEmpty()) {
        *why = m_recipientError.isEmpty() ? tr("Enter the recipient's address.") : tr("Invalid address: %1").arg(m_recipientError);
        return std::nullopt;
    }
    if (!m_amountError.isEmpty() || m_amount.trimmed().isEmpty()) {
        *why = m_amountError.isEmpty() ? tr("Enter an amount.") : tr("Invalid amount: %1").arg(m_amountError);
        return std::nullopt;
    }
    if (auto v = interfaces::parseAmount(m_amount.trimmed().toStdString(), decimals()); !v || *v == 0) {
        *why = tr("Enter an amount above zero.");
        return std::nullopt;
    }
    r.params = {{"to", m_recipientChecksummed.toStdString()}, {"amount", m_amount.trimmed().toStdString()}};
    if (m_asset == QStringLiteral("CTRN")) {
        if (!m_accounts || m_accounts->ctrnAddress().isEmpty()) {
            *why = tr("This network has no CTRN token.");
            return std::nullopt;
        }
        r.params["token"] = "CTRN";
    }
    if (m_feeLevel == QStringLiteral("custom")) {
        if (!m_feeError.isEmpty()) {
            *why = m_feeError;
            return std::nullopt;
        }
        r.fee.maxFeePerGas = *interfaces::parseAmount(m_customMaxFee.trimmed().toStdString(), 9);
        r.fee.maxPriorityFeePerGas = *interfaces::parseAmount(m_customPriorityFee.trimmed().toStdString(), 9);
    } else {
        r.fee.speed = m_feeLevel == QStringLiteral("slow")   ? interfaces::FeeSpeed::Slow
                      : m_feeLevel == QStringLiteral("fast") ? interfaces::FeeSpeed::Fast
                                                             : interfaces::FeeSpeed::Normal;
    }
    return r;
}

quint64 SendController::loadFees() {
    return run<Result<interfaces::FeeEstimates>>(
        [](interfaces::Services& s) { return s.node->feeEstimates(); },
        [this](interfaces::FeeEstimates fees) {
            m_feePresets.clear();
            const std::pair<const char*, const interfaces::Fee*> levels[] = {{"slow", &fees.slow}, {"normal", &fees.normal}, {"fast", &fees.fast}};
            for (const auto& [name, fee] : levels) {
                // A plain ETH transfer's most it can cost, to compare presets.
                m_feePresets.push_back(QVariantMap{{QStringLiteral("level"), QString::fromLatin1(name)},
                                                   {QStringLiteral("maxFee"), gwei(fee->maxFeePerGas)},
                                                   {QStringLiteral("priorityFee"), gwei(fee->maxPriorityFeePerGas)},
                                                   {QStringLiteral("transferCost"), eth(fee->maxFeePerGas * 21000)}});
            }
            m_baseFee = gwei(fees.baseFee);
            if (m_customMaxFee.isEmpty()) {
                m_customMaxFee = gwei(fees.normal.maxFeePerGas);
                m_customPriorityFee = gwei(fees.normal.maxPriorityFeePerGas);
                validate();
            }
            emit feesChanged();
        },
        RunOptions{.busy = false});
}

quint64 SendController::useMax() {
    if (!maxAllowed())
        // The maximum would come from the node that just lied about the balance.
        return refuse(tr("Max is refused: the node contradicted the light client's proof of this account's balance (%1).")
                          .arg(m_settledMessage));
    // The recipient and amount do not matter for the maximum: stand-ins.
    interfaces::SendRequest r;
    auto from = chain::Address::fromHex(m_accounts ? m_accounts->currentAddress().toStdString() : std::string());
    if (!from) return refuse(tr("Choose an account to send from."));
    r.from = *from;
    r.to = *from;
    r.amount = 1;
    if (m_asset == QStringLiteral("CTRN")) {
        auto token = chain::Address::fromHex(m_accounts->ctrnAddress().toStdString());
        if (!token) return refuse(tr("This network has no CTRN token."));
        r.token = *token;
    }
    if (m_feeLevel == QStringLiteral("custom")) {
        if (!m_feeError.isEmpty()) return refuse(m_feeError);
        r.customFee = interfaces::Fee{*interfaces::parseAmount(m_customMaxFee.trimmed().toStdString(), 9),
                               *interfaces::parseAmount(m_customPriorityFee.trimmed().toStdString(), 9)};
    } else {
        r.level = m_feeLevel == QStringLiteral("slow")   ? interfaces::FeeLevel::Slow
                  : m_feeLevel == QStringLiteral("fast") ? interfaces::FeeLevel::Fast
                                                          : interfaces::FeeLevel::Normal;
    }
    const unsigned places = decimals();
    return run<Result<U256>>(
        [r](interfaces::Services& s) { return s.wallet->maxSendable(r); },
        [this, places](U256 max) {
            setAmount(qs(interfaces::formatAmount(max, places)));
            return m_amount;
        },
        RunOptions{.busy = false});
}

quint64 SendController::review() {
    QString why;
    auto request = actionRequest(&why);
    if (!request) return refuse(why);
    setError({});
    return m_flow->prepare(*request);
}

void SendController::reset() {
    m_recipient.clear();
    m_amount.clear();
    setError({});
    m_flow->reset();
    validate();
}

} // namespace ctrn::desktop
