// Send on the shared transaction flow, on the recorded devnet (fixtures):
// review, then confirm — the raw transaction the fixture node receives,
// decoded, is the reviewed one field by field, and confirming costs no new
// fee or gas estimate; the outcome arrives through core's Handler (no
// journal sweep) and the flow shows it mined. Changing the fee or the
// amount after review drops the review: nothing can be signed until a new
// one. A review still on its way when the amount changes is dropped. A
// wrong password signs nothing.
#include "wallet_fixture.h"

#include "accounts_model.h"
#include "actions_access.h"
#include "outcome_feed.h"
#include "send_controller.h"
#include "tx_flow.h"

#include <core/chain/transaction.h>
#include <core/interfaces/values.h>
#include <core/crypto/keccak.h>
#include <core/util/hex.h>

#include <QSignalSpy>

using namespace ctrn;
using namespace ctrn::desktop;

namespace {

const char* kAlice = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

int count(const FakeNode& node, const std::string& method) {
    return static_cast<int>(std::count(node.methods.begin(), node.methods.end(), method));
}

} // namespace

class TstSendFlow : public QObject {
    Q_OBJECT

    struct Fixture {
        QTemporaryDir dir;
        std::shared_ptr<FakeNode> node = fixture::recordedNode();
        std::vector<std::string> raws;
        std::set<std::string> mined;
        interfaces::Services services;
        std::unique_ptr<fixture::Runner> runner;
        std::unique_ptr<AccountsModel> accounts;
        std::unique_ptr<SendController> send;
        std::unique_ptr<interfaces::Handler> outcomes;

        Fixture() {
            node->handlers["eth_sendRawTransaction"] = [this](const Json& p) {
                const std::string raw = p[0].get<std::string>();
                raws.push_back(raw);
                return Json(toHex(ByteView(crypto::keccak256(*fromHex(raw)))));
            };
            node->handlers["eth_getTransactionReceipt"] = [this](const Json& p) {
                const std::string hash = p[0].get<std::string>();
                if (!mined.count(hash)) return Json(nullptr);
                return Json{{"transactionHash", hash}, {"blockNumber", "0x2b"}, {"blockHash", "0x" + std::string(64, 'b')},
                            {"status", "0x1"}, {"gasUsed", "0xc350"}, {"logs", Json::array()}};
            };
            services = fixture::services(dir, node);
            runner = std::make_unique<fixture::Runner>(services);
            // As the app's worker does: outcomes pushed by core reach the feed.
            outcomes = actionsOf(services)->handleOutcome([](const interfaces::ActionOutcome& o) { OutcomeFeed::instance()->publish(o); });
            accounts = std::make_unique<AccountsModel>(runner.get());
            accounts->setWallet(QStringLiteral("demo"));
            send = std::make_unique<SendController>(runner.get(), accounts.get());
        }
        ~Fixture() {
            send.reset();
            accounts.reset();
            outcomes.reset();
        }
        TxFlow* flow() const { return send->flow(); }
        // The CTRN transfer the page would offer: 1.5 CTRN to Alice.
        void fill() {
            send->setAsset(QStringLiteral("CTRN"));
            send->setRecipient(QString::fromLatin1(kAlice));
            send->setAmount(QStringLiteral("1.5"));
        }
    };

private slots:
    void reviewThenConfirmSignsWhatWasReviewed() {
        Fixture f;
        QVERIFY(f.runner->drain());
        f.send->loadFees();
        QVERIFY(f.runner->drain());
        f.fill();
        QVERIFY(f.send->canReview());
        f.send->review();
        QVERIFY(f.runner->drain());
        QCOMPARE(f.flow()->stage(), QStringLiteral("review"));
        const auto reviewed = *f.flow()->prepared();
        QCOMPARE(reviewed.tx.to, std::string(fixture::kToken));
        QCOMPARE(reviewed.call.function, std::string("transfer"));
        QCOMPARE(f.flow()->functionName(), QStringLiteral("transfer"));
        QVERIFY2(f.flow()->summary().contains(QStringLiteral("1.5 CTRN")), qPrintable(f.flow()->summary()));
        bool amountShown = false;
        for (const auto& a : f.flow()->arguments()) amountShown |= a.toMap().value(QStringLiteral("display")).toString() == QStringLiteral("1.5 CTRN");
        QVERIFY(amountShown);
        QCOMPARE(f.flow()->gasLimit(), QString::fromStdString(interfaces::integerText(reviewed.tx.gasLimit)));
        QVERIFY(f.flow()->maxTotalCost().startsWith(QStringLiteral("1.5 CTRN + up to ")));

        // Confirm: password, then exactly the reviewed transaction.
        const int estimates = count(*f.node, "eth_estimateGas");
        const int feeHistories = count(*f.node, "eth_feeHistory");
        f.flow()->proceed();
        QCOMPARE(f.flow()->stage(), QStringLiteral("password"));
        QSignalSpy done(f.flow(), &TxFlow::requestDone);
        f.flow()->submit(QStringLiteral("pw"));
        QVERIFY(f.runner->drain());
        QVERIFY2(done.last().at(1).toBool(), qPrintable(f.flow()->error()));
        QCOMPARE(f.flow()->stage(), QStringLiteral("pending"));
        QCOMPARE(f.raws.size(), std::size_t(1));
        auto signedTx = chain::decodeTransaction(*fromHex(f.raws[0]));
        QVERIFY(signedTx);
        const auto& tx = signedTx->tx;
        QCOMPARE(signedTx->from.checksummed(), reviewed.tx.from);
        QCOMPARE(tx.to->checksummed(), reviewed.tx.to);
        QCOMPARE(tx.value, reviewed.tx.value);
        QCOMPARE(toHex(tx.data), toHex(reviewed.tx.data));
        QCOMPARE(tx.gas, reviewed.tx.gasLimit);
        QCOMPARE(tx.maxFeePerGas, reviewed.tx.maxFeePerGas);
        QCOMPARE(tx.maxPriorityFeePerGas, reviewed.tx.maxPriorityFeePerGas);
        QCOMPARE(*tx.chainId, U256(reviewed.tx.chainId));
        QCOMPARE(f.flow()->hash(), QString::fromStdString(signedTx->hash.hex()));
        // Signing what was reviewed needs no new estimate.
        QCOMPARE(count(*f.node, "eth_estimateGas"), estimates);
        QCOMPARE(count(*f.node, "eth_feeHistory"), feeHistories);

        // Mined: core finds it on the next head and pushes the outcome.
        f.mined.insert(f.flow()->hash().toStdString());
        f.flow()->checkNow();
        QVERIFY(f.runner->drain());
        QTRY_COMPARE(f.flow()->stage(), QStringLiteral("mined"));
        QVERIFY2(f.flow()->status().contains(QStringLiteral("43")), qPrintable(f.flow()->status()));
    }

