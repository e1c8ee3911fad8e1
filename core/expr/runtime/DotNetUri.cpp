#include "DotNetUri.h"

#include <QRegularExpression>

#include <cstring>

namespace sluice::dotnet {

namespace {

DotNetError uriError(const char *message)
{
    return {QStringLiteral("UriFormatException"), QCoreApplication::translate("DotNet", message)};
}

bool isUnreserved(uchar c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
        || c == '_' || c == '~';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendEscaped(QString &out, uchar c)
{
    static const char hex[] = "0123456789ABCDEF";
    out += QLatin1Char('%');
    out += QLatin1Char(hex[c >> 4]);
    out += QLatin1Char(hex[c & 15]);
}

// Canonical escaping of one URI component: keeps `allowed` ASCII, decodes
// escaped unreserved characters, upper-cases the hex of other escapes.
QString escapeComponent(const QString &text, const char *allowed)
{
    const QByteArray utf8 = text.toUtf8();
    QString out;
    out.reserve(utf8.size());
    for (qsizetype i = 0; i < utf8.size(); ++i) {
        const uchar c = uchar(utf8.at(i));
        if (c == '%') {
            const int hi = i + 2 < utf8.size() ? hexValue(utf8.at(i + 1)) : -1;
            const int lo = hi >= 0 ? hexValue(utf8.at(i + 2)) : -1;
            if (lo < 0) {
                appendEscaped(out, c);
                continue;
            }
            const uchar v = uchar(hi * 16 + lo);
            if (isUnreserved(v))
                out += QLatin1Char(char(v));
            else
                appendEscaped(out, v);
            i += 2;
            continue;
        }
        if (c < 0x80 && (isUnreserved(c) || (c > 0x20 && c < 0x7f && std::strchr(allowed, c))))
            out += QLatin1Char(char(c));
        else
            appendEscaped(out, c);
    }
    return out;
}

const char kPathChars[] = "!$&'()*+,;=:@/[]";
const char kQueryChars[] = "!$&'()*+,;=:@/?[]";

// Decodes %XX runs; bytes that do not form valid UTF-8, and (when keepReserved)
// reserved characters and controls, stay escaped.
QString unescape(const QString &text, bool keepReserved)
{
    QString out;
    qsizetype i = 0;
    while (i < text.size()) {
        if (text.at(i) != u'%') {
            out += text.at(i++);
            continue;
        }
        // Collect a run of escapes.
        QByteArray bytes;
        QList<qsizetype> starts;
        qsizetype j = i;
        while (j + 2 < text.size() + 0 && text.at(j) == u'%' && text.at(j + 1).unicode() < 128
               && text.at(j + 2).unicode() < 128 && hexValue(char(text.at(j + 1).unicode())) >= 0
               && hexValue(char(text.at(j + 2).unicode())) >= 0) {
            starts.append(j);
            bytes += char(hexValue(char(text.at(j + 1).unicode())) * 16 + hexValue(char(text.at(j + 2).unicode())));
            j += 3;
        }
        if (bytes.isEmpty()) {
            out += text.at(i++);
            continue;
        }
        // Decode byte by byte, keeping invalid sequences escaped.
        qsizetype k = 0;
        while (k < bytes.size()) {
            const uchar b = uchar(bytes.at(k));
            int length = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
            bool valid = length > 0 && k + length <= bytes.size();
            for (int m = 1; valid && m < length; ++m)
                valid = (uchar(bytes.at(k + m)) >> 6) == 2;
            QString decoded = valid ? QString::fromUtf8(bytes.mid(k, length)) : QString();
            if (valid && decoded.contains(QChar(0xFFFD)))
                valid = false;
            if (valid && keepReserved && length == 1
                && (b < 0x20 || b == 0x7f || b == '%' || std::strchr(":/?#[]@!$&'()*+,;= ", b))) {
                valid = false;
                if (b == ' ')
                    valid = true; // ToString() shows spaces
                length = 1;
            }
            if (valid) {
                out += decoded;
                k += length;
            } else {
                out += text.mid(starts.at(k), 3);
                ++k;
            }
        }
        i = j;
    }
    return out;
}

} // namespace

DotNetError DotNetUri::relativeError()
{
    return DotNetError::invalidOperation(
        QCoreApplication::translate("DotNet", "This operation is not supported for a relative URI."));
}

int DotNetUri::defaultPort(const QString &scheme)
{
    if (scheme == QLatin1String("http") || scheme == QLatin1String("ws"))
        return 80;
    if (scheme == QLatin1String("https") || scheme == QLatin1String("wss"))
        return 443;
    if (scheme == QLatin1String("ftp"))
        return 21;
    return -1;
}

QString DotNetUri::removeDotSegments(const QString &path)
{
    QStringList output;
    QString input = path;
    QString result;
    // RFC 3986 5.2.4
    while (!input.isEmpty()) {
        if (input.startsWith(QLatin1String("../"))) {
            input.remove(0, 3);
        } else if (input.startsWith(QLatin1String("./"))) {
            input.remove(0, 2);
        } else if (input.startsWith(QLatin1String("/./"))) {
            input.remove(0, 2);
        } else if (input == QLatin1String("/.")) {
            input = QStringLiteral("/");
        } else if (input.startsWith(QLatin1String("/../"))) {
            input.remove(0, 3);
            const qsizetype slash = result.lastIndexOf(QLatin1Char('/'));
            result.truncate(slash < 0 ? 0 : slash);
        } else if (input == QLatin1String("/..")) {
            input = QStringLiteral("/");
            const qsizetype slash = result.lastIndexOf(QLatin1Char('/'));
            result.truncate(slash < 0 ? 0 : slash);
        } else if (input == QLatin1String(".") || input == QLatin1String("..")) {
            input.clear();
        } else {
            qsizetype next = input.indexOf(QLatin1Char('/'), input.startsWith(QLatin1Char('/')) ? 1 : 0);
            if (next < 0)
                next = input.size();
            result += input.left(next);
            input.remove(0, next);
        }
    }
    return result;
}

void DotNetUri::canonicalise()
{
    m_scheme = m_scheme.toLower();
    m_host = m_host.toLower();
    if (m_hasAuthority) {
        const bool web = m_scheme.startsWith(QLatin1String("http")) || m_scheme.startsWith(QLatin1String("ws"))
            || m_scheme == QLatin1String("ftp");
        if (web)
            m_path.replace(QLatin1Char('\\'), QLatin1Char('/'));
        m_path = escapeComponent(m_path, kPathChars);
        m_path = removeDotSegments(m_path);
        if (m_path.isEmpty() || !m_path.startsWith(QLatin1Char('/')))
            m_path.prepend(QLatin1Char('/'));
    } else {
        m_path = escapeComponent(m_path, kPathChars);
    }
    if (!m_query.isEmpty())
        m_query = QLatin1Char('?') + escapeComponent(m_query.mid(1), kQueryChars);
    if (!m_fragment.isEmpty())
        m_fragment = QLatin1Char('#') + escapeComponent(m_fragment.mid(1), kQueryChars);
    if (m_port == defaultPort(m_scheme))
        m_port = -1;
}

DotNetResult<DotNetUri> DotNetUri::parseAbsolute(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return uriError("Invalid URI: The URI is empty.");
    static const QRegularExpression schemeRe(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*):"));
    const QRegularExpressionMatch m = schemeRe.match(text);
    if (!m.hasMatch() || m.capturedLength(1) < 2) // "C:" is a drive letter, not a scheme
        return uriError("Invalid URI: The format of the URI could not be determined.");
    DotNetUri uri;
    uri.m_original = input;
    uri.m_absolute = true;
    uri.m_scheme = m.captured(1);
    QString rest = text.mid(m.capturedLength(0));
    const qsizetype hash = rest.indexOf(QLatin1Char('#'));
    if (hash >= 0) {
        uri.m_fragment = rest.mid(hash);
        rest.truncate(hash);
    }
    const qsizetype question = rest.indexOf(QLatin1Char('?'));
    if (question >= 0) {
        uri.m_query = rest.mid(question);
        rest.truncate(question);
    }
    const QString lower = uri.m_scheme.toLower();
    const bool web = lower == QLatin1String("http") || lower == QLatin1String("https") || lower == QLatin1String("ws")
        || lower == QLatin1String("wss") || lower == QLatin1String("ftp");
    if (web)
        rest.replace(QLatin1Char('\\'), QLatin1Char('/'));
    if (rest.startsWith(QLatin1String("//"))) {
        uri.m_hasAuthority = true;
        qsizetype end = rest.indexOf(QLatin1Char('/'), 2);
        if (end < 0)
            end = rest.size();
        QString authority = rest.mid(2, end - 2);
        uri.m_path = rest.mid(end);
        const qsizetype at = authority.lastIndexOf(QLatin1Char('@'));
        if (at >= 0) {
            uri.m_userInfo = authority.left(at);
            authority.remove(0, at + 1);
        }
        QString host = authority;
        if (authority.startsWith(QLatin1Char('['))) {
            const qsizetype close = authority.indexOf(QLatin1Char(']'));
            if (close < 0)
                return uriError("Invalid URI: The hostname could not be parsed.");
            host = authority.left(close + 1);
            authority.remove(0, close + 1);
            if (!authority.isEmpty() && !authority.startsWith(QLatin1Char(':')))
                return uriError("Invalid URI: The hostname could not be parsed.");
        } else {
            const qsizetype colon = authority.lastIndexOf(QLatin1Char(':'));
            host = colon >= 0 ? authority.left(colon) : authority;
            authority = colon >= 0 ? authority.mid(colon) : QString();
        }
        if (authority.startsWith(QLatin1Char(':'))) {
            bool ok = false;
            const int port = authority.mid(1).toInt(&ok);
            if (authority.size() > 1 && (!ok || port < 0 || port > 65535))
                return uriError("Invalid URI: Invalid port specified.");
            if (authority.size() > 1)
                uri.m_port = port;
        }
        static const QRegularExpression hostRe(QStringLiteral(R"(^(?:\[[0-9A-Fa-f:.]+\]|[\w.\-~%]+)$)"),
                                               QRegularExpression::UseUnicodePropertiesOption);
        if ((web && host.isEmpty()) || (!host.isEmpty() && !hostRe.match(host).hasMatch()))
            return uriError("Invalid URI: The hostname could not be parsed.");
        uri.m_host = host;
    } else {
        if (web)
            return uriError("Invalid URI: The hostname could not be parsed.");
        uri.m_path = rest;
    }
    uri.canonicalise();
    return uri;
}

DotNetResult<DotNetUri> DotNetUri::create(const QString &text, UriKind kind)
{
    if (text.isNull())
        return DotNetError::argumentNull(QStringLiteral("uriString"));
    auto absolute = parseAbsolute(text);
    if (absolute.ok()) {
        if (kind == UriKind::Relative)
            return uriError("Invalid URI: The format of the URI could not be determined.");
        return absolute;
    }
    if (kind == UriKind::Absolute)
        return absolute;
    if (absolute.error().message.contains(QLatin1String("hostname"))
        || absolute.error().message.contains(QLatin1String("port")))
        return absolute;
    DotNetUri uri;
    uri.m_original = text;
    uri.m_absolute = false;
    return uri;
}

DotNetResult<DotNetUri> DotNetUri::create(const DotNetUri &baseUri, const DotNetUri &relative)
{
    if (relative.isAbsoluteUri())
        return relative;
    return create(baseUri, relative.originalString());
}

DotNetResult<DotNetUri> DotNetUri::create(const DotNetUri &baseUri, const QString &relativeText)
{
    if (!baseUri.isAbsoluteUri())
        return DotNetError::argumentOutOfRange(
            QCoreApplication::translate("DotNet", "This operation is not supported for a relative URI."));
    if (relativeText.isNull())
        return DotNetError::argumentNull(QStringLiteral("relativeUri"));
    auto absolute = parseAbsolute(relativeText);
    if (absolute.ok())
        return absolute;

    QString rel = relativeText.trimmed();
    const bool web =
        baseUri.m_scheme.startsWith(QLatin1String("http")) || baseUri.m_scheme.startsWith(QLatin1String("ws"));
    DotNetUri uri = baseUri;
    uri.m_original = relativeText;
    uri.m_fragment.clear();
    QString fragment;
    const qsizetype hash = rel.indexOf(QLatin1Char('#'));
    if (hash >= 0) {
        fragment = rel.mid(hash);
        rel.truncate(hash);
    }
    QString query;
    bool hasQuery = false;
    const qsizetype question = rel.indexOf(QLatin1Char('?'));
    if (question >= 0) {
        query = rel.mid(question);
        hasQuery = true;
        rel.truncate(question);
    }
    if (web)
        rel.replace(QLatin1Char('\\'), QLatin1Char('/'));
    if (rel.startsWith(QLatin1String("//"))) {
        auto network = parseAbsolute(baseUri.m_scheme + QLatin1Char(':') + relativeText.trimmed());
        if (!network)
            return network;
        return network;
    }
    if (rel.isEmpty()) {
        if (hasQuery)
            uri.m_query = query;
    } else {
        uri.m_query = query;
        if (rel.startsWith(QLatin1Char('/'))) {
            uri.m_path = rel;
        } else {
            const qsizetype slash = baseUri.m_path.lastIndexOf(QLatin1Char('/'));
            uri.m_path = (slash < 0 ? QStringLiteral("/") : baseUri.m_path.left(slash + 1)) + rel;
        }
    }
    uri.m_fragment = fragment;
    uri.canonicalise();
    return uri;
}

bool DotNetUri::tryCreate(const QString &text, UriKind kind, DotNetUri *result)
{
    const auto created = create(text, kind);
    if (created && result)
        *result = *created;
    return created.ok();
}

int DotNetUri::port() const
{
    if (!m_absolute)
        return -1;
    return m_port >= 0 ? m_port : defaultPort(m_scheme);
}

bool DotNetUri::isDefaultPort() const
{
    return m_port < 0;
}

QString DotNetUri::authority() const
{
    return m_port >= 0 ? m_host + QLatin1Char(':') + QString::number(m_port) : m_host;
}

QString DotNetUri::absoluteUri() const
{
    if (!m_absolute)
        return QString();
    QString out = m_scheme + QLatin1Char(':');
    if (m_hasAuthority) {
        out += QLatin1String("//");
        if (!m_userInfo.isEmpty())
            out += m_userInfo + QLatin1Char('@');
        out += authority();
    }
    return out + m_path + m_query + m_fragment;
}

QStringList DotNetUri::segments() const
{
    QStringList out;
    qsizetype start = 0;
    while (start < m_path.size()) {
        const qsizetype slash = m_path.indexOf(QLatin1Char('/'), start);
        if (slash < 0) {
            out.append(m_path.mid(start));
            break;
        }
        out.append(m_path.mid(start, slash + 1 - start));
        start = slash + 1;
    }
    return out;
}

bool DotNetUri::isLoopback() const
{
    return m_host == QLatin1String("localhost") || m_host.startsWith(QLatin1String("127."))
        || m_host == QLatin1String("[::1]");
}

QString DotNetUri::toString() const
{
    if (!m_absolute)
        return m_original;
    return unescape(absoluteUri(), true);
}

QString DotNetUri::escapeDataString(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QString out;
    out.reserve(utf8.size());
    for (char ch : utf8) {
        const uchar c = uchar(ch);
        if (isUnreserved(c))
            out += QLatin1Char(ch);
        else
            appendEscaped(out, c);
    }
    return out;
}

QString DotNetUri::escapeUriString(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    QString out;
    for (char ch : utf8) {
        const uchar c = uchar(ch);
        if (isUnreserved(c) || (c > 0x20 && c < 0x7f && std::strchr(":/?#[]@!$&'()*+,;=", c)))
            out += QLatin1Char(ch);
        else
            appendEscaped(out, c);
    }
    return out;
}

QString DotNetUri::unescapeDataString(const QString &text)
{
    if (!text.contains(QLatin1Char('%')))
        return text;
    return unescape(text, false);
}

bool DotNetUri::isWellFormedUriString(const QString &text, UriKind kind)
{
    const auto uri = create(text, kind);
    if (!uri)
        return false;
    if (text.contains(QLatin1Char(' ')) || text.contains(QLatin1Char('\\')))
        return false;
    return true;
}

} // namespace sluice::dotnet
