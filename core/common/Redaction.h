#pragma once

#include <QString>

namespace sluice {

// The one place secrets are removed before anything is shown, logged, traced
// or exported. For a connection string (StackExchange.Redis form
// "host:port,password=...,ssl=True" or a redis:// / rediss:// URI) it keeps the
// endpoints and harmless options and replaces every credential with "***".
QString redactConnectionString(const QString &connectionString);

// A key or token: "***" plus its last four characters when it is long enough
// for that to reveal nothing useful, e.g. "***3f9a".
QString redactKey(const QString &key);

} // namespace sluice
