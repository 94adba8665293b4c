#pragma once
// Everything a city simulation reads and never changes: the road network with its routing and
// distance structures, vehicle types, segment policies, the stations of one plan, every vehicle's
// plan, and the run's settings. build_city.hpp makes one from a scenario; tests build them by hand.
//
// Units: kWh, kW, m, km/h, degC, fractions for SoC and efficiencies, sim::Duration / sim::Time.
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "models/charging/station.hpp"
#include "models/coverage/length_graph.hpp"
#include "models/coverage/nearest_stations_table.hpp"
#include "models/demand/fleet_schedule.hpp"
#include "models/fleet/vehicle_type.hpp"
#include "models/road/contraction_hierarchy.hpp"
#include "models/road/road_graph.hpp"
#include "models/road/shortest_paths.hpp"
#include "sim/time.hpp"

namespace evsim::models::city {

struct OpportunisticPolicy {
  sim::Duration min_stay{};
  double below_soc = 0.0;
  double walk_m = 0.0;
};

// How the vehicles of one segment charge (scenarios::SegmentSpec, resolved).
struct SegmentPolicy {
  double charge_below_soc = 0.3;
  double charge_to_soc = 0.8;
  double reserve_soc = 0.05;
  sim::Duration patience = std::chrono::minutes(30);
  std::uint32_t max_station_tries = 3;
  bool dc_only = false;
  double value_of_time_per_h = 30.0;
  // After charging for a need, drive back to where the need arose (private cars, replayed trips);
  // otherwise go on from the station (ride-hailing, logistics).
  bool returns_after_charging = true;
  std::optional<OpportunisticPolicy> opportunistic{};
};

struct RunSettings {
  sim::Time horizon{};
  sim::Duration sample_interval{};  // 0: no station samples
  double ambient_temperature_c = 20.0;
  double ac_efficiency = 0.92;      // battery kWh per grid kWh; home and depot chargers are AC
  double dc_efficiency = 0.95;
  double availability_radius_m = 1000.0;
  std::uint32_t choice_candidates = 8;  // stations priced per decision, nearest first
  std::size_t route_cache_entries = 1u << 16;
};

struct CityWorld {
  road::RoadGraph roads;
  std::shared_ptr<const road::ContractionHierarchy> hierarchy;
  coverage::LengthGraph forward_lengths;        // for "within radius of here" searches
  coverage::NearestStationsTable nearest;       // by road distance TO each public station
  std::vector<fleet::VehicleType> types;
  std::vector<SegmentPolicy> segments;
  std::vector<charging::Station> stations;
  std::vector<std::uint32_t> public_stations;   // the station ids `nearest` lists, by its indices
  demand::FleetSchedule schedule;
  RunSettings settings;
};

// Fills hierarchy, forward_lengths, nearest and public_stations from roads and stations.
void prepare_routing(CityWorld& world, std::uint32_t nearest_k);

}  // namespace evsim::models::city
