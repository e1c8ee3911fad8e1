#include "Evaluator.h"

#include "Runtime.h"

#include <QVarLengthArray>

#include <cmath>

namespace sluice {

void Frame::budgetExceeded() const
{
    throw RuntimeError{QStringLiteral("StepBudgetExceeded"),
                       QCoreApplication::translate("Expression", "the expression exceeded its budget of %1 steps "
                                                                 "(a runaway loop?)")
                           .arg(m_budget),
                       false};
}

void Frame::fail(const QString &type, const QString &message)
{
    throw RuntimeError{type, message, true};
}

void Frame::nullReference()
{
    fail(QStringLiteral("NullReferenceException"),
         QCoreApplication::translate("Expression", "Object reference not set to an instance of an object."));
}

void Frame::invalidCast(const Value &value, const TypeInfo *target)
{
    const TypeInfo *from = value.runtimeType();
    fail(QStringLiteral("InvalidCastException"),
         QCoreApplication::translate("Expression", "Unable to cast object of type '%1' to type '%2'.")
             .arg(from ? from->name : QStringLiteral("null"), target->name));
}

void Frame::argumentNull(const QString &parameter)
{
    fail(QStringLiteral("ArgumentNullException"),
         QCoreApplication::translate("Expression", "Value cannot be null. (Parameter '%1')").arg(parameter));
}

void Frame::argumentOutOfRange(const QString &parameter)
{
    fail(QStringLiteral("ArgumentOutOfRangeException"),
         QCoreApplication::translate("Expression", "Specified argument was out of the range of valid values. "
                                                   "(Parameter '%1')")
             .arg(parameter));
}

void Frame::format()
{
    fail(QStringLiteral("FormatException"),
         QCoreApplication::translate("Expression", "Input string was not in a correct format."));
}

Value Frame::call(const Value &lambda, const Value &argument)
{
    const ExprNode *n = lambda.asLambda();
    step();
    m_locals[n->slot] = argument;
    if (n->lambdaBlock) {
        Value result;
        Evaluator::exec(*this, n->lambdaBlock.get(), &result);
        return result;
    }
    return Evaluator::eval(*this, n->children[0].get());
}

Value Frame::call(const Value &lambda, const Value &a, const Value &b)
{
    const ExprNode *n = lambda.asLambda();
    m_locals[n->slot + 1] = b;
    return call(lambda, a);
}

namespace {

constexpr qsizetype MaxStringLength = 16 * 1024 * 1024;

[[noreturn]] void stringTooLong()
{
    Frame::fail(QStringLiteral("OutOfMemoryException"),
                QCoreApplication::translate("Expression", "the string would exceed %1 characters").arg(MaxStringLength));
}

Value arithmetic(Op op, const TypeInfo *type, const Value &a, const Value &b)
{
    switch (type->kind) {
    case TypeKind::Double: {
        const double x = a.toDouble(), y = b.toDouble();
        switch (op) {
        case Op::Add: return Value::fromDouble(x + y);
        case Op::Sub: return Value::fromDouble(x - y);
        case Op::Mul: return Value::fromDouble(x * y);
        case Op::Div: return Value::fromDouble(x / y);
        case Op::Mod: return Value::fromDouble(std::fmod(x, y));
        default: break;
        }
        break;
    }
    case TypeKind::Long:
    case TypeKind::Int:
    case TypeKind::Enum:
    case TypeKind::Byte:
    case TypeKind::Char: {
        const bool isLong = type->kind == TypeKind::Long;
        const quint64 x = quint64(a.toLong()), y = quint64(b.toLong());
        qint64 r = 0;
        switch (op) {
        case Op::Add: r = qint64(x + y); break;
        case Op::Sub: r = qint64(x - y); break;
        case Op::Mul: r = qint64(x * y); break;
        case Op::Div:
        case Op::Mod: {
            const qint64 sx = isLong ? qint64(x) : qint64(qint32(x)), sy = isLong ? qint64(y) : qint64(qint32(y));
            if (sy == 0)
                Frame::fail(QStringLiteral("DivideByZeroException"),
                            QCoreApplication::translate("Expression", "Attempted to divide by zero."));
            if (sy == -1)
                r = op == Op::Div ? qint64(0ULL - quint64(sx)) : 0;
            else
                r = op == Op::Div ? sx / sy : sx % sy;
            break;
        }
        case Op::And: r = qint64(x & y); break;
        case Op::Or: r = qint64(x | y); break;
        case Op::Xor: r = qint64(x ^ y); break;
        case Op::Shl: r = isLong ? qint64(x << (y & 63)) : qint64(quint32(x) << (y & 31)); break;
        case Op::Shr: r = isLong ? (qint64(x) >> (y & 63)) : qint64(qint32(x) >> (y & 31)); break;
        default: break;
        }
        if (isLong)
            return Value::fromLong(r);
        return Value::fromInt(qint32(quint32(quint64(r))));
    }
    default: break;
    }
    Frame::fail(QStringLiteral("InvalidOperationException"),
                QCoreApplication::translate("Expression", "unsupported operands"));
}

int compareValues(const Value &a, const Value &b)
{
    if (a.kind() == Value::Kind::Double || b.kind() == Value::Kind::Double) {
        const double x = a.toDouble(), y = b.toDouble();
        if (std::isnan(x) || std::isnan(y))
            return 2; // unordered: every comparison false
        return x < y ? -1 : x > y ? 1 : 0;
    }
    const qint64 x = a.toLong(), y = b.toLong();
    return x < y ? -1 : x > y ? 1 : 0;
}

} // namespace

Value Evaluator::binary(Frame &f, const ExprNode *n)
{
    const Value a = eval(f, n->children[0].get());
    const Value b = eval(f, n->children[1].get());
    switch (n->op) {
    case Op::Eq: return Value::fromBool(a.equals(b));
    case Op::Ne: return Value::fromBool(!a.equals(b));
    case Op::Lt:
    case Op::Gt:
    case Op::Le:
    case Op::Ge: {
        if (a.isNull() || b.isNull())
            return Value::fromBool(false);
        const int c = compareValues(a, b);
        if (c == 2)
            return Value::fromBool(false);
        const bool r = n->op == Op::Lt ? c < 0 : n->op == Op::Gt ? c > 0 : n->op == Op::Le ? c <= 0 : c >= 0;
        return Value::fromBool(r);
    }
    case Op::Add:
        if (n->type->kind == TypeKind::String) {
            if (a.isString() && b.isString()) {
                if (a.asString().size() + b.asString().size() > MaxStringLength)
                    stringTooLong();
                return Value::fromString(a.asString() + b.asString());
            }
            QString s = a.toString() + b.toString();
            if (s.size() > MaxStringLength)
                stringTooLong();
            return Value::fromString(std::move(s));
        }
        break;
    case Op::And:
    case Op::Or:
    case Op::Xor:
        if (n->type->kind == TypeKind::Bool) {
            if (a.isNull() || b.isNull())
                return {};
            const bool x = a.asBool(), y = b.asBool();
            return Value::fromBool(n->op == Op::And ? (x && y) : n->op == Op::Or ? (x || y) : (x != y));
        }
        break;
    default: break;
    }
    if (a.isNull() || b.isNull())
        return {};
    return arithmetic(n->op, n->type, a, b);
}

Value Evaluator::interpolate(Frame &f, const ExprNode *n)
{
    QString out;
    size_t hole = 0;
    for (const InterpolationPart &part : n->parts) {
        if (!part.isHole) {
            out += part.text;
            continue;
        }
        const Value v = eval(f, n->children[hole++].get());
        QString s = part.hasFormat ? rt::formatValue(f, v, part.text) : v.toString();
        if (part.alignment > 0)
            s = s.rightJustified(part.alignment);
        else if (part.alignment < 0)
            s = s.leftJustified(-part.alignment);
        out += s;
    }
    return Value::fromString(out);
}

Value Evaluator::invoke(Frame &f, const ExprNode *n)
{
    f.step();
    Value self;
    if (const ExprNode *recv = n->children[0].get()) {
        self = eval(f, recv);
        if (self.isNull()) {
            if (n->nullConditional)
                return {};
            Frame::nullReference();
        }
    }
    const size_t argc = n->children.size() - 1;
    QVarLengthArray<Value, 6> args;
    args.resize(qsizetype(argc));
    for (size_t i = 0; i < argc; ++i) {
        const ExprNode *a = n->children[i + 1].get();
        if (a->kind == NodeKind::Lambda)
            args[qsizetype(i)] = Value::fromLambda(a);
        else if (!n->outSlots.empty() && n->outSlots[i] >= 0)
            args[qsizetype(i)] = Value();
        else
            args[qsizetype(i)] = eval(f, a);
    }
    Value result = n->member->fn(f, n->site, self, args.data());
    for (size_t i = 0; i < n->outSlots.size(); ++i) {
        if (n->outSlots[i] >= 0)
            f.local(n->outSlots[i]) = args[qsizetype(i)];
    }
    return result;
}

Value Evaluator::construct(Frame &f, const ExprNode *n)
{
    f.step();
    const size_t ctorArgs = size_t(n->initializerStart) - 1;
    QVarLengthArray<Value, 6> args;
    args.resize(qsizetype(ctorArgs));
    for (size_t i = 0; i < ctorArgs; ++i)
        args[qsizetype(i)] = eval(f, n->children[i + 1].get());
    Value obj = n->member->fn(f, n->site, Value(), args.data());
    for (size_t i = size_t(n->initializerStart); i < n->children.size(); ++i) {
        const ExprNode *add = n->children[i].get();
        QVarLengthArray<Value, 4> addArgs;
        addArgs.resize(qsizetype(add->children.size() - 1));
        for (size_t j = 1; j < add->children.size(); ++j)
            addArgs[qsizetype(j - 1)] = eval(f, add->children[j].get());
        add->member->fn(f, add->site, obj, addArgs.data());
    }
    return obj;
}

Value Evaluator::eval(Frame &f, const ExprNode *n)
{
    switch (n->kind) {
    case NodeKind::Literal: return n->value;
    case NodeKind::Interpolated: return interpolate(f, n);
    case NodeKind::Local: return f.local(n->slot);
    case NodeKind::Context: return Value::borrowed(&f.objects().parts[HostPart::Context]);
    case NodeKind::Invoke: return invoke(f, n);
    case NodeKind::New: return construct(f, n);
    case NodeKind::LocalCall: {
        f.step();
        const StmtNode *fn = n->function;
        const size_t argc = n->children.size() - 1;
        QVarLengthArray<Value, 6> args;
        args.resize(qsizetype(argc));
        for (size_t i = 0; i < argc; ++i)
            args[qsizetype(i)] = eval(f, n->children[i + 1].get());
        QVarLengthArray<Value, 6> saved;
        saved.resize(qsizetype(argc));
        for (size_t i = 0; i < argc; ++i) {
            saved[qsizetype(i)] = f.local(fn->parameterSlots[i]);
            f.local(fn->parameterSlots[i]) = args[qsizetype(i)];
        }
        f.enter();
        Value result;
        exec(f, fn->then.get(), &result);
        f.leave();
        for (size_t i = 0; i < argc; ++i)
            f.local(fn->parameterSlots[i]) = saved[qsizetype(i)];
        return result;
    }
    case NodeKind::Coalesce: {
        Value v = eval(f, n->children[0].get());
        if (!v.isNull())
            return v;
        return eval(f, n->children[1].get());
    }
    case NodeKind::AndAlso:
        return Value::fromBool(eval(f, n->children[0].get()).asBool() && eval(f, n->children[1].get()).asBool());
    case NodeKind::OrElse:
        return Value::fromBool(eval(f, n->children[0].get()).asBool() || eval(f, n->children[1].get()).asBool());
    case NodeKind::Binary: return binary(f, n);
    case NodeKind::Unary: {
        const Value v = eval(f, n->children[0].get());
        if (v.isNull())
            return {};
        switch (n->op) {
        case Op::Not: return Value::fromBool(!v.asBool());
        case Op::Plus: return rt::convertNumeric(v, n->type);
        case Op::Neg:
            if (n->type->kind == TypeKind::Double)
                return Value::fromDouble(-v.toDouble());
            return arithmetic(Op::Sub, n->type, Value::fromInt(0), v);
        case Op::Complement:
            return n->type->kind == TypeKind::Long ? Value::fromLong(~v.toLong())
                                                   : Value::fromInt(~qint32(v.toLong()));
        default: return {};
        }
    }
    case NodeKind::Conditional:
        return eval(f, n->children[0].get()).asBool() ? eval(f, n->children[1].get())
                                                      : eval(f, n->children[2].get());
    case NodeKind::StoreLocal: {
        Value v = eval(f, n->children[0].get());
        f.local(n->slot) = v;
        return v;
    }
    case NodeKind::IncDec: {
        Value &slot = f.local(n->slot);
        const Value old = slot;
        if (old.isNull())
            return {};
        const bool inc = n->op == Op::PreInc || n->op == Op::PostInc;
        Value updated = n->type->kind == TypeKind::Double
            ? Value::fromDouble(old.toDouble() + (inc ? 1 : -1))
            : rt::convertNumeric(arithmetic(inc ? Op::Add : Op::Sub, n->type->kind == TypeKind::Long
                                                                         ? n->type
                                                                         : rt::types().intType,
                                            old, Value::fromInt(1)),
                                 n->type);
        slot = updated;
        return n->op == Op::PreInc || n->op == Op::PreDec ? updated : old;
    }
    case NodeKind::Cast: {
        Value v = eval(f, n->children[0].get());
        switch (n->slot) {
        case 1:
            if (v.isNull())
                Frame::nullReference();
            return rt::convertNumeric(v, n->targetType);
        case 2: return rt::castTo(f, v, n->targetType);
        case 3:
            if (n->targetType->derivesFrom(rt::types().jtoken))
                return rt::jsonFromValue(f, v);
            return rt::jsonToPrimitive(f, v, n->targetType);
        default: return v;
        }
    }
    case NodeKind::NumericConvert: {
        Value v = eval(f, n->children[0].get());
        if (v.isNull())
            return v;
        if (!n->targetType->isNumeric())
            return rt::jsonFromValue(f, v);
        return rt::convertNumeric(v, n->targetType);
    }
    case NodeKind::Is: {
        Value v = eval(f, n->children[0].get());
        if (!n->targetType)
            return Value::fromBool(v.isNull());
        const bool ok = !v.isNull() && rt::isInstanceOf(v, n->targetType);
        if (ok && n->slot >= 0)
            f.local(n->slot) = v;
        return Value::fromBool(ok);
    }
    case NodeKind::As: {
        Value v = eval(f, n->children[0].get());
        return !v.isNull() && rt::isInstanceOf(v, n->targetType) ? v : Value();
    }
    case NodeKind::NewArray: {
        f.step();
        std::vector<Value> items;
        if (n->sizedArray) {
            const qint64 size = eval(f, n->children[0].get()).toLong();
            if (size < 0 || size > 1000000)
                Frame::fail(QStringLiteral("OverflowException"),
                            QCoreApplication::translate("Expression", "Arithmetic operation resulted in an overflow."));
            items.assign(size_t(size), rt::defaultValue(n->targetType));
        } else {
            items.reserve(n->children.size());
            for (const auto &c : n->children)
                items.push_back(eval(f, c.get()));
        }
        return rt::array(n->targetType, std::move(items));
    }
    case NodeKind::AnonymousObject: {
        f.step();
        std::vector<Value> values;
        for (const auto &c : n->children)
            values.push_back(eval(f, c.get()));
        return rt::makeJsonObject(n->argumentNames, values);
    }
    default:
        Frame::fail(QStringLiteral("InvalidOperationException"),
                    QCoreApplication::translate("Expression", "'%1' is a type or namespace, not a value").arg(n->name));
    }
}

Evaluator::Flow Evaluator::execTry(Frame &f, const StmtNode *s, Value *result)
{
    Flow flow = Flow::Normal;
    try {
        flow = exec(f, s->then.get(), result);
    } catch (const RuntimeError &e) {
        if (!e.catchable || !s->other) {
            if (s->finally && e.catchable)
                exec(f, s->finally.get(), result);
            throw;
        }
        if (s->slot >= 0)
            f.local(s->slot) = Value::fromObject(std::make_shared<ExceptionObject>(e.type, e.message));
        try {
            flow = exec(f, s->other.get(), result);
        } catch (const RuntimeError &inner) {
            if (s->finally && inner.catchable)
                exec(f, s->finally.get(), result);
            throw;
        }
    }
    if (s->finally) {
        Value ignored;
        const Flow ff = exec(f, s->finally.get(), &ignored);
        if (ff != Flow::Normal)
            return ff;
    }
    return flow;
}

Evaluator::Flow Evaluator::exec(Frame &f, const StmtNode *s, Value *result)
{
    f.step();
    switch (s->kind) {
    case StmtKind::Empty:
    case StmtKind::LocalFunction: return Flow::Normal;
    case StmtKind::Block:
        for (const auto &c : s->body) {
            const Flow flow = exec(f, c.get(), result);
            if (flow != Flow::Normal)
                return flow;
        }
        return Flow::Normal;
    case StmtKind::Expression: eval(f, s->expr.get()); return Flow::Normal;
    case StmtKind::Declaration:
        f.local(s->slot) = s->expr ? eval(f, s->expr.get()) : rt::defaultValue(s->type);
        return Flow::Normal;
    case StmtKind::If:
        if (eval(f, s->expr.get()).asBool())
            return exec(f, s->then.get(), result);
        if (s->other)
            return exec(f, s->other.get(), result);
        return Flow::Normal;
    case StmtKind::While:
    case StmtKind::DoWhile: {
        bool first = s->kind == StmtKind::DoWhile;
        while (first || eval(f, s->expr.get()).asBool()) {
            first = false;
            f.step();
            const Flow flow = exec(f, s->then.get(), result);
            if (flow == Flow::Break)
                break;
            if (flow == Flow::Return)
                return flow;
        }
        return Flow::Normal;
    }
    case StmtKind::For: {
        for (const auto &init : s->body)
            exec(f, init.get(), result);
        while (!s->expr || eval(f, s->expr.get()).asBool()) {
            f.step();
            const Flow flow = exec(f, s->then.get(), result);
            if (flow == Flow::Break)
                break;
            if (flow == Flow::Return)
                return flow;
            for (const auto &it : s->exprs)
                eval(f, it.get());
        }
        return Flow::Normal;
    }
    case StmtKind::Foreach: {
        const Value collection = eval(f, s->expr.get());
        if (collection.isNull())
            Frame::nullReference();
        const std::vector<Value> items = rt::elements(f, collection);
        const bool cast = s->type != s->expr->type->element;
        for (const Value &item : items) {
            f.step();
            f.local(s->slot) = cast ? rt::castTo(f, item, s->type) : item;
            const Flow flow = exec(f, s->then.get(), result);
            if (flow == Flow::Break)
                break;
            if (flow == Flow::Return)
                return flow;
        }
        return Flow::Normal;
    }
    case StmtKind::Return:
        *result = eval(f, s->expr.get());
        return Flow::Return;
    case StmtKind::Break: return Flow::Break;
    case StmtKind::Continue: return Flow::Continue;
    case StmtKind::Throw: {
        if (!s->expr)
            Frame::fail(QStringLiteral("Exception"), QString());
        const Value v = eval(f, s->expr.get());
        if (v.isNull())
            Frame::nullReference();
        auto *e = static_cast<ExceptionObject *>(v.object());
        Frame::fail(e->typeName, e->message);
    }
    case StmtKind::Try: return execTry(f, s, result);
    case StmtKind::Switch: {
        const Value v = eval(f, s->expr.get());
        const SwitchSection *chosen = nullptr;
        for (const SwitchSection &section : s->sections) {
            for (const auto &label : section.labels) {
                if (eval(f, label.get()).equals(v)) {
                    chosen = &section;
                    break;
                }
            }
            if (chosen)
                break;
        }
        if (!chosen) {
            for (const SwitchSection &section : s->sections) {
                if (section.hasDefault)
                    chosen = &section;
            }
        }
        if (!chosen)
            return Flow::Normal;
        for (const auto &c : chosen->body) {
            const Flow flow = exec(f, c.get(), result);
            if (flow == Flow::Break)
                return Flow::Normal;
            if (flow != Flow::Normal)
                return flow;
        }
        return Flow::Normal;
    }
    }
    return Flow::Normal;
}

} // namespace sluice
