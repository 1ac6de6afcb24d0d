// SendController: the Send page. It holds what the user typed (recipient,
// amount, asset, fee choice), checks it through core as it changes (EIP-55
// address, amount against the asset's decimals), loads the fee presets,
// asks core for a preview for the review screen (decoded call, gas limit,
// most it can cost), sends with the password (checked first) and follows
// the transaction until it is final. The balance it offers ("available",
// Max) is the node's; beside it the light client proves the account's
// balances (its own BalanceVerification, the Accounts page's proof, again
// whenever the node's figures change), and after a mismatch the figure is
// hidden and Max refused until a proof agrees again. QML shows these
// properties and calls the invokables; it formats and validates nothing itself.
#pragma once

#include "accounts_model.h"
#include "balance_verification.h"
#include "wallet_jobs.h"

#include <core/interfaces/wallet.h>

#include <QObject>
#include <QQmlEngine>
#include <QVariantList>

#include <optional>

namespace ctrn::desktop {

class SendController : public QObject {
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
    Q_PROPERTY(QString stage READ stage NOTIFY stageChanged) // edit | review | pending | mined | failed
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    Q_PROPERTY(QString reviewCall READ reviewCall NOTIFY reviewChanged)
    Q_PROPERTY(QString reviewRecipient READ reviewRecipient NOTIFY reviewChanged)
    Q_PROPERTY(QString reviewContract READ reviewContract NOTIFY reviewChanged)
    Q_PROPERTY(QString reviewGasLimit READ reviewGasLimit NOTIFY reviewChanged)
    Q_PROPERTY(QString reviewMaxFee READ reviewMaxFee NOTIFY reviewChanged)
    Q_PROPERTY(QString reviewMaxGasCost READ reviewMaxGasCost NOTIFY reviewChanged)
    Q_PROPERTY(QString reviewTotal READ reviewTotal NOTIFY reviewChanged)
    Q_PROPERTY(QString txHash READ txHash NOTIFY stageChanged)
    Q_PROPERTY(QString statusText READ statusText NOTIFY stageChanged)
    // The light client's word on the current account's balances.
    Q_PROPERTY(ctrn::desktop::BalanceVerification* verification READ verification CONSTANT)
    // What can be sent of the asset, as the node reports it ("Free to send:
    // 10 CTRN (5 staked)"); after a mismatch a warning instead of a figure.
    Q_PROPERTY(QString available READ available NOTIFY availableChanged)
    // False after the light client caught the node contradicting its proof.
    Q_PROPERTY(bool maxAllowed READ maxAllowed NOTIFY availableChanged)

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
    QString stage() const { return m_stage; }
    bool busy() const { return m_busy; }
    QString error() const { return m_error; }
    QString reviewCall() const { return m_reviewCall; }
    QString reviewRecipient() const { return m_reviewRecipient; }
    QString reviewContract() const { return m_reviewContract; }
    QString reviewGasLimit() const { return m_reviewGasLimit; }
    QString reviewMaxFee() const { return m_reviewMaxFee; }
    QString reviewMaxGasCost() const { return m_reviewMaxGasCost; }
    QString reviewTotal() const { return m_reviewTotal; }
    QString txHash() const { return m_txHash; }
    QString statusText() const { return m_statusText; }
    BalanceVerification* verification() const { return m_verification; }
    QString available() const;
    bool maxAllowed() const { return m_settledProof != QLatin1String("mismatch"); }

    // Fee presets from eth_feeHistory.
    Q_INVOKABLE quint64 loadFees();
    // Fills the amount with the most the account can send of the asset
    // (refused, 0, after a mismatch).
    Q_INVOKABLE quint64 useMax();
    // Checks everything through core and shows the review screen.
    Q_INVOKABLE quint64 review();
    // Sends what was reviewed; the password is checked first.
    Q_INVOKABLE quint64 confirm(const QString& password);
    // Asks core whether the sent transaction is final (each new head).
    Q_INVOKABLE quint64 checkStatus();
    Q_INVOKABLE void back();  // review -> edit
    Q_INVOKABLE void reset(); // a new send

signals:
    void inputChanged();
    void feesChanged();
    void stageChanged();
    void busyChanged();
    void errorChanged();
    void reviewChanged();
    void availableChanged();
    void requestDone(quint64 requestId, bool ok, const QString& message);

private:
    std::optional<interfaces::SendRequest> request(QString* why) const;
    unsigned decimals() const;
    void validate();
    void setStage(const QString& stage);
    void setBusy(bool busy);
    void setError(const QString& error);
    void fail(quint64 id, const QString& message);
    void verifyCurrent();

    JobRunner* m_runner;
    AccountsModel* m_accounts;
    QString m_asset = QStringLiteral("ETH");
    QString m_recipient, m_amount;
    QString m_feeLevel = QStringLiteral("normal");
    QString m_customMaxFee, m_customPriorityFee;
    QString m_recipientError, m_recipientChecksummed, m_amountError, m_feeError;
    QVariantList m_feePresets;
    QString m_baseFee;
    QString m_stage = QStringLiteral("edit");
    bool m_busy = false;
    QString m_error;
    std::optional<interfaces::SendRequest> m_reviewed;
    QString m_reviewCall, m_reviewRecipient, m_reviewContract, m_reviewGasLimit, m_reviewMaxFee, m_reviewMaxGasCost, m_reviewTotal;
    QString m_txHash, m_statusText;
    bool m_checking = false;
    BalanceVerification* m_verification;
    QString m_settledProof, m_settledMessage; // the last outcome that was not "busy"
    QString m_provenAddress;
};

} // namespace ctrn::desktop
