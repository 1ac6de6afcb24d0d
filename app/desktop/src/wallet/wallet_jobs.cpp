#include "wallet_jobs.h"

#include "network_model.h"

#include <QFileInfo>

#include <QPointer>

namespace ctrn::desktop {
namespace {

class AppContextRunner : public JobRunner {
public:
    quint64 submit(QObject* receiver, Worker::Job job, std::function<void(const QString&)> failed) override {
        AppContext* context = AppContext::instance();
        if (!context) {
            // No app (a test without a runner): fail the way a dead worker would.
            QMetaObject::invokeMethod(receiver, [failed] { failed(QObject::tr("the app is not running")); }, Qt::QueuedConnection);
            return 0;
        }
        const quint64 id = context->submit(receiver, std::move(job));
        // AppContext reports a failed job (no connection, app closing) by id.
        auto connection = std::make_shared<QMetaObject::Connection>();
        auto finished = std::make_shared<QMetaObject::Connection>();
        QPointer<QObject> alive(receiver);
        *connection = QObject::connect(context, &AppContext::requestFailed, receiver,
                                       [id, failed, connection, finished, alive](quint64 got, const QString& error) {
                                           if (got != id) return;
                                           QObject::disconnect(*connection);
                                           QObject::disconnect(*finished);
                                           if (alive) failed(error);
                                       });
        *finished = QObject::connect(context, &AppContext::requestFinished, receiver, [id, connection, finished](quint64 got) {
            if (got != id) return;
            QObject::disconnect(*connection);
            QObject::disconnect(*finished);
        });
        return id;
    }
};

} // namespace

JobRunner* appJobRunner() {
    static AppContextRunner runner;
    return &runner;
}

QString resourcesDir() {
    QString resources = qEnvironmentVariable("CTRN_RESOURCES_DIR");
    return resources.isEmpty() ? QStringLiteral(CTRN_SOURCE_DIR "/resources") : resources;
}

std::optional<chain::Deployment> findNetworkDeployment(const QString& name) {
    QStringList candidates;
    if (name == QStringLiteral("devnet")) candidates << devnetStateDir() + QStringLiteral("/devnet.json");
    candidates << resourcesDir() + QStringLiteral("/deployments/") + name + QStringLiteral(".json");
    for (const auto& path : candidates) {
        if (!QFileInfo::exists(path)) continue;
        auto deployment = interfaces::readDeployment(name.toStdString(), path.toStdString());
        if (deployment) return *deployment;
        qWarning("%s", deployment.error().message.c_str());
        return std::nullopt;
    }
    return std::nullopt;
}

QString errorText(const Error& error) {
    QString text = QString::fromStdString(error.message);
    if (!text.isEmpty()) text[0] = text[0].toUpper();
    return text;
}

} // namespace ctrn::desktop
