#pragma once

#include <QIcon>
#include <QString>

namespace sluice {

// One of the console's own icons (resources/icons/<name>.svg, drawn in
// `currentColor`), rendered at whatever size is asked for (HiDPI-clean) in the
// application palette's text colour of the moment: the icons follow a light or
// dark palette, and a palette change, without a colour of their own. Disabled
// icons take the palette's disabled text colour.
QIcon themedIcon(const QString &name);

} // namespace sluice
