#include "Bind.h"

namespace sluice {

using namespace bind;

namespace {

int width(const Value &v)
{
    const qint64 w = v.toLong();
    if (w < 0)
        Frame::argumentOutOfRange(QStringLiteral("totalWidth"));
    if (w > 16 * 1024 * 1024)
        Frame::fail(QStringLiteral("OutOfMemoryException"), QStringLiteral("string too long"));
    return int(w);
}

Qt::CaseSensitivity caseFor(const Value &comparison)
{
    const qint64 c = comparison.toLong();
    return (c == 1 || c == 3 || c == 5) ? Qt::CaseInsensitive : Qt::CaseSensitive;
}

const QString &me(const Value &self)
{
    return self.asString();
}

void checkRange(qint64 index, qint64 size, const char *parameter)
{
    if (index < 0 || index > size)
        Frame::argumentOutOfRange(QString::fromLatin1(parameter));
}

Value split(const QString &s, const QList<QString> &separators, qint64 options, qint64 count = -1)
{
    QStringList parts;
    if (separators.isEmpty()) {
        // whitespace
        QString cur;
        for (QChar c : s) {
            if (c.isSpace()) {
                parts << cur;
                cur.clear();
            } else {
                cur += c;
            }
        }
        parts << cur;
    } else {
        int pos = 0;
        for (;;) {
            int best = -1;
            int bestLen = 0;
            for (const QString &sep : separators) {
                if (sep.isEmpty())
                    continue;
                const int i = int(s.indexOf(sep, pos));
                if (i >= 0 && (best < 0 || i < best))
                    best = i, bestLen = int(sep.size());
            }
            if (best < 0 || (count > 0 && parts.size() + 1 >= count)) {
                parts << s.mid(pos);
                break;
            }
            parts << s.mid(pos, best - pos);
            pos = best + bestLen;
        }
    }
    if (options & 2) {
        for (QString &p : parts)
            p = p.trimmed();
    }
    if (options & 1)
        parts.removeAll(QString());
    return rt::stringArray(parts);
}

QString trimChars(const QString &s, const QString &chars, bool start, bool end)
{
    int b = 0, e = int(s.size());
    auto isTrim = [&](QChar c) { return chars.isEmpty() ? c.isSpace() : chars.contains(c); };
    if (start)
        while (b < e && isTrim(s.at(b)))
            ++b;
    if (end)
        while (e > b && isTrim(s.at(e - 1)))
            --e;
    return s.mid(b, e - b);
}

QString charsOf(Frame &f, const Value &v)
{
    QString out;
    if (v.isNull())
        return out;
    for (const Value &c : rt::elements(f, v))
        out += QChar(c.asChar());
    return out;
}

} // namespace

QString dotnetFormat(Frame &f, const QString &format, const std::vector<Value> &args)
{
    QString out;
    const int n = int(format.size());
    for (int i = 0; i < n; ++i) {
        const QChar c = format.at(i);
        if (c == QLatin1Char('{')) {
            if (i + 1 < n && format.at(i + 1) == QLatin1Char('{')) {
                out += c;
                ++i;
                continue;
            }
            const int close = int(format.indexOf(QLatin1Char('}'), i));
            if (close < 0)
                Frame::format();
            const QString spec = format.mid(i + 1, close - i - 1);
            QString indexPart = spec.section(QLatin1Char(':'), 0, 0);
            const QString fmt = spec.contains(QLatin1Char(':')) ? spec.section(QLatin1Char(':'), 1) : QString();
            int align = 0;
            if (indexPart.contains(QLatin1Char(','))) {
                align = indexPart.section(QLatin1Char(','), 1).trimmed().toInt();
                indexPart = indexPart.section(QLatin1Char(','), 0, 0);
            }
            bool ok = false;
            const int index = indexPart.trimmed().toInt(&ok);
            if (!ok || index < 0)
                Frame::format();
            if (index >= int(args.size()))
                Frame::fail(QStringLiteral("FormatException"),
                            QCoreApplication::translate("Expression", "Index (zero based) must be greater than or "
                                                                      "equal to zero and less than the size of the "
                                                                      "argument list."));
            QString s = fmt.isEmpty() ? args[size_t(index)].toString() : rt::formatValue(f, args[size_t(index)], fmt);
            if (align > 0)
                s = s.rightJustified(align);
            else if (align < 0)
                s = s.leftJustified(-align);
            out += s;
            i = close;
        } else if (c == QLatin1Char('}')) {
            if (i + 1 < n && format.at(i + 1) == QLatin1Char('}'))
                ++i;
            else
                Frame::format();
            out += c;
        } else {
            out += c;
        }
    }
    return out;
}

void bindStringType(TypeRegistry &r)
{
    auto *s = const_cast<TypeInfo *>(r.stringType);
    const TypeInfo *str = r.stringType, *intT = r.intType, *boolT = r.boolType, *charT = r.charType;
    const TypeInfo *cmp = r.find(S("StringComparison"));
    const TypeInfo *opts = r.find(S("StringSplitOptions"));

    prop(s, "Length", intT, SLUICE_FN { return Value::fromInt(int(me(self).size())); });
    indexer(s, {p(intT, "index")}, charT, SLUICE_FN {
        const qint64 i = a[0].toLong();
        if (i < 0 || i >= me(self).size())
            Frame::fail(QStringLiteral("IndexOutOfRangeException"),
                        QCoreApplication::translate("Expression", "Index was outside the bounds of the array."));
        return Value::fromChar(me(self).at(i).unicode());
    });
    method(s, "ToString", {}, str, SLUICE_FN { return self; });
    method(s, "Substring", {p(intT, "startIndex")}, str, SLUICE_FN {
        checkRange(a[0].toLong(), me(self).size(), "startIndex");
        return Value::fromString(me(self).mid(a[0].toLong()));
    });
    method(s, "Substring", {p(intT, "startIndex"), p(intT, "length")}, str, SLUICE_FN {
        checkRange(a[0].toLong(), me(self).size(), "startIndex");
        if (a[1].toLong() < 0 || a[0].toLong() + a[1].toLong() > me(self).size())
            Frame::argumentOutOfRange(QStringLiteral("length"));
        return Value::fromString(me(self).mid(a[0].toLong(), a[1].toLong()));
    });
    method(s, "Contains", {p(str, "value")}, boolT,
           SLUICE_FN { return Value::fromBool(me(self).contains(rt::str(a[0]))); });
    method(s, "Contains", {p(charT, "value")}, boolT,
           SLUICE_FN { return Value::fromBool(me(self).contains(QChar(a[0].asChar()))); });
    method(s, "Contains", {p(str, "value"), p(cmp, "comparisonType")}, boolT,
           SLUICE_FN { return Value::fromBool(me(self).contains(rt::str(a[0]), caseFor(a[1]))); });
    method(s, "StartsWith", {p(str, "value")}, boolT,
           SLUICE_FN { return Value::fromBool(me(self).startsWith(rt::str(a[0]))); });
    method(s, "StartsWith", {p(charT, "value")}, boolT,
           SLUICE_FN { return Value::fromBool(me(self).startsWith(QChar(a[0].asChar()))); });
    method(s, "StartsWith", {p(str, "value"), p(cmp, "comparisonType")}, boolT,
           SLUICE_FN { return Value::fromBool(me(self).startsWith(rt::str(a[0]), caseFor(a[1]))); });
    method(s, "EndsWith", {p(str, "value")}, boolT,
           SLUICE_FN { return Value::fromBool(me(self).endsWith(rt::str(a[0]))); });
    method(s, "EndsWith", {p(charT, "value")}, boolT,
           SLUICE_FN { return Value::fromBool(me(self).endsWith(QChar(a[0].asChar()))); });
    method(s, "EndsWith", {p(str, "value"), p(cmp, "comparisonType")}, boolT,
           SLUICE_FN { return Value::fromBool(me(self).endsWith(rt::str(a[0]), caseFor(a[1]))); });
    method(s, "IndexOf", {p(str, "value")}, intT, SLUICE_FN { return Value::fromInt(int(me(self).indexOf(rt::str(a[0])))); });
    method(s, "IndexOf", {p(charT, "value")}, intT,
           SLUICE_FN { return Value::fromInt(int(me(self).indexOf(QChar(a[0].asChar())))); });
    method(s, "IndexOf", {p(str, "value"), p(intT, "startIndex")}, intT, SLUICE_FN {
        checkRange(a[1].toLong(), me(self).size(), "startIndex");
        return Value::fromInt(int(me(self).indexOf(rt::str(a[0]), a[1].toLong())));
    });
    method(s, "IndexOf", {p(charT, "value"), p(intT, "startIndex")}, intT, SLUICE_FN {
        checkRange(a[1].toLong(), me(self).size(), "startIndex");
        return Value::fromInt(int(me(self).indexOf(QChar(a[0].asChar()), a[1].toLong())));
    });
    method(s, "IndexOf", {p(str, "value"), p(cmp, "comparisonType")}, intT,
           SLUICE_FN { return Value::fromInt(int(me(self).indexOf(rt::str(a[0]), 0, caseFor(a[1])))); });
    method(s, "LastIndexOf", {p(str, "value")}, intT,
           SLUICE_FN { return Value::fromInt(int(me(self).lastIndexOf(rt::str(a[0])))); });
    method(s, "LastIndexOf", {p(charT, "value")}, intT,
           SLUICE_FN { return Value::fromInt(int(me(self).lastIndexOf(QChar(a[0].asChar())))); });
    method(s, "IndexOfAny", {p(r.charArray, "anyOf")}, intT, SLUICE_FN {
        const QString chars = charsOf(f, a[0]);
        const QString &m = me(self);
        for (int i = 0; i < m.size(); ++i) {
            if (chars.contains(m.at(i)))
                return Value::fromInt(i);
        }
        return Value::fromInt(-1);
    });
    method(s, "Replace", {p(str, "oldValue"), p(str, "newValue")}, str, SLUICE_FN {
        if (rt::str(a[0], "oldValue").isEmpty())
            Frame::fail(QStringLiteral("ArgumentException"),
                        QCoreApplication::translate("Expression", "String cannot be of zero length. (Parameter 'oldValue')"));
        return Value::fromString(QString(me(self)).replace(a[0].asString(), rt::strOrEmpty(a[1])));
    });
    method(s, "Replace", {p(charT, "oldChar"), p(charT, "newChar")}, str, SLUICE_FN {
        return Value::fromString(QString(me(self)).replace(QChar(a[0].asChar()), QChar(a[1].asChar())));
    });
    method(s, "Trim", {}, str, SLUICE_FN { return Value::fromString(trimChars(me(self), QString(), true, true)); });
    method(s, "Trim", {params(charT, "trimChars")}, str,
           SLUICE_FN { return Value::fromString(trimChars(me(self), charsOf(f, a[0]), true, true)); });
    method(s, "TrimStart", {params(charT, "trimChars")}, str,
           SLUICE_FN { return Value::fromString(trimChars(me(self), charsOf(f, a[0]), true, false)); });
    method(s, "TrimEnd", {params(charT, "trimChars")}, str,
           SLUICE_FN { return Value::fromString(trimChars(me(self), charsOf(f, a[0]), false, true)); });
    method(s, "ToLower", {}, str, SLUICE_FN { return Value::fromString(me(self).toLower()); });
    method(s, "ToUpper", {}, str, SLUICE_FN { return Value::fromString(me(self).toUpper()); });
    method(s, "ToLowerInvariant", {}, str, SLUICE_FN { return Value::fromString(me(self).toLower()); });
    method(s, "ToUpperInvariant", {}, str, SLUICE_FN { return Value::fromString(me(self).toUpper()); });
    method(s, "Equals", {p(str, "value")}, boolT,
           SLUICE_FN { return Value::fromBool(a[0].isString() && me(self) == a[0].asString()); });
    method(s, "Equals", {p(str, "value"), p(cmp, "comparisonType")}, boolT, SLUICE_FN {
        return Value::fromBool(a[0].isString() && me(self).compare(a[0].asString(), caseFor(a[1])) == 0);
    });
    method(s, "CompareTo", {p(str, "strB")}, intT, SLUICE_FN {
        if (a[0].isNull())
            return Value::fromInt(1);
        const int c = me(self).localeAwareCompare(a[0].asString());
        return Value::fromInt(c < 0 ? -1 : c > 0 ? 1 : 0);
    });
    method(s, "PadLeft", {p(intT, "totalWidth")}, str,
           SLUICE_FN { return Value::fromString(me(self).rightJustified(width(a[0]), QLatin1Char(' '))); });
    method(s, "PadLeft", {p(intT, "totalWidth"), p(charT, "paddingChar")}, str,
           SLUICE_FN { return Value::fromString(me(self).rightJustified(width(a[0]), QChar(a[1].asChar()))); });
    method(s, "PadRight", {p(intT, "totalWidth")}, str,
           SLUICE_FN { return Value::fromString(me(self).leftJustified(width(a[0]), QLatin1Char(' '))); });
    method(s, "PadRight", {p(intT, "totalWidth"), p(charT, "paddingChar")}, str,
           SLUICE_FN { return Value::fromString(me(self).leftJustified(width(a[0]), QChar(a[1].asChar()))); });
    method(s, "Remove", {p(intT, "startIndex")}, str, SLUICE_FN {
        checkRange(a[0].toLong(), me(self).size() - 1, "startIndex");
        return Value::fromString(me(self).left(a[0].toLong()));
    });
    method(s, "Remove", {p(intT, "startIndex"), p(intT, "count")}, str, SLUICE_FN {
        checkRange(a[0].toLong(), me(self).size(), "startIndex");
        if (a[1].toLong() < 0 || a[0].toLong() + a[1].toLong() > me(self).size())
            Frame::argumentOutOfRange(QStringLiteral("count"));
        return Value::fromString(QString(me(self)).remove(a[0].toLong(), a[1].toLong()));
    });
    method(s, "Insert", {p(intT, "startIndex"), p(str, "value")}, str, SLUICE_FN {
        checkRange(a[0].toLong(), me(self).size(), "startIndex");
        return Value::fromString(QString(me(self)).insert(a[0].toLong(), rt::str(a[1])));
    });
    method(s, "ToCharArray", {}, r.charArray, SLUICE_FN { return rt::array(rt::types().charType, rt::elements(f, self)); });
    method(s, "Split", {params(charT, "separator")}, r.stringArray, SLUICE_FN {
        QList<QString> seps;
        for (const Value &c : rt::elements(f, a[0]))
            seps << QString(QChar(c.asChar()));
        return split(me(self), seps, 0);
    });
    method(s, "Split", {p(charT, "separator"), p(opts, "options")}, r.stringArray,
           SLUICE_FN { return split(me(self), {QString(QChar(a[0].asChar()))}, a[1].toLong()); });
    method(s, "Split", {p(r.charArray, "separator"), p(opts, "options")}, r.stringArray, SLUICE_FN {
        QList<QString> seps;
        for (const Value &c : rt::elements(f, a[0]))
            seps << QString(QChar(c.asChar()));
        return split(me(self), seps, a[1].toLong());
    });
    method(s, "Split", {p(r.charArray, "separator"), p(intT, "count")}, r.stringArray, SLUICE_FN {
        QList<QString> seps;
        for (const Value &c : rt::elements(f, a[0]))
            seps << QString(QChar(c.asChar()));
        return split(me(self), seps, 0, a[1].toLong());
    });
    method(s, "Split", {p(str, "separator"), p(opts, "options")}, r.stringArray,
           SLUICE_FN { return split(me(self), {rt::strOrEmpty(a[0])}, a[1].toLong()); });
    method(s, "Split", {p(str, "separator")}, r.stringArray,
           SLUICE_FN { return split(me(self), {rt::strOrEmpty(a[0])}, 0); });
    method(s, "Split", {p(r.stringArray, "separator"), p(intT, "count"), p(opts, "options")}, r.stringArray,
           SLUICE_FN { return split(me(self), rt::toStringList(f, a[0]), a[2].toLong(), a[1].toLong()); });
    method(s, "Split", {p(r.charArray, "separator"), p(intT, "count"), p(opts, "options")}, r.stringArray, SLUICE_FN {
        QList<QString> seps;
        for (const Value &c : rt::elements(f, a[0]))
            seps << QString(QChar(c.asChar()));
        return split(me(self), seps, a[2].toLong(), a[1].toLong());
    });
    method(s, "Split", {p(r.stringArray, "separator"), p(opts, "options")}, r.stringArray,
           SLUICE_FN { return split(me(self), rt::toStringList(f, a[0]), a[1].toLong()); });

    // static members
    sprop(s, "Empty", str, SLUICE_FN { return Value::fromString(QString(QLatin1String(""))); });
    smethod(s, "IsNullOrEmpty", {p(str, "value")}, boolT,
            SLUICE_FN { return Value::fromBool(a[0].isNull() || a[0].asString().isEmpty()); });
    smethod(s, "IsNullOrWhiteSpace", {p(str, "value")}, boolT,
            SLUICE_FN { return Value::fromBool(a[0].isNull() || a[0].asString().trimmed().isEmpty()); });
    smethod(s, "Equals", {p(str, "a"), p(str, "b")}, boolT, SLUICE_FN { return Value::fromBool(a[0].equals(a[1])); });
    smethod(s, "Equals", {p(str, "a"), p(str, "b"), p(cmp, "comparisonType")}, boolT, SLUICE_FN {
        if (a[0].isNull() || a[1].isNull())
            return Value::fromBool(a[0].isNull() && a[1].isNull());
        return Value::fromBool(a[0].asString().compare(a[1].asString(), caseFor(a[2])) == 0);
    });
    smethod(s, "Compare", {p(str, "strA"), p(str, "strB")}, intT, SLUICE_FN {
        const int c = rt::strOrEmpty(a[0]).compare(rt::strOrEmpty(a[1]));
        return Value::fromInt(c < 0 ? -1 : c > 0 ? 1 : 0);
    });
    smethod(s, "Compare", {p(str, "strA"), p(str, "strB"), p(boolT, "ignoreCase")}, intT, SLUICE_FN {
        const int c = rt::strOrEmpty(a[0]).compare(rt::strOrEmpty(a[1]),
                                                    a[2].asBool() ? Qt::CaseInsensitive : Qt::CaseSensitive);
        return Value::fromInt(c < 0 ? -1 : c > 0 ? 1 : 0);
    });
    smethod(s, "Compare", {p(str, "strA"), p(str, "strB"), p(cmp, "comparisonType")}, intT, SLUICE_FN {
        const int c = rt::strOrEmpty(a[0]).compare(rt::strOrEmpty(a[1]), caseFor(a[2]));
        return Value::fromInt(c < 0 ? -1 : c > 0 ? 1 : 0);
    });
    smethod(s, "Format", {p(str, "format"), params(r.objectType, "args")}, str, SLUICE_FN {
        return Value::fromString(dotnetFormat(f, rt::str(a[0], "format"), rt::elements(f, a[1])));
    });
    smethod(s, "Join", {p(str, "separator"), params(r.objectType, "values")}, str, SLUICE_FN {
        return Value::fromString(rt::toStringList(f, a[1]).join(rt::strOrEmpty(a[0])));
    });
    smethod(s, "Join", {p(str, "separator"), p(Pat::AnyEnumerable, "values")}, str, SLUICE_FN {
        return Value::fromString(rt::toStringList(f, a[1]).join(rt::strOrEmpty(a[0])));
    });
    smethod(s, "Join", {p(charT, "separator"), p(Pat::AnyEnumerable, "values")}, str, SLUICE_FN {
        return Value::fromString(rt::toStringList(f, a[1]).join(QChar(a[0].asChar())));
    });
    smethod(s, "Concat", {params(r.objectType, "values")}, str,
            SLUICE_FN { return Value::fromString(rt::toStringList(f, a[0]).join(QString())); });
    smethod(s, "Concat", {p(Pat::AnyEnumerable, "values")}, str,
            SLUICE_FN { return Value::fromString(rt::toStringList(f, a[0]).join(QString())); });
    ctor(s, {p(charT, "c"), p(intT, "count")}, SLUICE_FN {
        return Value::fromString(QString(width(a[1]), QChar(a[0].asChar())));
    });
}

} // namespace sluice
