// trace: a message (with metadata) recorded in the request's trace and
// written to the gateway log at the policy's severity.
#include "common/RequestLog.h"
#include "gateway/GatewayRuntime.h"
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"

#include <QCoreApplication>

namespace sluice {

namespace {

class TraceStep final : public PolicyStep
{
public:
    struct Metadata
    {
        QString name;
        CompiledValue value;
    };

    TraceStep(const PolicyElement &e, QString source, QString severity, CompiledValue message,
              std::vector<Metadata> metadata)
        : PolicyStep(e.name, e.location)
        , m_source(std::move(source))
        , m_severity(std::move(severity))
        , m_message(std::move(message))
        , m_metadata(std::move(metadata))
    { }

    StepResult run(RequestContext &ctx) const override
    {
        const std::optional<QString> message = m_message.evaluate(ctx);
        if (!message)
            return StepResult::Fail;
        TraceRecord record {m_source, m_severity, *message, {}};
        for (const Metadata &m : m_metadata) {
            const std::optional<QString> value = m.value.evaluate(ctx);
            if (!value)
                return StepResult::Fail;
            record.metadata.append({m.name, *value});
        }
        if (RequestLog *log = ctx.runtime().log()) {
            const RequestLog::Level level = m_severity == QLatin1String("error") ? RequestLog::Level::Error
                : m_severity == QLatin1String("information")                     ? RequestLog::Level::Info
                                                                                 : RequestLog::Level::Debug;
            if (log->enabled(level)) {
                QString line = QStringLiteral("trace %1 %2: %3").arg(m_severity, m_source, record.message);
                for (const auto &[n, v] : record.metadata)
                    line += QStringLiteral(" %1=%2").arg(n, v);
                line += QStringLiteral(" request=%1").arg(ctx.requestId());
                log->write(level, line);
            }
        }
        ctx.traces.push_back(std::move(record));
        return StepResult::Continue;
    }

private:
    QString m_source;
    QString m_severity;
    CompiledValue m_message;
    std::vector<Metadata> m_metadata;
};

} // namespace

void registerTracePolicy(PolicyCompiler &compiler)
{
    compiler.add(
        QStringLiteral("trace"), [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
            ctx.checkKnown(e, {u"source", u"severity"}, {u"message", u"metadata"});
            std::optional<QString> source;
            if (!e.attribute(u"source"))
                ctx.requiredAttribute(e, u"source");
            else
                source = ctx.literalAttribute(e, u"source");
            std::optional<QString> severity = ctx.literalAttribute(e, u"severity", QStringLiteral("verbose"));
            if (severity && *severity != QLatin1String("verbose") && *severity != QLatin1String("information")
                && *severity != QLatin1String("error")) {
                ctx.error(e.attribute(u"severity")->value.location,
                          QCoreApplication::translate("PolicyCompiler",
                                                      "severity must be verbose, information or error, not '%1'")
                              .arg(*severity));
                severity.reset();
            }
            const auto messages = e.childrenNamed(u"message");
            std::optional<CompiledValue> message;
            if (messages.size() != 1) {
                ctx.error(e.location,
                          QCoreApplication::translate("PolicyCompiler", "'trace' needs exactly one <message> element"));
            } else {
                ctx.checkKnown(*messages.front(), {});
                message = ctx.value(messages.front()->text);
            }
            std::vector<TraceStep::Metadata> metadata;
            bool ok = true;
            for (const PolicyElement *m : e.childrenNamed(u"metadata")) {
                ctx.checkKnown(*m, {u"name", u"value"});
                const std::optional<QString> name =
                    m->attribute(u"name") ? ctx.literalAttribute(*m, u"name") : std::optional<QString>();
                if (!m->attribute(u"name"))
                    ctx.requiredAttribute(*m, u"name");
                auto value = ctx.requiredAttribute(*m, u"value");
                if (!name || !value) {
                    ok = false;
                    continue;
                }
                metadata.push_back({*name, std::move(*value)});
            }
            if (!source || !severity || !message || !ok)
                return nullptr;
            return std::make_unique<TraceStep>(e, *source, *severity, std::move(*message), std::move(metadata));
        });
}

} // namespace sluice
