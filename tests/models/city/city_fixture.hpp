#pragma once
// Hand-built cities for CityModel tests: a grid of streets, stations and vehicles with their legs,
// run to a horizon while every record is kept.
#include <fmt/format.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "models/charging/connectors.hpp"
#include "models/city/city_model.hpp"
#include "models/city/city_world.hpp"
#include "models/road/grid_generator.hpp"
#include "sim/simulator.hpp"

namespace evsim::models::city::testing {

using namespace std::chrono_literals;

class Records final : public RunObserver {
 public:
  void on_trip(const TripRecord& t) override { trips.push_back(t); }
  void on_need(const NeedRecord& n) override { needs.push_back(n); }
  void on_session(const ChargeSessionRecord& s) override { sessions.push_back(s); }
  void on_station_sample(const StationSample& s) override { samples.push_back(s); }

  std::vector<TripRecord> trips;
  std::vector<NeedRecord> needs;
  std::vector<ChargeSessionRecord> sessions;
  std::vector<StationSample> samples;
};

inline sim::Time at(sim::Duration d) { return sim::kTimeZero + d; }

// A rows x cols grid of two-way streets `spacing_m` apart at `speed_kmh`; node = row * cols + col.
class CityBuilder {
 public:
  CityBuilder(std::uint32_t rows, std::uint32_t cols, double spacing_m = 500.0, double speed_kmh = 36.0) {
    world_.roads = road::make_grid({.rows = rows, .cols = cols, .spacing_m = spacing_m, .speed_kmh = speed_kmh});
    world_.settings.horizon = at(24h);
  }

  // A car: battery, consumption (kWh/km), AC/DC limits; flat charging curve at its top power
  // unless `curve` is given; GB/T connectors for the kinds it accepts unless `connectors` is given.
  std::uint32_t add_type(double battery_kwh, double kwh_per_km, double ac_kw, double dc_kw,
                         std::optional<std::vector<fleet::CurvePoint>> curve = std::nullopt,
                         std::vector<std::string> connectors = {}) {
    const double top = std::max(ac_kw, dc_kw);
    fleet::ConnectorSet set = 0;
    if (connectors.empty()) {
      if (ac_kw > 0) set |= names_.bit("gbt_ac");
      if (dc_kw > 0) set |= names_.bit("gbt_dc");
    }
    for (const std::string& c : connectors) set |= names_.bit(c);
    world_.types.push_back(fleet::VehicleType{
        .name = fmt::format("type{}", world_.types.size()),
        .battery_kwh = battery_kwh,
        .consumption = {.base_kwh_per_km = kwh_per_km},
        .max_ac_power_kw = ac_kw,
        .max_dc_power_kw = dc_kw,
        .curve = fleet::ChargingCurve(curve ? *curve : std::vector<fleet::CurvePoint>{{0.0, top}, {1.0, top}}),
        .connectors = set});
    return static_cast<std::uint32_t>(world_.types.size() - 1);
  }

  std::uint32_t add_segment(SegmentPolicy policy) {
    world_.segments.push_back(policy);
    return static_cast<std::uint32_t>(world_.segments.size() - 1);
  }

  // `count` plugs of `power_kw` (DC or AC) with the kind's GB/T connector unless one is named.
  StationId add_station(road::NodeId node, std::uint32_t count, double power_kw, bool dc,
                        charging::OpeningHours hours = {}, double price = 0.0, std::string connector = "") {
    std::vector<charging::Plug> plugs;
    const fleet::ConnectorSet bit = names_.bit(connector.empty() ? (dc ? "gbt_dc" : "gbt_ac") : connector);
    for (std::uint32_t i = 0; i < count; ++i) plugs.push_back({.dc = dc, .power_kw = power_kw, .connector = bit});
    world_.stations.emplace_back(fmt::format("s{}", world_.stations.size()), node, std::move(plugs), true, price,
                                 hours);
    return static_cast<StationId>(world_.stations.size() - 1);
  }

  // More plugs at station `s`, as add_station makes them.
  void add_plugs(StationId s, std::uint32_t count, double power_kw, bool dc) {
    const fleet::ConnectorSet bit = names_.bit(dc ? "gbt_dc" : "gbt_ac");
    for (std::uint32_t i = 0; i < count; ++i) {
      world_.stations[s].plugs().push_back({.dc = dc, .power_kw = power_kw, .connector = bit});
    }
  }

  VehicleId add_vehicle(std::uint32_t type, std::uint32_t segment, road::NodeId start, double soc,
                        std::vector<demand::Leg> legs, road::NodeId charger = road::kInvalid,
                        double charger_kw = 0.0) {
    demand::VehicleSchedule p{.type = type,
                          .segment = segment,
                          .start = start,
                          .charger_node = charger,
                          .charger_power_kw = charger_kw,
                          .initial_soc = soc,
                          .first_leg = static_cast<std::uint32_t>(world_.schedule.legs.size()),
                          .leg_count = static_cast<std::uint32_t>(legs.size())};
    world_.schedule.legs.insert(world_.schedule.legs.end(), legs.begin(), legs.end());
    world_.schedule.vehicles.push_back(p);
    return static_cast<VehicleId>(world_.schedule.vehicles.size() - 1);
  }

  RunSettings& settings() { return world_.settings; }
  CityWorld& world() { return world_; }
  const CityWorld& world() const { return world_; }

  // Prepares routing and runs the model to the horizon; keeps everything for inspection.
  // `before_start` may subscribe to the model's signals.
  void run(std::uint32_t nearest_k = 8, const std::function<void(CityModel&)>& before_start = {}) {
    prepare_routing(world_, nearest_k);
    simulator_.emplace();
    model_.emplace(*simulator_, world_, records);
    if (before_start) before_start(*model_);
    model_->start();
    simulator_->run_until(world_.settings.horizon);
    model_->finish();
  }

  const CityModel& model() const { return *model_; }
  Records records;

 private:
  CityWorld world_;
  charging::ConnectorNames names_;
  std::optional<sim::Simulator> simulator_;
  std::optional<CityModel> model_;
};

inline demand::Leg leg_to(road::NodeId destination, sim::Time not_before, sim::Duration min_stay = 0ms,
                          demand::Activity activity = demand::Activity::work) {
  return {.not_before = not_before, .min_stay = min_stay, .skip_after = demand::kNoSkip, .destination = destination,
          .activity = activity};
}

}  // namespace evsim::models::city::testing
