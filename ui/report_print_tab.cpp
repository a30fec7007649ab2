#include "ui/report_print_tab.h"

#include "ui/render/theme.h"

#include <QComboBox>
#include <QFormLayout>
#include <QStandardItemModel>

#include <algorithm>

namespace greenrenew::ui {

namespace {

// The scope combo's data for the whole district; a renewal type is stored as its enum value.
constexpr int kWholeDistrict = -1;

} // namespace

ReportPrintTab::ReportPrintTab(const QString& language, const QList<int>& selected,
                               const std::vector<core::RenewalType>& types, QWidget* parent)
    : QWidget(parent), m_selected(selected)
{
    setWindowTitle(tr("Report"));
    auto* form = new QFormLayout(this);

    m_language = new QComboBox(this);
    // Each language named in itself, so it can be found whatever the interface speaks.
    m_language->addItem(QStringLiteral("中文"), QStringLiteral("zh"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->setCurrentIndex(language == QStringLiteral("en") ? 1 : 0);
    form->addRow(tr("Language:"), m_language);

    m_parcelPages = new QComboBox(this);
    m_parcelPages->addItem(tr("No parcel pages"), static_cast<int>(ParcelPages::None));
    m_parcelPages->addItem(tr("A page for every parcel"), static_cast<int>(ParcelPages::All));
    m_parcelPages->addItem(tr("A page for each selected parcel (%n)", nullptr,
                              static_cast<int>(selected.size())),
                           static_cast<int>(ParcelPages::Selected));
    if (selected.isEmpty()) {
        // Offered but greyed out, so the designer learns that selecting parcels enables it.
        auto* model = qobject_cast<QStandardItemModel*>(m_parcelPages->model());
        model->item(2)->setEnabled(false);
    }
    m_parcelPages->setCurrentIndex(selected.isEmpty() ? 0 : 2);
    form->addRow(tr("Parcel pages:"), m_parcelPages);

    m_scope = new QComboBox(this);
    const auto fillScope = [this, types] {
        const QString shown = m_language->currentData().toString();
        const int current = std::max(0, m_scope->currentIndex());
        m_scope->clear();
        m_scope->addItem(tr("Whole district"), kWholeDistrict);
        for (core::RenewalType type : types)
            m_scope->addItem(render::renewalTypeLabel(type, shown), static_cast<int>(type));
        m_scope->setCurrentIndex(std::min(current, m_scope->count() - 1));
    };
    fillScope();
    // The types are named in the report's language, as its pages will name them.
    connect(m_language, &QComboBox::currentIndexChanged, this, fillScope);
    form->addRow(tr("Report for:"), m_scope);
}

render::ReportOptions ReportPrintTab::options(const QString& title) const
{
    render::ReportOptions options;
    options.title = title;
    options.language = m_language->currentData().toString();
    const auto pages = static_cast<ParcelPages>(m_parcelPages->currentData().toInt());
    options.parcelPages = pages != ParcelPages::None;
    if (pages == ParcelPages::Selected)
        options.pageParcels.assign(m_selected.begin(), m_selected.end());
    const int scope = m_scope->currentData().toInt();
    if (scope != kWholeDistrict)
        options.renewalType = static_cast<core::RenewalType>(scope);
    return options;
}

std::vector<core::RenewalType> typesWithParcels(const core::Project& project)
{
    std::vector<core::RenewalType> types;
    for (core::RenewalType type : core::kAllRenewalTypes) {
        const bool present = std::any_of(project.parcels.begin(), project.parcels.end(),
                                         [type](const core::Parcel& p) { return p.type == type; });
        if (present)
            types.push_back(type);
    }
    return types;
}

} // namespace greenrenew::ui
