#include "expr/ExpressionCompiler.h"
#include "policy/PolicyParser.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QTest>

using namespace sluice;

// Compiles every policy expression of the shared real-world corpus (see its
// README): every expression must parse and type-check, except the explicit,
// reviewed list below. Prints "expressions: N/M parse" and the failures by cause.

namespace {

QString corpusDir()
{
    return QStringLiteral(SLUICE_CORPUS_DIR);
}

// Expressions that are not valid C# or not valid APIM: file -> the exact
// diagnostic(s) the compiler must give. Reviewed one by one.
const QMap<QString, QStringList> &knownFailures()
{
    static const QMap<QString, QStringList> failures{
        // `context.Request.MatchedParameters("x")` calls a dictionary like a method (corpus README).
        {QStringLiteral("policies/policy-snippets__examples__DELETE_a_from_to_blobStorage_account.xml"),
         {QStringLiteral("'IRequest.MatchedParameters' is not a method and cannot be called")}},
        {QStringLiteral("policies/policy-snippets__examples__GET_a_file_from_blobStorage_account.xml"),
         {QStringLiteral("'IRequest.MatchedParameters' is not a method and cannot be called")}},
        {QStringLiteral("policies/policy-snippets__examples__PUT_a_file_to_blobStorage_account.xml"),
         {QStringLiteral("'IRequest.MatchedParameters' is not a method and cannot be called")}},
        // Damaged by an export tool: the quotes of string literals became `=""` (`"post="""`): not C#.
        {QStringLiteral("policies/policy-snippets__examples__Loopback_request_for_service_at_same_API_Management_"
                        "service.xml"),
         {QStringLiteral("unexpected '\"\"', expected ')'")}},
        {QStringLiteral("policies/policy-snippets__examples__Pre-authorize_requests_based_on_HTTP_method_with_validate-"
                        "jwt.policy.xml"),
         {QStringLiteral("unexpected '\"\"', expected ')'"), QStringLiteral("unexpected '\"\"', expected '}'")}},
        // Python format templates (corpus README): RETRY_COUNT and {group-id} are placeholders, not C#.
        {QStringLiteral("policies/Apim-Samples__samples__inference-failover__apim-policies__inference-api-policy-with-"
                        "retry-tracked.xml"),
         {QStringLiteral("the name 'RETRY_COUNT' does not exist in the current context")}},
        {QStringLiteral("policies/Apim-Samples__samples__inference-failover__apim-policies__inference-api-policy.xml"),
         {QStringLiteral("the name 'RETRY_COUNT' does not exist in the current context")}},
        {QStringLiteral("policies/AI-Gateway__labs__ghcp-byok-foundry__entra-policy.xml"),
         {QStringLiteral("the name 'group' does not exist in the current context")}},
        // Not valid C#: DateTime.AddSeconds takes a double, the sample passes a string. The same file
        // also uses System.Xml (below).
        {QStringLiteral("policies/policy-snippets__examples__Return_a_blob_URL_signed_with_a_user_delegation_SAS_"
                        "token.xml"),
         {QStringLiteral("no overload of 'AddSeconds' takes the arguments (string)"),
          QStringLiteral("the type or namespace name 'XmlDocument' could not be found")}},
        // Unsupported on purpose: the System.Xml / System.Xml.Linq DOM (XDocument, XmlDocument,
        // XmlReader). APIM policies should use JSON or xml-to-json; listed so that a change shows.
        {QStringLiteral("policies/policy-snippets__examples__Extracting_multiple_values_from_xml_documents.policy.xml"),
         {QStringLiteral("the name 'XDocument' does not exist in the current context")}},
        {QStringLiteral("policies/Apim-Samples__samples__secure-blob-access__apim-policies__pf-create-sas-token.xml"),
         {QStringLiteral("the type or namespace name 'Xml' does not exist in the namespace 'System'")}},
        {QStringLiteral("policies/policy-snippets__examples__Extract_value_from_XML.xml"),
         {QStringLiteral("the type or namespace name 'XmlReader' could not be found")}},
        // Unsupported on purpose: client certificates and RSA signing (X509Certificate2, RSACng)
        // inside expressions; the gateway has no key material for them.
        {QStringLiteral("policies/policy-snippets__examples__Get_OAuth2_access_token_from_AAD_using_client_id_and_"
                        "certificate_using_key_vault_manage_identity.xml"),
         {QStringLiteral("cannot create an instance of 'X509Certificate2'")}},
    };
    return failures;
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

void collect(const std::vector<PolicyElement> &elements, QList<PolicyValue> *out)
{
    for (const PolicyElement &e : elements) {
        for (const PolicyAttribute &a : e.attributes) {
            if (a.value.isExpression)
                out->append(a.value);
        }
        if (e.text.isExpression)
            out->append(e.text);
        collect(e.children, out);
    }
}

// {{named-value}} -> a placeholder that keeps the expression valid C# where
// the reference stands: text inside a string literal, a number in code
// (`Next(1, 100) <= {{weight}}`).
QString substituteNamedValues(const QString &text)
{
    QString out;
    bool inString = false;
    bool verbatim = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == QLatin1Char('{') && text.mid(i, 2) == QLatin1String("{{")) {
            const int end = int(text.indexOf(QLatin1String("}}"), i + 2));
            static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9._-]+$"));
            if (end > 0 && name.match(text.mid(i + 2, end - i - 2)).hasMatch()) {
                out += inString ? QStringLiteral("namedvalue") : QStringLiteral("1");
                i = end + 1;
                continue;
            }
        }
        if (inString) {
            if (!verbatim && c == QLatin1Char('\\') && i + 1 < text.size()) {
                out += c;
                out += text.at(++i);
                continue;
            }
            if (c == QLatin1Char('"')) {
                if (verbatim && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
                    out += c;
                    out += text.at(++i);
                    continue;
                }
                inString = false;
            }
        } else if (c == QLatin1Char('"')) {
            inString = true;
            verbatim = i > 0 && (text.at(i - 1) == QLatin1Char('@') || (i > 1 && text.at(i - 2) == QLatin1Char('@')));
        }
        out += c;
    }
    return out;
}

} // namespace

