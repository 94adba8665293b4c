#pragma once
// Typed reading of YAML nodes with exact error messages (internal to the scenario loader).
//
// Every reader either returns a value that satisfies its stated contract or throws ScenarioError
// at the node's mark, naming its key path, what was expected and what was found. Nothing is
// clamped or guessed.
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <initializer_list>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "scenarios/scenario.hpp"
#include "scenarios/plausibility.hpp"
#include "scenarios/units.hpp"
#include "sim/time.hpp"

namespace evsim::scenarios {

// A YAML node with the key path that leads to it.
class NodeRef {
 public:
  // The document root; `file` is the name used in messages and must outlive every NodeRef.
  NodeRef(YAML::Node node, const std::string& file) : node_(std::move(node)), mark_(node_.Mark()), file_(&file) {}

  const YAML::Node& node() const { return node_; }
  // "stations[1].plugs[0]"; kDocumentKey for the root.
  std::string path() const;
  SourceMark mark() const;
  [[noreturn]] void fail(std::string_view expected, std::string_view found) const;

  NodeRef key(std::string_view name, YAML::Node child) const;
  NodeRef index(std::size_t i, YAML::Node child) const;
  // The same node, reported at `mark` (an empty value is reported at its key).
  NodeRef at_mark(const YAML::Mark& mark) const;

 private:
  NodeRef(YAML::Node node, const std::string* file, std::string path)
      : node_(std::move(node)), mark_(node_.Mark()), file_(file), path_(std::move(path)) {}
  YAML::Node node_;
  YAML::Mark mark_;
  const std::string* file_;
  std::string path_;  // empty at the root
};

// How a node that is not the expected scalar is described: its quoted text, "a list",
// "a mapping" or "an empty value".
std::string describe_found(const YAML::Node& node);

// A mapping whose keys have been checked: each is one of `allowed` and appears once.
class MapReader {
 public:
  // Called with a key that is not allowed (its NodeRef and name) before the generic "unknown key"
  // failure, to report it more precisely by failing itself; returning leaves the generic failure.
  using UnknownKeyCheck = std::function<void(const NodeRef& key, const std::string& name)>;

  // `what` is the expected text when the node is not a mapping ("a station mapping").
  MapReader(const NodeRef& ref, std::initializer_list<std::string_view> allowed, std::string_view what);
  MapReader(const NodeRef& ref, std::span<const std::string_view> allowed, std::string_view what,
            const UnknownKeyCheck& check_unknown = {});

  const NodeRef& ref() const { return ref_; }
  bool has(std::string_view key) const { return get(key).has_value(); }
  std::optional<NodeRef> get(std::string_view key) const;
  // Fails at the mapping, `expected key "k", found nothing`, when the key is absent.
  NodeRef need(std::string_view key) const;

 private:
  NodeRef ref_;
  std::vector<std::pair<std::string, NodeRef>> entries_;
};

// The value of `key` in the mapping `ref` (its first occurrence), before a MapReader checks the
// mapping: for a key that decides which other keys are allowed. nullopt when `ref` is not a
// mapping or has no such key. An empty value is reported at its key, as MapReader does.
std::optional<NodeRef> peek_key(const NodeRef& ref, std::string_view key);

// The one key of `names` present in `map`; fails at the mapping when there are none or several.
std::string exactly_one_key(const MapReader& map, std::span<const std::string_view> names);

// "name, seed, horizon" for messages.
std::string join_names(std::span<const std::string_view> names);

// Reads the "name" key of list items and checks that no two items share a name.
class UniqueNames {
 public:
  explicit UniqueNames(std::string_view what) : what_(what) {}

  // Takes `name` as used by the item at `owner_path` (names read elsewhere, such as the scenario's
  // own stations when reading a plan's).
  void add(std::string name, std::string owner_path) { seen_.emplace_back(std::move(name), std::move(owner_path)); }
  std::string read(const MapReader& map);

 private:
  std::string_view what_;
  std::vector<std::pair<std::string, std::string>> seen_;  // name, key path of its owner
};

// The elements of a list; `what` as for MapReader ("a non-empty list of stations").
std::vector<NodeRef> read_list(const NodeRef& ref, std::string_view what, bool non_empty);

// A non-empty scalar string.
std::string read_string(const NodeRef& ref);
// A decimal integer in [min, max].
std::uint64_t read_uint(const NodeRef& ref, std::uint64_t min = 0,
                        std::uint64_t max = std::numeric_limits<std::uint64_t>::max());
inline std::uint32_t read_uint32(const NodeRef& ref, std::uint32_t min = 0,
                                 std::uint32_t max = std::numeric_limits<std::uint32_t>::max()) {
  return static_cast<std::uint32_t>(read_uint(ref, min, max));
}
// A decimal integer, possibly negative (ids of a user's files: CSV node ids, OSM node ids).
std::int64_t read_int64(const NodeRef& ref);
// true or false (also True, TRUE, False, FALSE).
bool read_bool(const NodeRef& ref);
// The index in `names` of the scalar's text.
std::size_t read_choice(const NodeRef& ref, std::span<const std::string_view> names);

enum class Bound { any, non_negative, positive };
// A value with a unit (scenarios/units.hpp), in the canonical unit, within `bound`.
double read_quantity(const NodeRef& ref, Quantity q, Bound bound);
// A value with a unit within a physical plausibility range (scenarios/plausibility.hpp).
double read_quantity_in(const NodeRef& ref, Quantity q, const PlausibleRange& range);
sim::Duration read_duration(const NodeRef& ref, Bound bound);
double read_fraction(const NodeRef& ref);
sim::Duration read_time_of_day(const NodeRef& ref);
// WGS84 degrees: a longitude from -180 to 180, a latitude from -90 to 90 (bare numbers, or with the
// angle units of scenarios/units.hpp).
double read_longitude(const NodeRef& ref);
double read_latitude(const NodeRef& ref);
// A datum name (`crs:`): wgs84, gcj02 or bd09, exactly; otherwise
//   {file}:{line}:{col}: {key}: expected wgs84, gcj02 or bd09, found "WGS84"
Datum read_crs(const NodeRef& ref);
// The position (lon, lat) written in `datum`, in WGS-84. A GCJ-02 or BD-09 position that no WGS-84
// position converts to (a strip along the edge of the GCJ-02 area) fails at `ref`.
std::pair<double, double> to_wgs84_at(const NodeRef& ref, double lon, double lat, Datum datum);

// A file named by a string value, resolved with resolve_relative (scenarios/loader.hpp) against
// `scenario_file`; it must exist and be a regular file (or a link to one). Its content is not read.
std::filesystem::path read_existing_file(const NodeRef& ref, const std::filesystem::path& scenario_file);

}  // namespace evsim::scenarios
