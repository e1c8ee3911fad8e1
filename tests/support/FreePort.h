#pragma once

#include <QtGlobal>

namespace sluice::test {

// A TCP port on 127.0.0.1 that nobody listened on a moment ago (0 if none):
// for servers the tests start as separate processes.
quint16 freeLoopbackPort();

} // namespace sluice::test
