#include "ResponseCacheKey.h"

#include "http/HttpHeaders.h"

#include <QUrl>

#include <algorithm>

namespace sluice {

namespace {

const char Hex[] = "0123456789ABCDEF";

void appendPercent(QByteArray &out, uchar c)
{
    out += '%';
    out += Hex[c >> 4];
    out += Hex[c & 0xf];
}

bool isUnreserved(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'.'
        || c == u'_' || c == u'~';
}

// RFC 3986 percent-encoding of the UTF-8 text, without temporaries for the
// ASCII text ids and parameters are made of.
void appendEncoded(QByteArray &out, QStringView text)
{
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (isUnreserved(c)) {
            out += char(c);
        } else if (c < 0x80) {
            appendPercent(out, uchar(c));
        } else {
            const qsizetype start = i;
            while (i + 1 < text.size() && text.at(i + 1).unicode() >= 0x80)
                ++i;
            for (const char b : text.sliced(start, i - start + 1).toUtf8())
                appendPercent(out, uchar(b));
        }
    }
}

void appendEncoded(QByteArray &out, QByteArrayView bytes)
{
    for (const char b : bytes) {
        if (isUnreserved(char16_t(uchar(b))))
            out += b;
        else
            appendPercent(out, uchar(b));
    }
}

// A URL kept readable: only controls, spaces, non-ASCII and '|' are encoded.
void appendUrl(QByteArray &out, QStringView url)
{
    for (qsizetype i = 0; i < url.size(); ++i) {
        const char16_t c = url.at(i).unicode();
        if (c > 0x20 && c < 0x7f && c != u'|') {
            out += char(c);
        } else if (c < 0x80) {
            appendPercent(out, uchar(c));
        } else {
            const qsizetype start = i;
            while (i + 1 < url.size() && url.at(i + 1).unicode() >= 0x80)
                ++i;
            for (const char b : url.sliced(start, i - start + 1).toUtf8())
                appendPercent(out, uchar(b));
        }
    }
}

void appendParameter(QByteArray &out, const std::pair<QString, QString> &parameter, bool &first)
{
    if (!first)
        out += '&';
    first = false;
    appendEncoded(out, parameter.first);
    out += '=';
    appendEncoded(out, parameter.second);
}

} // namespace

QByteArray ResponseCacheKey::build(const Inputs &in)
{
    QByteArray key;
    key.reserve(64 + in.backendBase.size() + in.backendPath.size() + in.api.size() + in.operation.size());
    key += responsePrefix();
    appendEncoded(key, in.api);
    key += ':';
    appendEncoded(key, in.operation);
    key += ':';
    appendEncoded(key, in.product);
    key += ':';
    QStringView base(in.backendBase);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    appendUrl(key, base);
    appendUrl(key, in.backendPath);
    key += '?';

    bool first = true;
    if (in.varyByQuery.isEmpty()) {
        QList<std::pair<QString, QString>> sorted = in.query;
        std::stable_sort(sorted.begin(), sorted.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        for (const auto &parameter : std::as_const(sorted))
            appendParameter(key, parameter, first);
    } else {
        QStringList names = in.varyByQuery;
        std::sort(names.begin(), names.end());
        names.erase(std::unique(names.begin(), names.end()), names.end());
        for (const QString &name : std::as_const(names)) {
            for (const auto &parameter : in.query)
                if (parameter.first == name)
                    appendParameter(key, parameter, first);
        }
    }

    for (const QByteArray &name : in.varyByHeaders) {
        key += "|h:";
        key += name;
        if (in.headers && in.headers->contains(name)) {
            key += '=';
            appendEncoded(key, in.headers->combined(name));
        }
    }
    if (in.varyByDeveloper) {
        key += "|u:";
        appendEncoded(key, in.userId);
    }
    if (in.varyByGroups) {
        QStringList groups = in.groups;
        std::sort(groups.begin(), groups.end());
        key += "|g:";
        appendEncoded(key, groups.join(QLatin1Char(',')));
    }
    return key;
}

} // namespace sluice
