#pragma once

#include <QString>

namespace sluice::dotnet {

// System.Net.WebUtility.
class DotNetWebUtility
{
public:
    // UTF-8, space -> '+', keeps A-Z a-z 0-9 - _ . ! * ( ), %XX upper-case otherwise; null -> null.
    static QString urlEncode(const QString &text);
    // '+' -> space, %XX decoded as UTF-8 (invalid escapes stay as they are).
    static QString urlDecode(const QString &text);
    // & < > " ' -> &amp; &lt; &gt; &quot; &#39;; U+00A0..U+00FF and non-BMP as &#N;.
    static QString htmlEncode(const QString &text);
    // Named (amp, lt, gt, quot, apos, nbsp, ...) and numeric entities.
    static QString htmlDecode(const QString &text);
};

} // namespace sluice::dotnet
