#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace sluice {

// Positions in one policy file. The loader works on the document as UTF-16
// (QString) while pugixml reports byte offsets into a UTF-8 buffer; this map
// holds both and converts either kind of offset to a 1-based line and column
// counted in characters (code points).
class PolicySourceMap
{
public:
    PolicySourceMap() = default;
    explicit PolicySourceMap(const QString &text);

    const QString &text() const { return m_text; }
    // The document as UTF-8, byte for byte what utf8Offset() refers to.
    const QByteArray &utf8() const { return m_utf8; }

    qsizetype utf8Offset(qsizetype index) const; // UTF-16 index -> byte offset
    qsizetype indexOfUtf8Offset(qsizetype byteOffset) const; // byte offset -> UTF-16 index

    struct LineColumn
    {
        int line = 0;
        int column = 0;
    };
    LineColumn lineColumn(qsizetype index) const;
    LineColumn lineColumnOfUtf8Offset(qsizetype byteOffset) const
    {
        return lineColumn(indexOfUtf8Offset(byteOffset));
    }

private:
    QString m_text;
    QByteArray m_utf8;
    std::vector<qsizetype> m_byteOffsets; // per UTF-16 index, plus one past the end
    std::vector<qsizetype> m_lineStarts;  // UTF-16 index where each line starts
    bool m_hasSurrogates = false;         // columns must skip low surrogates
};

} // namespace sluice
