// QueryListModel / QueryList<Row>: the base of every list a page shows
// (Accounts, History, the address book; later proposals, listings,
// models...). After Tokodon's AbstractListModel: the subclass gives a role
// table, a key per row and a query that runs on the worker; the base does
// the rest the same way for every list:
//
//  - keyset paging: the query gets the last row loaded (`after`) and a
//    limit; QML's ListView asks for more through canFetchMore/fetchMore.
//    pageSize 0 loads everything at once (short lists);
//  - refresh: the rows loaded so far are fetched again from the top and
//    merged into the model by key — rows that stay are updated in place
//    (dataChanged), new ones inserted, gone ones removed, moved ones moved —
//    so a refresh that returns the same keys neither resets nor flickers
//    (no jump back to the top, no lost selection);
//  - coalesced: refreshSoon() while a refresh runs asks for one more after
//    it, however many heads arrive meanwhile (a 1 s chain must not queue a
//    refresh per block behind a slow node);
//  - stale answers dropped: clear() (another account) and each refresh make
//    the pages still on their way stale (RequestHost slots);
//  - busy/error/requestDone and run<R>() as in ViewModel, for the list's
//    own actions (add an account, save a contact).
#pragma once

#include "requests.h"

#include <QAbstractListModel>
#include <QByteArray>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <functional>
#include <optional>
#include <utility>
#include <vector>

namespace ctrn::desktop {

class QueryListModel : public QAbstractListModel, public RequestHost {
    Q_OBJECT
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    // True once the first answer came (an empty list is then really empty).
    Q_PROPERTY(bool loaded READ loaded NOTIFY loadingChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString error READ error NOTIFY errorChanged)
    // Rows per page; 0: the whole list in one answer.
    Q_PROPERTY(int pageSize READ pageSize WRITE setPageSize NOTIFY pageSizeChanged)

public:
    struct RoleSpec {
        int role;
        QByteArray name;
    };

    QHash<int, QByteArray> roleNames() const override { return m_roleNames; }

    int count() const { return rowCount(); }
    bool loading() const { return m_refreshing || m_paging; }
    bool loaded() const { return m_loaded; }
    bool busy() const { return isBusy(); }
    QString error() const { return errorMessage(); }
    int pageSize() const { return m_pageSize; }
    void setPageSize(int size);

    // From the top again; the rows already shown stay while it runs.
    Q_INVOKABLE quint64 refresh();
    // A refresh now, or, when one is running, one more right after it.
    Q_INVOKABLE void refreshSoon();
    // How many refreshes were started (tests of the coalescing).
    int refreshesStarted() const { return m_refreshesStarted; }

signals:
    void countChanged();
    void loadingChanged();
    void busyChanged();
    void errorChanged();
    void pageSizeChanged();
    void requestDone(quint64 requestId, bool ok, const QString& message);
    // A refresh's rows are in (merged).
    void refreshed();

protected:
    // Refreshes once connected and on every new head (the section pages' lists,
    // whose figures change with blocks). Without an AppContext (tests): nothing.
    void followChainHead();
    enum Slot { RefreshSlot = 1000, PageSlot = 1001 };

    QueryListModel(JobRunner* runner, QObject* parent) : QAbstractListModel(parent), RequestHost(runner) {}

    void setRoles(const std::vector<RoleSpec>& roles);
    // Starts the subclass's query from the top (QueryList does).
    virtual quint64 startRefresh() = 0;
    // QueryList calls these around its queries.
    void setRefreshing(bool on);
    void setPaging(bool on);
    void setLoaded(bool on);
    // A refresh ended: run the one asked for meanwhile, if any.
    void refreshEnded();

    QObject* receiverObject() override { return this; }
    void busyWasChanged() override { emit busyChanged(); }
    void errorWasChanged() override { emit errorChanged(); }
    void emitRequestDone(quint64 id, bool ok, const QString& message) override { emit requestDone(id, ok, message); }

