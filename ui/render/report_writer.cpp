#include "ui/render/report_writer.h"

#include "ui/render/map_decorations.h"
#include "ui/render/map_labels.h"
#include "ui/render/map_renderer.h"
#include "ui/render/report_page.h"
#include "ui/render/report_priorities.h"
#include "ui/render/report_scenarios.h"
#include "ui/render/report_sections.h"
#include "ui/render/report_summary.h"
#include "ui/render/report_table.h"
#include "ui/render/theme.h"

#include <QDir>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace greenrenew::render {

namespace {

constexpr int kResolutionDpi = 300;
constexpr double kMarginMm = 18;
const QColor kAccent(0x1F, 0x4E, 0x79);

QString number(double value, int decimals) { return QString::number(value, 'f', decimals); }

QString percent(double share) { return QString::number(share * 100, 'f', 1) + QStringLiteral("%"); }

/// "5min" -> "5": the column header lists the minutes once.
QString circleShortName(const std::string& id)
{
    QString name = QString::fromStdString(id);
    if (name.endsWith(QStringLiteral("min")))
        name.chop(3);
    return name;
}

class ReportComposer {
public:
    ReportComposer(QPagedPaintDevice& writer, const core::Project& project,
        const core::Analysis& analysis, const ReportOptions& options)
        : m_writer(writer)
        , m_project(project)
        , m_analysis(analysis)
        , m_options(options)
        , m_lang(options.language)
        , m_circles(circleIds(project))
    {
        m_title = options.title.isEmpty() ? pick(m_lang, QStringLiteral("绿色低碳微更新评估报告"),
                      QStringLiteral("Green Low-Carbon Micro-Renewal Report"))
                                          : options.title;
    }

    /// Draws every page; returns the page count.
    int compose(QPainter& painter)
    {
        m_painter = &painter;
        m_page = QRectF(0, 0, m_writer.width(), m_writer.height());
        m_content
            = m_page.adjusted(mm(kMarginMm), mm(kMarginMm), -mm(kMarginMm), -mm(kMarginMm + 4));
        m_table = std::make_unique<PageTable>(
            m_content.left(), m_content.width(), parcelColumns(), pageFont(7.5), &m_writer);
        m_frame = std::make_unique<PageFrame>(PageFrame { painter, m_writer, m_content, m_lang });
        const int tablePages = parcelTablePageCount();
        const std::vector<std::size_t> atlas = atlasParcels();
        const std::vector<core::RenewalType> types = typesWithParcels();
        const std::vector<AppendixEntry> appendix = appendixEntries(m_project, m_lang);
        const std::vector<std::size_t> appendixStarts
            = paginateAppendix(*m_frame, appendix, tableTop());

        // The page of every section is known before drawing, so the contents can list it.
        std::vector<ContentsEntry> contents = { { tr("总览图", "Overview map"), 3 },
            { tr("方法简述与汇总", "Method in brief and summary"), 4 } };
        int next = 5;
        if (!types.empty())
            contents.push_back({ tr("按更新类型", "By renewal type"), next });
        for (core::RenewalType type : types)
            contents.push_back({ renewalTypeLabel(type, m_lang), next++, true });
        contents.push_back({ tr("地块一览", "Parcel table"), next });
        next += tablePages;
        if (!atlas.empty()) {
            contents.push_back({ tr("地块图册", "Parcel atlas"), next });
            for (std::size_t index : atlas)
                next += parcelPageCount(*m_frame, m_project, m_analysis, index);
        }
        const bool priorityPage = m_options.priorities && priorityPageAvailable(m_project);
        if (priorityPage)
            contents.push_back({ prioritySectionTitle(m_lang), next++ });
        if (!m_options.scenarios.empty())
            contents.push_back({ scenarioSectionTitle(m_lang), next });
        for (const core::ScenarioEvaluation& scenario : m_options.scenarios)
            contents.push_back({ QString::fromStdString(scenario.name), next++, true });
        contents.push_back({ tr("附录：来源与系数", "Appendix: sources and factors"), next });
        m_totalPages = next - 1 + static_cast<int>(appendixStarts.size());

        coverPage();
        startPage();
        drawContents(*m_frame, contents);
        mapPage();
        methodPage();
        for (core::RenewalType type : types) {
            startPage();
            drawTypePage(*m_frame, m_project, m_analysis, type);
        }
        parcelTablePages(tablePages);
        for (std::size_t index : atlas) {
            startPage();
            drawParcelPage(*m_frame, m_project, m_analysis, index, [this] { startPage(); });
        }
        if (priorityPage) {
            startPage();
            drawPriorityPage(*m_frame, m_project, m_analysis);
        }
        for (std::size_t i = 0; i < m_options.scenarios.size(); ++i) {
            startPage();
            drawScenarioPage(*m_frame, m_options.scenarios[i], i == 0);
        }
        for (std::size_t page = 0; page < appendixStarts.size(); ++page) {
            startPage();
            QString title = tr("附录：来源与系数", "Appendix: sources and factors");
            if (appendixStarts.size() > 1)
                title += QStringLiteral(" (%1/%2)").arg(page + 1).arg(appendixStarts.size());
            heading(title, m_content.top());
            const std::size_t last
                = page + 1 < appendixStarts.size() ? appendixStarts[page + 1] : appendix.size();
            drawAppendix(*m_frame, appendix, appendixStarts[page], last, tableTop());
        }
        return m_pageNumber;
    }

private:
    double mm(double value) const { return value / 25.4 * m_writer.logicalDpiY(); }
    /// Metrics on the page device: point sizes there are at its resolution, not the screen's.
    QFontMetricsF metricsOf(const QFont& font) const { return QFontMetricsF(font, &m_writer); }
    QString tr(const char* zh, const char* en) const
    {
        return pick(m_lang, QString::fromUtf8(zh), QString::fromUtf8(en));
    }

