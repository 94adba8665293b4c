// road_stats FILE [--include-service]: loads an OpenStreetMap file with load_osm and prints the
// load report as one JSON object, in the same form as osm_reference.py, for the ctest that
// compares the two.
#include <fmt/format.h>

#include <cstdint>
#include <cstdio>
#include <exception>
#include <string_view>

#include "scenarios/files/osm_loader.hpp"

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3 || (argc == 3 && std::string_view(argv[2]) != "--include-service")) {
    std::fputs("usage: road_stats FILE [--include-service]\n", stderr);
    return 2;
  }
  try {
    const evsim::models::road::RoadNetwork net =
        evsim::scenarios::files::load_osm({.file = argv[1], .include_service = argc == 3, .mark = {}});
    const auto& r = net.report;
    std::int64_t id_sum = 0;
    for (const std::int64_t id : net.source_ids) id_sum += id;
    fmt::print(
        "{{\"nodes_read\": {}, \"edges_read\": {}, \"ways_read\": {}, \"ways_skipped\": {}, \"ways_incomplete\": {}, "
        "\"edges_degenerate\": {}, \"edges_merged\": {}, \"components\": {}, \"nodes\": {}, \"edges\": {}, "
        "\"nodes_dropped\": {}, \"edges_dropped\": {}, \"length_m\": {:.17g}, \"length_dropped_m\": {:.17g}, "
        "\"osm_id_sum\": {}}}\n",
        r.nodes_read, r.edges_read, r.ways_read, r.ways_skipped, r.ways_incomplete, r.edges_degenerate, r.edges_merged,
        r.components, r.nodes, r.edges, r.nodes_dropped, r.edges_dropped, r.length_m, r.length_dropped_m, id_sum);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "road_stats: %s\n", e.what());
    return 1;
  }
  return 0;
}
