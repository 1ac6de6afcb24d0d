#include "send_controller.h"

#include <core/interfaces/values.h>

namespace ctrn::desktop {
namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }
QString gwei(const U256& wei) { return qs(interfaces::formatAmount(wei, 9)); }
QString eth(const U256& wei) { return qs(interfaces::formatAmount(wei, 18)); }

} // namespace

SendController::SendController(QObject* parent) : SendController(appJobRunner(), AccountsModel::instance(), parent) {
    if (AppContext* context = AppContext::instance())
        connect(context, &AppContext::headChanged, this, [this] {
            if (m_stage == QStringLiteral("pending")) checkStatus();
        });
}

SendController::SendController(JobRunner* runner, AccountsModel* accounts, QObject* parent)
    : QObject(parent), m_runner(runner), m_accounts(accounts), m_verification(new BalanceVerification(runner, this)) {
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
    validate();
}
void SendController::setRecipient(const QString& recipient) {
    if (recipient == m_recipient) return;
    m_recipient = recipient;
    validate();
}
void SendController::setAmount(const QString& amount) {
    if (amount == m_amount) return;
    m_amount = amount;
    validate();
}
void SendController::setFeeLevel(const QString& level) {
    if (level == m_feeLevel) return;
    m_feeLevel = level;
    validate();
}
void SendController::setCustomMaxFee(const QString& gweiText) {
    if (gweiText == m_customMaxFee) return;
    m_customMaxFee = gweiText;
    validate();
}
void SendController::setCustomPriorityFee(const QString& gweiText) {
    if (gweiText == m_customPriorityFee) return;
    m_customPriorityFee = gweiText;
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

std::optional<interfaces::SendRequest> SendController::request(QString* why) const {
    interfaces::SendRequest r;
    auto from = chain::Address::fromHex(m_accounts ? m_accounts->currentAddress().toStdString() : std::string());
    if (!from) {
        *why = tr("Choose an account to send from.");
        return std::nullopt;
    }
    r.from = *from;
    auto to = interfaces::checksumAddress(m_recipient.trimmed().toStdString());
    if (!to) {
        *why = tr("Invalid address: %1").arg(errorText(to.error()));
        return std::nullopt;
    }
    r.to = *chain::Address::fromHex(*to);
    auto amount = interfaces::parseAmount(m_amount.trimmed().toStdString(), decimals());
    if (!amount) {
        *why = tr("Invalid amount: %1").arg(errorText(amount.error()));
        return std::nullopt;
    }
    r.amount = *amount;
    if (r.amount == 0) {
        *why = tr("Enter an amount above zero.");
        return std::nullopt;
    }
    if (m_asset == QStringLiteral("CTRN")) {
        auto token = chain::Address::fromHex(m_accounts->ctrnAddress().toStdString());
        if (!token) {
            *why = tr("This network has no CTRN token.");
            return std::nullopt;
        }
        r.token = *token;
    }
    if (m_feeLevel == QStringLiteral("custom")) {
        if (!m_feeError.isEmpty()) {
            *why = m_feeError;
            return std::nullopt;
        }
        r.customFee = interfaces::Fee{*interfaces::parseAmount(m_customMaxFee.trimmed().toStdString(), 9),
                                      *interfaces::parseAmount(m_customPriorityFee.trimmed().toStdString(), 9)};
    } else {
        r.level = m_feeLevel == QStringLiteral("slow")   ? interfaces::FeeLevel::Slow
                  : m_feeLevel == QStringLiteral("fast") ? interfaces::FeeLevel::Fast
                                                          : interfaces::FeeLevel::Normal;
    }
    return r;
}

void SendController::setStage(const QString& stage) {
    if (stage == m_stage) return;
    m_stage = stage;
    emit stageChanged();
}
void SendController::setBusy(bool busy) {
    if (busy == m_busy) return;
    m_busy = busy;
    emit busyChanged();
}
void SendController::setError(const QString& error) {
    if (error == m_error) return;
    m_error = error;
    emit errorChanged();
}
void SendController::fail(quint64 id, const QString& message) {
    setBusy(false);
    setError(message);
    emit requestDone(id, false, message);
}

quint64 SendController::loadFees() {
    auto id = std::make_shared<quint64>(0);
    *id = m_runner->call<Result<interfaces::FeeEstimates>>(
        this, [](interfaces::Services& s) { return s.node->feeEstimates(); },
        [this, id](Result<interfaces::FeeEstimates> r) {
            if (!r) return fail(*id, errorText(r.error()));
            m_feePresets.clear();
            const std::pair<const char*, interfaces::FeeLevel> levels[] = {
                {"slow", interfaces::FeeLevel::Slow}, {"normal", interfaces::FeeLevel::Normal}, {"fast", interfaces::FeeLevel::Fast}};
            for (const auto& [name, level] : levels) {
                const auto& fee = r->level(level);
                // A plain ETH transfer's most it can cost, to compare presets.
                m_feePresets.push_back(QVariantMap{{QStringLiteral("level"), QString::fromLatin1(name)},
                                                   {QStringLiteral("maxFee"), gwei(fee.maxFeePerGas)},
                                                   {QStringLiteral("priorityFee"), gwei(fee.maxPriorityFeePerGas)},
                                                   {QStringLiteral("transferCost"), eth(fee.maxFeePerGas * 21000)}});
            }
            m_baseFee = gwei(r->baseFee);
            if (m_customMaxFee.isEmpty()) {
                m_customMaxFee = gwei(r->normal.maxFeePerGas);
                m_customPriorityFee = gwei(r->normal.maxPriorityFeePerGas);
                validate();
            }
            emit feesChanged();
            emit requestDone(*id, true, {});
        },
        [this, id](const QString& e) { fail(*id, e); });
    return *id;
}

quint64 SendController::useMax() {
    if (!maxAllowed()) {
        // The maximum would come from the node that just lied about the balance.
        setError(tr("Max is refused: the node contradicted the light client's proof of this account's balance (%1).")
                     .arg(m_settledMessage));
        return 0;
    }
    QString why;
    // The recipient and amount do not matter for the maximum: stand-ins.
    const QString savedAmount = m_amount;
    m_amount = QStringLiteral("1");
    if (m_recipientChecksummed.isEmpty()) m_recipient = m_accounts ? m_accounts->currentAddress() : QString();
    auto r = request(&why);
    m_amount = savedAmount;
    validate();
    if (!r) {
        setError(why);
        return 0;
    }
    const unsigned places = decimals();
    auto id = std::make_shared<quint64>(0);
    *id = m_runner->call<Result<U256>>(
        this, [req = *r](interfaces::Services& s) { return s.wallet->maxSendable(req); },
        [this, id, places](Result<U256> max) {
            if (!max) return fail(*id, errorText(max.error()));
            setError({});
            setAmount(qs(interfaces::formatAmount(*max, places)));
            emit requestDone(*id, true, m_amount);
        },
        [this, id](const QString& e) { fail(*id, e); });
    return *id;
}

quint64 SendController::review() {
    QString why;
    auto r = request(&why);
    if (!r) {
        setError(why);
        emit requestDone(0, false, why);
        return 0;
    }
    setBusy(true);
    setError({});
    auto id = std::make_shared<quint64>(0);
    *id = m_runner->call<Result<interfaces::TxPreview>>(
        this, [req = *r](interfaces::Services& s) { return s.wallet->preview(req); },
        [this, id, req = *r](Result<interfaces::TxPreview> p) {
            if (!p) return fail(*id, errorText(p.error()));
            setBusy(false);
            m_reviewed = req;
            if (p->method.empty()) {
                m_reviewCall = tr("send %1 ETH to %2").arg(eth(p->value), qs(p->recipient));
                m_reviewTotal = tr("%1 ETH").arg(eth(p->maxTotalCost));
                m_reviewContract.clear();
            } else {
                const QString amount = qs(interfaces::formatAmount(p->tokenAmount.value_or(0), p->tokenDecimals));
                m_reviewCall = tr("transfer %1 %2 to %3").arg(amount, qs(p->tokenSymbol), qs(p->recipient));
                m_reviewTotal = tr("%1 %2 + up to %3 ETH").arg(amount, qs(p->tokenSymbol), eth(p->maxTotalCost));
                m_reviewContract = qs(p->to);
            }
            m_reviewRecipient = qs(p->recipient);
            m_reviewGasLimit = qs(interfaces::integerText(p->gasLimit));
            m_reviewMaxFee = tr("%1 gwei (priority %2 gwei)").arg(gwei(p->fee.maxFeePerGas), gwei(p->fee.maxPriorityFeePerGas));
            m_reviewMaxGasCost = tr("%1 ETH").arg(eth(p->maxGasCost));
            emit reviewChanged();
            setStage(QStringLiteral("review"));
            emit requestDone(*id, true, m_reviewCall);
        },
        [this, id](const QString& e) { fail(*id, e); });
    return *id;
}

quint64 SendController::confirm(const QString& password) {
    if (m_stage != QStringLiteral("review") || !m_reviewed) {
        setError(tr("Review the transaction first."));
        return 0;
    }
    if (password.isEmpty()) {
        setError(tr("Enter the wallet's password to send."));
        emit requestDone(0, false, m_error);
        return 0;
    }
    auto secret = std::make_shared<SecureString>(secureFromString(password.toStdString()));
    setBusy(true);
    setError({});
    auto id = std::make_shared<quint64>(0);
    *id = m_runner->call<Result<interfaces::SendResult>>(
        this, [req = *m_reviewed, secret](interfaces::Services& s) { return s.wallet->sendWithPassword(req, secret->view()); },
        [this, id](Result<interfaces::SendResult> r) {
            if (!r) {
                const QString message = r.error().code == ErrorCode::WrongPassword ? tr("Wrong password: nothing was sent.")
                                                                                    : tr("Not sent: %1").arg(errorText(r.error()));
                return fail(*id, message);
            }
            setBusy(false);
            m_txHash = qs(r->hash.hex());
            m_statusText = r->broadcast ? tr("Sent; waiting for it to be mined…")
                                        : tr("Signed and saved, but the node could not be reached; it will be sent again.");
            setStage(QStringLiteral("pending"));
            emit requestDone(*id, true, m_txHash);
        },
        [this, id](const QString& e) { fail(*id, e); });
    return *id;
}

quint64 SendController::checkStatus() {
    if (m_txHash.isEmpty() || m_checking) return 0;
    m_checking = true;
    auto id = std::make_shared<quint64>(0);
    *id = m_runner->call<Result<std::string>>(
        this,
        [hash = m_txHash.toStdString()](interfaces::Services& s) -> Result<std::string> {
            CTRN_TRY(s.wallet->sync());
            CTRN_ASSIGN(auto h, chain::Hash::fromHex(hash));
            CTRN_ASSIGN(auto t, s.wallet->transaction(h));
            if (!t) return std::string("unknown");
            return t->status;
        },
        [this, id](Result<std::string> status) {
            m_checking = false;
            if (!status) return emit requestDone(*id, false, errorText(status.error()));
            const QString st = qs(*status);
            if (st == QStringLiteral("mined")) {
                m_statusText = tr("Mined.");
                setStage(QStringLiteral("mined"));
            } else if (st != QStringLiteral("pending")) {
                m_statusText = tr("The transaction %1.").arg(st == QStringLiteral("failed") ? tr("failed (reverted)") : st);
                setStage(QStringLiteral("failed"));
            }
            emit stageChanged();
            emit requestDone(*id, true, st);
        },
        [this, id](const QString& e) {
            m_checking = false;
            emit requestDone(*id, false, e);
        });
    return *id;
}

void SendController::back() {
    if (m_stage != QStringLiteral("review")) return;
    m_reviewed.reset();
    setError({});
    setStage(QStringLiteral("edit"));
}

void SendController::reset() {
    m_reviewed.reset();
    m_recipient.clear();
    m_amount.clear();
    m_txHash.clear();
    m_statusText.clear();
    setError({});
    validate();
    setStage(QStringLiteral("edit"));
}

} // namespace ctrn::desktop
