#include "Wrk.h"

#include "BenchProcess.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <sys/resource.h>

namespace sluice::bench {

namespace {

// wrk prints throughput with k/M/G suffixes in some places; Requests/sec is plain.
quint64 toCount(const QString &text)
{
    return text.toULongLong();
}

} // namespace

Wrk::Wrk(const QString &program, const QString &logDir)
    : m_program(program)
    , m_logDir(logDir)
{ }

QStringList Wrk::arguments(const QUrl &url, const WrkOptions &options) const
{
    QStringList args {
        QStringLiteral("-t%1").arg(options.threads),          QStringLiteral("-c%1").arg(options.connections),
        QStringLiteral("-d%1s").arg(options.durationSeconds), QStringLiteral("--timeout"),
        QStringLiteral("%1s").arg(options.timeoutSeconds),    QStringLiteral("--latency")};
    for (const QString &header : options.headers)
        args << QStringLiteral("-H") << header;
    if (!options.script.isEmpty())
        args << QStringLiteral("-s") << options.script;
    args << url.toString();
    return args;
}

namespace {

// CPU of every child process reaped so far (servers keep running, so over one
// wrk run the difference is wrk's).
std::optional<double> reapedChildrenCpuSeconds()
{
    rusage usage {};
    if (getrusage(RUSAGE_CHILDREN, &usage) != 0)
        return std::nullopt;
    const auto seconds = [](const timeval &t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return seconds(usage.ru_utime) + seconds(usage.ru_stime);
}

} // namespace

WrkResult Wrk::run(const QString &label, const QUrl &url, const WrkOptions &options) const
{
    BenchProcess wrk(QStringLiteral("wrk-") + label, m_program, arguments(url, options), m_logDir);
    QString error;
    // Generous slack over the test duration: thread start-up, the final
    // timeouts and the report; wrk is killed past it.
    const int limitMs = (options.durationSeconds + options.timeoutSeconds + 15) * 1000;
    const std::optional<double> childrenBefore = reapedChildrenCpuSeconds();
    const bool finished = wrk.runToCompletion(limitMs, &error);
    const std::optional<double> childrenAfter = reapedChildrenCpuSeconds();
    WrkResult result = parse(wrk.log());
    if (finished && childrenBefore && childrenAfter)
        result.clientCpuSeconds = *childrenAfter - *childrenBefore;
    if (!finished) {
        result.ok = false;
        result.error = error;
    }
    return result;
}

WrkResult Wrk::parse(const QString &output)
{
    WrkResult result;
    result.output = output;

    static const QRegularExpression rps(QStringLiteral("^Requests/sec:\\s+([0-9.]+)"),
                                        QRegularExpression::MultilineOption);
    static const QRegularExpression latency(QStringLiteral("^\\s*Latency\\s+(\\S+)"),
                                            QRegularExpression::MultilineOption);
    static const QRegularExpression percentile(QStringLiteral("^\\s*(50|90|99)%\\s+(\\S+)"),
                                               QRegularExpression::MultilineOption);
    static const QRegularExpression total(QStringLiteral("^\\s*(\\d+) requests in"),
                                          QRegularExpression::MultilineOption);
    static const QRegularExpression non2xx(QStringLiteral("Non-2xx or 3xx responses:\\s+(\\d+)"));
    static const QRegularExpression socketErrors(
        QStringLiteral("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)"));

    const QRegularExpressionMatch r = rps.match(output);
    if (!r.hasMatch()) {
        result.error = QCoreApplication::translate("Bench", "wrk printed no Requests/sec line.");
        return result;
    }
    result.requestsPerSecond = r.captured(1).toDouble();
    if (const QRegularExpressionMatch m = latency.match(output); m.hasMatch())
        result.latencyAvgMs = parseDurationMs(m.captured(1)).value_or(0.0);
    for (QRegularExpressionMatchIterator it = percentile.globalMatch(output); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const double ms = parseDurationMs(m.captured(2)).value_or(0.0);
        const int p = m.captured(1).toInt();
        (p == 50 ? result.latencyP50Ms : p == 90 ? result.latencyP90Ms : result.latencyP99Ms) = ms;
    }
    if (const QRegularExpressionMatch m = total.match(output); m.hasMatch())
        result.requests = toCount(m.captured(1));
    if (const QRegularExpressionMatch m = non2xx.match(output); m.hasMatch())
        result.non2xx3xx = toCount(m.captured(1));
    if (const QRegularExpressionMatch m = socketErrors.match(output); m.hasMatch()) {
        for (int i = 1; i <= 4; ++i)
            result.socketErrors += toCount(m.captured(i));
    }
    result.ok = true;
    return result;
}

std::optional<double> Wrk::parseDurationMs(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("^([0-9.]+)(us|ms|s|m|h)$"));
    const QRegularExpressionMatch m = re.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    bool ok = false;
    const double value = m.captured(1).toDouble(&ok);
    if (!ok)
        return std::nullopt;
    const QString unit = m.captured(2);
    if (unit == QLatin1String("us"))
        return value / 1000.0;
    if (unit == QLatin1String("ms"))
        return value;
    if (unit == QLatin1String("s"))
        return value * 1000.0;
    if (unit == QLatin1String("m"))
        return value * 60000.0;
    return value * 3600000.0;
}

} // namespace sluice::bench
