#include "history_model.h"

#include "accounts_model.h"

#include <core/interfaces/values.h>

#include <QDateTime>
#include <QUrl>

namespace ctrn::desktop {
namespace {


// What a refresh reads beside the rows.
struct Side {
    std::uint64_t total = 0;
    std::vector<interfaces::Contact> contacts;
};

} // namespace

HistoryModel::HistoryModel(QObject* parent) : HistoryModel(appJobRunner(), AccountsModel::instance(), parent) {
    if (AppContext* context = AppContext::instance()) {
        // Statuses change as blocks arrive; the list follows when something
        // is pending. A new block may also hold a transfer to the account.
        connect(context, &AppContext::headChanged, this, [this] {
            for (const auto& t : rows())
                if (t.inJournal) {
                    refreshSoon();
                    break;
                }
            scan();
        });
    }
}

HistoryModel::HistoryModel(JobRunner* runner, AccountsModel* accounts, QObject* parent)
    : QueryList<interfaces::Transaction>(runner, parent), m_accounts(accounts) {
    setPageSize(50);
    setRoles({{HashRole, "hash"},     {StatusRole, "status"}, {KindRole, "kind"}, {FromRole, "from"},     {ToRole, "to"},
              {AmountRole, "amount"}, {BlockRole, "block"},   {TimeRole, "time"}, {PendingRole, "pending"},
              {DirectionRole, "direction"}, {CounterpartyRole, "counterparty"}, {CounterpartyLabelRole, "counterpartyLabel"},
              {FoundRole, "found"}});
}

HistoryModel::Query HistoryModel::query() const {
    return [account = accountAddress()](interfaces::Services& s, const std::optional<interfaces::Transaction>& after,
                                        std::size_t limit) -> Result<Rows> {
        std::optional<interfaces::HistoryKey> key;
        if (after) key = interfaces::historyKey(*after);
        return s.wallet->historyPage(account, key, limit == 0 ? 1'000'000 : limit);
    };
}

// A found transfer shares its transaction's hash with the other logs of
// that transaction: the log index tells them apart.
QString HistoryModel::keyOf(const interfaces::Transaction& t) const {
    return t.logIndex ? qs(t.hash) + u':' + QString::number(*t.logIndex) : qs(t.hash);
}

bool HistoryModel::sameRow(const interfaces::Transaction& a, const interfaces::Transaction& b) const {
    return a.hash == b.hash && a.status == b.status && a.blockNumber == b.blockNumber && a.inJournal == b.inJournal &&
           a.kind == b.kind && a.createdAt == b.createdAt && a.logIndex == b.logIndex;
}

quint64 HistoryModel::startRefresh() {
    // The count and the labels, beside the rows (same lane, so in order).
    run<Result<Side>>(
        [account = accountAddress()](interfaces::Services& s) -> Result<Side> {
            Side side;
            CTRN_ASSIGN(side.total, s.wallet->historyCount(account));
            CTRN_ASSIGN(side.contacts, s.wallet->contacts());
            return side;
        },
        [this](Side side) {
            m_total = side.total;
            m_labels.clear();
            for (const auto& c : side.contacts) m_labels.insert(qs(c.address).toLower(), qs(c.label));
            emit totalChanged();
        },
        RunOptions{.busy = false, .reportError = false, .slot = SideSlot});
    return QueryList<interfaces::Transaction>::startRefresh();
}

QString HistoryModel::amountText(const interfaces::Transaction& t) const {
    if (t.token && t.tokenAmount) {
        auto units = interfaces::parseInteger(*t.tokenAmount);
        const bool ctrn = m_accounts && QString::compare(qs(*t.token), m_accounts->ctrnAddress(), Qt::CaseInsensitive) == 0;
        const unsigned decimals = ctrn ? m_accounts->ctrnDecimals() : 18;
        const QString symbol = ctrn ? QStringLiteral("CTRN") : tr("tokens");
        return units ? qs(interfaces::formatAmount(*units, decimals)) + u' ' + symbol : qs(*t.tokenAmount);
    }
    auto wei = interfaces::parseInteger(t.value);
    return wei ? qs(interfaces::formatAmount(*wei, 18)) + QStringLiteral(" ETH") : qs(t.value);
}

QString HistoryModel::direction(const interfaces::Transaction& t) const {
    if (t.logIndex) return t.kind == "received" ? QStringLiteral("in") : t.kind == "self" ? QStringLiteral("self") : QStringLiteral("out");
    // One of the wallet's own sends: out, unless seen from its recipient.
    if (m_account.isEmpty()) return QStringLiteral("out");
    const bool from = QString::compare(qs(t.from), m_account, Qt::CaseInsensitive) == 0;
    const bool to = t.to && QString::compare(qs(*t.to), m_account, Qt::CaseInsensitive) == 0;
    return from && to ? QStringLiteral("self") : to ? QStringLiteral("in") : QStringLiteral("out");
}

QString HistoryModel::counterparty(const interfaces::Transaction& t) const {
    const QString dir = direction(t);
    if (dir == QLatin1String("in")) return qs(t.from);
    if (dir == QLatin1String("self")) return qs(t.from);
    return qs(t.to.value_or(""));
}

QString HistoryModel::labelFor(const QString& address) const {
    if (address.isEmpty()) return {};
    if (auto it = m_labels.find(address.toLower()); it != m_labels.end()) return *it;
    // The wallet's own accounts by their labels.
    if (m_accounts)
        for (int i = 0; i < m_accounts->rowCount(); ++i) {
            const auto at = m_accounts->index(i);
            if (QString::compare(m_accounts->data(at, AccountsModel::AddressRole).toString(), address, Qt::CaseInsensitive) == 0)
                return m_accounts->data(at, AccountsModel::LabelRole).toString();
        }
    return {};
}

QVariant HistoryModel::value(const interfaces::Transaction& t, int role) const {
    switch (role) {
    case Qt::DisplayRole:
    case HashRole:
        return qs(t.hash);
    case StatusRole:
        return qs(t.status);
    case KindRole:
        return qs(t.kind);
    case FromRole:
        return qs(t.from);
    case ToRole:
        return qs(t.to.value_or(""));
    case AmountRole:
        return amountText(t);
    case BlockRole:
        return t.blockNumber ? QVariant(static_cast<qlonglong>(*t.blockNumber)) : QVariant();
    case TimeRole:
        return QDateTime::fromSecsSinceEpoch(t.createdAt).toString(QStringLiteral("yyyy-MM-dd HH:mm"));
    case PendingRole:
        return t.inJournal;
    case DirectionRole:
        return direction(t);
    case CounterpartyRole:
        return counterparty(t);
    case CounterpartyLabelRole:
        return labelFor(counterparty(t));
    case FoundRole:
        return t.logIndex.has_value();
    default:
        return {};
    }
}

std::optional<chain::Address> HistoryModel::accountAddress() const {
    if (m_account.isEmpty()) return std::nullopt;
    auto a = chain::Address::fromHex(m_account.toStdString());
    if (!a) return std::nullopt;
    return *a;
}

void HistoryModel::setAccount(const QString& account) {
    if (account == m_account) return;
    m_account = account;
    emit accountChanged();
    // Another account's rows: pages of the last one still on their way are dropped.
    clear();
    refresh();
    // After the first page (the lanes differ, but the page is quick): what
    // is stored shows at once, what the chain adds follows.
    scan();
}

void HistoryModel::scan() {
    if (m_scanning) return;
    m_scanning = true;
    emit scanChanged();
    const QString scanned = m_account;
    run<Result<interfaces::TransferScan>>(
        [account = accountAddress()](interfaces::Services& s) { return s.wallet->scanTransfers(account); },
        [this, scanned](interfaces::TransferScan found) {
            m_scanning = false;
            m_scanError.clear();
            emit scanChanged();
            // The account changed meanwhile: look for the one now shown.
            if (scanned != m_account) return scan();
            if (found.changed > 0) refreshSoon();
        },
        RunOptions{.busy = false, .reportError = false, .lane = Lane::Long, .onFailure = [this](const QString& e) {
                       m_scanning = false;
                       m_scanError = tr("Incoming transfers could not be looked up: %1").arg(e);
                       emit scanChanged();
                   }});
}

QVariantMap HistoryModel::details(int row) const {
    if (row < 0 || row >= rowCount()) return {};
    const auto& t = rows()[static_cast<std::size_t>(row)];
    const auto at = index(row);
    return {{QStringLiteral("hash"), qs(t.hash)},
            {QStringLiteral("status"), qs(t.status)},
            {QStringLiteral("kind"), qs(t.kind)},
            {QStringLiteral("from"), qs(t.from)},
            {QStringLiteral("to"), qs(t.to.value_or(""))},
            {QStringLiteral("amount"), amountText(t)},
            {QStringLiteral("token"), qs(t.token.value_or(""))},
            {QStringLiteral("nonce"), t.logIndex ? QString() : QString::number(t.nonce)},
            {QStringLiteral("block"), t.blockNumber ? QString::number(*t.blockNumber) : QString()},
            {QStringLiteral("time"), data(at, TimeRole)},
            {QStringLiteral("replaces"), qs(t.replaces.value_or(""))},
            {QStringLiteral("pending"), t.inJournal},
            {QStringLiteral("direction"), direction(t)},
            {QStringLiteral("counterparty"), counterparty(t)},
            {QStringLiteral("counterpartyLabel"), labelFor(counterparty(t))},
            {QStringLiteral("logIndex"), t.logIndex ? QString::number(*t.logIndex) : QString()},
            {QStringLiteral("found"), t.logIndex.has_value()}};
}

quint64 HistoryModel::replace(const QString& hash, bool cancelIt) {
    return run<Result<interfaces::SendResult>>(
        [h = hash.toStdString(), cancelIt](interfaces::Services& s) -> Result<interfaces::SendResult> {
            CTRN_ASSIGN(auto hh, chain::Hash::fromHex(h));
            return cancelIt ? s.wallet->cancel(hh) : s.wallet->speedUp(hh);
        },
        [this](interfaces::SendResult r) {
            refreshSoon();
            return qs(r.hash.hex());
        },
        // Replacing signs: the wallet must be unlocked (the session's Unlock).
        RunOptions{.busy = false, .describe = [cancelIt](const Error& e) {
                       return (cancelIt ? tr("Cancel failed: %1") : tr("Speed-up failed: %1")).arg(errorText(e));
                   }});
}

quint64 HistoryModel::speedUp(const QString& hash) { return replace(hash, false); }
quint64 HistoryModel::cancel(const QString& hash) { return replace(hash, true); }

quint64 HistoryModel::exportCsv(const QString& pathOrUrl) {
    const QUrl url(pathOrUrl);
    const QString path = url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
    return run<Result<std::uint64_t>>(
        [account = accountAddress(), p = path.toStdString()](interfaces::Services& s) { return s.wallet->exportHistoryCsv(account, p); },
        [path](std::uint64_t written) { return tr("%n transaction(s) written to %1", nullptr, static_cast<int>(written)).arg(path); },
        RunOptions{.busy = false});
}

} // namespace ctrn::desktop
