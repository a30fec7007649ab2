#pragma once

// The renewal report as a PDF: cover, overview map, parcel table, a summary per renewal type.

#include "core/analysis.h"
#include "core/model.h"
#include "core/result.h"

#include <QDate>
#include <QString>

#include <vector>

namespace greenrenew::render {

struct ReportOptions {
    QString title; // empty: a default title in the language
    QString language = QStringLiteral("zh"); // "zh" or "en"
    QString district; // district name on the cover; empty: omitted
    QDate date; // date on the cover; invalid: today
    /// Adds one atlas page per parcel after the table: its map, figures, gaps, ratings and
    /// interventions.
    bool parcelPages = false;
    /// The parcels (indices into project.parcels) that get an atlas page; empty: all.
    std::vector<int> pageParcels;
};

/// Writes the report as an A4 portrait PDF (300 dpi): cover, overview map, method in brief with
/// a summary per renewal type, the parcel table (headers repeated on every page), page numbers.
/// Every text from the data set is drawn as plain text. Returns the number of pages written.
/// The file is replaced only once the whole report has been written.
core::Result<int> writeReportPdf(const QString& path, const core::Project& project,
    const core::Analysis& analysis, const ReportOptions& options);

} // namespace greenrenew::render
