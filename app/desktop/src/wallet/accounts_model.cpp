#include "accounts_model.h"

#include "preferences.h"
#include "session_controller.h"

#include <core/interfaces/values.h>

#include <QPointer>

namespace ctrn::desktop {
namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

QPointer<AccountsModel> g_instance;

struct Loaded {
    std::vector<interfaces::AccountSummary> accounts;
    std::vector<Result<interfaces::AccountBalances>> balances;
    std::optional<interfaces::TokenInfo> ctrn;
    bool faucet = false;
};

} // namespace

AccountsModel::AccountsModel(JobRunner* runner, QObject* parent) : QAbstractListModel(parent), m_runner(runner) {}

AccountsModel* AccountsModel::create(QQmlEngine*, QJSEngine*) {
    AccountsModel* model = instance();
    QJSEngine::setObjectOwnership(model, QJSEngine::CppOwnership);
    return model;
}

AccountsModel* AccountsModel::instance() {
    if (g_instance) return g_instance;
    AppContext* context = AppContext::instance();
    auto* model = new AccountsModel(appJobRunner(), context);
    g_instance = model;
    if (context) {
        // The accounts follow the session's wallet; balances follow the chain.
        model->setPreferences(context->preferences());
        SessionController* session = context->session();
        QObject::connect(session, &SessionController::currentWalletChanged, model, [model, session] { model->setWallet(session->currentWallet()); });
        QObject::connect(session, &SessionController::walletsChanged, model, [model] { model->refresh(); });
        QObject::connect(context, &AppContext::headChanged, model, [model] { model->refreshBalances(); });
        QObject::connect(context, &AppContext::connectionChanged, model, [model, context] {
            if (context->connected()) model->refresh();
        });
        model->setWallet(session->currentWallet());
    }
    return model;
}

int AccountsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(m_rows.size()); }

QVariant AccountsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    const auto& b = row.balances;
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole:
        return qs(row.account.label);
    case AddressRole:
        return qs(row.account.address);
    case HdIndexRole:
        return row.account.hdIndex ? QVariant(static_cast<int>(*row.account.hdIndex)) : QVariant();
    case WatchOnlyRole:
        return row.account.watchOnly;
    case EthRole:
        return b ? format(b->eth, 18) : QString();
    case CtrnTotalRole:
        return b && b->hasCtrn ? format(b->ctrnTotal, m_ctrnDecimals) : QString();
    case CtrnLockedRole:
        return b && b->hasCtrn ? format(b->ctrnLocked, m_ctrnDecimals) : QString();
    case CtrnFreeRole:
        return b && b->hasCtrn ? format(b->ctrnFree, m_ctrnDecimals) : QString();
    case CurrentRole:
        return qs(row.account.address) == m_current;
    default:
        return {};
    }
}

QHash<int, QByteArray> AccountsModel::roleNames() const {
    return {{AddressRole, "address"},         {LabelRole, "label"},         {HdIndexRole, "hdIndex"},
            {WatchOnlyRole, "watchOnly"},     {EthRole, "eth"},             {CtrnTotalRole, "ctrnTotal"},
            {CtrnLockedRole, "ctrnLocked"},   {CtrnFreeRole, "ctrnFree"},   {CurrentRole, "current"}};
}

QString AccountsModel::format(const U256& amount, unsigned decimals) const { return qs(interfaces::formatAmount(amount, decimals)); }

const AccountsModel::Row* AccountsModel::currentRow() const {
    for (const auto& r : m_rows)
        if (qs(r.account.address) == m_current) return &r;
    return nullptr;
}

QString AccountsModel::currentLabel() const {
    const Row* r = currentRow();
    return r ? qs(r->account.label) : QString();
}
bool AccountsModel::currentWatchOnly() const {
    const Row* r = currentRow();
    return r && r->account.watchOnly;
}
bool AccountsModel::balancesLoaded() const {
    const Row* r = currentRow();
    return r && r->balances;
}
bool AccountsModel::hasCtrn() const {
    const Row* r = currentRow();
    return r && r->balances && r->balances->hasCtrn;
}
QString AccountsModel::ethBalance() const {
    const Row* r = currentRow();
    return r && r->balances ? format(r->balances->eth, 18) : QString();
}
QString AccountsModel::ctrnTotal() const {
    return hasCtrn() ? format(currentRow()->balances->ctrnTotal, m_ctrnDecimals) : QString();
}
QString AccountsModel::ctrnLocked() const {
    return hasCtrn() ? format(currentRow()->balances->ctrnLocked, m_ctrnDecimals) : QString();
}
QString AccountsModel::ctrnFree() const {
    return hasCtrn() ? format(currentRow()->balances->ctrnFree, m_ctrnDecimals) : QString();
}
double AccountsModel::ctrnLockedShare() const {
    if (!hasCtrn()) return 0;
    const auto& b = *currentRow()->balances;
    if (b.ctrnTotal == 0) return 0;
    // A display ratio only (the chart's slice sizes); the figures stay exact.
    return static_cast<double>(b.ctrnLocked * 10000 / b.ctrnTotal) / 10000.0;
}