    void startPage()
    {
        if (m_pageNumber > 0)
            m_writer.newPage();
        ++m_pageNumber;
        drawFooter();
    }

    void drawFooter()
    {
        QPainter& p = *m_painter;
        const QFont font = pageFont(8);
        const QFontMetricsF metrics = metricsOf(font);
        const double y = m_page.bottom() - mm(kMarginMm);
        p.save();
        p.setPen(QPen(QColor(0xA0, 0xA0, 0xA0), mm(0.2)));
        p.drawLine(QPointF(m_content.left(), y), QPointF(m_content.right(), y));
        p.setFont(font);
        p.setPen(QColor(0x50, 0x50, 0x50));
        const QString pageText = isEnglish(m_lang)
            ? QStringLiteral("Page %1 of %2").arg(m_pageNumber).arg(m_totalPages)
            : QStringLiteral("第 %1 页 / 共 %2 页").arg(m_pageNumber).arg(m_totalPages);
        const QRectF line(m_content.left(), y + mm(1.5), m_content.width(), metrics.height());
        const QString title = metrics.elidedText(m_title, Qt::ElideRight, line.width() * 0.7);
        p.drawText(line, Qt::AlignLeft | Qt::TextSingleLine, title);
        p.drawText(line, Qt::AlignRight | Qt::TextSingleLine, pageText);
        p.restore();
    }

    double heading(const QString& text, double y) { return drawHeading(*m_frame, text, y); }
    double paragraph(const QString& text, double y, const QFont& font)
    {
        return drawParagraph(*m_frame, text, y, font);
    }

