#include "ResponseCacheState.h"

#include "http/HttpMessage.h"

namespace sluice {

void ResponseCacheState::applyDownstreamHeaders(HttpResponse &response) const
{
    if (downstream == DownstreamCaching::None) {
        response.headers.set(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
        response.headers.remove("Expires");
        return;
    }
    if (!freshSeconds)
        return;
    QByteArray value = downstream == DownstreamCaching::Private ? "private, max-age=" : "public, max-age=";
    value += QByteArray::number(qMax<qint64>(0, *freshSeconds));
    if (mustRevalidate)
        value += ", must-revalidate";
    response.headers.set(QByteArrayLiteral("Cache-Control"), value);
    response.headers.remove("Expires");
}

} // namespace sluice
