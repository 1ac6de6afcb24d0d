// How the section pages word their figures: a core Checked<U256> as the
// framework's CheckedValue (verified / unverified / mismatch, CTRN in 18
// decimals), the sort key of such a figure, an address's short form, and
// the time left until an unbonding entry is released.
#pragma once

#include "checked_value.h"

#include <core/chain/address.h>
#include <core/interfaces/checked.h>
#include <core/util/uint256.h>

#include <QString>
#include <QVariantMap>

#include <cstdint>
#include <optional>

namespace ctrn::desktop {

CheckedValue presentFigure(const interfaces::Checked<U256>& figure);
// The same as QML reads it: {state, figure, block, why, node, shown} (a
// plain map: QML 6.4 reads no unregistered gadget's properties).
QVariantMap figureMap(const CheckedValue& value);
inline QVariantMap figureMap(const interfaces::Checked<U256>& figure) { return figureMap(presentFigure(figure)); }
// The figure's value when one may be shown (verified or unverified);
// nothing on a mismatch.
std::optional<U256> shownValue(const interfaces::Checked<U256>& figure);
// "0x1234…abcd".
QString shortAddress(const chain::Address& address);
// "6 d 23 h", "3 h 12 min", "45 s"; "released" at or past zero.
QString countdownText(std::int64_t secondsLeft);
// "5.00 %" from basis points.
QString percentText(std::uint32_t bps);

} // namespace ctrn::desktop
