// What the devnet view-model tests share: the seeded devnet's live manifest
// ($CTRN_DEVNET_DIR/devnet.json, with its checkpoint) and core's services
// built over it as the app builds them (makeServices, the storage layouts of
// resources/, the real HTTP transport), one data directory per name.
#pragma once

#include <core/interfaces/services.h>

#include <QString>
#include <QTemporaryDir>
#include <QtTest>

namespace devnet {

// The live manifest; fails the test (and returns false) without one.
inline bool deployment(ctrn::chain::Deployment& out) {
    auto d = ctrn::interfaces::readDeployment("devnet", (qEnvironmentVariable("CTRN_DEVNET_DIR") + "/devnet.json").toStdString());
    if (!d.ok()) {
        QTest::qFail(d.error().message.c_str(), __FILE__, __LINE__);
        return false;
    }
    if (!d->checkpoint) {
        QTest::qFail("the live manifest has no checkpoint", __FILE__, __LINE__);
        return false;
    }
    out = *d;
    return true;
}

// Services over the node at `url` (the devnet itself or a proxy before it).
inline ctrn::interfaces::Services services(const QTemporaryDir& dir, const ctrn::chain::Deployment& devnet, const QString& url,
                                           const QString& name) {
    ctrn::interfaces::ServicesOptions o;
    o.dataDir = dir.filePath(name).toStdString();
    o.urls = {url.toStdString()};
    o.deployment = devnet;
    o.storageLayoutDir = CTRN_SOURCE_DIR "/resources/storage-layout";
    auto s = ctrn::interfaces::makeServices(o, ctrn::interfaces::makeHttpTransport());
    if (!s) qFatal("services: %s", s.error().message.c_str());
    return std::move(*s);
}

} // namespace devnet
