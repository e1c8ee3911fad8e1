#pragma once

#include "http/HttpHeaders.h"

namespace sluice {

// Removes the hop-by-hop fields of RFC 9110 section 7.6.1 (Connection and the
// fields it names, Keep-Alive, Proxy-Connection, TE, Trailer,
// Transfer-Encoding, Upgrade) plus framing (Content-Length), which the
// connection sets itself.
void removeHopByHopHeaders(HttpHeaders &headers);

} // namespace sluice
