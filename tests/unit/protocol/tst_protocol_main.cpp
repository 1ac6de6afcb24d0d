// Runs every test class of the protocol layer (see test_registry.h).
#include "unit/test_registry.h"

#include <QtTest>

int main(int argc, char** argv) {
    int failed = 0;
    for (const auto& make : testRegistry()) {
        auto test = make();
        failed += QTest::qExec(test.get(), argc, argv);
    }
    return failed == 0 ? 0 : 1;
}
