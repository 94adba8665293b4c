#pragma once
// An implicit 4-ary min-heap: the children of entry i are 4i+1 .. 4i+4. Half the depth of a binary
// heap, and the four children share one or two cache lines, so pushes and pops move fewer entries
// (a pop compares more, but comparisons are cheap). `Less` must be a strict weak order; entries
// that compare equal leave in an unspecified order, so callers that need determinism make the
// order total (the event lists add a sequence number, route searches the node's rank).
#include <cstddef>
#include <vector>

namespace evsim::sim {

template <class T, class Less>
class QuaternaryHeap {
 public:
  bool empty() const { return entries_.empty(); }
  std::size_t size() const { return entries_.size(); }
  const T& top() const { return entries_.front(); }
  void clear() { entries_.clear(); }

  void push(const T& item) {
    std::size_t i = entries_.size();
    entries_.push_back(item);  // grows the vector; the slot is overwritten below
    while (i > 0) {
      const std::size_t parent = (i - 1) / kArity;
      if (!less_(item, entries_[parent])) break;
      entries_[i] = entries_[parent];
      i = parent;
    }
    entries_[i] = item;
  }

  void pop() {
    const T last = entries_.back();
    entries_.pop_back();
    const std::size_t n = entries_.size();
    if (n == 0) return;
    std::size_t i = 0;
    for (;;) {
      const std::size_t first = kArity * i + 1;
      if (first >= n) break;
      const std::size_t end = first + kArity < n ? first + kArity : n;
      std::size_t least = first;
      for (std::size_t c = first + 1; c < end; ++c) {
        if (less_(entries_[c], entries_[least])) least = c;
      }
      if (!less_(entries_[least], last)) break;
      entries_[i] = entries_[least];
      i = least;
    }
    entries_[i] = last;
  }

 private:
  static constexpr std::size_t kArity = 4;
  [[no_unique_address]] Less less_{};
  std::vector<T> entries_;
};

}  // namespace evsim::sim
