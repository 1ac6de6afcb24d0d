// Lets several Qt Test classes share one per-layer executable (one
// test target per core layer): each file registers its class, main() runs
// them all and fails if any fails.
#pragma once

#include <QObject>

#include <functional>
#include <memory>
#include <vector>

using TestFactory = std::function<std::unique_ptr<QObject>()>;

inline std::vector<TestFactory>& testRegistry() {
    static std::vector<TestFactory> registry;
    return registry;
}

#define CTRN_REGISTER_TEST(Class)                                                           \
    namespace {                                                                             \
    const bool ctrn_registered_##Class = [] {                                               \
        testRegistry().push_back([] { return std::unique_ptr<QObject>(new Class); });       \
        return true;                                                                        \
    }();                                                                                    \
    }
