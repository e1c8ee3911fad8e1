#include "AdminCacheHandler.h"

#include "AdminCacheEntryDescription.h"
#include "AdminCacheKey.h"
#include "cache/CacheStore.h"
#include "caching/CacheRecord.h"
#include "caching/ResponseCacheKey.h"
#include "expr/JsonTokenObject.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <climits>
#include <cmath>
#include <initializer_list>
#include <memory>
#include <variant>

namespace sluice {

namespace {

HttpResponse methodNotAllowed(const QByteArray &allow)
{
    HttpResponse r = HttpResponse::apimError(405, QCoreApplication::translate("Gateway", "Method not allowed"));
    r.headers.set("Allow", allow);
    return r;
}

HttpResponse jsonResponse(const QJsonObject &object)
{
    return HttpResponse::json(200, QJsonDocument(object).toJson(QJsonDocument::Indented));
}

bool isGet(const HttpRequest &request)
{
    return request.method == "GET" || request.method == "HEAD";
}

using Parameters = QHash<QByteArray, QByteArray>;

// The query's parameters, decoded; answers 400 (and returns nullopt) for a
// parameter the endpoint does not take, one given twice or bad percent-encoding.
std::optional<Parameters> parseQuery(const HttpExchangePtr &exchange, std::initializer_list<QByteArrayView> allowed)
{
    Parameters parameters;
    const QByteArray &query = exchange->request().query;
    const QList<QByteArray> parts = query.split('&');
    for (const QByteArray &part : parts) {
        if (part.isEmpty())
            continue;
        const qsizetype equals = part.indexOf('=');
        const QByteArrayView rawName = equals < 0 ? QByteArrayView(part) : QByteArrayView(part).first(equals);
        const QByteArrayView rawValue = equals < 0 ? QByteArrayView() : QByteArrayView(part).sliced(equals + 1);
        const std::optional<QByteArray> name = AdminCacheKey::decode(rawName);
        const std::optional<QByteArray> value = AdminCacheKey::decode(rawValue);
        const QString shownName = QString::fromUtf8(name ? *name : rawName.toByteArray());
        if (std::find(allowed.begin(), allowed.end(), QByteArrayView(name ? *name : QByteArray())) == allowed.end()) {
            QStringList names;
            for (const QByteArrayView a : allowed)
                names.append(QString::fromLatin1(a));
            const QString message = names.isEmpty()
                ? QCoreApplication::translate("AdminCache", "Unknown query parameter '%1': this endpoint takes none")
                      .arg(shownName)
                : QCoreApplication::translate("AdminCache", "Unknown query parameter '%1': this endpoint takes %2")
                      .arg(shownName, names.join(QLatin1String(", ")));
            exchange->respond(HttpResponse::apimError(400, message));
            return std::nullopt;
        }
        if (!value) {
            exchange->respond(HttpResponse::apimError(
                400,
                QCoreApplication::translate(
                    "AdminCache",
                    "Query parameter '%1' has malformed percent-encoding (a '%' must start two hex digits)")
                    .arg(shownName)));
            return std::nullopt;
        }
        if (parameters.contains(*name)) {
            exchange->respond(HttpResponse::apimError(
                400,
                QCoreApplication::translate("AdminCache", "Query parameter '%1' is given more than once")
                    .arg(shownName)));
            return std::nullopt;
        }
        parameters.insert(*name, *value);
    }
    return parameters;
}

QJsonObject entryJson(const QByteArray &key, const QString &store, qint64 sizeBytes, qint64 ttlMs)
{
    QJsonObject o;
    o.insert(QStringLiteral("key"), AdminCacheKey::text(key));
    o.insert(QStringLiteral("keyEncoded"), QString::fromLatin1(AdminCacheKey::encode(key)));
    o.insert(QStringLiteral("store"), store);
    o.insert(QStringLiteral("sizeBytes"), sizeBytes);
    o.insert(QStringLiteral("ttlMs"), ttlMs);
    o.insert(QStringLiteral("ttlSeconds"), static_cast<double>(ttlMs) / 1000.0);
    return o;
}

bool failed(const CacheListing &r)
{
    return !r.ok;
}
bool failed(const CacheWrite &r)
{
    return !r.ok;
}
bool failed(const CacheLookup &r)
{
    return r.status == CacheLookup::Status::Error;
}

template<typename Result> using StoreResults = QList<std::pair<QString, Result>>;

// 503 naming the first store that could not answer, if any did not.
template<typename Result> std::optional<HttpResponse> storeFailure(const StoreResults<Result> &results)
{
    for (const auto &[store, result] : results) {
        if (failed(result))
            return HttpResponse::apimError(
                503,
                QCoreApplication::translate("AdminCache", "Cache store '%1' could not answer: %2")
                    .arg(store, result.error));
    }
    return std::nullopt;
}

// {"<total>": n, "stores": {"<store>": n, ...}} for purge and preload, or
// the 503 of a store that could not answer.
HttpResponse countsByStore(const StoreResults<CacheWrite> &results, const QString &total)
{
    if (std::optional<HttpResponse> failure = storeFailure(results))
        return *failure;
    qint64 sum = 0;
    QJsonObject byStore;
    for (const auto &[store, result] : results) {
        sum += result.count;
        byStore.insert(store, result.count);
    }
    QJsonObject o;
    o.insert(total, sum);
    o.insert(QStringLiteral("stores"), byStore);
    return jsonResponse(o);
}

// Starts one operation per store and answers the exchange with finish(results)
// once every store has called back (on the context's thread; perhaps before
// this returns). If a store never calls back (its context died), the exchange
// goes with the last callback and answers 500 on its own.
template<typename Result, typename Start, typename Finish>
void fanOut(const QList<CacheStore *> &stores, const HttpExchangePtr &exchange, Start start, Finish finish)
{
    struct State
    {
        HttpExchangePtr exchange;
        StoreResults<Result> results;
        qsizetype pending = 0;
        Finish finish;
    };
    auto state = std::make_shared<State>(State {exchange, {}, stores.size(), std::move(finish)});
    for (const CacheStore *store : stores)
        state->results.append({store->name(), Result {}});
    if (stores.isEmpty()) {
        exchange->respond(state->finish(std::as_const(state->results)));
        return;
    }
    for (qsizetype i = 0; i < stores.size(); ++i) {
        start(*stores[i], [state, i](Result result) {
            state->results[i].second = std::move(result);
            if (--state->pending == 0)
                state->exchange->respond(state->finish(std::as_const(state->results)));
        });
    }
}

} // namespace

AdminCacheHandler::AdminCacheHandler(StoreList stores)
    : m_stores(std::move(stores))
{ }

bool AdminCacheHandler::handle(const HttpExchangePtr &exchange, QObject *context) const
{
    static const QByteArray entriesPath = QByteArrayLiteral("/cache/entries");
    const HttpRequest &request = exchange->request();
    const QByteArray &path = request.path;
    if (path == "/cache/stores") {
        if (!isGet(request))
            exchange->respond(methodNotAllowed("GET, HEAD"));
        else
            listStores(exchange);
        return true;
    }
    if (path == entriesPath) {
        if (!isGet(request))
            exchange->respond(methodNotAllowed("GET, HEAD"));
        else
            listEntries(exchange, context);
        return true;
    }
    if (path.startsWith(entriesPath + '/')) {
        const bool isDelete = request.method == "DELETE";
        if (!isGet(request) && !isDelete) {
            exchange->respond(methodNotAllowed("GET, HEAD, DELETE"));
            return true;
        }
        const QByteArrayView segment = QByteArrayView(path).sliced(entriesPath.size() + 1);
        if (segment.isEmpty()) {
            exchange->respond(HttpResponse::apimError(
                400, QCoreApplication::translate("AdminCache", "The key is missing after /cache/entries/")));
            return true;
        }
        if (segment.contains('/')) {
            exchange->respond(HttpResponse::apimError(
                400,
                QCoreApplication::translate("AdminCache",
                                            "A key is one path segment: percent-encode '/' in a key as %2F")));
            return true;
        }
        const std::optional<QByteArray> key = AdminCacheKey::decode(segment);
        if (!key) {
            exchange->respond(HttpResponse::apimError(
                400,
                QCoreApplication::translate(
                    "AdminCache", "The key has malformed percent-encoding (a '%' must start two hex digits)")));
            return true;
        }
        if (isDelete)
            deleteEntry(exchange, *key, context);
        else
            getEntry(exchange, *key, context);
        return true;
    }
    if (path == "/cache/purge") {
        if (request.method != "POST")
            exchange->respond(methodNotAllowed("POST"));
        else
            purge(exchange, context);
        return true;
    }
    if (path == "/cache/preload") {
        if (request.method != "POST")
            exchange->respond(methodNotAllowed("POST"));
        else
            preload(exchange, context);
        return true;
    }
    return false;
}

std::optional<QList<CacheStore *>> AdminCacheHandler::selectStores(const HttpExchangePtr &exchange,
                                                                   const QByteArray &name, bool named) const
{
    const QList<CacheStore *> all = m_stores();
    if (!named)
        return all;
    for (CacheStore *store : all) {
        if (store->name().toUtf8() == name)
            return QList<CacheStore *> {store};
    }
    exchange->respond(HttpResponse::apimError(
        404, QCoreApplication::translate("AdminCache", "Cache store '%1' not found").arg(QString::fromUtf8(name))));
    return std::nullopt;
}

void AdminCacheHandler::listStores(const HttpExchangePtr &exchange) const
{
    if (!parseQuery(exchange, {}))
        return;
    QJsonArray stores;
    for (const CacheStore *store : m_stores()) {
        QJsonObject s;
        s.insert(QStringLiteral("name"), store->name());
        s.insert(QStringLiteral("external"), store->isExternal());
        stores.append(s);
    }
    QJsonObject o;
    o.insert(QStringLiteral("stores"), stores);
    exchange->respond(jsonResponse(o));
}

void AdminCacheHandler::listEntries(const HttpExchangePtr &exchange, QObject *context) const
{
    const std::optional<Parameters> parameters = parseQuery(exchange, {"prefix", "limit", "store"});
    if (!parameters)
        return;
    int limit = defaultLimit;
    if (parameters->contains("limit")) {
        bool ok = false;
        limit = parameters->value("limit").toInt(&ok);
        if (!ok || limit < 1 || limit > maxLimit) {
            exchange->respond(HttpResponse::apimError(
                400,
                QCoreApplication::translate("AdminCache", "Query parameter 'limit' must be a whole number from 1 to %1")
                    .arg(maxLimit)));
            return;
        }
    }
    const std::optional<QList<CacheStore *>> stores =
        selectStores(exchange, parameters->value("store"), parameters->contains("store"));
    if (!stores)
        return;
    const QByteArray prefix = parameters->value("prefix");
    fanOut<CacheListing>(
        *stores, exchange,
        [prefix, limit, context](CacheStore &store, CacheStore::ListCallback done) {
            store.list(prefix, limit, context, std::move(done));
        },
        [limit](const StoreResults<CacheListing> &results) {
            if (std::optional<HttpResponse> failure = storeFailure(results))
                return *failure;
            struct Row
            {
                const CacheEntryInfo *info;
                qsizetype store;
            };
            QList<Row> rows;
            bool truncated = false;
            for (qsizetype s = 0; s < results.size(); ++s) {
                truncated = truncated || results[s].second.truncated;
                for (const CacheEntryInfo &info : results[s].second.entries)
                    rows.append({&info, s});
            }
            std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) {
                const int c = a.info->key.compare(b.info->key);
                return c != 0 ? c < 0 : a.store < b.store;
            });
            if (rows.size() > limit) {
                rows.resize(limit);
                truncated = true;
            }
            QJsonArray entries;
            for (const Row &row : std::as_const(rows))
                entries.append(
                    entryJson(row.info->key, results[row.store].first, row.info->sizeBytes, row.info->ttlMs));
            QJsonObject o;
            o.insert(QStringLiteral("entries"), entries);
            o.insert(QStringLiteral("truncated"), truncated);
            return jsonResponse(o);
        });
}

