#include "HopByHop.h"

namespace sluice {

void removeHopByHopHeaders(HttpHeaders &headers)
{
    const QByteArray connection = headers.combined("Connection");
    if (!connection.isEmpty()) {
        for (const QByteArray &token : connection.split(',')) {
            const QByteArray name = token.trimmed();
            if (!name.isEmpty())
                headers.remove(name);
        }
    }
    static const QByteArray fields[] = {"Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer",
                                        "Transfer-Encoding", "Upgrade", "Content-Length"};
    for (const QByteArray &f : fields)
        headers.remove(f);
}

} // namespace sluice