void AccountsModel::setWallet(const QString& wallet) {
    if (wallet == m_wallet) return;
    m_wallet = wallet;
    emit walletChanged();
    setRows({});
    refresh();
}

void AccountsModel::select(const QString& address) {
    if (address == m_current) return;
    bool known = false;
    for (const auto& r : m_rows) known |= qs(r.account.address) == address;
    if (!known && !m_rows.empty()) return;
    m_current = address;
    remember();
    if (!m_rows.empty()) emit dataChanged(index(0), index(rowCount() - 1), {CurrentRole});
    emit currentChanged();
}

void AccountsModel::remember() {
    if (m_preferences && !m_current.isEmpty()) m_preferences->setSelectedAccount(m_wallet, m_current);
}

void AccountsModel::setRows(std::vector<Row> rows) {
    const bool countChange = rows.size() != m_rows.size();
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    if (countChange) emit countChanged();
    // Keep the selection when the account is still there; else the one
    // last selected in this wallet (a restart, an unlock); else the first.
    if (!currentRow()) {
        m_current = m_rows.empty() ? QString() : qs(m_rows.front().account.address);
        const QString remembered = m_preferences ? m_preferences->selectedAccount(m_wallet) : QString();
        for (const auto& r : m_rows)
            if (qs(r.account.address) == remembered) m_current = remembered;
    }
    emit currentChanged();
}

void AccountsModel::setBusy(bool busy) {
    if (busy == m_busy) return;
    m_busy = busy;
    emit busyChanged();
}

void AccountsModel::setError(const QString& error) {
    if (error == m_error) return;
    m_error = error;
    emit errorChanged();
}

void AccountsModel::fail(quint64 id, const QString& message) {
    setBusy(false);
    setError(message);
    emit requestDone(id, false, message);
}

quint64 AccountsModel::refresh() {
    const std::string wallet = m_wallet.toStdString();
    auto id = std::make_shared<quint64>(0);
    *id = m_runner->call<Result<Loaded>>(
        this,
        [wallet](interfaces::Services& s) -> Result<Loaded> {
            Loaded out;
            CTRN_ASSIGN(auto wallets, s.wallet->listWallets());
            for (const auto& w : wallets)
                if (w.name == wallet) out.accounts = w.accounts;
            for (const auto& a : out.accounts) {
                CTRN_ASSIGN(auto address, chain::Address::fromHex(a.address));
                out.balances.push_back(s.node->balances(address));
            }
            if (auto token = s.node->ctrnToken()) out.ctrn = *token;
            out.faucet = static_cast<bool>(s.node->faucetAvailable());
            return out;
        },
        [this, id, wallet](Result<Loaded> r) {
            // An answer for a wallet no longer shown (switched meanwhile) is dropped.
            if (m_wallet.toStdString() != wallet) return emit requestDone(*id, false, tr("superseded"));
            if (!r) return fail(*id, errorText(r.error()));
            std::vector<Row> rows;
            QString firstError;
            for (std::size_t i = 0; i < r->accounts.size(); ++i) {
                Row row{r->accounts[i], std::nullopt};
                if (r->balances[i]) row.balances = *r->balances[i];
                else if (firstError.isEmpty()) firstError = errorText(r->balances[i].error());
                rows.push_back(std::move(row));
            }
            if (r->ctrn) {
                m_ctrnAddress = qs(r->ctrn->address);
                m_ctrnDecimals = r->ctrn->decimals;
                emit tokenChanged();
            }
            if (r->faucet != m_faucetAvailable) {
                m_faucetAvailable = r->faucet;
                emit faucetChanged();
            }
            setRows(std::move(rows));
            setError(firstError);
            emit requestDone(*id, firstError.isEmpty(), firstError);
        },
        [this, id](const QString& error) { fail(*id, error); });
    return *id;
}

