#include "ui/import_report_view.h"

#include <QHeaderView>
#include <QLocale>

namespace greenrenew::ui {

namespace {
enum Column { What, Read, Repaired, Skipped, Detail, ColumnCount };
} // namespace

ImportReportView::ImportReportView(QWidget* parent) : QTreeWidget(parent)
{
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Layer / issue"), tr("Read"), tr("Repaired"), tr("Skipped"),
                     tr("Details")});
    setRootIsDecorated(true);
    setAlternatingRowColors(true);
    setUniformRowHeights(true);
    header()->setStretchLastSection(true);
}

void ImportReportView::clearReport()
{
    clear();
}

void ImportReportView::setReport(const gis::ImportReport& report)
{
    clear();
    const QLocale locale;
    for (const gis::LayerImport& layer : report.layers) {
        auto* item = new QTreeWidgetItem(this);
        item->setText(What, layer.role);
        item->setText(Read, locale.toString(layer.read));
        item->setText(Repaired, locale.toString(layer.repaired));
        item->setText(Skipped, locale.toString(layer.skipped));
        const QString source = layer.sourceLayer.isEmpty()
            ? layer.sourcePath
            : QStringLiteral("%1 (%2)").arg(layer.sourcePath, layer.sourceLayer);
        item->setText(Detail, source);
        for (const gis::ImportIssue& issue : report.issues) {
            if (issue.layer != layer.role && issue.layer != layer.sourceLayer)
                continue;
            auto* child = new QTreeWidgetItem(item);
            child->setText(What, issue.featureId >= 0
                                     ? tr("%1, feature %2").arg(issue.what).arg(issue.featureId)
                                     : issue.what);
            child->setText(Detail, issue.message);
            child->setToolTip(Detail, issue.message);
        }
        if (!layer.encoding.isEmpty()) {
            auto* child = new QTreeWidgetItem(item);
            child->setText(What, tr("encoding"));
            child->setText(Detail, layer.encoding);
        }
        if (!layer.crsDescription.isEmpty()) {
            auto* child = new QTreeWidgetItem(item);
            child->setText(What, tr("CRS"));
            child->setText(Detail, layer.crsReason.isEmpty()
                                       ? layer.crsDescription
                                       : QStringLiteral("%1 – %2").arg(layer.crsDescription,
                                                                       layer.crsReason));
            child->setToolTip(Detail, child->text(Detail));
        }
        // Layers with something to look at open by themselves.
        item->setExpanded(layer.repaired + layer.skipped > 0);
    }
    // Issues that name no layer read above still belong somewhere.
    QTreeWidgetItem* other = nullptr;
    for (const gis::ImportIssue& issue : report.issues) {
        bool placed = false;
        for (const gis::LayerImport& layer : report.layers)
            placed = placed || issue.layer == layer.role || issue.layer == layer.sourceLayer;
        if (placed)
            continue;
        if (!other) {
            other = new QTreeWidgetItem(this);
            other->setText(What, tr("Other"));
            other->setExpanded(true);
        }
        auto* child = new QTreeWidgetItem(other);
        child->setText(What, issue.layer.isEmpty() ? issue.what
                                                   : QStringLiteral("%1: %2").arg(issue.layer,
                                                                                  issue.what));
        child->setText(Detail, issue.message);
        child->setToolTip(Detail, issue.message);
    }
    if (!report.targetCrs.isEmpty()) {
        auto* item = new QTreeWidgetItem(this);
        item->setText(What, tr("Project CRS"));
        item->setText(Detail, report.targetCrs);
        item->setToolTip(Detail, report.targetCrs);
    }
    resizeColumnToContents(What);
}

} // namespace greenrenew::ui
