// Runs every core/interfaces test class; the exit status is non-zero if any fails.
#include "interfaces_tests.h"

#include <QCoreApplication>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int failures = 0;
    for (auto make : {makeInterfacesTests, makeWalletPagesTests, makeActionsTests}) {
        auto tests = make();
        failures += QTest::qExec(tests.get(), argc, argv);
    }
    return failures == 0 ? 0 : 1;
}
