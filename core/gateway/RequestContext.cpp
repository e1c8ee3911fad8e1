#include "RequestContext.h"

#include "caching/ResponseCacheState.h"

#include "GatewayConfig.h"
#include "RequestTrace.h"

#include <QAtomicInteger>
#include <QUrl>
#include <QUuid>

namespace sluice {

namespace {

QString decodeQueryComponent(QByteArrayView encoded)
{
    QByteArray bytes = encoded.toByteArray();
    bytes.replace('+', ' ');
    return QUrl::fromPercentEncoding(bytes);
}

} // namespace

RequestContext::RequestContext(std::shared_ptr<const GatewayConfig> config, GatewayRuntime *runtime,
                               HttpExchangePtr exchange)
    : m_config(std::move(config))
    , m_runtime(runtime)
    , m_exchange(std::move(exchange))
{
    m_timer.start();
    m_timestampMs = QDateTime::currentMSecsSinceEpoch();
    const HttpRequest &request = m_exchange->request();
    method = request.method;
    requestHeaders = request.headers;
    requestBody = request.body;
    m_rawQuery = request.query;
}

RequestContext::~RequestContext() = default;

QString RequestContext::requestId() const
{
    if (m_requestId.isEmpty())
        m_requestId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return m_requestId;
}

QList<std::pair<QString, QString>> RequestContext::queryParameters() const
{
    if (!m_query) {
        QList<std::pair<QString, QString>> parsed;
        if (!m_rawQuery.isEmpty()) {
            qsizetype start = 0;
            const QByteArrayView raw(m_rawQuery);
            while (start <= raw.size()) {
                qsizetype end = raw.indexOf('&', start);
                if (end < 0)
                    end = raw.size();
                const QByteArrayView part = raw.sliced(start, end - start);
                start = end + 1;
                if (part.isEmpty())
                    continue;
                const qsizetype eq = part.indexOf('=');
                if (eq < 0)
                    parsed.append({decodeQueryComponent(part), QString()});
                else
                    parsed.append({decodeQueryComponent(part.first(eq)), decodeQueryComponent(part.sliced(eq + 1))});
            }
        }
        m_query = std::move(parsed);
    }
    return *m_query;
}

void RequestContext::setQueryParameters(QList<std::pair<QString, QString>> parameters)
{
    m_query = std::move(parameters);
    m_queryModified = true;
}

void RequestContext::setRawQuery(const QByteArray &raw)
{
    m_rawQuery = raw;
    m_query.reset();
    m_queryModified = false;
}

QByteArray RequestContext::encodedQuery() const
{
    if (!m_queryModified)
        return m_rawQuery;
    QByteArray out;
    for (const auto &[name, value] : *m_query) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(name);
        out += '=';
        out += QUrl::toPercentEncoding(value);
    }
    return out;
}

StepResult RequestContext::fail(const LastError &error)
{
    lastError = error;
    m_errorResponse.reset();
    if (lastError.section.isEmpty())
        lastError.section = policySectionName(m_section);
    if (trace)
        trace->error(lastError);
    return StepResult::Fail;
}

StepResult RequestContext::fail(const LastError &error, HttpResponse errorResponse)
{
    fail(error);
    m_errorResponse = std::move(errorResponse);
    return StepResult::Fail;
}

void RequestContext::runFinishers()
{
    std::vector<std::function<void(RequestContext &)>> work = std::move(m_finishers);
    m_finishers.clear();
    for (const auto &w : work)
        w(*this);
}

void RequestContext::runSequence(const StepList &steps, std::function<void(StepResult)> done)
{
    m_frames.push_back(Frame {&steps, 0, false, std::move(done)});
    drive();
}

void RequestContext::resume(StepResult result)
{
    if (m_frames.empty() || !m_frames.back().waiting)
        return; // the run was abandoned (client gone) or resumed twice
    Frame &frame = m_frames.back();
    frame.waiting = false;
    if (result == StepResult::Pending)
        result = StepResult::Continue;
    if (trace)
        trace->endStep(result, elapsedNs());
    if (result == StepResult::Continue)
        ++frame.next;
    else
        finishFrame(result);
    drive();
}

void RequestContext::finishFrame(StepResult result)
{
    std::function<void(StepResult)> done = std::move(m_frames.back().done);
    m_frames.pop_back();
    if (done)
        done(result);
}

// Trampoline: steps that complete synchronously never grow the C++ stack, and a
// step that resumes from inside its own run() is handled like a later resume.
void RequestContext::drive()
{
    if (m_driving)
        return;
    m_driving = true;
    const std::shared_ptr<RequestContext> self = shared_from_this();
    while (!m_frames.empty()) {
        const qsizetype depth = m_frames.size();
        Frame &frame = m_frames.back();
        if (frame.waiting)
            break;
        if (frame.next >= frame.steps->size()) {
            finishFrame(StepResult::Continue);
            continue;
        }
        const PolicyStep &step = *(*frame.steps)[frame.next];
        frame.waiting = true;
        if (trace)
            trace->beginStep(step, m_section, elapsedNs());
        const StepResult result = step.run(*this);
        if (result == StepResult::Pending)
            continue; // resumed already, waiting, or a nested sequence was pushed
        Frame &after = m_frames[depth - 1];
        if (!after.waiting)
            continue; // resumed synchronously and also returned a result: the resume wins
        after.waiting = false;
        if (trace)
            trace->endStep(result, elapsedNs());
        if (result == StepResult::Continue)
            ++after.next;
        else {
            while (m_frames.size() > depth)
                m_frames.pop_back();
            finishFrame(result);
        }
    }
    m_driving = false;
}

} // namespace sluice
