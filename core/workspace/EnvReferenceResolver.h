#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace sluice {

// Replaces `${NAME}` references (NAME = [A-Za-z_][A-Za-z0-9_]*) with values from
// an environment lookup; `$${` stands for a literal `${`. Used for secrets such
// as connection strings and subscription keys, so nothing here ever puts the
// text being resolved into a message.
class EnvReferenceResolver
{
    Q_DECLARE_TR_FUNCTIONS(WorkspaceLoader)

public:
    using Lookup = std::function<std::optional<QString>(const QString &)>;

    struct Result
    {
        QString value;              // the text with every resolvable reference replaced
        QStringList unsetVariables; // names the lookup did not know, in order, without repeats
        QString syntaxError;        // set for an unterminated or malformed reference

        bool ok() const { return unsetVariables.isEmpty() && syntaxError.isEmpty(); }
    };

    explicit EnvReferenceResolver(Lookup lookup);

    Result resolve(const QString &text) const;

    static bool isValidVariableName(QStringView name);

private:
    Lookup m_lookup;
};

} // namespace sluice