    void coverPage()
    {
        startPage();
        QPainter& p = *m_painter;
        double y = m_content.top() + mm(55);

        p.save();
        p.fillRect(QRectF(m_content.left(), y - mm(8), mm(30), mm(2.5)), kAccent);
        p.setPen(Qt::black);
        p.setFont(pageFont(24, true));
        QRectF used;
        p.drawText(QRectF(m_content.left(), y, m_content.width(), mm(60)),
            Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, m_title, &used);
        y += used.height() + mm(12);

        const QFont labelFont = pageFont(11, true);
        const QFont valueFont = pageFont(11);
        const double lineHeight = metricsOf(valueFont).height() * 1.6;
        const double labelWidth = mm(42);
        const std::vector<TypeSummary> byType = summarizeByType(m_project, m_analysis);
        const TypeSummary all = summarizeAll(byType);
        const QDate date = m_options.date.isValid() ? m_options.date : QDate::currentDate();
        std::vector<std::pair<QString, QString>> rows;
        if (!m_options.district.isEmpty())
            rows.push_back({ tr("区域", "District"), m_options.district });
        rows.push_back({ tr("日期", "Date"), date.toString(Qt::ISODate) });
        rows.push_back({ tr("坐标系", "CRS"), QString::fromStdString(m_project.crsName) });
        rows.push_back({ tr("地块", "Parcels"), QString::number(m_project.parcels.size()) });
        rows.push_back(
            { tr("总面积", "Total area"), number(all.areaM2 / 10000, 2) + QStringLiteral(" ha") });
        for (const auto& [label, value] : rows) {
            p.setFont(labelFont);
            p.drawText(QRectF(m_content.left(), y, labelWidth, lineHeight),
                Qt::AlignLeft | Qt::TextSingleLine, label);
            p.setFont(valueFont);
            const QRectF valueRect(
                m_content.left() + labelWidth, y, m_content.width() - labelWidth, lineHeight);
            p.drawText(valueRect, Qt::AlignLeft | Qt::TextSingleLine,
                metricsOf(valueFont).elidedText(value, Qt::ElideRight, valueRect.width()));
            y += lineHeight;
        }

        p.setFont(labelFont);
        p.drawText(QRectF(m_content.left(), y, labelWidth, lineHeight),
            Qt::AlignLeft | Qt::TextSingleLine, tr("数据来源", "Data"));
        p.setFont(valueFont);
        p.drawText(QRectF(m_content.left() + labelWidth, y, m_content.width() - labelWidth, mm(40)),
            Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
            QString::fromStdString(m_project.attribution));

        p.setFont(pageFont(9));
        p.setPen(QColor(0x60, 0x60, 0x60));
        p.drawText(QRectF(m_content.left(), m_content.bottom() - mm(20), m_content.width(), mm(12)),
            Qt::AlignLeft | Qt::AlignBottom | Qt::TextWordWrap,
            tr("GreenRenew 生成。图表中的数值取自所附数据与方法参数。",
                "Produced by GreenRenew. Figures come from the data set and the method "
                "parameters listed in the method resources."));
        p.restore();
    }

    void mapPage()
    {
        startPage();
        double y = heading(
            tr("总览图：各地块主导碳源", "Overview map: leading carbon source"), m_content.top());
        const double height = std::min(m_content.bottom() - y - mm(14), m_content.width() * 1.25);
        MapOptions options;
        options.language = m_lang;
        options.symbolScale = mm(kSymbolUnitMm);
        // The legend beside or under the map, never over the parcels (issue 10: it hid the
        // north-west of the sample).
        options.legend = false;
        const MapLegend legend = mapLegend(m_project, m_analysis, options);
        const MapBesideLegend layout
            = placeLegendOutside(QRectF(m_content.left(), y, m_content.width(), height),
                mapExtent(m_project), legendSize(options.symbolScale, legend.title,
                    legend.entries), mm(4));
        const QRectF& mapRect = layout.map;
        drawMap(*m_painter, mapRect, m_project, m_analysis, options);
        m_painter->save();
        m_painter->setPen(QPen(QColor(0x40, 0x40, 0x40), mm(0.3)));
        m_painter->setBrush(Qt::NoBrush);
        m_painter->drawRect(mapRect);
        m_painter->restore();
        drawLegendAt(*m_painter, layout.legend.topLeft(), options.symbolScale, legend.title,
            legend.entries);

        paragraph(tr("地块按主导碳源类别着色；灰色为建筑轮廓，浅绿色为绿地，圆点为服务设施。",
                      "Parcels are coloured by their leading carbon-source category; grey shows "
                      "building footprints, light green the green spaces, dots the facilities."),
            std::max(mapRect.bottom(), layout.legend.bottom()) + mm(3), pageFont(9));
    }

