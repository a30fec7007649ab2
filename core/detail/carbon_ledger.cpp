// The carbon ledger of one parcel, tCO2e per year by category (docs/method.md, "Ledger").

#include "core/detail/carbon_inputs.h"

#include <algorithm>

namespace greenrenew::core::detail {

namespace {

constexpr double kDaysPerYear = 365.0;
constexpr double kKgPerTonne = 1000.0;
constexpr double kLitresPerM3 = 1000.0;

double existingPvKwh(const ParcelFacts& facts, const CarbonParameters& parameters)
{
    return facts.roofAreaM2 * parameters.value("carbon.roof.pv_suitable_share")
           * parameters.value("carbon.default.pv_installed_share")
           * parameters.value("carbon.pv.kwp_per_m2")
           * parameters.value("carbon.pv.yield_kwh_per_kwp");
}

double constructionT(const ParcelFacts& facts, const CarbonParameters& parameters,
                     LedgerDetail& detail)
{
    if (facts.measuredIntensityKwhM2) {
        detail.electricityKwh = facts.grossFloorAreaM2 * *facts.measuredIntensityKwhM2;
    } else {
        detail.electricityKwh = facts.residentialFloorAreaM2 * facts.residentialIntensity
                                + facts.nonResidentialFloorAreaM2 * facts.publicIntensity;
    }
    detail.pvKwh = std::min(existingPvKwh(facts, parameters), detail.electricityKwh);
    return (detail.electricityKwh - detail.pvKwh) * facts.gridKgPerKwh / kKgPerTonne;
}

// Mode shares of the project, with the bus and bicycle shares cut where the parcel lacks
// access; the share lost goes to the car (the conservative assumption).
void adjustModeShares(const ParcelFacts& facts, const CarbonParameters& parameters,
                      LedgerDetail& detail)
{
    const double poorAccess = parameters.value("carbon.transport.poor_access_share_factor");
    detail.busShare = parameters.value("carbon.mode_share.bus");
    detail.bikeShare = parameters.value("carbon.mode_share.bike");
    detail.metroShare = parameters.value("carbon.mode_share.metro");
    detail.carShare = parameters.value("carbon.mode_share.car");

    if (facts.bus.distanceM > parameters.value("carbon.clean_vehicles.bus_stop_reach_m")) {
        const double lost = detail.busShare * (1.0 - poorAccess);
        detail.busShare -= lost;
        detail.carShare += lost;
    }
    if (facts.bike.distanceM > parameters.value("carbon.bicycle_use.station_reach_m")) {
        const double lost = detail.bikeShare * (1.0 - poorAccess);
        detail.bikeShare -= lost;
        detail.carShare += lost;
    }
}

double transportT(const ParcelFacts& facts, const CarbonParameters& parameters,
                  LedgerDetail& detail)
{
    detail.personKmPerYear = facts.occupants
                             * parameters.value("carbon.transport.trips_per_person_day")
                             * kDaysPerYear * parameters.value("carbon.transport.trip_km");
    adjustModeShares(facts, parameters, detail);

    const double clean = parameters.value("carbon.default.fleet_clean_share");
    const double electricBus = parameters.value("carbon.transport.bus_electric_kwh_per_pkm")
                               * facts.gridKgPerKwh;
    detail.busKgPerPkm = clean * electricBus
        + (1.0 - clean) * parameters.value("carbon.transport.bus_conventional_kg_per_pkm");
    const double metro = parameters.value("carbon.transport.metro_kwh_per_pkm")
                         * facts.gridKgPerKwh;
    const double car = parameters.value("carbon.transport.car_kg_per_pkm");

    const double kgPerPkm = detail.busShare * detail.busKgPerPkm + detail.metroShare * metro
                            + detail.carShare * car;
    return detail.personKmPerYear * kgPerPkm / kKgPerTonne;
}

double greeningT(const ParcelFacts& facts, const CarbonParameters& parameters,
                 LedgerDetail& detail)
{
    // The rate is the measured urban one or the planting-type table's, as gatherFacts chose;
    // upkeep is booked against either (parameters.md 2.6: count upkeep, not only uptake).
    detail.sinkT = facts.greenM2 * facts.sinkKgPerM2A / kKgPerTonne;
    detail.sinkMethod = facts.sinkFromTable ? "planting_type_table" : "measured_urban_rate";
    detail.upkeepT = facts.greenM2 * parameters.value("carbon.sink.upkeep_kg_m2_a")
                     / kKgPerTonne;
    return detail.upkeepT - detail.sinkT;
}

double wasteT(const ParcelFacts& facts, const CarbonParameters& parameters,
              LedgerDetail& detail)
{
    detail.garbageTPerYear = facts.occupants * parameters.value("carbon.waste.kg_per_person_day")
                             * kDaysPerYear / kKgPerTonne;
    const double treatedT = detail.garbageTPerYear
                            * (1.0 - parameters.value("carbon.default.recycling_rate"));
    const double garbageT = treatedT * parameters.value("carbon.waste.treatment_t_per_t");

    detail.waterM3PerYear = facts.occupants
                            * parameters.value("carbon.water.use_l_per_person_day")
                            * kDaysPerYear / kLitresPerM3;
    const double waterT = detail.waterM3PerYear
                          * parameters.value("carbon.water.energy_kwh_per_m3")
                          * facts.gridKgPerKwh / kKgPerTonne;
    return garbageT + waterT;
}

} // namespace

CarbonLedger computeLedger(const ParcelFacts& facts, const CarbonParameters& parameters,
                           LedgerDetail& detail)
{
    CarbonLedger ledger;
    ledger.constructionT = constructionT(facts, parameters, detail);
    ledger.transportT = transportT(facts, parameters, detail);
    ledger.greeningT = greeningT(facts, parameters, detail);
    ledger.wasteT = wasteT(facts, parameters, detail);
    return ledger;
}

} // namespace greenrenew::core::detail
