// CheckedValue: how a figure the light client checked reads on screen. The
// light client answers in three states (DESIGN.md "Light-client verifier"),
// and every page words them the same way:
//   verified   — the figure, and the block it was proven at;
//   unverified — the node's figure, marked unproven, and why (no proofs);
//   mismatch   — no figure at all (a lying node's number is never shown),
//                what failed, and which node said it;
//   unavailable — no figure, why (no checkpoint, the node unreachable).
// presentChecked() folds a core answer (Result<Checked<T>>) into one, with
// the amount formatted in its token's decimals. QML reads the properties
// (VerificationNote words them); it decides nothing.
#pragma once

#include "async_call.h"

#include <core/interfaces/values.h>

#include <QMetaType>
#include <QObject>
#include <QString>

#include <string>
#include <type_traits>

namespace ctrn::desktop {

class CheckedValue {
    Q_GADGET
    Q_PROPERTY(QString state MEMBER state)   // "", "verified", "unverified", "mismatch", "unavailable"
    Q_PROPERTY(QString figure MEMBER figure) // formatted; empty on mismatch and unavailable
    Q_PROPERTY(QString block MEMBER block)   // the block proven at (verified)
    Q_PROPERTY(QString why MEMBER why)       // unverified/mismatch/unavailable: the reason
    Q_PROPERTY(QString node MEMBER node)     // mismatch: the node that contradicted its proof
    Q_PROPERTY(bool shown READ shown)        // whether a figure may be shown at all

public:
    QString state, figure, block, why, node;
    bool shown() const { return state == QLatin1String("verified") || state == QLatin1String("unverified"); }
    bool verified() const { return state == QLatin1String("verified"); }
    bool operator==(const CheckedValue&) const = default;
};

namespace detail {
inline QString figureText(const U256& amount, unsigned decimals) {
    return QString::fromStdString(interfaces::formatAmount(amount, decimals));
}
inline QString figureText(std::uint64_t number, unsigned) { return QString::number(number); }
} // namespace detail

// One checked answer, worded. `decimals` for amounts (18 for ETH, the
// token's own for a token); ignored for plain numbers.
template <typename CheckedT>
CheckedValue presentChecked(const Result<CheckedT>& checked, unsigned decimals = 18) {
    CheckedValue out;
    if (!checked) {
        out.state = QStringLiteral("unavailable");
        out.why = errorText(checked.error());
        return out;
    }
    if (checked->isMismatch()) {
        const auto& m = checked->mismatch();
        out.state = QStringLiteral("mismatch");
        out.why = QString::fromStdString(m.message);
        out.node = QString::fromStdString(m.endpoint);
        return out;
    }
    if (checked->isUnverified()) {
        out.state = QStringLiteral("unverified");
        out.figure = detail::figureText(checked->unverified().unverifiedValue(), decimals);
        const std::string& why = checked->unverified().why();
        out.why = why.empty() ? QObject::tr("the node serves no proofs (eth_getProof)") : QString::fromStdString(why);
        return out;
    }
    out.state = QStringLiteral("verified");
    out.figure = detail::figureText(checked->verified().value(), decimals);
    out.block = QString::number(checked->verified().blockNumber());
    return out;
}

// Several answers about one thing (ETH and CTRN of an account) as one
// state: the worst of them (mismatch > unavailable > unverified > verified),
// at the oldest block proven.
CheckedValue combineChecked(const std::vector<CheckedValue>& parts);

} // namespace ctrn::desktop

Q_DECLARE_METATYPE(ctrn::desktop::CheckedValue)
