#pragma once

// Report sections beyond the cover, map and tables: the page of one renewal type (its figures
// against their limits, ratings and ledger, as a table and as charts), the contents page and
// the appendix of every parameter the run used, with its source.

#include "core/analysis.h"
#include "core/model.h"

#include <QString>

#include <cstddef>
#include <vector>

namespace greenrenew::render {

struct PageFrame;

/// Draws the page of renewal type TYPE from the parcels of that type the analysis covers.
void drawTypePage(const PageFrame& frame, const core::Project& project,
    const core::Analysis& analysis, core::RenewalType type);

struct ContentsEntry {
    QString title;
    int page = 0;
    bool sub = false; // indented under the entry before
};

/// Draws the contents: one line per entry with dot leaders to its page number.
void drawContents(const PageFrame& frame, const std::vector<ContentsEntry>& entries);

/// One item of the appendix: a parameter, a planning control, a life circle or a technique.
struct AppendixEntry {
    QString group; // "Parameters", "Planning controls", ...: a sub-heading when it changes
    QString name; // key or id
    QString value; // value and unit, year
    QString detail; // source, then the note
    bool unverified = false; // the note says the value is not verified against its source
};

/// Every parameter (key, value, unit, year, source, note), planning control, life circle and
/// technique in PROJECT's method configuration, in key order within each group.
std::vector<AppendixEntry> appendixEntries(const core::Project& project, const QString& language);

/// Splits ENTRIES into pages that each start at TOP of the content area: the index of the
/// first entry of every page (at least one page, even when there are no entries).
std::vector<std::size_t> paginateAppendix(
    const PageFrame& frame, const std::vector<AppendixEntry>& entries, double top);

/// Draws entries FIRST..LAST-1 from Y; returns the y below them.
double drawAppendix(const PageFrame& frame, const std::vector<AppendixEntry>& entries,
    std::size_t first, std::size_t last, double y);

} // namespace greenrenew::render
