#include "scenarios/files/osm_loader.hpp"

#include <fmt/format.h>
#include <osmium/io/any_input.hpp>
#include <osmium/osm/node.hpp>
#include <osmium/osm/way.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <new>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

#include "models/road/geo.hpp"
#include "models/road/network_assembly.hpp"
#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios::files {
using namespace ::evsim::models::road;
namespace {


constexpr std::string_view kExpectedFile = "a readable OpenStreetMap file (.osm, .osm.gz, .osm.bz2, .osm.pbf)";

struct RoadClass {
  std::string_view highway;
  double speed_kmh;
};

constexpr std::array<RoadClass, 14> kRoadClasses{{
    {"motorway", 100.0},
    {"motorway_link", 60.0},
    {"trunk", 80.0},
    {"trunk_link", 50.0},
    {"primary", 60.0},
    {"primary_link", 40.0},
    {"secondary", 50.0},
    {"secondary_link", 35.0},
    {"tertiary", 40.0},
    {"tertiary_link", 30.0},
    {"unclassified", 30.0},
    {"residential", 30.0},
    {"living_street", 10.0},
    {"service", 15.0},
}};

enum class Direction : std::uint8_t { forward, backward, both };

struct WayRecord {
  std::size_t first_ref;  // into the refs vector
  std::size_t ref_count;
  Direction direction;
  double speed_kmh;
};

struct WaysRead {
  std::vector<std::int64_t> refs;
  std::vector<WayRecord> ways;
  std::uint64_t skipped = 0;
};

bool equals(const char* value, std::string_view expected) { return value != nullptr && expected == value; }

Direction direction_of(const osmium::TagList& tags, std::string_view highway) {
  const char* oneway = tags["oneway"];
  if (equals(oneway, "yes") || equals(oneway, "true") || equals(oneway, "1")) return Direction::forward;
  if (equals(oneway, "-1") || equals(oneway, "reverse")) return Direction::backward;
  if (equals(oneway, "no") || equals(oneway, "false") || equals(oneway, "0")) return Direction::both;
  const char* junction = tags["junction"];
  if (highway == "motorway" || equals(junction, "roundabout") || equals(junction, "circular")) return Direction::forward;
  return Direction::both;
}

// First pass: the drivable ways, their node references and attributes.
WaysRead read_ways(const std::string& file, bool include_service) {
  WaysRead out;
  osmium::io::Reader reader{osmium::io::File{file}, osmium::osm_entity_bits::way};
  while (const osmium::memory::Buffer buffer = reader.read()) {
    for (const osmium::Way& way : buffer.select<osmium::Way>()) {
      const osmium::TagList& tags = way.tags();
      const char* highway = tags["highway"];
      const std::optional<double> class_speed = highway != nullptr ? default_speed_kmh(highway) : std::nullopt;
      const char* access = tags["access"];
      if (!way.visible() || !class_speed || (!include_service && equals(highway, "service")) ||
          equals(tags["area"], "yes") || equals(access, "no") || equals(access, "private")) {
        ++out.skipped;
        continue;
      }
      const char* maxspeed = tags["maxspeed"];
      const std::optional<double> speed = maxspeed != nullptr ? parse_maxspeed_kmh(maxspeed) : std::nullopt;
      out.ways.push_back({out.refs.size(), way.nodes().size(), direction_of(tags, highway), speed.value_or(*class_speed)});
      for (const osmium::NodeRef& ref : way.nodes()) out.refs.push_back(ref.ref());
    }
  }
  reader.close();
  return out;
}

struct NodesRead {
  std::vector<std::int64_t> ids;  // sorted, unique: every node a kept way names
  std::vector<double> lon;
  std::vector<double> lat;
  std::vector<bool> present;      // found in the file with a valid location
};

// Second pass: the locations of the nodes the kept ways name.
NodesRead read_nodes(const std::string& file, const std::vector<std::int64_t>& refs) {
  NodesRead out;
  out.ids = refs;
  std::sort(out.ids.begin(), out.ids.end());
  out.ids.erase(std::unique(out.ids.begin(), out.ids.end()), out.ids.end());
  out.lon.assign(out.ids.size(), 0.0);
  out.lat.assign(out.ids.size(), 0.0);
  out.present.assign(out.ids.size(), false);
  osmium::io::Reader reader{osmium::io::File{file}, osmium::osm_entity_bits::node};
  while (const osmium::memory::Buffer buffer = reader.read()) {
    for (const osmium::Node& node : buffer.select<osmium::Node>()) {
      const auto it = std::lower_bound(out.ids.begin(), out.ids.end(), node.id());
      if (it == out.ids.end() || *it != node.id() || !node.visible() || !node.location().valid()) continue;
      const auto i = static_cast<std::size_t>(it - out.ids.begin());
      out.lon[i] = node.location().lon();
      out.lat[i] = node.location().lat();
      out.present[i] = true;
    }
  }
  reader.close();
  return out;
}

// A run of present nodes of one way (indices into NodesRead), without consecutive repeats.
struct Piece {
  std::size_t first;  // into the pieces' node vector
  std::size_t count;
  std::size_t way;
};

RawNetwork build_graph(const WaysRead& ways, const NodesRead& nodes, RoadLoadReport& report) {
  // Cut every way at its missing nodes.
  std::vector<std::uint32_t> piece_nodes;
  std::vector<Piece> pieces;
  for (std::size_t w = 0; w < ways.ways.size(); ++w) {
    const WayRecord& way = ways.ways[w];
    bool incomplete = false;
    Piece piece{piece_nodes.size(), 0, w};
    auto close_piece = [&] {
      if (piece.count >= 2) {
        pieces.push_back(piece);
      } else {
        piece_nodes.resize(piece.first);
      }
      piece = {piece_nodes.size(), 0, w};
    };
    for (std::size_t k = 0; k < way.ref_count; ++k) {
      const std::int64_t ref = ways.refs[way.first_ref + k];
      const auto i = static_cast<std::uint32_t>(std::lower_bound(nodes.ids.begin(), nodes.ids.end(), ref) - nodes.ids.begin());
      if (!nodes.present[i]) {
        incomplete = true;
        close_piece();
        continue;
      }
      if (piece.count > 0 && piece_nodes.back() == i) continue;
      piece_nodes.push_back(i);
      ++piece.count;
    }
    close_piece();
    if (incomplete) ++report.ways_incomplete;
  }

  // Graph nodes: piece ends and nodes used twice or more.
  std::vector<std::uint8_t> uses(nodes.ids.size(), 0);
  std::vector<bool> is_graph_node(nodes.ids.size(), false);
  for (const Piece& p : pieces) {
    for (std::size_t k = 0; k < p.count; ++k) {
      std::uint8_t& u = uses[piece_nodes[p.first + k]];
      if (u < 2) ++u;
    }
    is_graph_node[piece_nodes[p.first]] = true;
    is_graph_node[piece_nodes[p.first + p.count - 1]] = true;
  }
  for (std::size_t i = 0; i < uses.size(); ++i) {
    if (uses[i] >= 2) is_graph_node[i] = true;
  }
  // Split loops at their middle shape point. Such a point is used once, so marking it changes no
  // other stretch.
  for (const Piece& p : pieces) {
    std::size_t start = 0;
    for (std::size_t k = 1; k < p.count; ++k) {
      if (!is_graph_node[piece_nodes[p.first + k]]) continue;
      const std::size_t interior = k - start - 1;
      if (piece_nodes[p.first + k] == piece_nodes[p.first + start] && interior > 0) {
        is_graph_node[piece_nodes[p.first + start + (interior + 1) / 2]] = true;
      }
      start = k;
    }
  }

  // Graph node ids in OSM id order (nodes.ids is sorted).
  RawNetwork raw;
  raw.geographic = true;
  std::vector<NodeId> graph_id(nodes.ids.size(), kInvalid);
  for (std::size_t i = 0; i < nodes.ids.size(); ++i) {
    if (!is_graph_node[i]) continue;
    graph_id[i] = static_cast<NodeId>(raw.x.size());
    raw.x.push_back(nodes.lon[i]);
    raw.y.push_back(nodes.lat[i]);
    raw.source_ids.push_back(nodes.ids[i]);
  }

  for (const Piece& p : pieces) {
    const WayRecord& way = ways.ways[p.way];
    std::uint32_t from = piece_nodes[p.first];
    double length_m = 0.0;
    for (std::size_t k = 1; k < p.count; ++k) {
      const std::uint32_t a = piece_nodes[p.first + k - 1];
      const std::uint32_t b = piece_nodes[p.first + k];
      length_m += haversine_m(nodes.lon[a], nodes.lat[a], nodes.lon[b], nodes.lat[b]);
      if (!is_graph_node[b]) continue;
      const NodeId u = graph_id[from];
      const NodeId v = graph_id[b];
      if (way.direction != Direction::backward) raw.edges.push_back({u, v, length_m, way.speed_kmh});
      if (way.direction != Direction::forward) raw.edges.push_back({v, u, length_m, way.speed_kmh});
      from = b;
      length_m = 0.0;
    }
  }
  return raw;
}

}  // namespace

