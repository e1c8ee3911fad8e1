#include "BenchWorkspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace sluice::bench {

namespace {

bool writeFile(const QString &path, const QByteArray &content, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) < 0 || !file.commit()) {
        *error = QCoreApplication::translate("Bench", "Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace

bool BenchWorkspace::write(const QString &dir, QString *error) const
{
    QDir root(dir);
    if (!root.mkpath(QStringLiteral("."))) {
        *error = QCoreApplication::translate("Bench", "Cannot create %1.").arg(dir);
        return false;
    }
    const QJsonObject operation{{QStringLiteral("id"), QStringLiteral("any")},
                                {QStringLiteral("name"), QStringLiteral("Any")},
                                {QStringLiteral("method"), method},
                                {QStringLiteral("urlTemplate"), urlTemplate}};
    const QJsonObject api{{QStringLiteral("id"), apiId},
                          {QStringLiteral("name"), QStringLiteral("Benchmark")},
                          {QStringLiteral("path"), apiPath},
                          {QStringLiteral("serviceUrl"), serviceUrl.toString()},
                          {QStringLiteral("subscriptionRequired"), false},
                          {QStringLiteral("operations"), QJsonArray{operation}}};
    const QJsonObject workspace{{QStringLiteral("name"), QStringLiteral("sluice-bench")},
                                {QStringLiteral("apis"), QJsonArray{api}}};
    if (!writeFile(root.filePath(QStringLiteral("workspace.json")), QJsonDocument(workspace).toJson(), error))
        return false;
    if (apiPolicyXml.isEmpty())
        return true;
    if (!root.mkpath(QStringLiteral("policies/apis"))) {
        *error = QCoreApplication::translate("Bench", "Cannot create %1.").arg(root.filePath(QStringLiteral("policies/apis")));
        return false;
    }
    return writeFile(root.filePath(QStringLiteral("policies/apis/%1.xml").arg(apiId)), apiPolicyXml.toUtf8(), error);
}

} // namespace sluice::bench
