// Shared pieces of the core/crypto test target: the test classes' factories
// (run in turn by tst_crypto_main.cpp) and vector loading.
#pragma once

#include <core/util/json.h>

#include <QObject>
#include <QtTest>

#include <fstream>
#include <iterator>
#include <memory>
#include <string>

std::unique_ptr<QObject> makeSecp256k1Tests();
std::unique_ptr<QObject> makeBip39Tests();
std::unique_ptr<QObject> makeBip32Tests();
std::unique_ptr<QObject> makeKeystoreTests();

inline ctrn::Json loadVectors(const std::string& name) {
    std::ifstream in(std::string(CTRN_VECTORS_DIR) + "/" + name, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto json = ctrn::parseJson(text);
    if (!json) qFatal("cannot load vectors %s: %s", name.c_str(), json.error().message.c_str());
    return *json;
}

// QCOMPARE on std::string prints nothing useful; compare as QString.
#define CTRN_COMPARE_STR(actual, expected) QCOMPARE(QString::fromStdString(std::string(actual)), QString::fromStdString(std::string(expected)))
