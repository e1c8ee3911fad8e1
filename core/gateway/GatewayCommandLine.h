#pragma once

#include "Gateway.h"
#include "common/RequestLog.h"

#include <QStringList>

#include <optional>

namespace sluice {

// The command line of sluice-gateway:
//   sluice-gateway --workspace DIR [--listen HOST:PORT] [--admin HOST:PORT|off]
//                  [--location NAME] [--threads N] [--log-level LEVEL]
//                  [--trace-subscription ID]... [--check]
//                  [--version] [--help]
struct GatewayCommandLine
{
    enum class Action { Run, Check, ShowVersion, ShowHelp };

    Action action = Action::Run;
    QString workspaceDir;
    QString location = QStringLiteral("Default");
    GatewayOptions options;
    RequestLog::Level logLevel = RequestLog::Level::Info;
    QString helpText;

    // Returns std::nullopt and sets *error (one line) on a bad command line.
    static std::optional<GatewayCommandLine> parse(const QStringList &arguments, QString *error);
};

} // namespace sluice
