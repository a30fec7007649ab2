#pragma once

// The import report dock: per layer what was read, repaired and skipped, the encoding and the
// CRS chosen with why, and every issue with the feature it concerns.

#include "gis/import_report.h"

#include <QTreeWidget>

namespace greenrenew::ui {

class ImportReportView : public QTreeWidget {
    Q_OBJECT

public:
    explicit ImportReportView(QWidget* parent = nullptr);

    void setReport(const gis::ImportReport& report);
    void clearReport();
};

} // namespace greenrenew::ui
