#include "ResponseCacheKey.h"

#include "http/HttpHeaders.h"

#include <QUrl>

#include <algorithm>

namespace sluice {

namespace {

const char Hex[] = "0123456789ABCDEF";

bool isUnreserved(char16_t c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'.'
        || c == u'_' || c == u'~';
}

// A URL kept readable: only controls, spaces, non-ASCII and '|' are encoded.
bool isUrlSafe(char16_t c)
{
    return c > 0x20 && c < 0x7f && c != u'|';
}

char *putPercent(char *at, uchar c)
{
    at[0] = '%';
    at[1] = Hex[c >> 4];
    at[2] = Hex[c & 0xf];
    return at + 3;
}

// Percent-encodes `text` (as UTF-8) onto `out`, keeping the characters `keep`
// accepts. Writes into memory sized once for the worst case (a UTF-16 unit is
// at most 3 UTF-8 bytes, 9 characters encoded), so the ASCII ids, paths and
// parameters keys are made of cost no temporary and no per-byte growth.
template<typename Keep> void appendEncodedText(QByteArray &out, QStringView text, Keep keep)
{
    const qsizetype start = out.size();
    out.resize(start + text.size() * 9);
    char *at = out.data() + start;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (keep(c)) {
            *at++ = char(c);
        } else if (c < 0x80) {
            at = putPercent(at, uchar(c));
        } else {
            const qsizetype run = i;
            while (i + 1 < text.size() && text.at(i + 1).unicode() >= 0x80)
                ++i;
            for (const char b : text.sliced(run, i - run + 1).toUtf8())
                at = putPercent(at, uchar(b));
        }
    }
    out.resize(at - out.constData());
}

void appendEncoded(QByteArray &out, QStringView text)
{
    appendEncodedText(out, text, isUnreserved);
}
void appendUrl(QByteArray &out, QStringView url)
{
    appendEncodedText(out, url, isUrlSafe);
}

void appendEncoded(QByteArray &out, QByteArrayView bytes)
{
    const qsizetype start = out.size();
    out.resize(start + bytes.size() * 3);
    char *at = out.data() + start;
    for (const char b : bytes) {
        if (isUnreserved(char16_t(uchar(b))))
            *at++ = b;
        else
            at = putPercent(at, uchar(b));
    }
    out.resize(at - out.constData());
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

QByteArray ResponseCacheKey::prefix(QStringView api, QStringView operation, QStringView product,
                                    QStringView backendBase)
{
    QByteArray key;
    key.reserve(responsePrefix().size() + 3 * (api.size() + operation.size() + product.size()) + backendBase.size()
                + 8);
    key += responsePrefix();
    appendEncoded(key, api);
    key += ':';
    appendEncoded(key, operation);
    key += ':';
    appendEncoded(key, product);
    key += ':';
    while (backendBase.endsWith(QLatin1Char('/')))
        backendBase.chop(1);
    appendUrl(key, backendBase);
    return key;
}

QByteArray ResponseCacheKey::build(const Inputs &in)
{
    QByteArray key = prefix(in.api, in.operation, in.product, in.backendBase);
    appendVaried(key, in);
    return key;
}

std::optional<ResponseCacheKey::Parts> ResponseCacheKey::decode(const QByteArray &key)
{
    if (!key.startsWith(responsePrefix()))
        return std::nullopt;
    const QByteArrayView rest = QByteArrayView(key).sliced(responsePrefix().size());
    // <api>:<operation>:<product>: are percent-encoded, so the first three ':' end them.
    QList<QByteArrayView> ids;
    qsizetype at = 0;
    for (int i = 0; i < 3; ++i) {
        const qsizetype colon = rest.indexOf(':', at);
        if (colon < 0)
            return std::nullopt;
        ids.append(rest.sliced(at, colon - at));
        at = colon + 1;
    }
    // '|' is encoded in the URL and the query, so the first one starts the varied parts.
    const QList<QByteArray> fields = rest.sliced(at).toByteArray().split('|');
    const QByteArrayView target = fields.first();
    const qsizetype question = target.indexOf('?');
    if (question < 0)
        return std::nullopt;
    const auto text = [](QByteArrayView encoded) {
        return QString::fromUtf8(QByteArray::fromPercentEncoding(encoded.toByteArray()));
    };
    Parts parts;
    parts.api = text(ids.at(0));
    parts.operation = text(ids.at(1));
    parts.product = text(ids.at(2));
    parts.backendUrl = text(target.first(question));
    parts.query = QString::fromUtf8(target.sliced(question + 1));
    for (qsizetype i = 1; i < fields.size(); ++i)
        parts.varied.append(text(fields.at(i)));
    return parts;
}

void ResponseCacheKey::appendVaried(QByteArray &key, const Inputs &in)
{
    appendUrl(key, in.backendPath);
    key += '?';

    bool first = true;
    if (in.query.isEmpty()) {
        // nothing to vary by (and no copy to sort)
    } else if (in.varyByQuery.isEmpty()) {
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
}

} // namespace sluice
