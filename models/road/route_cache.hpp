#pragma once
// A bounded cache of route costs keyed by (origin, destination) node ids.
//
// Layout: open addressing in sets of 4 slots (4-way set associative). The 64-bit key
// origin << 32 | destination is hashed (MurmurHash3's 64-bit finaliser) to pick one set; a
// lookup compares the set's 4 keys. Replacement: least recently used within the set; a hit
// moves its entry to the front of the set, an insertion into a full set drops the entry at the
// back. The capacity asked for is rounded up to 4 x a power of two slots; capacity 0 stores
// nothing. Costs are stored as given, unreachable ones included.
#include <cstdint>
#include <optional>
#include <vector>

#include "models/road/contraction_hierarchy.hpp"

namespace evsim::models::road {

class RouteCache {
 public:
  explicit RouteCache(std::size_t capacity);

  std::optional<RouteCost> find(NodeId from, NodeId to);
  void insert(NodeId from, NodeId to, const RouteCost& cost);
  std::size_t capacity() const { return sets_.size() * kWays; }

 private:
  static constexpr std::size_t kWays = 4;
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};  // no node id is 2^32 - 1
  struct Set {
    std::uint64_t keys[kWays] = {kEmpty, kEmpty, kEmpty, kEmpty};
    RouteCost costs[kWays] = {};
  };
  Set* set_of(std::uint64_t key);

  std::vector<Set> sets_;
};

}  // namespace evsim::models::road
