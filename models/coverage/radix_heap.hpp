#pragma once
// A monotone priority queue over 64-bit keys (radix heap; Ahuja, Mehlhorn, Orlin and Tarjan 1990),
// for Dijkstra by length with keys from distance_key.hpp.
//
// An entry lives in bucket 0 when its key equals the last key popped (`last_`), otherwise in
// bucket b = 1 + (index of the highest bit where it differs from last_). Popping from an empty
// bucket 0 finds the lowest non-empty bucket, makes its smallest key the new last_ and moves that
// bucket's entries into lower buckets: each entry moves down at most 64 times, in sequential
// passes over vectors. On the 1M-node grid of bench/coverage_bench.cpp a one-to-all search took
// 55 ms with it and 245 ms with an indexed 4-ary heap (Boost's choice) when it was tried.
//
// Monotone: a pushed key must be >= the last popped key. Duplicates are allowed (no
// decrease-key): a search pushes a node again when its distance drops and skips the stale entries.
// Entries with equal keys come out in an unspecified order, unless TieOrder is a strict weak order
// on payloads ("comes out first"); then they come out in that order.
#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cstdint>
#include <type_traits>
#include <vector>

namespace evsim::models::coverage {

struct AnyTieOrder {};

template <typename Payload, typename TieOrder = AnyTieOrder>
class RadixHeap {
 public:
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }

  void push(std::uint64_t key, const Payload& payload) {
    assert(key >= last_);
    const int b = bucket_of(key);
    if constexpr (kOrdered) {
      if (b == 0) {  // keep bucket 0 sorted, the first out at the back
        auto& zero = buckets_[0];
        const Entry e{key, payload};
        zero.insert(std::upper_bound(zero.begin(), zero.end(), e, comes_later), e);
        ++size_;
        return;
      }
    }
    buckets_[b].push_back({key, payload});
    ++size_;
  }

  // The smallest key. Requires !empty().
  std::uint64_t top_key() {
    if (buckets_[0].empty()) refill();
    return last_;
  }

  // An entry with the smallest key. Requires !empty().
  const Payload& top() {
    if (buckets_[0].empty()) refill();
    return buckets_[0].back().payload;
  }

  void pop() {
    if (buckets_[0].empty()) refill();
    buckets_[0].pop_back();
    --size_;
  }

  // Empties the heap, keeping the buckets' memory.
  void clear() {
    for (auto& b : buckets_) b.clear();
    size_ = 0;
    last_ = 0;
  }

 private:
  static constexpr bool kOrdered = !std::is_same_v<TieOrder, AnyTieOrder>;
  struct Entry {
    std::uint64_t key;
    Payload payload;
  };
  static bool comes_later(const Entry& a, const Entry& b) { return TieOrder{}(b.payload, a.payload); }

  int bucket_of(std::uint64_t key) const { return key == last_ ? 0 : 64 - std::countl_zero(key ^ last_); }

  void refill() {
    assert(size_ > 0);
    int i = 1;
    while (buckets_[i].empty()) ++i;
    auto& from = buckets_[i];
    std::uint64_t lowest = from.front().key;
    for (const Entry& e : from) lowest = std::min(lowest, e.key);
    last_ = lowest;
    for (const Entry& e : from) buckets_[bucket_of(e.key)].push_back(e);  // all into buckets < i
    from.clear();
    if constexpr (kOrdered) std::sort(buckets_[0].begin(), buckets_[0].end(), comes_later);
  }

  std::array<std::vector<Entry>, 65> buckets_;
  std::uint64_t last_ = 0;
  std::size_t size_ = 0;
};

}  // namespace evsim::models::coverage