quint64 AccountsModel::refreshBalances() {
    if (m_rows.empty()) return 0;
    if (m_balancesRequest) return m_balancesRequest; // one at a time: heads come every second
    std::vector<std::string> addresses;
    for (const auto& r : m_rows) addresses.push_back(r.account.address);
    auto id = std::make_shared<quint64>(0);
    *id = m_runner->call<std::vector<Result<interfaces::AccountBalances>>>(
        this,
        [addresses](interfaces::Services& s) {
            std::vector<Result<interfaces::AccountBalances>> out;
            for (const auto& a : addresses) {
                auto address = chain::Address::fromHex(a);
                if (!address) out.push_back(address.error());
                else out.push_back(s.node->balances(*address));
            }
            return out;
        },
        [this, id, addresses](std::vector<Result<interfaces::AccountBalances>> balances) {
            m_balancesRequest = 0;
            QString firstError;
            for (std::size_t i = 0; i < balances.size(); ++i) {
                // Rows may have changed meanwhile: match by address.
                for (std::size_t j = 0; j < m_rows.size(); ++j) {
                    if (m_rows[j].account.address != addresses[i]) continue;
                    if (balances[i]) {
                        m_rows[j].balances = *balances[i];
                        const auto at = index(static_cast<int>(j));
                        emit dataChanged(at, at, {EthRole, CtrnTotalRole, CtrnLockedRole, CtrnFreeRole});
                    } else if (firstError.isEmpty()) {
                        firstError = errorText(balances[i].error());
                    }
                }
            }
            setError(firstError);
            emit currentChanged();
            emit requestDone(*id, firstError.isEmpty(), firstError);
        },
        [this, id](const QString& error) {
            m_balancesRequest = 0;
            fail(*id, error);
        });
    m_balancesRequest = *id;
    return *id;
}

quint64 AccountsModel::addAccount(const QString& password) {
    const std::string wallet = m_wallet.toStdString();
    // The password is copied into the job and wiped there once used.
    auto secret = std::make_shared<SecureString>(secureFromString(password.toStdString()));
    setBusy(true);
    auto id = std::make_shared<quint64>(0);
    *id = m_runner->call<Result<interfaces::AccountSummary>>(
        this, [wallet, secret](interfaces::Services& s) { return s.wallet->addAccount(wallet, secret->view()); },
        [this, id](Result<interfaces::AccountSummary> r) {
            if (!r) return fail(*id, r.error().code == ErrorCode::WrongPassword ? tr("Wrong password: no account was added.") : errorText(r.error()));
            setBusy(false);
            setError({});
            const QString added = qs(r->address);
            emit requestDone(*id, true, added);
            refresh();
            m_current = added; // the new account becomes current once listed
            remember();
        },
        [this, id](const QString& error) { fail(*id, error); });
    return *id;
}

quint64 AccountsModel::renameAccount(const QString& address, const QString& label) {
    const std::string text = address.toStdString();
    const std::string newLabel = label.trimmed().toStdString();
    auto id = std::make_shared<quint64>(0);
    *id = m_runner->call<Status>(
        this,
        [text, newLabel](interfaces::Services& s) -> Status {
            CTRN_ASSIGN(auto a, chain::Address::fromHex(text));
            return s.wallet->renameAccount(a, newLabel);
        },
        [this, id, text, newLabel](Status r) {
            if (!r) return fail(*id, errorText(r.error()));
            for (std::size_t j = 0; j < m_rows.size(); ++j) {
                if (m_rows[j].account.address != text) continue;
                m_rows[j].account.label = newLabel;
                const auto at = index(static_cast<int>(j));
                emit dataChanged(at, at, {Qt::DisplayRole, LabelRole});
            }
            emit currentChanged();
            emit requestDone(*id, true, {});
        },
        [this, id](const QString& error) { fail(*id, error); });
    return *id;
}

quint64 AccountsModel::fundFromFaucet() {
    const std::string account = m_current.toStdString();
    m_faucetBusy = true;
    m_faucetMessage = tr("Asking the devnet faucet…");
    emit faucetChanged();
    auto id = std::make_shared<quint64>(0);
    auto finish = [this, id](bool ok, const QString& message) {
        m_faucetBusy = false;
        m_faucetMessage = message;
        emit faucetChanged();
        emit requestDone(*id, ok, message);
    };
    *id = m_runner->call<Result<interfaces::FaucetGrant>>(
        this,
        [account](interfaces::Services& s) -> Result<interfaces::FaucetGrant> {
            CTRN_ASSIGN(auto a, chain::Address::fromHex(account));
            return s.node->fundFromFaucet(a);
        },
        [this, finish](Result<interfaces::FaucetGrant> r) {
            if (!r) return finish(false, errorText(r.error()));
            finish(true, tr("Received %1 ETH and %2 CTRN from the devnet faucet.")
                             .arg(format(r->eth, 18), format(r->ctrn, m_ctrnDecimals)));
            refreshBalances();
        },
        [finish](const QString& error) { finish(false, error); });
    return *id;
}

} // namespace ctrn::desktop
