#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <utility>

namespace sluice {

// What the Test console sends: built from an operation's URL template, the
// parameter values, the query and the headers. No widgets.
struct TestRequest
{
    QString method = QStringLiteral("GET");
    QString apiPath; // the API's URL suffix, e.g. "echo"
    QString urlTemplate; // the operation's, e.g. "/items/{id}"
    QList<std::pair<QString, QString>> parameters; // template parameter -> value
    QString query; // "a=1&b=2", without '?'
    QList<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    // The template's parameter names in order ("*" for a trailing wildcard).
    static QStringList templateParameters(const QString &urlTemplate);
    // The path below the gateway: "/echo/items/42".
    QString path() const;
    // `base` (the gateway's URL) with path() and the query.
    QUrl url(const QUrl &base) const;
};

} // namespace sluice