class TestExprCorpus : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void corpus();
};

void TestExprCorpus::corpus()
{
    int total = 0;
    int parsed = 0;
    int checked = 0;
    QMap<QString, QStringList> failuresByCause;
    QMap<QString, QStringList> failuresByFile;
    for (const QString &file : corpusFiles()) {
        const QString path = corpusDir() + QLatin1Char('/') + file;
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        PolicyDocumentResult doc = PolicyParser::parse(text, file);
        if (!doc.ok())
            doc = PolicyParser::parseSnippet(text, file);
        if (!doc.ok())
            continue; // the loader's known-invalid files (tst_policycorpus)
        QList<PolicyValue> values;
        collect(doc.document->fragment, &values);
        for (const PolicySectionBlock &b : doc.document->sections)
            collect(b.elements, &values);
        for (const PolicyValue &v : values) {
            ++total;
            const QString source = substituteNamedValues(v.text);
            // SLUICE_EXPR_SEED_DIR=tests/fuzz/corpus/expr: writes the fuzzer's seed corpus (run once)
            if (const QString seeds = qEnvironmentVariable("SLUICE_EXPR_SEED_DIR"); !seeds.isEmpty()) {
                QFile seed(seeds + QStringLiteral("/corpus-%1").arg(total, 4, 10, QLatin1Char('0')));
                if (seed.open(QIODevice::WriteOnly))
                    seed.write(source.toUtf8());
            }
            const CompileResult r = ExpressionCompiler::compile(source, v.location);
            if (r.ok()) {
                ++parsed;
                ++checked;
                continue;
            }
            const Diagnostic &d = r.diagnostics.first();
            // syntax errors come from the parser; the rest from the checker
            if (!d.message.contains(QLatin1String("expected")) && !d.message.contains(QLatin1String("unexpected"))
                && !d.message.contains(QLatin1String("unterminated")))
                ++parsed;
            QString cause = d.message;
            cause.replace(QRegularExpression(QStringLiteral("'[^']*'")), QStringLiteral("'…'"));
            failuresByCause[d.message].append(d.location.toString());
            failuresByFile[file].append(d.message);
        }
    }
    qInfo().noquote() << QStringLiteral("expressions: %1/%2 parse, %3/%2 parse and check").arg(parsed).arg(total).arg(checked);
    for (auto it = failuresByCause.cbegin(); it != failuresByCause.cend(); ++it)
        qInfo().noquote() << QStringLiteral("  %1 x %2: %3").arg(it.value().size()).arg(it.key(), it.value().join(QStringLiteral(", ")));
    QVERIFY(total > 500);
    // every failure is listed, with its exact message
    QStringList unexpected;
    for (auto it = failuresByFile.cbegin(); it != failuresByFile.cend(); ++it) {
        if (knownFailures().value(it.key()) != it.value())
            unexpected << it.key() + QStringLiteral(": ") + it.value().join(QStringLiteral(" | "));
    }
    for (auto it = knownFailures().cbegin(); it != knownFailures().cend(); ++it) {
        if (!failuresByFile.contains(it.key()))
            unexpected << it.key() + QStringLiteral(": listed as failing but compiles");
    }
    QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestExprCorpus)
#include "tst_expr_corpus.moc"
