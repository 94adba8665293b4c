#include "scenarios/files/area_reader.hpp"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <numeric>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios::files {
namespace {

using LonLat = std::pair<double, double>;

// Areas smaller than this share of the bounding box's larger side squared count as zero.
constexpr double kZeroAreaTolerance = 1e-12;
constexpr std::string_view kAreaForms[] = {"file", "lon_lat"};

// How the vertices of a polygon are written.
struct RingForm {
  std::string_view ring;    // what the list of vertices is expected to be
  std::string_view vertex;  // what one vertex is expected to be
  std::size_t max_values;   // values in a vertex: 2, or 3 when an altitude may follow
};
constexpr RingForm kInlineRing{.ring = "a list of [lon, lat] vertices", .vertex = "a [lon, lat] pair", .max_values = 2};
constexpr RingForm kGeoJsonRing{.ring = "a linear ring (a list of positions)",
                                .vertex = "a position [lon, lat] or [lon, lat, altitude]",
                                .max_values = 3};

struct Ring {
  std::vector<LonLat> vertices;
  std::vector<NodeRef> nodes;  // of each vertex, for messages
};

// Vertices are converted from `datum` to WGS-84 as they are read.
Ring read_ring(const NodeRef& ref, const RingForm& form, Datum datum) {
  Ring ring;
  for (const NodeRef& item : read_list(ref, form.ring, false)) {
    const std::vector<NodeRef> values = read_list(item, form.vertex, false);
    if (values.size() < 2 || values.size() > form.max_values) {
      item.fail(form.vertex, fmt::format("a list of {} value{}", values.size(), values.size() == 1 ? "" : "s"));
    }
    ring.vertices.push_back(to_wgs84_at(item, read_longitude(values[0]), read_latitude(values[1]), datum));
    if (values.size() == 3) read_quantity(values[2], Quantity::length, Bound::any);  // altitude, unused
    ring.nodes.push_back(item);
  }
  return ring;
}

// Twice the area of triangle a, b, c: > 0 when c lies left of the line a -> b, < 0 right, 0 on it.
double orientation(const LonLat& a, const LonLat& b, const LonLat& c) {
  return (b.first - a.first) * (c.second - a.second) - (b.second - a.second) * (c.first - a.first);
}

int sign(double x) { return (x > 0.0) - (x < 0.0); }

// p, on the line through a and b, lies on the segment a-b.
bool within(const LonLat& a, const LonLat& b, const LonLat& p) {
  return std::min(a.first, b.first) <= p.first && p.first <= std::max(a.first, b.first) &&
         std::min(a.second, b.second) <= p.second && p.second <= std::max(a.second, b.second);
}

// The closed segments a-b and c-d have a point in common.
bool segments_meet(const LonLat& a, const LonLat& b, const LonLat& c, const LonLat& d) {
  const int o1 = sign(orientation(a, b, c));
  const int o2 = sign(orientation(a, b, d));
  const int o3 = sign(orientation(c, d, a));
  const int o4 = sign(orientation(c, d, b));
  if (o1 != o2 && o3 != o4) return true;
  return (o1 == 0 && within(a, b, c)) || (o2 == 0 && within(a, b, d)) || (o3 == 0 && within(c, d, a)) ||
         (o4 == 0 && within(c, d, b));
}

// Edges a-s and s-b, which share s, run over each other beyond s.
bool doubles_back(const LonLat& a, const LonLat& s, const LonLat& b) {
  const double dot = (a.first - s.first) * (b.first - s.first) + (a.second - s.second) * (b.second - s.second);
  return orientation(a, s, b) == 0.0 && dot > 0.0;
}

// Fails at `ref` when two edges meet anywhere but at the vertex that consecutive edges share. Edge
// e runs from vertex e to vertex e + 1 (the last back to 0). Edges are swept in order of their
// smallest longitude, so only edges whose longitude ranges overlap are compared.
void check_simple(const NodeRef& ref, const std::vector<LonLat>& v) {
  const std::size_t n = v.size();
  const auto next = [n](std::size_t e) { return (e + 1) % n; };
  const auto min_lon = [&](std::size_t e) { return std::min(v[e].first, v[next(e)].first); };
  const auto max_lon = [&](std::size_t e) { return std::max(v[e].first, v[next(e)].first); };
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::pair(min_lon(a), a) < std::pair(min_lon(b), b);  // ties by index: the same report everywhere
  });
  for (std::size_t a = 0; a < n; ++a) {
    for (std::size_t b = a + 1; b < n && min_lon(order[b]) <= max_lon(order[a]); ++b) {
      const std::size_t i = std::min(order[a], order[b]);
      const std::size_t j = std::max(order[a], order[b]);
      const bool adjacent = j == i + 1 || (i == 0 && j == n - 1);
      bool bad = false;
      if (j == i + 1) {
        bad = doubles_back(v[i], v[j], v[next(j)]);
      } else if (adjacent) {
        bad = doubles_back(v[j], v[0], v[1]);
      } else {
        bad = segments_meet(v[i], v[next(i)], v[j], v[next(j)]);
      }
      if (bad) {
        ref.fail("a simple polygon (edges that meet only at their shared vertices)",
                 fmt::format("the edge from vertex {} to {} {} the edge from vertex {} to {}", i, next(i),
                             adjacent ? "overlapping" : "meeting", j, next(j)));
      }
    }
  }
}

