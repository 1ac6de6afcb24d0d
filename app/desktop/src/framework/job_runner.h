// JobRunner: where a view model's work goes. A job runs with the
// interfaces::Services on a worker thread and returns a continuation that
// runs on the UI thread, only while its receiver still exists. In the app
// the jobs go to AppContext's workers (appJobRunner()); the model tests in
// tests/models give the view models a runner over services built on a fake
// node, so the same view-model code runs on fixtures.
//
// Two lanes, each its own thread and its own serial queue: Interactive for
// what a person waits on (a page's data, a review, a send) and Long for what
// may take minutes (the transfer scan and index sync, metadata and artifact
// downloads), so a send never waits behind a download.
#pragma once

#include <core/interfaces/services.h>

#include <QObject>
#include <QString>

#include <functional>

namespace ctrn::desktop {

enum class Lane { Interactive, Long };

class JobRunner {
public:
    using Continuation = std::function<void()>;
    using Job = std::function<Continuation(interfaces::Services&)>;

    virtual ~JobRunner() = default;
    // Queues `job` on `lane`; the request id it returns is the one the view
    // model's requestDone carries. Failures of the runner itself (not
    // connected, closing) reach `failed` on the UI thread, and then the
    // job's continuation never runs.
    virtual quint64 submit(QObject* receiver, Job job, std::function<void(const QString&)> failed, Lane lane = Lane::Interactive) = 0;
};

// The app's runner: AppContext::instance()'s workers.
JobRunner* appJobRunner();

} // namespace ctrn::desktop
