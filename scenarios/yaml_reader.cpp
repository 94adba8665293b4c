#include "scenarios/yaml_reader.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <charconv>

#include "scenarios/loader.hpp"
#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios {
namespace {

// The scalar's text, or a failure naming `expected` when the node is not a scalar.
const std::string& scalar_text(const NodeRef& ref, std::string_view expected) {
  if (!ref.node().IsScalar()) ref.fail(expected, describe_found(ref.node()));
  return ref.node().Scalar();
}

std::string integer_phrase(std::uint64_t min, std::uint64_t max) {
  const bool type_max = max == std::numeric_limits<std::uint64_t>::max() ||
                        max == std::numeric_limits<std::uint32_t>::max();
  if (min == 0 && type_max) return "a non-negative integer";
  if (min == 1 && type_max) return "a positive integer";
  return fmt::format("an integer from {} to {}", min, max);
}

// The value of the entry `name` of the mapping `map`; an empty value is reported at its key.
NodeRef value_ref(const NodeRef& map, const std::string& name, const YAML::Node& key, const YAML::Node& value) {
  const NodeRef ref = map.key(name, value);
  return value.IsNull() ? ref.at_mark(key.Mark()) : ref;
}

}  // namespace

std::string NodeRef::path() const { return path_.empty() ? std::string(kDocumentKey) : path_; }

SourceMark NodeRef::mark() const {
  if (mark_.is_null()) return {.file = *file_, .line = 0, .column = 0, .key_path = path()};
  return {.file = *file_, .line = mark_.line + 1, .column = mark_.column + 1, .key_path = path()};
}

void NodeRef::fail(std::string_view expected, std::string_view found) const { throw_at(mark(), expected, found); }

NodeRef NodeRef::key(std::string_view name, YAML::Node child) const {
  return NodeRef(std::move(child), file_, path_.empty() ? std::string(name) : fmt::format("{}.{}", path_, name));
}

NodeRef NodeRef::at_mark(const YAML::Mark& mark) const {
  NodeRef moved = *this;
  moved.mark_ = mark;
  return moved;
}

NodeRef NodeRef::index(std::size_t i, YAML::Node child) const {
  return NodeRef(std::move(child), file_, fmt::format("{}[{}]", path_, i));
}

std::string describe_found(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar: return quote(node.Scalar());
    case YAML::NodeType::Sequence: return "a list";
    case YAML::NodeType::Map: return "a mapping";
    case YAML::NodeType::Null: return "an empty value";
    case YAML::NodeType::Undefined: break;
  }
  return "nothing";
}

std::string join_names(std::span<const std::string_view> names) {
  std::string out;
  for (const std::string_view n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out;
}

MapReader::MapReader(const NodeRef& ref, std::initializer_list<std::string_view> allowed, std::string_view what)
    : MapReader(ref, std::span<const std::string_view>(allowed.begin(), allowed.size()), what) {}

MapReader::MapReader(const NodeRef& ref, std::span<const std::string_view> allowed, std::string_view what,
                     const UnknownKeyCheck& check_unknown)
    : ref_(ref) {
  if (!ref.node().IsMap()) ref.fail(what, describe_found(ref.node()));
  for (const auto& entry : ref.node()) {  // `entry` is a pair of nodes held by value
    const YAML::Node& key = entry.first;
    if (!key.IsScalar()) ref.key("?", key).fail("a plain key", describe_found(key));
    const std::string name = key.Scalar();
    const NodeRef key_ref = ref.key(name, key);
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      if (check_unknown) check_unknown(key_ref, name);
      key_ref.fail(fmt::format("one of the keys {}", join_names(allowed)), fmt::format("unknown key {}", quote(name)));
    }
    if (has(name)) key_ref.fail("each key once", fmt::format("{} a second time", quote(name)));
    entries_.emplace_back(name, value_ref(ref, name, key, entry.second));
  }
}

std::optional<NodeRef> MapReader::get(std::string_view key) const {
  for (const auto& [name, value] : entries_) {
    if (name == key) return value;
  }
  return std::nullopt;
}

