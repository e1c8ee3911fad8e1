#pragma once

#include <QByteArray>
#include <QString>

namespace sluice {

// A response body as the Test console shows it: JSON and XML indented, other
// text as it is.
class BodyFormatter
{
public:
    static QString pretty(const QByteArray &contentType, const QByteArray &body);
};

} // namespace sluice
