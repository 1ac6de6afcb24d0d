#include "accounts_model.h"

#include "preferences.h"
#include "session_controller.h"

#include <core/interfaces/values.h>

#include <QPointer>

namespace ctrn::desktop {
namespace {


QPointer<AccountsModel> g_instance;

// What the network offers beside the rows: read once per wallet or connection.
struct NetworkInfo {
    std::optional<interfaces::TokenInfo> ctrn;
    bool faucet = false;
};

} // namespace

AccountsModel::AccountsModel(JobRunner* runner, QObject* parent) : QueryList<AccountRow>(runner, parent) {
    setRoles({{AddressRole, "address"},     {LabelRole, "label"},           {HdIndexRole, "hdIndex"},
              {WatchOnlyRole, "watchOnly"}, {EthRole, "eth"},               {CtrnTotalRole, "ctrnTotal"},
              {CtrnLockedRole, "ctrnLocked"}, {CtrnFreeRole, "ctrnFree"},   {CurrentRole, "current"}});
}

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
        QObject::connect(session, &SessionController::walletsChanged, model, [model] { model->refreshSoon(); });
        QObject::connect(context, &AppContext::headChanged, model, [model] { model->refreshSoon(); });
        QObject::connect(context, &AppContext::connectionChanged, model, [model, context] {
            if (!context->connected()) return;
            model->loadNetwork();
            model->refreshSoon();
        });
        model->setWallet(session->currentWallet());
    }
    return model;
}

AccountsModel::Query AccountsModel::query() const {
    return [wallet = m_wallet.toStdString()](interfaces::Services& s, const std::optional<AccountRow>&, std::size_t) -> Result<Rows> {
        Rows rows;
        CTRN_ASSIGN(auto wallets, s.wallet->listWallets());
        for (const auto& w : wallets)
            if (w.name == wallet)
                for (const auto& a : w.accounts) rows.push_back({a, std::nullopt, {}});
        for (auto& r : rows) {
            CTRN_ASSIGN(auto address, chain::Address::fromHex(r.account.address));
            auto b = s.node->balances(address);
            if (b) r.balances = *b;
            else r.balanceError = errorText(b.error());
        }
        return rows;
    };
}

QVariant AccountsModel::value(const AccountRow& row, int role) const {
    const auto& b = row.balances;
    switch (role) {
    case Qt::DisplayRole:
    case LabelRole: return qs(row.account.label);
    case AddressRole: return qs(row.account.address);
    case HdIndexRole: return row.account.hdIndex ? QVariant(static_cast<int>(*row.account.hdIndex)) : QVariant();
    case WatchOnlyRole: return row.account.watchOnly;
    case EthRole: return b ? format(b->eth, 18) : QString();
    case CtrnTotalRole: return b && b->hasCtrn ? format(b->ctrnTotal, m_ctrnDecimals) : QString();
    case CtrnLockedRole: return b && b->hasCtrn ? format(b->ctrnLocked, m_ctrnDecimals) : QString();
    case CtrnFreeRole: return b && b->hasCtrn ? format(b->ctrnFree, m_ctrnDecimals) : QString();
    case CurrentRole: return qs(row.account.address) == m_current;
    default: return {};
    }
}

// A new head changes `block` on every row; the row only changed when what
// it shows did.
bool AccountsModel::sameRow(const AccountRow& a, const AccountRow& b) const {
    if (a.account.address != b.account.address || a.account.label != b.account.label || a.account.hdIndex != b.account.hdIndex ||
        a.account.watchOnly != b.account.watchOnly || a.balances.has_value() != b.balances.has_value())
        return false;
    if (!a.balances) return true;
    const auto &x = *a.balances, &y = *b.balances;
    return x.eth == y.eth && x.hasCtrn == y.hasCtrn && x.ctrnTotal == y.ctrnTotal && x.ctrnLocked == y.ctrnLocked && x.ctrnFree == y.ctrnFree;
}

void AccountsModel::rowsMerged() {
    // Keep the selection when the account is still there; else the one
    // last selected in this wallet (a restart, an unlock); else the first.
    if (!currentRow()) {
        m_current = rows().empty() ? QString() : qs(rows().front().account.address);
        const QString remembered = m_preferences ? m_preferences->selectedAccount(m_wallet) : QString();
        for (const auto& r : rows())
            if (qs(r.account.address) == remembered) m_current = remembered;
        if (!rows().empty()) emit dataChanged(index(0), index(rowCount() - 1), {CurrentRole});
    }
    QString firstError;
    for (const auto& r : rows())
        if (firstError.isEmpty()) firstError = r.balanceError;
    applyError(firstError);
    emit currentChanged();
}

QString AccountsModel::format(const U256& amount, unsigned decimals) const { return qs(interfaces::formatAmount(amount, decimals)); }

const AccountRow* AccountsModel::currentRow() const {
    for (const auto& r : rows())
        if (qs(r.account.address) == m_current) return &r;
    return nullptr;
}

