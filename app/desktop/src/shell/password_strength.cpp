#include "password_strength.h"

#include <QSet>

#include <cmath>

namespace ctrn::desktop {

namespace {

// The most common passwords of the public breach lists; a password that is
// one of them (ignoring case and trailing digits) is as good as known.
const QSet<QString>& commonPasswords() {
    static const QSet<QString> set = {
        QStringLiteral("password"), QStringLiteral("passw0rd"), QStringLiteral("qwerty"), QStringLiteral("qwertyuiop"),
        QStringLiteral("letmein"), QStringLiteral("welcome"), QStringLiteral("admin"), QStringLiteral("iloveyou"),
        QStringLiteral("monkey"), QStringLiteral("dragon"), QStringLiteral("football"), QStringLiteral("baseball"),
        QStringLiteral("sunshine"), QStringLiteral("princess"), QStringLiteral("master"), QStringLiteral("shadow"),
        QStringLiteral("superman"), QStringLiteral("trustno1"), QStringLiteral("abc"), QStringLiteral("wallet"),
        QStringLiteral("bitcoin"), QStringLiteral("ethereum"), QStringLiteral("computronium"), QStringLiteral("secret"),
        QStringLiteral("asdfgh"), QStringLiteral("zxcvbn"), QStringLiteral("login"), QStringLiteral("changeme")};
    return set;
}

bool isCommon(const QString& password) {
    QString base = password.toLower();
    while (!base.isEmpty() && base.back().isDigit()) base.chop(1);
    return base.isEmpty() || commonPasswords().contains(base);
}

} // namespace

StrengthEstimate estimatePasswordStrength(const QString& password) {
    StrengthEstimate e;
    if (password.isEmpty()) return e;
    bool lower = false, upper = false, digit = false, symbol = false, other = false;
    for (const QChar c : password) {
        const auto u = c.unicode();
        if (u >= 'a' && u <= 'z') lower = true;
        else if (u >= 'A' && u <= 'Z') upper = true;
        else if (u >= '0' && u <= '9') digit = true;
        else if (u >= 0x20 && u < 0x7f) symbol = true;
        else other = true;
    }
    const int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (symbol ? 33 : 0) + (other ? 100 : 0);
    const double perChar = std::log2(static_cast<double>(pool));
    double bits = 0;
    for (qsizetype i = 0; i < password.size(); ++i) {
        const int delta = i > 0 ? password[i].unicode() - password[i - 1].unicode() : 99;
        bits += (delta == 0 || delta == 1 || delta == -1) ? 1.0 : perChar;
    }
    if (isCommon(password)) bits = std::min(bits, 10.0);
    e.bits = bits;
    e.level = bits < 28 ? 0 : bits < 45 ? 1 : bits < PasswordStrength::kAcceptableBits ? 2 : bits < 90 ? 3 : 4;
    e.acceptable = bits >= PasswordStrength::kAcceptableBits;
    return e;
}

QVariantMap PasswordStrength::evaluate(const QString& password) const {
    const auto e = estimatePasswordStrength(password);
    static const char* const labels[] = {QT_TR_NOOP("Very weak"), QT_TR_NOOP("Weak"), QT_TR_NOOP("Fair"),
                                         QT_TR_NOOP("Strong"), QT_TR_NOOP("Very strong")};
    return {{QStringLiteral("bits"), std::round(e.bits)},
            {QStringLiteral("level"), e.level},
            {QStringLiteral("acceptable"), e.acceptable},
            {QStringLiteral("label"), password.isEmpty() ? QString() : tr(labels[e.level])}};
}

} // namespace ctrn::desktop