// All vertices lie on the line through the first and the one farthest from it.
bool on_one_line(const std::vector<LonLat>& v) {
  const auto distance2 = [&](const LonLat& p) {
    return (p.first - v[0].first) * (p.first - v[0].first) + (p.second - v[0].second) * (p.second - v[0].second);
  };
  const LonLat far = *std::max_element(v.begin(), v.end(), [&](const LonLat& a, const LonLat& b) {
    return distance2(a) < distance2(b);
  });
  return std::all_of(v.begin(), v.end(), [&](const LonLat& p) {
    return std::abs(orientation(v[0], far, p)) <= kZeroAreaTolerance * distance2(far);
  });
}

// The rules of area_reader.hpp; `ref` is the list of vertices.
std::vector<LonLat> checked_polygon(const NodeRef& ref, Ring ring) {
  std::vector<LonLat>& v = ring.vertices;
  if (v.size() >= 2 && v.front() == v.back()) {
    v.pop_back();
    ring.nodes.pop_back();
  }
  std::vector<LonLat> distinct = v;
  std::sort(distinct.begin(), distinct.end());
  distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
  if (distinct.size() < 3) {
    ref.fail("a polygon of at least 3 distinct vertices", fmt::format("{}", distinct.size()));
  }
  const std::size_t n = v.size();
  // Each vertex against the one before it, and (i == n) the last against the first.
  for (std::size_t i = 1; i <= n; ++i) {
    const std::size_t at = i == n ? n - 1 : i;
    const std::size_t other = i == n ? 0 : i - 1;
    if (v[at] == v[other]) {
      ring.nodes[at].fail("a vertex different from its neighbours", fmt::format("the same [lon, lat] as vertex {}", other));
    }
  }
  double twice_area = 0.0;
  for (std::size_t i = 1; i + 1 < n; ++i) twice_area += orientation(v[0], v[i], v[i + 1]);
  const auto [lon_lo, lon_hi] = std::minmax_element(distinct.begin(), distinct.end());
  const auto [lat_lo, lat_hi] = std::minmax_element(distinct.begin(), distinct.end(), [](const LonLat& a, const LonLat& b) {
    return a.second < b.second;
  });
  const double extent = std::max(lon_hi->first - lon_lo->first, lat_hi->second - lat_lo->second);
  if (std::abs(twice_area) <= kZeroAreaTolerance * extent * extent) {
    ref.fail("a polygon with non-zero area", on_one_line(v) ? "all vertices on one line" : "zero area");
  }
  check_simple(ref, v);
  return v;
}

// GeoJSON objects may hold any members besides those read here, so they are not read with MapReader.
std::optional<NodeRef> member(const NodeRef& object, std::string_view key) {
  for (const auto& entry : object.node()) {
    if (entry.first.IsScalar() && entry.first.Scalar() == key) {
      const NodeRef value = object.key(key, entry.second);
      return entry.second.IsNull() ? value.at_mark(entry.first.Mark()) : value;
    }
  }
  return std::nullopt;
}

NodeRef need_member(const NodeRef& object, std::string_view key) {
  const std::optional<NodeRef> value = member(object, key);
  if (!value) object.fail(fmt::format("key \"{}\"", key), "nothing");
  return *value;
}

// The "type" of a GeoJSON object.
std::pair<std::string, NodeRef> object_type(const NodeRef& object, std::string_view what) {
  if (!object.node().IsMap()) object.fail(what, describe_found(object.node()));
  const NodeRef type = need_member(object, "type");
  return {read_string(type), type};
}

