#include "policy/NamedValueSubstitution.h"
#include "policy/PolicyCatalog.h"
#include "policy/PolicyMerger.h"
#include "policy/PolicyParser.h"
#include "policy/PolicyValidator.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace sluice;

// Loads every real-world policy file of the shared corpus (see its README).
// Every file must load, except the known-invalid ones below, which must fail
// with exactly the recorded problem and position. The lists are explicit: a
// file that changes its outcome fails the test.

namespace {

QString corpusDir()
{
    return QStringLiteral(SLUICE_CORPUS_DIR);
}

QString readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

// Known-invalid inputs: file -> every diagnostic parse() must give.
const QMap<QString, QStringList> &knownInvalid()
{
    static const QMap<QString, QStringList> files{
        {QStringLiteral("docs/set-backend-service-policy__3.xml"),
         {QStringLiteral("set-backend-service-policy__3.xml:3:75: error: policy expression is missing its closing "
                         "')'")}},
        // The `@{ ... }` of rewrite-uri was damaged by an export tool: its quotes became `=""`.
        {QStringLiteral("policies/policy-snippets__examples__Call_out_to_an_HTTP_endpoint_and_cache_the_response."
                        "policy.xml"),
         {QStringLiteral("policy-snippets__examples__Call_out_to_an_HTTP_endpoint_and_cache_the_response.policy.xml:"
                         "41:73: error: policy expression has an unterminated string literal")}},
        // Python format template (`@{{ ... }}`) that also uses 'Retry-After' as a char literal.
        {QStringLiteral("policies/Apim-Samples__samples__load-balancing__apim-policies__aca-backend-pool-load-"
                        "balancing-with-retry-tracked.xml"),
         {QStringLiteral("Apim-Samples__samples__load-balancing__apim-policies__aca-backend-pool-load-balancing-with-"
                         "retry-tracked.xml:23:159: error: character literal in policy expression must hold exactly "
                         "one character"),
          QStringLiteral("Apim-Samples__samples__load-balancing__apim-policies__aca-backend-pool-load-balancing-with-"
                         "retry-tracked.xml:28:83: error: character literal in policy expression must hold exactly "
                         "one character"),
          QStringLiteral("Apim-Samples__samples__load-balancing__apim-policies__aca-backend-pool-load-balancing-with-"
                         "retry-tracked.xml:44:106: error: character literal in policy expression must hold exactly "
                         "one character")}},
    };
    return files;
}

// Invalid only for the expression compiler (core/expr): they call the
// MatchedParameters dictionary like a method. The loader reads them fine and
// keeps the call in the expression text.
const QStringList &invalidForExpressionCompiler()
{
    static const QStringList files{
        QStringLiteral("policies/policy-snippets__examples__DELETE_a_from_to_blobStorage_account.xml"),
        QStringLiteral("policies/policy-snippets__examples__GET_a_file_from_blobStorage_account.xml"),
        QStringLiteral("policies/policy-snippets__examples__PUT_a_file_to_blobStorage_account.xml"),
    };
    return files;
}

// Pieces of a section, not whole documents: parse() rejects them, parseSnippet() reads them.
const QStringList &snippets()
{
    static const QStringList files{
        QStringLiteral("docs/cache-lookup-policy__3.xml"),
        QStringLiteral("docs/cache-lookup-value-policy__2.xml"),
        QStringLiteral("docs/cache-remove-value-policy__2.xml"),
        QStringLiteral("docs/cache-store-policy__3.xml"),
        QStringLiteral("docs/cache-store-value-policy__2.xml"),
        QStringLiteral("docs/choose-policy__3.xml"),
        QStringLiteral("docs/find-and-replace-policy__2.xml"),
        QStringLiteral("docs/return-response-policy__2.xml"),
        QStringLiteral("docs/send-request-policy__2.xml"),
        QStringLiteral("docs/set-header-policy__2.xml"),
        QStringLiteral("docs/set-header-policy__3.xml"),
        QStringLiteral("docs/set-header-policy__4.xml"),
        QStringLiteral("docs/set-variable-policy__2.xml"),
        QStringLiteral("policies/api-management-samples__policies__Hide_response_data_based_on_product_name.policy.xml"),
        QStringLiteral("policies/api-management-samples__policies__Pre-authorize_requests_using_validate-jwt.policy.xml"),
        QStringLiteral("policies/api-management-samples__policies__Random_load_balancer.policy.xml"),
        QStringLiteral("policies/api-management-samples__policies__Route_percentage_of_traffic_to_canary.policy.xml"),
        QStringLiteral("policies/api-management-samples__policies__Send_context_information_to_the_backend_service."
                       "policy.xml"),
        QStringLiteral("policies/api-management-samples__policies__Set_cache_duration_using_cache_control_header."
                       "policy.xml"),
        QStringLiteral("policies/policy-snippets-history__Snippets__Forward_Correlation_Id_to_backend.policy.xml"),
        QStringLiteral("policies/policy-snippets-history__Snippets__Route_message_based_on_size.policy.xml"),
        QStringLiteral("policies/policy-snippets-history__Snippets__Sample_of__X-CSRF_solution_pattern.xml"),
    };
    return files;
}

// Apim-Samples files that are Python format templates (`{placeholder}`, `@{{`)
// rather than policies as written. All but the one in knownInvalid() load;
// their placeholders stay literal text (a backend id "{backend_id}" ...).
const QStringList &apimSamplesTemplates()
{
    static const QStringList files{
        QStringLiteral("policies/Apim-Samples__samples__authX-pro__apim-policies__hr_product.xml"),
        QStringLiteral("policies/Apim-Samples__samples__authX-pro__apim-policies__pf-authx-hr-member.xml"),
        QStringLiteral("policies/Apim-Samples__samples__authX__apim-policies__hr_all_operations.xml"),
        QStringLiteral("policies/Apim-Samples__samples__authX__apim-policies__hr_get.xml"),
        QStringLiteral("policies/Apim-Samples__samples__authX__apim-policies__hr_post.xml"),
        QStringLiteral("policies/Apim-Samples__samples__dynamic-cors__apim-policies__cors-api-policy-named-values.xml"),
        QStringLiteral("policies/Apim-Samples__samples__dynamic-cors__apim-policies__cors-api-policy.xml"),
        QStringLiteral("policies/Apim-Samples__samples__dynamic-cors__apim-policies__pf-dynamic-cors-hardcoded.xml"),
        QStringLiteral("policies/Apim-Samples__samples__dynamic-cors__apim-policies__pf-dynamic-cors-named-values.xml"),
        QStringLiteral("policies/Apim-Samples__samples__load-balancing__apim-policies__aca-backend-pool-load-balancing-"
                       "with-429.xml"),
        QStringLiteral("policies/Apim-Samples__samples__load-balancing__apim-policies__aca-backend-pool-load-balancing-"
                       "with-retry-tracked.xml"),
        QStringLiteral("policies/Apim-Samples__samples__load-balancing__apim-policies__aca-backend-pool-load-balancing."
                       "xml"),
        QStringLiteral("policies/Apim-Samples__samples__oauth-3rd-party__apim-policies__spotify_api.xml"),
        QStringLiteral("policies/Apim-Samples__samples__secure-blob-access__apim-policies__blob-get-operation.xml"),
        QStringLiteral("policies/Apim-Samples__samples__secure-blob-access__apim-policies__pf-authx-hr-member.xml"),
        QStringLiteral("policies/Apim-Samples__shared__apim-policies__backend.xml"),
    };
    return files;
}

// What the validator finds in files that load, every known policy counting as
// implemented. None is an unknown element: the corpus holds only APIM policies.
const QMap<QString, QStringList> &validatorFindings()
{
    static const QMap<QString, QStringList> files{
        // `{product-token-limits}` is a template placeholder standing where <when> elements go.
        {QStringLiteral("policies/AI-Gateway__labs__finops-framework__policy.xml"),
         {QStringLiteral("AI-Gateway__labs__finops-framework__policy.xml:5:9: error: 'choose' needs at least one "
                         "'when'")}},
        // APIM documents authentication-managed-identity for inbound only.
        {QStringLiteral("policies/AI-Gateway__labs__mcp-client-authorization__src__apim-oauth__token.policy.xml"),
         {QStringLiteral("AI-Gateway__labs__mcp-client-authorization__src__apim-oauth__token.policy.xml:182:17: "
                         "error: 'authentication-managed-identity' is not allowed in section 'outbound'")}},
        // APIM documents set-body for inbound, backend and outbound.
        {QStringLiteral("policies/Apim-Samples__samples__oauth-3rd-party__apim-policies__spotify_api.xml"),
         {QStringLiteral("Apim-Samples__samples__oauth-3rd-party__apim-policies__spotify_api.xml:46:17: error: "
                         "'set-body' is not allowed in section 'on-error'")}},
    };
    return files;
}

// Elements in policy positions that are not APIM policies. Empty: list any here explicitly.
const QStringList &nonApimElements()
{
    static const QStringList names;
    return names;
}

QStringList corpusFiles()
{
    QStringList files;
    for (const QString &folder : {QStringLiteral("policies"), QStringLiteral("docs")}) {
        const QDir dir(corpusDir() + QLatin1Char('/') + folder);
        for (const QString &name : dir.entryList({QStringLiteral("*.xml")}, QDir::Files, QDir::Name))
            files << folder + QLatin1Char('/') + name;
    }
    return files;
}

bool containsExpression(const std::vector<PolicyElement> &elements, const QString &needle)
{
    for (const PolicyElement &e : elements) {
        if (e.text.isExpression && e.text.text.contains(needle))
            return true;
        for (const PolicyAttribute &a : e.attributes) {
            if (a.value.isExpression && a.value.text.contains(needle))
                return true;
        }
        if (containsExpression(e.children, needle))
            return true;
    }
    return false;
}

std::vector<const std::vector<PolicyElement> *> allElementLists(const PolicyDocument &d)
{
    std::vector<const std::vector<PolicyElement> *> lists{&d.fragment};
    for (const PolicySectionBlock &b : d.sections)
        lists.push_back(&b.elements);
    return lists;
}

} // namespace

class TestPolicyCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void listsMatchTheCorpus();
    void load_data();
    void load();
};

void TestPolicyCorpus::listsMatchTheCorpus()
{
    const QStringList files = corpusFiles();
    QCOMPARE(files.size(), 267);
    const QSet<QString> present(files.cbegin(), files.cend());
    QStringList listed = knownInvalid().keys() + invalidForExpressionCompiler() + snippets() + apimSamplesTemplates()
        + validatorFindings().keys();
    for (const QString &f : listed)
        QVERIFY2(present.contains(f), qPrintable(f));
    for (const QString &name : nonApimElements())
        QVERIFY2(!PolicyCatalog::find(name), qPrintable(name));
}

void TestPolicyCorpus::load_data()
{
    QTest::addColumn<QString>("file");
    for (const QString &f : corpusFiles())
        QTest::newRow(qPrintable(f)) << f;
}

void TestPolicyCorpus::load()
{
    QFETCH(QString, file);
    const QString text = readFile(corpusDir() + QLatin1Char('/') + file);
    QVERIFY(!text.isEmpty());
    const QString label = file.section(QLatin1Char('/'), -1);

    if (apimSamplesTemplates().contains(file)) {
        static const QRegularExpression placeholder(QStringLiteral("(?<!\\{)\\{[a-z][a-z0-9_]*\\}(?!\\})"));
        QVERIFY2(placeholder.match(text).hasMatch(), "listed as a Python template but has no {placeholder}");
    }

    PolicyDocumentResult result = PolicyParser::parse(text, label);
    QStringList diagnostics;
    for (const Diagnostic &d : result.diagnostics)
        diagnostics << d.toString();

    if (knownInvalid().contains(file)) {
        QVERIFY(!result.ok());
        QCOMPARE(diagnostics, knownInvalid().value(file));
        return;
    }
    if (snippets().contains(file)) {
        QVERIFY(!result.ok());
        const QString message = result.diagnostics.first().message;
        QVERIFY2(message == QLatin1String("root element must be <policies> or <fragment>")
                     || message == QLatin1String("a policy document has exactly one root element"),
                 qPrintable(diagnostics.first()));
        result = PolicyParser::parseSnippet(text, label);
        diagnostics.clear();
        for (const Diagnostic &d : result.diagnostics)
            diagnostics << d.toString();
    }
    QVERIFY2(result.ok(), qPrintable(diagnostics.join(QLatin1Char('\n'))));
    QVERIFY(diagnostics.isEmpty());
    PolicyDocument &document = *result.document;

    static const QRegularExpression fragmentRoot(QStringLiteral("^\\s*(<\\?[^>]*\\?>\\s*)?(<!--.*?-->\\s*)*<fragment"),
                                                 QRegularExpression::DotMatchesEverythingOption);
    if (!snippets().contains(file))
        QCOMPARE(document.isFragment, fragmentRoot.match(text).hasMatch());

    if (invalidForExpressionCompiler().contains(file)) {
        bool found = false;
        for (const auto *list : allElementLists(document))
            found = found || containsExpression(*list, QStringLiteral("MatchedParameters(\""));
        QVERIFY(found);
    }

    // Validation with every known policy implemented.
    QStringList findings;
    const auto everything = [](const QString &name) { return PolicyCatalog::find(name) != nullptr; };
    for (const Diagnostic &d : PolicyValidator::validate(document, everything)) {
        if (d.message.startsWith(QLatin1String("unknown policy element"))) {
            const QString name = d.message.section(QLatin1Char('\''), 1, 1);
            QVERIFY2(nonApimElements().contains(name), qPrintable(d.toString()));
        }
        findings << d.toString();
    }
    QCOMPARE(findings, validatorFindings().value(file));

    // Named values: with every referenced name defined nothing is left unresolved.
    QMap<QString, QString> values;
    for (const QString &name : NamedValueSubstitution::referencedNames(document))
        values.insert(name, QStringLiteral("nv-") + name);
    const Diagnostics substitution = NamedValueSubstitution::apply(document, values);
    QVERIFY2(substitution.isEmpty(), substitution.isEmpty() ? "" : qPrintable(substitution.first().toString()));

    // Merging below the global default leaves no <base/> behind.
    if (!document.isFragment) {
        const EffectivePolicy effective = PolicyMerger::merge({nullptr, nullptr, &document});
        for (const auto &section : effective.sections) {
            for (const PolicyElement &e : section)
                QVERIFY(e.name != QLatin1String("base"));
        }
    }
}

QTEST_GUILESS_MAIN(TestPolicyCorpus)
#include "tst_policycorpus.moc"
