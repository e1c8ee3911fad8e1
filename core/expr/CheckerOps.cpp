// Operators, assignments, casts and object creation: what each expression form means and its type.
#include "Checker.h"

#include "TypeRegistry.h"

namespace sluice {

namespace {

bool isNumericLike(const TypeInfo *t)
{
    return t->isNumeric() || t->kind == TypeKind::Enum;
}

const TypeInfo *promote(TypeRegistry &r, const TypeInfo *a, const TypeInfo *b)
{
    if (a->kind == TypeKind::Double || b->kind == TypeKind::Double)
        return r.doubleType;
    if (a->kind == TypeKind::Long || b->kind == TypeKind::Long)
        return r.longType;
    return r.intType;
}


} // namespace

const TypeInfo *Checker::checkUnary(ExprNode *n)
{
    const TypeInfo *t = checkExpr(n->children[0].get());
    if (!t)
        return nullptr;
    switch (n->op) {
    case Op::Not:
        if (t->kind != TypeKind::Bool)
            break;
        return t;
    case Op::Neg:
    case Op::Plus:
        if (!t->isNumeric())
            break;
        return promote(m_types, t, m_types.intType);
    case Op::Complement:
        if (!(t->kind == TypeKind::Int || t->kind == TypeKind::Long || t->kind == TypeKind::Char
              || t->kind == TypeKind::Byte || t->kind == TypeKind::Enum))
            break;
        return t->kind == TypeKind::Long || t->kind == TypeKind::Enum ? t : m_types.intType;
    default: break;
    }
    fail(n->offset, tr("operator cannot be applied to an operand of type '%1'").arg(typeName(t)));
    return nullptr;
}

const TypeInfo *Checker::operatorCall(ExprNode *n, const char *opName, const TypeInfo *left, const TypeInfo *right)
{
    const QString name = QString::fromLatin1(opName);
    std::vector<const Member *> candidates = findMembers(left, name, true, Member::Kind::Method);
    if (right != left) {
        for (const Member *m : findMembers(right, name, true, Member::Kind::Method))
            candidates.push_back(m);
    }
    if (candidates.empty())
        return nullptr;
    n->children.insert(n->children.begin(), nullptr);
    n->argumentNames.assign(3, QString());
    return bindInvoke(n, candidates, left, nullptr, name);
}

const TypeInfo *Checker::checkBinary(ExprNode *n)
{
    const TypeInfo *a = checkExpr(n->children[0].get());
    if (!a)
        return nullptr;
    const TypeInfo *b = checkExpr(n->children[1].get());
    if (!b)
        return nullptr;
    for (ExprNode *c : {n->children[0].get(), n->children[1].get()}) {
        if (c->kind == NodeKind::TypeName || c->kind == NodeKind::NamespaceName) {
            fail(c->offset, tr("'%1' is a type, which is not valid in the given context").arg(c->name));
            return nullptr;
        }
    }
    const QString mismatch = tr("operator cannot be applied to operands of type '%1' and '%2'")
                                 .arg(typeName(a), typeName(b));
    auto bad = [&]() -> const TypeInfo * {
        fail(n->offset, mismatch);
        return nullptr;
    };
    if (a->kind == TypeKind::Void || b->kind == TypeKind::Void)
        return bad();
    switch (n->op) {
    case Op::AndAlso:
    case Op::OrElse:
        if (a->kind != TypeKind::Bool || b->kind != TypeKind::Bool)
            return bad();
        n->kind = n->op == Op::AndAlso ? NodeKind::AndAlso : NodeKind::OrElse;
        return m_types.boolType;
    case Op::Coalesce:
        n->kind = NodeKind::Coalesce;
        if (a->kind == TypeKind::Null)
            return b;
        if (conversionCost(b, a) >= 0) {
            coerce(n->children[1], a);
            return a;
        }
        if (conversionCost(a, b) >= 0)
            return b;
        return bad();
    case Op::Eq:
    case Op::Ne: {
        if (const TypeInfo *t = operatorCall(n, n->op == Op::Eq ? "op_Equality" : "op_Inequality", a, b))
            return t;
        if (failed())
            return nullptr;
        const bool ok = a == b || a->kind == TypeKind::Null || b->kind == TypeKind::Null
            || (isNumericLike(a) && isNumericLike(b)) || conversionCost(a, b) >= 0 || conversionCost(b, a) >= 0;
        if (!ok)
            return bad();
        return m_types.boolType;
    }
    case Op::Lt:
    case Op::Gt:
    case Op::Le:
    case Op::Ge: {
        if (isNumericLike(a) && isNumericLike(b))
            return m_types.boolType;
        static const char *const names[] = {"op_LessThan", "op_GreaterThan", "op_LessThanOrEqual",
                                            "op_GreaterThanOrEqual"};
        const int idx = n->op == Op::Lt ? 0 : n->op == Op::Gt ? 1 : n->op == Op::Le ? 2 : 3;
        if (const TypeInfo *t = operatorCall(n, names[idx], a, b))
            return t;
        return failed() ? nullptr : bad();
    }
    case Op::Add:
        if (a->kind == TypeKind::String || b->kind == TypeKind::String) {
            if (a->kind == TypeKind::Lambda || b->kind == TypeKind::Lambda)
                return bad();
            return m_types.stringType;
        }
        if (a->isNumeric() && b->isNumeric())
            return promote(m_types, a, b);
        if (const TypeInfo *t = operatorCall(n, "op_Addition", a, b))
            return t;
        return failed() ? nullptr : bad();
    case Op::Sub:
    case Op::Mul:
    case Op::Div:
    case Op::Mod:
        if (a->isNumeric() && b->isNumeric())
            return promote(m_types, a, b);
        if (n->op == Op::Sub) {
            if (const TypeInfo *t = operatorCall(n, "op_Subtraction", a, b))
                return t;
            if (failed())
                return nullptr;
        }
        return bad();
    case Op::And:
    case Op::Or:
    case Op::Xor:
        if (a->kind == TypeKind::Bool && b->kind == TypeKind::Bool)
            return a;
        if (a->kind == TypeKind::Enum && a == b)
            return a;
        if ((a->isNumeric() && a->kind != TypeKind::Double) && (b->isNumeric() && b->kind != TypeKind::Double))
            return promote(m_types, a, b);
        return bad();
    case Op::Shl:
    case Op::Shr:
        if (a->isNumeric() && a->kind != TypeKind::Double && b->isNumeric() && b->kind != TypeKind::Double
            && b->kind != TypeKind::Long)
            return promote(m_types, a, m_types.intType);
        return bad();
    default: return bad();
    }
}

const TypeInfo *Checker::checkAssign(ExprNode *n)
{
    ExprNode *target = n->children[0].get();
    if (target->kind == NodeKind::Name && target->typeArgs.empty()) {
        const Local *l = lookup(target->name);
        if (!l) {
            fail(target->offset, tr("the name '%1' does not exist in the current context").arg(target->name));
            return nullptr;
        }
        const int slot = l->slot;
        const TypeInfo *lt = l->type;
        if (n->op != Op::None) {
            // x op= y  ->  x = x op y
            auto bin = std::make_unique<ExprNode>();
            bin->kind = NodeKind::Binary;
            bin->op = n->op;
            bin->offset = n->offset;
            bin->children.push_back(std::move(n->children[0]));
            bin->children.push_back(std::move(n->children[1]));
            n->children.clear();
            n->children.push_back(std::move(bin));
        } else {
            n->children.erase(n->children.begin());
        }
        const TypeInfo *vt = checkExpr(n->children[0].get());
        if (!vt)
            return nullptr;
        if (n->op != Op::None && n->op != Op::Coalesce && lt->isNumeric() && vt->isNumeric()) {
            // compound assignment narrows implicitly (i += 1L is an error in C#, but b += 1 for byte works)
        } else if (!requireConvertible(n->children[0].get(), vt, lt)) {
            return nullptr;
        }
        n->kind = NodeKind::StoreLocal;
        n->slot = slot;
        auto &value = n->children[0];
        if (value->type != lt && lt->isNumeric() && value->type->isNumeric()) {
            auto conv = std::make_unique<ExprNode>();
            conv->kind = NodeKind::NumericConvert;
            conv->offset = value->offset;
            conv->type = lt;
            conv->targetType = lt;
            conv->children.push_back(std::move(value));
            value = std::move(conv);
        } else {
            coerce(value, lt);
        }
        return lt;
    }
    if (target->kind == NodeKind::Index) {
        if (n->op != Op::None) {
            fail(n->offset, tr("compound assignment to an indexer is not supported"));
            return nullptr;
        }
        // obj[i] = v  ->  setter(obj, i..., v)
        ExprNode *recv = target->children[0].get();
        const TypeInfo *rt = checkExpr(recv);
        if (!rt)
            return nullptr;
        auto setters = findMembers(rt, QStringLiteral("this[]="), false, Member::Kind::Indexer);
        if (setters.empty()) {
            fail(target->offset, tr("the indexer of '%1' is read only").arg(typeName(rt)));
            return nullptr;
        }
        auto value = std::move(n->children[1]);
        auto idx = std::move(n->children[0]);
        n->children.clear();
        n->argumentNames.clear();
        for (auto &c : idx->children)
            n->children.push_back(std::move(c));
        n->children.push_back(std::move(value));
        n->argumentNames.assign(n->children.size(), QString());
        n->nullConditional = false;
        const TypeInfo *t = bindInvoke(n, setters, rt, nullptr, QStringLiteral("this[]"));
        if (!t)
            return nullptr;
        return n->children.back() ? n->children.back()->type : t;
    }
    if (target->kind == NodeKind::Member) {
        ExprNode *recv = target->children[0].get();
        const TypeInfo *rt = checkExpr(recv);
        if (!rt)
            return nullptr;
        fail(target->offset, tr("property '%1.%2' cannot be assigned to").arg(typeName(rt), target->name));
        return nullptr;
    }
    fail(target->offset, tr("the left-hand side of an assignment must be a variable"));
    return nullptr;
}

const TypeInfo *Checker::checkIncDec(ExprNode *n)
{
    ExprNode *target = n->children[0].get();
    if (target->kind != NodeKind::Name || !lookup(target->name)) {
        fail(target->offset, tr("the operand of an increment or decrement operator must be a variable"));
        return nullptr;
    }
    const Local *l = lookup(target->name);
    if (!l->type->isNumeric()) {
        fail(n->offset, tr("operator cannot be applied to an operand of type '%1'").arg(typeName(l->type)));
        return nullptr;
    }
    n->slot = l->slot;
    n->children.clear();
    return l->type;
}

const TypeInfo *Checker::checkConditional(ExprNode *n)
{
    if (!checkCondition(n->children[0].get()))
        return nullptr;
    const TypeInfo *a = checkExpr(n->children[1].get());
    if (!a)
        return nullptr;
    const TypeInfo *b = checkExpr(n->children[2].get());
    if (!b)
        return nullptr;
    if (a == b)
        return a;
    if (a->isNumeric() && b->isNumeric()) {
        const TypeInfo *t = promote(m_types, a, b);
        coerce(n->children[1], t);
        coerce(n->children[2], t);
        return t;
    }
    if (a->kind == TypeKind::Null)
        return b;
    if (b->kind == TypeKind::Null)
        return a;
    if (conversionCost(a, b) >= 0 && conversionCost(a, b) < 4)
        return b;
    if (conversionCost(b, a) >= 0 && conversionCost(b, a) < 4)
        return a;
    fail(n->offset, tr("type of conditional expression cannot be determined because there is no implicit "
                       "conversion between '%1' and '%2'")
                        .arg(typeName(a), typeName(b)));
    return nullptr;
}

const TypeInfo *Checker::checkCast(ExprNode *n)
{
    const TypeInfo *target = resolveType(n->typeRef);
    if (!target)
        return nullptr;
    const TypeInfo *src = checkExpr(n->children[0].get());
    if (!src)
        return nullptr;
    n->targetType = target;
    // modes in n->slot: 0 no-op, 1 numeric conversion, 2 runtime type check, 3 JToken conversion
    if (src == target || (conversionCost(src, target) >= 0 && !(src->isNumeric() && target->isNumeric()))) {
        n->slot = src->kind == TypeKind::Null ? 2 : 0;
        if (conversionCost(src, target) == 4)
            n->slot = 3; // primitive -> JToken
        return target;
    }
    if (isNumericLike(src) && isNumericLike(target)) {
        n->slot = 1;
        return target;
    }
    // user-defined conversion (DateTime -> DateTimeOffset): a call of target.op_Implicit(src)
    auto conversions = findMembers(target, QStringLiteral("op_Implicit"), true, Member::Kind::Method);
    for (const Member *m : conversions) {
        if (m->params.size() == 1 && conversionCost(src, m->params[0].type.type) >= 0) {
            n->children.insert(n->children.begin(), nullptr);
            n->argumentNames.assign(2, QString());
            return bindInvoke(n, {m}, target, nullptr, QStringLiteral("op_Implicit"));
        }
    }
    if (m_types.jtoken && src->derivesFrom(m_types.jtoken) && !target->derivesFrom(m_types.jtoken)
        && target->kind != TypeKind::Object) {
        n->slot = 3;
        return target;
    }
    if (src->kind == TypeKind::Object || conversionCost(target, src) >= 0
        || (src->isReference() && target->isReference() && target->name.startsWith(QLatin1Char('I')))) {
        n->slot = 2;
        return target;
    }
    fail(n->offset, tr("cannot convert type '%1' to '%2'").arg(typeName(src), typeName(target)));
    return nullptr;
}

const TypeInfo *Checker::checkIsAs(ExprNode *n)
{
    const TypeInfo *src = checkExpr(n->children[0].get());
    if (!src)
        return nullptr;
    if (n->kind == NodeKind::Is && n->typeRef.name == QLatin1String("null")) {
        n->targetType = nullptr;
        return m_types.boolType;
    }
    const TypeInfo *target = resolveType(n->typeRef);
    if (!target)
        return nullptr;
    n->targetType = target;
    if (n->kind == NodeKind::As) {
        if (!target->isReference()) {
            fail(n->offset, tr("the 'as' operator must be used with a reference type ('%1' is a value type)")
                                .arg(typeName(target)));
            return nullptr;
        }
        return target;
    }
    if (!n->name.isEmpty()) {
        n->slot = declare(n->name, target, n->offset);
        if (n->slot < 0)
            return nullptr;
    }
    return m_types.boolType;
}

const TypeInfo *Checker::checkNew(ExprNode *n)
{
    const TypeInfo *type = resolveType(n->typeRef);
    if (!type)
        return nullptr;
    // set the initializer aside
    std::vector<std::unique_ptr<ExprNode>> inits;
    std::vector<QString> initNames;
    if (n->initializerStart >= 0) {
        for (size_t i = size_t(n->initializerStart); i < n->children.size(); ++i) {
            inits.push_back(std::move(n->children[i]));
            initNames.push_back(n->argumentNames[i]);
        }
        n->children.resize(size_t(n->initializerStart));
        n->argumentNames.resize(size_t(n->initializerStart));
    }
    std::vector<const Member *> ctors;
    for (const Member &m : type->members) {
        if (m.kind == Member::Kind::Constructor)
            ctors.push_back(&m);
    }
    if (type->genericDefinition) {
        for (const Member &m : type->genericDefinition->members) {
            if (m.kind == Member::Kind::Constructor)
                ctors.push_back(&m);
        }
    }
    if (ctors.empty()) {
        fail(n->offset, tr("cannot create an instance of '%1'").arg(typeName(type)));
        return nullptr;
    }
    n->children.insert(n->children.begin(), nullptr);
    n->argumentNames.insert(n->argumentNames.begin(), QString());
    if (!bindInvoke(n, ctors, type, nullptr, typeName(type)))
        return nullptr;
    n->kind = NodeKind::New;
    n->initializerStart = int(n->children.size());
    if (!inits.empty()) {
        auto adds = findMembers(type, QStringLiteral("Add"), false, Member::Kind::Method);
        for (size_t i = 0; i < inits.size(); ++i) {
            auto &init = inits[i];
            auto call = std::make_unique<ExprNode>();
            call->kind = NodeKind::Call;
            call->offset = init->offset;
            call->children.push_back(nullptr);
            if (!initNames[i].isEmpty()) {
                // object initializer: Name = value -> set_Name(value)
                auto setters = findMembers(type, QStringLiteral("set_") + initNames[i], false, Member::Kind::Method);
                if (setters.empty()) {
                    fail(init->offset, tr("'%1' has no settable member '%2'").arg(typeName(type), initNames[i]));
                    return nullptr;
                }
                call->children.push_back(std::move(init));
                call->argumentNames.assign(call->children.size(), QString());
                if (!bindInvoke(call.get(), setters, type, nullptr, initNames[i]))
                    return nullptr;
                n->children.push_back(std::move(call));
                continue;
            }
            if (adds.empty()) {
                fail(n->offset, tr("'%1' has no Add method for a collection initializer").arg(typeName(type)));
                return nullptr;
            }
            if (init->kind == NodeKind::NewArray && init->name == QLatin1String("{pair}")) {
                for (auto &c : init->children)
                    call->children.push_back(std::move(c));
            } else {
                call->children.push_back(std::move(init));
            }
            call->argumentNames.assign(call->children.size(), QString());
            if (!bindInvoke(call.get(), adds, type, nullptr, QStringLiteral("Add")))
                return nullptr;
            n->children.push_back(std::move(call));
        }
    }
    return type;
}

const TypeInfo *Checker::checkNewArray(ExprNode *n)
{
    const TypeInfo *element = nullptr;
    if (!n->typeRef.name.isEmpty()) {
        element = resolveType(n->typeRef);
        if (!element)
            return nullptr;
    }
    if (n->sizedArray) {
        const TypeInfo *t = checkExpr(n->children[0].get());
        if (!t)
            return nullptr;
        if (!t->isNumeric() || t->kind == TypeKind::Double || t->kind == TypeKind::Long) {
            fail(n->children[0]->offset, tr("an array size must be an int"));
            return nullptr;
        }
        n->targetType = element;
        return m_types.arrayOf(element);
    }
    for (auto &c : n->children) {
        const TypeInfo *t = checkExpr(c.get());
        if (!t)
            return nullptr;
        if (!element || element->kind == TypeKind::Null) {
            element = t;
        } else if (t != element && t->kind != TypeKind::Null && n->typeRef.name.isEmpty()) {
            if (element->isNumeric() && t->isNumeric())
                element = promote(m_types, element, t);
            else if (conversionCost(t, element) >= 0 || (c->kind == NodeKind::Literal && element->kind == TypeKind::Byte))
                ;
            else if (conversionCost(element, t) >= 0)
                element = t;
            else {
                fail(c->offset, tr("no best type found for implicitly-typed array"));
                return nullptr;
            }
        }
    }
    if (!element || element->kind == TypeKind::Null) {
        fail(n->offset, tr("no best type found for implicitly-typed array"));
        return nullptr;
    }
    for (auto &c : n->children) {
        if (!requireConvertible(c.get(), c->type, element))
            return nullptr;
        coerce(c, element);
    }
    n->targetType = element;
    return m_types.arrayOf(element);
}

const TypeInfo *Checker::checkAnonymous(ExprNode *n)
{
    for (auto &c : n->children) {
        const TypeInfo *t = checkExpr(c.get());
        if (!t)
            return nullptr;
        if (t->kind == TypeKind::Void) {
            fail(c->offset, tr("cannot assign void to an anonymous type property"));
            return nullptr;
        }
    }
    return m_types.jobject ? m_types.jobject : m_types.objectType;
}

} // namespace sluice
