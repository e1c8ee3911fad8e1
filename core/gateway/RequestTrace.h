#pragma once

#include "PolicyStep.h"
#include "policy/PolicyTree.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <vector>

namespace sluice {

struct HttpRequest;
struct LastError;

// What one traced request did (Ocp-Apim-Trace: true or Sluice-Trace: true,
// where the gateway allows it): every policy step that ran, with its scope,
// section, source location, duration and what it decided, the variables set,
// the backend call and the errors. Built on the request's worker thread, then
// handed, immutable, to the TraceStore. Never holds a secret: the values of
// credential headers are redacted and long values truncated.
struct RequestTrace
{
    struct Step
    {
        QString scope;    // "global", "product", "api", "operation" (or "fragment")
        QString section;  // "inbound", "backend", "outbound", "on-error"
        QString policy;   // element name, e.g. "cache-lookup"
        QString location; // "policies/apis/echo.xml:4:10"
        int depth = 0;    // 0 for a section's own steps, 1 inside choose/retry, ...
        qint64 startUs = 0;     // since the request arrived
        qint64 durationUs = -1; // -1: it did not finish (the request ended first)
        QString result;         // "continue", "return", "skip-to-outbound", "fail"
        QList<std::pair<QString, QString>> details; // e.g. {"key", ...}, {"store", "internal"}, {"outcome", "hit"}
    };
    struct Backend
    {
        QString url;
        int status = 0; // 0: no answer
        qint64 durationUs = 0;
        QString error;
    };

    RequestTrace(QString traceId, const HttpRequest &request);

    QString id;
    QByteArray method;
    QByteArray path; // without the query
    QString api;
    QString operation;
    QString subscription; // the subscription's id (never its key)
    qint64 timestampMs = 0;
    QList<std::pair<QString, QString>> requestHeaders; // credentials redacted
    std::vector<Step> steps;
    QList<std::pair<QString, QString>> variables; // name, value (truncated), in the order set
    QList<Backend> backendCalls;
    QStringList errors; // "source: reason: message"
    int status = 0;     // the status the client got
    qint64 totalUs = 0;

    // The executor's hooks: a step starts and ends (steps nest, inner ones end first).
    void beginStep(const PolicyStep &step, PolicySection section, qint64 nowNs);
    void endStep(StepResult result, qint64 nowNs);
    // A detail of the innermost step still running (else of the last step).
    void detail(const QString &name, const QString &value);
    void variable(const QString &name, const QString &value);
    void error(const LastError &error);
    void finish(int responseStatus, qint64 nowNs);

    QJsonObject toJson() const;

    // The scope a policy file belongs to, from its path in the workspace.
    static QString scopeOf(const QString &file);
    // Credential headers (Authorization, Ocp-Apim-Subscription-Key, cookies, API keys).
    static bool isSecretHeader(QByteArrayView name);
    // At most `maxChars` characters, with an ellipsis when cut.
    static QString truncated(const QString &text, qsizetype maxChars = 200);
    // Ocp-Apim-Trace: true or Sluice-Trace: true.
    static bool isRequested(const HttpRequest &request);

private:
    std::vector<size_t> m_open; // indexes of the steps still running, innermost last
};

} // namespace sluice
