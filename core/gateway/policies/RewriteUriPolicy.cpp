// rewrite-uri: replaces the path (and query) sent to the backend from a template
// whose {name} placeholders take the operation's matched parameters.
#include "gateway/PolicyCompiler.h"
#include "gateway/RequestContext.h"

#include <QCoreApplication>
#include <QUrl>

namespace sluice {

namespace {

class RewriteUriStep final : public PolicyStep
{
public:
    RewriteUriStep(const PolicyElement &e, CompiledValue templateText, bool copyUnmatched)
        : PolicyStep(e.name, e.location)
        , m_template(std::move(templateText))
        , m_copyUnmatched(copyUnmatched)
    {}

    StepResult run(RequestContext &ctx) const override
    {
        const std::optional<QString> evaluated = m_template.evaluate(ctx);
        if (!evaluated)
            return StepResult::Fail;
        const QString &text = *evaluated;
        const QList<std::pair<QString, QString>> original = ctx.queryParameters();

        UrlTemplate::Parameters values = ctx.matchedParameters;
        for (const auto &[n, v] : original)
            values.append({n, v});

        QStringList used;
        const QString expanded = UrlTemplate::expand(text, values, &used);
        const qsizetype question = expanded.indexOf(QLatin1Char('?'));
        QString newPath = question < 0 ? expanded : expanded.left(question);
        if (!newPath.startsWith(QLatin1Char('/')))
            newPath.prepend(QLatin1Char('/'));

        QList<std::pair<QString, QString>> query;
        if (question >= 0) {
            const QString q = expanded.mid(question + 1);
            for (const QString &part : q.split(QLatin1Char('&'), Qt::SkipEmptyParts)) {
                const qsizetype eq = part.indexOf(QLatin1Char('='));
                const QString n = QUrl::fromPercentEncoding((eq < 0 ? part : part.left(eq)).toUtf8());
                const QString v = eq < 0 ? QString() : QUrl::fromPercentEncoding(part.mid(eq + 1).toUtf8());
                query.append({n, v});
            }
        }
        if (m_copyUnmatched) {
            for (const auto &parameter : original) {
                if (used.contains(parameter.first))
                    continue;
                const bool inTemplate = std::any_of(query.begin(), query.end(),
                                                    [&](const auto &p) { return p.first == parameter.first; });
                if (!inTemplate)
                    query.append(parameter);
            }
        }
        ctx.path = newPath;
        ctx.setQueryParameters(std::move(query));
        return StepResult::Continue;
    }

private:
    CompiledValue m_template;
    bool m_copyUnmatched;
};

} // namespace

void registerRewriteUriPolicy(PolicyCompiler &compiler)
{
    compiler.add(QStringLiteral("rewrite-uri"),
                 [](const PolicyElement &e, CompileContext &ctx) -> std::unique_ptr<PolicyStep> {
                     ctx.checkKnown(e, {u"template", u"copy-unmatched-params"});
                     auto templateText = ctx.requiredAttribute(e, u"template");
                     const auto copy = ctx.boolAttribute(e, u"copy-unmatched-params", true);
                     if (!templateText || !copy)
                         return nullptr;
                     return std::make_unique<RewriteUriStep>(e, std::move(*templateText), *copy);
                 });
}

} // namespace sluice
