#include "wallet_jobs.h"

#include "network_model.h"

#include <QFileInfo>

#include <QPointer>

namespace ctrn::desktop {
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


} // namespace ctrn::desktop