void AdminCacheHandler::getEntry(const HttpExchangePtr &exchange, const QByteArray &key, QObject *context) const
{
    const std::optional<Parameters> parameters = parseQuery(exchange, {"store"});
    if (!parameters)
        return;
    const std::optional<QList<CacheStore *>> stores =
        selectStores(exchange, parameters->value("store"), parameters->contains("store"));
    if (!stores)
        return;
    fanOut<CacheLookup>(
        *stores, exchange,
        [key, context](CacheStore &store, CacheStore::LookupCallback done) {
            store.lookup(key, context, std::move(done));
        },
        [key](const StoreResults<CacheLookup> &results) {
            if (std::optional<HttpResponse> failure = storeFailure(results))
                return *failure;
            const std::pair<QString, CacheLookup> *found = nullptr;
            QJsonArray alsoIn;
            for (const auto &result : results) {
                if (result.second.status != CacheLookup::Status::Hit)
                    continue;
                if (!found)
                    found = &result;
                else
                    alsoIn.append(result.first);
            }
            if (!found)
                return HttpResponse::apimError(404, QCoreApplication::translate("AdminCache", "Cache entry not found"));
            const CacheLookup &hit = found->second;
            QJsonObject o = entryJson(key, found->first, key.size() + hit.value.size(), hit.ttlMs);
            const QJsonObject description = AdminCacheEntryDescription::describe(hit.value);
            for (auto it = description.begin(); it != description.end(); ++it)
                o.insert(it.key(), it.value());
            if (!alsoIn.isEmpty())
                o.insert(QStringLiteral("alsoIn"), alsoIn);
            return jsonResponse(o);
        });
}