    QString methodText() const
    {
        QStringList circles;
        for (const core::LifeCircle& circle : m_project.config.lifeCircles)
            circles << QStringLiteral("%1 (%2 m)")
                           .arg(QString::fromStdString(circle.id))
                           .arg(circle.radiusM, 0, 'f', 0);
        const QString circleList = circles.isEmpty() ? QStringLiteral("5/10/15 min")
                                                     : circles.join(QStringLiteral(", "));
        if (isEnglish(m_lang))
            return QStringLiteral(
                "All layers are brought into one projected CRS in metres. For every "
                "parcel, building density is the footprint area inside the parcel over "
                "the parcel area, the floor area ratio (FAR) is the floor area (footprint "
                "times floors) over the parcel area, and green coverage is the green "
                "area inside the parcel over the parcel area; they are held against the "
                "planning controls of the parcel's renewal type. Walking life circles "
                "(%1) are measured along the walkable streets to the nearest facility of "
                "each required type; a gap is a required type not reached within the "
                "circle. The carbon-source sorting rates the method's 13 indices in four "
                "categories (construction, transport, greening, waste), books a carbon "
                "ledger in tCO2e per year (greening negative where it is a net sink) and "
                "names the leading category of each parcel, which colours the map. Every "
                "factor and threshold comes from the method resources with its source.")
                .arg(circleList);
        return QStringLiteral(
            "所有图层统一到以米为单位的投影坐标系。对每个地块：建筑密度为地块内建筑基底面积"
            "与地块面积之比；容积率为建筑面积（基底面积乘层数）与地块面积之比；绿地率为地块"
            "内绿地面积与地块面积之比，并与该地块更新类型的规划控制指标比较。步行生活圈"
            "（%1）沿可步行街道计算到各类必需设施的最近距离；生活圈内未能到达的必需设施类型"
            "计为缺口。碳源分类按方法的 13 项指标分建设、交通、绿化、废弃物四类评级，建立以"
            "吨二氧化碳当量/年计的碳账（绿化为净碳汇时为负值），并确定各地块的主导碳源类别，"
            "用于地图着色。所有系数与阈值及其出处均来自方法参数文件。")
            .arg(circleList);
    }

    void methodPage()
    {
        startPage();
        double y = heading(tr("方法简述", "Method in brief"), m_content.top());
        y = paragraph(methodText(), y, pageFont(10));
        const QString walk = walkMethodStatement(m_project, m_lang);
        if (!walk.isEmpty()) {
            y = heading(tr("步行测算方式", "How the walk was measured"), y + mm(4));
            y = paragraph(walk, y, pageFont(10));
        }

        y = heading(tr("按更新类型汇总", "Summary by renewal type"), y + mm(6));
        const std::vector<TypeSummary> byType = summarizeByType(m_project, m_analysis);
        const TypeSummary all = summarizeAll(byType);
        y = formSummaryTable(byType, all, y);
        carbonSummaryTable(byType, all, y + mm(8));
    }

