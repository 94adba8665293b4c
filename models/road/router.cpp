#include "models/road/router.hpp"

#include <fmt/format.h>

#include <stdexcept>
#include <utility>

namespace evsim::models::road {
namespace {

const ContractionHierarchy& checked(const std::shared_ptr<const ContractionHierarchy>& ch) {
  if (!ch) throw std::invalid_argument("Router: no contraction hierarchy given");
  return *ch;
}

}  // namespace

Router::Router(std::shared_ptr<const ContractionHierarchy> ch, std::size_t cache_capacity)
    : ch_(std::move(ch)), query_(checked(ch_)), cache_(cache_capacity) {}

RouteCost Router::route(NodeId from, NodeId to) {
  for (const NodeId node : {from, to}) {
    if (node >= ch_->node_count()) {
      throw std::out_of_range(
          fmt::format("Router::route: node {} is outside the graph of {} nodes", node, ch_->node_count()));
    }
  }
  if (from == to) return {0, 0.0, 0.0};
  if (const auto cached = cache_.find(from, to)) {
    ++hits_;
    return *cached;
  }
  ++misses_;
  const RouteCost cost = query_.route(from, to);
  cache_.insert(from, to, cost);
  return cost;
}

}  // namespace evsim::models::road
