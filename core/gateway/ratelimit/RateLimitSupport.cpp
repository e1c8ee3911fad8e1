#include "RateLimitSupport.h"

#include "expr/CompiledExpression.h"
#include "expr/Lexer.h"
#include "gateway/RequestContext.h"

#include <QCoreApplication>

#include <climits>
#include <limits>

#include <algorithm>

namespace sluice::RateLimitSupport {

std::optional<Outputs> Outputs::compile(const PolicyElement &e, CompileContext &ctx)
{
    Outputs o;
    bool ok = true;
    auto name = [&](QStringView attribute, QString *out) {
        if (!e.attribute(attribute))
            return;
        const std::optional<QString> text = ctx.literalAttribute(e, attribute);
        if (!text || text->trimmed().isEmpty()) {
            if (text)
                ctx.error(
                    e.attribute(attribute)->value.location,
                    QCoreApplication::translate("PolicyCompiler", "attribute '%1' must not be empty").arg(attribute));
            ok = false;
            return;
        }
        *out = text->trimmed();
    };
    name(u"retry-after-header-name", &o.retryAfterHeader);
    name(u"retry-after-variable-name", &o.retryAfterVariable);
    name(u"remaining-calls-header-name", &o.remainingHeader);
    name(u"remaining-calls-variable-name", &o.remainingVariable);
    name(u"total-calls-header-name", &o.totalHeader);
    if (!ok)
        return std::nullopt;
    return o;
}

void Outputs::allowed(RequestContext &ctx, qint64 remaining, qint64 total) const
{
    if (!remainingHeader.isEmpty())
        ctx.extraResponseHeaders.set(remainingHeader.toLatin1(), QByteArray::number(remaining));
    if (!remainingVariable.isEmpty())
        ctx.variables.insert(remainingVariable, Value::fromInt(int(std::min<qint64>(remaining, INT_MAX))));
    if (!totalHeader.isEmpty())
        ctx.extraResponseHeaders.set(totalHeader.toLatin1(), QByteArray::number(total));
}

void Outputs::exceeded(RequestContext &ctx, qint64 retryAfterSeconds, HttpResponse &response) const
{
    response.headers.set("Retry-After", QByteArray::number(retryAfterSeconds));
    if (!retryAfterHeader.isEmpty())
        response.headers.set(retryAfterHeader.toLatin1(), QByteArray::number(retryAfterSeconds));
    if (!retryAfterVariable.isEmpty())
        ctx.variables.insert(retryAfterVariable, Value::fromInt(int(std::min<qint64>(retryAfterSeconds, INT_MAX))));
    if (!remainingHeader.isEmpty())
        response.headers.set(remainingHeader.toLatin1(), "0");
    if (!remainingVariable.isEmpty())
        ctx.variables.insert(remainingVariable, Value::fromInt(0));
}

bool referencesResponse(const CompiledValue &value)
{
    if (!value.expression())
        return false;
    const QString &source = value.expression()->source();
    std::vector<Token> tokens;
    SyntaxError error;
    // The source is "@(...)" or "@{...}"; it compiled, so its inside lexes.
    const bool wrapped = source.startsWith(QLatin1String("@(")) || source.startsWith(QLatin1String("@{"));
    const int begin = wrapped ? 2 : 0;
    const int end = wrapped ? int(source.size()) - 1 : int(source.size());
    if (end < begin || !Lexer::tokenize(source, begin, end, &tokens, &error))
        return source.contains(QLatin1String("Response"));
    for (size_t i = 2; i < tokens.size(); ++i) {
        if (tokens[i].kind == TokenKind::Identifier && tokens[i].text == QLatin1String("Response")
            && tokens[i - 1].is(QLatin1String(".")) && tokens[i - 2].kind == TokenKind::Identifier
            && tokens[i - 2].text == QLatin1String("context"))
            return true;
    }
    return false;
}

qint64 retrySeconds(qint64 ms)
{
    return std::max<qint64>(1, (ms + 999) / 1000);
}

QString timeSpanText(qint64 ms)
{
    const qint64 seconds = retrySeconds(ms);
    const qint64 days = seconds / 86400;
    const QString hms = QStringLiteral("%1:%2:%3")
                            .arg((seconds / 3600) % 24, 2, 10, QLatin1Char('0'))
                            .arg((seconds / 60) % 60, 2, 10, QLatin1Char('0'))
                            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return days > 0 ? QString::number(days) + QLatin1Char('.') + hms : hms;
}

HttpResponse rateLimitResponse(qint64 retryAfterSeconds)
{
    // Computed first: lupdate's parser loops on a template argument list inside translate().
    const int seconds = int(std::min<qint64>(retryAfterSeconds, INT_MAX));
    return HttpResponse::apimError(
        429, QCoreApplication::translate("Gateway", "Rate limit is exceeded. Try again in %n seconds.", nullptr, seconds));
}

QByteArray callerKey(const RequestContext &ctx)
{
    if (ctx.subscription)
        return QByteArrayLiteral("s:") + ctx.subscription->id.toUtf8();
    return QByteArrayLiteral("ip:") + ctx.originalRequest().peerAddress.toUtf8();
}

std::optional<qint64> requiredInteger(const PolicyElement &e, CompileContext &ctx, QStringView name, qint64 min,
                                      qint64 max)
{
    if (!e.attribute(name)) {
        ctx.requiredAttribute(e, name);
        return std::nullopt;
    }
    const std::optional<QString> text = ctx.literalAttribute(e, name);
    if (!text)
        return std::nullopt;
    const std::optional<qint64> v = CompiledValue::parseInteger(*text);
    if (!v || *v < min || *v > max) {
        ctx.error(
            e.attribute(name)->value.location,
            QCoreApplication::translate("PolicyCompiler", "attribute '%1' must be an integer from %2 to %3, not '%4'")
                .arg(name)
                .arg(min)
                .arg(max)
                .arg(text->trimmed()));
        return std::nullopt;
    }
    return v;
}

bool compileQuotaLimit(const PolicyElement &e, CompileContext &ctx, qint64 maxPeriod, ScopeLimit *s)
{
    bool ok = true;
    if (e.attribute(u"calls")) {
        const auto calls = requiredInteger(e, ctx, u"calls", 1, INT_MAX);
        ok = ok && calls;
        s->calls = calls.value_or(0);
    }
    if (e.attribute(u"bandwidth")) {
        const auto kb = requiredInteger(e, ctx, u"bandwidth", 1, std::numeric_limits<qint64>::max() / 2048);
        ok = ok && kb;
        s->bandwidthKb = kb.value_or(0);
    }
    if (!e.attribute(u"calls") && !e.attribute(u"bandwidth")) {
        ctx.error(e.location,
                  QCoreApplication::translate("PolicyCompiler", "'%1' needs 'calls' or 'bandwidth'").arg(e.name));
        ok = false;
    }
    const auto period = requiredInteger(e, ctx, u"renewal-period", 0, maxPeriod);
    s->periodSeconds = period.value_or(0);
    return ok && period;
}

std::vector<MatchedScope> matchingScopes(const std::vector<ScopeLimit> &scopes, const RequestContext &ctx,
                                         const QByteArray &prefix, const QByteArray &caller)
{
    std::vector<MatchedScope> matched;
    if (!ctx.api)
        return matched;
    const auto matches = [](const ScopeLimit &s, const QString &id, const QString &name) {
        return s.id == id || (!s.name.isEmpty() && s.name == name);
    };
    for (const ScopeLimit &api : scopes) {
        if (!matches(api, ctx.api->id, ctx.api->name))
            continue;
        const QByteArray apiKey = prefix + "api:" + ctx.api->id.toUtf8() + '|';
        matched.push_back({&api, apiKey + caller});
        if (!ctx.operation)
            continue;
        for (const ScopeLimit &op : api.operations) {
            if (matches(op, ctx.operation->id, ctx.operation->name))
                matched.push_back({&op, apiKey + "op:" + ctx.operation->id.toUtf8() + '|' + caller});
        }
    }
    return matched;
}

namespace {

std::optional<ScopeLimit> compileScope(const PolicyElement &e, CompileContext &ctx, bool quota, qint64 maxPeriod,
                                       bool isApi)
{
    if (quota)
        ctx.checkAttributes(e, {u"name", u"id", u"calls", u"bandwidth", u"renewal-period"});
    else
        ctx.checkAttributes(e, {u"name", u"id", u"calls", u"renewal-period"});
    ScopeLimit s;
    s.location = e.location;
    bool ok = true;
    const std::optional<QString> name = ctx.literalAttribute(e, u"name");
    const std::optional<QString> id = ctx.literalAttribute(e, u"id");
    ok = name && id;
    if (ok) {
        s.name = name->trimmed();
        s.id = id->trimmed();
        if (s.name.isEmpty() && s.id.isEmpty()) {
            ctx.error(e.location,
                      QCoreApplication::translate("PolicyCompiler", "'%1' needs a 'name' or an 'id'").arg(e.name));
            ok = false;
        }
    }
    if (quota) {
        ok = compileQuotaLimit(e, ctx, maxPeriod, &s) && ok;
    } else {
        const auto calls = requiredInteger(e, ctx, u"calls", 1, INT_MAX);
        const auto period = requiredInteger(e, ctx, u"renewal-period", 1, maxPeriod);
        ok = ok && calls && period;
        s.calls = calls.value_or(0);
        s.periodSeconds = period.value_or(0);
    }
    for (const PolicyElement &c : e.children) {
        if (isApi && c.name == QLatin1String("operation")) {
            if (auto op = compileScope(c, ctx, quota, maxPeriod, false))
                s.operations.push_back(std::move(*op));
            else
                ok = false;
        } else {
            ctx.error(c.location,
                      QCoreApplication::translate("PolicyCompiler", "'%1' cannot contain '<%2>'").arg(e.name, c.name));
            ok = false;
        }
    }
    if (!ok)
        return std::nullopt;
    return s;
}

} // namespace

std::optional<std::vector<ScopeLimit>> compileScopes(const PolicyElement &e, CompileContext &ctx, bool quota,
                                                     qint64 maxPeriod)
{
    std::vector<ScopeLimit> scopes;
    bool ok = true;
    for (const PolicyElement &c : e.children) {
        if (c.name != QLatin1String("api")) {
            ctx.error(c.location,
                      QCoreApplication::translate("PolicyCompiler", "'%1' cannot contain '<%2>'").arg(e.name, c.name));
            ok = false;
            continue;
        }
        if (auto api = compileScope(c, ctx, quota, maxPeriod, true))
            scopes.push_back(std::move(*api));
        else
            ok = false;
    }
    if (!ok)
        return std::nullopt;
    return scopes;
}

} // namespace sluice::RateLimitSupport
