#include "Bind.h"

#include <algorithm>

namespace sluice {

using namespace bind;

namespace {

Value result(const CallSite &site, std::vector<Value> items)
{
    return Value::fromObject(std::make_shared<ArrayObject>(site.resultType, std::move(items)));
}

[[noreturn]] void noElements()
{
    Frame::fail(QStringLiteral("InvalidOperationException"),
                QCoreApplication::translate("Expression", "Sequence contains no elements"));
}

[[noreturn]] void noMatch()
{
    Frame::fail(QStringLiteral("InvalidOperationException"),
                QCoreApplication::translate("Expression", "Sequence contains no matching element"));
}

int compareKeys(const Value &a, const Value &b)
{
    if (a.isNull() || b.isNull())
        return a.isNull() ? (b.isNull() ? 0 : -1) : 1;
    if (a.isNumeric() && b.isNumeric()) {
        const double x = a.toDouble(), y = b.toDouble();
        return x < y ? -1 : x > y ? 1 : 0;
    }
    if (a.kind() == Value::Kind::Bool && b.kind() == Value::Kind::Bool)
        return int(a.asBool()) - int(b.asBool());
    const int c = a.toString().compare(b.toString(), Qt::CaseInsensitive);
    if (c != 0)
        return c;
    return a.toString().compare(b.toString());
}

Value sum(const CallSite &site, const std::vector<Value> &values)
{
    const TypeInfo *t = site.resultType;
    if (t->kind == TypeKind::Double) {
        double s = 0;
        for (const Value &v : values)
            s += v.toDouble();
        return Value::fromDouble(s);
    }
    qint64 s = 0;
    for (const Value &v : values)
        s += v.toLong();
    if (t->kind == TypeKind::Long)
        return Value::fromLong(s);
    if (s > INT_MAX || s < INT_MIN)
        Frame::fail(QStringLiteral("OverflowException"),
                    QCoreApplication::translate("Expression", "Arithmetic operation resulted in an overflow."));
    return Value::fromInt(qint32(s));
}

Value extreme(const std::vector<Value> &values, bool max)
{
    if (values.empty())
        noElements();
    Value best = values.front();
    for (const Value &v : values) {
        const int c = compareKeys(v, best);
        if (max ? c > 0 : c < 0)
            best = v;
    }
    return best;
}

std::vector<Value> mapped(Frame &f, const Value &self, const Value &lambda)
{
    std::vector<Value> out;
    for (const Value &v : rt::elements(f, self))
        out.push_back(f.call(lambda, v));
    return out;
}

} // namespace

void bindLinq(TypeRegistry &r)
{
    auto *q = const_cast<TypeInfo *>(r.linq());
    const TypeInfo *intT = r.intType, *boolT = r.boolType;
    method(q, "Any", {}, boolT, SLUICE_FN { return Value::fromBool(!rt::elements(f, self).empty()); });
    method(q, "Any", {p(Pat::FuncElemBool, "predicate")}, boolT, SLUICE_FN {
        for (const Value &v : rt::elements(f, self)) {
            if (f.call(a[0], v).asBool())
                return Value::fromBool(true);
        }
        return Value::fromBool(false);
    });
    method(q, "All", {p(Pat::FuncElemBool, "predicate")}, boolT, SLUICE_FN {
        for (const Value &v : rt::elements(f, self)) {
            if (!f.call(a[0], v).asBool())
                return Value::fromBool(false);
        }
        return Value::fromBool(true);
    });
    method(q, "Where", {p(Pat::FuncElemBool, "predicate")}, Pat::EnumOfElem, SLUICE_FN {
        std::vector<Value> out;
        for (const Value &v : rt::elements(f, self)) {
            if (f.call(a[0], v).asBool())
                out.push_back(v);
        }
        return result(site, std::move(out));
    });
    method(q, "Select", {p(Pat::FuncElemAny, "selector")}, Pat::EnumOfResult, SLUICE_FN {
        std::vector<Value> out;
        const std::vector<Value> items = rt::elements(f, self);
        const ExprNode *lambda = a[0].asLambda();
        const bool indexed = lambda->lambdaParams.size() == 2;
        for (size_t i = 0; i < items.size(); ++i)
            out.push_back(indexed ? f.call(a[0], items[i], Value::fromInt(int(i))) : f.call(a[0], items[i]));
        return result(site, std::move(out));
    });
    method(q, "SelectMany", {p(Pat::FuncElemAny, "selector")}, Pat::EnumOfResult, SLUICE_FN {
        std::vector<Value> out;
        for (const Value &v : rt::elements(f, self)) {
            for (const Value &inner : rt::elements(f, f.call(a[0], v)))
                out.push_back(inner);
        }
        return result(site, std::move(out));
    });
    // SelectMany's result is IEnumerable<element of the lambda result>: fixed up by its element type
    q->members.back().result = TypePat(Pat::LambdaResult);

    for (const char *name : {"First", "FirstOrDefault", "Last", "LastOrDefault", "Single", "SingleOrDefault"}) {
        const QByteArray n(name);
        NativeFn plain = nullptr, pred = nullptr;
        if (n == "First") {
            plain = SLUICE_FN {
                auto v = rt::elements(f, self);
                if (v.empty())
                    noElements();
                return v.front();
            };
            pred = SLUICE_FN {
                for (const Value &v : rt::elements(f, self))
                    if (f.call(a[0], v).asBool())
                        return v;
                noMatch();
            };
        } else if (n == "FirstOrDefault") {
            plain = SLUICE_FN {
                auto v = rt::elements(f, self);
                return v.empty() ? rt::defaultValue(site.resultType) : v.front();
            };
            pred = SLUICE_FN {
                for (const Value &v : rt::elements(f, self))
                    if (f.call(a[0], v).asBool())
                        return v;
                return rt::defaultValue(site.resultType);
            };
        } else if (n == "Last") {
            plain = SLUICE_FN {
                auto v = rt::elements(f, self);
                if (v.empty())
                    noElements();
                return v.back();
            };
            pred = SLUICE_FN {
                Value found;
                bool any = false;
                for (const Value &v : rt::elements(f, self))
                    if (f.call(a[0], v).asBool())
                        found = v, any = true;
                if (!any)
                    noMatch();
                return found;
            };
        } else if (n == "LastOrDefault") {
            plain = SLUICE_FN {
                auto v = rt::elements(f, self);
                return v.empty() ? rt::defaultValue(site.resultType) : v.back();
            };
            pred = SLUICE_FN {
                Value found = rt::defaultValue(site.resultType);
                for (const Value &v : rt::elements(f, self))
                    if (f.call(a[0], v).asBool())
                        found = v;
                return found;
            };
        } else {
            const bool orDefault = n == "SingleOrDefault";
            plain = orDefault ? NativeFn(SLUICE_FN {
                auto v = rt::elements(f, self);
                if (v.size() > 1)
                    Frame::fail(QStringLiteral("InvalidOperationException"),
                                QCoreApplication::translate("Expression", "Sequence contains more than one element"));
                return v.empty() ? rt::defaultValue(site.resultType) : v.front();
            })
                              : NativeFn(SLUICE_FN {
                                    auto v = rt::elements(f, self);
                                    if (v.empty())
                                        noElements();
                                    if (v.size() > 1)
                                        Frame::fail(QStringLiteral("InvalidOperationException"),
                                                    QCoreApplication::translate("Expression", "Sequence contains more "
                                                                                              "than one element"));
                                    return v.front();
                                });
            pred = orDefault ? NativeFn(SLUICE_FN {
                std::vector<Value> found;
                for (const Value &v : rt::elements(f, self))
                    if (f.call(a[0], v).asBool())
                        found.push_back(v);
                if (found.size() > 1)
                    Frame::fail(QStringLiteral("InvalidOperationException"),
                                QCoreApplication::translate("Expression", "Sequence contains more than one matching "
                                                                          "element"));
                return found.empty() ? rt::defaultValue(site.resultType) : found.front();
            })
                             : NativeFn(SLUICE_FN {
                                   std::vector<Value> found;
                                   for (const Value &v : rt::elements(f, self))
                                       if (f.call(a[0], v).asBool())
                                           found.push_back(v);
                                   if (found.empty())
                                       noMatch();
                                   if (found.size() > 1)
                                       Frame::fail(QStringLiteral("InvalidOperationException"),
                                                   QCoreApplication::translate("Expression", "Sequence contains more "
                                                                                             "than one matching "
                                                                                             "element"));
                                   return found.front();
                               });
        }
        method(q, name, {}, Pat::Elem, plain);
        method(q, name, {p(Pat::FuncElemBool, "predicate")}, Pat::Elem, pred);
    }
    method(q, "ElementAt", {p(intT, "index")}, Pat::Elem, SLUICE_FN {
        auto v = rt::elements(f, self);
        if (a[0].toLong() < 0 || quint64(a[0].toLong()) >= v.size())
            Frame::argumentOutOfRange(QStringLiteral("index"));
        return v[size_t(a[0].toLong())];
    });
    method(q, "Count", {}, intT, SLUICE_FN { return Value::fromInt(int(rt::elements(f, self).size())); });
    method(q, "Count", {p(Pat::FuncElemBool, "predicate")}, intT, SLUICE_FN {
        int n = 0;
        for (const Value &v : rt::elements(f, self))
            n += f.call(a[0], v).asBool() ? 1 : 0;
        return Value::fromInt(n);
    });
    method(q, "Contains", {p(Pat::Elem, "value")}, boolT, SLUICE_FN {
        for (const Value &v : rt::elements(f, self)) {
            if (v.equals(a[0]))
                return Value::fromBool(true);
        }
        return Value::fromBool(false);
    });
    method(q, "Contains", {p(Pat::Elem, "value"), p(r.find(QStringLiteral("StringComparer")), "comparer")}, boolT, SLUICE_FN {
        const qint64 c = a[1].toLong();
        const Qt::CaseSensitivity cs = (c == 1 || c == 3 || c == 5) ? Qt::CaseInsensitive : Qt::CaseSensitive;
        for (const Value &v : rt::elements(f, self)) {
            if (v.isString() && a[0].isString() ? v.asString().compare(a[0].asString(), cs) == 0 : v.equals(a[0]))
                return Value::fromBool(true);
        }
        return Value::fromBool(false);
    });
    method(q, "ToArray", {}, Pat::ArrayOfElem, SLUICE_FN { return result(site, rt::elements(f, self)); });
    method(q, "ToList", {}, Pat::ListOfElem, SLUICE_FN { return result(site, rt::elements(f, self)); });
    method(q, "AsEnumerable", {}, Pat::EnumOfElem, SLUICE_FN { return result(site, rt::elements(f, self)); });
    for (const char *name : {"OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending"}) {
        const bool desc = QByteArray(name).endsWith("Descending");
        method(q, name, {p(Pat::FuncElemAny, "keySelector")}, Pat::EnumOfElem,
               desc ? NativeFn(SLUICE_FN {
                   std::vector<std::pair<Value, Value>> keyed;
                   for (const Value &v : rt::elements(f, self))
                       keyed.emplace_back(f.call(a[0], v), v);
                   std::stable_sort(keyed.begin(), keyed.end(),
                                    [](const auto &x, const auto &y) { return compareKeys(x.first, y.first) > 0; });
                   std::vector<Value> out;
                   for (auto &k : keyed)
                       out.push_back(k.second);
                   return result(site, std::move(out));
               })
                    : NativeFn(SLUICE_FN {
                          std::vector<std::pair<Value, Value>> keyed;
                          for (const Value &v : rt::elements(f, self))
                              keyed.emplace_back(f.call(a[0], v), v);
                          std::stable_sort(keyed.begin(), keyed.end(), [](const auto &x, const auto &y) {
                              return compareKeys(x.first, y.first) < 0;
                          });
                          std::vector<Value> out;
                          for (auto &k : keyed)
                              out.push_back(k.second);
                          return result(site, std::move(out));
                      }));
    }
    method(q, "Sum", {}, Pat::Elem, SLUICE_FN { return sum(site, rt::elements(f, self)); });
    method(q, "Sum", {p(Pat::FuncElemAny, "selector")}, Pat::LambdaResult,
           SLUICE_FN { return sum(site, mapped(f, self, a[0])); });
    method(q, "Max", {}, Pat::Elem, SLUICE_FN { return extreme(rt::elements(f, self), true); });
    method(q, "Max", {p(Pat::FuncElemAny, "selector")}, Pat::LambdaResult,
           SLUICE_FN { return extreme(mapped(f, self, a[0]), true); });
    method(q, "Min", {}, Pat::Elem, SLUICE_FN { return extreme(rt::elements(f, self), false); });
    method(q, "Min", {p(Pat::FuncElemAny, "selector")}, Pat::LambdaResult,
           SLUICE_FN { return extreme(mapped(f, self, a[0]), false); });
    method(q, "Average", {}, r.doubleType, SLUICE_FN {
        auto v = rt::elements(f, self);
        if (v.empty())
            noElements();
        double s = 0;
        for (const Value &x : v)
            s += x.toDouble();
        return Value::fromDouble(s / double(v.size()));
    });
    method(q, "Skip", {p(intT, "count")}, Pat::EnumOfElem, SLUICE_FN {
        auto v = rt::elements(f, self);
        const qint64 n = qBound<qint64>(0, a[0].toLong(), qint64(v.size()));
        return result(site, std::vector<Value>(v.begin() + n, v.end()));
    });
    method(q, "Take", {p(intT, "count")}, Pat::EnumOfElem, SLUICE_FN {
        auto v = rt::elements(f, self);
        const qint64 n = qBound<qint64>(0, a[0].toLong(), qint64(v.size()));
        return result(site, std::vector<Value>(v.begin(), v.begin() + n));
    });
    method(q, "Distinct", {}, Pat::EnumOfElem, SLUICE_FN {
        std::vector<Value> out;
        for (const Value &v : rt::elements(f, self)) {
            if (std::none_of(out.begin(), out.end(), [&](const Value &o) { return o.equals(v); }))
                out.push_back(v);
        }
        return result(site, std::move(out));
    });
    method(q, "Reverse", {}, Pat::EnumOfElem, SLUICE_FN {
        auto v = rt::elements(f, self);
        std::reverse(v.begin(), v.end());
        return result(site, std::move(v));
    });
    method(q, "Concat", {p(Pat::EnumOfElem, "second")}, Pat::EnumOfElem, SLUICE_FN {
        auto v = rt::elements(f, self);
        for (const Value &x : rt::elements(f, a[0]))
            v.push_back(x);
        return result(site, std::move(v));
    });
}

} // namespace sluice
