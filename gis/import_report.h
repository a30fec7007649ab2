#pragma once

// What an import did: per layer, features read, repaired, skipped (with reasons and ids), and
// the encoding and CRS chosen with why. Shown on the desktop and written by the batch command.

#include <QString>
#include <QStringList>
#include <vector>

namespace greenrenew::gis {

struct ImportIssue {
    QString layer;
    long long featureId = -1;  // -1 when the issue concerns the whole layer
    QString what;              // "repaired", "skipped", "warning"
    QString message;
};

struct LayerImport {
    QString role;        // parcels, buildings, green, streets, facilities
    QString sourcePath;
    QString sourceLayer;
    QString encoding;
    QString crsDescription;
    QString crsReason;
    long long read = 0;
    long long repaired = 0;
    long long skipped = 0;
};

struct ImportReport {
    std::vector<LayerImport> layers;
    std::vector<ImportIssue> issues;
    QString targetCrs;

    QString toText() const;
};

} // namespace greenrenew::gis