NodeRef MapReader::need(std::string_view key) const {
  std::optional<NodeRef> value = get(key);
  if (!value) ref_.fail(fmt::format("key \"{}\"", key), "nothing");
  return *value;
}

std::optional<NodeRef> peek_key(const NodeRef& ref, std::string_view key) {
  if (!ref.node().IsMap()) return std::nullopt;
  for (const auto& entry : ref.node()) {
    if (entry.first.IsScalar() && entry.first.Scalar() == key) {
      return value_ref(ref, entry.first.Scalar(), entry.first, entry.second);
    }
  }
  return std::nullopt;
}

std::string exactly_one_key(const MapReader& map, std::span<const std::string_view> names) {
  std::vector<std::string> present;
  for (const std::string_view n : names) {
    if (map.has(n)) present.emplace_back(n);
  }
  if (present.size() != 1) {
    std::string found = fmt::format("the keys {}", fmt::join(present, ", "));
    if (present.empty()) found = map.ref().node().size() == 0 ? "an empty mapping" : "none of them";
    map.ref().fail(fmt::format("exactly one of the keys {}", join_names(names)), found);
  }
  return present.front();
}

std::string UniqueNames::read(const MapReader& map) {
  const NodeRef ref = map.need("name");
  std::string name = read_string(ref);
  for (const auto& [seen, owner] : seen_) {
    if (seen == name) {
      ref.fail(fmt::format("a unique {} name", what_), fmt::format("{}, also used by {}", quote(name), owner));
    }
  }
  seen_.emplace_back(name, map.ref().path());
  return name;
}

std::vector<NodeRef> read_list(const NodeRef& ref, std::string_view what, bool non_empty) {
  if (!ref.node().IsSequence()) ref.fail(what, describe_found(ref.node()));
  if (non_empty && ref.node().size() == 0) ref.fail(what, "an empty list");
  std::vector<NodeRef> items;
  for (std::size_t i = 0; i < ref.node().size(); ++i) items.push_back(ref.index(i, ref.node()[i]));
  return items;
}

std::string read_string(const NodeRef& ref) {
  const std::string& text = scalar_text(ref, "a non-empty string");
  if (text.empty()) ref.fail("a non-empty string", quote(text));
  return text;
}

std::uint64_t read_uint(const NodeRef& ref, std::uint64_t min, std::uint64_t max) {
  const std::string phrase = integer_phrase(min, max);
  const std::string& text = scalar_text(ref, phrase);
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  const bool all_digits = !digits.empty() && std::all_of(digits.begin(), digits.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
  if (!all_digits) ref.fail(phrase, quote(text));
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc{} || value > max) ref.fail(fmt::format("an integer from {} to {}", min, max), quote(text));
  if (value < min) ref.fail(phrase, quote(text));
  return value;
}

std::int64_t read_int64(const NodeRef& ref) {
  constexpr std::string_view kExpected = "an integer from -9223372036854775808 to 9223372036854775807";
  const std::string& text = scalar_text(ref, kExpected);
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size()) ref.fail(kExpected, quote(text));
  return value;
}

bool read_bool(const NodeRef& ref) {
  constexpr std::string_view kExpected = "true or false";
  const std::string& text = scalar_text(ref, kExpected);
  if (text == "true" || text == "True" || text == "TRUE") return true;
  if (text == "false" || text == "False" || text == "FALSE") return false;
  ref.fail(kExpected, quote(text));
}

std::size_t read_choice(const NodeRef& ref, std::span<const std::string_view> names) {
  const std::string expected = fmt::format("one of {}", join_names(names));
  const std::string& text = scalar_text(ref, expected);
  const auto it = std::find(names.begin(), names.end(), text);
  if (it == names.end()) ref.fail(expected, quote(text));
  return static_cast<std::size_t>(it - names.begin());
}