void AdminCacheHandler::deleteEntry(const HttpExchangePtr &exchange, const QByteArray &key, QObject *context) const
{
    const std::optional<Parameters> parameters = parseQuery(exchange, {"store"});
    if (!parameters)
        return;
    const std::optional<QList<CacheStore *>> stores =
        selectStores(exchange, parameters->value("store"), parameters->contains("store"));
    if (!stores)
        return;
    fanOut<CacheWrite>(
        *stores, exchange,
        [key, context](CacheStore &store, CacheStore::WriteCallback done) {
            store.remove(key, context, std::move(done));
        },
        [](const StoreResults<CacheWrite> &results) {
            if (std::optional<HttpResponse> failure = storeFailure(results))
                return *failure;
            qint64 removed = 0;
            for (const auto &result : results)
                removed += result.second.count;
            if (removed == 0)
                return HttpResponse::apimError(404, QCoreApplication::translate("AdminCache", "Cache entry not found"));
            HttpResponse r;
            r.status = 204;
            return r;
        });
}

void AdminCacheHandler::purge(const HttpExchangePtr &exchange, QObject *context) const
{
    const std::optional<Parameters> parameters = parseQuery(exchange, {"prefix", "store"});
    if (!parameters)
        return;
    const std::optional<QList<CacheStore *>> stores =
        selectStores(exchange, parameters->value("store"), parameters->contains("store"));
    if (!stores)
        return;
    const QByteArray prefix = parameters->value("prefix");
    fanOut<CacheWrite>(
        *stores, exchange,
        [prefix, context](CacheStore &store, CacheStore::WriteCallback done) {
            store.purge(prefix, context, std::move(done));
        },
        [](const StoreResults<CacheWrite> &results) { return countsByStore(results, QStringLiteral("removed")); });
}

