#pragma once

#include <QObject>
#include <QString>

#include <functional>
#include <optional>

namespace sluice {

// The system keychain (QtKeychain) for the connection strings entered in the
// console. Every call is asynchronous; a result is delivered on this thread,
// and only while `context` lives. Never logs a secret.
class ConnectionStringKeychain : public QObject
{
    Q_OBJECT
public:
    enum class Availability { Unknown, Available, Unavailable };

    explicit ConnectionStringKeychain(QObject *parent = nullptr);

    // Asks the keychain once (a read of an entry that does not exist) whether
    // it works here; availabilityChanged() tells the answer.
    void probe();
    // Decides without asking: headless sessions, the console's --no-keychain.
    void setUnavailable(const QString &reason);

    Availability availability() const { return m_availability; }
    QString unavailableReason() const { return m_reason; }

    using StoreDone = std::function<void(const QString &error)>; // empty error: stored
    using LoadDone = std::function<void(std::optional<QString> secret, const QString &error)>;
    void store(const QString &key, const QString &secret, QObject *context, StoreDone done);
    void load(const QString &key, QObject *context, LoadDone done);

    // A fresh key for a cache's connection string: "caches/<id>/<random>".
    static QString newKey(const QString &cacheId);

Q_SIGNALS:
    void availabilityChanged();

private:
    void setAvailability(Availability availability, const QString &reason);

    Availability m_availability = Availability::Unknown;
    QString m_reason;
    bool m_probing = false;
};

} // namespace sluice
