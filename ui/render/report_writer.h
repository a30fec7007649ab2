#pragma once

// The renewal report as a PDF: cover, overview map, parcel table, a summary per renewal type.

#include "core/analysis.h"
#include "core/model.h"
#include "core/result.h"

#include <QString>

namespace greenrenew::render {

struct ReportOptions {
    QString title;
    QString language = QStringLiteral("zh");  // "zh" or "en"
};

core::Result<int> writeReportPdf(const QString& path, const core::Project& project,
                                 const core::Analysis& analysis, const ReportOptions& options);

} // namespace greenrenew::render
