#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace sluice {

// A cache entry as the Cache browser's value pane shows it, from its
// description (AdminCacheEntryDescription's JSON): a response as its status
// line, headers and body (JSON and XML indented by BodyFormatter), a value
// with its type (JSON indented), or what is known of other bytes.
class CacheEntryText
{
    Q_DECLARE_TR_FUNCTIONS(CacheEntryText)

public:
    static QString describe(const QJsonObject &description);
};

} // namespace sluice