    double formSummaryTable(
        const std::vector<TypeSummary>& byType, const TypeSummary& all, double y)
    {
        const Qt::Alignment right = Qt::AlignRight;
        const PageTable table(m_content.left(), m_content.width(),
            { { tr("更新类型", "Renewal type"), 2.4 }, { tr("地块数", "Parcels"), 1, right },
                { tr("面积 (公顷)", "Area (ha)"), 1.2, right },
                { tr("建筑密度", "Building density"), 1.2, right },
                { tr("容积率", "FAR"), 1, right }, { tr("绿地率", "Green coverage"), 1.2, right } },
            pageFont(9), &m_writer);
        y = table.drawHeader(*m_painter, y);
        auto cells = [&](const QString& name, const TypeSummary& s) {
            return std::vector<TableCell> { { name }, { QString::number(s.parcelCount) },
                { number(s.areaM2 / 10000, 2) }, { percent(s.buildingDensity) },
                { number(s.far, 2) }, { percent(s.greenCoverage) } };
        };
        bool shaded = false;
        for (const TypeSummary& s : byType) {
            y = table.drawRow(*m_painter, y, cells(renewalTypeLabel(s.type, m_lang), s), shaded);
            shaded = !shaded;
        }
        return table.drawRow(*m_painter, y, cells(tr("合计", "All parcels"), all), false, true);
    }

    void carbonSummaryTable(
        const std::vector<TypeSummary>& byType, const TypeSummary& all, double y)
    {
        QPainter& p = *m_painter;
        p.save();
        p.setFont(pageFont(9));
        p.drawText(QRectF(m_content.left(), y, m_content.width(), mm(6)),
            Qt::AlignLeft | Qt::TextSingleLine,
            tr("碳账（吨二氧化碳当量/年，负值为碳汇）",
                "Carbon ledger (tCO2e per year; negative values are sinks)"));
        p.restore();
        y += mm(7);

        const Qt::Alignment right = Qt::AlignRight;
        std::vector<TableColumn> columns = { { tr("更新类型", "Renewal type"), 2.4 } };
        for (core::Category category : kAllCategories)
            columns.push_back({ categoryLabel(category, m_lang), 1.3, right });
        columns.push_back({ tr("合计", "Total"), 1.2, right });
        const PageTable table(m_content.left(), m_content.width(), columns, pageFont(9), &m_writer);
        y = table.drawHeader(p, y);

        auto cells = [&](const QString& name, const TypeSummary& s) {
            std::vector<TableCell> row = { { name } };
            for (core::Category category : kAllCategories)
                row.push_back({ number(ledgerAmount(s.ledger, category), 1) });
            row.push_back({ number(s.ledger.totalT(), 1) });
            return row;
        };
        bool shaded = false;
        for (const TypeSummary& s : byType) {
            y = table.drawRow(p, y, cells(renewalTypeLabel(s.type, m_lang), s), shaded);
            shaded = !shaded;
        }
        table.drawRow(p, y, cells(tr("合计", "All parcels"), all), false, true);
    }

    std::vector<TableColumn> parcelColumns() const
    {
        QStringList minutes;
        for (const std::string& id : m_circles)
            minutes << circleShortName(id);
        const QString gaps
            = tr("设施缺口 ", "Gaps ") + minutes.join(QLatin1Char('/')) + tr(" 分钟", " min");
        const Qt::Alignment right = Qt::AlignRight;
        // Widths fit the longest English renewal type, a name of 17 Latin characters and most
        // of the longest leading-source label; longer texts are cut with an ellipsis.
        return { { QStringLiteral("ID"), 0.6 }, { tr("名称", "Name"), 2.0 },
            { tr("更新类型", "Renewal type"), 1.9 }, { tr("面积 m²", "Area m²"), 0.9, right },
            { tr("建筑密度", "Density"), 0.9, right }, { tr("容积率", "FAR"), 0.7, right },
            { tr("绿地率", "Green"), 0.8, right }, { gaps, 1.2, Qt::AlignHCenter },
            { tr("主导碳源", "Leading source"), 2.4 },
            { tr("碳排放 tCO2e/年", "tCO2e per year"), 1.1, right } };
    }

