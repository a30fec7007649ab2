#include "core/carbon_method.h"

#include "core/detail/carbon_district_index.h"
#include "core/detail/carbon_inputs.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace greenrenew::core {

namespace {

struct IndexEntry {
    const char* id;
    Category category;
};

// The paper's Table 2, in its order.
constexpr IndexEntry kIndices[] = {
    {"compact_density", Category::Construction},
    {"walk_life_circle", Category::Construction},
    {"heat_island", Category::Construction},
    {"renewable_energy", Category::Construction},
    {"energy_saving_buildings", Category::Construction},
    {"bicycle_use", Category::Transport},
    {"clean_vehicles", Category::Transport},
    {"roof_wall_greening", Category::Greening},
    {"carbon_planting", Category::Greening},
    {"park_system", Category::Greening},
    {"water_friendly_space", Category::Greening},
    {"rain_grey_water", Category::Waste},
    {"domestic_garbage", Category::Waste},
};

constexpr Category kCategories[] = {Category::Construction, Category::Transport,
                                    Category::Greening, Category::Waste};

int severityRank(Rating rating)
{
    switch (rating) {
    case Rating::Serious: return 0;
    case Rating::Medium: return 1;
    case Rating::Slight: return 2;
    case Rating::NotAssessed: return 3;
    }
    return 3;
}

std::string codeText(double code)
{
    return std::to_string(std::llround(code));
}

std::vector<Category> orderCategories(const CarbonLedger& ledger)
{
    std::vector<Category> order(std::begin(kCategories), std::end(kCategories));
    std::stable_sort(order.begin(), order.end(), [&](Category a, Category b) {
        return ledger.categoryT(a) > ledger.categoryT(b);
    });
    return order;
}

std::vector<std::string> orderIndices(const std::vector<IndexRating>& ratings,
                                      const std::vector<Category>& categoryOrder)
{
    auto categoryRank = [&](const std::string& index) {
        auto it = std::find(categoryOrder.begin(), categoryOrder.end(), indexCategory(index));
        return static_cast<int>(it - categoryOrder.begin());
    };
    std::vector<IndexRating> sorted = ratings;
    std::stable_sort(sorted.begin(), sorted.end(), [&](const IndexRating& a,
                                                       const IndexRating& b) {
        if (severityRank(a.rating) != severityRank(b.rating))
            return severityRank(a.rating) < severityRank(b.rating);
        return categoryRank(a.index) < categoryRank(b.index);
    });
    std::vector<std::string> order;
    for (const IndexRating& rating : sorted)
        order.push_back(rating.index);
    return order;
}

std::vector<std::size_t> orderBy(const std::vector<CarbonAssessment>& assessments,
                                 double (*amount)(const CarbonAssessment&, Category),
                                 Category category)
{
    std::vector<std::size_t> order(assessments.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return amount(assessments[a], category) > amount(assessments[b], category);
    });
    return order;
}

} // namespace

const char* categoryName(Category category)
{
    switch (category) {
    case Category::Construction: return "construction";
    case Category::Transport: return "transport";
    case Category::Greening: return "greening";
    case Category::Waste: return "waste";
    case Category::None: return "none";
    }
    return "none";
}

const char* ratingName(Rating rating)
{
    switch (rating) {
    case Rating::Serious: return "serious";
    case Rating::Medium: return "medium";
    case Rating::Slight: return "slight";
    case Rating::NotAssessed: return "not_assessed";
    }
    return "not_assessed";
}

const std::vector<std::string>& indexIds()
{
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> list;
        for (const IndexEntry& entry : kIndices)
            list.emplace_back(entry.id);
        return list;
    }();
    return ids;
}

Category indexCategory(const std::string& indexId)
{
    for (const IndexEntry& entry : kIndices) {
        if (indexId == entry.id)
            return entry.category;
    }
    throw std::invalid_argument("unknown carbon index: " + indexId);
}

Rating rateAgainstLimit(double value, double limit, LimitBound bound, double mediumMargin)
{
    // A value on the limit or on the band edge, up to rounding, counts as meeting it.
    const double tolerance = 1e-9 * std::max(1.0, std::abs(limit));
    const double room = bound == LimitBound::Min ? value - limit : limit - value;
    if (room < -tolerance)
        return Rating::Serious;
    if (room < mediumMargin * std::abs(limit) - tolerance)
        return Rating::Medium;
    return Rating::Slight;
}

double CarbonLedger::categoryT(Category category) const
{
    switch (category) {
    case Category::Construction: return constructionT;
    case Category::Transport: return transportT;
    case Category::Greening: return greeningT;
    case Category::Waste: return wasteT;
    case Category::None: return 0;
    }
    return 0;
}

double CarbonLedger::grossEmissionsT() const
{
    double gross = 0;
    for (Category category : kCategories)
        gross += std::max(0.0, categoryT(category));
    return gross;
}