// The outer ring of a Polygon's coordinates.
NodeRef outer_ring(const NodeRef& polygon) {
  const std::vector<NodeRef> rings = read_list(polygon, "a list of linear rings", true);
  if (rings.size() > 1) {
    polygon.fail("a polygon without holes (one linear ring; holes are not supported)",
                 fmt::format("{} rings", rings.size()));
  }
  return rings.front();
}

// The outer ring of a geometry of type `type`, Polygon or MultiPolygon.
NodeRef geometry_ring(const NodeRef& geometry, std::string_view type) {
  const NodeRef coordinates = need_member(geometry, "coordinates");
  if (type == "Polygon") return outer_ring(coordinates);
  const std::vector<NodeRef> polygons = read_list(coordinates, "a list of polygons", true);
  if (polygons.size() != 1) {
    coordinates.fail("a MultiPolygon of exactly one polygon", fmt::format("{} polygons", polygons.size()));
  }
  return outer_ring(polygons.front());
}

NodeRef feature_ring(const NodeRef& feature) {
  const auto [type, type_ref] = object_type(feature, "a GeoJSON Feature object");
  if (type != "Feature") type_ref.fail(R"("Feature")", quote(type));
  const NodeRef geometry = need_member(feature, "geometry");
  const auto [geometry_type, geometry_type_ref] = object_type(geometry, "a Polygon or MultiPolygon geometry object");
  if (geometry_type != "Polygon" && geometry_type != "MultiPolygon") {
    geometry_type_ref.fail("a Polygon, or a MultiPolygon of one polygon", quote(geometry_type));
  }
  return geometry_ring(geometry, geometry_type);
}

NodeRef geojson_ring(const NodeRef& root) {
  const auto [type, type_ref] = object_type(root, "a GeoJSON object");
  if (type == "Polygon" || type == "MultiPolygon") return geometry_ring(root, type);
  if (type == "Feature") return feature_ring(root);
  if (type == "FeatureCollection") {
    const NodeRef features = need_member(root, "features");
    const std::vector<NodeRef> items = read_list(features, "a list of features", false);
    if (items.size() != 1) {
      features.fail("a list of exactly one Polygon feature",
                    fmt::format("{} feature{}", items.size(), items.size() == 1 ? "" : "s"));
    }
    return feature_ring(items.front());
  }
  type_ref.fail("a Polygon, or a MultiPolygon, Feature or FeatureCollection of one polygon", quote(type));
}

AreaSpec read_geojson_area(const NodeRef& file_ref, const std::filesystem::path& scenario_file, Datum datum) {
  const std::filesystem::path path = read_existing_file(file_ref, scenario_file);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  if (!in || in.bad()) file_ref.fail("a readable GeoJSON file", fmt::format("{}, which cannot be read", quote_path(path)));
  const std::string name = path.string();
  YAML::Node document;
  try {
    document = YAML::Load(text.str());
  } catch (const YAML::Exception& e) {
    const bool known = !e.mark.is_null();
    throw ScenarioError(name, known ? e.mark.line + 1 : 0, known ? e.mark.column + 1 : 0, std::string(kDocumentKey),
                        "valid JSON", e.msg);
  }
  if (!document.IsDefined() || document.IsNull()) {
    throw ScenarioError(name, 0, 0, std::string(kDocumentKey), "a GeoJSON object", "an empty document");
  }
  const NodeRef ring = geojson_ring(NodeRef(document, name));
  return AreaSpec{.lon_lat = checked_polygon(ring, read_ring(ring, kGeoJsonRing, datum)),
                  .source_file = path,
                  .mark = file_ref.mark()};
}

}  // namespace

AreaSpec read_area(const NodeRef& ref, const std::filesystem::path& scenario_file) {
  const MapReader map(ref, {"file", "lon_lat", "crs"}, "an area mapping with one of the keys file, lon_lat");
  const std::string form = exactly_one_key(map, kAreaForms);
  const NodeRef value = map.need(form);
  const auto crs = map.get("crs");
  const Datum datum = crs ? read_crs(*crs) : Datum::wgs84;
  if (form == "file") return read_geojson_area(value, scenario_file, datum);
  return AreaSpec{.lon_lat = checked_polygon(value, read_ring(value, kInlineRing, datum)), .source_file = {},
                  .mark = value.mark()};
}

}  // namespace evsim::scenarios::files