    std::vector<TableCell> parcelCells(std::size_t index) const
    {
        const core::Parcel& parcel = m_project.parcels[index];
        std::vector<TableCell> cells = { { QString::number(parcel.id) },
            { QString::fromStdString(parcel.name) }, { renewalTypeLabel(parcel.type, m_lang) } };
        if (index >= m_analysis.parcels.size()) {
            cells.push_back({ tr("未分析", "not analysed") });
            return cells;
        }
        const core::ParcelResult& result = m_analysis.parcels[index];
        QStringList gaps;
        for (const std::string& circle : m_circles)
            gaps << QString::number(gapCount(result.walk, circle));
        const core::Category leading = result.carbon.leading;
        cells.push_back({ number(result.form.areaM2, 0) });
        cells.push_back({ percent(result.form.buildingDensity) });
        cells.push_back({ number(result.form.far, 2) });
        cells.push_back({ percent(result.form.greenCoverage) });
        cells.push_back({ gaps.join(QLatin1Char('/')) });
        cells.push_back({ categoryLabel(leading, m_lang), categoryColor(leading) });
        cells.push_back({ number(result.carbon.ledger.totalT(), 1) });
        return cells;
    }

    /// Renewal types with at least one analysed parcel, in the method's order.
    std::vector<core::RenewalType> typesWithParcels() const
    {
        std::vector<core::RenewalType> types;
        for (const TypeSummary& summary : summarizeByType(m_project, m_analysis)) {
            if (summary.parcelCount > 0)
                types.push_back(summary.type);
        }
        return types;
    }

    /// The parcels that get an atlas page, invalid indices left out.
    std::vector<std::size_t> atlasParcels() const
    {
        std::vector<std::size_t> indices;
        if (!m_options.parcelPages)
            return indices;
        const int count = static_cast<int>(m_project.parcels.size());
        if (m_options.pageParcels.empty()) {
            for (int i = 0; i < count; ++i)
                indices.push_back(static_cast<std::size_t>(i));
        }
        for (int index : m_options.pageParcels) {
            if (index >= 0 && index < count)
                indices.push_back(static_cast<std::size_t>(index));
        }
        return indices;
    }

    double tableTop() const
    {
        return m_content.top() + metricsOf(pageFont(15, true)).height() + mm(5);
    }

    int rowsPerTablePage() const
    {
        const double rows
            = (m_content.bottom() - tableTop() - m_table->headerHeight()) / m_table->rowHeight();
        return std::max(1, static_cast<int>(std::floor(rows)));
    }

    int parcelTablePageCount() const
    {
        const int count = static_cast<int>(m_project.parcels.size());
        const int perPage = rowsPerTablePage();
        return std::max(1, (count + perPage - 1) / perPage);
    }

    void parcelTablePages(int pageCount)
    {
        const int perPage = rowsPerTablePage();
        const std::size_t count = m_project.parcels.size();
        for (int page = 0; page < pageCount; ++page) {
            startPage();
            QString title = tr("地块一览", "Parcel table");
            if (pageCount > 1)
                title += QStringLiteral(" (%1/%2)").arg(page + 1).arg(pageCount);
            heading(title, m_content.top());
            double y = m_table->drawHeader(*m_painter, tableTop());
            const std::size_t first = static_cast<std::size_t>(page) * perPage;
            const std::size_t last = std::min(count, first + perPage);
            for (std::size_t i = first; i < last; ++i)
                y = m_table->drawRow(*m_painter, y, parcelCells(i), (i - first) % 2 == 1);
        }
    }

