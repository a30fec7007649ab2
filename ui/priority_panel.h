#pragma once

// The "Priorities" dock (issue 7): experts' AHP questionnaires loaded into weights (each
// expert's consistency ratio, flagged above Saaty's 0.1 with the reason), the aggregate
// weights, the parcels ranked again with them and the suggested demonstration parcel and
// cluster with the numbers behind the choice. The weights are kept in the project's
// gr_priority_weights table, which the next opening reads again.

#include "core/ahp.h"
#include "core/analysis.h"
#include "core/model.h"

#include <QWidget>

#include <map>
#include <memory>

class QLabel;
class QTableWidget;
class QTabWidget;

namespace greenrenew::ui {

class PriorityPanel : public QWidget {
    Q_OBJECT

public:
    explicit PriorityPanel(QWidget* parent = nullptr);

    /// Shows the ranking of ANALYSIS under the weights in PROJECT's configuration. New
    /// weights change PROJECT's priority parameters and ANALYSIS's priority figures in place
    /// (the editing session's copies, so later edits rank with them too) and are stored in
    /// the GeoPackage at PROJECTPATH when it is one. Null pointers clear the panel.
    void setProject(const QString& projectPath, std::shared_ptr<core::Project> project,
                    std::shared_ptr<core::Analysis> analysis);

    /// Reads the questionnaires (gis::readAhpQuestionnaire), shows each expert's consistency,
    /// aggregates them by the geometric mean, re-ranks the parcels and stores the weights.
    /// False, with the file and line shown, when one cannot be read; nothing changes then.
    bool loadQuestionnaires(const QStringList& paths);
    /// Writes a blank questionnaire; false with the reason shown when it cannot be written.
    bool exportTemplate(const QString& path);
    /// Shows the ranking again after the analysis changed (an edit re-ranked the parcels).
    void refreshRanking();

    void chooseAndLoad();
    void chooseAndExportTemplate();

    /// Experts' consistency: one row per expert (and the aggregate) and block.
    const QTableWidget* expertTable() const { return m_experts; }
    /// Weights in force: one row per category, then one per index (local and global).
    const QTableWidget* weightsTable() const { return m_weights; }
    /// Parcels by rank: rank, rank before the last weights, id, name, score, reduction.
    const QTableWidget* rankingTable() const { return m_ranking; }
    QString demonstrationText() const;
    /// Where the weights in force came from and the consistency of the judgements behind them
    /// (read back from the project when it was stored there).
    QString weightsText() const;
    /// The last problem shown (a file that could not be read or stored); empty when none.
    QString problemText() const;

    static constexpr int kRankColumn = 0;
    static constexpr int kRankBeforeColumn = 1;
    static constexpr int kParcelIdColumn = 2;
    static constexpr int kScoreColumn = 4;
    static constexpr int kGlobalWeightColumn = 3;
    static constexpr int kVerdictColumn = 5;

signals:
    /// The priority figures of the analysis changed: maps, tables and legends follow.
    void rankingChanged();
    /// The designer picked a parcel in the ranking, or the demonstration cluster.
    void parcelsActivated(const QList<core::FeatureId>& ids);
    void message(const QString& text);

private:
    void applyWeights(const core::HierarchyWeights& weights, const std::string& source,
                      const std::string& note);
    void showExperts(const std::vector<core::AhpQuestionnaire>& experts,
                     const std::vector<core::HierarchyWeights>& each,
                     const core::HierarchyWeights& aggregate);
    void showWeights();
    void showDemonstration();
    void showProblem(const QString& text);

    QTabWidget* m_tabs = nullptr;
    QTableWidget* m_experts = nullptr;
    QTableWidget* m_weights = nullptr;
    QTableWidget* m_ranking = nullptr;
    QLabel* m_source = nullptr;
    QLabel* m_demonstration = nullptr;
    QLabel* m_problem = nullptr;
    QString m_projectPath;
    std::shared_ptr<core::Project> m_project;
    std::shared_ptr<core::Analysis> m_analysis;
    std::map<core::FeatureId, int> m_rankBefore;
};

} // namespace greenrenew::ui
