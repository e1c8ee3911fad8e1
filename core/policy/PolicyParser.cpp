#include "PolicyParser.h"

#include "PolicyExpressionLexer.h"
#include "PolicyExpressionScanner.h"
#include "PolicySourceMap.h"

#include <QFile>
#include <QHash>

#include <pugixml.hpp>

namespace sluice {

namespace {

constexpr int MaxElementDepth = 256;

using policylexer::isXmlSpace;

bool isBlank(const QString &s)
{
    for (QChar c : s) {
        if (!isXmlSpace(c))
            return false;
    }
    return true;
}

// Turns the pugixml tree (parsed in place from the placeholder buffer) into
// PolicyElements with exact positions and the original expressions.
class TreeBuilder
{
    Q_DECLARE_TR_FUNCTIONS(PolicyParser)

public:
    TreeBuilder(const PolicySourceMap &source, const QString &file, const QByteArray &buffer,
                const std::vector<PolicyExpression> &expressions)
        : m_source(source)
        , m_file(file)
        , m_buffer(buffer)
        , m_expressions(expressions)
        , m_used(expressions.size(), false)
    {
        for (size_t i = 0; i < expressions.size(); ++i)
            m_expressionAt.insert(expressions[i].begin, i);
    }

    Diagnostics &diagnostics() { return m_diagnostics; }

    SourceLocation locationOfIndex(qsizetype index) const
    {
        const PolicySourceMap::LineColumn lc = m_source.lineColumn(index);
        return SourceLocation{m_file, lc.line, lc.column, {}};
    }

    // UTF-16 index of a pointer into the parse buffer, -1 when it is not one.
    qsizetype indexOf(const char *p) const
    {
        const char *base = m_buffer.constData();
        if (p < base || p > base + m_buffer.size())
            return -1;
        return m_source.indexOfUtf8Offset(p - base);
    }

    SourceLocation elementLocation(const pugi::xml_node &node) const
    {
        const qsizetype nameIndex = indexOf(node.name());
        return locationOfIndex(nameIndex > 0 ? nameIndex - 1 : 0);
    }

    void error(const SourceLocation &where, const QString &message)
    {
        m_diagnostics.append(Diagnostic::error(where, message));
    }

    PolicyValue expressionValue(size_t i)
    {
        m_used[i] = true;
        const PolicyExpression &e = m_expressions[i];
        PolicyValue value;
        value.text = e.text;
        value.isExpression = true;
        value.location = SourceLocation{m_file, e.line, e.column, {}};
        return value;
    }

    PolicyElement element(const pugi::xml_node &node, int depth)
    {
        PolicyElement result;
        result.name = QString::fromUtf8(node.name());
        result.location = elementLocation(node);
        if (depth > MaxElementDepth) {
            error(result.location, tr("elements are nested too deeply"));
            return result;
        }
        for (const pugi::xml_attribute &a : node.attributes()) {
            PolicyAttribute attribute;
            attribute.name = QString::fromUtf8(a.name());
            const qsizetype nameIndex = indexOf(a.name());
            attribute.location = nameIndex >= 0 ? locationOfIndex(nameIndex) : result.location;
            const qsizetype valueIndex = indexOf(a.value());
            const auto found = valueIndex >= 0 ? m_expressionAt.constFind(valueIndex) : m_expressionAt.cend();
            if (found != m_expressionAt.cend()
                && m_expressions[found.value()].context == PolicyExpression::Context::Attribute) {
                attribute.value = expressionValue(found.value());
            } else {
                attribute.value.text = QString::fromUtf8(a.value());
                attribute.value.location = valueIndex >= 0 ? locationOfIndex(valueIndex) : attribute.location;
            }
            result.attributes.push_back(std::move(attribute));
        }

        bool sawExpression = false;
        bool sawLiteral = false;
        QString literal;
        SourceLocation literalStart;
        SourceLocation expressionStart;
        for (const pugi::xml_node &child : node.children()) {
            switch (child.type()) {
            case pugi::node_element:
                result.children.push_back(element(child, depth + 1));
                break;
            case pugi::node_pcdata:
            case pugi::node_cdata: {
                const QString piece = QString::fromUtf8(child.value());
                qsizetype start = indexOf(child.value());
                if (start >= 0) {
                    const QString &text = m_source.text();
                    while (start < text.size() && isXmlSpace(text.at(start)))
                        ++start;
                }
                const auto found = start >= 0 ? m_expressionAt.constFind(start) : m_expressionAt.cend();
                if (found != m_expressionAt.cend()
                    && m_expressions[found.value()].context != PolicyExpression::Context::Attribute) {
                    if (sawExpression || sawLiteral) {
                        error(locationOfIndex(start),
                              tr("a policy expression must fill the whole element text"));
                    }
                    result.text = expressionValue(found.value());
                    expressionStart = result.text.location;
                    sawExpression = true;
                    break;
                }
                if (!isBlank(piece)) {
                    if (sawExpression)
                        error(expressionStart, tr("a policy expression must fill the whole element text"));
                    if (!sawLiteral && start >= 0)
                        literalStart = locationOfIndex(start);
                    sawLiteral = true;
                }
                literal += piece;
                break;
            }
            default:
                break;
            }
        }
        if (!sawExpression && sawLiteral) {
            result.text.text = literal.trimmed();
            result.text.location = literalStart;
        }
        return result;
    }

