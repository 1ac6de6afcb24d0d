// SendController: the Send page's own state — what the user typed (asset,
// recipient, amount, fee choice), the checks of it through core as it
// changes (EIP-55 address, amount against the asset's decimals, custom fee),
// the fee presets, and what can be sent (available, Max). The balance it
// offers is the node's; beside it the light client proves the account's
// balances (its own BalanceVerification, the Accounts page's proof, again
// whenever the node's figures change), and after a mismatch the figure is
// hidden and Max refused until a proof agrees again.
//
// Everything after the inputs is the shared transaction flow (`flow`, a
// TxFlow; its face is TxReview.qml): review() hands core an ActionRequest
// and the flow keeps the PreparedAction that core made; the password signs
// exactly that one. Changing any input after review drops the review (a new
// one is needed). Busy/error/requestDone come from ViewModel. QML shows
// these properties and calls the invokables; it formats and validates
// nothing itself.
#pragma once

#include "accounts_model.h"
#include "balance_verification.h"
#include "tx_flow.h"
#include "view_model.h"
#include "wallet_jobs.h"

#include <core/interfaces/actions.h>

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

#include <optional>

namespace ctrn::desktop {

class SendController : public ViewModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString asset READ asset WRITE setAsset NOTIFY inputChanged)            // "ETH" | "CTRN"
    Q_PROPERTY(QString recipient READ recipient WRITE setRecipient NOTIFY inputChanged)
    Q_PROPERTY(QString amount READ amount WRITE setAmount NOTIFY inputChanged)
    Q_PROPERTY(QString feeLevel READ feeLevel WRITE setFeeLevel NOTIFY inputChanged)   // slow | normal | fast | custom
    Q_PROPERTY(QString customMaxFee READ customMaxFee WRITE setCustomMaxFee NOTIFY inputChanged)           // gwei
    Q_PROPERTY(QString customPriorityFee READ customPriorityFee WRITE setCustomPriorityFee NOTIFY inputChanged) // gwei
    Q_PROPERTY(QString recipientError READ recipientError NOTIFY inputChanged)
    Q_PROPERTY(QString recipientChecksummed READ recipientChecksummed NOTIFY inputChanged)
    Q_PROPERTY(QString amountError READ amountError NOTIFY inputChanged)
    Q_PROPERTY(QString feeError READ feeError NOTIFY inputChanged)
    Q_PROPERTY(bool canReview READ canReview NOTIFY inputChanged)
    Q_PROPERTY(QVariantList feePresets READ feePresets NOTIFY feesChanged)
    Q_PROPERTY(QString baseFee READ baseFee NOTIFY feesChanged)
    // The light client's word on the current account's balances.
    Q_PROPERTY(ctrn::desktop::BalanceVerification* verification READ verification CONSTANT)
    // What can be sent of the asset, as the node reports it ("Free to send:
    // 10 CTRN (5 staked)"); after a mismatch a warning instead of a figure.
    Q_PROPERTY(QString available READ available NOTIFY availableChanged)
    // False after the light client caught the node contradicting its proof.
    Q_PROPERTY(bool maxAllowed READ maxAllowed NOTIFY availableChanged)
    // Review, password, pending, mined/failed: the shared flow.
    Q_PROPERTY(ctrn::desktop::TxFlow* flow READ flow CONSTANT)

public:
    explicit SendController(QObject* parent = nullptr);
    SendController(JobRunner* runner, AccountsModel* accounts, QObject* parent = nullptr);

    QString asset() const { return m_asset; }
    void setAsset(const QString& asset);
    QString recipient() const { return m_recipient; }
    void setRecipient(const QString& recipient);
    QString amount() const { return m_amount; }
    void setAmount(const QString& amount);
    QString feeLevel() const { return m_feeLevel; }
    void setFeeLevel(const QString& level);
    QString customMaxFee() const { return m_customMaxFee; }
    void setCustomMaxFee(const QString& gwei);
    QString customPriorityFee() const { return m_customPriorityFee; }
    void setCustomPriorityFee(const QString& gwei);
    QString recipientError() const { return m_recipientError; }
    QString recipientChecksummed() const { return m_recipientChecksummed; }
    QString amountError() const { return m_amountError; }
    QString feeError() const { return m_feeError; }
    bool canReview() const;
    QVariantList feePresets() const { return m_feePresets; }
    QString baseFee() const { return m_baseFee; }
    BalanceVerification* verification() const { return m_verification; }
    QString available() const;
    bool maxAllowed() const { return m_settledProof != QLatin1String("mismatch"); }
    TxFlow* flow() const { return m_flow; }

    // Fee presets from eth_feeHistory.
    Q_INVOKABLE quint64 loadFees();
    // Fills the amount with the most the account can send of the asset
    // (refused, 0, after a mismatch).
    Q_INVOKABLE quint64 useMax();
    // Hands the inputs to core (flow.prepare): the review, or the refusal.
    Q_INVOKABLE quint64 review();
    // A new send: inputs cleared, the flow back to edit.
    Q_INVOKABLE void reset();

    // The request review() would hand core (null and `why` when refused).
    std::optional<interfaces::ActionRequest> actionRequest(QString* why) const;

signals:
    void inputChanged();
    void feesChanged();
    void availableChanged();

private:
    unsigned decimals() const;
    // An input changed: checked again, and a review of the old inputs dropped.
    void inputEdited();
    void validate();
    void verifyCurrent();

    AccountsModel* m_accounts;
    TxFlow* m_flow;
    QString m_asset = QStringLiteral("ETH");
    QString m_recipient, m_amount;
    QString m_feeLevel = QStringLiteral("normal");
    QString m_customMaxFee, m_customPriorityFee;
    QString m_recipientError, m_recipientChecksummed, m_amountError, m_feeError;
    QVariantList m_feePresets;
    QString m_baseFee;
    BalanceVerification* m_verification;
    QString m_settledProof, m_settledMessage; // the last outcome that was not "busy"
    QString m_provenAddress;
};

} // namespace ctrn::desktop
