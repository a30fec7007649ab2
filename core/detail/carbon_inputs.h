#pragma once

// What the carbon method knows about one parcel before it rates, books or chooses anything:
// the parcel's figures, the access distances and every parameter read once, each with the
// project default that stood in for missing data. Internal to the carbon stage.

#include "core/carbon_method.h"

#include <optional>
#include <string>
#include <vector>

namespace greenrenew::core::detail {

/// Reads carbon.* values, preferring "<key>.<renewal type>" over "<key>".
class CarbonParameters {
public:
    CarbonParameters(const ParameterSet& parameters, RenewalType type);
    double value(const std::string& key) const;
    bool contains(const std::string& key) const;
    const ParameterSet& all() const { return m_parameters; }

private:
    const ParameterSet& m_parameters;
    std::string m_typeName;
};

/// A distance with where it came from.
struct AccessDistance {
    double distanceM = 0;
    bool fromDefault = false;
    std::string how;  // "walk network to bus_stop", "project default (...)"
};

/// Public green of one life-circle tier per resident of the district (GB 50180 Table 4.0.4).
struct GreenPerPerson {
    std::string circle;
    double parkM2 = 0;        // parks of at least the tier's minimum size
    double m2PerPerson = 0;
    double limit = 0;         // the table's value x the renewal floor share
};

struct ParcelFacts {
    RenewalType type = RenewalType::Residential;
    double areaM2 = 0;
    double footprintM2 = 0;
    double buildingDensity = 0;
    double far = 0;
    double greenM2 = 0;
    double greenCoverage = 0;
    double roofAreaM2 = 0;
    double grossFloorAreaM2 = 0;
    double residentialFloorAreaM2 = 0;
    double nonResidentialFloorAreaM2 = 0;
    double residents = 0;
    double occupants = 0;       // residents + workers (non-residential floor / m2 per worker)
    double imperviousShare = 0;
    bool imperviousFromData = false;
    double openGroundM2 = 0;    // area - footprint
    double permeableOpenShare = 0;  // permeable ground / open ground

    GridFactorChoice grid;
    double gridKgPerKwh = 0;

    /// Gross uptake of the parcel's green, kgCO2e per m2 and year: the measured urban rate, or
    /// the planting-type table's 40-year figures by green kind, area-weighted, over 40 years.
    double sinkKgPerM2A = 0;
    bool sinkFromTable = false;

    std::optional<double> measuredIntensityKwhM2;  // parcel attribute energy_kwh_per_m2
    double residentialIntensity = 0;
    double publicIntensity = 0;

    AccessDistance bike;
    /// Straight distance to the nearest cycle way; empty when the district maps none.
    std::optional<double> cyclewayDistanceM;
    AccessDistance bus;
    AccessDistance collection;
    /// min over mapped parks of (distance / reach for the park's size); empty without parks.
    std::optional<double> parkReachRatio;
    std::string parkHow;
    bool greenLayerPresent = false;
    /// Whether the project has a facilities layer and a street layer at all: without them the
    /// access figures are unknown, and the stated defaults (meant for a facility type the data
    /// do not map) do not stand in for a whole missing layer in the ratings.
    bool facilitiesLayerPresent = false;
    bool streetLayerPresent = false;
    /// Public green per person of the district, one per life circle with a GB 50180 Table
    /// 4.0.4 value; empty when the district has no residents.
    std::vector<GreenPerPerson> greenPerPerson;
};

ParcelFacts gatherFacts(const Project& project, const Parcel& parcel, const FormMetrics& form,
                        const WalkAccess& walk, const CarbonDistrict& district,
                        const CarbonParameters& parameters);

/// Intermediate figures of the ledger, kept for interventions and for the hand checks.
struct LedgerDetail {
    double electricityKwh = 0;   // building operation before PV
    double pvKwh = 0;            // existing on-site PV
    double personKmPerYear = 0;
    double busShare = 0;         // after the access adjustment
    double bikeShare = 0;
    double carShare = 0;
    double metroShare = 0;
    double busKgPerPkm = 0;
    double garbageTPerYear = 0;
    double waterM3PerYear = 0;
    double sinkT = 0;            // gross uptake, positive
    double upkeepT = 0;
    std::string sinkMethod;      // "measured_urban_rate" or "planting_type_table"
};

CarbonLedger computeLedger(const ParcelFacts& facts, const CarbonParameters& parameters,
                           LedgerDetail& detail);

/// Share of annual rain that runs off: impervious and pervious coefficients weighted by share.
double runoffCoefficient(const ParcelFacts& facts, const CarbonParameters& parameters);

std::vector<IndexRating> rateIndices(const ParcelFacts& facts, const FormMetrics& form,
                                     const WalkAccess& walk, const MethodConfig& config,
                                     const CarbonParameters& parameters);

std::vector<Intervention> chooseInterventions(const CarbonAssessment& assessment,
                                              const ParcelFacts& facts,
                                              const LedgerDetail& detail,
                                              const WalkAccess& walk,
                                              const MethodConfig& config,
                                              const CarbonParameters& parameters);

} // namespace greenrenew::core::detail
