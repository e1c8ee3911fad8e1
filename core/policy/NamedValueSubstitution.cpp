#include "NamedValueSubstitution.h"

namespace sluice {

namespace {

bool isNamedValueChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char('-') || c == QLatin1Char('_');
}

struct Reference
{
    qsizetype begin; // index of "{{"
    qsizetype end;   // one past "}}"
    QString name;
};

std::vector<Reference> references(const QString &text)
{
    std::vector<Reference> result;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while ((i = text.indexOf(QLatin1String("{{"), i)) >= 0) {
        qsizetype j = i + 2;
        while (j < n && isNamedValueChar(text.at(j)))
            ++j;
        if (j > i + 2 && j + 1 < n && text.at(j) == QLatin1Char('}') && text.at(j + 1) == QLatin1Char('}')) {
            result.push_back(Reference{i, j + 2, text.mid(i + 2, j - i - 2)});
            i = j + 2;
        } else {
            ++i;
        }
    }
    return result;
}

// Position of text[offset] when text starts at `start`.
SourceLocation locationAt(const SourceLocation &start, const QString &text, qsizetype offset)
{
    SourceLocation where = start;
    if (where.line <= 0)
        return where;
    for (qsizetype i = 0; i < offset && i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\n')) {
            ++where.line;
            where.column = 1;
        } else if (!text.at(i).isLowSurrogate()) {
            ++where.column;
        }
    }
    return where;
}

const QString *lookup(const QMap<QString, QString> &values, const QString &name)
{
    const auto exact = values.constFind(name);
    if (exact != values.cend())
        return &exact.value();
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return &it.value();
    }
    return nullptr;
}

bool isLiquidBody(const PolicyElement &e)
{
    return e.name == QLatin1String("set-body")
        && e.attributeText(u"template").compare(QLatin1String("liquid"), Qt::CaseInsensitive) == 0;
}

void collect(const std::vector<PolicyElement> &elements, QStringList &names)
{
    const auto add = [&names](const PolicyValue &v) {
        for (const Reference &r : references(v.text)) {
            if (!names.contains(r.name))
                names.append(r.name);
        }
    };
    for (const PolicyElement &e : elements) {
        for (const PolicyAttribute &a : e.attributes)
            add(a.value);
        add(e.text);
        collect(e.children, names);
    }
}

} // namespace

Diagnostics NamedValueSubstitution::apply(PolicyValue &value, const QMap<QString, QString> &namedValues,
                                          bool allowUnknown)
{
    Diagnostics diagnostics;
    const std::vector<Reference> refs = references(value.text);
    if (refs.empty())
        return diagnostics;
    const bool wholeValue = refs.size() == 1 && refs.front().begin == 0 && refs.front().end == value.text.size();
    QString result;
    qsizetype copied = 0;
    for (const Reference &r : refs) {
        const QString *replacement = lookup(namedValues, r.name);
        if (!replacement) {
            if (!allowUnknown) {
                diagnostics.append(Diagnostic::error(locationAt(value.location, value.text, r.begin),
                                                     tr("unknown named value '%1'").arg(r.name)));
            }
            continue;
        }
        result += QStringView(value.text).mid(copied, r.begin - copied);
        result += *replacement;
        copied = r.end;
    }
    result += QStringView(value.text).mid(copied);
    value.text = result;
    if (wholeValue && !value.isExpression && !diagnostics.size()) {
        const QString trimmed = value.text.trimmed();
        if (trimmed.startsWith(QLatin1String("@(")) || trimmed.startsWith(QLatin1String("@{"))) {
            value.text = trimmed;
            value.isExpression = true;
        }
    }
    return diagnostics;
}

Diagnostics NamedValueSubstitution::apply(std::vector<PolicyElement> &elements,
                                          const QMap<QString, QString> &namedValues)
{
    Diagnostics diagnostics;
    for (PolicyElement &e : elements) {
        for (PolicyAttribute &a : e.attributes)
            diagnostics += apply(a.value, namedValues);
        diagnostics += apply(e.text, namedValues, isLiquidBody(e));
        diagnostics += apply(e.children, namedValues);
    }
    return diagnostics;
}

Diagnostics NamedValueSubstitution::apply(PolicyDocument &document, const QMap<QString, QString> &namedValues)
{
    Diagnostics diagnostics = apply(document.fragment, namedValues);
    for (PolicySectionBlock &block : document.sections)
        diagnostics += apply(block.elements, namedValues);
    return diagnostics;
}

QStringList NamedValueSubstitution::referencedNames(const PolicyDocument &document)
{
    QStringList names;
    collect(document.fragment, names);
    for (const PolicySectionBlock &block : document.sections)
        collect(block.elements, names);
    return names;
}

} // namespace sluice
