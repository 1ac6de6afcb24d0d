#include "figures.h"

#include <core/interfaces/values.h>

namespace ctrn::desktop {

CheckedValue presentFigure(const interfaces::Checked<U256>& figure) {
    return presentChecked(Result<interfaces::Checked<U256>>(figure), 18);
}

QVariantMap figureMap(const CheckedValue& v) {
    return {{QStringLiteral("state"), v.state}, {QStringLiteral("figure"), v.figure}, {QStringLiteral("block"), v.block},
            {QStringLiteral("why"), v.why},     {QStringLiteral("node"), v.node},     {QStringLiteral("shown"), v.shown()}};
}

std::optional<U256> shownValue(const interfaces::Checked<U256>& figure) {
    if (figure.isVerified()) return figure.verified().value();
    if (figure.isUnverified()) return figure.unverified().unverifiedValue();
    return std::nullopt;
}

QString shortAddress(const chain::Address& address) {
    const QString full = qs(address.checksummed());
    return full.left(6) + QChar(0x2026) + full.right(4);
}

QString countdownText(std::int64_t left) {
    if (left <= 0) return QObject::tr("released");
    const std::int64_t days = left / 86400, hours = left % 86400 / 3600, minutes = left % 3600 / 60;
    if (days > 0) return QObject::tr("%1 d %2 h").arg(days).arg(hours);
    if (hours > 0) return QObject::tr("%1 h %2 min").arg(hours).arg(minutes);
    if (minutes > 0) return QObject::tr("%1 min %2 s").arg(minutes).arg(left % 60);
    return QObject::tr("%1 s").arg(left);
}

QString percentText(std::uint32_t bps) { return QString::number(bps / 100.0, 'f', 2) + QStringLiteral(" %"); }

} // namespace ctrn::desktop
