#include "job_runner.h"

#include "app_context.h"
#include "async_call.h"

#include <QPointer>

namespace ctrn::desktop {
namespace {

class AppContextRunner : public JobRunner {
public:
    quint64 submit(QObject* receiver, Job job, std::function<void(const QString&)> failed, Lane lane) override {
        AppContext* context = AppContext::instance();
        if (!context) {
            // No app (a test without a runner): fail the way a dead worker would.
            QMetaObject::invokeMethod(receiver, [failed] { failed(QObject::tr("the app is not running")); }, Qt::QueuedConnection);
            return 0;
        }
        return context->submit(receiver, std::move(job), true, lane, std::move(failed));
    }
};

} // namespace

JobRunner* appJobRunner() {
    static AppContextRunner runner;
    return &runner;
}

QString errorText(const Error& error) {
    QString text = QString::fromStdString(error.message);
    if (!text.isEmpty()) text[0] = text[0].toUpper();
    return text;
}

} // namespace ctrn::desktop
