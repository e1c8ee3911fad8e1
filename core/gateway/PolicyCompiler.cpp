#include "PolicyCompiler.h"

#include "expr/ExpressionCompiler.h"

#include <QCoreApplication>

namespace sluice {

const PolicyCompiler &PolicyCompiler::builtin()
{
    static const PolicyCompiler compiler = [] {
        PolicyCompiler c;
        registerForwardRequestPolicy(c);
        registerSetBackendServicePolicy(c);
        registerRewriteUriPolicy(c);
        registerSetHeaderPolicy(c);
        registerSetQueryParameterPolicy(c);
        registerSetBodyPolicy(c);
        registerSetStatusPolicy(c);
        registerReturnResponsePolicy(c);
        registerMockResponsePolicy(c);
        registerCacheLookupPolicy(c);
        registerCacheStorePolicy(c);
        registerCacheLookupValuePolicy(c);
        registerCacheStoreValuePolicy(c);
        registerCacheRemoveValuePolicy(c);
        registerChoosePolicy(c);
        registerSetVariablePolicy(c);
        registerSetMethodPolicy(c);
        registerFindAndReplacePolicy(c);
        registerCheckHeaderPolicy(c);
        registerTracePolicy(c);
        registerRetryPolicy(c);
        registerWaitPolicy(c);
        registerSendRequestPolicy(c);
        registerSendOneWayRequestPolicy(c);
        registerRateLimitPolicy(c);
        registerRateLimitByKeyPolicy(c);
        registerQuotaPolicy(c);
        registerQuotaByKeyPolicy(c);
        registerCorsPolicy(c);
        return c;
    }();
    return compiler;
}

void PolicyCompiler::add(const QString &policyName, Factory factory)
{
    m_factories.insert(policyName, std::move(factory));
}

QStringList PolicyCompiler::implementedPolicies() const
{
    QStringList names = m_factories.keys();
    names.sort();
    return names;
}

std::unique_ptr<PolicyStep> PolicyCompiler::compile(const PolicyElement &element, CompileContext &ctx) const
{
    const auto it = m_factories.constFind(element.name);
    if (it == m_factories.constEnd()) {
        ctx.error(element.location,
                  QCoreApplication::translate("PolicyCompiler", "policy '%1' is not implemented by this gateway")
                      .arg(element.name));
        return nullptr;
    }
    return (*it)(element, ctx);
}

// ---- CompileContext

void CompileContext::error(const SourceLocation &location, const QString &message)
{
    m_diagnostics.append(Diagnostic::error(location, message));
    ++m_errorCount;
}

void CompileContext::warning(const SourceLocation &location, const QString &message)
{
    m_diagnostics.append(Diagnostic::warning(location, message));
}

std::optional<CompiledValue> CompileContext::value(const PolicyValue &value)
{
    if (!value.isExpression)
        return CompiledValue(value.text);
    ExpressionEnvironment environment;
    environment.responseAvailable = actsOnResponse();
    CompileResult compiled = ExpressionCompiler::compile(value.text, value.location, environment);
    for (const Diagnostic &d : compiled.diagnostics) {
        m_diagnostics.append(d);
        if (d.severity == Diagnostic::Severity::Error)
            ++m_errorCount;
    }
    if (!compiled.ok())
        return std::nullopt;
    return CompiledValue(std::move(compiled.expression), value.location);
}

std::optional<CompiledValue> CompileContext::attribute(const PolicyElement &element, QStringView name,
                                                       const QString &fallback)
{
    const PolicyAttribute *a = element.attribute(name);
    if (!a)
        return CompiledValue(fallback);
    return value(a->value);
}

std::optional<CompiledValue> CompileContext::requiredAttribute(const PolicyElement &element, QStringView name)
{
    const PolicyAttribute *a = element.attribute(name);
    if (!a) {
        error(
            element.location,
            QCoreApplication::translate("PolicyCompiler", "'%1' requires the attribute '%2'").arg(element.name, name));
        return std::nullopt;
    }
    return value(a->value);
}

std::optional<QString> CompileContext::literalAttribute(const PolicyElement &element, QStringView name,
                                                        const QString &fallback)
{
    const PolicyAttribute *a = element.attribute(name);
    if (!a)
        return fallback;
    if (a->value.isExpression) {
        error(a->value.location,
              QCoreApplication::translate("PolicyCompiler", "attribute '%1' does not accept policy expressions")
                  .arg(name));
        return std::nullopt;
    }
    return a->value.text;
}

std::optional<CompiledValue> CompileContext::boolValueAttribute(const PolicyElement &element, QStringView name,
                                                                bool fallback)
{
    const PolicyAttribute *a = element.attribute(name);
    if (!a)
        return CompiledValue(fallback ? QStringLiteral("true") : QStringLiteral("false"));
    if (a->value.isExpression)
        return value(a->value);
    if (!CompiledValue::parseBool(a->value.text)) {
        error(a->value.location,
              QCoreApplication::translate("PolicyCompiler", "attribute '%1' must be true or false, not '%2'")
                  .arg(name, a->value.text.trimmed()));
        return std::nullopt;
    }
    return CompiledValue(a->value.text.trimmed());
}

std::optional<CompiledValue> CompileContext::integerValueAttribute(const PolicyElement &element, QStringView name,
                                                                   qint64 fallback, qint64 min, qint64 max)
{
    const PolicyAttribute *a = element.attribute(name);
    if (!a)
        return CompiledValue(QString::number(fallback));
    if (a->value.isExpression)
        return value(a->value);
    const auto v = CompiledValue::parseInteger(a->value.text);
    if (!v || *v < min || *v > max) {
        error(a->value.location,
              QCoreApplication::translate("PolicyCompiler", "attribute '%1' must be an integer from %2 to %3, not '%4'")
                  .arg(name)
                  .arg(min)
                  .arg(max)
                  .arg(a->value.text.trimmed()));
        return std::nullopt;
    }
    return CompiledValue(QString::number(*v));
}

std::optional<bool> CompileContext::boolAttribute(const PolicyElement &element, QStringView name, bool fallback)
{
    const PolicyAttribute *a = element.attribute(name);
    if (!a)
        return fallback;
    const QString text = a->value.text.trimmed();
    if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
        return true;
    if (text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
        return false;
    error(a->value.location,
          QCoreApplication::translate("PolicyCompiler", "attribute '%1' must be true or false, not '%2'")
              .arg(name, text));
    return std::nullopt;
}

std::optional<int> CompileContext::intAttribute(const PolicyElement &element, QStringView name, int fallback, int min,
                                                int max)
{
    const PolicyAttribute *a = element.attribute(name);
    if (!a)
        return fallback;
    bool ok = false;
    const int v = a->value.text.trimmed().toInt(&ok);
    if (!ok || v < min || v > max) {
        error(a->value.location,
              QCoreApplication::translate("PolicyCompiler", "attribute '%1' must be a whole number from %2 to %3")
                  .arg(name)
                  .arg(min)
                  .arg(max));
        return std::nullopt;
    }
    return v;
}

void CompileContext::checkAttributes(const PolicyElement &element, std::initializer_list<QStringView> known)
{
    for (const PolicyAttribute &a : element.attributes) {
        if (a.name == QLatin1String("id"))
            continue; // every APIM policy may carry an id
        if (std::find(known.begin(), known.end(), QStringView(a.name)) == known.end())
            error(
                a.location,
                QCoreApplication::translate("PolicyCompiler", "'%1' has no attribute '%2'").arg(element.name, a.name));
    }
}

void CompileContext::checkKnown(const PolicyElement &element, std::initializer_list<QStringView> known,
                                std::initializer_list<QStringView> children)
{
    checkAttributes(element, known);
    for (const PolicyElement &c : element.children) {
        if (std::find(children.begin(), children.end(), QStringView(c.name)) == children.end())
            error(
                c.location,
                QCoreApplication::translate("PolicyCompiler", "'%1' cannot contain '<%2>'").arg(element.name, c.name));
    }
}

StepList CompileContext::compileElements(const std::vector<PolicyElement> &elements)
{
    StepList steps;
    for (const PolicyElement &e : elements) {
        if (auto step = m_compiler.compile(e, *this))
            steps.push_back(std::move(step));
    }
    return steps;
}

} // namespace sluice
