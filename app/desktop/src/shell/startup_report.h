// Startup figures for tests/bench (scripts/bench-desktop): milliseconds
// from the process's start (as the kernel recorded it, so loading the
// binary and its libraries counts) and the resident set size, read from
// /proc. Header-only so the baseline program uses the very same code.
#pragma once

#include <QFile>
#include <QString>

#include <ctime>
#include <unistd.h>

namespace ctrn::desktop {

// Milliseconds since this process started (Linux; -1 elsewhere).
inline double msSinceProcessStart() {
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly)) return -1;
    const QString text = QString::fromLatin1(stat.readAll());
    // Field 22 (starttime, clock ticks after boot) counted after the
    // command name, which is in parentheses and may hold spaces.
    const auto fields = text.mid(text.lastIndexOf(QLatin1Char(')')) + 2).split(QLatin1Char(' '));
    if (fields.size() < 20) return -1;
    const double startTicks = fields[19].toDouble();
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    const double nowMs = static_cast<double>(now.tv_sec) * 1000.0 + static_cast<double>(now.tv_nsec) / 1e6;
    return nowMs - startTicks * 1000.0 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

// Resident set size in KiB (VmRSS), -1 when unknown.
inline long residentKiB() {
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) return -1;
    for (const auto& line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:")) return line.mid(6).trimmed().split(' ').front().toLong();
    return -1;
}

} // namespace ctrn::desktop
