#pragma once
// The priority queue of a RouteQuery search: a 4-ary min-heap of (weight, rank) entries, ordered
// by weight, then rank. That order is total on the entries a search holds (a rank is pushed again
// only with a lighter weight), so entries leave in the same order whatever the heap's shape: a
// binary std::push_heap/pop_heap gives the same sequence, and so the same ties and the same paths.
// A 4-ary heap is shallower, and a node's children share a cache line or two; it moves fewer
// entries per push and pop than a binary one (sift-down compares more, but those are cheap).
#include <cstdint>
#include <vector>

#include "models/road/contraction_hierarchy.hpp"

namespace evsim::models::road {

class RouteHeap {
 public:
  struct Entry {
    ChWeight weight;
    std::uint32_t rank;
  };

  bool empty() const { return entries_.empty(); }
  const Entry& top() const { return entries_.front(); }
  void clear() { entries_.clear(); }

  void push(ChWeight weight, std::uint32_t rank) {
    std::size_t i = entries_.size();
    entries_.push_back({});
    const Entry e{weight, rank};
    while (i > 0) {
      const std::size_t up = (i - 1) / kArity;
      if (!less(e, entries_[up])) break;
      entries_[i] = entries_[up];
      i = up;
    }
    entries_[i] = e;
  }

  void pop() {
    const Entry last = entries_.back();
    entries_.pop_back();
    const std::size_t n = entries_.size();
    if (n == 0) return;
    std::size_t i = 0;
    for (;;) {
      const std::size_t first = i * kArity + 1;
      if (first >= n) break;
      const std::size_t end = first + kArity < n ? first + kArity : n;
      std::size_t least = first;
      for (std::size_t c = first + 1; c < end; ++c) {
        if (less(entries_[c], entries_[least])) least = c;
      }
      if (!less(entries_[least], last)) break;
      entries_[i] = entries_[least];
      i = least;
    }
    entries_[i] = last;
  }

 private:
  static constexpr std::size_t kArity = 4;
  static bool less(const Entry& a, const Entry& b) {
    if (a.weight.time_ms != b.weight.time_ms) return a.weight.time_ms < b.weight.time_ms;
    if (a.weight.length_nm != b.weight.length_nm) return a.weight.length_nm < b.weight.length_nm;
    return a.rank < b.rank;
  }
  std::vector<Entry> entries_;
};

}  // namespace evsim::models::road
