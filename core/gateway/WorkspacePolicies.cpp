#include "WorkspacePolicies.h"

#include "PolicyCompiler.h"
#include "policy/FragmentIncluder.h"
#include "policy/NamedValueSubstitution.h"
#include "policy/PolicyMerger.h"
#include "policy/PolicyParser.h"
#include "policy/PolicyValidator.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QSet>

namespace sluice {

namespace {

class Loader
{
public:
    Loader(const Workspace &workspace, const PolicyCompiler &compiler, Diagnostics *diagnostics)
        : m_workspace(workspace)
        , m_compiler(compiler)
        , m_diagnostics(diagnostics)
        , m_root(QDir(workspace.rootDir).filePath(QStringLiteral("policies")))
        , m_fragments(QDir(workspace.rootDir).filePath(QStringLiteral("fragments")), workspace.namedValues)
    { }

    // Loads policies/<relative>; std::nullopt when the file does not exist or has errors.
    std::optional<PolicyDocument> load(const QString &relative)
    {
        m_known.insert(relative);
        const QString path = QDir(m_root).filePath(relative);
        if (!QFileInfo::exists(path))
            return std::nullopt;
        const QString label = QStringLiteral("policies/") + relative;
        PolicyDocumentResult result = PolicyParser::parseFile(path, label);
        *m_diagnostics += result.diagnostics;
        if (!result.document)
            return std::nullopt;
        PolicyDocument &doc = *result.document;
        if (doc.isFragment) {
            m_diagnostics->append(Diagnostic::error(
                {label, 1, 1, {}}, QCoreApplication::translate("WorkspacePolicies", "a scope's policy must have a <policies> root, not <fragment>")));
            return std::nullopt;
        }
        *m_diagnostics += NamedValueSubstitution::apply(doc, m_workspace.namedValues);
        *m_diagnostics += m_fragments.expand(doc);
        *m_diagnostics +=
            PolicyValidator::validate(doc, [this](const QString &name) { return m_compiler.isImplemented(name); });
        return std::move(doc);
    }

    // Every .xml file under policies/ that no scope claims is a mistake worth reporting.
    void reportStrayFiles()
    {
        if (!QFileInfo(m_root).isDir())
            return;
        QDirIterator it(m_root, {QStringLiteral("*.xml")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString relative = QDir(m_root).relativeFilePath(it.next());
            if (m_known.contains(relative))
                continue;
            m_diagnostics->append(
                Diagnostic::error({QStringLiteral("policies/") + relative, 0, 0, {}},
                                  QCoreApplication::translate("WorkspacePolicies", "policy file for no known scope: expected global.xml, products/<product>.xml, "
                                     "apis/<api>.xml or apis/<api>/<operation>.xml")));
        }
    }

private:
    const Workspace &m_workspace;
    const PolicyCompiler &m_compiler;
    Diagnostics *m_diagnostics;
    QString m_root;
    QSet<QString> m_known;
    FragmentIncluder m_fragments;
};

} // namespace

WorkspacePolicies WorkspacePolicies::load(const Workspace &workspace, const PolicyCompiler &compiler,
                                          Diagnostics *diagnostics)
{
    WorkspacePolicies result;
    Loader loader(workspace, compiler, diagnostics);
    result.m_global = loader.load(QStringLiteral("global.xml")).value_or(PolicyMerger::defaultDocument(true));
    for (const Product &p : workspace.products) {
        if (auto doc = loader.load(QStringLiteral("products/%1.xml").arg(p.id)))
            result.m_products.insert(p.id, std::move(*doc));
    }
    for (const Api &api : workspace.apis) {
        if (auto doc = loader.load(QStringLiteral("apis/%1.xml").arg(api.id)))
            result.m_apis.insert(api.id, std::move(*doc));
        for (const Operation &op : api.operations) {
            if (auto doc = loader.load(QStringLiteral("apis/%1/%2.xml").arg(api.id, op.id)))
                result.m_operations.insert(api.id + QLatin1Char('/') + op.id, std::move(*doc));
        }
    }
    loader.reportStrayFiles();
    return result;
}

EffectivePolicy WorkspacePolicies::effectivePolicy(const QString &apiId, const QString &operationId,
                                                   const QString &productId) const
{
    static const PolicyDocument defaultScope = PolicyMerger::defaultDocument(false);
    std::vector<const PolicyDocument *> chain;
    chain.push_back(&m_global);
    if (!productId.isEmpty()) {
        const auto it = m_products.constFind(productId);
        chain.push_back(it != m_products.constEnd() ? &*it : &defaultScope);
    }
    const auto api = m_apis.constFind(apiId);
    chain.push_back(api != m_apis.constEnd() ? &*api : &defaultScope);
    const auto op = m_operations.constFind(apiId + QLatin1Char('/') + operationId);
    chain.push_back(op != m_operations.constEnd() ? &*op : &defaultScope);
    return PolicyMerger::merge(chain);
}

} // namespace sluice
