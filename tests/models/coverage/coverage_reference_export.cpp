// coverage_reference_export DIR synthetic | DIR osm FILE
//
// Writes a road graph and a station set as CSV files, with evsim's coverage results beside them,
// for coverage_reference.py to recompute independently with networkx:
//   nodes.csv     node,x_m,y_m,in_area,demand
//   edges.csv     from,to,length_m            (directed edges, as the RoadGraph holds them)
//   stations.csv  node
//   cpp_coverage.csv   metric,value           (analyse_coverage's totals and shares)
//   cpp_distances.csv  node,distance_m        (to the nearest station; inf when none)
// Cases: `synthetic`, a 2,000-node random graph with one-way streets, two-way streets whose
// directions differ in length, parallel edges and unconnected parts; `osm`, an OpenStreetMap
// extract read with load_osm. Both: 20 stations on nodes spread evenly through the node ids
// (Hilbert order for OSM, so spread over the map), demand 1 + id mod 7, the area = nodes inside
// the middle 80% of the bounding box in x and y, radius 1000 m.
#include <fmt/format.h>
#include <fmt/os.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <string_view>
#include <vector>

#include "models/coverage/coverage.hpp"
#include "scenarios/files/osm_loader.hpp"
#include "tests/models/coverage/random_road.hpp"

namespace {

using namespace evsim::models;

void write_case(const std::filesystem::path& dir, const road::RoadGraph& g) {
  const std::uint32_t n = g.node_count();
  std::vector<coverage::StationSite> stations;
  for (std::uint32_t k = 0; k < 20; ++k) {
    stations.push_back({.node = static_cast<road::NodeId>((static_cast<std::uint64_t>(k) * n) / 20 + n / 40), .plugs = 1 + k % 4});
  }
  std::vector<double> demand(n);
  for (road::NodeId v = 0; v < n; ++v) demand[v] = 1.0 + v % 7;
  double x0 = g.x_m(0), x1 = g.x_m(0), y0 = g.y_m(0), y1 = g.y_m(0);
  for (road::NodeId v = 0; v < n; ++v) {
    x0 = std::min(x0, g.x_m(v));
    x1 = std::max(x1, g.x_m(v));
    y0 = std::min(y0, g.y_m(v));
    y1 = std::max(y1, g.y_m(v));
  }
  std::vector<std::uint8_t> in_area(n);
  for (road::NodeId v = 0; v < n; ++v) {
    const double fx = (g.x_m(v) - x0) / (x1 - x0);
    const double fy = (g.y_m(v) - y0) / (y1 - y0);
    in_area[v] = fx >= 0.1 && fx <= 0.9 && fy >= 0.1 && fy <= 0.9 ? 1 : 0;
  }
  const double radius_m = 1000.0;
  const coverage::CoverageResult r =
      coverage::analyse_coverage({.graph = g, .stations = stations, .demand = demand, .in_area = in_area, .radius_m = radius_m});

  std::filesystem::create_directories(dir);
  auto nodes = fmt::output_file((dir / "nodes.csv").string());
  nodes.print("node,x_m,y_m,in_area,demand\n");
  for (road::NodeId v = 0; v < n; ++v) nodes.print("{},{:.17g},{:.17g},{},{:.17g}\n", v, g.x_m(v), g.y_m(v), in_area[v], demand[v]);
  auto edges = fmt::output_file((dir / "edges.csv").string());
  edges.print("from,to,length_m\n");
  for (road::EdgeId e = 0; e < g.edge_count(); ++e) edges.print("{},{},{:.17g}\n", g.source(e), g.target(e), g.length_m(e));
  auto station_file = fmt::output_file((dir / "stations.csv").string());
  station_file.print("node\n");
  for (const auto& s : stations) station_file.print("{}\n", s.node);
  auto results = fmt::output_file((dir / "cpp_coverage.csv").string());
  results.print("metric,value\n");
  results.print("radius_m,{:.17g}\n", radius_m);
  results.print("area_nodes,{}\ncovered_nodes,{}\nnode_share,{:.17g}\n", r.area_nodes, r.covered_nodes, r.network.nodes);
  results.print("area_length_m,{:.17g}\ncovered_length_m,{:.17g}\nlength_share,{:.17g}\n", r.area_length_m, r.covered_length_m,
                r.network.length);
  results.print("area_demand,{:.17g}\ncovered_demand,{:.17g}\ndemand_share,{:.17g}\n", r.area_demand, r.covered_demand,
                r.network.demand);
  auto distances = fmt::output_file((dir / "cpp_distances.csv").string());
  distances.print("node,distance_m\n");
  for (road::NodeId v = 0; v < n; ++v) distances.print("{},{:.17g}\n", v, r.distance_m[v]);
  fmt::print("{}: {} nodes, {} edges, node share {:.6f}, length share {:.6f}, demand share {:.6f}\n", dir.string(), n,
             g.edge_count(), r.network.nodes, r.network.length, r.network.demand);
}

}  // namespace

int main(int argc, char** argv) {
  const std::string_view mode = argc >= 3 ? argv[2] : "";
  if (!((argc == 3 && mode == "synthetic") || (argc == 4 && mode == "osm"))) {
    std::fputs("usage: coverage_reference_export DIR synthetic | DIR osm FILE\n", stderr);
    return 2;
  }
  try {
    if (mode == "synthetic") {
      write_case(argv[1], coverage::testing::random_road(
                              {.nodes = 2000, .side_m = 8000.0, .neighbours = 3, .one_way_share = 0.25, .seed = 2024}));
    } else {
      if (!std::filesystem::exists(argv[3])) {
        std::fprintf(stderr, "coverage_reference_export: %s not found: skipped\n", argv[3]);
        return 77;
      }
      write_case(argv[1], evsim::scenarios::files::load_osm({.file = argv[3], .include_service = false, .mark = {}}).graph);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "coverage_reference_export: %s\n", e.what());
    return 1;
  }
  return 0;
}
