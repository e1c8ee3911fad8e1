#include "ConnectionStringKeychain.h"

#include "workspace/Workspace.h"

#include <QPointer>
#include <QUuid>

#include <qt6keychain/keychain.h>

namespace sluice {

ConnectionStringKeychain::ConnectionStringKeychain(QObject *parent)
    : QObject(parent)
{ }

void ConnectionStringKeychain::probe()
{
    if (m_probing || m_availability != Availability::Unknown)
        return;
    m_probing = true;
    auto *job = new QKeychain::ReadPasswordJob(ExternalCache::keychainService(), this);
    job->setKey(QStringLiteral("probe/%1").arg(QUuid::createUuid().toString(QUuid::Id128)));
    connect(job, &QKeychain::Job::finished, this, [this, job] {
        m_probing = false;
        const QKeychain::Error error = job->error();
        if (error == QKeychain::NoError || error == QKeychain::EntryNotFound)
            setAvailability(Availability::Available, QString());
        else
            setAvailability(Availability::Unavailable, job->errorString());
    });
    job->start();
}

void ConnectionStringKeychain::setUnavailable(const QString &reason)
{
    setAvailability(Availability::Unavailable, reason);
}

void ConnectionStringKeychain::setAvailability(Availability availability, const QString &reason)
{
    m_availability = availability;
    m_reason = reason;
    Q_EMIT availabilityChanged();
}

void ConnectionStringKeychain::store(const QString &key, const QString &secret, QObject *context, StoreDone done)
{
    auto *job = new QKeychain::WritePasswordJob(ExternalCache::keychainService(), this);
    job->setKey(key);
    job->setTextData(secret);
    const QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this, [job, guard, done = std::move(done)] {
        if (guard.isNull())
            return;
        done(job->error() == QKeychain::NoError ? QString() : job->errorString());
    });
    job->start();
}

void ConnectionStringKeychain::load(const QString &key, QObject *context, LoadDone done)
{
    auto *job = new QKeychain::ReadPasswordJob(ExternalCache::keychainService(), this);
    job->setKey(key);
    const QPointer<QObject> guard(context);
    connect(job, &QKeychain::Job::finished, this, [job, guard, done = std::move(done)] {
        if (guard.isNull())
            return;
        if (job->error() == QKeychain::NoError)
            done(job->textData(), QString());
        else if (job->error() == QKeychain::EntryNotFound)
            done(std::nullopt, tr("the system keychain has no entry for this cache"));
        else
            done(std::nullopt, job->errorString());
    });
    job->start();
}

QString ConnectionStringKeychain::newKey(const QString &cacheId)
{
    return QStringLiteral("caches/%1/%2").arg(cacheId, QUuid::createUuid().toString(QUuid::Id128).left(12));
}

} // namespace sluice