    std::vector<PolicyElement> elements(const pugi::xml_node &parent)
    {
        std::vector<PolicyElement> result;
        for (const pugi::xml_node &child : parent.children(/*element*/)) {
            if (child.type() == pugi::node_element)
                result.push_back(element(child, 1));
            else if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)
                strayText(child, parent);
        }
        return result;
    }

    void strayText(const pugi::xml_node &text, const pugi::xml_node &parent)
    {
        qsizetype start = indexOf(text.value());
        if (start < 0)
            return;
        while (start < m_source.text().size() && isXmlSpace(m_source.text().at(start)))
            ++start;
        const auto found = m_expressionAt.constFind(start);
        if (found != m_expressionAt.cend())
            m_used[found.value()] = true; // reported here, not again as unplaced
        error(locationOfIndex(start),
              tr("unexpected text in <%1>; it may contain only elements").arg(QString::fromUtf8(parent.name())));
    }

    bool section(PolicyDocument &document, const pugi::xml_node &node)
    {
        PolicySection s;
        if (!PolicyParser::sectionFromName(QString::fromUtf8(node.name()), &s))
            return false;
        PolicySectionBlock &block = document.section(s);
        const SourceLocation where = elementLocation(node);
        if (block.present) {
            error(where, tr("section <%1> appears more than once").arg(policySectionName(s)));
            return true;
        }
        block.present = true;
        block.location = where;
        block.elements = elements(node);
        for (const pugi::xml_attribute &a : node.attributes()) {
            const qsizetype i = indexOf(a.value());
            if (m_expressionAt.contains(i))
                m_used[m_expressionAt.value(i)] = true;
        }
        return true;
    }

    void policies(PolicyDocument &document, const pugi::xml_node &root)
    {
        for (const pugi::xml_node &child : root.children()) {
            if (child.type() == pugi::node_element) {
                if (!section(document, child)) {
                    error(elementLocation(child),
                          tr("unexpected element <%1> in <policies>; expected <inbound>, <backend>, "
                             "<outbound> or <on-error>")
                              .arg(QString::fromUtf8(child.name())));
                }
            } else if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                strayText(child, root);
            }
        }
    }

    void reportUnplaced()
    {
        for (size_t i = 0; i < m_expressions.size(); ++i) {
            if (m_used[i])
                continue;
            const PolicyExpression &e = m_expressions[i];
            error(SourceLocation{m_file, e.line, e.column, {}},
                  tr("policy expression is not inside an attribute value or an element text"));
        }
    }

private:
    const PolicySourceMap &m_source;
    QString m_file;
    const QByteArray &m_buffer;
    const std::vector<PolicyExpression> &m_expressions;
    std::vector<bool> m_used;
    QHash<qsizetype, size_t> m_expressionAt;
    Diagnostics m_diagnostics;
};

