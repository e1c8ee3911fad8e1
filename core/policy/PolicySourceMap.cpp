#include "PolicySourceMap.h"

#include <algorithm>

namespace sluice {

PolicySourceMap::PolicySourceMap(const QString &text)
    : m_text(text)
{
    const qsizetype n = text.size();
    m_byteOffsets.reserve(static_cast<size_t>(n) + 1);
    m_utf8.reserve(n + n / 4 + 4);
    m_lineStarts.push_back(0);

    auto append = [this](char32_t cp) {
        if (cp < 0x80) {
            m_utf8.append(static_cast<char>(cp));
        } else if (cp < 0x800) {
            m_utf8.append(static_cast<char>(0xC0 | (cp >> 6)));
            m_utf8.append(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            m_utf8.append(static_cast<char>(0xE0 | (cp >> 12)));
            m_utf8.append(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            m_utf8.append(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            m_utf8.append(static_cast<char>(0xF0 | (cp >> 18)));
            m_utf8.append(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            m_utf8.append(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            m_utf8.append(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    };

    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        m_byteOffsets.push_back(m_utf8.size());
        if (c.isHighSurrogate() && i + 1 < n && text.at(i + 1).isLowSurrogate()) {
            m_hasSurrogates = true;
            append(QChar::surrogateToUcs4(c, text.at(i + 1)));
            ++i;
            m_byteOffsets.push_back(m_utf8.size()); // the low surrogate maps past the sequence
            continue;
        }
        if (c.isSurrogate()) {
            m_hasSurrogates = true;
            append(0xFFFD); // unpaired surrogate
            continue;
        }
        append(c.unicode());
        if (c == QLatin1Char('\n')) {
            m_lineStarts.push_back(i + 1);
        } else if (c == QLatin1Char('\r') && (i + 1 >= n || text.at(i + 1) != QLatin1Char('\n'))) {
            m_lineStarts.push_back(i + 1);
        }
    }
    m_byteOffsets.push_back(m_utf8.size());
}

qsizetype PolicySourceMap::utf8Offset(qsizetype index) const
{
    if (m_byteOffsets.empty())
        return 0;
    index = std::clamp<qsizetype>(index, 0, static_cast<qsizetype>(m_byteOffsets.size()) - 1);
    return m_byteOffsets[static_cast<size_t>(index)];
}

qsizetype PolicySourceMap::indexOfUtf8Offset(qsizetype byteOffset) const
{
    if (m_byteOffsets.empty())
        return 0;
    // Last index whose byte offset is <= byteOffset.
    auto it = std::upper_bound(m_byteOffsets.begin(), m_byteOffsets.end(), byteOffset);
    if (it == m_byteOffsets.begin())
        return 0;
    qsizetype index = static_cast<qsizetype>(it - m_byteOffsets.begin()) - 1;
    // A low surrogate shares nothing; step back onto the high surrogate.
    if (index > 0 && index < m_text.size() && m_text.at(index).isLowSurrogate())
        --index;
    return index;
}

PolicySourceMap::LineColumn PolicySourceMap::lineColumn(qsizetype index) const
{
    index = std::clamp<qsizetype>(index, 0, m_text.size());
    auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), index);
    const size_t lineIndex = static_cast<size_t>(it - m_lineStarts.begin()) - 1;
    const qsizetype start = m_lineStarts[lineIndex];
    if (!m_hasSurrogates)
        return LineColumn{static_cast<int>(lineIndex) + 1, static_cast<int>(index - start) + 1};
    int column = 1;
    for (qsizetype i = start; i < index; ++i) {
        if (!m_text.at(i).isLowSurrogate())
            ++column;
    }
    return LineColumn{static_cast<int>(lineIndex) + 1, column};
}

} // namespace sluice
