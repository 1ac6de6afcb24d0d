// What the wallet pages share besides the framework (framework/): where the
// resources and the network's deployment manifest are. The job runner and
// the async call the pages use live in framework/job_runner.h and
// framework/async_call.h (included here for the pages' convenience).
#pragma once

#include "app_context.h"
#include "async_call.h"
#include "job_runner.h"

#include <core/interfaces/services.h>

#include <QObject>

#include <memory>

namespace ctrn::desktop {

// $CTRN_RESOURCES_DIR, else the source tree's resources/ (ABIs, manifests,
// storage layouts).
QString resourcesDir();
// The deployment manifest of network `name` (ServicesOptions::deployment):
// the devnet's live devnet.json (devnetStateDir()), else the shipped
// resources/deployments/NAME.json; none for a network without one.
std::optional<chain::Deployment> findNetworkDeployment(const QString& name);

} // namespace ctrn::desktop
