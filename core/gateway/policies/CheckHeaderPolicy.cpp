// check-header: the request must carry a header, optionally with one of the
// listed values; otherwise the request fails (HeaderNotFound,
// HeaderValueNotAllowed) with failed-check-httpcode and APIM's error body.
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"

#include <QCoreApplication>

#include <algorithm>

namespace sluice {

namespace {

class CheckHeaderStep final : public PolicyStep
{
public:
    struct Settings
    {
        CompiledValue headerName;
        CompiledValue status;
        CompiledValue errorMessage;
        CompiledValue ignoreCase;
        std::vector<CompiledValue> values;
    };

    CheckHeaderStep(const PolicyElement &e, Settings settings)
        : PolicyStep(e.name, e.location)
        , m_s(std::move(settings))
    { }

    StepResult run(RequestContext &ctx) const override
    {
        const std::optional<QString> headerName = m_s.headerName.evaluate(ctx);
        if (!headerName)
            return StepResult::Fail;
        const std::optional<qint64> status = m_s.status.evaluateInteger(ctx, u"failed-check-httpcode");
        if (!status)
            return StepResult::Fail;
        const std::optional<QString> message = m_s.errorMessage.evaluate(ctx);
        if (!message)
            return StepResult::Fail;
        const std::optional<bool> ignoreCase = m_s.ignoreCase.evaluateBool(ctx, u"ignore-case");
        if (!ignoreCase)
            return StepResult::Fail;
        const QList<QByteArray> present = ctx.requestHeaders.values(headerName->toLatin1());
        const int code = int(std::clamp<qint64>(*status, 100, 599));
        if (present.isEmpty()) {
            return ctx.fail(
                {name(),
                 QStringLiteral("HeaderNotFound"),
                 QCoreApplication::translate("Gateway", "Header %1 was not found in the request. Access denied.")
                     .arg(*headerName),
                 {},
                 {},
                 {},
                 code},
                HttpResponse::apimError(code, *message));
        }
        if (m_s.values.empty())
            return StepResult::Continue;
        QStringList allowed;
        for (const CompiledValue &v : m_s.values) {
            const std::optional<QString> text = v.evaluate(ctx);
            if (!text)
                return StepResult::Fail;
            allowed.append(*text);
        }
        const Qt::CaseSensitivity cs = *ignoreCase ? Qt::CaseInsensitive : Qt::CaseSensitive;
        for (const QByteArray &field : present) {
            const QString value = QString::fromLatin1(field);
            if (!allowed.contains(value, cs)) {
                // The value is not echoed: it may be a credential.
                return ctx.fail(
                    {name(),
                     QStringLiteral("HeaderValueNotAllowed"),
                     QCoreApplication::translate("Gateway", "Header %1 value is not allowed. Access denied.")
                         .arg(*headerName),
                     {},
                     {},
                     {},
                     code},
                    HttpResponse::apimError(code, *message));
            }
        }
        return StepResult::Continue;
    }

private:
    Settings m_s;
};

} // namespace

void registerCheckHeaderPolicy(PolicyCompiler &compiler)
{
    compiler.add(
        QStringLiteral("check-header"), [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
            ctx.checkKnown(e, {u"name", u"failed-check-httpcode", u"failed-check-error-message", u"ignore-case"},
                           {u"value"});
            auto headerName = ctx.requiredAttribute(e, u"name");
            std::optional<CompiledValue> status;
            if (!e.attribute(u"failed-check-httpcode"))
                ctx.requiredAttribute(e, u"failed-check-httpcode");
            else
                status = ctx.integerValueAttribute(e, u"failed-check-httpcode", 401, 100, 599);
            auto message = ctx.requiredAttribute(e, u"failed-check-error-message");
            std::optional<CompiledValue> ignoreCase;
            if (!e.attribute(u"ignore-case"))
                ctx.requiredAttribute(e, u"ignore-case");
            else
                ignoreCase = ctx.boolValueAttribute(e, u"ignore-case", false);
            std::vector<CompiledValue> values;
            bool ok = true;
            for (const PolicyElement *v : e.childrenNamed(u"value")) {
                ctx.checkKnown(*v, {});
                if (auto value = ctx.value(v->text))
                    values.push_back(std::move(*value));
                else
                    ok = false;
            }
            if (!headerName || !status || !message || !ignoreCase || !ok)
                return nullptr;
            CheckHeaderStep::Settings s {std::move(*headerName), std::move(*status), std::move(*message),
                                         std::move(*ignoreCase), std::move(values)};
            return std::make_unique<CheckHeaderStep>(e, std::move(s));
        });
}

} // namespace sluice
