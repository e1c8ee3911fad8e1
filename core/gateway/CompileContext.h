#pragma once

#include "CompiledValue.h"
#include "PolicyStep.h"
#include "policy/PolicyTree.h"
#include "workspace/Workspace.h"

#include <optional>

namespace sluice {

class PolicyCompiler;

// What a policy factory sees while compiling one element.
class CompileContext
{
public:
    CompileContext(const PolicyCompiler &compiler, const Workspace &workspace, PolicySection section,
                   Diagnostics &diagnostics)
        : m_compiler(compiler)
        , m_workspace(workspace)
        , m_section(section)
        , m_diagnostics(diagnostics)
    { }

    const PolicyCompiler &compiler() const { return m_compiler; }
    const Workspace &workspace() const { return m_workspace; }
    PolicySection section() const { return m_section; }
    // inbound and backend policies act on the request, outbound and on-error on the response.
    bool actsOnResponse() const { return m_section == PolicySection::Outbound || m_section == PolicySection::OnError; }

    void error(const SourceLocation &location, const QString &message);
    void warning(const SourceLocation &location, const QString &message);
    bool hasErrors() const { return m_errorCount > 0; }
    int errorCount() const { return m_errorCount; }
    Diagnostics &diagnosticsSink() const { return m_diagnostics; }

    // A value that may be a policy expression.
    std::optional<CompiledValue> value(const PolicyValue &value);
    // An optional attribute: `fallback` when absent.
    std::optional<CompiledValue> attribute(const PolicyElement &element, QStringView name,
                                           const QString &fallback = {});
    // A required attribute: reports "attribute 'x' is required" when absent.
    std::optional<CompiledValue> requiredAttribute(const PolicyElement &element, QStringView name);
    // Literal-only attributes (APIM forbids expressions there).
    std::optional<QString> literalAttribute(const PolicyElement &element, QStringView name,
                                            const QString &fallback = {});
    // Attributes that may be expressions, with literals checked at load: a
    // literal must be true/false, or an integer in [min, max].
    std::optional<CompiledValue> boolValueAttribute(const PolicyElement &element, QStringView name, bool fallback);
    std::optional<CompiledValue> integerValueAttribute(const PolicyElement &element, QStringView name, qint64 fallback,
                                                       qint64 min, qint64 max);
    std::optional<bool> boolAttribute(const PolicyElement &element, QStringView name, bool fallback);
    std::optional<int> intAttribute(const PolicyElement &element, QStringView name, int fallback, int min, int max);
    // Reports every attribute not in `known` and every child element not in `children`.
    void checkKnown(const PolicyElement &element, std::initializer_list<QStringView> known,
                    std::initializer_list<QStringView> children = {});

    // Reports every attribute not in `known` (children are left to the caller).
    void checkAttributes(const PolicyElement &element, std::initializer_list<QStringView> known);

    StepList compileElements(const std::vector<PolicyElement> &elements);

private:
    const PolicyCompiler &m_compiler;
    const Workspace &m_workspace;
    PolicySection m_section;
    Diagnostics &m_diagnostics;
    int m_errorCount = 0;
};

} // namespace sluice
