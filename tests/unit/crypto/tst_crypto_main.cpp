// Runs every core/crypto test class; the exit status is non-zero if any fails.
#include "crypto_tests.h"

#include <QCoreApplication>

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    int failures = 0;
    for (auto make : {makeSecp256k1Tests, makeBip39Tests, makeBip32Tests, makeKeystoreTests}) {
        auto tests = make();
        failures += QTest::qExec(tests.get(), argc, argv);
    }
    return failures == 0 ? 0 : 1;
}
