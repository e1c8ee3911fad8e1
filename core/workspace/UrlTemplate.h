#pragma once

#include <QList>
#include <QString>

#include <optional>
#include <utility>

namespace sluice {

// An APIM operation URL template such as "/products/{id}/reviews" or "/files/*".
// Matching works on percent-decoded path segments; a parameter takes exactly
// one segment; a trailing "/*" matches zero or more remaining segments.
class UrlTemplate
{
public:
    struct Segment
    {
        enum class Kind { Literal, Parameter, Wildcard };
        Kind kind = Kind::Literal;
        QString text; // literal text or parameter name
    };
    using Parameters = QList<std::pair<QString, QString>>; // name -> decoded value, in template order

    // Parses a template; returns std::nullopt and sets *error on a bad one.
    static std::optional<UrlTemplate> parse(const QString &templateText, QString *error = nullptr);

    // `path` is the request path relative to the API (starts with '/'), still
    // percent-encoded. Returns the parameters on a match.
    std::optional<Parameters> match(QStringView path) const;

    // Higher is more specific: literal segments beat parameters beat wildcards.
    int specificity() const { return m_specificity; }
    const QString &text() const { return m_text; }
    const QList<Segment> &segments() const { return m_segments; }

    // Expands "{name}" placeholders from `values` (percent-encoding them); used by rewrite-uri.
    static QString expand(const QString &templateText, const Parameters &values, QStringList *used = nullptr);

private:
    QString m_text;
    QList<Segment> m_segments;
    int m_specificity = 0;
};

// Splits "/a/b%20c/" into decoded segments ["a", "b c", ""].
QStringList splitPathSegments(QStringView path);

} // namespace sluice
