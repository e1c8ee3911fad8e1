#pragma once

#include <QByteArray>

namespace sluice {

// Decimal text of a non-negative integer (negative values write 0), for the
// hot paths where QByteArray::number's general conversion shows in profiles.
// writeDecimal needs room for 20 characters at `at` and returns the end.
inline char *writeDecimal(char *at, qint64 value)
{
    char digits[20];
    int n = 0;
    quint64 v = value < 0 ? 0 : static_cast<quint64>(value);
    do {
        digits[n++] = static_cast<char>('0' + v % 10);
        v /= 10;
    } while (v != 0);
    while (n > 0)
        *at++ = digits[--n];
    return at;
}

inline void appendDecimal(QByteArray &out, qint64 value)
{
    char text[20];
    out.append(text, writeDecimal(text, value) - text);
}

} // namespace sluice
