#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace sluice {

// Checks an operation URL template as workspace.json holds it: starts with '/',
// `{name}` parameters with balanced braces, names [A-Za-z_][A-Za-z0-9_-]*, each
// a whole path segment and none twice, a `*` wildcard only as the whole last
// segment (`/files/*`). A query part after '?' is not checked. Matching is the
// gateway's job (gateway/UrlTemplate); this accepts no template it rejects.
class UrlTemplateValidator
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceLoader)

public:
    struct Result
    {
        QString error;          // empty when valid
        QStringList parameters; // parameter names in order
        // The path part with parameter names erased and lower-cased, for
        // detecting two operations that match the same requests: "/items/{}".
        QString routeKey;

        bool ok() const { return error.isEmpty(); }
    };

    static Result check(const QString &urlTemplate);
    static bool isValidParameterName(QStringView name);
};

} // namespace sluice
