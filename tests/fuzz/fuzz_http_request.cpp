// libFuzzer target: the bytes a client sends, fed to HttpRequestParser exactly as
// HttpServerConnection feeds it (a buffer per socket read, leftovers kept across
// pipelined requests), then each parsed request serialized back as a response.
//
// Input layout: the first byte picks the read size (byte % 33; 0 = everything
// in one read), the rest is the stream. Seeds: tests/fuzz/corpus/http/.
//
// The same bytes (after the first line) are also offered as header fields in
// wire form, as a cache record from a shared Redis could hold them:
// HttpHeaders::fromWire must refuse what could split a response, and what it
// accepts must behave like the same fields added one by one.
#include "http/HttpRequestParser.h"
#include "http/HttpResponseWriter.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>

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

// Wire-form lines: what fromWire accepts reads back as the same fields, and no
// response written from them carries a line break it did not write itself.
void checkWireForm(const char *data, size_t size)
{
    const QByteArray lines(data, static_cast<qsizetype>(size));
    const std::optional<HttpHeaders> wire = HttpHeaders::fromWire(lines);
    check(wire.has_value() == HttpHeaders::isWireForm(lines));
    if (!wire)
        return;
    QByteArray again;
    wire->appendWire(again);
    check(again == lines);

    HttpHeaders parsed; // the same fields, added one by one
    const HttpHeaders copy = *wire;
    for (const auto &field : copy.fields())
        parsed.add(field.first, field.second);
    check(static_cast<qsizetype>(parsed.size()) == lines.count("\r\n"));
    for (const auto &field : parsed.fields()) {
        check(wire->contains(field.first));
        check(wire->values(field.first) == parsed.values(field.first));
        check(wire->combined(field.first) == parsed.combined(field.first));
    }
    check(!wire->contains("Content-Length") && !wire->contains("Connection"));

    HttpHeaders edited = *wire;
    if (!parsed.isEmpty()) {
        const QByteArray name = parsed.fields().front().first;
        edited.set(name, "x");
        check(edited.values(name) == QList<QByteArray> {"x"});
        check(edited.remove(name) == 1);
        check(!edited.contains(name));
    }
    edited.add("Age", "1");
    HttpResponse response;
    response.headers = edited;
    QByteArray out;
    HttpResponseWriter::write(response, 0, out);
    const qsizetype headEnd = out.indexOf("\r\n\r\n");
    check(headEnd > 0);
    for (qsizetype i = 0; i < headEnd; ++i) {
        if (out.at(i) == '\n')
            check(i > 0 && out.at(i - 1) == '\r');
        if (out.at(i) == '\r')
            check(out.at(i + 1) == '\n');
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

    if (const void *firstLineEnd = std::memchr(stream, '\n', streamSize)) {
        const size_t skip = static_cast<size_t>(static_cast<const char *>(firstLineEnd) - stream) + 1;
        checkWireForm(stream + skip, streamSize - skip);
    }

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
