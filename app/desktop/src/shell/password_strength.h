// PasswordStrength: a deliberately simple estimate of a password's entropy
// in bits, for the strength meter on the password fields.
//
// The estimate: each character adds log2(pool) bits, where the pool is the
// sum of the character classes the password uses (lower-case 26, upper-case
// 26, digits 10, ASCII symbols and space 33, anything else 100). A character
// that repeats the previous one, or continues a run of consecutive code
// points (abc, 321), adds only 1 bit. A password that is a well-known one
// (or one with digits appended) is capped at 10 bits. It overestimates
// dictionary words, so the threshold to accept is set high: 60 bits (e.g. 11
// random mixed-case letters and digits, or four random common words).
#pragma once

#include <QObject>
#include <QQmlEngine>
#include <QString>
#include <QVariantMap>

namespace ctrn::desktop {

struct StrengthEstimate {
    double bits = 0;
    int level = 0; // 0 very weak, 1 weak, 2 fair, 3 strong, 4 very strong
    bool acceptable = false;
};

StrengthEstimate estimatePasswordStrength(const QString& password);

class PasswordStrength : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON

public:
    static constexpr double kAcceptableBits = 60;
    using QObject::QObject;
    // {bits, level, acceptable, label} for the meter.
    Q_INVOKABLE QVariantMap evaluate(const QString& password) const;
};

} // namespace ctrn::desktop
