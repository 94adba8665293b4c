#include "models/road/route_cache.hpp"

#include <bit>

namespace evsim::models::road {
namespace {

std::uint64_t key_of(NodeId from, NodeId to) { return (static_cast<std::uint64_t>(from) << 32) | to; }

std::uint64_t mix(std::uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdULL;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ULL;
  k ^= k >> 33;
  return k;
}

}  // namespace

RouteCache::RouteCache(std::size_t capacity)
    : sets_(capacity == 0 ? 0 : std::bit_ceil((capacity + kWays - 1) / kWays)) {}

RouteCache::Set* RouteCache::set_of(std::uint64_t key) {
  if (sets_.empty()) return nullptr;
  return &sets_[mix(key) & (sets_.size() - 1)];
}

std::optional<RouteCost> RouteCache::find(NodeId from, NodeId to) {
  const std::uint64_t key = key_of(from, to);
  Set* set = set_of(key);
  if (set == nullptr) return std::nullopt;
  for (std::size_t i = 0; i < kWays; ++i) {
    if (set->keys[i] != key) continue;
    const RouteCost cost = set->costs[i];
    for (std::size_t j = i; j > 0; --j) {
      set->keys[j] = set->keys[j - 1];
      set->costs[j] = set->costs[j - 1];
    }
    set->keys[0] = key;
    set->costs[0] = cost;
    return cost;
  }
  return std::nullopt;
}

void RouteCache::insert(NodeId from, NodeId to, const RouteCost& cost) {
  const std::uint64_t key = key_of(from, to);
  Set* set = set_of(key);
  if (set == nullptr) return;
  for (std::size_t j = kWays - 1; j > 0; --j) {
    set->keys[j] = set->keys[j - 1];
    set->costs[j] = set->costs[j - 1];
  }
  set->keys[0] = key;
  set->costs[0] = cost;
}

}  // namespace evsim::models::road
