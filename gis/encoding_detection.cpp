#include "gis/encoding_detection.h"

#include <cpl_conv.h>
#include <cpl_string.h>
#include <cpl_vsi.h>

#include <QFileInfo>
#include <QRegularExpression>

#include <algorithm>
#include <array>
#include <utility>

namespace greenrenew::gis::detail {

namespace {

// Attribute tables beyond this size are judged by their first part; a million-row table
// still gets an answer without holding gigabytes.
constexpr long long kDbfReadLimit = 64LL * 1024 * 1024;

/// dBASE language driver ids (header byte 29) and their code pages, as the dBASE and
/// ArcGIS documentation list them.
constexpr std::array<std::pair<unsigned char, const char*>, 24> kLanguageDrivers{{
    {0x01, "CP437"},  {0x02, "CP850"},  {0x03, "CP1252"}, {0x08, "CP865"},
    {0x13, "CP932"},  {0x26, "CP866"},  {0x4D, "CP936"},  {0x4E, "CP949"},
    {0x4F, "CP950"},  {0x50, "CP874"},  {0x57, "ISO-8859-1"}, {0x58, "CP1252"},
    {0x59, "CP1252"}, {0x64, "CP852"},  {0x65, "CP866"},  {0x78, "CP950"},
    {0x79, "CP949"},  {0x7A, "CP936"},  {0x7B, "CP932"},  {0x7C, "CP874"},
    {0xC8, "CP1250"}, {0xC9, "CP1251"}, {0xCA, "CP1254"}, {0xCB, "CP1253"},
}};

const char* languageDriverCodec(unsigned char id)
{
    for (const auto& [code, codec] : kLanguageDrivers) {
        if (code == id)
            return codec;
    }
    return nullptr;
}

bool isGbkFamily(const QString& codec)
{
    return codec == QLatin1String("CP936") || codec == QLatin1String("GBK")
           || codec == QLatin1String("GB2312") || codec == QLatin1String("GB18030");
}

/// A code page name from a .cpg ("UTF-8", "936", "GBK", "1252", "ISO-8859-1") in the form
/// CPLRecode takes; empty when the text is not a code page name at all.
QString codecFromCpg(const QString& text)
{
    static const QRegularExpression name(QStringLiteral("^[A-Za-z0-9_.\\- ]{1,32}$"));
    if (!name.match(text).hasMatch())
        return {};
    const QString upper = text.toUpper().remove(QLatin1Char(' '));
    if (upper == QLatin1String("UTF-8") || upper == QLatin1String("UTF8")
        || upper == QLatin1String("65001"))
        return QStringLiteral("UTF-8");
    bool numeric = false;
    const int page = upper.toInt(&numeric);
    if (numeric)
        return page == 936 ? QStringLiteral("CP936") : QStringLiteral("CP%1").arg(page);
    if (upper.startsWith(QLatin1String("ANSI")) && upper.size() > 4)
        return QStringLiteral("CP") + upper.mid(upper.indexOf(QRegularExpression(
                                          QStringLiteral("[0-9]"))));
    return upper;
}

QString describeCodec(const QString& codec)
{
    if (codec == QLatin1String("CP936"))
        return QStringLiteral("CP936 (GBK)");
    if (codec == QLatin1String("GB18030"))
        return QStringLiteral("GB18030 (GBK)");
    return codec;
}

} // namespace

QByteArray DbfInspection::rawText(long long record, int field) const
{
    if (field < 0 || field >= static_cast<int>(fields.size()) || record < 0
        || record >= recordCount)
        return {};
    const long long start = headerLength + record * recordLength + 1 + fields[field].offset;
    if (start + fields[field].length > data.size())
        return {};
    return data.mid(start, fields[field].length).trimmed();
}

QByteArray readSmallFile(const QString& path, int limit)
{
    VSILFILE* file = VSIFOpenL(path.toUtf8().constData(), "rb");
    if (!file)
        return {};
    QByteArray bytes(limit, Qt::Uninitialized);
    const size_t got = VSIFReadL(bytes.data(), 1, static_cast<size_t>(limit), file);
    VSIFCloseL(file);
    bytes.truncate(static_cast<qsizetype>(got));
    return bytes;
}

QString findSidecar(const QString& path, const QString& suffix)
{
    const QFileInfo info(path);
    const QString folder = info.path();
    const QString wanted = info.completeBaseName() + QLatin1Char('.') + suffix;
    char** entries = VSIReadDir(folder.toUtf8().constData());
    QString found;
    for (char** entry = entries; entry && *entry; ++entry) {
        const QString name = QString::fromUtf8(*entry);
        if (name.compare(wanted, Qt::CaseInsensitive) == 0) {
            found = folder + QLatin1Char('/') + name;
            break;
        }
    }
    CSLDestroy(entries);
    return found;
}

bool isValidUtf8(const QByteArray& bytes)
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData());
    const qsizetype size = bytes.size();
    for (qsizetype i = 0; i < size;) {
        const unsigned char lead = p[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char low = 0x80;
        unsigned char high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0)
                low = 0xA0;  // overlong
            if (lead == 0xED)
                high = 0x9F;  // surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0)
                low = 0x90;
            if (lead == 0xF4)
                high = 0x8F;
        } else {
            return false;
        }
        if (i + length > size || p[i + 1] < low || p[i + 1] > high)
            return false;
        for (int k = 2; k < length; ++k) {
            if (p[i + k] < 0x80 || p[i + k] > 0xBF)
                return false;
        }
        i += length;
    }
    return true;
}

