#pragma once

// Charts on report pages, drawn with QPainter so they come out as vector graphics with
// selectable labels: horizontal bars against a limit, signed bars around zero, and stacked
// bars of counts. Labels are data: drawn as plain single lines, cut with an ellipsis.

#include "core/carbon_method.h"

#include <QColor>
#include <QRectF>
#include <QString>

#include <optional>
#include <vector>

namespace greenrenew::render {

struct PageFrame;

struct ChartBar {
    QString label;
    double value = 0;
    QColor color;
    std::optional<double> limit; // drawn as a marker across the bar's row
    QString valueText; // printed at the bar's end; empty: the value with one decimal
};

struct StackedRow {
    QString label;
    std::vector<int> counts; // one per series
};

struct ChartSeries {
    QString name;
    QColor color;
};

/// Colour of a rating on every chart: serious red, medium amber, slight green, grey else.
QColor ratingColor(core::Rating rating);

/// Colour of a bar showing VALUE against LIMIT (a BOUND): the rating core::rateAgainstLimit
/// gives it with the method's medium margin (rating.medium_margin, a share of the limit, in
/// resources/method/carbon.json): beyond the limit red, within the margin of it amber, with
/// more room green.
QColor limitShareColor(double value, double limit, core::LimitBound bound, double mediumMargin);

/// Horizontal bars from zero (negative values run left) in RECT with TITLE above; a limit
/// shows as a dark tick. Returns the y below the chart.
double drawBarChart(const PageFrame& frame, const QRectF& rect, const QString& title,
    const std::vector<ChartBar>& bars);

/// One bar per row, split into SERIES by count, with a legend under the title. Returns the y
/// below the chart.
double drawStackedChart(const PageFrame& frame, const QRectF& rect, const QString& title,
    const std::vector<ChartSeries>& series, const std::vector<StackedRow>& rows);

} // namespace greenrenew::render
