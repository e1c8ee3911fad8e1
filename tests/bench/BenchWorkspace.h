#pragma once

#include <QString>
#include <QUrl>

namespace sluice::bench {

// A minimal Sluice workspace for benchmarks: one API at `apiPath` forwarding to
// `serviceUrl`, one operation "any" (GET /*), no subscription required, and
// optionally an API-scope policy document (policies/apis/<apiId>.xml) for
// benchmarks of policies such as cache-lookup/cache-store.
struct BenchWorkspace
{
    QString apiId = QStringLiteral("bench");
    QString apiPath = QStringLiteral("bench");
    QUrl serviceUrl;
    QString method = QStringLiteral("GET");
    QString urlTemplate = QStringLiteral("/*");
    QString apiPolicyXml;

    // Writes <dir>/workspace.json (and the policy); false and *error on failure.
    bool write(const QString &dir, QString *error) const;
};

} // namespace sluice::bench
