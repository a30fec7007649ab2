#include "ui/priority_panel.h"

#include "core/priority.h"
#include "core/scenario.h"
#include "gis/ahp_questionnaire.h"
#include "gis/priority_weights_store.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <exception>
#include <optional>

namespace greenrenew::ui {

namespace {

const QString kLastDirKey = QStringLiteral("priorities/lastDir");
const QColor kFlagColor(0xa0, 0x10, 0x10);
constexpr int kDemonstrationLines = 8;

QTableWidgetItem* textItem(const QString& text)
{
    return new QTableWidgetItem(text);
}

QTableWidgetItem* numberItem(double value, int decimals)
{
    auto* item = new QTableWidgetItem(QLocale().toString(value, 'f', decimals));
    item->setData(Qt::UserRole, value);  // the unrounded figure, for readers and tests
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QTableWidget* makeTable(QWidget* parent, const QStringList& columns)
{
    auto* table = new QTableWidget(parent);
    table->setColumnCount(int(columns.size()));
    table->setHorizontalHeaderLabels(columns);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QString blockLabel(const std::string& block)
{
    return block == "categories" ? PriorityPanel::tr("the four categories")
                                 : PriorityPanel::tr("indices of %1")
                                       .arg(QString::fromStdString(block));
}

/// "one.csv (expert One), two.csv (expert Two)": where the weights came from.
std::string sourceOf(const std::vector<core::AhpQuestionnaire>& experts)
{
    QStringList parts;
    for (const core::AhpQuestionnaire& expert : experts)
        parts << QStringLiteral("%1 (expert %2)")
                     .arg(QFileInfo(QString::fromStdString(expert.source)).fileName(),
                          QString::fromStdString(expert.expert));
    return QStringLiteral("AHP, principal eigenvector of the element-wise geometric mean of "
                          "%1 questionnaire(s): %2")
        .arg(experts.size()).arg(parts.join(QStringLiteral(", "))).toStdString();
}

/// The consistency ratios behind the weights, with the experts flagged above the threshold.
std::string noteOf(const std::vector<core::AhpQuestionnaire>& experts,
                   const std::vector<core::HierarchyWeights>& each,
                   const core::HierarchyWeights& aggregate)
{
    QStringList parts;
    for (const core::AhpBlockResult& block : aggregate.blocks)
        parts << QStringLiteral("%1 %2").arg(QString::fromStdString(block.block))
                     .arg(block.result.consistencyRatio, 0, 'f', 3);
    QString note = QStringLiteral("aggregate CR: ") + parts.join(QStringLiteral(", "));
    for (std::size_t e = 0; e < experts.size() && e < each.size(); ++e)
        for (const core::AhpBlockResult& block : each[e].blocks)
            if (!block.result.consistent)
                note += QStringLiteral("; expert %1 flagged: %2 CR %3")
                            .arg(QString::fromStdString(experts[e].expert),
                                 QString::fromStdString(block.block))
                            .arg(block.result.consistencyRatio, 0, 'f', 3);
    return note.toStdString();
}

} // namespace

PriorityPanel::PriorityPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    auto* buttons = new QHBoxLayout;
    auto* load = new QPushButton(tr("Load questionnaires…"), this);
    load->setObjectName(QStringLiteral("loadQuestionnairesButton"));
    load->setToolTip(tr("One CSV file per expert, as greenrenew-cli ahp reads them"));
    connect(load, &QPushButton::clicked, this, &PriorityPanel::chooseAndLoad);
    auto* exportButton = new QPushButton(tr("Export template…"), this);
    connect(exportButton, &QPushButton::clicked, this,
            &PriorityPanel::chooseAndExportTemplate);
    buttons->addWidget(load);
    buttons->addWidget(exportButton);
    buttons->addStretch(1);
    layout->addLayout(buttons);

    m_source = new QLabel(this);
    m_source->setWordWrap(true);
    m_source->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_source);
    m_problem = new QLabel(this);
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #a01010"));
    m_problem->hide();
    layout->addWidget(m_problem);

