// AccountsModel: the Accounts page and the account every other wallet page
// works on. Rows are the current wallet's accounts with their ETH and CTRN
// balances (CTRN split into free and locked-by-staking), read on the worker
// on every new head; `current*` mirror the selected row. Add (next HD
// account, needs the password), rename (label), switch (select), and the
// devnet faucet. The selected account is remembered per wallet in the
// preferences (desktop.ini) and selected again when the wallet's accounts
// load (at unlock, after a restart). Amounts reach QML as formatted decimal strings (and raw
// integer strings for the fields that compute with them); QML formats
// nothing. One shared instance (QML singleton `Accounts`).
//
// A QueryList (framework/query_list_model.h): the rows are one query
// (accounts and their balances), refreshed on each new head coalesced and
// merged by address, so a new block updates the figures in place.
#pragma once

#include "query_list_model.h"
#include "wallet_jobs.h"

#include <core/interfaces/node.h>
#include <core/interfaces/wallet.h>

#include <QAbstractListModel>
#include <QQmlEngine>

#include <vector>

namespace ctrn::desktop {

class Preferences;

struct AccountRow {
    interfaces::AccountSummary account;
    std::optional<interfaces::AccountBalances> balances;
    QString balanceError; // why the balances could not be read
};

class AccountsModel : public QueryList<AccountRow> {
    Q_OBJECT
    QML_NAMED_ELEMENT(Accounts)
    QML_SINGLETON
    Q_PROPERTY(QString wallet READ wallet WRITE setWallet NOTIFY walletChanged)
    Q_PROPERTY(QString currentAddress READ currentAddress WRITE select NOTIFY currentChanged)
    Q_PROPERTY(QString currentLabel READ currentLabel NOTIFY currentChanged)
    Q_PROPERTY(bool currentWatchOnly READ currentWatchOnly NOTIFY currentChanged)
    Q_PROPERTY(QString ethBalance READ ethBalance NOTIFY currentChanged)
    Q_PROPERTY(QString ctrnTotal READ ctrnTotal NOTIFY currentChanged)
    Q_PROPERTY(QString ctrnLocked READ ctrnLocked NOTIFY currentChanged)
    Q_PROPERTY(QString ctrnFree READ ctrnFree NOTIFY currentChanged)
    // Shares of the CTRN balance (0..1) for the free/locked chart.
    Q_PROPERTY(double ctrnLockedShare READ ctrnLockedShare NOTIFY currentChanged)
    Q_PROPERTY(bool hasCtrn READ hasCtrn NOTIFY currentChanged)
    Q_PROPERTY(QString ctrnAddress READ ctrnAddress NOTIFY tokenChanged)
    Q_PROPERTY(bool balancesLoaded READ balancesLoaded NOTIFY currentChanged)
    Q_PROPERTY(bool faucetAvailable READ faucetAvailable NOTIFY faucetChanged)
    Q_PROPERTY(bool faucetBusy READ faucetBusy NOTIFY faucetChanged)
    Q_PROPERTY(QString faucetMessage READ faucetMessage NOTIFY faucetChanged)

public:
    enum Role {
        AddressRole = Qt::UserRole + 1,
        LabelRole,
        HdIndexRole,
        WatchOnlyRole,
        EthRole,
        CtrnTotalRole,
        CtrnLockedRole,
        CtrnFreeRole,
        CurrentRole,
    };
    Q_ENUM(Role)

    explicit AccountsModel(JobRunner* runner, QObject* parent = nullptr);
    // The app's instance (parented to AppContext), for QML and the other view models.
    static AccountsModel* create(QQmlEngine*, QJSEngine*);
    static AccountsModel* instance();
    // Where the selection is remembered (the app's preferences; none: not remembered).
    void setPreferences(Preferences* preferences) { m_preferences = preferences; }

    QString wallet() const { return m_wallet; }
    void setWallet(const QString& wallet);
    QString currentAddress() const { return m_current; }
    QString currentLabel() const;
    bool currentWatchOnly() const;
    QString ethBalance() const;
    QString ctrnTotal() const;
    QString ctrnLocked() const;
    QString ctrnFree() const;
    double ctrnLockedShare() const;
    bool hasCtrn() const;
    QString ctrnAddress() const { return m_ctrnAddress; }
    unsigned ctrnDecimals() const { return m_ctrnDecimals; }
    bool balancesLoaded() const;
    bool faucetAvailable() const { return m_faucetAvailable; }
    bool faucetBusy() const { return m_faucetBusy; }
    QString faucetMessage() const { return m_faucetMessage; }

    // The accounts and their balances again, merged in place (coalesced:
    // one more after the running one, however often it is asked).
    Q_INVOKABLE void refreshBalances() { refreshSoon(); }
    Q_INVOKABLE void select(const QString& address);
    // The wallet's next HD account (m/44'/60'/0'/0/i); needs its password.
    Q_INVOKABLE quint64 addAccount(const QString& password);
    Q_INVOKABLE quint64 renameAccount(const QString& address, const QString& label);
    // Devnet only: 10 ETH and 1,000 CTRN to the current account.
    Q_INVOKABLE quint64 fundFromFaucet();

signals:
    void walletChanged();
    void currentChanged();
    void tokenChanged();
    void faucetChanged();

protected:
    Query query() const override;
    QString keyOf(const AccountRow& row) const override { return QString::fromStdString(row.account.address); }
    QVariant value(const AccountRow& row, int role) const override;
    bool sameRow(const AccountRow& a, const AccountRow& b) const override;
    void rowsMerged() override;
    quint64 startRefresh() override;

private:
    enum { NetworkSlot = 1 };
    const AccountRow* currentRow() const;
    void loadNetwork();
    void remember();
    QString format(const U256& amount, unsigned decimals) const;

    QString m_wallet;
    QString m_current;
    QString m_ctrnAddress;
    unsigned m_ctrnDecimals = 18;
    bool m_networkLoading = false;
    bool m_networkLoaded = false; // the token and faucet of this connection are known
    bool m_faucetAvailable = false;
    bool m_faucetBusy = false;
    QString m_faucetMessage;
    Preferences* m_preferences = nullptr;
};

} // namespace ctrn::desktop
