#include "BasicAuthCredentials.h"

#include <QByteArray>

namespace sluice::dotnet {

std::optional<BasicAuthCredentials> BasicAuthCredentials::parse(const QString &authorizationValue)
{
    const QString text = authorizationValue.trimmed();
    if (!text.startsWith(QLatin1String("Basic "), Qt::CaseInsensitive))
        return std::nullopt;
    const QByteArray encoded = text.mid(6).trimmed().toLatin1();
    const auto decoded = QByteArray::fromBase64Encoding(encoded, QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || encoded.isEmpty() || encoded.size() % 4 != 0)
        return std::nullopt;
    const QString pair = QString::fromUtf8(decoded.decoded);
    const qsizetype colon = pair.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return std::nullopt;
    BasicAuthCredentials credentials;
    credentials.m_username = pair.left(colon);
    credentials.m_password = pair.mid(colon + 1);
    return credentials;
}

bool BasicAuthCredentials::tryParse(const QString &authorizationValue, BasicAuthCredentials *result)
{
    auto parsed = parse(authorizationValue);
    if (parsed && result)
        *result = *parsed;
    return parsed.has_value();
}

} // namespace sluice::dotnet
