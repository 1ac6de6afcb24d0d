#include "balance_verification.h"

#include "checked_value.h"

#include <core/interfaces/values.h>

namespace ctrn::desktop {
namespace {

// The proofs of one account, each worded by the framework's presenter
// (framework/checked_value.h), CTRN in the token's own decimals.
struct Outcome {
    CheckedValue head, eth, ctrn;
    bool hasCtrn = false;
    bool noVerifier = false;
    QString unavailable; // no verifier at all: why
};

} // namespace

BalanceVerification::BalanceVerification(QObject* parent) : BalanceVerification(appJobRunner(), parent) {}

BalanceVerification::BalanceVerification(JobRunner* runner, QObject* parent) : QObject(parent), m_runner(runner) {}

void BalanceVerification::clear() {
    m_generation.invalidate(); // an answer still on its way is dropped
    m_state.clear();
    m_address.clear();
    m_eth.clear();
    m_ctrn.clear();
    m_block.clear();
    m_message.clear();
    m_node.clear();
    emit changed();
}

void BalanceVerification::verify(const QString& address) {
    // Already proving this account: its answer is at a head as fresh as a
    // new one would be. Restarting would drop it, and when a proof takes
    // longer than a block (a slow node, a busy worker) the figures changing
    // every block would restart it for ever and nothing would be proven.
    if (m_state == QLatin1String("busy") && address == m_address) return;
    clear();
    m_address = address;
    auto parsed = chain::Address::fromHex(address.toStdString());
    if (!parsed) {
        m_state = QStringLiteral("unavailable");
        m_message = tr("Not an address: %1").arg(address);
        emit changed();
        return;
    }
    m_state = QStringLiteral("busy");
    emit changed();
    m_generation.begin();
    const chain::Address account = *parsed;
    asyncCall<Outcome>(
        m_runner, this,
        [account](interfaces::Services& s) {
            Outcome out;
            if (!s.verifier) {
                out.noVerifier = true;
                out.unavailable = QString::fromStdString(s.verifierError);
                return out;
            }
            // Proven at the newest verified head, not the one of an earlier
            // verification: the balances the page shows are the latest.
            out.head = presentChecked(s.verifier->syncHead());
            if (!out.head.verified()) return out;
            out.eth = presentChecked(s.verifier->balance(account), 18);
            if (!out.eth.verified()) return out;
            auto ctrnChecked = s.verifier->ctrnBalance(account);
            // A network without CTRN still has a verified ETH balance.
            if (!ctrnChecked && ctrnChecked.error().code == ErrorCode::NotFound) return out;
            auto token = s.node->ctrnToken();
            out.hasCtrn = true;
            out.ctrn = presentChecked(ctrnChecked, token ? token->decimals : 18);
            return out;
        },
        [this](quint64, Outcome out) {
            if (out.noVerifier) {
                m_state = QStringLiteral("unavailable");
                m_message = out.unavailable;
                emit changed();
                return;
            }
            std::vector<CheckedValue> parts{out.head};
            if (!out.eth.state.isEmpty()) parts.push_back(out.eth);
            if (out.hasCtrn) parts.push_back(out.ctrn);
            const CheckedValue all = combineChecked(parts);
            m_state = all.state;
            m_message = all.why;
            m_node = all.node;
            if (all.verified()) {
                m_eth = out.eth.figure;
                if (out.hasCtrn) m_ctrn = out.ctrn.figure;
                // The oldest block of the two proofs (the head's is newer).
                m_block = combineChecked(out.hasCtrn ? std::vector<CheckedValue>{out.eth, out.ctrn} : std::vector<CheckedValue>{out.eth}).block;
            } else if (m_state == QLatin1String("mismatch") && !m_node.isEmpty()) {
                // The node is named: it is the one that lied.
                m_message = m_node + QStringLiteral(": ") + m_message;
            }
            emit changed();
        },
        [this](quint64, const QString& error) {
            m_state = QStringLiteral("unavailable");
            m_message = error;
            emit changed();
        },
        CallOptions{Lane::Interactive, &m_generation});
}

} // namespace ctrn::desktop
