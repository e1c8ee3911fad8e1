#include "PolicyTextModel.h"

#include "policy/PolicyParser.h"
#include "policy/PolicyValidator.h"

#include <algorithm>

namespace sluice {

namespace {

bool isBlank(QStringView text)
{
    return std::all_of(text.begin(), text.end(), [](QChar c) { return c.isSpace(); });
}

bool isExpression(const QString &value)
{
    return value.startsWith(QLatin1String("@(")) || value.startsWith(QLatin1String("@{"));
}

QString escapedText(const QString &value)
{
    QString result = value;
    result.replace(QLatin1Char('&'), QLatin1String("&amp;"));
    result.replace(QLatin1Char('<'), QLatin1String("&lt;"));
    return result;
}

// One replacement of text[begin, end).
struct Splice
{
    qsizetype begin;
    qsizetype end;
    QString text;
};

// Applies non-overlapping splices, all positions referring to the original text.
QString applied(QString text, std::vector<Splice> splices)
{
    std::sort(splices.begin(), splices.end(), [](const Splice &a, const Splice &b) { return a.begin > b.begin; });
    for (const Splice &s : splices)
        text.replace(s.begin, s.end - s.begin, s.text);
    return text;
}

// The range to remove for the element text[begin, end): with its line when
// it stands alone on that line.
std::pair<qsizetype, qsizetype> removalRange(const QString &text, qsizetype begin, qsizetype end)
{
    const qsizetype lineStart = text.lastIndexOf(QLatin1Char('\n'), begin - 1) + 1;
    qsizetype lineEnd = text.indexOf(QLatin1Char('\n'), end);
    if (lineEnd < 0)
        lineEnd = text.size();
    const bool alone = isBlank(QStringView(text).mid(lineStart, begin - lineStart))
        && isBlank(QStringView(text).mid(end, lineEnd - end));
    if (!alone)
        return {begin, end};
    qsizetype trimmedEnd = lineEnd;
    if (trimmedEnd > end && text.at(trimmedEnd - 1) == QLatin1Char('\r'))
        --trimmedEnd;
    if (lineStart == 0)
        return {0, std::min(lineEnd + 1, text.size())};
    qsizetype from = lineStart - 1;
    if (from > 0 && text.at(from - 1) == QLatin1Char('\r'))
        --from;
    return {from, trimmedEnd};
}

// Gives an element without child elements (self-closing, or empty but for
// white space) the content `inner`, and its end tag after `close`; an element
// with other content (a comment) gets `inner` after its start tag.
Splice contentSplice(const QString &text, const PolicyElementSpan &span, const QString &inner, const QString &close)
{
    if (span.selfClosing) {
        qsizetype from = span.startTagEnd - 2; // the "/>"
        while (from > span.begin && text.at(from - 1).isSpace())
            --from;
        return {from, span.startTagEnd, QStringLiteral(">") + inner + close + QStringLiteral("</%1>").arg(span.name)};
    }
    if (isBlank(QStringView(text).mid(span.startTagEnd, span.endTagBegin - span.startTagEnd)))
        return {span.startTagEnd, span.endTagBegin, inner + close};
    return {span.startTagEnd, span.startTagEnd, inner};
}

} // namespace

PolicyTextModel::PolicyTextModel(const QString &text, const QString &fileLabel, bool globalScope)
    : m_text(text.isEmpty() ? defaultText(globalScope) : text)
    , m_file(fileLabel)
    , m_global(globalScope)
    , m_new(text.isEmpty())
{
    PolicyDocumentResult parsed = PolicyParser::parse(m_text, m_file);
    m_diagnostics = parsed.diagnostics;
    if (parsed.document) {
        m_diagnostics += PolicyValidator::validate(*parsed.document);
        m_document = std::move(parsed.document);
    }
    m_outline = PolicyOutline::read(m_text);
    m_editable = m_document && !m_document->isFragment && m_outline.ok && m_outline.roots.size() == 1
        && m_outline.roots.front().name == QLatin1String("policies") && !m_outline.roots.front().selfClosing;
    for (int i = 0; m_editable && i < PolicySectionCount; ++i) {
        const auto s = static_cast<PolicySection>(i);
        const PolicySectionBlock &block = m_document->section(s);
        const PolicyElementSpan *span = sectionSpan(s);
        m_editable = block.present == (span != nullptr) && (!span || span->children.size() == block.elements.size());
    }
}

QString PolicyTextModel::defaultText(bool globalScope)
{
    // As PolicyMerger::defaultDocument: what a scope without a file behaves as.
    if (globalScope) {
        return QStringLiteral("<policies>\n    <inbound>\n    </inbound>\n    <backend>\n        <forward-request />\n"
                              "    </backend>\n    <outbound>\n    </outbound>\n    <on-error>\n    </on-error>\n"
                              "</policies>\n");
    }
    QString text = QStringLiteral("<policies>\n");
    for (int i = 0; i < PolicySectionCount; ++i) {
        const QString name = policySectionName(static_cast<PolicySection>(i));
        text += QStringLiteral("    <%1>\n        <base />\n    </%1>\n").arg(name);
    }
    return text + QStringLiteral("</policies>\n");
}

QString PolicyTextModel::attributeText(const QString &value, QChar quote)
{
    if (isExpression(value))
        return value; // APIM writes expressions raw; the scanner finds their end
    QString result = escapedText(value);
    result.replace(quote, quote == QLatin1Char('\'') ? QLatin1String("&apos;") : QLatin1String("&quot;"));
    return result;
}

const PolicyElementSpan *PolicyTextModel::sectionSpan(PolicySection section) const
{
    if (!m_outline.ok || m_outline.roots.empty())
        return nullptr;
    const auto sections = m_outline.roots.front().childrenNamed(policySectionName(section));
    return sections.empty() ? nullptr : sections.front();
}

int PolicyTextModel::stepCount(PolicySection section) const
{
    return m_editable ? static_cast<int>(m_document->section(section).elements.size()) : 0;
}

bool PolicyTextModel::validStep(PolicySection section, int index) const
{
    return index >= 0 && index < stepCount(section);
}

const PolicyElement &PolicyTextModel::step(PolicySection section, int index) const
{
    Q_ASSERT(validStep(section, index));
    return m_document->section(section).elements[static_cast<size_t>(index)];
}

const PolicyElementSpan &PolicyTextModel::stepSpan(PolicySection section, int index) const
{
    Q_ASSERT(validStep(section, index));
    return sectionSpan(section)->children[static_cast<size_t>(index)];
}

QString PolicyTextModel::stepText(PolicySection section, int index) const
{
    if (!validStep(section, index))
        return {};
    const PolicyElementSpan &span = stepSpan(section, index);
    return m_text.mid(span.begin, span.end - span.begin);
}

QString PolicyTextModel::stepName(PolicySection section, int index) const
{
    return validStep(section, index) ? step(section, index).name : QString();
}

QString PolicyTextModel::newline() const
{
    return m_text.contains(QLatin1String("\r\n")) ? QStringLiteral("\r\n") : QStringLiteral("\n");
}

bool PolicyTextModel::startsLine(qsizetype index) const
{
    while (index > 0 && (m_text.at(index - 1) == QLatin1Char(' ') || m_text.at(index - 1) == QLatin1Char('\t')))
        --index;
    return index == 0 || m_text.at(index - 1) == QLatin1Char('\n');
}

QString PolicyTextModel::indentOf(qsizetype index) const
{
    qsizetype start = index;
    while (start > 0 && (m_text.at(start - 1) == QLatin1Char(' ') || m_text.at(start - 1) == QLatin1Char('\t')))
        --start;
    if (start > 0 && m_text.at(start - 1) != QLatin1Char('\n'))
        return {};
    return m_text.mid(start, index - start);
}

QString PolicyTextModel::indentUnit() const
{
    for (int i = 0; i < PolicySectionCount; ++i) {
        const PolicyElementSpan *section = sectionSpan(static_cast<PolicySection>(i));
        if (!section || section->children.empty())
            continue;
        const QString outer = indentOf(section->begin);
        const QString inner = indentOf(section->children.front().begin);
        if (inner.size() > outer.size() && inner.startsWith(outer))
            return inner.mid(outer.size());
    }
    for (int i = 0; i < PolicySectionCount; ++i) {
        if (const PolicyElementSpan *section = sectionSpan(static_cast<PolicySection>(i))) {
            const QString outer = indentOf(section->begin);
            if (!outer.isEmpty())
                return outer;
        }
    }
    return QStringLiteral("    ");
}

std::optional<QString> PolicyTextModel::withAttribute(PolicySection section, int index, const QString &name,
                                                      const QString &value) const
{
    if (!validStep(section, index))
        return std::nullopt;
    const PolicyElementSpan &span = stepSpan(section, index);
    if (const PolicyAttributeSpan *existing = span.attribute(name)) {
        if (value.isEmpty()) {
            qsizetype start = existing->begin;
            while (start > span.begin && m_text.at(start - 1).isSpace())
                --start;
            return applied(m_text, {{start, existing->valueEnd + 1, QString()}});
        }
        return applied(m_text, {{existing->valueBegin, existing->valueEnd, attributeText(value, existing->quote)}});
    }
    if (value.isEmpty())
        return m_text;
    const qsizetype at =
        span.attributes.empty() ? span.begin + 1 + span.name.size() : span.attributes.back().valueEnd + 1;
    const QString attribute = QStringLiteral(" %1=\"%2\"").arg(name, attributeText(value, QLatin1Char('"')));
    return applied(m_text, {{at, at, attribute}});
}

std::optional<QString> PolicyTextModel::withChildTexts(PolicySection section, int index, const QString &childName,
                                                       const QStringList &texts) const
{
    if (!validStep(section, index))
        return std::nullopt;
    const PolicyElementSpan &span = stepSpan(section, index);
    const std::vector<const PolicyElementSpan *> existing = span.childrenNamed(childName);
    const QString nl = newline();
    const QString childIndent =
        span.children.empty() ? indentOf(span.begin) + indentUnit() : indentOf(span.children.front().begin);
    const auto element = [&](const QString &text) {
        return QStringLiteral("<%1>%2</%1>").arg(childName, escapedText(text));
    };

    // Children whose text stays are kept as written; the others are
    // replaced in place, removed, or added before the next kept one.
    const auto innerText = [this](const PolicyElementSpan &c) {
        return c.selfClosing ? QString() : m_text.mid(c.startTagEnd, c.endTagBegin - c.startTagEnd).trimmed();
    };
    std::vector<Splice> splices;
    size_t next = 0; // the first existing child not yet matched
    QString added; // texts after the last existing child
    for (qsizetype k = 0; k < texts.size(); ++k) {
        const QString wanted = escapedText(texts[k]);
        size_t found = next;
        while (found < existing.size() && innerText(*existing[found]) != wanted)
            ++found;
        if (found < existing.size()) {
            for (size_t skipped = next; skipped < found; ++skipped) {
                const auto [from, to] = removalRange(m_text, existing[skipped]->begin, existing[skipped]->end);
                splices.push_back({from, to, QString()});
            }
            next = found + 1;
            continue;
        }
        if (next < existing.size() && !texts.mid(k + 1).contains(innerText(*existing[next]))) {
            const PolicyElementSpan &c = *existing[next++];
            if (c.selfClosing)
                splices.push_back({c.begin, c.end, element(texts[k])});
            else
                splices.push_back({c.startTagEnd, c.endTagBegin, wanted});
        } else if (next < existing.size()) {
            const qsizetype at = existing[next]->begin;
            splices.push_back({at, at, element(texts[k]) + nl + indentOf(at)});
        } else {
            added += nl + childIndent + element(texts[k]);
        }
    }
    for (size_t i = next; i < existing.size(); ++i) {
        const auto [from, to] = removalRange(m_text, existing[i]->begin, existing[i]->end);
        splices.push_back({from, to, QString()});
    }
    if (!added.isEmpty()) {
        if (!existing.empty()) {
            splices.push_back({existing.back()->end, existing.back()->end, added});
        } else if (!span.children.empty()) {
            splices.push_back({span.children.back().end, span.children.back().end, added});
        } else {
            splices.push_back(contentSplice(m_text, span, added, nl + indentOf(span.begin)));
        }
    }
    return applied(m_text, std::move(splices));
}

std::optional<QString> PolicyTextModel::withStepInserted(PolicySection section, int index,
                                                         const QString &elementText) const
{
    if (!m_editable || index < 0 || index > stepCount(section))
        return std::nullopt;
    const QString nl = newline();
    const QString unit = indentUnit();
    const PolicyElementSpan *sec = sectionSpan(section);
    if (!sec) {
        // A new section element, in the order inbound, backend, outbound, on-error.
        const PolicyElementSpan &root = m_outline.roots.front();
        qsizetype at = root.startTagEnd;
        QString indent = unit;
        for (int i = static_cast<int>(section) - 1; i >= 0; --i) {
            if (const PolicyElementSpan *before = sectionSpan(static_cast<PolicySection>(i))) {
                at = before->end;
                indent = indentOf(before->begin);
                break;
            }
        }
        const QString name = policySectionName(section);
        return applied(m_text,
                       {{at, at,
                         nl + indent + QStringLiteral("<%1>").arg(name) + nl + indent + unit + elementText + nl + indent
                             + QStringLiteral("</%1>").arg(name)}});
    }
    const std::vector<PolicyElementSpan> &children = sec->children;
    const int n = static_cast<int>(children.size());
    const QString sectionIndent = indentOf(sec->begin);
    const bool ownLines = n > 0 && startsLine(children.front().begin);
    const QString childIndent = ownLines ? indentOf(children.front().begin) : sectionIndent + unit;
    if (index < n) {
        const qsizetype at = children[static_cast<size_t>(index)].begin;
        return applied(m_text, {{at, at, elementText + nl + indentOf(at)}});
    }
    if (n > 0) {
        const qsizetype at = children.back().end;
        return applied(m_text, {{at, at, nl + childIndent + elementText}});
    }
    return applied(m_text, {contentSplice(m_text, *sec, nl + childIndent + elementText, nl + sectionIndent)});
}

std::optional<QString> PolicyTextModel::withStepRemoved(PolicySection section, int index) const
{
    if (!validStep(section, index))
        return std::nullopt;
    const PolicyElementSpan &span = stepSpan(section, index);
    const auto [from, to] = removalRange(m_text, span.begin, span.end);
    return applied(m_text, {{from, to, QString()}});
}

std::optional<QString> PolicyTextModel::withStepMoved(PolicySection section, int from, int to) const
{
    if (!validStep(section, from) || !validStep(section, to))
        return std::nullopt;
    if (from == to)
        return m_text;
    const std::optional<QString> removed = withStepRemoved(section, from);
    if (!removed)
        return std::nullopt;
    return PolicyTextModel(*removed, m_file, m_global).withStepInserted(section, to, stepText(section, from));
}

} // namespace sluice
