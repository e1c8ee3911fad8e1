#pragma once

#include "common/Diagnostic.h"

#include <QString>

namespace sluice {

class RequestContext;

// An attribute value or element text after load: a literal, or (once the
// expression language lands) a compiled policy expression evaluated per request.
class CompiledValue
{
public:
    CompiledValue() = default;
    explicit CompiledValue(QString literal)
        : m_literal(std::move(literal))
    {}

    bool isConstant() const { return true; }
    const QString &literal() const { return m_literal; }
    QString evaluate(const RequestContext &ctx) const;

private:
    QString m_literal;
};

} // namespace sluice
