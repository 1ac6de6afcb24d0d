// EIP-55: every published checksummed address round-trips; a flipped case is caught.
#include "unit/test_registry.h"

#include <core/encoding/eip55.h>

#include <QFile>
#include <QtTest>

using namespace ctrn;

class TestEip55 : public QObject {
    Q_OBJECT
private slots:
    void publishedAddresses() {
        QFile f(CTRN_VECTORS_DIR "/eip55_checksum_addresses.txt");
        QVERIFY(f.open(QIODevice::ReadOnly));
        int n = 0;
        while (!f.atEnd()) {
            std::string line = f.readLine().trimmed().toStdString();
            if (line.empty() || line[0] == '#') continue;
            std::string lower = line;
            for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            lower[1] = 'x';
            auto parsed = encoding::parseAddress(lower);
            QVERIFY(parsed.ok());
            QCOMPARE(encoding::toChecksumAddress(*parsed), line);
            QVERIFY(encoding::isChecksummed(line));
            ++n;
        }
        QVERIFY(n >= 8);
    }
    void wrongChecksumRejected() {
        auto r = encoding::parseAddress("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"); // first 'a' flipped
        QVERIFY(!r);
        QCOMPARE(r.error().message, std::string("invalid address: bad EIP-55 checksum"));
        QVERIFY(!encoding::parseAddress("0x1234"));
        QVERIFY(!encoding::parseAddress("5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
        QVERIFY(encoding::parseAddress("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED").ok());
    }
};

CTRN_REGISTER_TEST(TestEip55)
#include "tst_eip55.moc"
