#include "scenarios/files/csv_loader.hpp"

#include <fmt/format.h>

#include <unordered_map>
#include <utility>

#include "scenarios/files/csv_reader.hpp"
#include "scenarios/plausibility.hpp"
#include "models/road/network_assembly.hpp"
#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios::files {
using namespace ::evsim::models::road;
namespace {


struct NodeTable {
  std::unordered_map<std::int64_t, NodeId> index;  // file id -> position in the file
};

void read_nodes(const CsvTable& table, RawNetwork& raw, NodeTable& nodes) {
  const std::size_t id_col = table.require("id");
  std::size_t x_col = 0;
  std::size_t y_col = 0;
  if (table.find("lon") || table.find("lat")) {
    x_col = table.require("lon");
    y_col = table.require("lat");
    raw.geographic = true;
  } else if (table.find("x_m") || table.find("y_m")) {
    x_col = table.require("x_m");
    y_col = table.require("y_m");
  } else {
    throw ScenarioError(table.file_name(), table.header_line(), 1, "lon,lat",
                        "columns \"lon\",\"lat\" or \"x_m\",\"y_m\" in the header", quote(table.header_text()));
  }
  if (table.row_count() == 0) {
    throw ScenarioError(table.file_name(), 0, 0, std::string(scenarios::kFileKey), "at least one node after the header",
                        "none");
  }
  if (table.row_count() >= kInvalid) {
    throw ScenarioError(table.file_name(), 0, 0, std::string(scenarios::kFileKey),
                        fmt::format("fewer than {} nodes", kInvalid), fmt::format("{}", table.row_count()));
  }
  const auto n = static_cast<std::uint32_t>(table.row_count());
  raw.x.resize(n);
  raw.y.resize(n);
  raw.source_ids.resize(n);
  nodes.index.reserve(n);
  for (NodeId r = 0; r < n; ++r) {
    const std::int64_t id = table.integer(r, id_col, "an integer node id");
    if (const auto [it, inserted] = nodes.index.emplace(id, r); !inserted) {
      table.fail(r, id_col, fmt::format("a node id not used before (line {} has it)", table.line(it->second)));
    }
    raw.source_ids[r] = id;
    if (raw.geographic) {
      constexpr std::string_view kLon = "a longitude in degrees from -180 to 180";
      constexpr std::string_view kLat = "a latitude in degrees from -90 to 90";
      raw.x[r] = table.number(r, x_col, kLon);
      if (raw.x[r] < -180.0 || raw.x[r] > 180.0) table.fail(r, x_col, kLon);
      raw.y[r] = table.number(r, y_col, kLat);
      if (raw.y[r] < -90.0 || raw.y[r] > 90.0) table.fail(r, y_col, kLat);
    } else {
      raw.x[r] = table.number(r, x_col, "a finite number of metres");
      raw.y[r] = table.number(r, y_col, "a finite number of metres");
    }
  }
}

void read_edges(const CsvTable& table, const NodeTable& nodes, const std::string& nodes_file, RawNetwork& raw) {
  const std::size_t from_col = table.require("from");
  const std::size_t to_col = table.require("to");
  const std::size_t length_col = table.require("length_m");
  const std::size_t speed_col = table.require("speed_kmh");
  const std::size_t oneway_col = table.require("oneway");
  if (table.row_count() == 0) {
    throw ScenarioError(table.file_name(), 0, 0, std::string(scenarios::kFileKey), "at least one edge after the header",
                        "none");
  }
  const std::string known = fmt::format("a node id listed in {}", nodes_file);
  auto node = [&](std::size_t r, std::size_t col) {
    const auto it = nodes.index.find(table.integer(r, col, known));
    if (it == nodes.index.end()) table.fail(r, col, known);
    return it->second;
  };
  raw.edges.reserve(2 * table.row_count());
  for (std::size_t r = 0; r < table.row_count(); ++r) {
    const NodeId from = node(r, from_col);
    const NodeId to = node(r, to_col);
    if (from == to) table.fail(r, to_col, "a node other than the edge's \"from\"");
    constexpr std::string_view kLength = "a length in metres > 0";
    const std::string speed_phrase = scenarios::plausible_phrase(scenarios::kRoadSpeedRange);
    const double length_m = table.number(r, length_col, kLength);
    if (!(length_m > 0.0)) table.fail(r, length_col, kLength);
    const double speed_kmh = table.number(r, speed_col, speed_phrase);
    if (!scenarios::is_plausible(scenarios::kRoadSpeedRange, speed_kmh)) table.fail(r, speed_col, speed_phrase);
    const bool oneway = table.boolean(r, oneway_col, "0, 1, true or false");
    raw.edges.push_back({from, to, length_m, speed_kmh});
    if (!oneway) raw.edges.push_back({to, from, length_m, speed_kmh});
  }
}

}  // namespace

RoadNetwork load_csv(const scenarios::CsvRoadSpec& spec) {
  const CsvTable node_table = CsvTable::read(spec.nodes_file, spec.nodes_mark);
  const CsvTable edge_table = CsvTable::read(spec.edges_file, spec.edges_mark);
  RawNetwork raw;
  NodeTable nodes;
  read_nodes(node_table, raw, nodes);
  read_edges(edge_table, nodes, spec.nodes_file.string(), raw);
  raw.report.source = fmt::format("{}, {}", spec.nodes_file.string(), spec.edges_file.string());
  RoadNetwork net = assemble_network(std::move(raw), NodeOrder::hilbert);
  if (net.graph.edge_count() == 0) {
    throw ScenarioError(spec.edges_mark, "roads that connect at least two nodes both ways (a route there and back)",
                        fmt::format("{}: no two of its {} nodes reach each other both ways",
                                    quote_path(spec.edges_file), net.report.nodes_read));
  }
  return net;
}

}  // namespace evsim::scenarios::files
