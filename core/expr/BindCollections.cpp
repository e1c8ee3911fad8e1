#include "Bind.h"

namespace sluice {

using namespace bind;

namespace {

ArrayObject *arr(const Value &self)
{
    return static_cast<ArrayObject *>(self.object());
}

DictionaryObject *dict(const Value &self)
{
    return static_cast<DictionaryObject *>(self.object());
}

void checkIndex(qint64 i, size_t size)
{
    if (i < 0 || quint64(i) >= size)
        Frame::fail(QStringLiteral("IndexOutOfRangeException"),
                    QCoreApplication::translate("Expression", "Index was outside the bounds of the array."));
}

class StringBuilderObject final : public ExprObject
{
public:
    const TypeInfo *exprType() const override { return TypeRegistry::instance().find(QStringLiteral("StringBuilder")); }
    QString toString() const override { return text; }
    QString text;
};

} // namespace

void bindCollections(TypeRegistry &r)
{
    const TypeInfo *intT = r.intType, *boolT = r.boolType, *str = r.stringType;
    auto *arrayDef = const_cast<TypeInfo *>(r.arrayDef);
    prop(arrayDef, "Length", intT, SLUICE_FN { return Value::fromInt(int(arr(self)->items.size())); });
    indexer(arrayDef, {p(intT, "index")}, Pat::Elem, SLUICE_FN {
        checkIndex(a[0].toLong(), arr(self)->items.size());
        return arr(self)->items[size_t(a[0].toLong())];
    });
    Member &setA = indexer(arrayDef, {p(intT, "index"), p(Pat::Elem, "value")}, Pat::Elem, SLUICE_FN {
        checkIndex(a[0].toLong(), arr(self)->items.size());
        arr(self)->items[size_t(a[0].toLong())] = a[1];
        return a[1];
    });
    setA.name = S("this[]=");

    smethod(arrayDef, "Exists", {p(Pat::EnumOfElem, "array"), p(Pat::FuncElemBool, "match")}, boolT, SLUICE_FN {
        for (const Value &v : rt::elements(f, a[0]))
            if (f.call(a[1], v).asBool())
                return Value::fromBool(true);
        return Value::fromBool(false);
    });
    smethod(arrayDef, "TrueForAll", {p(Pat::EnumOfElem, "array"), p(Pat::FuncElemBool, "match")}, boolT, SLUICE_FN {
        for (const Value &v : rt::elements(f, a[0]))
            if (!f.call(a[1], v).asBool())
                return Value::fromBool(false);
        return Value::fromBool(true);
    });
    smethod(arrayDef, "Find", {p(Pat::EnumOfElem, "array"), p(Pat::FuncElemBool, "match")}, Pat::Elem, SLUICE_FN {
        for (const Value &v : rt::elements(f, a[0]))
            if (f.call(a[1], v).asBool())
                return v;
        return rt::defaultValue(site.receiverType->element);
    });
    smethod(arrayDef, "IndexOf", {p(Pat::EnumOfElem, "array"), p(Pat::Elem, "value")}, intT, SLUICE_FN {
        const std::vector<Value> items = rt::elements(f, a[0]);
        for (size_t i = 0; i < items.size(); ++i)
            if (items[i].equals(a[1]))
                return Value::fromInt(int(i));
        return Value::fromInt(-1);
    });
    smethod(arrayDef, "Copy", {p(Pat::AnyEnumerable, "sourceArray"), p(intT, "sourceIndex"), p(Pat::AnyEnumerable, "destinationArray"),
                               p(intT, "destinationIndex"), p(intT, "length")},
            r.voidType, SLUICE_FN {
                auto *src = dynamic_cast<ArrayObject *>(a[0].object());
                auto *dst = dynamic_cast<ArrayObject *>(a[2].object());
                if (!src || !dst)
                    Frame::argumentNull(src ? QStringLiteral("destinationArray") : QStringLiteral("sourceArray"));
                const qint64 si = a[1].toLong(), di = a[3].toLong(), len = a[4].toLong();
                if (si < 0 || di < 0 || len < 0 || quint64(si + len) > src->items.size()
                    || quint64(di + len) > dst->items.size())
                    Frame::fail(QStringLiteral("ArgumentException"),
                                QCoreApplication::translate("Expression", "Destination array was not long enough. Check "
                                                                          "the destination index, length, and the array's "
                                                                          "lower bounds."));
                const std::vector<Value> copy(src->items.begin() + si, src->items.begin() + si + len);
                std::copy(copy.begin(), copy.end(), dst->items.begin() + di);
                return {};
            });
    smethod(arrayDef, "Copy", {p(Pat::AnyEnumerable, "sourceArray"), p(Pat::AnyEnumerable, "destinationArray"), p(intT, "length")},
            r.voidType, SLUICE_FN {
                auto *src = dynamic_cast<ArrayObject *>(a[0].object());
                auto *dst = dynamic_cast<ArrayObject *>(a[1].object());
                if (!src || !dst)
                    Frame::argumentNull(src ? QStringLiteral("destinationArray") : QStringLiteral("sourceArray"));
                const qint64 len = a[2].toLong();
                if (len < 0 || quint64(len) > src->items.size() || quint64(len) > dst->items.size())
                    Frame::argumentOutOfRange(QStringLiteral("length"));
                std::copy(src->items.begin(), src->items.begin() + len, dst->items.begin());
                return {};
            });
    method(arrayDef, "Encrypt", {p(str, "alg"), p(r.byteArray, "key"), p(r.byteArray, "iv")}, r.byteArray, SLUICE_FN {
        Frame::fail(QStringLiteral("NotSupportedException"),
                    QCoreApplication::translate("Expression", "Encrypt/Decrypt (symmetric ciphers) are not supported "
                                                              "by this gateway"));
    });
    method(arrayDef, "Decrypt", {p(str, "alg"), p(r.byteArray, "key"), p(r.byteArray, "iv")}, r.byteArray, SLUICE_FN {
        Frame::fail(QStringLiteral("NotSupportedException"),
                    QCoreApplication::translate("Expression", "Encrypt/Decrypt (symmetric ciphers) are not supported "
                                                              "by this gateway"));
    });

    auto *list = const_cast<TypeInfo *>(r.listDef);
    ctor(list, {}, SLUICE_FN { return Value::fromObject(std::make_shared<ArrayObject>(site.resultType)); });
    ctor(list, {p(intT, "capacity")}, SLUICE_FN { return Value::fromObject(std::make_shared<ArrayObject>(site.resultType)); });
    ctor(list, {p(Pat::EnumOfElem, "collection")}, SLUICE_FN {
        return Value::fromObject(std::make_shared<ArrayObject>(site.resultType, rt::elements(f, a[0])));
    });
    prop(list, "Count", intT, SLUICE_FN { return Value::fromInt(int(arr(self)->items.size())); });
    indexer(list, {p(intT, "index")}, Pat::Elem, SLUICE_FN {
        if (a[0].toLong() < 0 || quint64(a[0].toLong()) >= arr(self)->items.size())
            Frame::argumentOutOfRange(QStringLiteral("index"));
        return arr(self)->items[size_t(a[0].toLong())];
    });
    Member &setL = indexer(list, {p(intT, "index"), p(Pat::Elem, "value")}, Pat::Elem, SLUICE_FN {
        if (a[0].toLong() < 0 || quint64(a[0].toLong()) >= arr(self)->items.size())
            Frame::argumentOutOfRange(QStringLiteral("index"));
        arr(self)->items[size_t(a[0].toLong())] = a[1];
        return a[1];
    });
    setL.name = S("this[]=");
    method(list, "Add", {p(Pat::Elem, "item")}, r.voidType, SLUICE_FN {
        f.step();
        if (arr(self)->items.size() > 1000000)
            Frame::fail(QStringLiteral("OutOfMemoryException"), QStringLiteral("list too large"));
        arr(self)->items.push_back(a[0]);
        return {};
    });
    method(list, "AddRange", {p(Pat::EnumOfElem, "collection")}, r.voidType, SLUICE_FN {
        for (const Value &v : rt::elements(f, a[0]))
            arr(self)->items.push_back(v);
        return {};
    });
    method(list, "Insert", {p(intT, "index"), p(Pat::Elem, "item")}, r.voidType, SLUICE_FN {
        auto &items = arr(self)->items;
        if (a[0].toLong() < 0 || quint64(a[0].toLong()) > items.size())
            Frame::argumentOutOfRange(QStringLiteral("index"));
        items.insert(items.begin() + a[0].toLong(), a[1]);
        return {};
    });
    method(list, "Remove", {p(Pat::Elem, "item")}, boolT, SLUICE_FN {
        auto &items = arr(self)->items;
        for (auto it = items.begin(); it != items.end(); ++it) {
            if (it->equals(a[0])) {
                items.erase(it);
                return Value::fromBool(true);
            }
        }
        return Value::fromBool(false);
    });
    method(list, "RemoveAt", {p(intT, "index")}, r.voidType, SLUICE_FN {
        auto &items = arr(self)->items;
        if (a[0].toLong() < 0 || quint64(a[0].toLong()) >= items.size())
            Frame::argumentOutOfRange(QStringLiteral("index"));
        items.erase(items.begin() + a[0].toLong());
        return {};
    });
    method(list, "Clear", {}, r.voidType, SLUICE_FN {
        arr(self)->items.clear();
        return {};
    });
    method(list, "IndexOf", {p(Pat::Elem, "item")}, intT, SLUICE_FN {
        const auto &items = arr(self)->items;
        for (size_t i = 0; i < items.size(); ++i) {
            if (items[i].equals(a[0]))
                return Value::fromInt(int(i));
        }
        return Value::fromInt(-1);
    });

    auto *d = const_cast<TypeInfo *>(r.dictionaryDef);
    ctor(d, {}, SLUICE_FN { return Value::fromObject(std::make_shared<DictionaryObject>(site.resultType)); });
    prop(d, "Count", intT, SLUICE_FN { return Value::fromInt(int(dict(self)->entries.size())); });
    prop(d, "Keys", Pat::EnumOfKey, SLUICE_FN {
        std::vector<Value> keys;
        for (const auto &e : dict(self)->entries)
            keys.push_back(e.first);
        return rt::array(site.receiverType->key, keys);
    });
    prop(d, "Values", Pat::EnumOfValue, SLUICE_FN {
        std::vector<Value> values;
        for (const auto &e : dict(self)->entries)
            values.push_back(e.second);
        return rt::array(site.receiverType->value, values);
    });
    method(d, "Add", {p(Pat::DictKey, "key"), p(Pat::DictValue, "value")}, r.voidType, SLUICE_FN {
        if (a[0].isNull())
            Frame::argumentNull(QStringLiteral("key"));
        if (dict(self)->find(a[0]) >= 0)
            Frame::fail(QStringLiteral("ArgumentException"),
                        QCoreApplication::translate("Expression", "An item with the same key has already been added. "
                                                                  "Key: %1")
                            .arg(a[0].toString()));
        dict(self)->entries.emplace_back(a[0], a[1]);
        return {};
    });
    method(d, "ContainsKey", {p(Pat::DictKey, "key")}, boolT,
           SLUICE_FN { return Value::fromBool(dict(self)->find(a[0]) >= 0); });
    method(d, "Remove", {p(Pat::DictKey, "key")}, boolT, SLUICE_FN {
        const int i = dict(self)->find(a[0]);
        if (i < 0)
            return Value::fromBool(false);
        dict(self)->entries.erase(dict(self)->entries.begin() + i);
        return Value::fromBool(true);
    });
    method(d, "TryGetValue", {p(Pat::DictKey, "key"), out(Pat::DictValue, "value")}, boolT, SLUICE_FN {
        const int i = dict(self)->find(a[0]);
        a[1] = i >= 0 ? dict(self)->entries[size_t(i)].second : rt::defaultValue(site.receiverType->value);
        return Value::fromBool(i >= 0);
    });
    indexer(d, {p(Pat::DictKey, "key")}, Pat::DictValue, SLUICE_FN {
        const int i = dict(self)->find(a[0]);
        if (i < 0)
            Frame::fail(QStringLiteral("KeyNotFoundException"),
                        QCoreApplication::translate("Expression", "The given key '%1' was not present in the "
                                                                  "dictionary.")
                            .arg(a[0].toString()));
        return dict(self)->entries[size_t(i)].second;
    });
    Member &setD = indexer(d, {p(Pat::DictKey, "key"), p(Pat::DictValue, "value")}, Pat::DictValue, SLUICE_FN {
        const int i = dict(self)->find(a[0]);
        if (i >= 0)
            dict(self)->entries[size_t(i)].second = a[1];
        else
            dict(self)->entries.emplace_back(a[0], a[1]);
        return a[1];
    });
    setD.name = S("this[]=");

    auto *kvp = const_cast<TypeInfo *>(r.kvpDef);
    prop(kvp, "Key", Pat::DictKey, SLUICE_FN { return rt::self<KeyValuePairObject>(self)->key; });
    prop(kvp, "Value", Pat::DictValue, SLUICE_FN { return rt::self<KeyValuePairObject>(self)->value; });

    TypeInfo *sb = r.define(S("StringBuilder"), TypeKind::Class, nullptr, S("System.Text"));
    ctor(sb, {}, SLUICE_FN { return Value::fromObject(std::make_shared<StringBuilderObject>()); });
    ctor(sb, {p(str, "value")}, SLUICE_FN {
        auto b = std::make_shared<StringBuilderObject>();
        b->text = rt::strOrEmpty(a[0]);
        return Value::fromObject(b);
    });
    for (const char *name : {"Append", "AppendLine"}) {
        const bool line = name[6] == 'L';
        method(sb, name, {p(r.objectType, "value")}, sb,
               line ? NativeFn(SLUICE_FN {
                   rt::self<StringBuilderObject>(self)->text += a[0].toString() + QLatin1Char('\n');
                   return self;
               })
                    : NativeFn(SLUICE_FN {
                          rt::self<StringBuilderObject>(self)->text += a[0].toString();
                          if (rt::self<StringBuilderObject>(self)->text.size() > 10000000)
                              Frame::fail(QStringLiteral("OutOfMemoryException"), QStringLiteral("string too large"));
                          return self;
                      }));
    }
    method(sb, "AppendLine", {}, sb, SLUICE_FN {
        rt::self<StringBuilderObject>(self)->text += QLatin1Char('\n');
        return self;
    });
    method(sb, "AppendFormat", {p(str, "format"), params(r.objectType, "args")}, sb, SLUICE_FN {
        rt::self<StringBuilderObject>(self)->text += dotnetFormat(f, rt::str(a[0]), rt::elements(f, a[1]));
        return self;
    });
    prop(sb, "Length", intT, SLUICE_FN { return Value::fromInt(int(rt::self<StringBuilderObject>(self)->text.size())); });
    method(sb, "ToString", {}, str, SLUICE_FN { return Value::fromString(self.toString()); });
    method(sb, "Clear", {}, sb, SLUICE_FN {
        rt::self<StringBuilderObject>(self)->text.clear();
        return self;
    });
}

} // namespace sluice
