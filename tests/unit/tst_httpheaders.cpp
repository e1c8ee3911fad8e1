// HttpHeaders, with and without fields in wire form, and the response records
// the caches keep (which hold their header fields as wire lines).
#include "gateway/caching/CacheRecord.h"
#include "http/HttpHeaders.h"
#include "http/HttpResponseWriter.h"

#include <QTest>

using namespace sluice;

namespace {

HttpHeaders wireHeaders()
{
    return *HttpHeaders::fromWire(QByteArrayLiteral("Content-Type: application/json\r\n"
                                                    "ETag: \"v1\"\r\n"
                                                    "Vary: Accept\r\n"
                                                    "vary: Accept-Language\r\n"
                                                    "X-Empty: \r\n"));
}

QList<QByteArray> names(const HttpHeaders &headers)
{
    QList<QByteArray> out;
    for (const auto &field : headers.fields())
        out.append(field.first);
    return out;
}

} // namespace

class TestHttpHeaders : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lookupsReadWireLinesWithoutParsingThem()
    {
        const HttpHeaders h = wireHeaders();
        QVERIFY(h.contains("content-type"));
        QVERIFY(h.contains("X-EMPTY"));
        QVERIFY(!h.contains("Content"));
        QVERIFY(!h.contains("Content-Type-X"));
        QCOMPARE(h.value("etag"), QByteArray("\"v1\""));
        QCOMPARE(h.value("x-empty"), QByteArray());
        QCOMPARE(h.values("VARY"), (QList<QByteArray> {"Accept", "Accept-Language"}));
        QCOMPARE(h.combined("Vary"), QByteArray("Accept, Accept-Language"));
        QVERIFY(!h.isEmpty());
        QVERIFY(!h.wireLines().isEmpty()); // still unparsed
        QVERIFY(h.fieldsAfterWire().empty());
    }

    void hasTokenReadsCommaSeparatedLists()
    {
        HttpHeaders h = wireHeaders();
        QVERIFY(h.hasToken("vary", "accept-language"));
        QVERIFY(h.hasToken("Vary", "ACCEPT"));
        QVERIFY(!h.hasToken("Vary", "Accept-Lang")); // a token, not a substring
        QVERIFY(!h.hasToken("ETag", "v1"));
        QVERIFY(!h.hasToken("X-Empty", ""));
        h.add("Connection", "keep-alive,  Close ");
        QVERIFY(h.hasToken("connection", "close"));
        QVERIFY(h.hasToken("Connection", "Keep-Alive"));
        QVERIFY(!h.wireLines().isEmpty()); // still unparsed
        HttpResponse response;
        response.headers.add("Connection", "closed");
        QVERIFY(!HttpResponseWriter::requestsClose(response));
        response.headers.add("connection", "upgrade, close");
        QVERIFY(HttpResponseWriter::requestsClose(response));
    }

    void addedFieldsComeAfterTheWireLines()
    {
        HttpHeaders h = wireHeaders();
        h.add("Age", "5");
        h.add("Vary", "Origin");
        QVERIFY(!h.wireLines().isEmpty());
        QCOMPARE(h.values("vary"), (QList<QByteArray> {"Accept", "Accept-Language", "Origin"}));
        QCOMPARE(h.value("age"), QByteArray("5"));
        QCOMPARE(names(h), (QList<QByteArray> {"Content-Type", "ETag", "Vary", "vary", "X-Empty", "Age", "Vary"}));
        QVERIFY(h.wireLines().isEmpty()); // fields() parsed them
        QCOMPARE(h.size(), 7);
    }

    void setAndRemoveReplaceWireFields()
    {
        HttpHeaders h = wireHeaders();
        h.set("VARY", "*");
        QCOMPARE(h.values("Vary"), (QList<QByteArray> {"*"}));
        QCOMPARE(h.value("ETag"), QByteArray("\"v1\""));
        h.set("Cache-Status", "sluice; hit");
        QCOMPARE(h.remove("etag"), 1);
        QCOMPARE(h.remove("etag"), 0);
        QVERIFY(!h.contains("ETag"));
        QCOMPARE(names(h), (QList<QByteArray> {"Content-Type", "X-Empty", "VARY", "Cache-Status"}));

        HttpHeaders both = wireHeaders();
        both.add("vary", "Origin");
        QCOMPARE(both.remove("Vary"), 3);
        QVERIFY(!both.contains("vary"));
        both.clear();
        QVERIFY(both.isEmpty());
    }

    void appendWireWritesWhatFromWireReads()
    {
        HttpHeaders h;
        h.add("Content-Type", "text/plain");
        h.add("Content-Length", "12"); // the writer's own
        h.add("Connection", "close");
        h.add("Transfer-Encoding", "chunked");
        h.add("X-Split", "a\r\nInjected: 1");
        h.add("", "nameless");
        h.add("X-Ok", "yes");
        QByteArray lines;
        h.appendWire(lines);
        QCOMPARE(lines, QByteArray("Content-Type: text/plain\r\nX-Ok: yes\r\n"));
        QVERIFY(HttpHeaders::isWireForm(lines));
        const std::optional<HttpHeaders> back = HttpHeaders::fromWire(lines);
        QVERIFY(back);
        QCOMPARE(back->value("x-ok"), QByteArray("yes"));
        QCOMPARE(back->size(), 2);
        QVERIFY(!HttpHeaders::fromWire("X-Split: a\nb\r\n"));
    }

    void isWireFormRejectsWhatCouldSplitAResponse_data()
    {
        QTest::addColumn<QByteArray>("lines");
        QTest::newRow("no colon") << QByteArray("Broken\r\n");
        QTest::newRow("no space") << QByteArray("A:b\r\n");
        QTest::newRow("space in name") << QByteArray("A B: c\r\n");
        QTest::newRow("empty name") << QByteArray(": c\r\n");
        QTest::newRow("bare LF in value") << QByteArray("A: b\nInjected: 1\r\n");
        QTest::newRow("bare CR") << QByteArray("A: b\rC: d\r\n");
        QTest::newRow("no final CRLF") << QByteArray("A: b");
        QTest::newRow("CR without LF at end") << QByteArray("A: b\r");
        QTest::newRow("Content-Length") << QByteArray("content-length: 5\r\n");
        QTest::newRow("Connection") << QByteArray("A: b\r\nConnection: close\r\n");
        QTest::newRow("Transfer-Encoding") << QByteArray("Transfer-Encoding: chunked\r\n");
        QTest::newRow("blank line") << QByteArray("A: b\r\n\r\n");
    }
    void isWireFormRejectsWhatCouldSplitAResponse()
    {
        QFETCH(QByteArray, lines);
        QVERIFY(!HttpHeaders::isWireForm(lines));
    }

    void isWireFormAcceptsWellFormedLines()
    {
        QVERIFY(HttpHeaders::isWireForm(""));
        QVERIFY(HttpHeaders::isWireForm("A: \r\n"));
        QVERIFY(HttpHeaders::isWireForm("X-A_b.c!#$%&'*+^`|~: v: w \t x\r\nB: 1\r\n"));
    }

    void responseRecordRoundTrip()
    {
        HttpResponse r;
        r.status = 404;
        r.reason = "Not Here";
        r.headers.add("Content-Type", "application/json");
        r.headers.add("Content-Length", "7");
        r.headers.add("Set-Cookie", "a=1");
        r.headers.add("Set-Cookie", "b=2");
        r.body = QByteArray("{\"x\":1}\0tail", 12);
        const QByteArray record = CacheRecord::encodeResponse(r, 1234567890123);
        const auto back = CacheRecord::decodeResponse(record);
        QVERIFY(back);
        QCOMPARE(back->storedAtMs, 1234567890123);
        QCOMPARE(back->response.status, 404);
        QCOMPARE(back->response.reason, QByteArray("Not Here"));
        QCOMPARE(back->response.body, r.body);
        QCOMPARE(back->response.headers.values("set-cookie"), (QList<QByteArray> {"a=1", "b=2"}));
        QVERIFY(!back->response.headers.contains("Content-Length"));

        // What a hit writes: the stored lines, then the writer's own fields.
        QByteArray out;
        QVERIFY(!HttpResponseWriter::write(back->response, 0, out));
        QVERIFY(out.startsWith("HTTP/1.1 404 Not Here\r\nContent-Type: application/json\r\nSet-Cookie: a=1\r\n"
                               "Set-Cookie: b=2\r\nDate: "));
        QVERIFY(out.contains("\r\nContent-Length: 12\r\n\r\n"));
        QVERIFY(out.endsWith(r.body));
        QCOMPARE(out.count("Content-Length"), 1);
    }

    void decodedHitSharesTheRecordsBuffer()
    {
        HttpResponse r;
        r.headers.add("ETag", "\"x\"");
        r.body = QByteArray(2000, 'b');
        QByteArray record = CacheRecord::encodeResponse(r, 1);
        const char *recordEnd = record.constData() + record.size();
        auto hit = CacheRecord::decodeResponse(record);
        QVERIFY(hit);
        // The body is the record's tail, not a copy, and still ends in '\0'.
        QCOMPARE(hit->response.body.constData() + hit->response.body.size(), recordEnd);
        QCOMPARE(*recordEnd, '\0');
        QCOMPARE(hit->response.body, r.body);
        // Changing either side copies first: the other keeps its bytes.
        record[record.size() - 1] = 'X';
        QCOMPARE(hit->response.body, r.body);
        hit->response.body[0] = 'Y';
        QCOMPARE(record.at(record.size() - 2), 'b');
        // The record may go away: body and headers keep the buffer alive.
        HttpHeaders headers = std::move(hit->response.headers);
        QByteArray body = hit->response.body;
        hit.reset();
        record = QByteArray();
        QCOMPARE(headers.value("etag"), QByteArray("\"x\""));
        QCOMPARE(body.size(), 2000);
        QVERIFY(hit == std::nullopt);
    }

    void movedFromHeadersAreEmpty()
    {
        HttpHeaders a = wireHeaders();
        a.add("X", "1");
        HttpHeaders b = std::move(a);
        QVERIFY(a.isEmpty()); // NOLINT(bugprone-use-after-move): the documented state
        QVERIFY(!a.contains("Content-Type"));
        QCOMPARE(b.value("x"), QByteArray("1"));
        QVERIFY(b.contains("content-type"));
        HttpHeaders c;
        c = std::move(b);
        QVERIFY(b.isEmpty()); // NOLINT(bugprone-use-after-move)
        QCOMPARE(c.size(), 6);
    }

    void tamperedResponseRecordsReadAsMisses()
    {
        HttpResponse r;
        r.headers.add("A", "b");
        r.body = "body";
        const QByteArray record = CacheRecord::encodeResponse(r, 1);
        const qsizetype at = record.indexOf("A: b");
        QVERIFY(at > 0);
        QByteArray split = record;
        split[at + 3] = '\n'; // "A: \n": a bare LF in the stored lines
        QVERIFY(!CacheRecord::decodeResponse(split));
        QByteArray truncated = record.left(record.size() - 1);
        QVERIFY(!CacheRecord::decodeResponse(truncated));
        QByteArray otherVersion = record;
        otherVersion[3] = char(CacheRecord::Version + 1);
        QVERIFY(!CacheRecord::decodeResponse(otherVersion));
        QVERIFY(CacheRecord::decodeResponse(record));
    }
};

QTEST_GUILESS_MAIN(TestHttpHeaders)
#include "tst_httpheaders.moc"
