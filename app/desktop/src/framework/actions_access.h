// actionsOf(services): the one action path (interfaces::Actions) of a set
// of services, or null when there are none (not connected). One place that
// reaches Services::actions, so the framework's callers do not each test it.
#pragma once

#include <core/interfaces/actions.h>
#include <core/interfaces/services.h>

namespace ctrn::desktop {

inline interfaces::Actions* actionsOf(interfaces::Services& services) { return services.actions.get(); }

} // namespace ctrn::desktop
