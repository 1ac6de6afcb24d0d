// actionsOf(services): the one action path (interfaces::Actions) of a set
// of services.
//
// TEMPORARY, until the action-path branch (interfaces::Services::actions)
// is merged into main: the services carry no Actions yet, so this hands
// out an adapter over interfaces::Wallet (actions_adapter.cpp: "send" only,
// and, like the Wallet it wraps, it re-estimates on submit). The view
// models already code against actions.h; at the merge actionsOf becomes
// `return s.actions.get();` and the adapter goes.
#pragma once

#include <core/interfaces/actions.h>
#include <core/interfaces/services.h>

namespace ctrn::desktop {

// Null when the services have none (not connected).
interfaces::Actions* actionsOf(interfaces::Services& services);
// Before `services` are destroyed (the worker's reconnect and shutdown).
void forgetActions(interfaces::Services& services);

} // namespace ctrn::desktop
