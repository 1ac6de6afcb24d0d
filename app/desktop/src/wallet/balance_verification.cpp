#include "balance_verification.h"

#include <core/interfaces/values.h>

namespace ctrn::desktop {
namespace {

struct Outcome {
    std::string state;
    U256 eth = 0;
    std::optional<U256> ctrn;
    std::uint64_t block = 0;
    std::string message;
};

// One proof outcome folded into `out`; false when it ends the verification
// (a mismatch or no proof: nothing is shown as a value then).
template <typename T>
bool fold(const Result<interfaces::Checked<T>>& checked, Outcome& out, T& value) {
    if (!checked) {
        out = {"unavailable", 0, std::nullopt, 0, checked.error().message};
        return false;
    }
    if (checked->isMismatch()) {
        out = {"mismatch", 0, std::nullopt, 0, checked->mismatch().describe()};
        return false;
    }
    if (checked->isUnverified()) {
        out = {"unverified", 0, std::nullopt, 0, "the node serves no proofs (eth_getProof)"};
        return false;
    }
    value = checked->verified().value();
    out.block = checked->verified().blockNumber();
    return true;
}

} // namespace

BalanceVerification::BalanceVerification(QObject* parent) : BalanceVerification(appJobRunner(), parent) {}

BalanceVerification::BalanceVerification(JobRunner* runner, QObject* parent) : QObject(parent), m_runner(runner) {}

void BalanceVerification::clear() {
    ++m_request; // an answer still on its way is dropped
    m_state.clear();
    m_address.clear();
    m_eth.clear();
    m_ctrn.clear();
    m_block.clear();
    m_message.clear();
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
    const quint64 request = m_request;
    const chain::Address account = *parsed;
    m_runner->call<Outcome>(
        this,
        [account](interfaces::Services& s) {
            Outcome out;
            if (!s.verifier) return Outcome{"unavailable", 0, std::nullopt, 0, s.verifierError};
            // Proven at the newest verified head, not the one of an earlier
            // verification: the balances the page shows are the latest.
            std::uint64_t head = 0;
            if (!fold(s.verifier->syncHead(), out, head)) return out;
            U256 eth = 0;
            if (!fold(s.verifier->balance(account), out, eth)) return out;
            const std::uint64_t ethBlock = out.block;
            U256 ctrn = 0;
            auto ctrnChecked = s.verifier->ctrnBalance(account);
            // A network without CTRN still has a verified ETH balance.
            if (!ctrnChecked && ctrnChecked.error().code == ErrorCode::NotFound) {
                out.block = ethBlock;
            } else if (!fold(ctrnChecked, out, ctrn)) {
                return out;
            } else {
                out.ctrn = ctrn;
            }
            out.state = "verified";
            out.eth = eth;
            out.block = std::min(ethBlock, out.block);
            return out;
        },
        [this, request](Outcome out) {
            if (request != m_request) return;
            m_state = QString::fromStdString(out.state);
            m_message = QString::fromStdString(out.message);
            if (out.state == "verified") {
                m_eth = QString::fromStdString(interfaces::formatAmount(out.eth, 18));
                if (out.ctrn) m_ctrn = QString::fromStdString(interfaces::formatAmount(*out.ctrn, 18));
                m_block = QString::number(out.block);
            }
            emit changed();
        },
        [this, request](const QString& error) {
            if (request != m_request) return;
            m_state = QStringLiteral("unavailable");
            m_message = error;
            emit changed();
        });
}

} // namespace ctrn::desktop
