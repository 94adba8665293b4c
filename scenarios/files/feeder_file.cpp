#include "scenarios/files/feeder_file.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <array>
#include <charconv>
#include <cmath>
#include <fstream>
#include <optional>
#include <sstream>
#include <string_view>

#include "scenarios/files/csv_reader.hpp"
#include "scenarios/files/text_input.hpp"
#include "scenarios/loader.hpp"
#include "scenarios/scenario_error.hpp"
#include "scenarios/yaml_documents.hpp"
#include "scenarios/yaml_reader.hpp"

namespace evsim::scenarios::files {
namespace {

namespace grid = models::grid;


constexpr std::array<std::string_view, 7> kFeederKeys = {"name",      "base_kv", "transformer_kva", "source_pu",
                                                         "source_bus", "buses",   "lines"};
constexpr std::array<std::string_view, 8> kBusColumns = {"bus", "p_kw", "q_kvar", "base_kv", "lon", "lat", "x_m", "y_m"};
constexpr std::array<std::string_view, 5> kLineColumns = {"from", "to", "r_ohm", "x_ohm", "ampacity_a"};

YAML::Node parse_document(const std::string& text, const std::string& file) {
  std::vector<YAML::Node> documents;
  try {
    documents = load_yaml_documents(text);
  } catch (const YAML::Exception& e) {
    const bool known = !e.mark.is_null();
    throw ScenarioError(file, known ? e.mark.line + 1 : 0, known ? e.mark.column + 1 : 0, std::string(kDocumentKey),
                        "valid YAML", e.msg);
  }
  if (documents.size() > 1) {
    NodeRef(documents[1], file).fail("one YAML document", fmt::format("{} documents", documents.size()));
  }
  return documents.empty() ? YAML::Node() : documents.front();
}

// A bare decimal number (the unit is in the key's name).
double read_number(const NodeRef& ref, std::string_view expected) {
  if (!ref.node().IsScalar()) ref.fail(expected, describe_found(ref.node()));
  const std::string& text = ref.node().Scalar();
  double value = 0.0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (ec != std::errc() || ptr != end || !std::isfinite(value)) ref.fail(expected, quote(text));
  return value;
}

void check_columns(const CsvTable& csv, std::span<const std::string_view> allowed) {
  for (std::size_t c = 0; c < csv.header().size(); ++c) {
    const std::string& name = csv.header()[c];
    bool known = false;
    for (const std::string_view a : allowed) known = known || name == a;
    if (!known) {
      throw ScenarioError(csv.file_name(), csv.header_line(), csv.header_column(c), name.empty() ? "(header)" : name,
                          fmt::format("only the columns {}", join_names(allowed)), fmt::format("a column {}", quote(name)));
    }
  }
}

bool empty_field(const CsvTable& csv, std::size_t row, std::size_t column) {
  std::string_view f = csv.field(row, column);
  while (!f.empty() && (f.front() == ' ' || f.front() == '\t')) f.remove_prefix(1);
  while (!f.empty() && (f.back() == ' ' || f.back() == '\t')) f.remove_suffix(1);
  return f.empty();
}

std::string id_field(const CsvTable& csv, std::size_t row, std::size_t column) {
  std::string_view f = csv.field(row, column);
  while (!f.empty() && (f.front() == ' ' || f.front() == '\t')) f.remove_prefix(1);
  while (!f.empty() && (f.back() == ' ' || f.back() == '\t')) f.remove_suffix(1);
  if (f.empty()) csv.fail(row, column, "a bus id");
  return std::string(f);
}

// A pair of optional coordinate columns: both or neither in the header, and in every row.
struct PairColumns {
  std::optional<std::size_t> a;
  std::optional<std::size_t> b;
};

PairColumns pair_columns(const CsvTable& csv, std::string_view a, std::string_view b) {
  PairColumns p{csv.find(a), csv.find(b)};
  if (p.a && !p.b) csv.require(b);
  if (p.b && !p.a) csv.require(a);
  return p;
}

std::optional<grid::BusPosition> read_position(const CsvTable& csv, std::size_t row, const PairColumns& p,
                                               bool geographic) {
  if (!p.a) return std::nullopt;
  const bool empty_a = empty_field(csv, row, *p.a);
  const bool empty_b = empty_field(csv, row, *p.b);
  if (empty_a && empty_b) return std::nullopt;
  const std::string_view what = geographic ? "a longitude and a latitude, or neither" : "x_m and y_m, or neither";
  if (empty_a) csv.fail(row, *p.a, what);
  if (empty_b) csv.fail(row, *p.b, what);
  grid::BusPosition pos{.geographic = geographic, .x = 0.0, .y = 0.0};
  if (geographic) {
    pos.x = csv.number(row, *p.a, "a longitude from -180 to 180 (degrees)");
    if (!(pos.x >= -180.0 && pos.x <= 180.0)) csv.fail(row, *p.a, "a longitude from -180 to 180 (degrees)");
    pos.y = csv.number(row, *p.b, "a latitude from -90 to 90 (degrees)");
    if (!(pos.y >= -90.0 && pos.y <= 90.0)) csv.fail(row, *p.b, "a latitude from -90 to 90 (degrees)");
  } else {
    pos.x = csv.number(row, *p.a, "a number (metres)");
    pos.y = csv.number(row, *p.b, "a number (metres)");
  }
  return pos;
}

std::vector<grid::BusSpec> read_buses(const CsvTable& csv, std::optional<double> default_kv,
                                      const NodeRef& feeder_ref) {
  check_columns(csv, kBusColumns);
  const std::size_t bus = csv.require("bus");
  const std::size_t p = csv.require("p_kw");
  const std::size_t q = csv.require("q_kvar");
  const std::optional<std::size_t> kv = csv.find("base_kv");
  const PairColumns lon_lat = pair_columns(csv, "lon", "lat");
  const PairColumns xy = pair_columns(csv, "x_m", "y_m");
  if (lon_lat.a && xy.a) {
    throw ScenarioError(csv.file_name(), csv.header_line(), csv.header_column(*xy.a), "x_m",
                        "lon,lat or x_m,y_m columns, not both", fmt::format("{}", quote(csv.header_text())));
  }
  if (!kv && !default_kv) {
    feeder_ref.fail("a key base_kv (or a base_kv column in the bus file)", "no base voltage");
  }
  std::vector<grid::BusSpec> buses;
  buses.reserve(csv.row_count());
  for (std::size_t row = 0; row < csv.row_count(); ++row) {
    grid::BusSpec b;
    b.id = id_field(csv, row, bus);
    b.p_kw = csv.number(row, p, "a power in kW");
    b.q_kvar = csv.number(row, q, "a reactive power in kvar");
    if (kv && !empty_field(csv, row, *kv)) {
      b.base_kv = csv.number(row, *kv, "a base voltage above 0 kV");
    } else if (default_kv) {
      b.base_kv = *default_kv;
    } else {
      csv.fail(row, *kv, "a base voltage above 0 kV (or base_kv in the feeder file)");
    }
    b.position = lon_lat.a ? read_position(csv, row, lon_lat, true) : read_position(csv, row, xy, false);
    buses.push_back(std::move(b));
  }
  return buses;
}

std::vector<grid::LineSpec> read_lines(const CsvTable& csv) {
  check_columns(csv, kLineColumns);
  const std::size_t from = csv.require("from");
  const std::size_t to = csv.require("to");
  const std::size_t r = csv.require("r_ohm");
  const std::size_t x = csv.require("x_ohm");
  const std::optional<std::size_t> amp = csv.find("ampacity_a");
  std::vector<grid::LineSpec> lines;
  lines.reserve(csv.row_count());
  for (std::size_t row = 0; row < csv.row_count(); ++row) {
    grid::LineSpec l;
    l.from = id_field(csv, row, from);
    l.to = id_field(csv, row, to);
    l.r_ohm = csv.number(row, r, "a resistance of at least 0 ohm");
    l.x_ohm = csv.number(row, x, "a reactance of at least 0 ohm");
    if (amp && !empty_field(csv, row, *amp)) l.ampacity_a = csv.number(row, *amp, "a current above 0 A");
    lines.push_back(std::move(l));
  }
  return lines;
}

// Where each part of the feeder came from, to report a FeederError there.
struct Origins {
  const CsvTable* buses;
  const CsvTable* lines;
  std::optional<NodeRef> base_kv;
  std::optional<NodeRef> transformer_kva;
  std::optional<NodeRef> source_pu;
  std::optional<NodeRef> source_bus;
  NodeRef feeder;
};

[[noreturn]] void report(const grid::FeederError& e, const Origins& o) {
  using Part = grid::FeederError::Part;
  if (e.part() == Part::transformer) {
    std::optional<NodeRef> ref = e.key() == "rating_kva" ? o.transformer_kva
                                 : e.key() == "source_pu" ? o.source_pu
                                                          : o.source_bus;
    if (!ref) o.feeder.fail(e.expected(), e.found());
    ref->fail(e.expected(), e.about_value() ? quote(ref->node().Scalar()) : e.found());
  }
  const CsvTable& csv = e.part() == Part::bus ? *o.buses : *o.lines;
  const std::optional<std::size_t> column = csv.find(e.key());
  if (e.index() >= csv.row_count()) {
    throw ScenarioError(csv.file_name(), csv.header_line(), 1, e.key(), e.expected(), e.found());
  }
  if (!column) {
    // A value that came from the feeder file (base_kv) rather than the row.
    if (e.key() == "base_kv" && o.base_kv) {
      o.base_kv->fail(e.expected(), quote(o.base_kv->node().Scalar()));
    }
    throw ScenarioError(csv.file_name(), csv.line(e.index()), 1, e.key(), e.expected(), e.found());
  }
  if (e.about_value()) csv.fail(e.index(), *column, e.expected());
  csv.fail(e.index(), *column, e.expected(), e.found());
}

}  // namespace

FeederFile load_feeder_file(const std::filesystem::path& file) {
  const std::string name = file.string();
  const YAML::Node document = parse_document(read_text_file(file, "a readable feeder file"), name);
  const NodeRef root(document, name);
  if (!document.IsDefined() || document.IsNull()) root.fail("a mapping with the key feeder", "an empty document");
  const MapReader top(root, {"feeder"}, "a mapping with the key feeder");
  const MapReader map(top.need("feeder"), kFeederKeys, "a mapping of feeder keys");

  grid::FeederSpec spec;
  spec.name = map.has("name") ? read_string(map.need("name")) : file.stem().string();
  Origins origins{.buses = nullptr,
                  .lines = nullptr,
                  .base_kv = map.get("base_kv"),
                  .transformer_kva = map.need("transformer_kva"),
                  .source_pu = map.get("source_pu"),
                  .source_bus = map.get("source_bus"),
                  .feeder = map.ref()};
  std::optional<double> default_kv;
  if (origins.base_kv) default_kv = read_number(*origins.base_kv, "a base voltage above 0 kV");
  spec.transformer.rating_kva = read_number(*origins.transformer_kva, "a rating above 0 kVA");
  if (origins.source_pu) {
    spec.transformer.source_pu = read_number(
        *origins.source_pu, fmt::format("a voltage from {} to {} pu", grid::kMinSourcePu, grid::kMaxSourcePu));
  }
  if (origins.source_bus) spec.transformer.bus = read_string(*origins.source_bus);

  const NodeRef buses_ref = map.need("buses");
  const NodeRef lines_ref = map.need("lines");
  FeederFile out{.feeder = {}, .buses_file = read_existing_file(buses_ref, file),
                 .lines_file = read_existing_file(lines_ref, file)};
  const CsvTable buses = CsvTable::read(out.buses_file, buses_ref.mark());
  const CsvTable lines = CsvTable::read(out.lines_file, lines_ref.mark());
  origins.buses = &buses;
  origins.lines = &lines;
  spec.buses = read_buses(buses, default_kv, map.ref());
  spec.lines = read_lines(lines);
  try {
    out.feeder = grid::Feeder::build(std::move(spec));
  } catch (const grid::FeederError& e) {
    report(e, origins);
  }
  return out;
}

}  // namespace evsim::scenarios::files
