// The same refusal through ctrn and through interfaces::Actions, on the
// seeded devnet: core's rules are the only ones, so an agent (ctrn) and a
// person (the app, which asks interfaces::Actions) meet the same sentence.
// Only prepare() runs here, so nothing is signed and the shared devnet is
// left as it was.
#include "cli/cli_runner.h"

#include <core/interfaces/services.h>

#include <QJsonDocument>
#include <QJsonObject>

using namespace ctrn;
using namespace ctrn::interfaces;

namespace {
// An account with no CTRN and no REP on the devnet (no key is needed: only
// prepare() runs).
const char* kNobody = "0x00000000000000000000000000000000000DEaD1";
} // namespace

class TestProtocolActionsDevnet : public QObject {
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_rpc, m_manifestPath;
    QJsonObject m_contracts;
    Services m_services;

    QStringList net(QStringList args) const {
        return args << "--network" << "devnet" << "--datadir" << m_dir.filePath("ctrn") << "--dry-run";
    }
    // ctrn's refusal and core's, which must be the same sentence.
    void expectSame(const QStringList& ctrnArgs, const ActionRequest& request, const QString& startsWith) {
        auto cli = runCtrn(net(ctrnArgs));
        QCOMPARE(cli.exitCode, 1);
        auto prepared = m_services.actions->prepare(request);
        QVERIFY(!prepared);
        const QString core = QString::fromStdString(prepared.error().message);
        QVERIFY2(core.startsWith(startsWith), qPrintable(core));
        QCOMPARE(cli.err, "ctrn: " + core);
    }

private slots:
    void initTestCase() {
        m_manifestPath = qEnvironmentVariable("CTRN_DEVNET_DIR") + "/devnet.json";
        QFile f(m_manifestPath);
        QVERIFY2(f.open(QIODevice::ReadOnly), "the devnet fixture wrote no manifest");
        QJsonObject manifest = QJsonDocument::fromJson(f.readAll()).object();
        m_contracts = manifest["contracts"].toObject();
        m_rpc = manifest["rpc"].toString();
        auto deployment = readDeployment("devnet", m_manifestPath.toStdString());
        QVERIFY2(deployment, deployment ? "" : deployment.error().message.c_str());
        ServicesOptions o;
        o.dataDir = m_dir.filePath("app").toStdString();
        o.urls = {m_rpc.toStdString()};
        o.deployment = *deployment;
        auto s = makeServices(o, makeHttpTransport());
        QVERIFY2(s, s ? "" : s.error().message.c_str());
        m_services = std::move(s).value();
        QVERIFY(m_services.actions);
    }

    void stakeAboveTheUnlockedBalance() {
        expectSame({"stake", "add", kNobody, "--amount", "1", "--from", kNobody},
                   {"stake.add", kNobody, {{"agent", kNobody}, {"amount", "1"}}, {}}, "insufficient unlocked balance: 0 CTRN unlocked");
    }

    void voteOnAClosedProposal() {
        // The seed's first member proposal is executed.
        auto r = runCast({"call", m_contracts["MemberGovernor"].toString(), "proposalDetailsAt(uint256)(uint256,address[],uint256[],bytes[],bytes32)",
                          "0", "--rpc-url", m_rpc});
        QCOMPARE(r.exitCode, 0);
        const QString id = r.out.split('\n').first().split(' ').first();
        expectSame({"proposals", "vote", id, "--support", "for", "--from", kNobody},
                   {"proposal.vote", kNobody, {{"proposal", id.toStdString()}, {"support", "for"}}, {}}, "voting is closed: proposal " + id);
    }

    void sendAboveTheBalance() {
        expectSame({"send", "--to", kNobody, "--amount", "5", "--token", "CTRN", "--from", kNobody},
                   {"send", kNobody, {{"to", kNobody}, {"amount", "5"}, {"token", "CTRN"}}, {}}, "insufficient token balance: have 0");
    }
};

QTEST_GUILESS_MAIN(TestProtocolActionsDevnet)
#include "tst_protocol_actions_devnet.moc"
