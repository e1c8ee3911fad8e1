#include "TestHost.h"

namespace sluice {

QString TestHost::matchedParameter(QStringView name, bool *found) const
{
    for (auto it = matched.cbegin(); it != matched.cend(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0) {
            *found = true;
            return it.value();
        }
    }
    *found = false;
    return {};
}

QStringList TestHost::headerValues(HttpMessageKind message, QStringView name) const
{
    const HeaderList &list = message == HttpMessageKind::Request ? requestHeaderList : responseHeaderList;
    QStringList values;
    for (const auto &h : list) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            values << h.second;
    }
    return values;
}

QStringList TestHost::headerNames(HttpMessageKind message) const
{
    const HeaderList &list = message == HttpMessageKind::Request ? requestHeaderList : responseHeaderList;
    QStringList names;
    for (const auto &h : list) {
        bool seen = false;
        for (const QString &n : names)
            seen = seen || n.compare(h.first, Qt::CaseInsensitive) == 0;
        if (!seen)
            names << h.first;
    }
    return names;
}

Value TestHost::variable(QStringView name, bool *found) const
{
    auto it = variables.constFind(name.toString());
    *found = it != variables.constEnd();
    return *found ? it.value() : Value();
}

} // namespace sluice
