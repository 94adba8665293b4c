#pragma once
// Fastest point-to-point routes for many trips: a RouteQuery on a shared ContractionHierarchy
// behind a RouteCache (route_cache.hpp: bounded, 4-way set associative, LRU within a set).
//
// route(from, to) returns the RouteCost of contraction_hierarchy.hpp (time in ms, length in m,
// speed_sq_length in m km^2/h^2; kUnreachableMs and +infinity when `to` cannot be reached).
// from == to costs {0, 0, 0} without touching the cache or its counters; every other call counts
// one hit or one miss. A Router is for one thread; several may share one hierarchy.
#include <cstdint>
#include <memory>

#include "models/road/contraction_hierarchy.hpp"
#include "models/road/route_cache.hpp"
#include "models/road/route_query.hpp"

namespace evsim::models::road {

class Router {
 public:
  // Throws std::invalid_argument when `ch` is null.
  Router(std::shared_ptr<const ContractionHierarchy> ch, std::size_t cache_capacity);

  // Throws std::out_of_range naming the node when from or to is outside the graph.
  RouteCost route(NodeId from, NodeId to);

  std::uint64_t cache_hits() const { return hits_; }
  std::uint64_t cache_misses() const { return misses_; }
  std::size_t cache_capacity() const { return cache_.capacity(); }
  const ContractionHierarchy& hierarchy() const { return *ch_; }

 private:
  std::shared_ptr<const ContractionHierarchy> ch_;
  RouteQuery query_;
  RouteCache cache_;
  std::uint64_t hits_ = 0;
  std::uint64_t misses_ = 0;
};

}  // namespace evsim::models::road
