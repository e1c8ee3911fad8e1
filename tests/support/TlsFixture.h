#pragma once

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace sluice::test {

// A throwaway certificate authority and one server certificate signed by it,
// made with the `openssl` command in a temporary directory that lives as long
// as the fixture.
class TlsFixture
{
public:
    // `subjectAltNames` in openssl syntax, e.g. {"DNS:localhost", "IP:127.0.0.1"}.
    bool generate(const QStringList &subjectAltNames = {QStringLiteral("DNS:localhost")});

    QString caCertificateFile() const { return m_dir.filePath(QStringLiteral("ca.pem")); }
    QString serverCertificateFile() const { return m_dir.filePath(QStringLiteral("server.pem")); }
    QString serverKeyFile() const { return m_dir.filePath(QStringLiteral("server.key")); }
    QString directory() const { return m_dir.path(); }
    // What went wrong in generate().
    QString errorText() const { return m_error; }

private:
    bool run(const QStringList &arguments);

    QTemporaryDir m_dir;
    QString m_error;
};

} // namespace sluice::test
