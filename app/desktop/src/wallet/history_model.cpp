#include "history_model.h"

#include "accounts_model.h"

#include <core/interfaces/values.h>

#include <QDateTime>
#include <QUrl>

namespace ctrn::desktop {
namespace {

QString qs(const std::string& s) { return QString::fromStdString(s); }

struct Page {
    std::vector<interfaces::Transaction> rows;
    std::uint64_t total = 0;
    std::vector<interfaces::Contact> contacts; // with the first page
};

} // namespace

HistoryModel::HistoryModel(QObject* parent) : HistoryModel(appJobRunner(), AccountsModel::instance(), parent) {
    if (AppContext* context = AppContext::instance()) {
        // Statuses change as blocks arrive; the list follows when something
        // is pending. A new block may also hold a transfer to the account.
        connect(context, &AppContext::headChanged, this, [this] {
            for (const auto& t : m_rows)
                if (t.inJournal) {
                    refresh();
                    return;
                }
            scan();
        });
    }
}

HistoryModel::HistoryModel(JobRunner* runner, AccountsModel* accounts, QObject* parent)
    : QAbstractListModel(parent), m_runner(runner), m_accounts(accounts) {}

int HistoryModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(m_rows.size()); }

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

QVariant HistoryModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
    const auto& t = m_rows[static_cast<std::size_t>(index.row())];
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

QHash<int, QByteArray> HistoryModel::roleNames() const {
    return {{HashRole, "hash"},     {StatusRole, "status"}, {KindRole, "kind"}, {FromRole, "from"},     {ToRole, "to"},
            {AmountRole, "amount"}, {BlockRole, "block"},   {TimeRole, "time"}, {PendingRole, "pending"},
            {DirectionRole, "direction"}, {CounterpartyRole, "counterparty"}, {CounterpartyLabelRole, "counterpartyLabel"},
            {FoundRole, "found"}};
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
    refresh();
}

void HistoryModel::setPageSize(int size) {
    if (size < 1 || size == m_pageSize) return;
    m_pageSize = size;
    emit pageSizeChanged();
}

void HistoryModel::setLoading(bool loading) {
    if (loading == m_loading) return;
    m_loading = loading;
    emit loadingChanged();
}

void HistoryModel::setError(const QString& error) {
    if (error == m_error) return;
    m_error = error;
    emit errorChanged();
}

bool HistoryModel::canFetchMore(const QModelIndex& parent) const { return !parent.isValid() && !m_complete && !m_loading; }

void HistoryModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent)) return;
    setLoading(true);
    std::optional<interfaces::HistoryKey> after;
    if (!m_rows.empty()) after = interfaces::historyKey(m_rows.back());
    const bool first = m_rows.empty();
    const auto account = accountAddress();
    const auto limit = static_cast<std::size_t>(m_pageSize);
    const quint64 generation = m_generation;
    auto id = std::make_shared<quint64>(0);
    *id = m_runner->call<Result<Page>>(
        this,
        [account, after, limit, first](interfaces::Services& s) -> Result<Page> {
            Page page;
            CTRN_ASSIGN(page.rows, s.wallet->historyPage(account, after, limit));
            if (first) {
                CTRN_ASSIGN(page.total, s.wallet->historyCount(account));
                CTRN_ASSIGN(page.contacts, s.wallet->contacts());
            }
            return page;
        },
        [this, id, generation, first, limit](Result<Page> page) {
            if (generation != m_generation) return; // a refresh started over meanwhile
            if (!page) {
                setLoading(false);
                setError(errorText(page.error()));
                emit requestDone(*id, false, m_error);
                return;
            }
            setError({});
            if (first) {
                m_total = page->total;
                m_labels.clear();
                for (const auto& c : page->contacts) m_labels.insert(qs(c.address).toLower(), qs(c.label));
            }
            if (page->rows.size() < limit) m_complete = true;
            if (!page->rows.empty()) {
                const int at = static_cast<int>(m_rows.size());
                beginInsertRows({}, at, at + static_cast<int>(page->rows.size()) - 1);
                for (auto& t : page->rows) m_rows.push_back(std::move(t));
                endInsertRows();
            }
            // Only now: a view (or QAbstractItemModelTester) asking for more
            // while the rows go in must not start a page from the old end.
            setLoading(false);
            emit countChanged();
            emit requestDone(*id, true, {});
        },
        [this, id, generation](const QString& e) {
            if (generation != m_generation) return;
            setLoading(false);
            setError(e);
            emit requestDone(*id, false, e);
        });
}

