// EIP-191 personal messages: hashes agree with `cast hash-message` (values
// recorded from cast 1.7.1; the CLI interop test re-checks them live).
#include "unit/test_registry.h"

#include <core/encoding/eip191.h>
#include <core/util/hex.h>

#include <QtTest>

using namespace ctrn;
using namespace ctrn::encoding;

class TestEip191 : public QObject {
    Q_OBJECT
private slots:
    void knownHashes() {
        QCOMPARE(toHex(personalMessageHash(asView("hello"))),
                 std::string("0x50b2c43fd39106bafbba0da34fc430e1f91e3c96ea2acee2bc34119f92b37750"));
        // The prefix carries the length in decimal: "\x19Ethereum Signed Message:\n0".
        QCOMPARE(toHex(personalMessagePreimage({})), toHex(asView("\x19" "Ethereum Signed Message:\n0")));
        Bytes hundred(100, 0xab);
        Bytes pre = personalMessagePreimage(hundred);
        QCOMPARE(pre.size(), std::size_t(26 + 3 + 100));
        QCOMPARE(std::string(pre.begin() + 26, pre.begin() + 29), std::string("100"));
    }
};

CTRN_REGISTER_TEST(TestEip191)
#include "tst_eip191.moc"