std::optional<double> default_speed_kmh(std::string_view highway) {
  for (const RoadClass& c : kRoadClasses) {
    if (c.highway == highway) return c.speed_kmh;
  }
  return std::nullopt;
}

std::optional<double> parse_maxspeed_kmh(std::string_view s) {
  auto trim = [](std::string_view t) {
    while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
    while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
    return t;
  };
  s = trim(s);
  double factor = 1.0;
  for (const auto& [unit, to_kmh] : {std::pair<std::string_view, double>{"mph", 1.609344}, {"km/h", 1.0}, {"kmh", 1.0}, {"kph", 1.0}}) {
    if (s.ends_with(unit)) {
      s = trim(s.substr(0, s.size() - unit.size()));
      factor = to_kmh;
      break;
    }
  }
  // Digits with at most one decimal point inside, nothing else.
  if (s.empty() || s.front() == '.' || s.back() == '.' ||
      !std::all_of(s.begin(), s.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; }) ||
      std::count(s.begin(), s.end(), '.') > 1) {
    return std::nullopt;
  }
  double value = 0.0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc{} || end != s.data() + s.size() || !(value > 0.0) || !std::isfinite(value)) return std::nullopt;
  return value * factor;
}

RoadNetwork load_osm(const scenarios::OsmRoadSpec& spec) {
  const std::string file = spec.file.string();
  std::error_code ec;
  const auto status = std::filesystem::status(spec.file, ec);
  if (!std::filesystem::exists(status)) {
    throw ScenarioError(spec.mark, std::string(kExpectedFile), quote_path(spec.file) + ": no such file");
  }
  if (std::filesystem::is_directory(status)) {
    throw ScenarioError(spec.mark, std::string(kExpectedFile), quote_path(spec.file) + ": a directory");
  }

  WaysRead ways;
  NodesRead nodes;
  try {
    ways = read_ways(file, spec.include_service);
    if (!ways.refs.empty()) nodes = read_nodes(file, ways.refs);
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    // libosmium's errors: osmium::xml_error (with line and column), pbf_error, gzip_error,
    // bzip2_error, unsupported_file_format_error, invalid_location, std::system_error...
    throw ScenarioError(spec.mark, std::string(kExpectedFile), fmt::format("{}: {}", quote_path(spec.file), e.what()));
  }

  RoadLoadReport report;
  report.source = file;
  report.ways_read = ways.ways.size();
  report.ways_skipped = ways.skipped;
  RawNetwork raw = build_graph(ways, nodes, report);
  if (raw.edges.empty()) {
    throw ScenarioError(
        spec.mark,
        fmt::format("an OpenStreetMap file with drivable roads (highway=motorway, trunk, primary, secondary, tertiary, "
                    "unclassified, residential, living_street, their _link roads{})",
                    spec.include_service ? ", service" : ""),
        report.ways_read == 0
            ? fmt::format("{}: no drivable road among its {} ways", quote_path(spec.file), report.ways_skipped)
            : fmt::format("{}: {} drivable way{}, none with two of its nodes in the file", quote_path(spec.file),
                          report.ways_read, report.ways_read == 1 ? "" : "s"));
  }
  raw.report = std::move(report);
  RoadNetwork net = assemble_network(std::move(raw), NodeOrder::hilbert);
  if (net.graph.edge_count() == 0) {
    throw ScenarioError(spec.mark, "roads that connect at least two nodes both ways (a route there and back)",
                        fmt::format("{}: no two of its {} road nodes reach each other both ways", quote_path(spec.file),
                                    net.report.nodes_read));
  }
  return net;
}

}  // namespace evsim::scenarios::files
