#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace sluice::dotnet {

// System.Security.Cryptography hashes and HMACs: MD5, SHA1, SHA256, SHA384,
// SHA512 (ComputeHash over bytes; results as bytes).
class DotNetHash
{
public:
    enum class Algorithm { MD5, SHA1, SHA256, SHA384, SHA512 };

    // "SHA256", "HMACSHA256" -> SHA256, ...; nullopt when unknown.
    static std::optional<Algorithm> fromName(const QString &name);
    static QByteArray computeHash(Algorithm algorithm, const QByteArray &data);
    static QByteArray computeHmac(Algorithm algorithm, const QByteArray &key, const QByteArray &data);
};

} // namespace sluice::dotnet
