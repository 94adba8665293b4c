#pragma once
// What a result rests on, from the input side: what loading the road network kept and dropped,
// every point moved onto the road (count, mean and largest distance per kind, the farthest by name
// and file:line, points whose nearest read node was dropped), and station rows skipped. Printed by
// `validate`, `run` and `coverage` and written to the result file:
//   /input            attributes max_snap_distance_m, road_nodes_read, road_nodes_dropped,
//                     road_length_dropped_m, road_dropped_share, station_rows_without_plugs
//   /input/snapping   one row per kind of point: kind, count, mean_m, max_m, nearest_dropped
//   /input/farthest   the farthest points of each kind: kind, name, where, distance_m
//   /road/nodes       per road node (the index every node column of the results uses): source_id
//                     (its id in the user's network file), x_m, y_m
// A warning line is printed when loading dropped more than kDroppedShareWarning of the nodes read
// or of the road length read.
#include <cstdint>
#include <string>
#include <vector>

#include "scenarios/files/station_file.hpp"
#include "models/road/road_graph.hpp"
#include "models/road/road_network.hpp"
#include "scenarios/files/snap_log.hpp"
#include "output/result_file.hpp"

namespace evsim::output {

// 10 %: a clean city extract loses a few dead-end pieces at its border; more than this usually
// means a clipped extract, missing ways or one-way streets cut off, which the planner should see.
inline constexpr double kDroppedShareWarning = 0.10;

struct InputReport {
  const models::road::RoadLoadReport& road;
  const scenarios::files::SnapLog& snapping;
  double max_snap_distance_m = 0.0;
  const scenarios::files::SkippedRows& station_rows_without_plugs;
};

// The larger of the dropped shares of nodes and of road length.
double dropped_share(const models::road::RoadLoadReport& road);

std::string to_text(const InputReport& report);
void write_input_report(ResultFile& file, const InputReport& report);
void write_road_nodes(ResultFile& file, const models::road::RoadGraph& graph, const std::vector<std::int64_t>& source_ids);

}  // namespace evsim::output
