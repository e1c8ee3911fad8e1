#pragma once

#include <QCoreApplication>
#include <QString>

namespace sluice {

// The syntax check of one value typed into an expression field: a literal
// is fine; `@(...)` / `@{...}` must end where the value ends (the core's
// PolicyExpressionScanner) and parse (the core's expression parser).
struct ExpressionCheck
{
    Q_DECLARE_TR_FUNCTIONS(ExpressionCheck)

public:
    bool ok = true;
    int position = -1; // 0-based index into the value of the first error
    QString message; // translated, empty when ok

    static bool isExpression(const QString &value);
    static ExpressionCheck check(const QString &value);
    // "column 12: message", for a field's error line.
    QString text() const;
};

} // namespace sluice
