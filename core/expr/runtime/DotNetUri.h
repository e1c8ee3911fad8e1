#pragma once

#include "DotNetError.h"

#include <QString>
#include <QStringList>

namespace sluice::dotnet {

enum class UriKind { RelativeOrAbsolute = 0, Absolute = 1, Relative = 2 };

// System.Uri for the parts policy expressions use. Absolute URIs are
// canonicalised as .NET does for hierarchical schemes: lower-case scheme and
// host, default port dropped, empty path -> "/", dot segments removed, '\' ->
// '/' for http(s), unsafe characters percent-encoded (upper-case hex), escaped
// unreserved characters decoded. ToString() shows the unescaped form,
// AbsoluteUri the escaped one.
class DotNetUri
{
public:
    DotNetUri() = default;
    // new Uri(text) / new Uri(text, kind): UriFormatException "Invalid URI: ...".
    static DotNetResult<DotNetUri> create(const QString &text, UriKind kind = UriKind::Absolute);
    // new Uri(baseUri, relative): RFC 3986 reference resolution.
    static DotNetResult<DotNetUri> create(const DotNetUri &baseUri, const QString &relative);
    static DotNetResult<DotNetUri> create(const DotNetUri &baseUri, const DotNetUri &relative);
    static bool tryCreate(const QString &text, UriKind kind, DotNetUri *result);

    bool isAbsoluteUri() const { return m_absolute; }
    QString originalString() const { return m_original; }
    // The members below need an absolute URI (InvalidOperationException
    // "This operation is not supported for a relative URI." otherwise); for a
    // relative one they return empty values; check isAbsoluteUri() or use checked().
    QString absoluteUri() const;
    QString scheme() const { return m_scheme; }
    QString host() const { return m_host; }
    QString authority() const;
    QString userInfo() const { return m_userInfo; }
    int port() const;
    bool isDefaultPort() const;
    QString absolutePath() const { return m_path; }
    QString localPath() const { return unescapeDataString(m_path); }
    QString pathAndQuery() const { return m_path + m_query; }
    QString query() const { return m_query; }
    QString fragment() const { return m_fragment; }
    QStringList segments() const;
    bool isLoopback() const;
    // The error a relative URI gives for absolute-only members.
    static DotNetError relativeError();

    // ToString(): unescaped form (reserved characters stay escaped).
    QString toString() const;

    bool operator==(const DotNetUri &other) const { return absoluteUri() == other.absoluteUri(); }

    // Uri.EscapeDataString / Uri.UnescapeDataString / Uri.EscapeUriString.
    static QString escapeDataString(const QString &text);
    static QString unescapeDataString(const QString &text);
    static QString escapeUriString(const QString &text);
    static bool isWellFormedUriString(const QString &text, UriKind kind);

private:
    static DotNetResult<DotNetUri> parseAbsolute(const QString &text);
    static int defaultPort(const QString &scheme);
    static QString removeDotSegments(const QString &path);
    void canonicalise();

    QString m_original;
    bool m_absolute = false;
    bool m_hasAuthority = false;
    QString m_scheme;
    QString m_userInfo;
    QString m_host;
    int m_port = -1; // explicit port, -1 = default
    QString m_path;
    QString m_query; // with '?'
    QString m_fragment; // with '#'
};

} // namespace sluice::dotnet
