// Member lookup and overload resolution: which method, constructor or indexer a call binds to.
#include "Checker.h"

#include "TypeRegistry.h"

namespace sluice {

namespace {

std::unique_ptr<ExprNode> literal(Value v, int offset, const TypeInfo *type)
{
    auto n = std::make_unique<ExprNode>();
    n->kind = NodeKind::Literal;
    n->value = std::move(v);
    n->offset = offset;
    n->type = type;
    return n;
}

} // namespace

std::vector<const Member *> Checker::findMembers(const TypeInfo *type, const QString &name, bool isStatic,
                                                 Member::Kind kind) const
{
    std::vector<const Member *> found;
    std::vector<const TypeInfo *> visited;
    std::function<void(const TypeInfo *)> visit = [&](const TypeInfo *t) {
        if (!t || std::find(visited.begin(), visited.end(), t) != visited.end())
            return;
        visited.push_back(t);
        for (const Member &m : t->members) {
            if (m.name == name && m.kind == kind && m.isStatic == isStatic)
                found.push_back(&m);
        }
        visit(t->genericDefinition);
        visit(t->base);
        for (const TypeInfo *i : t->interfaces)
            visit(i);
    };
    visit(type);
    if (!isStatic) {
        if (type->element && kind == Member::Kind::Method)
            visit(m_types.linq());
        visit(m_types.objectType);
    }
    return found;
}

bool Checker::hasAnyMember(const TypeInfo *type, const QString &name) const
{
    for (Member::Kind k : {Member::Kind::Property, Member::Kind::Method, Member::Kind::Field}) {
        if (!findMembers(type, name, false, k).empty() || !findMembers(type, name, true, k).empty())
            return true;
    }
    return false;
}

const TypeInfo *Checker::resolvePat(const TypePat &pat, const TypeInfo *receiver, const TypeInfo *genericArg,
                                    const TypeInfo *lambdaResult) const
{
    TypeRegistry &r = m_types;
    const TypeInfo *elem = receiver ? receiver->element : nullptr;
    switch (pat.pat) {
    case Pat::Fixed: return pat.type;
    case Pat::Any:
    case Pat::AnyEnumerable: return r.objectType;
    case Pat::Elem: return elem;
    case Pat::DictKey: return receiver ? receiver->key : nullptr;
    case Pat::DictValue: return receiver ? receiver->value : nullptr;
    case Pat::Gen0: return genericArg;
    case Pat::LambdaResult: return lambdaResult;
    case Pat::FuncElemBool:
    case Pat::FuncElemAny: return r.lambdaType;
    case Pat::EnumOfElem: return elem ? r.enumerableOf(elem) : nullptr;
    case Pat::EnumOfResult: return lambdaResult ? r.enumerableOf(lambdaResult) : nullptr;
    case Pat::ArrayOfElem: return elem ? r.arrayOf(elem) : nullptr;
    case Pat::ListOfElem: return elem ? r.listOf(elem) : nullptr;
    case Pat::ArrayOfGen0: return genericArg ? r.arrayOf(genericArg) : nullptr;
    case Pat::EnumOfGen0: return genericArg ? r.enumerableOf(genericArg) : nullptr;
    case Pat::Receiver: return receiver;
    case Pat::EnumOfKey: return receiver && receiver->key ? r.enumerableOf(receiver->key) : nullptr;
    case Pat::EnumOfValue: return receiver && receiver->value ? r.enumerableOf(receiver->value) : nullptr;
    }
    return nullptr;
}

struct Checker::Binding
{
    const Member *member = nullptr;
    int cost = 0;
    std::vector<int> argForParam; // -1 = default, -2 = params (extras)
    std::vector<int> extras;      // argument indexes packed into the params array
    const TypeInfo *generic = nullptr;
};

const TypeInfo *Checker::bindInvoke(ExprNode *n, const std::vector<const Member *> &candidates,
                                    const TypeInfo *receiverType, const TypeInfo *genericArg, const QString &what)
{
    const size_t argc = n->children.size() - 1;
    // check the plain arguments once
    for (size_t i = 0; i < argc; ++i) {
        ExprNode *a = n->children[i + 1].get();
        if (a->kind == NodeKind::Lambda || a->isOutArgument || a->type)
            continue;
        const TypeInfo *t = checkExpr(a);
        if (!t)
            return nullptr;
        if (a->kind == NodeKind::TypeName || a->kind == NodeKind::NamespaceName) {
            fail(a->offset, tr("'%1' is a type, which is not valid in the given context").arg(a->name));
            return nullptr;
        }
    }
    // static Array.Exists(array, x => ...): the array is the receiver of the patterns
    if (receiverType == m_types.arrayDef && argc > 0 && n->children[1]->type && n->children[1]->type->element)
        receiverType = n->children[1]->type;
    std::vector<Binding> viable;
    for (const Member *m : candidates) {
        if (genericArg && m->genericArity == 0)
            continue;
        Binding b;
        b.member = m;
        b.argForParam.assign(m->params.size(), -1);
        bool ok = true;
        size_t positional = 0;
        for (size_t i = 0; i < argc && ok; ++i) {
            const QString &argName = i + 1 < n->argumentNames.size() ? n->argumentNames[i + 1] : QString();
            if (argName.isEmpty()) {
                if (positional < m->params.size() && m->params[positional].isParams) {
                    b.argForParam[positional] = -2;
                    b.extras.push_back(int(i));
                    continue;
                }
                if (positional >= m->params.size()) {
                    ok = false;
                    break;
                }
                b.argForParam[positional++] = int(i);
            } else {
                size_t p = 0;
                while (p < m->params.size() && m->params[p].name != argName)
                    ++p;
                if (p == m->params.size() || b.argForParam[p] != -1) {
                    ok = false;
                    break;
                }
                b.argForParam[p] = int(i);
            }
        }
        // infer T of a generic method from the argument typed T (GetValueOrDefault("x", ""))
        const TypeInfo *gen = genericArg;
        if (!gen && m->genericArity > 0) {
            for (size_t p = 0; p < m->params.size(); ++p) {
                if (m->params[p].type.pat == Pat::Gen0 && b.argForParam[p] >= 0) {
                    const TypeInfo *t = n->children[size_t(b.argForParam[p]) + 1]->type;
                    if (t && t->kind != TypeKind::Null)
                        gen = t;
                }
            }
            if (!gen)
                ok = false;
        }
        b.generic = gen;
        for (size_t p = 0; p < m->params.size() && ok; ++p) {
            const Param &param = m->params[p];
            const int ai = b.argForParam[p];
            if (ai == -1) {
                if (!param.optional && !param.isParams)
                    ok = false;
                continue;
            }
            if (ai == -2) {
                const TypeInfo *et = resolvePat(param.type, receiverType, gen, nullptr);
                for (int e : b.extras) {
                    const ExprNode *a = n->children[size_t(e) + 1].get();
                    if (a->kind == NodeKind::Lambda || a->isOutArgument) {
                        ok = false;
                        break;
                    }
                    // a single array argument passed as the params array itself
                    if (b.extras.size() == 1 && a->type->kind == TypeKind::Array
                        && conversionCost(a->type->element, et) >= 0 && et->kind != TypeKind::Object) {
                        b.cost += 0;
                        continue;
                    }
                    const int c = conversionCost(a->type, et);
                    if (c < 0) {
                        ok = false;
                        break;
                    }
                    b.cost += c + 1;
                }
                continue;
            }
            const ExprNode *a = n->children[size_t(ai) + 1].get();
            if (param.out != a->isOutArgument) {
                ok = false;
                continue;
            }
            if (a->kind == NodeKind::Lambda) {
                if (param.type.pat != Pat::FuncElemBool && param.type.pat != Pat::FuncElemAny)
                    ok = false;
                else if (!receiverType->element)
                    ok = false;
                continue;
            }
            if (param.type.pat == Pat::FuncElemBool || param.type.pat == Pat::FuncElemAny) {
                ok = false;
                continue;
            }
            if (a->isOutArgument)
                continue;
            if (param.type.pat == Pat::Any) {
                if (a->type->kind == TypeKind::Void)
                    ok = false;
                else
                    b.cost += 3;
                continue;
            }
            if (param.type.pat == Pat::AnyEnumerable) {
                if (!a->type->element)
                    ok = false;
                else
                    b.cost += 2;
                continue;
            }
            const TypeInfo *pt = resolvePat(param.type, receiverType, gen, nullptr);
            const int c = conversionCost(a->type, pt);
            if (c < 0)
                ok = false;
            else
                b.cost += c;
        }
        if (ok)
            viable.push_back(std::move(b));
    }
    if (viable.empty()) {
        QStringList types;
        for (size_t i = 0; i < argc; ++i) {
            const ExprNode *a = n->children[i + 1].get();
            types << (a->kind == NodeKind::Lambda ? QStringLiteral("lambda")
                      : a->isOutArgument          ? QStringLiteral("out ") + a->name
                                                  : typeName(a->type));
        }
        const QString shown = what == QLatin1String("this[]") ? QStringLiteral("indexer of '%1'").arg(typeName(receiverType))
                            : what == QLatin1String(".ctor") ? typeName(receiverType)
                                                             : QStringLiteral("'") + what + QStringLiteral("'");
        if (genericArg && std::none_of(candidates.begin(), candidates.end(),
                                       [](const Member *m) { return m->genericArity > 0; }))
            fail(n->offset, tr("%1 is not generic").arg(shown));
        else
            fail(n->offset, tr("no overload of %1 takes the arguments (%2)").arg(shown, types.join(QStringLiteral(", "))));
        return nullptr;
    }
    const Binding *best = &viable.front();
    for (const Binding &b : viable) {
        if (b.cost < best->cost)
            best = &b;
    }
    const Member *m = best->member;
    genericArg = best->generic;

    // rebuild the argument list in parameter order
    std::vector<std::unique_ptr<ExprNode>> old;
    for (size_t i = 0; i < argc; ++i)
        old.push_back(std::move(n->children[i + 1]));
    n->children.resize(1);
    n->outSlots.assign(m->params.size(), -1);
    const TypeInfo *lambdaResult = nullptr;
    for (size_t p = 0; p < m->params.size(); ++p) {
        const Param &param = m->params[p];
        const int ai = best->argForParam[p];
        if (ai == -1 && !param.isParams) {
            n->children.push_back(literal(param.defaultValue, n->offset,
                                          resolvePat(param.type, receiverType, genericArg, nullptr)));
            continue;
        }
        if (param.isParams) {
            const TypeInfo *et = resolvePat(param.type, receiverType, genericArg, nullptr);
            if (best->extras.size() == 1 && old[size_t(best->extras[0])]->type->kind == TypeKind::Array
                && conversionCost(old[size_t(best->extras[0])]->type->element, et) >= 0
                && et->kind != TypeKind::Object) {
                n->children.push_back(std::move(old[size_t(best->extras[0])]));
                continue;
            }
            auto arr = std::make_unique<ExprNode>();
            arr->kind = NodeKind::NewArray;
            arr->offset = n->offset;
            arr->targetType = et;
            arr->type = m_types.arrayOf(et);
            for (int e : best->extras) {
                auto &c = old[size_t(e)];
                coerce(c, et);
                arr->children.push_back(std::move(c));
            }
            n->children.push_back(std::move(arr));
            continue;
        }
        auto arg = std::move(old[size_t(ai)]);
        if (arg->kind == NodeKind::Lambda) {
            const TypeInfo *elem = receiverType->element;
            const TypeInfo *second = arg->lambdaParams.size() == 2 ? m_types.intType : nullptr;
            const TypeInfo *r = checkLambda(arg.get(), elem, second);
            if (!r)
                return nullptr;
            if (param.type.pat == Pat::FuncElemBool && r->kind != TypeKind::Bool) {
                fail(arg->offset, tr("cannot convert lambda expression: its result must be 'bool', not '%1'")
                                      .arg(typeName(r)));
                return nullptr;
            }
            if (r->kind == TypeKind::Void) {
                fail(arg->offset, tr("the lambda must return a value"));
                return nullptr;
            }
            lambdaResult = r;
        } else if (arg->isOutArgument) {
            const TypeInfo *pt = resolvePat(param.type, receiverType, genericArg, nullptr);
            if (!arg->typeRef.name.isEmpty()) {
                const TypeInfo *declared = arg->typeRef.isVar() ? pt : resolveType(arg->typeRef);
                if (!declared)
                    return nullptr;
                if (declared != pt && conversionCost(pt, declared) < 0) {
                    fail(arg->offset, tr("cannot convert 'out %1' to 'out %2'").arg(typeName(pt), typeName(declared)));
                    return nullptr;
                }
                arg->slot = declare(arg->name, declared, arg->offset);
                if (arg->slot < 0)
                    return nullptr;
            } else {
                const Local *l = lookup(arg->name);
                if (!l) {
                    fail(arg->offset, tr("the name '%1' does not exist in the current context").arg(arg->name));
                    return nullptr;
                }
                if (l->type != pt && conversionCost(pt, l->type) < 0) {
                    fail(arg->offset, tr("cannot convert 'out %1' to 'out %2'").arg(typeName(pt), typeName(l->type)));
                    return nullptr;
                }
                arg->slot = l->slot;
            }
            arg->kind = NodeKind::Local;
            arg->type = pt;
            n->outSlots[p] = arg->slot;
        } else if (param.type.pat != Pat::Any && param.type.pat != Pat::AnyEnumerable) {
            coerce(arg, resolvePat(param.type, receiverType, genericArg, nullptr));
        }
        n->children.push_back(std::move(arg));
    }
    if (std::all_of(n->outSlots.begin(), n->outSlots.end(), [](int s) { return s < 0; }))
        n->outSlots.clear();
    const TypeInfo *result = resolvePat(m->result, receiverType, genericArg, lambdaResult);
    if (!result) {
        fail(n->offset, tr("cannot infer the result type of '%1'").arg(what));
        return nullptr;
    }
    n->kind = NodeKind::Invoke;
    n->member = m;
    n->site.member = m;
    n->site.receiverType = receiverType;
    n->site.resultType = result;
    n->site.genericArg = genericArg;
    n->site.node = n;
    n->site.argumentCount = int(m->params.size());
    return result;
}

} // namespace sluice
