#pragma once

// The renewal report as a PDF: cover, contents, overview map, method with a summary per renewal
// type, a page per renewal type (table and charts), the parcel table, atlas pages and the
// appendix of every parameter used with its source.

#include "core/analysis.h"
#include "core/model.h"
#include "core/result.h"
#include "core/scenario.h"

#include <QDate>
#include <QString>

#include <optional>
#include <vector>

class QPagedPaintDevice;

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
    /// Only the parcels of this renewal type (table, type pages, atlas); none: all parcels.
    std::optional<core::RenewalType> renewalType;
    /// Scenarios evaluated on the whole district: one page each in the section "Scenarios and
    /// implementation plan" before the appendix; none: no such section.
    std::vector<core::ScenarioEvaluation> scenarios;
    /// Adds the page "Renewal priorities and demonstration" (weights, suggested demonstration,
    /// ranking) before the scenarios. Left out of a report for one renewal type, whose parcels
    /// are ranked and clustered with the whole district's.
    bool priorities = true;
};

/// Writes the report as an A4 portrait PDF (300 dpi): cover, contents (with page numbers),
/// overview map, method in brief with a summary per renewal type, one page per renewal type
/// that has parcels (figures against limits, ledger and ratings as a table and charts), the
/// parcel table (headers repeated on every page), atlas pages, the page of renewal priorities
/// and the suggested demonstration, the scenarios, and the appendix of sources and
/// factors (every parameter with value, unit, year, source and note; unverified ones marked).
/// Every text from the data set is drawn as plain text. Returns the number of pages written.
/// The file is replaced only once the whole report has been written.
core::Result<int> writeReportPdf(const QString& path, const core::Project& project,
    const core::Analysis& analysis, const ReportOptions& options);

/// Draws the report's pages onto DEVICE (a QPrinter, a QPdfWriter), as writeReportPdf does:
/// the device's page size and resolution are used as they are (the layout is made for A4
/// portrait without margins). Returns the number of pages drawn.
core::Result<int> paintReport(QPagedPaintDevice& device, const core::Project& project,
    const core::Analysis& analysis, const ReportOptions& options);

/// Writes one report per renewal type that has parcels into DIRECTORY, named
/// "<BASENAME>_<type>.pdf" (type as renewalTypeName); OPTIONS.renewalType is ignored. Returns
/// the paths written.
core::Result<std::vector<QString>> writeReportPdfPerType(const QString& directory,
    const QString& baseName, const core::Project& project, const core::Analysis& analysis,
    const ReportOptions& options);

} // namespace greenrenew::render
