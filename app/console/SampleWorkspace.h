#pragma once

#include <QString>

namespace sluice {

// The bundled sample workspace the console opens when given no folder. The
// installed one (../share/sluice/sample-workspace beside bin/) is read-only, so
// the first run copies it to the user's data folder
// (QStandardPaths::AppDataLocation) and opens the copy from then on; in a build
// tree the source tree's resources/sample-workspace opens as it is. Empty when
// neither exists or the copy fails (`error` says why).
QString sampleWorkspace(QString *error);

} // namespace sluice
