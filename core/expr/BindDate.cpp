#include "Bind.h"
#include "runtime/DotNetDateTime.h"
#include "runtime/DotNetDateTimeOffset.h"
#include "runtime/DotNetTimeSpan.h"

namespace sluice {

using namespace bind;
using dotnet::DotNetDateTime;
using dotnet::DotNetDateTimeOffset;
using dotnet::DotNetTimeSpan;

namespace {

template<typename T>
T unwrap(const dotnet::DotNetResult<T> &r)
{
    if (!r.ok())
        Frame::fail(r.error().type, r.error().message);
    return r.value();
}

template<typename T>
class Boxed final : public ExprObject
{
public:
    Boxed(T value, const char *typeName)
        : v(value)
        , m_typeName(typeName)
    {}
    const TypeInfo *exprType() const override
    {
        return TypeRegistry::instance().find(QString::fromLatin1(m_typeName));
    }
    QString toString() const override { return v.toString(); }
    QString formatted(const QString &format) const override { return unwrap(v.toString(format)); }
    bool equals(const ExprObject &other) const override
    {
        auto *o = dynamic_cast<const Boxed<T> *>(&other);
        return o && o->v == v;
    }
    T v;
    const char *m_typeName;
};

using DateObj = Boxed<DotNetDateTime>;
using OffsetObj = Boxed<DotNetDateTimeOffset>;
using SpanObj = Boxed<DotNetTimeSpan>;

Value dt(DotNetDateTime d)
{
    return Value::fromObject(std::make_shared<DateObj>(d, "DateTime"));
}
Value dto(DotNetDateTimeOffset d)
{
    return Value::fromObject(std::make_shared<OffsetObj>(d, "DateTimeOffset"));
}
Value ts(DotNetTimeSpan t)
{
    return Value::fromObject(std::make_shared<SpanObj>(t, "TimeSpan"));
}
const DotNetDateTime &D(const Value &v)
{
    return rt::self<DateObj>(v)->v;
}
const DotNetDateTimeOffset &O(const Value &v)
{
    return rt::self<OffsetObj>(v)->v;
}
const DotNetTimeSpan &T(const Value &v)
{
    return rt::self<SpanObj>(v)->v;
}

} // namespace

Value makeDateTime(const QDateTime &utc)
{
    const qint64 ticks = DotNetDateTime::unixEpochTicks() + utc.toMSecsSinceEpoch() * DotNetTimeSpan::TicksPerMillisecond;
    return dt(unwrap(DotNetDateTime::fromTicks(ticks, dotnet::DateTimeKind::Utc)));
}
Value makeTimeSpanMs(qint64 ms)
{
    return ts(DotNetTimeSpan(ms * DotNetTimeSpan::TicksPerMillisecond));
}

void bindDateTypes(TypeRegistry &r)
{
    const TypeInfo *str = r.stringType, *intT = r.intType, *boolT = r.boolType, *dbl = r.doubleType,
                   *lng = r.longType;
    TypeInfo *date = r.define(S("DateTime"), TypeKind::Class, nullptr, S("System"));
    TypeInfo *offset = r.define(S("DateTimeOffset"), TypeKind::Class, nullptr, S("System"));
    TypeInfo *span = r.define(S("TimeSpan"), TypeKind::Class, nullptr, S("System"));
    for (TypeInfo *t : {date, offset, span})
        t->isValueType = true;
    TypeInfo *kind = r.define(S("DateTimeKind"), TypeKind::Enum, nullptr, S("System"));
    kind->isValueType = true;
    constant(kind, "Unspecified", 0);
    constant(kind, "Utc", 1);
    constant(kind, "Local", 2);

    // DateTime
    sprop(date, "UtcNow", date, SLUICE_FN { return dt(DotNetDateTime::utcNow()); });
    sprop(date, "Now", date, SLUICE_FN { return dt(DotNetDateTime::now()); });
    sprop(date, "Today", date, SLUICE_FN { return dt(DotNetDateTime::today()); });
    sprop(date, "MinValue", date, SLUICE_FN { return dt(DotNetDateTime::minValue()); });
    sprop(date, "MaxValue", date, SLUICE_FN { return dt(DotNetDateTime::maxValue()); });
    ctor(date, {p(intT, "year"), p(intT, "month"), p(intT, "day")}, SLUICE_FN {
        return dt(unwrap(DotNetDateTime::create(a[0].asInt(), a[1].asInt(), a[2].asInt())));
    });
    ctor(date, {p(intT, "year"), p(intT, "month"), p(intT, "day"), p(intT, "hour"), p(intT, "minute"), p(intT, "second")},
         SLUICE_FN {
             return dt(unwrap(DotNetDateTime::create(a[0].asInt(), a[1].asInt(), a[2].asInt(), a[3].asInt(),
                                                     a[4].asInt(), a[5].asInt())));
         });
    ctor(date, {p(lng, "ticks")}, SLUICE_FN { return dt(unwrap(DotNetDateTime::fromTicks(a[0].asLong()))); });
    smethod(date, "Parse", {p(str, "s")}, date, SLUICE_FN { return dt(unwrap(DotNetDateTime::parse(rt::str(a[0], "s")))); });
    smethod(date, "TryParse", {p(str, "s"), out(date, "result")}, boolT, SLUICE_FN {
        DotNetDateTime d;
        const bool ok = a[0].isString() && DotNetDateTime::tryParse(a[0].asString(), &d);
        a[1] = dt(ok ? d : DotNetDateTime());
        return Value::fromBool(ok);
    });
    smethod(date, "ParseExact", {p(str, "s"), p(str, "format"), p(r.objectType, "provider")}, date, SLUICE_FN {
        return dt(unwrap(DotNetDateTime::parseExact(rt::str(a[0], "s"), rt::str(a[1], "format"))));
    });
    smethod(date, "SpecifyKind", {p(date, "value"), p(kind, "kind")}, date, SLUICE_FN {
        return dt(DotNetDateTime::specifyKind(D(a[0]), dotnet::DateTimeKind(a[1].toLong())));
    });
    prop(date, "Year", intT, SLUICE_FN { return Value::fromInt(D(self).year()); });
    prop(date, "Month", intT, SLUICE_FN { return Value::fromInt(D(self).month()); });
    prop(date, "Day", intT, SLUICE_FN { return Value::fromInt(D(self).day()); });
    prop(date, "Hour", intT, SLUICE_FN { return Value::fromInt(D(self).hour()); });
    prop(date, "Minute", intT, SLUICE_FN { return Value::fromInt(D(self).minute()); });
    prop(date, "Second", intT, SLUICE_FN { return Value::fromInt(D(self).second()); });
    prop(date, "Millisecond", intT, SLUICE_FN { return Value::fromInt(D(self).millisecond()); });
    prop(date, "DayOfYear", intT, SLUICE_FN { return Value::fromInt(D(self).dayOfYear()); });
    prop(date, "Ticks", lng, SLUICE_FN { return Value::fromLong(D(self).ticks()); });
    prop(date, "Date", date, SLUICE_FN { return dt(D(self).date()); });
    prop(date, "DayOfWeek", str, SLUICE_FN { return Value::fromString(dotnet::dayOfWeekName(D(self).dayOfWeek())); });
    prop(date, "TimeOfDay", span, SLUICE_FN { return ts(D(self).timeOfDay()); });
    prop(date, "Kind", kind, SLUICE_FN { return Value::fromInt(int(D(self).kind())); });
    method(date, "AddTicks", {p(lng, "value")}, date, SLUICE_FN { return dt(unwrap(D(self).addTicks(a[0].asLong()))); });
    method(date, "AddMilliseconds", {p(dbl, "value")}, date,
           SLUICE_FN { return dt(unwrap(D(self).addMilliseconds(a[0].asDouble()))); });
    method(date, "AddSeconds", {p(dbl, "value")}, date, SLUICE_FN { return dt(unwrap(D(self).addSeconds(a[0].asDouble()))); });
    method(date, "AddMinutes", {p(dbl, "value")}, date, SLUICE_FN { return dt(unwrap(D(self).addMinutes(a[0].asDouble()))); });
    method(date, "AddHours", {p(dbl, "value")}, date, SLUICE_FN { return dt(unwrap(D(self).addHours(a[0].asDouble()))); });
    method(date, "AddDays", {p(dbl, "value")}, date, SLUICE_FN { return dt(unwrap(D(self).addDays(a[0].asDouble()))); });
    method(date, "AddMonths", {p(intT, "months")}, date, SLUICE_FN { return dt(unwrap(D(self).addMonths(a[0].asInt()))); });
    method(date, "AddYears", {p(intT, "value")}, date, SLUICE_FN { return dt(unwrap(D(self).addYears(a[0].asInt()))); });
    method(date, "Add", {p(span, "value")}, date, SLUICE_FN { return dt(unwrap(D(self).add(T(a[0])))); });
    method(date, "Subtract", {p(span, "value")}, date, SLUICE_FN { return dt(unwrap(D(self).subtract(T(a[0])))); });
    method(date, "Subtract", {p(date, "value")}, span, SLUICE_FN { return ts(D(self).subtract(D(a[0]))); });
    method(date, "ToUniversalTime", {}, date, SLUICE_FN { return dt(D(self).toUniversalTime()); });
    method(date, "ToLocalTime", {}, date, SLUICE_FN { return dt(D(self).toLocalTime()); });
    method(date, "ToString", {p(str, "format")}, str, SLUICE_FN {
        return Value::fromString(a[0].isNull() ? D(self).toString() : unwrap(D(self).toString(a[0].asString())));
    });
    method(date, "ToString", {p(str, "format"), p(r.objectType, "provider")}, str, SLUICE_FN {
        return Value::fromString(a[0].isNull() ? D(self).toString() : unwrap(D(self).toString(a[0].asString())));
    });
    method(date, "CompareTo", {p(date, "value")}, intT, SLUICE_FN { return Value::fromInt(DotNetDateTime::compare(D(self), D(a[0]))); });
    smethod(date, "Compare", {p(date, "t1"), p(date, "t2")}, intT,
            SLUICE_FN { return Value::fromInt(DotNetDateTime::compare(D(a[0]), D(a[1]))); });
    smethod(date, "op_Subtraction", {p(date, "d1"), p(date, "d2")}, span, SLUICE_FN { return ts(D(a[0]).subtract(D(a[1]))); });
    smethod(date, "op_Subtraction", {p(date, "d"), p(span, "t")}, date, SLUICE_FN { return dt(unwrap(D(a[0]).subtract(T(a[1])))); });
    smethod(date, "op_Addition", {p(date, "d"), p(span, "t")}, date, SLUICE_FN { return dt(unwrap(D(a[0]).add(T(a[1])))); });
    smethod(date, "op_LessThan", {p(date, "t1"), p(date, "t2")}, boolT, SLUICE_FN { return Value::fromBool(D(a[0]) < D(a[1])); });
    smethod(date, "op_GreaterThan", {p(date, "t1"), p(date, "t2")}, boolT, SLUICE_FN { return Value::fromBool(D(a[0]) > D(a[1])); });
    smethod(date, "op_LessThanOrEqual", {p(date, "t1"), p(date, "t2")}, boolT, SLUICE_FN { return Value::fromBool(D(a[0]) <= D(a[1])); });
    smethod(date, "op_GreaterThanOrEqual", {p(date, "t1"), p(date, "t2")}, boolT, SLUICE_FN { return Value::fromBool(D(a[0]) >= D(a[1])); });

    // DateTimeOffset
    sprop(offset, "UtcNow", offset, SLUICE_FN { return dto(DotNetDateTimeOffset::utcNow()); });
    sprop(offset, "Now", offset, SLUICE_FN { return dto(DotNetDateTimeOffset::now()); });
    ctor(offset, {p(date, "dateTime")}, SLUICE_FN { return dto(DotNetDateTimeOffset::fromDateTime(D(a[0]))); });
    smethod(offset, "op_Implicit", {p(date, "dateTime")}, offset,
            SLUICE_FN { return dto(DotNetDateTimeOffset::fromDateTime(D(a[0]))); });
    smethod(offset, "FromUnixTimeSeconds", {p(lng, "seconds")}, offset,
            SLUICE_FN { return dto(unwrap(DotNetDateTimeOffset::fromUnixTimeSeconds(a[0].asLong()))); });
    smethod(offset, "FromUnixTimeMilliseconds", {p(lng, "milliseconds")}, offset,
            SLUICE_FN { return dto(unwrap(DotNetDateTimeOffset::fromUnixTimeMilliseconds(a[0].asLong()))); });
    smethod(offset, "Parse", {p(str, "input")}, offset, SLUICE_FN { return dto(unwrap(DotNetDateTimeOffset::parse(rt::str(a[0], "input")))); });
    method(offset, "ToUnixTimeSeconds", {}, lng, SLUICE_FN { return Value::fromLong(O(self).toUnixTimeSeconds()); });
    method(offset, "ToUnixTimeMilliseconds", {}, lng, SLUICE_FN { return Value::fromLong(O(self).toUnixTimeMilliseconds()); });
    prop(offset, "UtcDateTime", date, SLUICE_FN { return dt(O(self).utcDateTime()); });
    prop(offset, "DateTime", date, SLUICE_FN { return dt(O(self).dateTime()); });
    prop(offset, "LocalDateTime", date, SLUICE_FN { return dt(O(self).localDateTime()); });
    prop(offset, "Offset", span, SLUICE_FN { return ts(O(self).offset()); });
    prop(offset, "Ticks", lng, SLUICE_FN { return Value::fromLong(O(self).ticks()); });
    prop(offset, "UtcTicks", lng, SLUICE_FN { return Value::fromLong(O(self).utcTicks()); });
    prop(offset, "Year", intT, SLUICE_FN { return Value::fromInt(O(self).year()); });
    method(offset, "AddSeconds", {p(dbl, "value")}, offset, SLUICE_FN { return dto(unwrap(O(self).addSeconds(a[0].asDouble()))); });
    method(offset, "AddMinutes", {p(dbl, "value")}, offset, SLUICE_FN { return dto(unwrap(O(self).addMinutes(a[0].asDouble()))); });
    method(offset, "AddHours", {p(dbl, "value")}, offset, SLUICE_FN { return dto(unwrap(O(self).addHours(a[0].asDouble()))); });
    method(offset, "AddDays", {p(dbl, "value")}, offset, SLUICE_FN { return dto(unwrap(O(self).addDays(a[0].asDouble()))); });
    method(offset, "Add", {p(span, "value")}, offset, SLUICE_FN { return dto(unwrap(O(self).add(T(a[0])))); });
    method(offset, "ToUniversalTime", {}, offset, SLUICE_FN { return dto(O(self).toUniversalTime()); });
    method(offset, "ToString", {p(str, "format")}, str, SLUICE_FN {
        return Value::fromString(a[0].isNull() ? O(self).toString() : unwrap(O(self).toString(a[0].asString())));
    });
    smethod(offset, "op_Subtraction", {p(offset, "left"), p(offset, "right")}, span,
            SLUICE_FN { return ts(O(a[0]).subtract(O(a[1]))); });
    smethod(offset, "op_LessThan", {p(offset, "l"), p(offset, "r")}, boolT, SLUICE_FN { return Value::fromBool(O(a[0]).utcTicks() < O(a[1]).utcTicks()); });
    smethod(offset, "op_GreaterThan", {p(offset, "l"), p(offset, "r")}, boolT, SLUICE_FN { return Value::fromBool(O(a[0]).utcTicks() > O(a[1]).utcTicks()); });

    // TimeSpan
    sprop(span, "Zero", span, SLUICE_FN { return ts(DotNetTimeSpan::zero()); });
    ctor(span, {p(intT, "hours"), p(intT, "minutes"), p(intT, "seconds")}, SLUICE_FN {
        return ts(unwrap(DotNetTimeSpan::create(a[0].asInt(), a[1].asInt(), a[2].asInt())));
    });
    ctor(span, {p(intT, "days"), p(intT, "hours"), p(intT, "minutes"), p(intT, "seconds")}, SLUICE_FN {
        return ts(unwrap(DotNetTimeSpan::create(a[0].asInt(), a[1].asInt(), a[2].asInt(), a[3].asInt())));
    });
    ctor(span, {p(lng, "ticks")}, SLUICE_FN { return ts(DotNetTimeSpan(a[0].asLong())); });
    smethod(span, "FromDays", {p(dbl, "value")}, span, SLUICE_FN { return ts(unwrap(DotNetTimeSpan::fromDays(a[0].asDouble()))); });
    smethod(span, "FromHours", {p(dbl, "value")}, span, SLUICE_FN { return ts(unwrap(DotNetTimeSpan::fromHours(a[0].asDouble()))); });
    smethod(span, "FromMinutes", {p(dbl, "value")}, span, SLUICE_FN { return ts(unwrap(DotNetTimeSpan::fromMinutes(a[0].asDouble()))); });
    smethod(span, "FromSeconds", {p(dbl, "value")}, span, SLUICE_FN { return ts(unwrap(DotNetTimeSpan::fromSeconds(a[0].asDouble()))); });
    smethod(span, "FromMilliseconds", {p(dbl, "value")}, span,
            SLUICE_FN { return ts(unwrap(DotNetTimeSpan::fromMilliseconds(a[0].asDouble()))); });
    smethod(span, "Parse", {p(str, "s")}, span, SLUICE_FN { return ts(unwrap(DotNetTimeSpan::parse(rt::str(a[0], "s")))); });
    prop(span, "Days", intT, SLUICE_FN { return Value::fromInt(T(self).days()); });
    prop(span, "Hours", intT, SLUICE_FN { return Value::fromInt(T(self).hours()); });
    prop(span, "Minutes", intT, SLUICE_FN { return Value::fromInt(T(self).minutes()); });
    prop(span, "Seconds", intT, SLUICE_FN { return Value::fromInt(T(self).seconds()); });
    prop(span, "Milliseconds", intT, SLUICE_FN { return Value::fromInt(T(self).milliseconds()); });
    prop(span, "Ticks", lng, SLUICE_FN { return Value::fromLong(T(self).ticks()); });
    prop(span, "TotalDays", dbl, SLUICE_FN { return Value::fromDouble(T(self).totalDays()); });
    prop(span, "TotalHours", dbl, SLUICE_FN { return Value::fromDouble(T(self).totalHours()); });
    prop(span, "TotalMinutes", dbl, SLUICE_FN { return Value::fromDouble(T(self).totalMinutes()); });
    prop(span, "TotalSeconds", dbl, SLUICE_FN { return Value::fromDouble(T(self).totalSeconds()); });
    prop(span, "TotalMilliseconds", dbl, SLUICE_FN { return Value::fromDouble(T(self).totalMilliseconds()); });
    method(span, "Add", {p(span, "ts")}, span, SLUICE_FN { return ts(unwrap(T(self).add(T(a[0])))); });
    method(span, "ToString", {p(str, "format")}, str, SLUICE_FN {
        return Value::fromString(a[0].isNull() ? T(self).toString() : unwrap(T(self).toString(a[0].asString())));
    });
    smethod(span, "op_Addition", {p(span, "t1"), p(span, "t2")}, span, SLUICE_FN { return ts(unwrap(T(a[0]).add(T(a[1])))); });
    smethod(span, "op_Subtraction", {p(span, "t1"), p(span, "t2")}, span,
            SLUICE_FN { return ts(unwrap(T(a[0]).subtract(T(a[1])))); });
    smethod(span, "op_LessThan", {p(span, "t1"), p(span, "t2")}, boolT, SLUICE_FN { return Value::fromBool(T(a[0]) < T(a[1])); });
    smethod(span, "op_GreaterThan", {p(span, "t1"), p(span, "t2")}, boolT, SLUICE_FN { return Value::fromBool(T(a[0]) > T(a[1])); });
    smethod(span, "op_LessThanOrEqual", {p(span, "t1"), p(span, "t2")}, boolT, SLUICE_FN { return Value::fromBool(T(a[0]) <= T(a[1])); });
    smethod(span, "op_GreaterThanOrEqual", {p(span, "t1"), p(span, "t2")}, boolT,
            SLUICE_FN { return Value::fromBool(T(a[0]) >= T(a[1])); });
}

} // namespace sluice
