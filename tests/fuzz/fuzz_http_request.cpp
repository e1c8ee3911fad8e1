// libFuzzer target: the bytes a client sends, fed to HttpRequestParser exactly as
// HttpServerConnection feeds it (a buffer per socket read, leftovers kept across
// pipelined requests), then each parsed request serialized back as a response.
//
// Input layout: the first byte picks the read size (byte % 33; 0 = everything
// in one read), the rest is the stream. Seeds: tests/fuzz/corpus/http/.
#include "http/HttpRequestParser.h"
#include "http/HttpResponseWriter.h"

#include <cstdint>
#include <cstdlib>

using namespace sluice;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

bool isServerError(int status)
{
    switch (status) {
    case 400:
    case 408:
    case 413:
    case 417:
    case 431:
    case 501:
    case 505:
        return true;
    default:
        return false;
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const size_t step = data[0] % 33;
    const char *stream = reinterpret_cast<const char *>(data + 1);
    const size_t streamSize = size - 1;

    HttpServerLimits limits;
    limits.maxHeaderBytes = 2048;
    limits.maxBodyBytes = 16 * 1024;
    HttpRequestParser parser(limits);

    QByteArray buffer;
    qsizetype offset = 0;
    size_t fed = 0;
    size_t iterations = 0;
    for (;;) {
        check(++iterations < 4 * streamSize + 16); // every event makes progress
        if (offset == buffer.size()) {
            if (fed == streamSize)
                break;
            const size_t n = step == 0 ? streamSize - fed : std::min(step, streamSize - fed);
            buffer = QByteArray(stream + fed, static_cast<qsizetype>(n)); // exact size: ASan sees overreads
            fed += n;
            offset = 0;
        }
        qsizetype consumed = -1;
        const auto event = parser.parse(buffer.constData() + offset, buffer.size() - offset, &consumed);
        check(consumed >= 0 && consumed <= buffer.size() - offset);
        offset += consumed;

        if (event == HttpRequestParser::Event::Error) {
            check(isServerError(parser.errorStatus()));
            check(!parser.errorMessage().isEmpty());
            qsizetype again = -1;
            check(parser.parse("GET / HTTP/1.1\r\n\r\n", 18, &again) == HttpRequestParser::Event::Error);
            check(again == 0);
            break;
        }
        if (event == HttpRequestParser::Event::NeedMoreData) {
            check(offset == buffer.size());
            continue;
        }
        if (event == HttpRequestParser::Event::RequestComplete) {
            HttpRequest request = parser.takeRequest();
            check(!request.method.isEmpty());
            check(request.versionMajor == 1);
            check(request.body.size() <= limits.maxBodyBytes);
            check(request.path.size() <= request.target.size() || request.path == "/");

            HttpResponse response;
            response.status = 100 + static_cast<int>(request.body.size() % 500);
            response.headers = request.headers;
            response.body = request.body;
            QByteArray out;
            const int flags = (request.method == "HEAD" ? HttpResponseWriter::HeadRequest : 0)
                | (request.keepAlive ? 0 : HttpResponseWriter::CloseConnection);
            const bool separateBody = HttpResponseWriter::write(response, flags, out);
            check(out.startsWith("HTTP/1.1 "));
            check(out.contains("\r\n\r\n"));
            check(!separateBody || response.body.size() > HttpResponseWriter::inlineBodyLimit);
        }
        // ExpectContinue: go on with the body.
    }
    return 0;
}
