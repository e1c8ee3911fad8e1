#include "ResponseCacheKey.h"

#include "http/HttpHeaders.h"

#include <QUrl>

#include <algorithm>

namespace sluice {

namespace {

void appendEncoded(QByteArray &out, const QString &text) { out += QUrl::toPercentEncoding(text); }

void appendEncoded(QByteArray &out, const QByteArray &bytes) { out += bytes.toPercentEncoding(); }

void appendUrl(QByteArray &out, const QByteArray &url)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const char c : url) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == '|') {
            out += '%';
            out += hex[u >> 4];
            out += hex[u & 0xf];
        } else {
            out += c;
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
    key.reserve(64 + in.backendUrl.size() + in.api.size() + in.operation.size());
    key += responsePrefix();
    appendEncoded(key, in.api);
    key += ':';
    appendEncoded(key, in.operation);
    key += ':';
    appendEncoded(key, in.product);
    key += ':';
    appendUrl(key, in.backendUrl);
    key += '?';

    bool first = true;
    if (in.varyByQuery.isEmpty()) {
        QList<std::pair<QString, QString>> sorted = in.query;
        std::stable_sort(sorted.begin(), sorted.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
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
