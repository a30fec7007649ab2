#pragma once

// The Report tab of File > Print Report…'s system print dialog: the report's language, which
// parcels get an atlas page (none, all, or the ones selected on the map) and whether it covers
// the whole district or one renewal type. The batch command's --per-type writes one file per
// type; a print job is one document, so here the designer picks the type to print.

#include "core/model.h"
#include "ui/render/report_writer.h"

#include <QList>
#include <QString>
#include <QWidget>

class QComboBox;

namespace greenrenew::ui {

class ReportPrintTab : public QWidget {
    Q_OBJECT

public:
    /// Atlas pages the printed report gets.
    enum class ParcelPages { None, All, Selected };

    /// LANGUAGE ("zh" or "en") is chosen first and names the renewal types; SELECTED are the
    /// parcels (indices into the project) selected on the map: without any, "Selected" is
    /// offered disabled; TYPES are the renewal types that have parcels.
    ReportPrintTab(const QString& language, const QList<int>& selected,
                   const std::vector<core::RenewalType>& types, QWidget* parent = nullptr);

    QComboBox* languageBox() const { return m_language; }
    QComboBox* parcelPagesBox() const { return m_parcelPages; }
    QComboBox* scopeBox() const { return m_scope; }

    /// The report options chosen, with TITLE on the cover.
    render::ReportOptions options(const QString& title) const;

private:
    QList<int> m_selected;
    QComboBox* m_language = nullptr;
    QComboBox* m_parcelPages = nullptr;
    QComboBox* m_scope = nullptr;
};

/// The renewal types that have at least one parcel in PROJECT, in the method's order.
std::vector<core::RenewalType> typesWithParcels(const core::Project& project);

} // namespace greenrenew::ui
