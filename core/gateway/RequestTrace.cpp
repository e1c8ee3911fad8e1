#include "RequestTrace.h"

#include "RequestContext.h"
#include "http/HttpMessage.h"

#include <QDateTime>
#include <QJsonArray>

namespace sluice {

namespace {

QString resultName(StepResult result)
{
    switch (result) {
    case StepResult::Continue:
    case StepResult::Pending:
        return QStringLiteral("continue");
    case StepResult::Return:
        return QStringLiteral("return");
    case StepResult::SkipToOutbound:
        return QStringLiteral("skip-to-outbound");
    case StepResult::Fail:
        return QStringLiteral("fail");
    }
    return {};
}

bool isTrue(const QByteArray &value)
{
    return value.trimmed().compare("true", Qt::CaseInsensitive) == 0;
}

QJsonArray pairsToJson(const QList<std::pair<QString, QString>> &pairs)
{
    QJsonArray array;
    for (const auto &[name, value] : pairs)
        array.append(QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("value"), value}});
    return array;
}

} // namespace

RequestTrace::RequestTrace(QString traceId, const HttpRequest &request)
    : id(std::move(traceId))
    , method(request.method)
    , path(request.path)
    , timestampMs(QDateTime::currentMSecsSinceEpoch())
{
    for (const HttpHeaders::Field &f : request.headers.fields()) {
        const QString value = isSecretHeader(f.first) ? QStringLiteral("***")
                                                       : truncated(QString::fromLatin1(f.second));
        requestHeaders.append({QString::fromLatin1(f.first), value});
    }
}

void RequestTrace::beginStep(const PolicyStep &step, PolicySection section, qint64 nowNs)
{
    Step s;
    s.scope = scopeOf(step.location().file);
    s.section = policySectionName(section);
    s.policy = step.name();
    s.location = step.location().toString();
    s.depth = static_cast<int>(m_open.size());
    s.startUs = nowNs / 1000;
    m_open.push_back(steps.size());
    steps.push_back(std::move(s));
}

void RequestTrace::endStep(StepResult result, qint64 nowNs)
{
    if (m_open.empty())
        return;
    Step &s = steps[m_open.back()];
    m_open.pop_back();
    s.durationUs = nowNs / 1000 - s.startUs;
    s.result = resultName(result);
}

void RequestTrace::detail(const QString &name, const QString &value)
{
    if (steps.empty())
        return;
    Step &s = steps[m_open.empty() ? steps.size() - 1 : m_open.back()];
    s.details.append({name, truncated(value)});
}

void RequestTrace::variable(const QString &name, const QString &value)
{
    variables.append({name, truncated(value)});
}

void RequestTrace::error(const LastError &e)
{
    errors.append(QStringLiteral("%1: %2: %3").arg(e.source, e.reason, truncated(e.message)));
}

void RequestTrace::finish(int responseStatus, qint64 nowNs)
{
    status = responseStatus;
    totalUs = nowNs / 1000;
    m_open.clear(); // steps the request left behind keep durationUs -1
}

QJsonObject RequestTrace::toJson() const
{
    QJsonArray stepArray;
    for (const Step &s : steps) {
        QJsonObject o;
        o.insert(QStringLiteral("scope"), s.scope);
        o.insert(QStringLiteral("section"), s.section);
        o.insert(QStringLiteral("policy"), s.policy);
        o.insert(QStringLiteral("location"), s.location);
        o.insert(QStringLiteral("depth"), s.depth);
        o.insert(QStringLiteral("startUs"), s.startUs);
        o.insert(QStringLiteral("durationUs"), s.durationUs);
        o.insert(QStringLiteral("result"), s.result);
        QJsonObject details;
        for (const auto &[name, value] : s.details)
            details.insert(name, value);
        o.insert(QStringLiteral("details"), details);
        stepArray.append(o);
    }
    QJsonArray backend;
    for (const Backend &b : backendCalls) {
        backend.append(QJsonObject {{QStringLiteral("url"), b.url},
                                    {QStringLiteral("status"), b.status},
                                    {QStringLiteral("durationUs"), b.durationUs},
                                    {QStringLiteral("error"), b.error}});
    }
    QJsonObject o;
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("timestamp"),
             QDateTime::fromMSecsSinceEpoch(timestampMs, Qt::UTC).toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("method"), QString::fromLatin1(method));
    o.insert(QStringLiteral("path"), QString::fromLatin1(path));
    o.insert(QStringLiteral("api"), api);
    o.insert(QStringLiteral("operation"), operation);
    o.insert(QStringLiteral("subscription"), subscription);
    o.insert(QStringLiteral("status"), status);
    o.insert(QStringLiteral("totalUs"), totalUs);
    o.insert(QStringLiteral("requestHeaders"), pairsToJson(requestHeaders));
    o.insert(QStringLiteral("steps"), stepArray);
    o.insert(QStringLiteral("variables"), pairsToJson(variables));
    o.insert(QStringLiteral("backend"), backend);
    o.insert(QStringLiteral("errors"), QJsonArray::fromStringList(errors));
    return o;
}

QString RequestTrace::scopeOf(const QString &file)
{
    if (file == QLatin1String("policies/global.xml") || file.startsWith(QLatin1String("<default global")))
        return QStringLiteral("global");
    if (file.startsWith(QLatin1String("policies/products/")))
        return QStringLiteral("product");
    if (file.startsWith(QLatin1String("policies/apis/")))
        return file.count(QLatin1Char('/')) > 2 ? QStringLiteral("operation") : QStringLiteral("api");
    if (file.startsWith(QLatin1String("fragments/")))
        return QStringLiteral("fragment");
    return QStringLiteral("global");
}

bool RequestTrace::isSecretHeader(QByteArrayView name)
{
    static const char *const secret[] = {"authorization", "proxy-authorization", "ocp-apim-subscription-key",
                                         "cookie", "set-cookie", "x-api-key", "api-key"};
    for (const char *s : secret) {
        if (name.compare(QByteArrayView(s), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString RequestTrace::truncated(const QString &text, qsizetype maxChars)
{
    if (text.size() <= maxChars)
        return text;
    return text.left(maxChars) + QChar(0x2026);
}

bool RequestTrace::isRequested(const HttpRequest &request)
{
    return isTrue(request.headers.value("Ocp-Apim-Trace")) || isTrue(request.headers.value("Sluice-Trace"));
}

} // namespace sluice
