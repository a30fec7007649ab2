#pragma once

// Which text encoding a shapefile's attribute table is in. GDAL trusts the .cpg and the DBF
// language byte blindly (a .cpg saying UTF-8 over GBK bytes passes invalid UTF-8 through), so
// the importer opens shapefiles without recoding, reads the .dbf bytes itself and decides:
// a declaration is honoured when the bytes fit it, otherwise UTF-8 versus GBK/GB18030 is told
// apart from the bytes. Internal to gis.

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

namespace greenrenew::gis::detail {

struct DbfField {
    QByteArray rawName;
    char type = 'C';
    int offset = 0;  // from the start of the record, after the deletion flag
    int length = 0;
};

/// The .dbf as bytes: header, field layout, deletion flags and what its text bytes fit.
struct DbfInspection {
    bool readable = false;
    unsigned char languageDriver = 0;
    long long recordCount = 0;
    int headerLength = 0;
    int recordLength = 0;
    std::vector<DbfField> fields;
    QByteArray data;        // the file, or its first part when it is very large
    std::vector<long long> deletedRecords;  // 0-based record numbers
    bool hasNonAscii = false;
    bool validUtf8 = true;
    bool validGb18030 = true;

    /// The raw, blank-trimmed bytes of FIELD in RECORD; empty when not in the bytes read.
    QByteArray rawText(long long record, int field) const;
};

/// Reads DBFPATH (any GDAL virtual path, /vsizip/ too); unreadable when absent or damaged.
DbfInspection inspectDbf(const QString& dbfPath);

/// The sidecar of PATH with suffix SUFFIX ("cpg", "prj", "dbf") in any letter case; empty
/// when there is none.
QString findSidecar(const QString& path, const QString& suffix);

/// The first LIMIT bytes of a (virtual) file; empty when unreadable.
QByteArray readSmallFile(const QString& path, int limit);

struct EncodingChoice {
    QString codec;        // name for CPLRecode, "UTF-8" when no recoding is needed
    QString description;  // "CP936 (GBK), from the DBF language driver id 0x4D"
    QStringList warnings;
};

/// Decides the encoding of SHPPATH's attribute table from its .cpg, DBF and their bytes.
EncodingChoice chooseShapefileEncoding(const QString& shpPath, const DbfInspection& dbf);

/// RAW decoded with CODEC (a CPLRecode name or "UTF-8").
QString decodeText(const QByteArray& raw, const QString& codec);

/// True when BYTES is well-formed UTF-8 (no overlong forms, no surrogates).
bool isValidUtf8(const QByteArray& bytes);

/// True when BYTES is well-formed GB18030 (which contains GBK and GB2312).
bool isValidGb18030(const QByteArray& bytes);

} // namespace greenrenew::gis::detail
