// set-backend-service: changes the backend base URL, from base-url or a backend entity.
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"

#include <QCoreApplication>
#include <QUrl>

namespace sluice {

namespace {

class SetBackendServiceStep final : public PolicyStep
{
public:
    SetBackendServiceStep(const PolicyElement &e, CompiledValue baseUrl)
        : PolicyStep(e.name, e.location)
        , m_baseUrl(std::move(baseUrl))
    {}

    StepResult run(RequestContext &ctx) const override
    {
        const std::optional<QString> evaluated = m_baseUrl.evaluate(ctx);
        if (!evaluated)
            return StepResult::Fail;
        const QString &url = *evaluated;
        const QUrl parsed(url);
        if (!parsed.isValid()
            || (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https"))
            || parsed.host().isEmpty()) {
            return ctx.fail({name(), QStringLiteral("InvalidBackendUrl"),
                             QCoreApplication::translate("Gateway", "set-backend-service produced an invalid URL"),
                             {}, {}, {}, 500});
        }
        ctx.backendBaseUrl = url;
        return StepResult::Continue;
    }

private:
    CompiledValue m_baseUrl;
};

bool isHttpUrl(const QString &text)
{
    const QUrl url(text);
    return url.isValid() && (url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https"))
           && !url.host().isEmpty();
}

} // namespace

void registerSetBackendServicePolicy(PolicyCompiler &compiler)
{
    compiler.add(QStringLiteral("set-backend-service"),
                 [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
                     ctx.checkKnown(e, {u"base-url", u"backend-id", u"sf-resolve-condition",
                                        u"sf-service-instance-name", u"sf-partition-key", u"sf-listener-name",
                                        u"dapr-app-id", u"dapr-method", u"dapr-namespace"},
                                    {u"resolve-condition"});
                     const PolicyAttribute *baseUrl = e.attribute(u"base-url");
                     const PolicyAttribute *backendId = e.attribute(u"backend-id");
                     if (!baseUrl == !backendId) {
                         ctx.error(e.location, QCoreApplication::translate(
                                                   "PolicyCompiler",
                                                   "set-backend-service needs exactly one of 'base-url' and 'backend-id'"));
                         return nullptr;
                     }
                     for (QStringView unsupported : {u"sf-resolve-condition", u"dapr-app-id"}) {
                         if (const PolicyAttribute *a = e.attribute(unsupported)) {
                             ctx.error(a->location, QCoreApplication::translate(
                                                        "PolicyCompiler", "attribute '%1' is not supported by this gateway")
                                                        .arg(a->name));
                             return nullptr;
                         }
                     }
                     if (baseUrl) {
                         auto value = ctx.value(baseUrl->value);
                         if (!value)
                             return nullptr;
                         if (value->isConstant() && !isHttpUrl(value->literal())) {
                             ctx.error(baseUrl->value.location,
                                       QCoreApplication::translate("PolicyCompiler",
                                                                   "base-url must be an absolute http or https URL"));
                             return nullptr;
                         }
                         return std::make_unique<SetBackendServiceStep>(e, std::move(*value));
                     }
                     const auto id = ctx.literalAttribute(e, u"backend-id");
                     if (!id)
                         return nullptr;
                     const Backend *backend = ctx.workspace().backend(*id);
                     if (!backend) {
                         ctx.error(backendId->value.location,
                                   QCoreApplication::translate("PolicyCompiler", "unknown backend '%1'").arg(*id));
                         return nullptr;
                     }
                     return std::make_unique<SetBackendServiceStep>(e, CompiledValue(backend->url));
                 });
}

} // namespace sluice