    bool m_complete = false;

private:
    QHash<int, QByteArray> m_roleNames;
    int m_pageSize = 0;
    bool m_refreshing = false;
    bool m_paging = false;
    bool m_loaded = false;
    bool m_refreshAgain = false;
    int m_refreshesStarted = 0;
};

template <typename Row>
class QueryList : public QueryListModel {
public:
    using Rows = std::vector<Row>;
    // Runs on the worker: up to `limit` rows after `after` (none: from the
    // top), in the list's order; limit 0: all of them. It must capture by
    // value whatever it needs (the account...), never the model.
    using Query = std::function<Result<Rows>(interfaces::Services&, const std::optional<Row>& after, std::size_t limit)>;

    int rowCount(const QModelIndex& parent = {}) const override { return parent.isValid() ? 0 : static_cast<int>(m_rows.size()); }
    QVariant data(const QModelIndex& index, int role) const override {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
        return value(m_rows[static_cast<std::size_t>(index.row())], role);
    }
    bool canFetchMore(const QModelIndex& parent) const override {
        return !parent.isValid() && pageSize() > 0 && loaded() && !m_complete && !loading();
    }
    void fetchMore(const QModelIndex& parent) override {
        if (!canFetchMore(parent)) return;
        setPaging(true);
        const auto limit = static_cast<std::size_t>(pageSize());
        std::optional<Row> after;
        if (!m_rows.empty()) after = m_rows.back();
        run<Result<Rows>>(
            [q = query(), after, limit](interfaces::Services& s) { return q(s, after, limit); },
            [this, limit](Rows page) {
                m_complete = page.size() < limit;
                append(std::move(page));
                // Only now: a view asking for more while the rows go in
                // must not start a page from the old end.
                setPaging(false);
            },
            RunOptions{.busy = false, .slot = PageSlot, .onFailure = [this](const QString&) { setPaging(false); }});
    }

protected:
    QueryList(JobRunner* runner, QObject* parent) : QueryListModel(runner, parent) {}

    virtual Query query() const = 0;
    // What identifies a row across refreshes (a hash, an address).
    virtual QString keyOf(const Row& row) const = 0;
    virtual QVariant value(const Row& row, int role) const = 0;
    // Equal rows need no dataChanged (default: assume changed).
    virtual bool sameRow(const Row&, const Row&) const { return false; }
    // After a refresh merged its rows (the subclass's derived state).
    virtual void rowsMerged() {}

    const Rows& rows() const { return m_rows; }
    Rows& mutableRows() { return m_rows; }

    // Forgets every row (the list now shows something else: another
    // account, another wallet); answers still on their way are dropped.
    void clear() {
        invalidateSlot(RefreshSlot);
        invalidateSlot(PageSlot);
        setRefreshing(false);
        setPaging(false);
        const bool had = !m_rows.empty();
        // Not loaded before the reset is announced: a view (or the model
        // tester) reacting to it must not fetch a page of the old list.
        setLoaded(false);
        beginResetModel();
        m_rows.clear();
        m_complete = false;
        endResetModel();
        if (had) emit countChanged();
    }

    quint64 startRefresh() override {
        // A page on its way would land after rows the merge may move.
        invalidateSlot(PageSlot);
        setPaging(false);
        setRefreshing(true);
        const std::size_t limit = pageSize() == 0 ? 0 : std::max<std::size_t>(static_cast<std::size_t>(pageSize()), m_rows.size());
        return run<Result<Rows>>(
            [q = query(), limit](interfaces::Services& s) { return q(s, std::nullopt, limit); },
            [this, limit](Rows fresh) {
                const bool complete = limit == 0 || fresh.size() < limit;
                landRefresh(std::move(fresh), complete);
                refreshEnded();
            },
            refreshOptions());
    }

