#include "DotNetHash.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

namespace sluice::dotnet {

namespace {

QCryptographicHash::Algorithm qtAlgorithm(DotNetHash::Algorithm algorithm)
{
    switch (algorithm) {
    case DotNetHash::Algorithm::MD5:
        return QCryptographicHash::Md5;
    case DotNetHash::Algorithm::SHA1:
        return QCryptographicHash::Sha1;
    case DotNetHash::Algorithm::SHA256:
        return QCryptographicHash::Sha256;
    case DotNetHash::Algorithm::SHA384:
        return QCryptographicHash::Sha384;
    case DotNetHash::Algorithm::SHA512:
        return QCryptographicHash::Sha512;
    }
    return QCryptographicHash::Sha256;
}

} // namespace

std::optional<DotNetHash::Algorithm> DotNetHash::fromName(const QString &name)
{
    QString n = name.toUpper();
    if (n.startsWith(QLatin1String("HMAC")))
        n.remove(0, 4);
    n.remove(QLatin1Char('-'));
    if (n == QLatin1String("MD5"))
        return Algorithm::MD5;
    if (n == QLatin1String("SHA1"))
        return Algorithm::SHA1;
    if (n == QLatin1String("SHA256"))
        return Algorithm::SHA256;
    if (n == QLatin1String("SHA384"))
        return Algorithm::SHA384;
    if (n == QLatin1String("SHA512"))
        return Algorithm::SHA512;
    return std::nullopt;
}

QByteArray DotNetHash::computeHash(Algorithm algorithm, const QByteArray &data)
{
    return QCryptographicHash::hash(data, qtAlgorithm(algorithm));
}

QByteArray DotNetHash::computeHmac(Algorithm algorithm, const QByteArray &key, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, key, qtAlgorithm(algorithm));
}

} // namespace sluice::dotnet
