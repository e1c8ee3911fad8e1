// return-response: ends the pipeline at once with a response built from its
// children (set-status, set-header, set-body), or from a response variable.
#include "expr/ContextObjects.h"
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"

#include <QCoreApplication>

namespace sluice {

namespace {

class ReturnResponseStep final : public PolicyStep
{
public:
    ReturnResponseStep(const PolicyElement &e, QString responseVariable, StepList children)
        : PolicyStep(e.name, e.location)
        , m_responseVariable(std::move(responseVariable))
        , m_children(std::move(children))
    { }

    StepResult run(RequestContext &ctx) const override
    {
        ctx.response = HttpResponse {};
        ctx.hasResponse = true;
        if (!m_responseVariable.isEmpty() && !fromVariable(ctx))
            return StepResult::Fail;
        // The children are synchronous response mutators.
        for (const auto &child : m_children) {
            const StepResult r = child->run(ctx);
            if (r == StepResult::Fail)
                return r;
        }
        return StepResult::Return;
    }

private:
    // The response kept in a variable (by send-request) as the starting point.
    bool fromVariable(RequestContext &ctx) const
    {
        const auto it = ctx.variables.constFind(m_responseVariable);
        const ResponseObject *r = nullptr;
        if (it != ctx.variables.constEnd() && it->isObject())
            r = dynamic_cast<const ResponseObject *>(it->asObject().get());
        if (!r) {
            ctx.fail(
                {name(),
                 QStringLiteral("ResponseVariableInvalid"),
                 QCoreApplication::translate("Gateway", "context variable '%1' does not hold a response (IResponse)")
                     .arg(m_responseVariable),
                 {},
                 {},
                 {},
                 500});
            return false;
        }
        ctx.response.status = r->statusCode();
        ctx.response.reason = r->statusReason().toUtf8();
        const Value headers = r->headers(*it);
        if (const auto *h =
                headers.isObject() ? dynamic_cast<const HeadersObject *>(headers.asObject().get()) : nullptr) {
            for (const QString &n : h->names()) {
                for (const QString &v : h->values(n))
                    ctx.response.headers.add(n.toLatin1(), v.toLatin1());
            }
        }
        const Value body = r->body(*it);
        if (const auto *b = body.isObject() ? dynamic_cast<const BodyObject *>(body.asObject().get()) : nullptr)
            ctx.response.body = b->bytes();
        ctx.response.headers.remove("Content-Length");
        return true;
    }

    QString m_responseVariable;
    StepList m_children;
};

} // namespace

void registerReturnResponsePolicy(PolicyCompiler &compiler)
{
    compiler.add(QStringLiteral("return-response"),
                 [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
                     ctx.checkKnown(e, {u"response-variable-name"}, {u"set-status", u"set-header", u"set-body"});
                     const std::optional<QString> variable = ctx.literalAttribute(e, u"response-variable-name");
                     if (!variable)
                         return nullptr;
                     // Children act on the response whatever section the policy is in.
                     CompileContext responseCtx(ctx.compiler(), ctx.workspace(), PolicySection::Outbound,
                                                ctx.diagnosticsSink());
                     StepList children = responseCtx.compileElements(e.children);
                     if (responseCtx.hasErrors())
                         return nullptr;
                     return std::make_unique<ReturnResponseStep>(e, variable->trimmed(), std::move(children));
                 });
}

} // namespace sluice
