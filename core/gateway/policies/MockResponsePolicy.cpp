// mock-response: answers at once with the given status and content type,
// without calling the backend.
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"

#include <QCoreApplication>

namespace sluice {

namespace {

class MockResponseStep final : public PolicyStep
{
public:
    MockResponseStep(const PolicyElement &e, int status, QByteArray contentType)
        : PolicyStep(e.name, e.location)
        , m_status(status)
        , m_contentType(std::move(contentType))
    {}

    StepResult run(RequestContext &ctx) const override
    {
        ctx.response = HttpResponse{};
        ctx.response.status = m_status;
        // Without API schemas there is no sample to return: an empty JSON object
        // for JSON, an empty body otherwise.
        if (m_contentType.contains("json") && m_status != 204) {
            ctx.response.headers.set("Content-Type", m_contentType);
            ctx.response.body = "{}";
        } else if (!m_contentType.isEmpty() && m_status != 204) {
            ctx.response.headers.set("Content-Type", m_contentType);
        }
        ctx.hasResponse = true;
        return StepResult::Return;
    }

private:
    int m_status;
    QByteArray m_contentType;
};

} // namespace

void registerMockResponsePolicy(PolicyCompiler &compiler)
{
    compiler.add(QStringLiteral("mock-response"),
                 [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
                     ctx.checkKnown(e, {u"status-code", u"content-type", u"index"});
                     const auto status = ctx.intAttribute(e, u"status-code", 200, 100, 599);
                     const auto contentType = ctx.literalAttribute(e, u"content-type",
                                                                   QStringLiteral("application/json"));
                     if (!status || !contentType)
                         return nullptr;
                     return std::make_unique<MockResponseStep>(e, *status, contentType->toUtf8());
                 });
}

} // namespace sluice
