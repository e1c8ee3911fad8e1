#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace sluice {

class HttpHeaders;

// The key under which cache-lookup / cache-store keep a response. Built from
// values only (no pointer, no process state), so every gateway process gives
// the same request the same key and instances sharing an external cache share
// its entries:
//
//   sluice:r1:<api>:<operation>:<product>:<backend url>?<query>[|h:<name>=<value>]...[|u:<user>][|g:<groups>]
//
// - <api>, <operation>, <product> (empty without a product) are
//   percent-encoded ids, so ':' and '|' never appear inside them;
// - <backend url> is the backend service URL and path the request would go
//   to, '|' and bytes outside printable ASCII percent-encoded;
// - <query> holds the query parameters, each `name=value` percent-encoded
//   (RFC 3986 unreserved characters kept) and joined with '&': only those named
//   by vary-by-query-parameter, in the order of their names; all of them, sorted
//   by name (stable), when none is named;
// - one `|h:` field per vary-by-header name (lower-case, sorted), with all of
//   the request's values of that header joined by ", " (percent-encoded); a
//   header the request lacks gives `|h:<name>` without '=';
// - `|u:` the developer (user id, empty when anonymous) with vary-by-developer;
//   `|g:` the developer's groups, sorted, joined with ',' with
//   vary-by-developer-groups ("guests" when anonymous).
class ResponseCacheKey
{
public:
    struct Inputs
    {
        QString api;
        QString operation;
        QString product;
        QString backendBase; // the backend service URL (trailing '/' ignored)
        QString backendPath; // percent-encoded, starts with '/'
        QList<std::pair<QString, QString>> query;
        const HttpHeaders *headers = nullptr;
        QStringList varyByQuery; // names, already split at ';'; empty: all parameters
        QList<QByteArray> varyByHeaders; // lower-case, sorted, unique
        bool varyByDeveloper = false;
        bool varyByGroups = false;
        QString userId;
        QStringList groups;
    };

    // A response key read back (the console's cache browser): the ids
    // decoded, the backend URL and query as in the key, and each varied part
    // ("h:accept=...", "u:alice", "g:admins,guests") percent-decoded.
    struct Parts
    {
        QString api;
        QString operation;
        QString product;
        QString backendUrl; // service URL and path
        QString query;      // the parameters as keyed, `a=1&b=2`
        QStringList varied; // vary-by-header, developer and groups fields
    };

    static QByteArray build(const Inputs &inputs);
    // The parts of a key that build() made; nullopt for any other key.
    static std::optional<Parts> decode(const QByteArray &key);
    // build() in two parts, so that a caller can keep the first: the part fixed
    // by the API, operation, product and backend service URL (up to the
    // backend path), and the rest appended to it.
    static QByteArray prefix(QStringView api, QStringView operation, QStringView product, QStringView backendBase);
    static void appendVaried(QByteArray &key, const Inputs &inputs);

    // The prefix of every response key: purging it drops every cached response.
    static QByteArray responsePrefix() { return QByteArrayLiteral("sluice:r1:"); }
    // The prefix of cache-store-value keys: the user's key follows it unchanged.
    static QByteArray valuePrefix() { return QByteArrayLiteral("sluice:v1:"); }
};

} // namespace sluice
