#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace sluice {

// The operator's workspace as plain values: what workspace.json holds (see
// DESIGN.md, "Workspace on disk"). Policies live beside it in policies/ and are
// loaded by the policy module.

struct Operation
{
    QString id;
    QString name;        // display name; defaults to id
    QString method;      // upper-case HTTP method, or "*" for any
    QString urlTemplate; // "/products/{id}", "/*", "/"

    friend bool operator==(const Operation &, const Operation &) = default;
};

struct Api
{
    QString id;
    QString name;          // display name; defaults to id
    QString path;          // URL suffix without leading or trailing '/', may be empty
    QString serviceUrl;    // backend base URL, http:// or https://
    bool subscriptionRequired = true;
    QList<Operation> operations;

    const Operation *operation(const QString &operationId) const;

    friend bool operator==(const Api &, const Api &) = default;
};

struct Product
{
    QString id;
    QString name;
    QStringList apis;
    bool subscriptionRequired = true;

    friend bool operator==(const Product &, const Product &) = default;
};

struct User
{
    QString id;
    QString email;
    QString firstName;
    QString lastName;
    QStringList groups; // group ids

    friend bool operator==(const User &, const User &) = default;
};

struct Group
{
    QString id;
    QString name;

    // The APIM groups that always exist: administrators, developers, guests.
    static QStringList builtInIds();

    friend bool operator==(const Group &, const Group &) = default;
};

struct Subscription
{
    enum class ScopeKind { All, Product, Api };

    QString id;
    QString name;
    QString scope; // "all", "product:<id>", "api:<id>"
    QString user;  // user id, may be empty
    QString primaryKey;   // ${ENV} already resolved
    QString secondaryKey; // ${ENV} already resolved
    QString state = QStringLiteral("active"); // active, suspended, cancelled, expired, submitted, rejected

    ScopeKind scopeKind() const;
    QString scopeTarget() const; // product or api id; empty for "all"
    bool isActive() const { return state == QLatin1String("active"); }

    friend bool operator==(const Subscription &, const Subscription &) = default;
};

struct ExternalCache
{
    QString id;
    QString useFrom = QStringLiteral("default"); // "default" or a location name
    QString connectionString;                    // ${ENV} already resolved; a secret
    QString description;
    // Where workspace.json keeps the connection string (what WorkspaceWriter
    // writes back): the text as written, ${ENV} references unresolved, or
    // (when keychainKey is set) an entry of the system keychain, which the
    // console reads; the reader then leaves connectionString empty.
    QString connectionStringSource;
    QString keychainKey; // "connectionString": {"keychain": "<key>"}

    // The service name of the console's keychain entries.
    static QString keychainService() { return QStringLiteral("sluice"); }

    friend bool operator==(const ExternalCache &, const ExternalCache &) = default;
};

struct Backend
{
    QString id;
    QString url;
    QString description;

    friend bool operator==(const Backend &, const Backend &) = default;
};

// "internalCache" in workspace.json: the built-in cache of every gateway.
struct InternalCacheSettings
{
    qint64 capacityMegabytes = 256; // LRU eviction beyond it
    qint64 maxEntryKilobytes = 2048; // larger responses and values are not stored (APIM's 2 MiB)

    friend bool operator==(const InternalCacheSettings &, const InternalCacheSettings &) = default;
};

struct Workspace
{
    QString rootDir; // absolute folder holding workspace.json
    QString name;
    QStringList locations; // besides the implicit "Default"
    QList<ExternalCache> caches;
    QMap<QString, QString> namedValues; // name -> value, used as {{name}}
    QList<User> users;
    QList<Group> groups;
    QList<Product> products;
    QList<Subscription> subscriptions;
    QList<Api> apis;
    QList<Backend> backends;
    InternalCacheSettings internalCache;

    const Api *api(const QString &id) const;
    const Product *product(const QString &id) const;
    const User *user(const QString &id) const;
    const Backend *backend(const QString &id) const;
    // Products that include the API.
    QList<const Product *> productsOf(const QString &apiId) const;
    // The cache serving a gateway at `location`: the one whose useFrom is the
    // location (case-insensitive), else the "default" one, else none.
    const ExternalCache *cacheFor(const QString &location) const;

    friend bool operator==(const Workspace &, const Workspace &) = default;
};

} // namespace sluice
