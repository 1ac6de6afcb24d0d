#include "checked_value.h"

#include <algorithm>

namespace ctrn::desktop {

namespace {
int severity(const QString& state) {
    if (state == QLatin1String("mismatch")) return 3;
    if (state == QLatin1String("unavailable")) return 2;
    if (state == QLatin1String("unverified")) return 1;
    return 0;
}
} // namespace

CheckedValue combineChecked(const std::vector<CheckedValue>& parts) {
    CheckedValue out;
    if (parts.empty()) return out;
    const auto worst = std::max_element(parts.begin(), parts.end(),
                                        [](const CheckedValue& a, const CheckedValue& b) { return severity(a.state) < severity(b.state); });
    out.state = worst->state;
    out.why = worst->why;
    out.node = worst->node;
    if (out.verified()) {
        qulonglong oldest = 0;
        for (const auto& p : parts) {
            const qulonglong b = p.block.toULongLong();
            if (oldest == 0 || b < oldest) oldest = b;
        }
        out.block = QString::number(oldest);
    }
    return out;
}

} // namespace ctrn::desktop