namespace {

double read_degrees(const NodeRef& ref, std::string_view noun, double limit) {
  const std::string expected = fmt::format("{} from {} to {} (degrees)", noun, -limit, limit);
  const std::string& text = scalar_text(ref, expected);
  double value = 0.0;
  try {
    value = parse_quantity(Quantity::angle, text);
  } catch (const UnitError& e) {
    ref.fail(expected, e.found());
  }
  if (!(value >= -limit && value <= limit)) ref.fail(expected, quote(text));
  return value;
}

void check_bound(const NodeRef& ref, Quantity q, Bound bound, double value, const std::string& text) {
  if (bound == Bound::positive && !(value > 0.0)) ref.fail(fmt::format("{} > 0", quantity_noun(q)), quote(text));
  if (bound == Bound::non_negative && !(value >= 0.0)) {
    ref.fail(fmt::format("{} >= 0", quantity_noun(q)), quote(text));
  }
}

}  // namespace

double read_quantity(const NodeRef& ref, Quantity q, Bound bound) {
  const std::string& text = scalar_text(ref, describe(q));
  double value = 0.0;
  try {
    value = parse_quantity(q, text);
  } catch (const UnitError& e) {
    ref.fail(e.expected(), e.found());
  }
  check_bound(ref, q, bound, value, text);
  return value;
}

double read_quantity_in(const NodeRef& ref, Quantity q, const PlausibleRange& range) {
  const double value = read_quantity(ref, q, Bound::any);
  if (!is_plausible(range, value)) ref.fail(plausible_phrase(range), quote(ref.node().Scalar()));
  return value;
}

sim::Duration read_duration(const NodeRef& ref, Bound bound) {
  const std::string& text = scalar_text(ref, describe(Quantity::duration));
  sim::Duration value{};
  try {
    value = parse_duration(text);
  } catch (const UnitError& e) {
    ref.fail(e.expected(), e.found());
  }
  check_bound(ref, Quantity::duration, bound, static_cast<double>(value.count()), text);
  return value;
}

double read_fraction(const NodeRef& ref) { return read_quantity(ref, Quantity::fraction, Bound::any); }

sim::Duration read_time_of_day(const NodeRef& ref) {
  const std::string& text = scalar_text(ref, describe_time_of_day());
  try {
    return parse_time_of_day(text);
  } catch (const UnitError& e) {
    ref.fail(e.expected(), e.found());
  }
}

double read_longitude(const NodeRef& ref) { return read_degrees(ref, "a longitude", 180.0); }
double read_latitude(const NodeRef& ref) { return read_degrees(ref, "a latitude", 90.0); }

std::filesystem::path read_existing_file(const NodeRef& ref, const std::filesystem::path& scenario_file) {
  constexpr std::string_view kExpected = "an existing file";
  const std::filesystem::path path = resolve_relative(scenario_file, read_string(ref));
  std::error_code ec;
  const std::filesystem::file_status status = std::filesystem::status(path, ec);
  if (!std::filesystem::exists(status)) ref.fail(kExpected, fmt::format("no such file {}", quote_path(path)));
  if (std::filesystem::is_directory(status)) ref.fail(kExpected, fmt::format("a directory {}", quote_path(path)));
  if (!std::filesystem::is_regular_file(status)) {
    ref.fail(kExpected, fmt::format("{}, which is not a regular file", quote_path(path)));
  }
  return path;
}

Datum read_crs(const NodeRef& ref) {
  const std::string expected(models::geometry::kDatumNames);
  const std::string& text = scalar_text(ref, expected);
  const std::optional<Datum> datum = models::geometry::parse_datum(text);
  if (!datum) ref.fail(expected, quote(text));
  return *datum;
}

std::pair<double, double> to_wgs84_at(const NodeRef& ref, double lon, double lat, Datum datum) {
  const std::optional<models::road::LonLat> wgs = models::geometry::to_wgs84({lon, lat}, datum);
  if (!wgs) {
    ref.fail(expected_convertible_position(datum), fmt::format("lon {}, lat {}", lon, lat));
  }
  return {wgs->lon, wgs->lat};
}

}  // namespace evsim::scenarios
