#include "RedisConnectionString.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QUrl>

namespace sluice {

namespace {

// Errors and warnings name keys and positions, never a value taken from the
// string: any part of it may be a secret (an access key pasted in the wrong
// place looks like a host or like an option name).

class Parser
{
public:
    explicit Parser(const QString &text)
        : m_text(text)
    {
    }

    RedisConnectionStringResult run();

private:
    enum class OptionContext { StackExchange, UriQuery };

    bool fail(int position, const QString &message)
    {
        if (m_result.error.isEmpty()) {
            m_result.errorPosition = position;
            m_result.error = message; // the position is errorPosition: callers say it their way
        }
        return false;
    }

    bool parseStackExchange();
    bool parseUri(qsizetype schemeEnd);
    // `host[:port]` or `[v6][:port]` starting at `position`.
    bool parseEndpoint(QStringView token, int position, RedisEndpoint *endpoint);
    bool parsePort(QStringView digits, int position, quint16 *port);
    bool parseOption(QStringView key, QStringView value, int keyPosition, int valuePosition, OptionContext context);
    bool parseBool(QStringView key, QStringView value, int position, bool *out);
    bool parseInt(QStringView key, QStringView value, int position, int minimum, int maximum, int *out);

    const QString &m_text;
    RedisConnectionOptions m_options;
    RedisConnectionStringResult m_result;
};

// [start, end) trimmed of spaces and tabs.
void trimRange(const QString &text, qsizetype *start, qsizetype *end)
{
    while (*start < *end && text.at(*start).isSpace())
        ++*start;
    while (*end > *start && text.at(*end - 1).isSpace())
        --*end;
}

bool isHostNameChar(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
        || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') || c == QLatin1Char('.')
        || c == QLatin1Char('_');
}

// Option names are shown in warnings only when they look like an option name;
// a pasted access key (long, with '+', '/') is not repeated.
bool isShowableOptionName(QStringView key)
{
    if (key.isEmpty() || key.size() > 32 || !key.at(0).isLetter())
        return false;
    for (QChar c : key) {
        if (!(c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-')) || c.unicode() > 127)
            return false;
    }
    return true;
}

bool keyIs(QStringView key, const char *name)
{
    return key.compare(QLatin1String(name), Qt::CaseInsensitive) == 0;
}

// StackExchange.Redis options Sluice knows but does not use.
bool isIgnoredStackExchangeOption(QStringView key)
{
    static const char *const names[] = {"allowAdmin", "asyncTimeout", "channelPrefix", "checkCertificateRevocation",
                                        "configChannel", "configCheckSeconds", "connectRetry", "keepAlive",
                                        "name", "proxy", "resolveDns", "responseTimeout", "serviceName",
                                        "setlib", "sslProtocols", "tiebreaker", "version", "writeBuffer",
                                        "highPrioritySocketThreads", "protocol"};
    for (const char *name : names) {
        if (keyIs(key, name))
            return true;
    }
    return false;
}

RedisConnectionStringResult Parser::run()
{
    qsizetype start = 0;
    qsizetype end = m_text.size();
    trimRange(m_text, &start, &end);
    if (start == end) {
        fail(0, QCoreApplication::translate("RedisConnectionString", "the connection string is empty"));
        return m_result;
    }
    // A URI starts with a scheme name and "://"; anything else is the StackExchange form.
    const qsizetype schemeEnd = m_text.indexOf(QLatin1String("://"), start);
    bool isUri = schemeEnd > start && m_text.at(start).isLetter();
    for (qsizetype i = start; isUri && i < schemeEnd; ++i) {
        const QChar c = m_text.at(i);
        isUri = c.unicode() < 128 && (c.isLetterOrNumber() || c == QLatin1Char('+') || c == QLatin1Char('-')
                                      || c == QLatin1Char('.'));
    }
    const bool ok = isUri ? parseUri(schemeEnd) : parseStackExchange();
    // An endpoint without a port: 6380 with TLS in the StackExchange form (as
    // StackExchange.Redis does: Azure's TLS port), else 6379 (URIs too).
    for (RedisEndpoint &endpoint : m_options.endpoints) {
        if (endpoint.port == 0)
            endpoint.port = m_options.tls && !isUri ? 6380 : 6379;
    }
    if (ok)
        m_result.options = m_options;
    else
        m_result.options.reset();
    return m_result;
}

bool Parser::parseStackExchange()
{
    int endpointCount = 0;
    qsizetype tokenStart = 0;
    while (tokenStart <= m_text.size()) {
        qsizetype tokenEnd = m_text.indexOf(QLatin1Char(','), tokenStart);
        if (tokenEnd < 0)
            tokenEnd = m_text.size();
        qsizetype start = tokenStart;
        qsizetype end = tokenEnd;
        trimRange(m_text, &start, &end);
        tokenStart = tokenEnd + 1;
        if (start == end)
            continue; // empty part: ",," or a trailing comma
        const QStringView token = QStringView(m_text).mid(start, end - start);
        const qsizetype eq = token.indexOf(QLatin1Char('='));
        if (eq < 0) {
            RedisEndpoint endpoint;
            if (!parseEndpoint(token, int(start), &endpoint))
                return false;
            m_options.endpoints.append(endpoint);
            ++endpointCount;
            continue;
        }
        // key=value, split at the FIRST '=': access keys (base64) end in '='.
        qsizetype keyStart = start;
        qsizetype keyEnd = start + eq;
        trimRange(m_text, &keyStart, &keyEnd);
        qsizetype valueStart = start + eq + 1;
        qsizetype valueEnd = end;
        trimRange(m_text, &valueStart, &valueEnd);
        if (keyStart == keyEnd)
            return fail(int(start), QCoreApplication::translate("RedisConnectionString", "an option has no name before '='"));
        if (!parseOption(QStringView(m_text).mid(keyStart, keyEnd - keyStart),
                         QStringView(m_text).mid(valueStart, valueEnd - valueStart), int(keyStart), int(valueStart),
                         OptionContext::StackExchange))
            return false;
    }
    if (endpointCount == 0)
        return fail(0, QCoreApplication::translate("RedisConnectionString", "no endpoint: expected host:port before the options"));
    return true;
}

bool Parser::parsePort(QStringView digits, int position, quint16 *port)
{
    if (digits.isEmpty())
        return fail(position, QCoreApplication::translate("RedisConnectionString", "the port is missing after ':'"));
    for (QChar c : digits) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return fail(position, QCoreApplication::translate("RedisConnectionString", "the port must be a number from 1 to 65535"));
    }
    bool ok = false;
    const uint value = digits.size() <= 5 ? digits.toUInt(&ok) : 0;
    if (!ok || value == 0 || value > 65535)
        return fail(position, QCoreApplication::translate("RedisConnectionString", "the port must be a number from 1 to 65535"));
    *port = quint16(value);
    return true;
}

bool Parser::parseEndpoint(QStringView token, int position, RedisEndpoint *endpoint)
{
    QStringView host;
    qsizetype portSeparator = -1;
    if (token.startsWith(QLatin1Char('['))) {
        const qsizetype close = token.indexOf(QLatin1Char(']'));
        if (close < 0)
            return fail(position, QCoreApplication::translate("RedisConnectionString", "an IPv6 address is missing its closing ']'"));
        host = token.mid(1, close - 1);
        QHostAddress address;
        if (host.isEmpty() || !address.setAddress(host.toString())
            || address.protocol() != QAbstractSocket::IPv6Protocol)
            return fail(position + 1, QCoreApplication::translate("RedisConnectionString", "invalid IPv6 address in brackets"));
        if (close + 1 < token.size()) {
            if (token.at(close + 1) != QLatin1Char(':'))
                return fail(position + int(close) + 1, QCoreApplication::translate("RedisConnectionString", "expected ':' and a port after ']'"));
            portSeparator = close + 1;
        }
    } else {
        portSeparator = token.indexOf(QLatin1Char(':'));
        if (portSeparator >= 0 && token.indexOf(QLatin1Char(':'), portSeparator + 1) >= 0)
            return fail(position, QCoreApplication::translate("RedisConnectionString", "an IPv6 address must be written in brackets, e.g. [::1]:6379"));
        host = portSeparator >= 0 ? token.left(portSeparator) : token;
        if (host.isEmpty())
            return fail(position, QCoreApplication::translate("RedisConnectionString", "the host is missing before ':'"));
        for (qsizetype i = 0; i < host.size(); ++i) {
            if (!isHostNameChar(host.at(i)))
                return fail(position + int(i), QCoreApplication::translate("RedisConnectionString", "invalid character in the host name"));
        }
    }
    endpoint->host = host.toString();
    endpoint->port = 0; // no port given: decided in run(), once `ssl` is known
    if (portSeparator >= 0
        && !parsePort(token.mid(portSeparator + 1), position + int(portSeparator) + 1, &endpoint->port))
        return false;
    return true;
}

bool Parser::parseBool(QStringView key, QStringView value, int position, bool *out)
{
    if (value.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
        *out = true;
    else if (value.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
        *out = false;
    else
        return fail(position, QCoreApplication::translate("RedisConnectionString", "%1 must be True or False").arg(key.toString()));
    return true;
}

bool Parser::parseInt(QStringView key, QStringView value, int position, int minimum, int maximum, int *out)
{
    bool digitsOnly = !value.isEmpty() && value.size() <= 10;
    for (QChar c : value)
        digitsOnly = digitsOnly && c >= QLatin1Char('0') && c <= QLatin1Char('9');
    bool ok = false;
    const qlonglong number = digitsOnly ? value.toLongLong(&ok) : -1;
    if (!ok || number < minimum || number > maximum)
        return fail(position, QCoreApplication::translate("RedisConnectionString", "%1 must be a whole number from %2 to %3").arg(key.toString()).arg(minimum).arg(maximum));
    *out = int(number);
    return true;
}

bool Parser::parseOption(QStringView key, QStringView value, int keyPosition, int valuePosition, OptionContext context)
{
    if (keyIs(key, "password")) {
        m_options.password = value.toString();
    } else if (keyIs(key, "user")) {
        m_options.user = value.toString();
    } else if (keyIs(key, "ssl")) {
        return parseBool(QStringLiteral("ssl"), value, valuePosition, &m_options.tls);
    } else if (keyIs(key, "abortConnect")) {
        return parseBool(QStringLiteral("abortConnect"), value, valuePosition, &m_options.abortConnect);
    } else if (keyIs(key, "connectTimeout")) {
        return parseInt(QStringLiteral("connectTimeout"), value, valuePosition, 1, 600'000,
                        &m_options.connectTimeoutMs);
    } else if (keyIs(key, "syncTimeout")) {
        return parseInt(QStringLiteral("syncTimeout"), value, valuePosition, 1, 600'000, &m_options.syncTimeoutMs);
    } else if (keyIs(key, "defaultDatabase")) {
        return parseInt(QStringLiteral("defaultDatabase"), value, valuePosition, 0, 65'535, &m_options.database);
    } else if (keyIs(key, "sslHost")) {
        for (qsizetype i = 0; i < value.size(); ++i) {
            if (!isHostNameChar(value.at(i)))
                return fail(valuePosition + int(i), QCoreApplication::translate("RedisConnectionString", "sslHost must be a host name"));
        }
        m_options.tlsHost = value.toString();
    } else if (keyIs(key, "caFile")) {
        m_options.caFile = value.toString();
    } else if (context == OptionContext::StackExchange && isIgnoredStackExchangeOption(key)) {
        m_result.warnings.append(QCoreApplication::translate("RedisConnectionString", "option %1 (at position %2) is not used by Sluice; ignored")
                                     .arg(key.toString())
                                     .arg(keyPosition));
    } else if (isShowableOptionName(key)) {
        m_result.warnings.append(QCoreApplication::translate("RedisConnectionString", "unknown option %1 (at position %2) ignored").arg(key.toString()).arg(keyPosition));
    } else {
        m_result.warnings.append(QCoreApplication::translate("RedisConnectionString", "an unknown option (at position %1) ignored").arg(keyPosition));
    }
    return true;
}

// redis://[[user]:password@]host[:port][/db][?option=value&...]; a userinfo
// without ':' is the password (as redis-cli -u reads it).
bool Parser::parseUri(qsizetype schemeEnd)
{
    qsizetype start = 0;
    qsizetype end = m_text.size();
    trimRange(m_text, &start, &end);
    const QStringView scheme = QStringView(m_text).mid(start, schemeEnd - start);
    if (scheme.compare(QLatin1String("redis"), Qt::CaseInsensitive) == 0)
        m_options.tls = false;
    else if (scheme.compare(QLatin1String("rediss"), Qt::CaseInsensitive) == 0)
        m_options.tls = true;
    else
        return fail(int(start), QCoreApplication::translate("RedisConnectionString", "unsupported URI scheme: expected redis:// or rediss://"));

    qsizetype pos = schemeEnd + 3;
    qsizetype authorityEnd = pos;
    while (authorityEnd < end && m_text.at(authorityEnd) != QLatin1Char('/')
           && m_text.at(authorityEnd) != QLatin1Char('?'))
        ++authorityEnd;
    // userinfo: up to the LAST '@' of the authority (a password may hold '@' when not encoded).
    const qsizetype at = QStringView(m_text).mid(pos, authorityEnd - pos).lastIndexOf(QLatin1Char('@'));
    if (at >= 0) {
        const QStringView userInfo = QStringView(m_text).mid(pos, at);
        const qsizetype colon = userInfo.indexOf(QLatin1Char(':'));
        const QStringView user = colon >= 0 ? userInfo.left(colon) : QStringView();
        const QStringView password = colon >= 0 ? userInfo.mid(colon + 1) : userInfo;
        m_options.user = QUrl::fromPercentEncoding(user.toUtf8());
        m_options.password = QUrl::fromPercentEncoding(password.toUtf8());
        pos += at + 1;
    }
    if (pos == authorityEnd)
        return fail(int(pos), QCoreApplication::translate("RedisConnectionString", "the host is missing in the URI"));
    RedisEndpoint endpoint;
    if (!parseEndpoint(QStringView(m_text).mid(pos, authorityEnd - pos), int(pos), &endpoint))
        return false;
    m_options.endpoints.append(endpoint);

    pos = authorityEnd;
    if (pos < end && m_text.at(pos) == QLatin1Char('/')) {
        qsizetype dbEnd = pos + 1;
        while (dbEnd < end && m_text.at(dbEnd) != QLatin1Char('?'))
            ++dbEnd;
        const QStringView db = QStringView(m_text).mid(pos + 1, dbEnd - pos - 1);
        if (!db.isEmpty()
            && !parseInt(QStringLiteral("database"), db, int(pos + 1), 0, 65'535, &m_options.database))
            return false;
        pos = dbEnd;
    }
    if (pos < end && m_text.at(pos) == QLatin1Char('?')) {
        ++pos;
        while (pos < end) {
            qsizetype pairEnd = m_text.indexOf(QLatin1Char('&'), pos);
            if (pairEnd < 0 || pairEnd > end)
                pairEnd = end;
            const QStringView pair = QStringView(m_text).mid(pos, pairEnd - pos);
            if (!pair.isEmpty()) {
                const qsizetype eq = pair.indexOf(QLatin1Char('='));
                const QStringView key = eq >= 0 ? pair.left(eq) : pair;
                if (key.isEmpty())
                    return fail(int(pos), QCoreApplication::translate("RedisConnectionString", "an option has no name before '='"));
                const QString value = eq >= 0 ? QUrl::fromPercentEncoding(pair.mid(eq + 1).toUtf8()) : QString();
                if (!parseOption(key, value, int(pos), int(pos + eq + 1), OptionContext::UriQuery))
                    return false;
            }
            pos = pairEnd + 1;
        }
    }
    return true;
}

} // namespace

RedisConnectionStringResult RedisConnectionString::parse(const QString &text)
{
    Parser parser(text);
    return parser.run();
}

} // namespace sluice
