#include "scenarios/assembly/load_road.hpp"

#include <variant>

#include "scenarios/files/csv_loader.hpp"
#include "models/road/grid_generator.hpp"
#include "scenarios/files/osm_loader.hpp"
#include "models/road/ring_radial.hpp"

namespace evsim::scenarios::assembly {
using namespace ::evsim::models::road;
namespace {

struct Loader {
  RoadNetwork operator()(const scenarios::GridRoadSpec& s) const { return make_grid_network(s); }
  RoadNetwork operator()(const scenarios::RingRadialRoadSpec& s) const { return make_ring_radial(s); }
  RoadNetwork operator()(const scenarios::OsmRoadSpec& s) const { return files::load_osm(s); }
  RoadNetwork operator()(const scenarios::CsvRoadSpec& s) const { return files::load_csv(s); }
};

}  // namespace

RoadNetwork load_road(const scenarios::RoadSpec& spec) { return std::visit(Loader{}, spec); }

}  // namespace evsim::scenarios::assembly