GridFactorChoice selectedGridFactor(const ParameterSet& parameters)
{
    const long long scope = std::llround(parameters.value("carbon.grid.scope"));
    const std::string year = codeText(parameters.value("carbon.grid.year"));
    const std::string province = codeText(parameters.value("carbon.project.province_code"));
    std::string key;
    switch (scope) {
    case 1: key = "carbon.grid.province." + province + "." + year; break;
    case 2: key = "carbon.grid.region." + province + "." + year; break;
    case 3: key = "carbon.grid.national." + year; break;
    case 4: key = "carbon.grid.national_excl_market_nonfossil." + year; break;
    case 5: key = "carbon.grid.national_reporting." + year; break;
    default: throw MissingParameter("carbon.grid.scope " + std::to_string(scope) + " (1..5)");
    }
    return {key, parameters.at(key)};
}

Category leadingCategory(const CarbonLedger& ledger)
{
    // A parcel with no buildings, occupants or green books exact zeros: it is no sink, and
    // painting it as one would overstate the district's green (issue 6, QA defect 1).
    Category leading = ledger.greeningT < 0 ? Category::Greening : Category::None;
    double largest = 0;
    for (Category category : kCategories) {
        if (ledger.categoryT(category) > largest) {
            largest = ledger.categoryT(category);
            leading = category;
        }
    }
    return leading;
}

CarbonDistrict carbonDistrict(const Project& project, const std::vector<FormMetrics>& form)
{
    CarbonDistrict district;
    for (const Facility& facility : project.facilities) {
        for (std::string& type : facilityTypesOf(facility, project.config))
            district.facilityTypesPresent.insert(std::move(type));
    }
    for (std::size_t i = 0; i < project.streets.size(); ++i) {
        if (project.streets[i].highway == "cycleway")
            district.cycleways.push_back(i);
    }
    for (const FormMetrics& metrics : form)
        district.residents += metrics.populationEst;
    district.index = std::make_shared<const detail::CarbonDistrictIndex>(project,
                                                                          district.cycleways);
    return district;
}

CarbonAssessment assessParcelCarbon(const Project& project, const Parcel& parcel,
                                    const FormMetrics& form, const WalkAccess& walk,
                                    const CarbonDistrict& district)
{
    const detail::CarbonParameters parameters(project.config.parameters, parcel.type);
    const detail::ParcelFacts facts = detail::gatherFacts(project, parcel, form, walk,
                                                          district, parameters);
    CarbonAssessment assessment;
    assessment.gridFactorKey = facts.grid.key;
    assessment.gridFactorKgPerKwh = facts.grid.factor.value;
    assessment.gridFactorYear = facts.grid.factor.year;
    assessment.gridFactorSource = facts.grid.factor.source;
    assessment.ratings = detail::rateIndices(facts, form, walk, project.config, parameters);

    detail::LedgerDetail ledgerDetail;
    assessment.ledger = detail::computeLedger(facts, parameters, ledgerDetail);
    assessment.sinkMethod = ledgerDetail.sinkMethod;
    assessment.leading = leadingCategory(assessment.ledger);
    assessment.categoryOrder = orderCategories(assessment.ledger);
    assessment.indexOrder = orderIndices(assessment.ratings, assessment.categoryOrder);
    assessment.interventions = detail::chooseInterventions(assessment, facts, ledgerDetail,
                                                           walk, project.config, parameters);
    return assessment;
}

CarbonAssessment assessParcelCarbon(const Project& project, const Parcel& parcel,
                                    const FormMetrics& form, const WalkAccess& walk)
{
    return assessParcelCarbon(project, parcel, form, walk, carbonDistrict(project, {form}));
}

std::vector<CarbonAssessment> assessCarbon(const Project& project,
                                           const std::vector<FormMetrics>& form,
                                           const std::vector<WalkAccess>& walk,
                                           const StageControl& control)
{
    std::vector<CarbonAssessment> assessments(project.parcels.size());
    const CarbonDistrict district = carbonDistrict(project, form);
    const FormMetrics noForm;
    const WalkAccess noWalk;
    for (std::size_t i = 0; i < project.parcels.size(); ++i) {
        if (control.cancelled())
            break;
        assessments[i] = assessParcelCarbon(project, project.parcels[i],
                                            i < form.size() ? form[i] : noForm,
                                            i < walk.size() ? walk[i] : noWalk, district);
        control.report("carbon", static_cast<double>(i + 1)
                                     / static_cast<double>(project.parcels.size()));
    }
    return assessments;
}

std::vector<std::size_t> orderParcelsByTotal(const std::vector<CarbonAssessment>& assessments)
{
    return orderBy(assessments,
                   [](const CarbonAssessment& a, Category) { return a.ledger.totalT(); },
                   Category::Construction);
}

std::vector<std::size_t> orderParcelsByCategory(const std::vector<CarbonAssessment>& assessments,
                                                Category category)
{
    return orderBy(assessments,
                   [](const CarbonAssessment& a, Category c) { return a.ledger.categoryT(c); },
                   category);
}

} // namespace greenrenew::core