namespace {

struct PreloadItem
{
    QByteArray key; // the full store key (value prefix included)
    QByteArray record;
    qint64 ttlMs = 0;
};

// A JSON value as the expression language would hold it after
// cache-lookup-value: strings, numbers (int when integral and in range,
// else long or double), booleans, null, objects and arrays as JTokens.
std::optional<Value> valueFromJson(const QJsonValue &json)
{
    switch (json.type()) {
    case QJsonValue::Null:
        return Value();
    case QJsonValue::Bool:
        return Value::fromBool(json.toBool());
    case QJsonValue::String:
        return Value::fromString(json.toString());
    case QJsonValue::Double: {
        const double d = json.toDouble();
        if (std::trunc(d) == d && std::abs(d) < 9.0e15) {
            const qint64 l = qint64(d);
            return l >= INT_MIN && l <= INT_MAX ? Value::fromInt(qint32(l)) : Value::fromLong(l);
        }
        return Value::fromDouble(d);
    }
    case QJsonValue::Array:
    case QJsonValue::Object: {
        const QByteArray text = json.isArray() ? QJsonDocument(json.toArray()).toJson(QJsonDocument::Compact)
                                               : QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact);
        const auto token = dotnet::JsonToken::parse(QString::fromUtf8(text));
        if (!token)
            return std::nullopt;
        return JsonTokenObject::wrap(token.value());
    }
    default:
        return std::nullopt;
    }
}

