#pragma once

#include <QCoreApplication>
#include <QString>

#include <optional>
#include <utility>

namespace sluice::dotnet {

// What .NET would have thrown: the exception type name ("FormatException") and
// its message, exactly as .NET words it (classic .NET Core 3.1 / .NET 6 texts).
// The runtime never throws C++ exceptions; functions that throw in .NET return a
// DotNetResult instead.
struct DotNetError
{
    QString type;
    QString message;

    // "FormatException: Input string was not in a correct format."
    QString toString() const { return type + QLatin1String(": ") + message; }

    static DotNetError format(const QString &message) { return {QStringLiteral("FormatException"), message}; }
    static DotNetError argument(const QString &message) { return {QStringLiteral("ArgumentException"), message}; }
    static DotNetError argumentNull(const QString &parameter)
    {
        return {QStringLiteral("ArgumentNullException"),
                QCoreApplication::translate("DotNet", "Value cannot be null. (Parameter '%1')").arg(parameter)};
    }
    static DotNetError argumentOutOfRange(const QString &message)
    {
        return {QStringLiteral("ArgumentOutOfRangeException"), message};
    }
    static DotNetError overflow(const QString &message) { return {QStringLiteral("OverflowException"), message}; }
    static DotNetError invalidOperation(const QString &message)
    {
        return {QStringLiteral("InvalidOperationException"), message};
    }
    static DotNetError invalidCast(const QString &message) { return {QStringLiteral("InvalidCastException"), message}; }
    static DotNetError notSupported(const QString &message)
    {
        return {QStringLiteral("NotSupportedException"), message};
    }
    // "Input string was not in a correct format."
    static DotNetError badFormat()
    {
        return format(QCoreApplication::translate("DotNet", "Input string was not in a correct format."));
    }
};

// A value or the .NET exception that computing it would have thrown.
template<typename T> class DotNetResult
{
public:
    DotNetResult(T value)
        : m_value(std::move(value))
    { } // NOLINT: implicit by design
    DotNetResult(DotNetError error)
        : m_error(std::move(error))
    { } // NOLINT: implicit by design

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const
    {
        Q_ASSERT(m_value);
        return *m_value;
    }
    T &value()
    {
        Q_ASSERT(m_value);
        return *m_value;
    }
    const T &operator*() const { return value(); }
    const T *operator->() const { return &value(); }
    T valueOr(T fallback) const { return m_value ? *m_value : std::move(fallback); }
    const DotNetError &error() const { return m_error; }

private:
    std::optional<T> m_value;
    DotNetError m_error;
};

} // namespace sluice::dotnet