bool isValidGb18030(const QByteArray& bytes)
{
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.constData());
    const qsizetype size = bytes.size();
    for (qsizetype i = 0; i < size;) {
        if (p[i] < 0x80) {
            ++i;
            continue;
        }
        if (p[i] == 0x80 || p[i] == 0xFF || i + 1 >= size)
            return false;
        const unsigned char second = p[i + 1];
        if ((second >= 0x40 && second <= 0x7E) || (second >= 0x80 && second <= 0xFE)) {
            i += 2;
            continue;
        }
        if (second >= 0x30 && second <= 0x39 && i + 3 < size && p[i + 2] >= 0x81
            && p[i + 2] <= 0xFE && p[i + 3] >= 0x30 && p[i + 3] <= 0x39) {
            i += 4;
            continue;
        }
        return false;
    }
    return true;
}

DbfInspection inspectDbf(const QString& dbfPath)
{
    DbfInspection dbf;
    if (dbfPath.isEmpty())
        return dbf;
    VSILFILE* file = VSIFOpenL(dbfPath.toUtf8().constData(), "rb");
    if (!file)
        return dbf;
    VSIFSeekL(file, 0, SEEK_END);
    const auto fileSize = static_cast<long long>(VSIFTellL(file));
    VSIFSeekL(file, 0, SEEK_SET);
    const long long wanted = std::min(fileSize, kDbfReadLimit);
    dbf.data.resize(static_cast<qsizetype>(wanted));
    const size_t got = VSIFReadL(dbf.data.data(), 1, static_cast<size_t>(wanted), file);
    VSIFCloseL(file);
    dbf.data.truncate(static_cast<qsizetype>(got));
    if (dbf.data.size() < 32)
        return dbf;

    const auto* header = reinterpret_cast<const unsigned char*>(dbf.data.constData());
    dbf.recordCount = static_cast<long long>(header[4]) | (static_cast<long long>(header[5]) << 8)
                      | (static_cast<long long>(header[6]) << 16)
                      | (static_cast<long long>(header[7]) << 24);
    dbf.headerLength = header[8] | (header[9] << 8);
    dbf.recordLength = header[10] | (header[11] << 8);
    dbf.languageDriver = header[29];
    if (dbf.headerLength < 33 || dbf.recordLength < 1 || dbf.headerLength > dbf.data.size())
        return dbf;

    // Field descriptors are 32 bytes each and end with 0x0D.
    int offset = 0;
    QByteArray textBytes;
    for (int at = 32; at + 32 <= dbf.headerLength && header[at] != 0x0D; at += 32) {
        DbfField field;
        field.rawName = QByteArray(dbf.data.constData() + at, 11);
        field.rawName.truncate(field.rawName.indexOf('\0') < 0 ? 11
                                                              : field.rawName.indexOf('\0'));
        field.type = static_cast<char>(header[at + 11]);
        field.length = header[at + 16];
        field.offset = offset;
        offset += field.length;
        textBytes += field.rawName;
        textBytes += '\n';
        dbf.fields.push_back(field);
    }
    if (offset + 1 > dbf.recordLength)
        return dbf;
    dbf.readable = true;

    // Only character fields hold text; numbers, dates and flags are ASCII by definition.
    const long long available =
        (dbf.data.size() - dbf.headerLength) / std::max(1, dbf.recordLength);
    const long long records = std::min(dbf.recordCount, available);
    for (long long r = 0; r < records; ++r) {
        const long long start = dbf.headerLength + r * dbf.recordLength;
        if (dbf.data.at(start) == '*')
            dbf.deletedRecords.push_back(r);
        for (std::size_t f = 0; f < dbf.fields.size(); ++f) {
            if (dbf.fields[f].type != 'C')
                continue;
            textBytes += dbf.rawText(r, static_cast<int>(f));
            textBytes += '\n';
        }
    }
    dbf.hasNonAscii = std::any_of(textBytes.begin(), textBytes.end(),
                                  [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    dbf.validUtf8 = isValidUtf8(textBytes);
    dbf.validGb18030 = isValidGb18030(textBytes);
    return dbf;
}

EncodingChoice chooseShapefileEncoding(const QString& shpPath, const DbfInspection& dbf)
{
    EncodingChoice choice;
    const QString base = QFileInfo(shpPath).completeBaseName();
    const QString dbfName = base + QStringLiteral(".dbf");

    QString declared;
    QString source;
    const QString cpgPath = findSidecar(shpPath, QStringLiteral("cpg"));
    if (!cpgPath.isEmpty()) {
        const QString cpgName = QFileInfo(cpgPath).fileName();
        const QByteArray content = readSmallFile(cpgPath, 4096).trimmed();
        declared = codecFromCpg(QString::fromLatin1(content));
        source = QStringLiteral("from %1").arg(cpgName);
        if (declared.isEmpty()) {
            const bool html = content.startsWith('<')
                              || content.toLower().contains("<html");
            choice.warnings << QStringLiteral("%1 is not a code page name%2; ignoring it")
                                   .arg(cpgName, html ? QStringLiteral(" (looks like HTML)")
                                                      : QString());
        }
    }
    if (declared.isEmpty()) {
        if (const char* codec = languageDriverCodec(dbf.languageDriver)) {
            declared = QString::fromLatin1(codec);
            source = QStringLiteral("from the DBF language driver id 0x%1")
                         .arg(QString::number(dbf.languageDriver, 16).toUpper().rightJustified(
                             2, QLatin1Char('0')));
        }
    }

    if (!dbf.hasNonAscii) {
        choice.codec = declared.isEmpty() ? QStringLiteral("UTF-8") : declared;
        choice.description =
            declared.isEmpty()
                ? QStringLiteral("ASCII text only (no encoding declared, none needed)")
                : QStringLiteral("%1, %2 (the text is ASCII only)")
                      .arg(describeCodec(declared), source);
        return choice;
    }
    const bool declaredUtf8 = declared == QLatin1String("UTF-8");
    if (!declared.isEmpty()) {
        const bool fits = declaredUtf8 ? dbf.validUtf8
                          : isGbkFamily(declared) ? dbf.validGb18030 && !dbf.validUtf8
                                                  : !dbf.validUtf8;
        if (fits) {
            choice.codec = isGbkFamily(declared) ? QStringLiteral("GB18030") : declared;
            choice.description = QStringLiteral("%1, %2").arg(describeCodec(declared), source);
            return choice;
        }
    }

    // No usable declaration, or the bytes contradict it: judge by the bytes.
    QString detected;
    QString why;
    if (dbf.validUtf8) {
        detected = QStringLiteral("UTF-8");
        why = QStringLiteral("the text is valid UTF-8");
    } else if (dbf.validGb18030) {
        detected = QStringLiteral("GB18030");
        why = QStringLiteral("the text is not valid UTF-8 but every string is valid GBK/GB18030");
    } else {
        detected = QStringLiteral("ISO-8859-1");
        why = QStringLiteral("the text is neither valid UTF-8 nor GBK; read byte by byte");
    }
    choice.codec = detected;
    if (declared.isEmpty()) {
        choice.description =
            QStringLiteral("%1, detected from the bytes (no .cpg or language byte): %2")
                .arg(describeCodec(detected), why);
        choice.warnings << QStringLiteral("%1 declares no encoding; %2, so it was read as %3")
                               .arg(dbfName, why, describeCodec(detected));
    } else {
        const QString contradiction =
            QStringLiteral("%1 declares %2 but %3 is not valid %2")
                .arg(source.mid(5), describeCodec(declared), dbfName);
        choice.description = QStringLiteral("%1, detected from the bytes: %2; %3")
                                 .arg(describeCodec(detected), contradiction, why);
        choice.warnings << QStringLiteral("%1; %2, so it was read as %3")
                               .arg(contradiction, why, describeCodec(detected));
    }
    return choice;
}

QString decodeText(const QByteArray& raw, const QString& codec)
{
    if (codec.isEmpty() || codec == QLatin1String("UTF-8"))
        return QString::fromUtf8(raw);
    if (codec == QLatin1String("ISO-8859-1"))
        return QString::fromLatin1(raw);
    char* recoded = CPLRecode(raw.constData(), codec.toLatin1().constData(), CPL_ENC_UTF8);
    QString text = QString::fromUtf8(recoded);
    CPLFree(recoded);
    return text;
}

} // namespace greenrenew::gis::detail
