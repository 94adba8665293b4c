#pragma once
// Reading an area polygon (internal to the scenario loader): inline, {lon_lat: [[lon, lat], ...]},
// or from a GeoJSON file, {file: area.geojson}, parsed here with yaml-cpp (JSON is YAML).
//
// GeoJSON: the file holds a Polygon, a MultiPolygon of exactly one polygon, a Feature whose geometry
// is one of those, or a FeatureCollection of exactly one such Feature. Positions are [lon, lat] or
// [lon, lat, altitude] (altitude is ignored); other members (properties, bbox, ...) are ignored.
// Polygons with holes are rejected (not supported yet). Problems inside the file are reported at
// the GeoJSON file's own line and column, with key paths such as "features[0].geometry.coordinates[0][2]".
//
// Every polygon, inline or from a file, must be a simple polygon in lon/lat degrees:
//  - a closing vertex equal to the first is dropped (GeoJSON rings are closed, inline ones may be);
//  - at least 3 distinct vertices, no vertex equal to the one before it;
//  - longitudes from -180 to 180, latitudes from -90 to 90; non-zero area;
//  - edges meet only where consecutive edges share a vertex (no crossing, touching or overlapping).
// Either orientation is accepted and kept as written. Edges are straight lines in lon/lat;
// polygons that cross the antimeridian (180 degrees) are not supported.
// `crs: gcj02 | bd09` beside file or lon_lat names the datum the positions are written in (GeoJSON
// says WGS-84, but files exported from Chinese map services are not); each vertex is converted to
// WGS-84 as it is read, and the checks above apply to the converted polygon.
#include <filesystem>

#include "scenarios/scenario.hpp"
#include "scenarios/yaml_reader.hpp"

namespace evsim::scenarios::files {


AreaSpec read_area(const NodeRef& ref, const std::filesystem::path& scenario_file);

}  // namespace evsim::scenarios::files
