#pragma once
// A road network from two CSV files (format of the files: csv_reader.hpp).
//
// nodes file: a header with `id` and either `lon`,`lat` (WGS84 degrees) or `x_m`,`y_m` (metres in
// a local plane); other columns are ignored, and lon/lat win when both pairs are present.
//   id: integer (int64), unique; lon in [-180, 180]; lat in [-90, 90]; x_m, y_m finite.
// edges file: a header with `from`,`to`,`length_m`,`speed_kmh`,`oneway` (other columns ignored).
//   from, to: ids from the nodes file, different from each other; length_m > 0 (metres);
//   speed_kmh > 0; oneway: 1/true (from -> to only) or 0/false (both directions). Any case.
//
// The result (network_assembly.hpp): parallel duplicate edges merged (the shortest stays), the
// largest strongly connected component kept, lon/lat projected about the centre of the kept
// nodes, node ids in Hilbert order (spatial_order.hpp); source_ids are the files' ids. Lengths
// are taken as given, never recomputed from the coordinates.
//
// Errors are scenarios::ScenarioError: a file that cannot be read at the scenario key that named
// it (spec.nodes_mark / edges_mark); anything inside a file at {file}:{line}:{column} with the
// column's name as key path, e.g.
//   edges.csv:4:9: length_m: expected a length in metres > 0, found "-3"
// A file without rows, or rows without a pair of nodes that reach each other both ways, is an
// error too.
#include "models/road/road_network.hpp"
#include "scenarios/scenario.hpp"

namespace evsim::scenarios::files {

namespace road = models::road;


road::RoadNetwork load_csv(const scenarios::CsvRoadSpec& spec);

}  // namespace evsim::scenarios::files
