#pragma once

#include <QString>

#include <optional>

namespace sluice::dotnet {

// APIM's BasicAuthCredentials (from string.AsBasic() / TryParseBasic()).
class BasicAuthCredentials
{
public:
    // "Basic base64(user:password)" (scheme case-insensitive); nullopt otherwise.
    static std::optional<BasicAuthCredentials> parse(const QString &authorizationValue);
    static bool tryParse(const QString &authorizationValue, BasicAuthCredentials *result);

    QString username() const { return m_username; }
    QString password() const { return m_password; }

private:
    QString m_username;
    QString m_password;
};

} // namespace sluice::dotnet