PolicyDocumentResult parseText(QString text, const QString &fileLabel, bool snippet)
{
    PolicyDocumentResult result;
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    const PolicySourceMap source(text);

    PolicyExpressionScan scan = PolicyExpressionScanner::scan(source, fileLabel);
    result.diagnostics = scan.diagnostics;
    if (!scan.ok())
        return result;

    // Hide the expressions: same number of bytes, nothing XML cares about.
    QByteArray buffer = source.utf8();
    buffer.detach();
    for (const PolicyExpression &e : scan.expressions) {
        const qsizetype from = source.utf8Offset(e.begin);
        const qsizetype to = source.utf8Offset(e.end);
        for (qsizetype b = from; b < to; ++b)
            buffer[b] = '_';
    }

    pugi::xml_document xml;
    unsigned options = pugi::parse_default;
    if (snippet)
        options |= pugi::parse_fragment;
    const pugi::xml_parse_result parsed = xml.load_buffer_inplace(buffer.data(), static_cast<size_t>(buffer.size()),
                                                                  options, pugi::encoding_utf8);
    if (!parsed) {
        const qsizetype offset = std::clamp<qsizetype>(parsed.offset, 0, buffer.size());
        const PolicySourceMap::LineColumn lc = source.lineColumnOfUtf8Offset(offset);
        result.diagnostics.append(Diagnostic::error(
            SourceLocation{fileLabel, lc.line, lc.column, {}},
            PolicyParser::tr("malformed XML: %1").arg(QString::fromUtf8(parsed.description()))));
        return result;
    }

    TreeBuilder builder(source, fileLabel, buffer, scan.expressions);
    PolicyDocument document;
    document.file = fileLabel;

    std::vector<pugi::xml_node> roots;
    for (const pugi::xml_node &child : xml.children()) {
        if (child.type() == pugi::node_element)
            roots.push_back(child);
        else if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)
            builder.strayText(child, xml);
    }

    const auto rootName = [](const pugi::xml_node &n) { return QString::fromUtf8(n.name()); };
    if (roots.empty()) {
        builder.error(builder.locationOfIndex(0), PolicyParser::tr("the document has no root element"));
    } else if (roots.size() == 1 && rootName(roots.front()) == QLatin1String("policies")) {
        builder.policies(document, roots.front());
    } else if (roots.size() == 1 && rootName(roots.front()) == QLatin1String("fragment")) {
        document.isFragment = true;
        document.fragment = builder.elements(roots.front());
    } else if (!snippet) {
        builder.error(builder.elementLocation(roots.size() == 1 ? roots.front() : roots[1]),
                      roots.size() == 1
                          ? PolicyParser::tr("root element must be <policies> or <fragment>")
                          : PolicyParser::tr("a policy document has exactly one root element"));
    } else {
        bool allSections = true;
        for (const pugi::xml_node &r : roots)
            allSections = allSections && PolicyParser::sectionFromName(rootName(r), nullptr);
        if (allSections) {
            for (const pugi::xml_node &r : roots)
                builder.section(document, r);
        } else {
            document.isFragment = true;
            for (const pugi::xml_node &r : roots)
                document.fragment.push_back(builder.element(r, 1));
        }
    }
    if (!hasErrors(builder.diagnostics()))
        builder.reportUnplaced(); // an internal check; other errors explain missing expressions better

    result.diagnostics += builder.diagnostics();
    if (!hasErrors(result.diagnostics))
        result.document = std::move(document);
    return result;
}

} // namespace

PolicyDocumentResult PolicyParser::parse(const QString &text, const QString &fileLabel)
{
    return parseText(text, fileLabel, false);
}

PolicyDocumentResult PolicyParser::parseSnippet(const QString &text, const QString &fileLabel)
{
    return parseText(text, fileLabel, true);
}

PolicyDocumentResult PolicyParser::parseFile(const QString &path, const QString &fileLabel)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        PolicyDocumentResult result;
        result.diagnostics.append(Diagnostic::error(SourceLocation{fileLabel, 0, 0, {}},
                                                    tr("cannot read the policy file: %1").arg(file.errorString())));
        return result;
    }
    return parse(QString::fromUtf8(file.readAll()), fileLabel);
}

bool PolicyParser::sectionFromName(QStringView name, PolicySection *section)
{
    static const struct
    {
        QLatin1String name;
        PolicySection section;
    } sections[] = {
        {QLatin1String("inbound"), PolicySection::Inbound},
        {QLatin1String("backend"), PolicySection::Backend},
        {QLatin1String("outbound"), PolicySection::Outbound},
        {QLatin1String("on-error"), PolicySection::OnError},
    };
    for (const auto &s : sections) {
        if (name == s.name) {
            if (section)
                *section = s.section;
            return true;
        }
    }
    return false;
}

} // namespace sluice
