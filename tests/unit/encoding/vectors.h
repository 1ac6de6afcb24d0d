// Loads a JSON file from tests/vectors (exact big integers, as in core).
#pragma once

#include <core/util/json.h>

#include <QFile>
#include <QtTest>

inline ctrn::Json loadVectors(const char* name) {
    QFile f(QStringLiteral(CTRN_VECTORS_DIR "/") + QString::fromUtf8(name));
    if (!f.open(QIODevice::ReadOnly)) qFatal("cannot open vector file %s", name);
    QByteArray text = f.readAll();
    auto json = ctrn::parseJson(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    if (!json) qFatal("bad vector file %s: %s", name, json.error().message.c_str());
    return *json;
}
