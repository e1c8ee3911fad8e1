#include "CompiledValue.h"

namespace sluice {

QString CompiledValue::evaluate(const RequestContext &ctx) const
{
    Q_UNUSED(ctx);
    return m_literal;
}

} // namespace sluice
