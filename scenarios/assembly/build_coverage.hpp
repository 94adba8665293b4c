#pragma once
// Everything `evsim coverage` and `evsim place` need from a scenario: the road network, demand per
// node, the planning area as a node mask, and the station sites of every plan ("base" = the
// scenario's own stations, then each of `plans`, which adds stations to the base).
//
// Demand points (CSV: weight plus node, lon/lat or x_m/y_m) snap to their nearest road node; the
// area polygon (lon/lat) is projected with the network's projection and a node is in the area when
// its position is inside or on the border (models/geometry/polygon.hpp). Station rows beyond their
// file's keep_within are left out of every plan and counted. Errors are
// scenarios::ScenarioError naming the scenario key or the file's line.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "models/charging/station.hpp"
#include "scenarios/files/station_file.hpp"
#include "models/coverage/coverage.hpp"
#include "scenarios/files/node_weights.hpp"
#include "models/road/geo.hpp"
#include "models/road/road_network.hpp"
#include "scenarios/files/snap_log.hpp"
#include "scenarios/scenario.hpp"

namespace evsim::scenarios::assembly {

namespace road = models::road;
namespace charging = models::charging;
namespace demand = models::demand;

using DemandReport = files::PointWeightsReport;

struct CoveragePlan {
  std::string name;
  std::vector<charging::Station> stations;        // every station of the plan
  std::vector<double> snap_m;                     // per station
  std::vector<std::optional<Datum>> source_crs;  // per station: datum its lon/lat were written in
  std::uint64_t left_out = 0;                     // stations beyond their file's keep_within, not placed
  std::vector<models::coverage::StationSite> public_sites;  // public stations with at least one plug
};

struct CoverageCase {
  road::RoadNetwork network{};
  std::vector<double> demand{};         // per node; empty: 1 per node
  std::vector<std::uint8_t> in_area{};  // per node; empty: every node
  std::vector<road::XY> area_polygon{};  // projected, empty when the scenario has no area
  std::optional<double> area_m2{};
  DemandReport demand_report{};
  std::vector<CoveragePlan> plans{};  // "base" first
  std::uint64_t vehicles = 0;         // the scenario's fleet size
  files::SkippedRows station_rows_without_plugs{};
  // Every point put on the road (demand points, the base stations, then each plan's own) and the limit that applied.
  files::SnapLog snapping{};
  double max_snap_distance_m = 0.0;
  // Rows of station files left out for lying farther than the file's keep_within from the road:
  // the base plan's, plus those each plan's own files add.
  std::uint64_t station_rows_left_out = 0;
};

CoverageCase build_coverage_case(const scenarios::Scenario& scenario);

// The plan of that name; throws scenarios::ScenarioError (key "--plan") when there is none.
const CoveragePlan& find_plan(const CoverageCase& c, const scenarios::Scenario& scenario, const std::string& name);

}  // namespace evsim::scenarios::assembly