quint64 HistoryModel::refresh() { return reload(true); }

quint64 HistoryModel::reload(bool thenScan) {
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_complete = false;
    m_loading = false;
    endResetModel();
    emit countChanged();
    fetchMore({});
    // After the page (the worker runs jobs in order): what is stored shows
    // at once, what the chain adds follows.
    if (thenScan) scan();
    return m_generation;
}

void HistoryModel::scan() {
    if (m_scanning) return;
    m_scanning = true;
    emit scanChanged();
    const QString scanned = m_account;
    m_runner->call<Result<interfaces::TransferScan>>(
        this, [account = accountAddress()](interfaces::Services& s) { return s.wallet->scanTransfers(account); },
        [this, scanned](Result<interfaces::TransferScan> r) {
            m_scanning = false;
            m_scanError = r ? QString() : tr("Incoming transfers could not be looked up: %1").arg(errorText(r.error()));
            emit scanChanged();
            // The account changed meanwhile: look for the one now shown.
            if (scanned != m_account) return scan();
            if (r && r->changed > 0) reload(false);
        },
        [this](const QString& e) {
            m_scanning = false;
            m_scanError = tr("Incoming transfers could not be looked up: %1").arg(e);
            emit scanChanged();
        });
}

QVariantMap HistoryModel::details(int row) const {
    if (row < 0 || row >= rowCount()) return {};
    const auto& t = m_rows[static_cast<std::size_t>(row)];
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
    auto id = std::make_shared<quint64>(0);
    *id = m_runner->call<Result<interfaces::SendResult>>(
        this,
        [h = hash.toStdString(), cancelIt](interfaces::Services& s) -> Result<interfaces::SendResult> {
            CTRN_ASSIGN(auto hh, chain::Hash::fromHex(h));
            return cancelIt ? s.wallet->cancel(hh) : s.wallet->speedUp(hh);
        },
        [this, id, cancelIt](Result<interfaces::SendResult> r) {
            if (!r) {
                // Replacing signs: the wallet must be unlocked (the session's Unlock).
                setError((cancelIt ? tr("Cancel failed: %1") : tr("Speed-up failed: %1")).arg(errorText(r.error())));
                emit requestDone(*id, false, m_error);
                return;
            }
            setError({});
            emit requestDone(*id, true, qs(r->hash.hex()));
            refresh();
        },
        [this, id](const QString& e) {
            setError(e);
            emit requestDone(*id, false, e);
        });
    return *id;
}

quint64 HistoryModel::speedUp(const QString& hash) { return replace(hash, false); }
quint64 HistoryModel::cancel(const QString& hash) { return replace(hash, true); }

quint64 HistoryModel::exportCsv(const QString& pathOrUrl) {
    const QUrl url(pathOrUrl);
    const QString path = url.isLocalFile() ? url.toLocalFile() : pathOrUrl;
    auto id = std::make_shared<quint64>(0);
    *id = m_runner->call<Result<std::uint64_t>>(
        this,
        [account = accountAddress(), p = path.toStdString()](interfaces::Services& s) { return s.wallet->exportHistoryCsv(account, p); },
        [this, id, path](Result<std::uint64_t> r) {
            if (!r) {
                setError(errorText(r.error()));
                emit requestDone(*id, false, m_error);
                return;
            }
            emit requestDone(*id, true, tr("%n transaction(s) written to %1", nullptr, static_cast<int>(*r)).arg(path));
        },
        [this, id](const QString& e) { emit requestDone(*id, false, e); });
    return *id;
}

} // namespace ctrn::desktop