// The body of POST /cache/preload, or the 400 that says what is wrong (with
// its JSON path).
std::variant<QList<PreloadItem>, HttpResponse> parsePreload(const QByteArray &body)
{
    const auto bad = [](const QString &message) { return HttpResponse::apimError(400, message); };
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError)
        return bad(QCoreApplication::translate("AdminCache", "The body is not JSON: %1 at offset %2")
                       .arg(error.errorString())
                       .arg(error.offset));
    if (!document.isArray())
        return bad(QCoreApplication::translate(
            "AdminCache", "The body must be a JSON array of {\"key\", \"value\", \"duration\"} objects"));
    QList<PreloadItem> items;
    const QJsonArray array = document.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = QStringLiteral("[%1]").arg(i);
        const QJsonObject o = array.at(i).toObject();
        if (!array.at(i).isObject())
            return bad(QCoreApplication::translate("AdminCache", "%1: an object is expected").arg(at));
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() != QLatin1String("key") && it.key() != QLatin1String("value")
                && it.key() != QLatin1String("duration"))
                return bad(QCoreApplication::translate("AdminCache", "%1.%2: unknown field").arg(at, it.key()));
        }
        if (!o.value(QLatin1String("key")).isString() || o.value(QLatin1String("key")).toString().isEmpty())
            return bad(QCoreApplication::translate("AdminCache", "%1.key: a non-empty string is required").arg(at));
        const QJsonValue duration = o.value(QLatin1String("duration"));
        const double seconds = duration.toDouble(-1);
        if (!duration.isDouble() || seconds < 1 || seconds > 10.0 * 365 * 24 * 3600 || std::trunc(seconds) != seconds)
            return bad(
                QCoreApplication::translate("AdminCache", "%1.duration: whole seconds of at least 1 are required")
                    .arg(at));
        if (!o.contains(QLatin1String("value")))
            return bad(QCoreApplication::translate("AdminCache", "%1.value: required").arg(at));
        const std::optional<Value> value = valueFromJson(o.value(QLatin1String("value")));
        std::optional<QByteArray> record = value ? CacheRecord::encodeValue(*value) : std::nullopt;
        if (!record)
            return bad(QCoreApplication::translate("AdminCache", "%1.value: cannot be stored").arg(at));
        items.append({ResponseCacheKey::valuePrefix() + o.value(QLatin1String("key")).toString().toUtf8(),
                      std::move(*record), qint64(seconds) * 1000});
    }
    return items;
}

} // namespace

void AdminCacheHandler::preload(const HttpExchangePtr &exchange, QObject *context) const
{
    const std::optional<Parameters> parameters = parseQuery(exchange, {"store"});
    if (!parameters)
        return;
    std::optional<QList<CacheStore *>> stores;
    if (parameters->contains("store")) {
        stores = selectStores(exchange, parameters->value("store"), true);
        if (!stores)
            return;
    } else {
        // Where the value policies look with the default caching-type
        // (prefer-external): the external cache if there is one, else the built-in one.
        const QList<CacheStore *> all = m_stores();
        CacheStore *target = all.isEmpty() ? nullptr : all.first();
        for (CacheStore *store : all)
            if (store->isExternal())
                target = store;
        stores = target ? QList<CacheStore *> {target} : QList<CacheStore *> {};
    }
    auto parsed = parsePreload(exchange->request().body);
    if (auto *failure = std::get_if<HttpResponse>(&parsed)) {
        exchange->respond(std::move(*failure));
        return;
    }
    auto items = std::make_shared<QList<PreloadItem>>(std::get<QList<PreloadItem>>(std::move(parsed)));
    fanOut<CacheWrite>(
        *stores, exchange,
        [items, context](CacheStore &store, CacheStore::WriteCallback done) {
            if (items->isEmpty()) {
                done(CacheWrite {true, 0, {}});
                return;
            }
            struct Progress
            {
                qsizetype pending;
                CacheWrite total {true, 0, {}};
                CacheStore::WriteCallback done;
            };
            auto progress = std::make_shared<Progress>(Progress {items->size(), {true, 0, {}}, std::move(done)});
            for (const PreloadItem &item : *items) {
                store.store(item.key, item.record, item.ttlMs, context, [progress](CacheWrite w) {
                    if (w.ok)
                        ++progress->total.count;
                    else if (progress->total.ok)
                        progress->total = CacheWrite {false, progress->total.count, w.error};
                    if (--progress->pending == 0)
                        progress->done(progress->total);
                });
            }
        },
        [](const StoreResults<CacheWrite> &results) { return countsByStore(results, QStringLiteral("stored")); });
}

} // namespace sluice
