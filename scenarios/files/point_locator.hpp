#pragma once
// Puts the points a user writes (stations, depots, places, demand points, trip ends, candidate
// sites) on road nodes, the one way every input does it:
//
//   * a node id is the id in the user's network file (CSV `id`, OSM node id; generated networks:
//     docs/scenario-format.md), looked up among the kept nodes. An id of a node that loading dropped
//     (outside the largest strongly connected component) or of no road node at all is an error;
//   * x/y (metres) and lon/lat (WGS-84 degrees, projected with the network's projection) snap to the
//     nearest kept node. A point farther than max_snap_distance_m from it is an error naming the
//     point, its distance and where it was written;
//   * a node and a point given together must lie within max_snap_distance_m of each other.
//
// Every point moved is counted in log() (scenarios/files/snap_log.hpp), including whether its nearest
// read node was one that loading dropped. Errors are scenarios::ScenarioError at the point's mark,
// with ".node", ".x" or ".lon" added to a scenario key path (not to a CSV column's).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "models/road/node_snapper.hpp"
#include "models/road/road_network.hpp"
#include "scenarios/files/snap_log.hpp"
#include "scenarios/scenario.hpp"

namespace evsim::scenarios::files {

namespace road = models::road;


// What a point is and where the user wrote it. Views: the caller keeps the strings alive.
struct PointRef {
  std::string_view kind;      // "station", "depot", "home", ... (SnapLog kinds)
  std::string_view name;      // may be empty
  std::string_view file;
  int line = 0;
  int column = 0;
  std::string_view key_path;  // scenario key path, or the CSV column name
  bool scenario_key = true;   // add ".node"/".x"/".lon" to key_path in errors (not for CSV columns)
};

PointRef point_ref(std::string_view kind, std::string_view name, const scenarios::SourceMark& mark);

class PointLocator {
 public:
  PointLocator(const road::RoadNetwork& network, double max_snap_distance_m);

  // The node and how far the point given moved to reach it (0 for a node id given alone).
  road::Snap locate(const scenarios::LocationSpec& location, const PointRef& ref);
  road::NodeId node_by_id(std::int64_t id, const PointRef& ref) const;
  road::Snap snap_xy(double x_m, double y_m, const PointRef& ref);
  road::Snap snap_lon_lat(double lon, double lat, const PointRef& ref);

  // How far a point given by coordinates lies from its nearest kept node, without checks or logging
  // (0 for a node id; +infinity for lon/lat on a network without a projection).
  double distance_to_road(const scenarios::LocationSpec& location) const;
  // The kept node with this source id, if any.
  std::optional<road::NodeId> find_id(std::int64_t id) const;
  const road::RoadNetwork& network() const { return network_; }
  const road::NodeSnapper& snapper() const { return snapper_; }
  double max_snap_distance_m() const { return max_snap_m_; }
  const SnapLog& log() const { return log_; }
  // Off: points are still located and checked, but not logged (points located again, such as a
  // plan's copy of the base stations).
  void set_logging(bool on) { logging_ = on; }

 private:
  road::XY to_xy(double lon, double lat, const PointRef& ref) const;
  road::Snap accept(road::Snap snap, double x_m, double y_m, const PointRef& ref, std::string_view key);

  const road::RoadNetwork& network_;
  road::NodeSnapper snapper_;
  std::optional<road::NodeSnapper> dropped_snapper_;  // over network.dropped, when loading dropped nodes
  std::vector<road::NodeId> by_source_id_;           // kept nodes sorted by source id
  std::vector<std::int64_t> dropped_ids_;      // sorted
  double max_snap_m_;
  SnapLog log_;
  bool logging_ = true;
};

}  // namespace evsim::scenarios::files
