#include "ExpressionHost.h"

namespace sluice {

QString ExpressionHost::headerValue(HttpMessageKind message, QStringView name, bool *found) const
{
    const QStringList values = headerValues(message, name);
    if (found)
        *found = !values.isEmpty();
    return values.join(QLatin1Char(','));
}

void ExpressionHost::bodyRead(HttpMessageKind, bool) const {}

void ExpressionHost::trace(const QString &, const QString &) const {}

} // namespace sluice
