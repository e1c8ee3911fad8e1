#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace sluice::dotnet {

// System.Text.Encoding: UTF8, ASCII, Unicode (UTF-16LE), Latin1 (ISO-8859-1).
// Invalid input is replaced as .NET's default fallbacks do (U+FFFD when
// decoding UTF-8, '?' for characters ASCII/Latin-1 cannot hold).
class DotNetEncoding
{
public:
    enum class Kind { Utf8, Ascii, Unicode, BigEndianUnicode, Latin1 };

    explicit DotNetEncoding(Kind kind = Kind::Utf8)
        : m_kind(kind)
    { }
    static DotNetEncoding utf8() { return DotNetEncoding(Kind::Utf8); }
    static DotNetEncoding ascii() { return DotNetEncoding(Kind::Ascii); }
    static DotNetEncoding unicode() { return DotNetEncoding(Kind::Unicode); }
    static DotNetEncoding latin1() { return DotNetEncoding(Kind::Latin1); }
    // Encoding.GetEncoding(name): "utf-8", "us-ascii", "utf-16", "iso-8859-1", ...; nullopt when unknown.
    static std::optional<DotNetEncoding> fromName(const QString &name);

    Kind kind() const { return m_kind; }
    QString webName() const;
    QByteArray getBytes(const QString &text) const;
    QString getString(const QByteArray &bytes) const;
    int getByteCount(const QString &text) const { return int(getBytes(text).size()); }

private:
    Kind m_kind;
};

} // namespace sluice::dotnet