QString AccountsModel::currentLabel() const {
    const AccountRow* r = currentRow();
    return r ? qs(r->account.label) : QString();
}
bool AccountsModel::currentWatchOnly() const {
    const AccountRow* r = currentRow();
    return r && r->account.watchOnly;
}
bool AccountsModel::balancesLoaded() const {
    const AccountRow* r = currentRow();
    return r && r->balances;
}
bool AccountsModel::hasCtrn() const {
    const AccountRow* r = currentRow();
    return r && r->balances && r->balances->hasCtrn;
}
QString AccountsModel::ethBalance() const {
    const AccountRow* r = currentRow();
    return r && r->balances ? format(r->balances->eth, 18) : QString();
}
QString AccountsModel::ctrnTotal() const { return hasCtrn() ? format(currentRow()->balances->ctrnTotal, m_ctrnDecimals) : QString(); }
QString AccountsModel::ctrnLocked() const { return hasCtrn() ? format(currentRow()->balances->ctrnLocked, m_ctrnDecimals) : QString(); }
QString AccountsModel::ctrnFree() const { return hasCtrn() ? format(currentRow()->balances->ctrnFree, m_ctrnDecimals) : QString(); }
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
    // Another wallet's rows: nothing of the last one may land.
    clear();
    m_current.clear();
    emit currentChanged();
    refresh(); // and the network's token, the first time
}

quint64 AccountsModel::startRefresh() {
    // The token's address and decimals format the figures: learnt with the
    // first rows (and again after a reconnect, connectionChanged).
    if (!m_networkLoaded && !m_networkLoading) loadNetwork();
    return QueryList<AccountRow>::startRefresh();
}

void AccountsModel::loadNetwork() {
    m_networkLoading = true;
    run<NetworkInfo>(
        [](interfaces::Services& s) {
            NetworkInfo out;
            if (auto token = s.node->ctrnToken()) out.ctrn = *token;
            out.faucet = static_cast<bool>(s.node->faucetAvailable());
            return out;
        },
        [this](NetworkInfo info) {
            m_networkLoading = false;
            m_networkLoaded = true;
            if (info.ctrn) {
                m_ctrnAddress = qs(info.ctrn->address);
                m_ctrnDecimals = info.ctrn->decimals;
                emit tokenChanged();
                // The figures were formatted with the old decimals.
                if (rowCount() > 0) emit dataChanged(index(0), index(rowCount() - 1));
                emit currentChanged();
            }
            if (info.faucet != m_faucetAvailable) {
                m_faucetAvailable = info.faucet;
                emit faucetChanged();
            }
        },
        RunOptions{.busy = false, .reportError = false, .slot = NetworkSlot,
                   .onFailure = [this](const QString&) { m_networkLoading = false; }});
}

void AccountsModel::select(const QString& address) {
    if (address == m_current) return;
    bool known = false;
    for (const auto& r : rows()) known |= qs(r.account.address) == address;
    if (!known && !rows().empty()) return;
    m_current = address;
    remember();
    if (!rows().empty()) emit dataChanged(index(0), index(rowCount() - 1), {CurrentRole});
    emit currentChanged();
}

void AccountsModel::remember() {
    if (m_preferences && !m_current.isEmpty()) m_preferences->setSelectedAccount(m_wallet, m_current);
}

quint64 AccountsModel::addAccount(const QString& password) {
    const std::string wallet = m_wallet.toStdString();
    // The password is copied into the job and wiped there once used.
    auto secret = std::make_shared<SecureString>(secureFromString(password.toStdString()));
    return run<Result<interfaces::AccountSummary>>(
        [wallet, secret](interfaces::Services& s) { return s.wallet->addAccount(wallet, secret->view()); },
        [this](interfaces::AccountSummary added) {
            m_current = qs(added.address); // the new account becomes current once listed
            remember();
            refreshSoon();
            return m_current;
        },
        RunOptions{.describe = [](const Error& e) {
            return e.code == ErrorCode::WrongPassword ? tr("Wrong password: no account was added.") : errorText(e);
        }});
}

quint64 AccountsModel::renameAccount(const QString& address, const QString& label) {
    const std::string text = address.toStdString();
    const std::string newLabel = label.trimmed().toStdString();
    return run<Status>(
        [text, newLabel](interfaces::Services& s) -> Status {
            CTRN_ASSIGN(auto a, chain::Address::fromHex(text));
            return s.wallet->renameAccount(a, newLabel);
        },
        [this, text, newLabel] {
            for (std::size_t j = 0; j < rows().size(); ++j) {
                if (rows()[j].account.address != text) continue;
                mutableRows()[j].account.label = newLabel;
                const auto at = index(static_cast<int>(j));
                emit dataChanged(at, at, {Qt::DisplayRole, LabelRole});
            }
            emit currentChanged();
        },
        RunOptions{.busy = false});
}

quint64 AccountsModel::fundFromFaucet() {
    const std::string account = m_current.toStdString();
    m_faucetBusy = true;
    m_faucetMessage = tr("Asking the devnet faucet…");
    emit faucetChanged();
    auto finish = [this](const QString& message) {
        m_faucetBusy = false;
        m_faucetMessage = message;
        emit faucetChanged();
    };
    return run<Result<interfaces::FaucetGrant>>(
        [account](interfaces::Services& s) -> Result<interfaces::FaucetGrant> {
            CTRN_ASSIGN(auto a, chain::Address::fromHex(account));
            return s.node->fundFromFaucet(a);
        },
        [this, finish](interfaces::FaucetGrant grant) {
            const QString message = tr("Received %1 ETH and %2 CTRN from the devnet faucet.")
                                        .arg(format(grant.eth, 18), format(grant.ctrn, m_ctrnDecimals));
            finish(message);
            refreshSoon();
            return message;
        },
        // The faucet words its own outcome (faucetMessage); the page's error
        // line stays for the accounts.
        RunOptions{.busy = false, .reportError = false, .onFailure = finish});
}

} // namespace ctrn::desktop
