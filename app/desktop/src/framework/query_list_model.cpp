#include "query_list_model.h"

#include "app_context.h"

namespace ctrn::desktop {

void QueryListModel::setRoles(const std::vector<RoleSpec>& roles) {
    m_roleNames.clear();
    for (const auto& r : roles) m_roleNames.insert(r.role, r.name);
}

void QueryListModel::setPageSize(int size) {
    if (size < 0 || size == m_pageSize) return;
    m_pageSize = size;
    emit pageSizeChanged();
}

quint64 QueryListModel::refresh() {
    m_refreshAgain = false;
    ++m_refreshesStarted;
    return startRefresh();
}

void QueryListModel::followChainHead() {
    AppContext* context = AppContext::instance();
    if (!context) return; // tests: they refresh by hand
    connect(context, &AppContext::connectionChanged, this, [this, context] {
        if (context->connected()) refreshSoon();
    });
    // Figures change with blocks; the merge keeps the view still.
    connect(context, &AppContext::headChanged, this, [this] { refreshSoon(); });
    if (context->connected()) refresh();
}

void QueryListModel::refreshSoon() {
    if (m_refreshing) {
        m_refreshAgain = true;
        return;
    }
    refresh();
}

void QueryListModel::refreshEnded() {
    if (!m_refreshAgain) return;
    m_refreshAgain = false;
    refresh();
}

void QueryListModel::setRefreshing(bool on) {
    if (on == m_refreshing) return;
    const bool was = loading();
    m_refreshing = on;
    if (was != loading()) emit loadingChanged();
}

void QueryListModel::setPaging(bool on) {
    if (on == m_paging) return;
    const bool was = loading();
    m_paging = on;
    if (was != loading()) emit loadingChanged();
}

void QueryListModel::setLoaded(bool on) {
    if (on == m_loaded) return;
    m_loaded = on;
    emit loadingChanged();
}

} // namespace ctrn::desktop
