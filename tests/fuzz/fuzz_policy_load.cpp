// libFuzzer entry point: loads arbitrary bytes as a policy document and runs
// everything the gateway does with one at load time. It must never crash.
//
//   clang++ -fsanitize=fuzzer,address ... fuzz_policy_load.cpp -lsluice_policy ...
//   ./fuzz_policy_load tests/fuzz/corpus/policy

#include "policy/NamedValueSubstitution.h"
#include "policy/PolicyMerger.h"
#include "policy/PolicyParser.h"
#include "policy/PolicyValidator.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>

namespace {

void exercise(sluice::PolicyDocumentResult result)
{
    using namespace sluice;
    if (!result.ok())
        return;
    PolicyDocument &document = *result.document;
    (void)PolicyValidator::validate(document);
    (void)PolicyValidator::validate(document, [](const QString &name) { return name.size() % 2 == 0; });

    QMap<QString, QString> values;
    const QStringList names = NamedValueSubstitution::referencedNames(document);
    for (qsizetype i = 0; i < names.size(); i += 2) // leave every other name unknown
        values.insert(names.at(i), QStringLiteral("@(\"v\")"));
    (void)NamedValueSubstitution::apply(document, values);

    const PolicyDocument api = PolicyMerger::defaultDocument(false);
    (void)PolicyMerger::merge({&document, nullptr, &api, &document});
    (void)PolicyMerger::merge({nullptr, &document});
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const QString label = QStringLiteral("fuzz.xml");
    exercise(sluice::PolicyParser::parse(text, label));
    exercise(sluice::PolicyParser::parseSnippet(text, label));
    return 0;
}
