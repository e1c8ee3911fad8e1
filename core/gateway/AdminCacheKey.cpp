#include "AdminCacheKey.h"

#include <QString>
#include <QStringDecoder>

namespace sluice {

namespace {

bool isHexDigit(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

} // namespace

QByteArray AdminCacheKey::encode(const QByteArray &key)
{
    // QByteArray's default keeps exactly the unreserved set and writes upper-case hex.
    return key.toPercentEncoding();
}

std::optional<QByteArray> AdminCacheKey::decode(QByteArrayView raw)
{
    for (qsizetype i = 0; i < raw.size(); ++i) {
        if (raw[i] != '%')
            continue;
        if (i + 2 >= raw.size() || !isHexDigit(raw[i + 1]) || !isHexDigit(raw[i + 2]))
            return std::nullopt;
        i += 2;
    }
    return QByteArray::fromPercentEncoding(raw.toByteArray());
}

QJsonValue AdminCacheKey::text(const QByteArray &key)
{
    // Stateless: the whole key at once; ConvertInitialBom: a leading BOM is part of the key.
    QStringDecoder decoder(QStringDecoder::Utf8,
                           QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    const QString text = decoder.decode(key);
    if (decoder.hasError())
        return QJsonValue::Null;
    return text;
}

} // namespace sluice
