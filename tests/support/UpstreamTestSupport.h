#pragma once

#include "http/UpstreamClient.h"

#include <QByteArrayList>

#include <optional>

namespace sluice::test {

// A request with a 10 s timeout.
UpstreamRequest upstreamRequest(const QUrl &url, const QByteArray &method = "GET", const QByteArray &body = {});

// Sends and waits (running the event loop) for the result; std::nullopt when
// none came in time or `done` was called more than once.
std::optional<UpstreamResult> exchange(UpstreamClient &client, UpstreamRequest request, int waitMs = 15'000);

// "Name: value" per field, in order.
QByteArrayList headerLines(const HttpHeaders &headers);

} // namespace sluice::test