    // A refresh's answer, landed: merged by key, loaded, announced. For
    // subclasses whose refresh reads more than the rows (MyStakingModel's
    // summary, AgentsModel's whole list before its arrangement).
    void landRefresh(Rows fresh, bool complete) {
        m_complete = complete;
        merge(std::move(fresh));
        setLoaded(true);
        setRefreshing(false);
        rowsMerged();
        emit refreshed();
    }
    // The run options of a refresh: the refresh slot, and a failure that
    // ends it (the error reaches the page through the runner).
    RunOptions refreshOptions() {
        return RunOptions{.busy = false, .slot = RefreshSlot, .onFailure = [this](const QString&) {
                              setRefreshing(false);
                              refreshEnded();
                          }};
    }

    // The fresh rows merged into the model by key (see the file comment).
    void merge(Rows fresh) {
        const int before = static_cast<int>(m_rows.size());
        QSet<QString> keys;
        for (const auto& r : fresh) keys.insert(keyOf(r));
        // Gone rows out, in contiguous runs from the bottom.
        for (int i = static_cast<int>(m_rows.size()) - 1; i >= 0; --i) {
            if (keys.contains(keyOf(m_rows[static_cast<std::size_t>(i)]))) continue;
            int first = i;
            while (first > 0 && !keys.contains(keyOf(m_rows[static_cast<std::size_t>(first - 1)]))) --first;
            beginRemoveRows({}, first, i);
            m_rows.erase(m_rows.begin() + first, m_rows.begin() + i + 1);
            endRemoveRows();
            i = first;
        }
        for (std::size_t i = 0; i < fresh.size(); ++i) {
            const QString key = keyOf(fresh[i]);
            if (i < m_rows.size() && keyOf(m_rows[i]) == key) {
                update(i, std::move(fresh[i]));
                continue;
            }
            std::size_t j = i + 1;
            while (j < m_rows.size() && keyOf(m_rows[j]) != key) ++j;
            if (j < m_rows.size()) {
                beginMoveRows({}, static_cast<int>(j), static_cast<int>(j), {}, static_cast<int>(i));
                Row moved = std::move(m_rows[j]);
                m_rows.erase(m_rows.begin() + static_cast<std::ptrdiff_t>(j));
                m_rows.insert(m_rows.begin() + static_cast<std::ptrdiff_t>(i), std::move(moved));
                endMoveRows();
                update(i, std::move(fresh[i]));
            } else {
                beginInsertRows({}, static_cast<int>(i), static_cast<int>(i));
                m_rows.insert(m_rows.begin() + static_cast<std::ptrdiff_t>(i), std::move(fresh[i]));
                endInsertRows();
            }
        }
        // Duplicate keys in an answer would leave extra rows behind.
        if (m_rows.size() > fresh.size()) {
            beginRemoveRows({}, static_cast<int>(fresh.size()), static_cast<int>(m_rows.size()) - 1);
            // erase, not resize: a row type need not be default-constructible.
            m_rows.erase(m_rows.begin() + static_cast<std::ptrdiff_t>(fresh.size()), m_rows.end());
            endRemoveRows();
        }
        if (static_cast<int>(m_rows.size()) != before) emit countChanged();
    }

    // Rows of a page appended (a key already shown is skipped).
    void append(Rows page) {
        QSet<QString> shown;
        for (const auto& r : m_rows) shown.insert(keyOf(r));
        Rows add;
        for (auto& r : page)
            if (!shown.contains(keyOf(r))) add.push_back(std::move(r));
        if (add.empty()) return;
        const int at = static_cast<int>(m_rows.size());
        beginInsertRows({}, at, at + static_cast<int>(add.size()) - 1);
        for (auto& r : add) m_rows.push_back(std::move(r));
        endInsertRows();
        emit countChanged();
    }

    // One row replaced in place; dataChanged unless it is the same.
    void update(std::size_t i, Row row) {
        if (sameRow(m_rows[i], row)) return;
        m_rows[i] = std::move(row);
        const auto at = index(static_cast<int>(i));
        emit dataChanged(at, at);
    }

private:
    Rows m_rows;
};

} // namespace ctrn::desktop