    m_tabs = new QTabWidget(this);
    auto* rankingPage = new QWidget(m_tabs);
    auto* rankingLayout = new QVBoxLayout(rankingPage);
    rankingLayout->setContentsMargins(0, 0, 0, 0);
    m_demonstration = new QLabel(rankingPage);
    m_demonstration->setWordWrap(true);
    m_demonstration->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* showCluster = new QPushButton(tr("Select the demonstration cluster on the map"),
                                        rankingPage);
    connect(showCluster, &QPushButton::clicked, this, [this] {
        if (m_analysis && m_analysis->demonstration.found) {
            const auto& ids = m_analysis->demonstration.clusterParcelIds;
            emit parcelsActivated(QList<core::FeatureId>(ids.begin(), ids.end()));
        }
    });
    m_ranking = makeTable(rankingPage, {tr("Rank"), tr("Before"), tr("Parcel"), tr("Name"),
                                        tr("Score"), tr("Assessed weight"),
                                        tr("Achievable reduction tCO2e/yr")});
    m_ranking->setSortingEnabled(false);
    connect(m_ranking, &QTableWidget::cellClicked, this, [this](int row, int) {
        const QTableWidgetItem* item = m_ranking->item(row, kParcelIdColumn);
        if (item)
            emit parcelsActivated({item->data(Qt::UserRole).value<core::FeatureId>()});
    });
    // The reasoning runs to several lines; a scroll area keeps the ranking below in view.
    auto* demonstrationArea = new QScrollArea(rankingPage);
    demonstrationArea->setWidget(m_demonstration);
    demonstrationArea->setWidgetResizable(true);
    demonstrationArea->setFrameShape(QFrame::NoFrame);
    demonstrationArea->setMaximumHeight(kDemonstrationLines * fontMetrics().lineSpacing());
    rankingLayout->addWidget(demonstrationArea);
    rankingLayout->addWidget(showCluster, 0, Qt::AlignLeft);
    rankingLayout->addWidget(m_ranking, 1);
    m_tabs->addTab(rankingPage, tr("Ranking"));

