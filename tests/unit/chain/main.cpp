// Runs every test class of the chain layer in one Qt Test executable.
#include <QtTest>

int runUnitsTests(int argc, char** argv);
int runTransactionTests(int argc, char** argv);
int runHeaderTests(int argc, char** argv);

int main(int argc, char** argv) {
    int failed = 0;
    failed += runUnitsTests(argc, argv);
    failed += runTransactionTests(argc, argv);
    failed += runHeaderTests(argc, argv);
    return failed;
}
