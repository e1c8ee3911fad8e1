// set-body: replaces the body of the request (inbound, backend) or response (outbound, on-error).
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"

#include <QCoreApplication>

namespace sluice {

namespace {

class SetBodyStep final : public PolicyStep
{
public:
    SetBodyStep(const PolicyElement &e, CompiledValue body, bool onResponse)
        : PolicyStep(e.name, e.location)
        , m_body(std::move(body))
        , m_onResponse(onResponse)
    {}

    StepResult run(RequestContext &ctx) const override
    {
        const std::optional<QString> evaluated = m_body.evaluate(ctx);
        if (!evaluated)
            return StepResult::Fail;
        QByteArray body = evaluated->toUtf8();
        if (m_onResponse) {
            ctx.response.body = std::move(body);
            ctx.hasResponse = true;
        } else {
            ctx.requestBody = std::move(body);
        }
        return StepResult::Continue;
    }

private:
    CompiledValue m_body;
    bool m_onResponse;
};

} // namespace

void registerSetBodyPolicy(PolicyCompiler &compiler)
{
    compiler.add(QStringLiteral("set-body"),
                 [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
                     ctx.checkKnown(e, {u"template", u"xsi-nil", u"parse-date"});
                     if (const PolicyAttribute *t = e.attribute(u"template")) {
                         if (t->value.text.compare(QLatin1String("liquid"), Qt::CaseInsensitive) == 0) {
                             ctx.error(t->value.location,
                                       QCoreApplication::translate("PolicyCompiler",
                                                                   "set-body template=\"liquid\" is not supported yet"));
                         } else {
                             ctx.error(t->value.location,
                                       QCoreApplication::translate("PolicyCompiler", "unknown set-body template '%1'")
                                           .arg(t->value.text));
                         }
                         return nullptr;
                     }
                     if (const PolicyAttribute *nil = e.attribute(u"xsi-nil")) {
                         const QString v = nil->value.text.trimmed();
                         if (v != QLatin1String("blank") && v != QLatin1String("null")) {
                             ctx.error(nil->value.location, QCoreApplication::translate(
                                                                "PolicyCompiler", "xsi-nil must be blank or null"));
                             return nullptr;
                         }
                     }
                     auto body = ctx.value(e.text);
                     if (!body)
                         return nullptr;
                     return std::make_unique<SetBodyStep>(e, std::move(*body), ctx.actsOnResponse());
                 });
}

} // namespace sluice
