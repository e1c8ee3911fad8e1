#pragma once

#include <QHostAddress>
#include <QString>

#include <optional>

namespace sluice {

struct HostPort
{
    QHostAddress address;
    quint16 port = 0;
};

// Parses "127.0.0.1:8080", "[::1]:8080", "localhost:8080" or ":8080" (all
// interfaces). Returns std::nullopt and sets *error when the text is not that.
std::optional<HostPort> parseHostPort(const QString &text, QString *error = nullptr);

} // namespace sluice
