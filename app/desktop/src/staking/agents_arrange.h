// The Agents table's order and selection, apart from the model so it is a
// plain function of the rows (and fast: a sort of 1,000 rows happens on the
// UI thread, within a frame, without asking the node again). Search matches
// the name or the address (case-insensitive, "0x" optional); the filter
// keeps elected, not elected, or the agents the holder stakes with.
#pragma once

#include <core/interfaces/staking.h>

#include <QString>

#include <vector>

namespace ctrn::desktop {

struct AgentsView {
    QString sortBy = QStringLiteral("stake"); // name | stake | commission | reputation | mine | elected
    bool ascending = false;
    QString search;
    QString filter = QStringLiteral("all");   // all | elected | notElected | mine
};

bool isAgentsSortColumn(const QString& column);
bool isAgentsFilter(const QString& filter);

std::vector<interfaces::StakingAgent> arrangeAgents(const std::vector<interfaces::StakingAgent>& all, const AgentsView& view);

} // namespace ctrn::desktop
