#include "models/city/city_world.hpp"

namespace evsim::models::city {

void prepare_routing(CityWorld& world, std::uint32_t nearest_k) {
  world.hierarchy = std::make_shared<const road::ContractionHierarchy>(world.roads);
  world.forward_lengths = coverage::LengthGraph::forward(world.roads);
  world.public_stations.clear();
  std::vector<road::NodeId> nodes;
  for (std::uint32_t s = 0; s < world.stations.size(); ++s) {
    if (!world.stations[s].is_public()) continue;
    world.public_stations.push_back(s);
    nodes.push_back(world.stations[s].node());
  }
  world.nearest = coverage::nearest_stations_table(coverage::LengthGraph::reversed(world.roads), nodes, nearest_k);
}

}  // namespace evsim::models::city
