#pragma once
// The priority queue of a RouteQuery search: a 4-ary min-heap (sim/quaternary_heap.hpp) of
// (weight, rank) entries, ordered by weight, then rank. That order is total on the entries a
// search holds (a rank is pushed again only with a lighter weight), so entries leave in the same
// order whatever the heap's shape: a binary std::push_heap/pop_heap gives the same sequence, and so
// the same ties and the same paths.
#include <cstdint>

#include "models/road/contraction_hierarchy.hpp"
#include "sim/quaternary_heap.hpp"

namespace evsim::models::road {

struct RouteHeapEntry {
  ChWeight weight;
  std::uint32_t rank;
};

struct RouteHeapLess {
  bool operator()(const RouteHeapEntry& a, const RouteHeapEntry& b) const {
    if (a.weight.time_ms != b.weight.time_ms) return a.weight.time_ms < b.weight.time_ms;
    if (a.weight.length_nm != b.weight.length_nm) return a.weight.length_nm < b.weight.length_nm;
    return a.rank < b.rank;
  }
};

class RouteHeap {
 public:
  using Entry = RouteHeapEntry;
  bool empty() const { return heap_.empty(); }
  const Entry& top() const { return heap_.top(); }
  void clear() { heap_.clear(); }
  void push(ChWeight weight, std::uint32_t rank) { heap_.push({weight, rank}); }
  void pop() { heap_.pop(); }

 private:
  sim::QuaternaryHeap<Entry, RouteHeapLess> heap_;
};

}  // namespace evsim::models::road
