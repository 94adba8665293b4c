#pragma once
// A road network from an OpenStreetMap extract (.osm, .osm.gz, .osm.bz2, .osm.pbf), read with
// libosmium. Units: metres, km/h.
//
// Which ways are roads: highway = motorway, trunk, primary, secondary, tertiary, unclassified,
// residential, living_street, motorway_link, trunk_link, primary_link, secondary_link,
// tertiary_link, and service when spec.include_service; except ways tagged area=yes or
// access=no / access=private, and deleted (visible=false) objects. Other access-like tags
// (motor_vehicle, motorcar, barriers on nodes, turn restrictions) are not read.
//
// Direction: oneway = yes/true/1 -> the way's direction only; -1/reverse -> against it;
// no/false/0 -> both. Without a oneway tag, or with another value (reversible, alternating...),
// highway=motorway and junction=roundabout/circular are one-way forward, everything else two-way.
//
// Speed: maxspeed when it is a plain number of km/h ("50", "50 km/h", "50 kmh", "50 kph") or of
// miles per hour ("30 mph", x 1.609344); otherwise ("none", "walk", "CN:urban", "50;60", "0") the
// class default in km/h: motorway 100, motorway_link 60, trunk 80, trunk_link 50, primary 60,
// primary_link 40, secondary 50, secondary_link 35, tertiary 40, tertiary_link 30,
// unclassified 30, residential 30, living_street 10, service 15. maxspeed:forward/backward are
// not read.
//
// Graph: a node of a kept way becomes a graph node when it is an end of the way (or of a piece
// of it, below), or appears twice or more among all kept ways (shared by two ways, or visited
// twice by one). The other nodes are shape points: an edge joins consecutive graph nodes along
// a way, and its length is the sum of the haversine lengths (geo.hpp) of the segments between
// them. A stretch that would leave a graph node and come back to it without meeting another (a
// loop) is split at its middle shape point (interior point (k+1)/2 of k, counted from 1), which
// becomes a graph node, so loops are kept rather than dropped as self-loops.
// A way naming nodes missing from the file (an extract cut at its border) is cut at each
// missing node and its pieces are used on their own (report.ways_incomplete counts such ways).
// Consecutive repeats of one node in a way are read as one.
//
// Then, as every loader (network_assembly.hpp): zero-length edges dropped, parallel edges merged
// (the shortest stays), the largest strongly connected component kept (a tie goes to the
// component holding the lowest OSM node id), node positions from a LocalProjection about the
// centre of the kept nodes' bounding box, node ids in Hilbert order (spatial_order.hpp),
// source_ids = OSM node ids. Relations (turn restrictions, routes) are not read.
//
// The file is read twice, first its ways, then the nodes the kept ways name, so that memory
// grows with the road network rather than with the whole extract.
//
// Errors are scenarios::ScenarioError at spec.mark (the scenario's `file` value), expected
//   a readable OpenStreetMap file (.osm, .osm.gz, .osm.bz2, .osm.pbf)
// found e.g. `"city.osm": no such file` or `"city.osm": XML parsing error at line 3, column 5:
// not well-formed (invalid token)` (libosmium's message); a file without any drivable road, or
// whose roads do not connect two nodes both ways, is an error too.
#include <optional>
#include <string_view>

#include "models/road/road_network.hpp"
#include "scenarios/scenario.hpp"

namespace evsim::scenarios::files {

namespace road = models::road;


road::RoadNetwork load_osm(const scenarios::OsmRoadSpec& spec);

// The class default speed for a highway value that the loader keeps; nullopt for the others
// (service counts as kept here).
std::optional<double> default_speed_kmh(std::string_view highway);

// A maxspeed value in km/h, or nullopt when it is not a positive number of km/h or mph.
std::optional<double> parse_maxspeed_kmh(std::string_view maxspeed);

}  // namespace evsim::scenarios::files
