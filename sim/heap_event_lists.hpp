#pragma once
// Comparison-based event lists. Equal times are ordered by a per-list push sequence number, so
// the key is (time, sequence) and the order is total.
#include <cstdint>
#include <queue>
#include <vector>

#include "sim/event_list.hpp"
#include "sim/quaternary_heap.hpp"

namespace evsim::sim {

struct SequencedEvent {
  QueuedEvent event;
  std::uint64_t sequence;
};

constexpr bool earlier(const SequencedEvent& a, const SequencedEvent& b) {
  return a.event.time_ms != b.event.time_ms ? a.event.time_ms < b.event.time_ms : a.sequence < b.sequence;
}

struct EarlierEvent {
  bool operator()(const SequencedEvent& a, const SequencedEvent& b) const { return earlier(a, b); }
};
struct LaterEvent {
  bool operator()(const SequencedEvent& a, const SequencedEvent& b) const { return earlier(b, a); }
};

// An event list on any heap of SequencedEvents with push(item), top(), pop(), empty() and size()
// whose top is the earliest.
template <class Heap>
class SequencedHeapEventList final : public EventList {
 public:
  void push(QueuedEvent e) override { heap_.push({e, next_sequence_++}); }
  QueuedEvent pop() override {
    const QueuedEvent e = heap_.top().event;
    heap_.pop();
    return e;
  }
  const QueuedEvent& top() override { return heap_.top().event; }
  bool empty() const override { return heap_.empty(); }
  std::size_t size() const override { return heap_.size(); }

 private:
  Heap heap_;
  std::uint64_t next_sequence_ = 0;
};

// The reference: std::priority_queue, a binary heap (it keeps the largest on top, hence LaterEvent).
using BinaryHeapEventList =
    SequencedHeapEventList<std::priority_queue<SequencedEvent, std::vector<SequencedEvent>, LaterEvent>>;
// A 4-ary min-heap (sim/quaternary_heap.hpp): half the depth of a binary heap.
using QuaternaryHeapEventList = SequencedHeapEventList<QuaternaryHeap<SequencedEvent, EarlierEvent>>;

}  // namespace evsim::sim
