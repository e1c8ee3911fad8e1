#include "Checker.h"

#include "TypeRegistry.h"

namespace sluice {

namespace {

std::unique_ptr<ExprNode> takeChild(ExprNode *n, size_t i)
{
    return std::move(n->children[i]);
}

const TypeInfo *namespaceType()
{
    static const TypeInfo *ns = [] {
        auto *t = new TypeInfo;
        t->name = QStringLiteral("namespace");
        t->kind = TypeKind::Namespace;
        return t;
    }();
    return ns;
}

} // namespace

Checker::Checker(const QString &source)
    : m_src(source)
    , m_types(TypeRegistry::instance())
{}

const TypeInfo *Checker::contextType()
{
    return TypeRegistry::instance().find(QStringLiteral("IContext"));
}

bool Checker::fail(int offset, const QString &message)
{
    if (m_error.message.isEmpty())
        m_error = {offset, message};
    return false;
}

QString Checker::typeName(const TypeInfo *t) const
{
    return t ? t->name : QStringLiteral("?");
}

void Checker::pushScope()
{
    m_scopes.emplace_back();
}

void Checker::popScope()
{
    m_scopes.pop_back();
}

int Checker::declare(const QString &name, const TypeInfo *type, int offset)
{
    if (lookup(name)) {
        fail(offset, tr("a local variable named '%1' is already defined in this scope").arg(name));
        return -1;
    }
    const int slot = m_nextSlot++;
    m_maxSlots = std::max(m_maxSlots, m_nextSlot);
    m_scopes.back().insert(name, Local{slot, type});
    return slot;
}

const Checker::Local *Checker::lookup(const QString &name) const
{
    for (auto it = m_scopes.rbegin(); it != m_scopes.rend(); ++it) {
        auto found = it->constFind(name);
        if (found != it->constEnd())
            return &found.value();
    }
    return nullptr;
}

// ---- types

const TypeInfo *Checker::resolveTypeName(const QString &name, const std::vector<TypeRef> &args, int offset,
                                         bool report)
{
    std::vector<const TypeInfo *> resolved;
    for (const TypeRef &a : args) {
        const TypeInfo *t = resolveType(a);
        if (!t)
            return nullptr;
        resolved.push_back(t);
    }
    if (resolved.empty()) {
        if (const TypeInfo *t = m_types.find(name))
            return t;
    } else {
        const QString generic = name + QLatin1Char('`') + QString::number(resolved.size());
        if (const TypeInfo *def = m_types.find(generic))
            return m_types.instantiate(def, resolved);
    }
    if (report)
        fail(offset, tr("the type or namespace name '%1' could not be found").arg(name));
    return nullptr;
}

const TypeInfo *Checker::resolveType(const TypeRef &ref)
{
    const TypeInfo *t = resolveTypeName(ref.name, ref.args, ref.offset, true);
    if (!t)
        return nullptr;
    for (int i = 0; i < ref.rank; ++i)
        t = m_types.arrayOf(t);
    return t;
}

int Checker::conversionCost(const TypeInfo *from, const TypeInfo *to)
{
    if (!from || !to)
        return -1;
    if (from == to)
        return 0;
    TypeRegistry &r = TypeRegistry::instance();
    if (to->kind == TypeKind::Object)
        return from->kind == TypeKind::Void ? -1 : 3;
    if (from->kind == TypeKind::Null)
        return to->isValueType ? -1 : 1; // (nullable value types are not modelled)
    auto rank = [](const TypeInfo *t) {
        switch (t->kind) {
        case TypeKind::Byte: return 1;
        case TypeKind::Char: return 1;
        case TypeKind::Int: return 2;
        case TypeKind::Long: return 3;
        case TypeKind::Double: return 4;
        default: return 0;
        }
    };
    if (from->isNumeric() && to->isNumeric() && to->kind != TypeKind::Char && to->kind != TypeKind::Byte) {
        const int a = rank(from), b = rank(to);
        if (a < b)
            return b - a;
        return -1;
    }
    if (from->derivesFrom(to))
        return 1;
    if (to->element && from->element && to->genericDefinition == r.enumerableDef) {
        if (from->element == to->element)
            return 1;
        if (from->element->isReference() && from->element->derivesFrom(to->element))
            return 2;
        if (to->element->kind == TypeKind::Object && from->element->isReference())
            return 2;
    }
    // JToken has implicit conversions from primitives
    if (r.jtoken && to->derivesFrom(r.jtoken) && (to == r.jtoken || to == r.jvalue)
        && (from->kind == TypeKind::String || from->kind == TypeKind::Bool || from->isNumeric()
            || from->name == QLatin1String("DateTime") || from->name == QLatin1String("DateTimeOffset")
            || from->name == QLatin1String("Guid")))
        return 4;
    return -1;
}

void Checker::coerce(std::unique_ptr<ExprNode> &slot, const TypeInfo *to)
{
    if (!slot || !slot->type || !to || slot->type == to)
        return;
    const TypeInfo *from = slot->type;
    const bool numericChange = from->isNumeric() && to->isNumeric()
        && !(from->kind == to->kind || (from->kind == TypeKind::Byte && to->kind == TypeKind::Int)
             || (from->kind == TypeKind::Int && to->kind == TypeKind::Byte));
    const bool toJson = m_types.jtoken && to->isReference() && to->derivesFrom(m_types.jtoken)
        && conversionCost(from, to) == 4;
    if (!numericChange && !toJson)
        return;
    auto conv = std::make_unique<ExprNode>();
    conv->kind = NodeKind::NumericConvert;
    conv->offset = slot->offset;
    conv->type = to;
    conv->targetType = to;
    conv->children.push_back(std::move(slot));
    slot = std::move(conv);
}

bool Checker::requireConvertible(ExprNode *n, const TypeInfo *from, const TypeInfo *to)
{
    if (conversionCost(from, to) >= 0)
        return true;
    // implicit constant conversion: an int literal that fits a byte or char
    if (n->kind == NodeKind::Literal && n->value.kind() == Value::Kind::Int
        && ((to->kind == TypeKind::Byte && n->value.asInt() >= 0 && n->value.asInt() <= 255)))
        return true;
    return fail(n->offset, tr("cannot implicitly convert type '%1' to '%2'").arg(typeName(from), typeName(to)));
}

// ---- program and statements

bool Checker::check(ParsedProgram *program)
{
    pushScope();
    if (program->expression) {
        m_resultType = checkExpr(program->expression.get());
        if (m_resultType && m_resultType->kind == TypeKind::Void)
            fail(program->expression->offset, tr("the expression has no value"));
    } else if (program->block) {
        if (checkStmt(program->block.get()) && !m_sawReturn)
            fail(program->block->offset, tr("not all code paths return a value: the block needs a 'return'"));
        if (!m_resultType)
            m_resultType = m_types.objectType;
    }
    popScope();
    return !failed();
}

bool Checker::checkBlockBody(std::vector<std::unique_ptr<StmtNode>> &body)
{
    // local functions may be called before their declaration
    m_functions.emplace_back();
    for (auto &s : body) {
        if (s->kind != StmtKind::LocalFunction)
            continue;
        if (m_functions.back().contains(s->name))
            return fail(s->offset, tr("a local function named '%1' is already defined").arg(s->name));
        s->type = resolveType(s->typeRef);
        if (!s->type)
            return false;
        for (auto &param : s->parameters) {
            const TypeInfo *t = resolveType(param.first);
            if (!t)
                return false;
            s->parameterTypes.push_back(t);
            s->parameterSlots.push_back(m_nextSlot++);
            m_maxSlots = std::max(m_maxSlots, m_nextSlot);
        }
        m_functions.back().insert(s->name, s.get());
    }
    for (auto &s : body) {
        if (!checkStmt(s.get()))
            return false;
    }
    m_functions.pop_back();
    return true;
}

bool Checker::checkLocalFunction(StmtNode *s)
{
    const TypeInfo *savedResult = m_resultType;
    const bool savedReturn = m_sawReturn;
    const TypeInfo *savedFunction = m_functionResult;
    const int savedLoops = m_loopDepth;
    m_functionResult = s->type;
    m_loopDepth = 0;
    pushScope();
    for (size_t i = 0; i < s->parameters.size(); ++i)
        m_scopes.back().insert(s->parameters[i].second, Local{s->parameterSlots[i], s->parameterTypes[i]});
    const bool ok = checkStmt(s->then.get());
    popScope();
    m_resultType = savedResult;
    m_sawReturn = savedReturn;
    m_functionResult = savedFunction;
    m_loopDepth = savedLoops;
    return ok;
}

const TypeInfo *Checker::checkLocalCall(ExprNode *n, StmtNode *function)
{
    const size_t argc = n->children.size() - 1;
    if (argc != function->parameters.size()) {
        fail(n->offset, tr("local function '%1' takes %2 argument(s)").arg(function->name).arg(function->parameters.size()));
        return nullptr;
    }
    for (size_t i = 0; i < argc; ++i) {
        auto &arg = n->children[i + 1];
        const TypeInfo *t = checkExpr(arg.get());
        if (!t || !requireConvertible(arg.get(), t, function->parameterTypes[i]))
            return nullptr;
        coerce(arg, function->parameterTypes[i]);
    }
    n->kind = NodeKind::LocalCall;
    n->function = function;
    return function->type;
}

const TypeInfo *Checker::checkCondition(ExprNode *n)
{
    const TypeInfo *t = checkExpr(n);
    if (!t)
        return nullptr;
    if (t->kind != TypeKind::Bool) {
        fail(n->offset, tr("cannot implicitly convert type '%1' to 'bool'").arg(typeName(t)));
        return nullptr;
    }
    return t;
}

bool Checker::checkStmt(StmtNode *s)
{
    switch (s->kind) {
    case StmtKind::LocalFunction: return checkLocalFunction(s);
    case StmtKind::Empty:
    case StmtKind::Break:
    case StmtKind::Continue:
        if (s->kind != StmtKind::Empty && m_loopDepth == 0)
            return fail(s->offset, tr("no enclosing loop out of which to break or continue"));
        return true;
    case StmtKind::Block: {
        pushScope();
        const bool ok = checkBlockBody(s->body);
        popScope();
        return ok;
    }
    case StmtKind::Expression: {
        const NodeKind k = s->expr->kind;
        if (!checkExpr(s->expr.get()))
            return false;
        if (k != NodeKind::Assign && k != NodeKind::IncDec && k != NodeKind::Call && k != NodeKind::New)
            return fail(s->offset, tr("only assignment, call, increment, decrement and new object expressions can "
                                      "be used as a statement"));
        return true;
    }
    case StmtKind::Declaration: {
        const TypeInfo *declared = nullptr;
        if (!s->typeRef.isVar() && !(declared = resolveType(s->typeRef)))
            return false;
        if (s->expr) {
            const TypeInfo *init = s->expr->kind == NodeKind::Lambda ? nullptr : checkExpr(s->expr.get());
            if (s->expr->kind == NodeKind::Lambda)
                return fail(s->expr->offset, tr("lambda expressions can only be used as method arguments"));
            if (!init)
                return false;
            if (!declared) {
                if (init->kind == TypeKind::Null)
                    return fail(s->offset, tr("cannot assign <null> to an implicitly-typed variable"));
                if (init->kind == TypeKind::Void)
                    return fail(s->offset, tr("cannot assign void to an implicitly-typed variable"));
                declared = init;
            } else {
                if (!requireConvertible(s->expr.get(), init, declared))
                    return false;
                coerce(s->expr, declared);
            }
        } else if (!declared) {
            return fail(s->offset, tr("implicitly-typed variables must be initialized"));
        }
        s->type = declared;
        s->slot = declare(s->name, declared, s->offset);
        return s->slot >= 0;
    }
    case StmtKind::If:
        if (!checkCondition(s->expr.get()))
            return false;
        pushScope();
        if (!checkStmt(s->then.get()))
            return false;
        popScope();
        if (s->other) {
            pushScope();
            if (!checkStmt(s->other.get()))
                return false;
            popScope();
        }
        return true;
    case StmtKind::While:
    case StmtKind::DoWhile:
        if (!checkCondition(s->expr.get()))
            return false;
        ++m_loopDepth;
        pushScope();
        if (!checkStmt(s->then.get()))
            return false;
        popScope();
        --m_loopDepth;
        return true;
    case StmtKind::For: {
        pushScope();
        if (!checkBlockBody(s->body))
            return false;
        if (s->expr && !checkCondition(s->expr.get()))
            return false;
        for (auto &e : s->exprs) {
            if (!checkExpr(e.get()))
                return false;
        }
        ++m_loopDepth;
        pushScope();
        if (!checkStmt(s->then.get()))
            return false;
        popScope();
        --m_loopDepth;
        popScope();
        return true;
    }
    case StmtKind::Foreach: {
        const TypeInfo *collection = checkExpr(s->expr.get());
        if (!collection)
            return false;
        if (!collection->element)
            return fail(s->expr->offset,
                        tr("foreach statement cannot operate on variables of type '%1'").arg(typeName(collection)));
        const TypeInfo *var = collection->element;
        if (!s->typeRef.isVar()) {
            var = resolveType(s->typeRef);
            if (!var)
                return false;
        }
        s->type = var;
        pushScope();
        s->slot = declare(s->name, var, s->offset);
        if (s->slot < 0)
            return false;
        ++m_loopDepth;
        if (!checkStmt(s->then.get()))
            return false;
        --m_loopDepth;
        popScope();
        return true;
    }
    case StmtKind::Return: {
        m_sawReturn = true;
        if (m_functionResult) {
            if (m_functionResult->kind == TypeKind::Void) {
                if (s->expr)
                    return fail(s->offset, tr("a void local function cannot return a value"));
                return true;
            }
            if (!s->expr)
                return fail(s->offset, tr("the local function must return a value"));
            const TypeInfo *t = checkExpr(s->expr.get());
            if (!t || !requireConvertible(s->expr.get(), t, m_functionResult))
                return false;
            coerce(s->expr, m_functionResult);
            return true;
        }
        if (!s->expr)
            return fail(s->offset, tr("a policy expression block must return a value"));
        const TypeInfo *t = checkExpr(s->expr.get());
        if (!t)
            return false;
        if (t->kind == TypeKind::Void)
            return fail(s->expr->offset, tr("cannot return a void value"));
        if (!m_resultType || m_resultType->kind == TypeKind::Null)
            m_resultType = t;
        else if (t != m_resultType && t->kind != TypeKind::Null) {
            if (conversionCost(t, m_resultType) > 0)
                ;
            else if (conversionCost(m_resultType, t) > 0)
                m_resultType = t;
            else
                m_resultType = m_types.objectType;
        }
        return true;
    }
    case StmtKind::Throw:
        m_sawReturn = true;
        if (s->expr) {
            const TypeInfo *t = checkExpr(s->expr.get());
            if (!t)
                return false;
            if (!t->derivesFrom(m_types.exception))
                return fail(s->expr->offset, tr("the type thrown must derive from 'Exception'"));
        }
        return true;
    case StmtKind::Try: {
        if (!checkStmt(s->then.get()))
            return false;
        if (s->other) {
            const TypeInfo *type = m_types.exception;
            if (!s->typeRef.name.isEmpty()) {
                type = resolveType(s->typeRef);
                if (!type)
                    return false;
                if (!type->derivesFrom(m_types.exception))
                    return fail(s->typeRef.offset, tr("the type caught must derive from 'Exception'"));
            }
            s->type = type;
            pushScope();
            if (!s->name.isEmpty() && (s->slot = declare(s->name, type, s->offset)) < 0)
                return false;
            if (!checkStmt(s->other.get()))
                return false;
            popScope();
        }
        if (s->finally && !checkStmt(s->finally.get()))
            return false;
        return true;
    }
    case StmtKind::Switch: {
        const TypeInfo *t = checkExpr(s->expr.get());
        if (!t)
            return false;
        ++m_loopDepth; // `break` leaves the switch
        for (SwitchSection &section : s->sections) {
            for (auto &label : section.labels) {
                const TypeInfo *lt = checkExpr(label.get());
                if (!lt)
                    return false;
                if (conversionCost(lt, t) < 0 && conversionCost(t, lt) < 0)
                    return fail(label->offset, tr("cannot implicitly convert type '%1' to '%2'")
                                                   .arg(typeName(lt), typeName(t)));
            }
            pushScope();
            if (!checkBlockBody(section.body))
                return false;
            popScope();
        }
        --m_loopDepth;
        return true;
    }
    }
    return true;
}

// ---- expressions

const TypeInfo *Checker::checkExpr(ExprNode *n)
{
    const TypeInfo *t = nullptr;
    switch (n->kind) {
    case NodeKind::Literal:
        switch (n->value.kind()) {
        case Value::Kind::Null: t = m_types.nullType; break;
        case Value::Kind::Bool: t = m_types.boolType; break;
        case Value::Kind::Char: t = m_types.charType; break;
        case Value::Kind::Int: t = m_types.intType; break;
        case Value::Kind::Long: t = m_types.longType; break;
        case Value::Kind::Double: t = m_types.doubleType; break;
        default: t = m_types.stringType; break;
        }
        break;
    case NodeKind::Interpolated: t = checkInterpolated(n); break;
    case NodeKind::Name: t = checkName(n); break;
    case NodeKind::Member: t = checkMember(n); break;
    case NodeKind::Call: t = checkCall(n); break;
    case NodeKind::Index: t = checkIndex(n); break;
    case NodeKind::Unary: t = checkUnary(n); break;
    case NodeKind::Binary: t = checkBinary(n); break;
    case NodeKind::Assign: t = checkAssign(n); break;
    case NodeKind::IncDec: t = checkIncDec(n); break;
    case NodeKind::Conditional: t = checkConditional(n); break;
    case NodeKind::Cast: t = checkCast(n); break;
    case NodeKind::Is:
    case NodeKind::As: t = checkIsAs(n); break;
    case NodeKind::New: t = checkNew(n); break;
    case NodeKind::NewArray: t = checkNewArray(n); break;
    case NodeKind::AnonymousObject: t = checkAnonymous(n); break;
    case NodeKind::Lambda:
        fail(n->offset, tr("lambda expressions can only be used as method arguments"));
        return nullptr;
    case NodeKind::Typeof:
        fail(n->offset, tr("'typeof' is not supported in policy expressions"));
        return nullptr;
    case NodeKind::Default: {
        t = resolveType(n->typeRef);
        if (!t)
            return nullptr;
        n->kind = NodeKind::Literal;
        switch (t->kind) {
        case TypeKind::Bool: n->value = Value::fromBool(false); break;
        case TypeKind::Char: n->value = Value::fromChar(0); break;
        case TypeKind::Byte:
        case TypeKind::Int:
        case TypeKind::Enum: n->value = Value::fromInt(0); break;
        case TypeKind::Long: n->value = Value::fromLong(0); break;
        case TypeKind::Double: n->value = Value::fromDouble(0); break;
        default: break;
        }
        break;
    }
    default:
        // already checked (shared subtrees never occur; defensive)
        t = n->type;
        break;
    }
    if (!t)
        return nullptr;
    n->type = t;
    return t;
}

const TypeInfo *Checker::checkInterpolated(ExprNode *n)
{
    for (auto &c : n->children) {
        const TypeInfo *t = checkExpr(c.get());
        if (!t)
            return nullptr;
        if (t->kind == TypeKind::Void) {
            fail(c->offset, tr("cannot use a void value in an interpolated string"));
            return nullptr;
        }
        if (t->kind == TypeKind::Namespace || c->kind == NodeKind::TypeName) {
            fail(c->offset, tr("'%1' is a type, which is not valid in the given context").arg(c->name));
            return nullptr;
        }
    }
    return m_types.stringType;
}

const TypeInfo *Checker::checkName(ExprNode *n)
{
    if (n->isOutArgument) {
        fail(n->offset, tr("'out' is only valid on a method argument"));
        return nullptr;
    }
    if (n->typeArgs.empty()) {
        if (const Local *l = lookup(n->name)) {
            n->kind = NodeKind::Local;
            n->slot = l->slot;
            return l->type;
        }
        if (n->name == QLatin1String("context")) {
            n->kind = NodeKind::Context;
            return contextType();
        }
    }
    if (const TypeInfo *t = resolveTypeName(n->name, n->typeArgs, n->offset, false)) {
        n->kind = NodeKind::TypeName;
        return t;
    }
    if (failed())
        return nullptr;
    if (m_types.isNamespace(n->name)) {
        n->kind = NodeKind::NamespaceName;
        return namespaceType();
    }
    fail(n->offset, tr("the name '%1' does not exist in the current context").arg(n->name));
    return nullptr;
}

const TypeInfo *Checker::checkMember(ExprNode *n)
{
    ExprNode *recv = n->children[0].get();
    const TypeInfo *rt = checkExpr(recv);
    if (!rt)
        return nullptr;
    if (recv->kind == NodeKind::NamespaceName) {
        const QString dotted = recv->name + QLatin1Char('.') + n->name;
        n->children.clear();
        n->name = dotted;
        n->kind = NodeKind::Name;
        const TypeInfo *t = resolveTypeName(dotted, n->typeArgs, n->offset, false);
        if (t) {
            n->kind = NodeKind::TypeName;
            return t;
        }
        if (failed())
            return nullptr;
        if (m_types.isNamespace(dotted)) {
            n->kind = NodeKind::NamespaceName;
            return rt;
        }
        fail(n->offset, tr("the type or namespace name '%1' does not exist in the namespace '%2'")
                            .arg(dotted.section(QLatin1Char('.'), -1), dotted.section(QLatin1Char('.'), 0, -2)));
        return nullptr;
    }
    const bool isStatic = recv->kind == NodeKind::TypeName;
    if (!isStatic && (rt->kind == TypeKind::Null || rt->kind == TypeKind::Void)) {
        fail(n->offset, tr("'%1' has no member '%2'").arg(typeName(rt), n->name));
        return nullptr;
    }
    auto props = findMembers(rt, n->name, isStatic, Member::Kind::Property);
    if (props.empty())
        props = findMembers(rt, n->name, isStatic, Member::Kind::Field);
    if (props.empty()) {
        if (!findMembers(rt, n->name, isStatic, Member::Kind::Method).empty())
            fail(n->offset, tr("'%1.%2' is a method: call it with ()").arg(typeName(rt), n->name));
        else if (isStatic && !findMembers(rt, n->name, false, Member::Kind::Property).empty())
            fail(n->offset, tr("an object reference is required for the non-static member '%1.%2'")
                                .arg(typeName(rt), n->name));
        else
            fail(n->offset, tr("'%1' has no member '%2'").arg(typeName(rt), n->name));
        return nullptr;
    }
    if (isStatic)
        n->children[0].reset();
    n->argumentNames.assign(1, QString());
    return bindInvoke(n, props, rt, nullptr, n->name);
}

const TypeInfo *Checker::checkCall(ExprNode *n)
{
    ExprNode *callee = n->children[0].get();
    if (callee->kind == NodeKind::Name && callee->typeArgs.empty()) {
        for (auto it = m_functions.rbegin(); it != m_functions.rend(); ++it) {
            if (StmtNode *fn = it->value(callee->name))
                return checkLocalCall(n, fn);
        }
    }
    if (callee->kind != NodeKind::Member) {
        fail(callee->offset, callee->kind == NodeKind::Name
                                 ? tr("'%1' is not a method").arg(callee->name)
                                 : tr("this expression cannot be called"));
        return nullptr;
    }
    ExprNode *recv = callee->children[0].get();
    const TypeInfo *rt = checkExpr(recv);
    if (!rt)
        return nullptr;
    if (recv->kind == NodeKind::NamespaceName) {
        fail(callee->offset, tr("the type or namespace name '%1' does not exist in the namespace '%2'")
                                 .arg(callee->name, recv->name));
        return nullptr;
    }
    const bool isStatic = recv->kind == NodeKind::TypeName;
    if (!isStatic && (rt->kind == TypeKind::Null || rt->kind == TypeKind::Void)) {
        fail(callee->offset, tr("'%1' has no member '%2'").arg(typeName(rt), callee->name));
        return nullptr;
    }
    auto methods = findMembers(rt, callee->name, isStatic, Member::Kind::Method);
    if (methods.empty()) {
        if (!findMembers(rt, callee->name, isStatic, Member::Kind::Property).empty()
            || !findMembers(rt, callee->name, isStatic, Member::Kind::Field).empty())
            fail(callee->offset, tr("'%1.%2' is not a method and cannot be called").arg(typeName(rt), callee->name));
        else
            fail(callee->offset, tr("'%1' has no member '%2'").arg(typeName(rt), callee->name));
        return nullptr;
    }
    const TypeInfo *genericArg = nullptr;
    if (!callee->typeArgs.empty()) {
        if (callee->typeArgs.size() != 1) {
            fail(callee->offset, tr("'%1' takes one type argument").arg(callee->name));
            return nullptr;
        }
        genericArg = resolveType(callee->typeArgs[0]);
        if (!genericArg)
            return nullptr;
    }
    // rewrite: children[0] = receiver, then the arguments
    auto receiver = takeChild(callee, 0);
    const bool conditional = callee->nullConditional || n->nullConditional;
    const QString name = callee->name;
    const int calleeOffset = callee->offset;
    n->children[0] = isStatic ? nullptr : std::move(receiver);
    n->nullConditional = conditional;
    n->offset = calleeOffset;
    return bindInvoke(n, methods, rt, genericArg, name);
}

const TypeInfo *Checker::checkIndex(ExprNode *n)
{
    ExprNode *recv = n->children[0].get();
    const TypeInfo *rt = checkExpr(recv);
    if (!rt)
        return nullptr;
    if (recv->kind == NodeKind::TypeName || recv->kind == NodeKind::NamespaceName) {
        fail(n->offset, tr("cannot apply indexing with [] to a type"));
        return nullptr;
    }
    auto indexers = findMembers(rt, QStringLiteral("this[]"), false, Member::Kind::Indexer);
    if (indexers.empty()) {
        fail(n->offset, tr("cannot apply indexing with [] to an expression of type '%1'").arg(typeName(rt)));
        return nullptr;
    }
    return bindInvoke(n, indexers, rt, nullptr, QStringLiteral("this[]"));
}

const TypeInfo *Checker::checkLambda(ExprNode *n, const TypeInfo *parameterType, const TypeInfo *parameterType2)
{
    const size_t wanted = parameterType2 ? 2 : 1;
    if (n->lambdaParams.size() != wanted) {
        fail(n->offset, tr("the lambda takes %1 parameter(s) here").arg(wanted));
        return nullptr;
    }
    pushScope();
    n->slot = declare(n->lambdaParams[0], parameterType, n->offset);
    if (n->slot < 0)
        return nullptr;
    if (parameterType2 && declare(n->lambdaParams[1], parameterType2, n->offset) < 0)
        return nullptr;
    const TypeInfo *result = nullptr;
    if (n->lambdaBlock) {
        const TypeInfo *savedResult = m_resultType;
        const bool savedReturn = m_sawReturn;
        m_resultType = nullptr;
        m_sawReturn = false;
        if (!checkStmt(n->lambdaBlock.get()))
            return nullptr;
        result = m_resultType ? m_resultType : m_types.voidType;
        m_resultType = savedResult;
        m_sawReturn = savedReturn;
    } else {
        result = checkExpr(n->children[0].get());
    }
    popScope();
    n->type = m_types.lambdaType;
    n->targetType = result;
    return result;
}

} // namespace sluice
