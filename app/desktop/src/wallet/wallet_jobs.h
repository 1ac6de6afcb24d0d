// How the wallet pages' view models reach core. A job runs with the
// interfaces::Services on the worker thread and returns a continuation that
// runs on the UI thread, only while the view model still exists. In the app
// the jobs go to AppContext's worker (appJobRunner); the model tests in
// tests/models give the view models a runner over services built on a fake
// node, so the same view-model code runs on fixtures.
#pragma once

#include "app_context.h"

#include <core/interfaces/services.h>

#include <QObject>

#include <memory>

namespace ctrn::desktop {

class JobRunner {
public:
    virtual ~JobRunner() = default;
    // Queues `job`; the request id it returns is the one the view model's
    // signals carry. Failures of the runner itself (not connected, closing)
    // reach `failed` on the UI thread.
    virtual quint64 submit(QObject* receiver, Worker::Job job, std::function<void(const QString&)> failed) = 0;

    // `work(Services&)` on the worker returns R; `done(R)` on the UI thread.
    template <typename R, typename Work, typename Done>
    quint64 call(QObject* receiver, Work work, Done done, std::function<void(const QString&)> failed) {
        return submit(
            receiver,
            [work = std::move(work), done = std::move(done)](interfaces::Services& s) mutable {
                auto result = std::make_shared<R>(work(s));
                return Worker::Continuation([done, result]() mutable { done(std::move(*result)); });
            },
            std::move(failed));
    }
};

// The app's runner: AppContext::instance()'s worker.
JobRunner* appJobRunner();

// $CTRN_RESOURCES_DIR, else the source tree's resources/ (ABIs, manifests,
// storage layouts).
QString resourcesDir();
// The deployment manifest of network `name` (ServicesOptions::deployment):
// the devnet's live devnet.json (devnetStateDir()), else the shipped
// resources/deployments/NAME.json; none for a network without one.
std::optional<chain::Deployment> findNetworkDeployment(const QString& name);

// The text of an error for the screen: its message, first letter capitalised.
QString errorText(const Error& error);

} // namespace ctrn::desktop
