#include "gis/import_report.h"

#include <QMap>

namespace greenrenew::gis {

namespace {

// A report with thousands of repairs stays readable: every count is given, but only the first
// issues of each layer are listed one by one.
constexpr int kIssuesListedPerLayer = 20;

} // namespace

QString ImportReport::toText() const
{
    QStringList lines;
    lines << QStringLiteral("Import report");
    if (!targetCrs.isEmpty())
        lines << QStringLiteral("Target CRS: %1").arg(targetCrs);
    for (const LayerImport& layer : layers) {
        lines << QStringLiteral("%1: layer \"%2\" of %3")
                     .arg(layer.role, layer.sourceLayer, layer.sourcePath);
        lines << QStringLiteral("  features read %1, repaired %2, skipped %3")
                     .arg(layer.read)
                     .arg(layer.repaired)
                     .arg(layer.skipped);
        if (!layer.encoding.isEmpty())
            lines << QStringLiteral("  encoding: %1").arg(layer.encoding);
        if (!layer.crsDescription.isEmpty())
            lines << QStringLiteral("  CRS: %1 (%2)").arg(layer.crsDescription, layer.crsReason);
    }

    QMap<QString, int> listed;
    QMap<QString, int> unlisted;
    QStringList issueLines;
    for (const ImportIssue& issue : issues) {
        int& count = listed[issue.layer];
        if (count >= kIssuesListedPerLayer) {
            ++unlisted[issue.layer];
            continue;
        }
        ++count;
        const QString feature = issue.featureId >= 0
                                    ? QStringLiteral(", feature %1").arg(issue.featureId)
                                    : QString();
        issueLines << QStringLiteral("  [%1] %2%3: %4")
                          .arg(issue.what, issue.layer, feature, issue.message);
    }
    if (!issueLines.isEmpty()) {
        lines << QStringLiteral("Issues (%1):").arg(issues.size());
        lines << issueLines;
        for (auto it = unlisted.begin(); it != unlisted.end(); ++it)
            lines << QStringLiteral("  ... and %1 more in %2").arg(it.value()).arg(it.key());
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace greenrenew::gis