    QPagedPaintDevice& m_writer;
    const core::Project& m_project;
    const core::Analysis& m_analysis;
    const ReportOptions& m_options;
    QString m_lang;
    QString m_title;
    std::vector<std::string> m_circles;
    QPainter* m_painter = nullptr;
    QRectF m_page;
    QRectF m_content;
    std::unique_ptr<PageTable> m_table;
    std::unique_ptr<PageFrame> m_frame;
    int m_pageNumber = 0;
    int m_totalPages = 0;
};

core::Error writeError(const QString& path, const QString& message)
{
    core::Error error;
    error.kind = core::ErrorKind::BadInput;
    error.operation = "write report";
    error.path = path.toStdString();
    error.message = message.toStdString();
    return error;
}

/// The parcels of TYPE with their results, in project order.
std::pair<core::Project, core::Analysis> parcelsOfType(
    const core::Project& project, const core::Analysis& analysis, core::RenewalType type)
{
    core::Project subset = project;
    core::Analysis results = analysis;
    subset.parcels.clear();
    results.parcels.clear();
    for (std::size_t i = 0; i < project.parcels.size(); ++i) {
        if (project.parcels[i].type != type)
            continue;
        subset.parcels.push_back(project.parcels[i]);
        if (i < analysis.parcels.size())
            results.parcels.push_back(analysis.parcels[i]);
    }
    return { std::move(subset), std::move(results) };
}

/// OPTIONS for the report of its renewal type alone: title names the type; atlas choices,
/// which index the whole project, and the district-wide scenarios are left out.
ReportOptions typeReportOptions(const ReportOptions& options)
{
    ReportOptions typeOptions = options;
    typeOptions.renewalType.reset();
    typeOptions.pageParcels.clear();
    typeOptions.scenarios.clear();
    typeOptions.priorities = false;
    const QString typeLabel = renewalTypeLabel(*options.renewalType, options.language);
    typeOptions.title = (options.title.isEmpty()
                                ? pick(options.language, QStringLiteral("绿色低碳微更新评估报告"),
                                    QStringLiteral("Green Low-Carbon Micro-Renewal Report"))
                                : options.title)
        + QStringLiteral(" — ") + typeLabel;
    return typeOptions;
}

core::Error missingFontError(const QString& path)
{
    return writeError(path,
        QStringLiteral("font \"%1\" is missing; install fonts-wqy-microhei")
            .arg(QString::fromLatin1(kCjkFamily)));
}

} // namespace

core::Result<int> paintReport(QPagedPaintDevice& device, const core::Project& project,
    const core::Analysis& analysis, const ReportOptions& options)
{
    if (options.renewalType) {
        auto [subset, results] = parcelsOfType(project, analysis, *options.renewalType);
        return paintReport(device, subset, results, typeReportOptions(options));
    }
    if (!cjkFontAvailable())
        return missingFontError({});
    QPainter painter;
    if (!painter.begin(&device))
        return writeError({}, QStringLiteral("cannot start painting the report's pages"));
    ReportComposer composer(device, project, analysis, options);
    const int pages = composer.compose(painter);
    if (!painter.end())
        return writeError({}, QStringLiteral("the pages could not be finished"));
    return pages;
}

core::Result<int> writeReportPdf(const QString& path, const core::Project& project,
    const core::Analysis& analysis, const ReportOptions& options)
{
    if (!cjkFontAvailable())
        return missingFontError(path);

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return writeError(path, file.errorString());

    core::Result<int> pages = 0;
    {
        QPdfWriter writer(&file);
        writer.setResolution(kResolutionDpi);
        writer.setPageLayout(
            QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
        writer.setCreator(QStringLiteral("GreenRenew"));
        writer.setTitle(options.renewalType ? typeReportOptions(options).title : options.title);
        pages = paintReport(writer, project, analysis, options);
    }
    if (!pages) {
        core::Error error = pages.error();
        error.path = path.toStdString();
        return error;
    }
    if (!file.commit())
        return writeError(path, file.errorString());
    return pages;
}

core::Result<std::vector<QString>> writeReportPdfPerType(const QString& directory,
    const QString& baseName, const core::Project& project, const core::Analysis& analysis,
    const ReportOptions& options)
{
    std::vector<QString> paths;
    for (const TypeSummary& summary : summarizeByType(project, analysis)) {
        if (summary.parcelCount == 0)
            continue;
        ReportOptions typeOptions = options;
        typeOptions.renewalType = summary.type;
        const QString path = QDir(directory).filePath(baseName + QLatin1Char('_')
            + QString::fromLatin1(core::renewalTypeName(summary.type)) + QStringLiteral(".pdf"));
        core::Result<int> written = writeReportPdf(path, project, analysis, typeOptions);
        if (!written)
            return written.error();
        paths.push_back(path);
    }
    return paths;
}

} // namespace greenrenew::render