    void changedFeeOrAmountAfterReviewNeedsANewReview() {
        Fixture f;
        QVERIFY(f.runner->drain());
        f.send->loadFees();
        QVERIFY(f.runner->drain());
        f.fill();
        f.send->review();
        QVERIFY(f.runner->drain());
        QCOMPARE(f.flow()->stage(), QStringLiteral("review"));
        const auto normal = f.flow()->prepared()->tx.maxFeePerGas;

        // Another fee: the review is gone; nothing can be signed.
        f.send->setFeeLevel(QStringLiteral("fast"));
        QCOMPARE(f.flow()->stage(), QStringLiteral("edit"));
        QVERIFY(!f.flow()->prepared());
        QSignalSpy done(f.flow(), &TxFlow::requestDone);
        f.flow()->submit(QStringLiteral("pw"));
        QCOMPARE(done.last().at(1).toBool(), false);
        QVERIFY(f.raws.empty());

        // The new review is of the new fee.
        f.send->review();
        QVERIFY(f.runner->drain());
        QCOMPARE(f.flow()->stage(), QStringLiteral("review"));
        QVERIFY(f.flow()->prepared()->tx.maxFeePerGas > normal);

        // The amount too, even from the password stage.
        f.flow()->proceed();
        f.send->setAmount(QStringLiteral("2"));
        QCOMPARE(f.flow()->stage(), QStringLiteral("edit"));
        QVERIFY(!f.flow()->prepared());

        // A review still on its way when the amount changes is dropped.
        f.send->review();
        f.send->setAmount(QStringLiteral("3"));
        QVERIFY(f.runner->drain());
        QCOMPARE(f.flow()->stage(), QStringLiteral("edit"));
        QVERIFY(!f.flow()->prepared());
        QVERIFY(!f.flow()->busy());
        QVERIFY(f.raws.empty());
    }

    void wrongPasswordSignsNothing() {
        Fixture f;
        QVERIFY(f.runner->drain());
        f.fill();
        f.send->review();
        QVERIFY(f.runner->drain());
        f.flow()->proceed();
        f.flow()->submit(QStringLiteral("not the password"));
        QVERIFY(f.runner->drain());
        QCOMPARE(f.flow()->stage(), QStringLiteral("password"));
        QVERIFY2(f.flow()->error().contains(QStringLiteral("Wrong password")), qPrintable(f.flow()->error()));
        QVERIFY(f.raws.empty());
        // Refused before any job: an empty password.
        QCOMPARE(f.flow()->submit(QString()), quint64(0));
        // An amount above the balance is refused by core at review.
        f.flow()->back();
        f.flow()->back();
        f.send->setAmount(QStringLiteral("1000000"));
        f.send->review();
        QVERIFY(f.runner->drain());
        QCOMPARE(f.flow()->stage(), QStringLiteral("edit"));
        QVERIFY(!f.flow()->error().isEmpty());
    }
};

QTEST_MAIN(TstSendFlow)
#include "tst_send_flow.moc"
