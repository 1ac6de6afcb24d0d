// Runs the tst_*.qml files here (Qt Quick Test) against the Computronium
// module, with an AppContext on a temporary data directory (not connected:
// the controls and controllers tested here need no node), and, for the
// transaction review (tst_tx_review.qml), a Send view model over services
// on the recorded devnet (tests/models/fixtures) as the singleton
// `TxFixture` of the test-only module ComputroniumTest.
#include "app_context.h"
#include "accounts_model.h"
#include "actions_access.h"
#include "outcome_feed.h"
#include "send_controller.h"

#include "wallet_fixture.h"

#include <core/crypto/keccak.h>
#include <core/util/hex.h>

#include <QtQml/qqmlextensionplugin.h>
#include <QtQuickTest>
#include <QQmlEngine>
#include <QQuickStyle>
#include <QTemporaryDir>

#include <memory>

Q_IMPORT_QML_PLUGIN(ComputroniumPlugin)

// A Send page's view model on the fixture node: what TxReview.qml shows
// is a real TxFlow's state; publish() stands in for the node's outcome.
class TxFixture : public QObject {
    Q_OBJECT
    Q_PROPERTY(ctrn::desktop::SendController* send READ send CONSTANT)
public:
    TxFixture() {
        m_node->handlers["eth_sendRawTransaction"] = [](const ctrn::Json& p) {
            return ctrn::Json(ctrn::toHex(ctrn::ByteView(ctrn::crypto::keccak256(*ctrn::fromHex(p[0].get<std::string>())))));
        };
        m_services = fixture::services(m_dir, m_node);
        m_runner = std::make_unique<fixture::Runner>(m_services);
        m_accounts = std::make_unique<ctrn::desktop::AccountsModel>(m_runner.get());
        m_accounts->setWallet(QStringLiteral("demo"));
        m_send = std::make_unique<ctrn::desktop::SendController>(m_runner.get(), m_accounts.get());
        m_runner->drain();
    }
    ~TxFixture() override {
        m_send.reset();
        m_accounts.reset();
    }
    ctrn::desktop::SendController* send() const { return m_send.get(); }
    // An outcome as core would push it for `hash`.
    Q_INVOKABLE void publish(const QString& hash, const QString& status, const QString& reason) {
        ctrn::interfaces::ActionOutcome o;
        o.hash = hash.toStdString();
        o.status = status.toStdString();
        o.block = 43;
        o.reason = reason.toStdString();
        ctrn::desktop::OutcomeFeed::instance()->publish(o);
    }

private:
    QTemporaryDir m_dir;
    std::shared_ptr<FakeNode> m_node = fixture::recordedNode();
    ctrn::interfaces::Services m_services;
    std::unique_ptr<fixture::Runner> m_runner;
    std::unique_ptr<ctrn::desktop::AccountsModel> m_accounts;
    std::unique_ptr<ctrn::desktop::SendController> m_send;
};

class Setup : public QObject {
    Q_OBJECT
public slots:
    void applicationAvailable() {
        QQuickStyle::setStyle(QStringLiteral("Basic"));
        m_context = std::make_unique<ctrn::desktop::AppContext>(ctrn::desktop::LaunchOptions{m_dir.path(), {}, {}, {}, {}, {}});
        m_fixture = std::make_unique<TxFixture>();
        qmlRegisterSingletonInstance("ComputroniumTest", 1, 0, "TxFixture", m_fixture.get());
    }
    void qmlEngineAvailable(QQmlEngine* engine) { engine->addImportPath(QStringLiteral("qrc:/")); }
    void cleanupTestCase() {
        m_fixture.reset();
        m_context.reset();
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ctrn::desktop::AppContext> m_context;
    std::unique_ptr<TxFixture> m_fixture;
};

QUICK_TEST_MAIN_WITH_SETUP(desktop_qml, Setup)

#include "tst_desktop_qml.moc"