    m_weights = makeTable(m_tabs, {tr("Element"), tr("Level"), tr("Local weight"),
                                   tr("Global weight")});
    m_tabs->addTab(m_weights, tr("Weights"));
    m_experts = makeTable(m_tabs, {tr("Expert"), tr("File"), tr("Block"), tr("CR"),
                                   tr("λmax"), tr("Verdict")});
    m_experts->setColumnHidden(1, true);  // the file is the expert cell's tooltip
    m_tabs->addTab(m_experts, tr("Experts"));
    layout->addWidget(m_tabs, 1);
    setProject({}, nullptr, nullptr);
}

void PriorityPanel::setProject(const QString& projectPath, std::shared_ptr<core::Project> project,
                               std::shared_ptr<core::Analysis> analysis)
{
    m_projectPath = projectPath;
    m_project = std::move(project);
    m_analysis = std::move(analysis);
    m_rankBefore.clear();
    m_problem->hide();
    m_experts->setRowCount(0);
    showWeights();
    refreshRanking();
}

bool PriorityPanel::loadQuestionnaires(const QStringList& paths)
{
    if (!m_project || !m_analysis || paths.isEmpty())
        return false;
    try {
        const auto table = core::RandomIndexTable::fromParameters(m_project->config.parameters);
        std::vector<core::AhpQuestionnaire> experts;
        std::vector<core::HierarchyWeights> each;
        for (const QString& path : paths) {
            core::Result<core::AhpQuestionnaire> read = gis::readAhpQuestionnaire(path);
            if (!read) {
                showProblem(QString::fromStdString(read.error().describe()));
                return false;
            }
            core::Result<core::HierarchyWeights> weights =
                core::hierarchyWeights(read.value(), table);
            if (!weights) {
                showProblem(QString::fromStdString(weights.error().describe()));
                return false;
            }
            experts.push_back(std::move(read.value()));
            each.push_back(std::move(weights.value()));
        }
        core::Result<core::HierarchyWeights> aggregate = core::aggregateHierarchy(experts, table);
        if (!aggregate) {
            showProblem(QString::fromStdString(aggregate.error().describe()));
            return false;
        }
        m_problem->hide();
        showExperts(experts, each, aggregate.value());
        applyWeights(aggregate.value(), sourceOf(experts),
                     noteOf(experts, each, aggregate.value()));
    } catch (const std::exception& error) {
        // A project without the method's AHP parameters (a broken resource file).
        showProblem(tr("Cannot weigh the questionnaires: %1")
                        .arg(QString::fromUtf8(error.what())));
        return false;
    }
    emit message(tr("Weights from %n questionnaire(s) applied; parcels ranked again", nullptr,
                    int(paths.size())));
    return true;
}

void PriorityPanel::applyWeights(const core::HierarchyWeights& weights, const std::string& source,
                                 const std::string& note)
{
    m_rankBefore.clear();
    for (const core::ParcelResult& result : m_analysis->parcels)
        m_rankBefore[result.parcelId] = result.priorityRank;
    core::setPriorityWeights(m_project->config.parameters, weights, source, note);
    core::rankPriorities(*m_project, *m_analysis);
    if (m_projectPath.endsWith(QStringLiteral(".gpkg"), Qt::CaseInsensitive)) {
        // Kept in the project, so the next opening (desktop or batch) ranks the same way.
        const core::Result<bool> stored =
            gis::storePriorityWeights(m_projectPath, weights, source, note);
        if (!stored)
            showProblem(tr("The weights are applied but not stored in the project: %1")
                            .arg(QString::fromStdString(stored.error().describe())));
    }
    showWeights();
    refreshRanking();
    m_tabs->setCurrentIndex(0);
    emit rankingChanged();
}

void PriorityPanel::showExperts(const std::vector<core::AhpQuestionnaire>& experts,
                                const std::vector<core::HierarchyWeights>& each,
                                const core::HierarchyWeights& aggregate)
{
    m_experts->setRowCount(0);
    auto addRows = [this](const QString& who, const QString& file,
                          const core::HierarchyWeights& weights) {
        for (const core::AhpBlockResult& block : weights.blocks) {
            const int row = m_experts->rowCount();
            m_experts->insertRow(row);
            const core::AhpResult& result = block.result;
            m_experts->setItem(row, 0, textItem(who));
            m_experts->setItem(row, 1, textItem(file));
            m_experts->setItem(row, 2, textItem(blockLabel(block.block)));
            m_experts->setItem(row, 3, numberItem(result.consistencyRatio, 3));
            m_experts->setItem(row, 4, numberItem(result.lambdaMax, 3));
            const double threshold = m_project->config.parameters.value("ahp.cr_threshold");
            // The verdict is short so the CR stays in view in a narrow dock; the advice is in
            // its tooltip.
            QTableWidgetItem* verdict = textItem(
                result.consistent
                    ? tr("consistent (CR ≤ %1)").arg(threshold, 0, 'f', 2)
                    : tr("FLAG: CR %1 > %2").arg(result.consistencyRatio, 0, 'f', 3)
                          .arg(threshold, 0, 'f', 2));
            if (!result.consistent)
                verdict->setToolTip(tr("The judgements contradict one another (e.g. A > B and "
                                       "B > C but not A > C); ask the expert to revise this "
                                       "block. It still counts in the aggregate."));
            m_experts->setItem(row, kVerdictColumn, verdict);
            m_experts->item(row, 0)->setToolTip(file);
            for (int column = 0; !result.consistent && column < m_experts->columnCount();
                 ++column)
                m_experts->item(row, column)->setForeground(kFlagColor);
        }
    };
    for (std::size_t e = 0; e < experts.size() && e < each.size(); ++e)
        addRows(QString::fromStdString(experts[e].expert),
                QFileInfo(QString::fromStdString(experts[e].source)).fileName(), each[e]);
    addRows(tr("Aggregate"),
            tr("element-wise geometric mean of %n expert(s)", nullptr, int(experts.size())),
            aggregate);
}

void PriorityPanel::showWeights()
{
    m_weights->setRowCount(0);
    m_source->clear();
    if (!m_project)
        return;
    core::PriorityWeights weights;
    try {
        weights = core::PriorityWeights::fromParameters(m_project->config.parameters);
        // The note keeps the consistency ratios and the flagged experts with the weights, so
        // a reopened project still says how consistent the judgements behind them were.
        const core::SourcedValue& stored =
            m_project->config.parameters.at("priority.weight.category.construction");
        QString text = tr("Weights: %1").arg(QString::fromStdString(stored.source));
        if (!stored.note.empty())
            text += QStringLiteral("\n") + QString::fromStdString(stored.note);
        m_source->setText(text);
    } catch (const std::exception& error) {
        m_source->setText(tr("No priority weights: %1").arg(QString::fromUtf8(error.what())));
        return;
    }
    // Category weight = sum of its indices' global weights; local = global / category.
    for (const std::string& category : core::ahpBlockElements("categories")) {
        double categoryWeight = 0;
        for (const std::string& index : core::ahpBlockElements(category))
            categoryWeight += weights.globalIndexWeight[index];
        int row = m_weights->rowCount();
        m_weights->insertRow(row);
        m_weights->setItem(row, 0, textItem(QString::fromStdString(category)));
        m_weights->setItem(row, 1, textItem(tr("category")));
        m_weights->setItem(row, 2, numberItem(categoryWeight, 4));
        m_weights->setItem(row, kGlobalWeightColumn, numberItem(categoryWeight, 4));
        for (const std::string& index : core::ahpBlockElements(category)) {
            const double global = weights.globalIndexWeight[index];
            row = m_weights->rowCount();
            m_weights->insertRow(row);
            m_weights->setItem(row, 0, textItem(QStringLiteral("    ") +
                                                QString::fromStdString(index)));
            m_weights->setItem(row, 1, textItem(tr("index")));
            m_weights->setItem(row, 2,
                               numberItem(categoryWeight > 0 ? global / categoryWeight : 0, 4));
            m_weights->setItem(row, kGlobalWeightColumn, numberItem(global, 4));
            m_weights->item(row, 0)->setData(Qt::UserRole, QString::fromStdString(index));
        }
    }
}

void PriorityPanel::refreshRanking()
{
    m_ranking->setRowCount(0);
    showDemonstration();
    if (!m_project || !m_analysis)
        return;
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < m_analysis->parcels.size() && i < m_project->parcels.size(); ++i)
        order.push_back(i);
    std::stable_sort(order.begin(), order.end(), [this](std::size_t a, std::size_t b) {
        return m_analysis->parcels[a].priorityRank < m_analysis->parcels[b].priorityRank;
    });
    std::optional<core::PriorityWeights> weights;
    try {
        weights = core::PriorityWeights::fromParameters(m_project->config.parameters);
    } catch (const std::exception&) {
        // Without weights the share column stays empty; showWeights says why.
    }
    m_ranking->setRowCount(int(order.size()));
    for (int row = 0; row < int(order.size()); ++row) {
        const core::ParcelResult& result = m_analysis->parcels[order[std::size_t(row)]];
        const core::Parcel& parcel = m_project->parcels[order[std::size_t(row)]];
        m_ranking->setItem(row, kRankColumn, numberItem(result.priorityRank, 0));
        const auto before = m_rankBefore.find(result.parcelId);
        m_ranking->setItem(row, kRankBeforeColumn,
                           before == m_rankBefore.end() ? textItem(QString())
                                                        : numberItem(before->second, 0));
        auto* id = numberItem(double(result.parcelId), 0);
        id->setData(Qt::UserRole, QVariant::fromValue(result.parcelId));
        m_ranking->setItem(row, kParcelIdColumn, id);
        m_ranking->setItem(row, 3, textItem(QString::fromStdString(parcel.name)));
        m_ranking->setItem(row, kScoreColumn, numberItem(result.priorityScore, 3));
        m_ranking->setItem(row, 5, weights ? numberItem(core::assessedWeightShare(
                                                            result.carbon, *weights), 2)
                                           : textItem(QString()));
        m_ranking->setItem(row, 6, numberItem(core::achievableReductionT(result.carbon), 1));
    }
}

