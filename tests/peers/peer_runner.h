// Runs a reference implementation (tests/peers/*.mjs, on the npm packages
// from package-lock.json) with a JSON request on stdin and returns its JSON
// answer, so core results can be compared with a real peer in the same test.
#pragma once

#include <core/util/json.h>

#include <QProcess>
#include <QtTest>

inline ctrn::Json runPeer(const char* script, const ctrn::Json& request) {
    QProcess p;
    p.start(QStringLiteral(CTRN_NODE_PATH), {QStringLiteral(CTRN_PEERS_DIR "/") + script});
    if (!p.waitForStarted(10000)) qFatal("cannot start node for %s", script);
    p.write(QByteArray::fromStdString(request.dump()));
    p.closeWriteChannel();
    p.waitForFinished(120000);
    QByteArray out = p.readAllStandardOutput();
    if (p.exitCode() != 0) qFatal("%s failed: %s", script, p.readAllStandardError().constData());
    auto parsed = ctrn::parseJson(out.toStdString());
    if (!parsed) qFatal("%s printed invalid JSON", script);
    return *parsed;
}
