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
};

} // namespace

HistoryModel::HistoryModel(QObject* parent) : HistoryModel(appJobRunner(), AccountsModel::instance(), parent) {
    if (AppContext* context = AppContext::instance()) {
        // Statuses change as blocks arrive; the list follows when something is pending.
        connect(context, &AppContext::headChanged, this, [this] {
            for (const auto& t : m_rows)
                if (t.inJournal) {
                    refresh();
                    return;
                }
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
    default:
        return {};
    }
}

QHash<int, QByteArray> HistoryModel::roleNames() const {
    return {{HashRole, "hash"},     {StatusRole, "status"}, {KindRole, "kind"}, {FromRole, "from"},     {ToRole, "to"},
            {AmountRole, "amount"}, {BlockRole, "block"},   {TimeRole, "time"}, {PendingRole, "pending"}};
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
    if (!m_rows.empty()) after = storage::historyKey(m_rows.back());
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
            if (first) m_total = page->total;
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

quint64 HistoryModel::refresh() {
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_complete = false;
    m_loading = false;
    endResetModel();
    emit countChanged();
    fetchMore({});
    return m_generation;
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
            {QStringLiteral("nonce"), QString::number(t.nonce)},
            {QStringLiteral("block"), t.blockNumber ? QString::number(*t.blockNumber) : QString()},
            {QStringLiteral("time"), data(at, TimeRole)},
            {QStringLiteral("replaces"), qs(t.replaces.value_or(""))},
            {QStringLiteral("pending"), t.inJournal}};
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