void PriorityPanel::showDemonstration()
{
    if (!m_analysis) {
        m_demonstration->setText(tr("Open a data set to rank its parcels."));
        return;
    }
    const core::DemonstrationSuggestion& demo = m_analysis->demonstration;
    if (!demo.found) {
        m_demonstration->setText(tr("No demonstration parcel: %1")
                                     .arg(QString::fromStdString(demo.reasoning)));
        return;
    }
    QStringList cluster;
    for (core::FeatureId id : demo.clusterParcelIds)
        cluster << QString::number(id);
    m_demonstration->setText(
        tr("<b>Suggested demonstration: parcel %1</b>; cluster %2 (%3 tCO2e/yr achievable).<br>"
           "Why: %4")
            .arg(demo.seedParcelId)
            .arg(cluster.join(QStringLiteral(", ")))
            .arg(demo.clusterReductionT, 0, 'f', 1)
            .arg(QString::fromStdString(demo.reasoning).toHtmlEscaped()));
}

bool PriorityPanel::exportTemplate(const QString& path)
{
    const core::Result<bool> written = gis::writeAhpTemplate(path);
    if (!written) {
        showProblem(QString::fromStdString(written.error().describe()));
        return false;
    }
    emit message(tr("Questionnaire template written to %1").arg(path));
    return true;
}

void PriorityPanel::chooseAndLoad()
{
    QSettings settings;
    const QStringList paths = QFileDialog::getOpenFileNames(
        this, tr("Load expert questionnaires"), settings.value(kLastDirKey).toString(),
        tr("Questionnaires (*.csv);;All files (*)"));
    if (paths.isEmpty())
        return;
    settings.setValue(kLastDirKey, QFileInfo(paths.front()).absolutePath());
    loadQuestionnaires(paths);
}

void PriorityPanel::chooseAndExportTemplate()
{
    QSettings settings;
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export questionnaire template"),
        settings.value(kLastDirKey).toString() + QStringLiteral("/questionnaire.csv"),
        tr("Questionnaires (*.csv)"));
    if (!path.isEmpty())
        exportTemplate(path);
}

QString PriorityPanel::demonstrationText() const
{
    return m_demonstration->text();
}

QString PriorityPanel::weightsText() const
{
    return m_source->text();
}

QString PriorityPanel::problemText() const
{
    return m_problem->isHidden() ? QString() : m_problem->text();
}

void PriorityPanel::showProblem(const QString& text)
{
    m_problem->setText(text);
    m_problem->show();
    emit message(text);
}

} // namespace greenrenew::ui
