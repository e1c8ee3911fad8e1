#include "Bind.h"
#include "runtime/DotNetRegex.h"

namespace sluice {

using namespace bind;
using dotnet::DotNetGroup;
using dotnet::DotNetMatch;
using dotnet::DotNetRegex;

namespace {

template<typename T>
const T &unwrap(const dotnet::DotNetResult<T> &r)
{
    if (!r.ok())
        Frame::fail(r.error().type, r.error().message);
    return r.value();
}

class RegexObject final : public ExprObject
{
public:
    explicit RegexObject(DotNetRegex::Ptr regex)
        : re(std::move(regex))
    {}
    const TypeInfo *exprType() const override { return TypeRegistry::instance().find(QStringLiteral("Regex")); }
    QString toString() const override { return re->pattern(); }
    DotNetRegex::Ptr re;
};

class MatchObject final : public ExprObject
{
public:
    explicit MatchObject(DotNetMatch match)
        : m(std::move(match))
    {}
    const TypeInfo *exprType() const override { return TypeRegistry::instance().find(QStringLiteral("Match")); }
    QString toString() const override { return m.value(); }
    DotNetMatch m;
};

class GroupObject final : public ExprObject
{
public:
    explicit GroupObject(DotNetGroup group)
        : g(std::move(group))
    {}
    const TypeInfo *exprType() const override { return TypeRegistry::instance().find(QStringLiteral("Group")); }
    QString toString() const override { return g.value(); }
    DotNetGroup g;
};

// Match.Groups: a view over the match
class GroupsObject final : public ExprObject
{
public:
    explicit GroupsObject(DotNetMatch match)
        : m(std::move(match))
    {}
    const TypeInfo *exprType() const override
    {
        return TypeRegistry::instance().find(QStringLiteral("GroupCollection"));
    }
    bool enumerate(std::vector<Value> *out) const override
    {
        out->clear();
        for (const DotNetGroup &g : m.groups())
            out->push_back(Value::fromObject(std::make_shared<GroupObject>(g)));
        return true;
    }
    DotNetMatch m;
};

Value matchValue(DotNetMatch m)
{
    return Value::fromObject(std::make_shared<MatchObject>(std::move(m)));
}

Value matches(const CallSite &site, const QList<DotNetMatch> &list)
{
    std::vector<Value> items;
    for (const DotNetMatch &m : list)
        items.push_back(matchValue(m));
    return Value::fromObject(std::make_shared<ArrayObject>(site.resultType, std::move(items)));
}

DotNetRegex::Ptr regexOf(const Value &self)
{
    return rt::self<RegexObject>(self)->re;
}

const DotNetMatch &matchOf(const Value &self)
{
    return rt::self<MatchObject>(self)->m;
}

} // namespace

void bindRegexTypes(TypeRegistry &r)
{
    const QString ns = S("System.Text.RegularExpressions");
    const TypeInfo *str = r.stringType, *intT = r.intType, *boolT = r.boolType;
    TypeInfo *regex = r.define(S("Regex"), TypeKind::Class, nullptr, ns);
    TypeInfo *group = r.define(S("Group"), TypeKind::Class, nullptr, ns);
    TypeInfo *match = r.define(S("Match"), TypeKind::Class, group, ns);
    TypeInfo *groups = r.define(S("GroupCollection"), TypeKind::Class, nullptr, ns);
    TypeInfo *options = r.define(S("RegexOptions"), TypeKind::Enum, nullptr, ns);
    options->isValueType = true;
    const TypeInfo *matchCollection = r.enumerableOf(match);
    r.alias(S("MatchCollection"), matchCollection);
    r.alias(ns + S(".MatchCollection"), matchCollection);
    groups->element = group;
    for (auto [name, value] : std::initializer_list<std::pair<const char *, int>>{
             {"None", 0}, {"IgnoreCase", 1}, {"Multiline", 2}, {"ExplicitCapture", 4}, {"Compiled", 8},
             {"Singleline", 16}, {"IgnorePatternWhitespace", 32}, {"RightToLeft", 64}, {"ECMAScript", 256},
             {"CultureInvariant", 512}})
        constant(options, name, value);

    ctor(regex, {p(str, "pattern")}, SLUICE_FN {
        return Value::fromObject(std::make_shared<RegexObject>(unwrap(DotNetRegex::cached(rt::str(a[0], "pattern")))));
    });
    ctor(regex, {p(str, "pattern"), p(options, "options")}, SLUICE_FN {
        return Value::fromObject(std::make_shared<RegexObject>(
            unwrap(DotNetRegex::cached(rt::str(a[0], "pattern"), int(a[1].toLong())))));
    });
    // static helpers
    smethod(regex, "IsMatch", {p(str, "input"), p(str, "pattern")}, boolT, SLUICE_FN {
        return Value::fromBool(unwrap(DotNetRegex::isMatch(rt::str(a[0], "input"), rt::str(a[1], "pattern"))));
    });
    smethod(regex, "IsMatch", {p(str, "input"), p(str, "pattern"), p(options, "options")}, boolT, SLUICE_FN {
        return Value::fromBool(
            unwrap(DotNetRegex::isMatch(rt::str(a[0], "input"), rt::str(a[1], "pattern"), int(a[2].toLong()))));
    });
    smethod(regex, "Match", {p(str, "input"), p(str, "pattern")}, match, SLUICE_FN {
        return matchValue(unwrap(DotNetRegex::match(rt::str(a[0], "input"), rt::str(a[1], "pattern"))));
    });
    smethod(regex, "Match", {p(str, "input"), p(str, "pattern"), p(options, "options")}, match, SLUICE_FN {
        return matchValue(
            unwrap(DotNetRegex::match(rt::str(a[0], "input"), rt::str(a[1], "pattern"), int(a[2].toLong()))));
    });
    smethod(regex, "Matches", {p(str, "input"), p(str, "pattern")}, matchCollection, SLUICE_FN {
        return matches(site, unwrap(DotNetRegex::matches(rt::str(a[0], "input"), rt::str(a[1], "pattern"))));
    });
    smethod(regex, "Matches", {p(str, "input"), p(str, "pattern"), p(options, "options")}, matchCollection, SLUICE_FN {
        return matches(site, unwrap(DotNetRegex::matches(rt::str(a[0], "input"), rt::str(a[1], "pattern"),
                                                         int(a[2].toLong()))));
    });
    smethod(regex, "Replace", {p(str, "input"), p(str, "pattern"), p(str, "replacement")}, str, SLUICE_FN {
        return Value::fromString(unwrap(DotNetRegex::replace(rt::str(a[0], "input"), rt::str(a[1], "pattern"),
                                                             rt::str(a[2], "replacement"))));
    });
    smethod(regex, "Replace", {p(str, "input"), p(str, "pattern"), p(str, "replacement"), p(options, "options")}, str,
            SLUICE_FN {
                return Value::fromString(unwrap(DotNetRegex::replace(rt::str(a[0], "input"), rt::str(a[1], "pattern"),
                                                                     rt::str(a[2], "replacement"), int(a[3].toLong()))));
            });
    smethod(regex, "Split", {p(str, "input"), p(str, "pattern")}, r.stringArray, SLUICE_FN {
        return rt::stringArray(unwrap(DotNetRegex::split(rt::str(a[0], "input"), rt::str(a[1], "pattern"))));
    });
    smethod(regex, "Escape", {p(str, "str")}, str,
            SLUICE_FN { return Value::fromString(DotNetRegex::escape(rt::str(a[0], "str"))); });
    smethod(regex, "Unescape", {p(str, "str")}, str,
            SLUICE_FN { return Value::fromString(unwrap(DotNetRegex::unescape(rt::str(a[0], "str")))); });
    // instance
    method(regex, "IsMatch", {p(str, "input")}, boolT,
           SLUICE_FN { return Value::fromBool(regexOf(self)->isMatch(rt::str(a[0], "input"))); });
    method(regex, "Match", {p(str, "input")}, match,
           SLUICE_FN { return matchValue(regexOf(self)->match(rt::str(a[0], "input"))); });
    method(regex, "Matches", {p(str, "input")}, matchCollection,
           SLUICE_FN { return matches(site, regexOf(self)->matches(rt::str(a[0], "input"))); });
    method(regex, "Replace", {p(str, "input"), p(str, "replacement")}, str, SLUICE_FN {
        return Value::fromString(regexOf(self)->replace(rt::str(a[0], "input"), rt::str(a[1], "replacement")));
    });
    method(regex, "Split", {p(str, "input")}, r.stringArray,
           SLUICE_FN { return rt::stringArray(regexOf(self)->split(rt::str(a[0], "input"))); });

    // Group / Match
    prop(group, "Success", boolT, SLUICE_FN {
        if (auto *m = dynamic_cast<MatchObject *>(self.object()))
            return Value::fromBool(m->m.success());
        return Value::fromBool(rt::self<GroupObject>(self)->g.success());
    });
    prop(group, "Value", str, SLUICE_FN { return Value::fromString(self.object()->toString()); });
    prop(group, "Index", intT, SLUICE_FN {
        if (auto *m = dynamic_cast<MatchObject *>(self.object()))
            return Value::fromInt(int(m->m.index()));
        return Value::fromInt(int(rt::self<GroupObject>(self)->g.index()));
    });
    prop(group, "Length", intT, SLUICE_FN {
        if (auto *m = dynamic_cast<MatchObject *>(self.object()))
            return Value::fromInt(int(m->m.length()));
        return Value::fromInt(int(rt::self<GroupObject>(self)->g.length()));
    });
    prop(group, "Name", str, SLUICE_FN {
        if (dynamic_cast<MatchObject *>(self.object()))
            return Value::fromString(QStringLiteral("0"));
        return Value::fromString(rt::self<GroupObject>(self)->g.name());
    });
    prop(match, "Groups", groups, SLUICE_FN { return Value::fromObject(std::make_shared<GroupsObject>(matchOf(self))); });
    method(match, "NextMatch", {}, match, SLUICE_FN { return matchValue(matchOf(self).nextMatch()); });
    method(match, "Result", {p(str, "replacement")}, str,
           SLUICE_FN { return Value::fromString(matchOf(self).result(rt::str(a[0], "replacement"))); });
    sprop(match, "Empty", match, SLUICE_FN { return matchValue(DotNetMatch()); });

    // GroupCollection
    indexer(groups, {p(intT, "groupnum")}, group, SLUICE_FN {
        return Value::fromObject(std::make_shared<GroupObject>(rt::self<GroupsObject>(self)->m.group(a[0].asInt())));
    });
    indexer(groups, {p(str, "groupname")}, group, SLUICE_FN {
        return Value::fromObject(
            std::make_shared<GroupObject>(rt::self<GroupsObject>(self)->m.group(rt::str(a[0], "groupname"))));
    });
    prop(groups, "Count", intT, SLUICE_FN { return Value::fromInt(int(rt::self<GroupsObject>(self)->m.groupCount())); });
}

} // namespace sluice
