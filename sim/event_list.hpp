#pragma once
// Event lists: priority queues of (time, slot, generation) entries ordered by time, first pushed
// first popped at equal times. The Simulator owns one; models never see it.
//
// Contract shared by every implementation (and pinned by tests/sim/event_list_test.cpp, which runs
// over all of them):
//   - push(e) requires e.time_ms >= the time of the last popped entry (simulation time never goes
//     back; the Simulator checks this before it pushes);
//   - pop() returns the entry with the smallest time; among equal times, the one pushed first;
//   - top() returns the same entry without removing it; both require !empty().
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace evsim::sim {

struct QueuedEvent {
  std::int64_t time_ms;
  std::uint32_t slot;
  std::uint32_t generation;
};

class EventList {
 public:
  virtual ~EventList() = default;
  virtual void push(QueuedEvent e) = 0;
  virtual QueuedEvent pop() = 0;
  virtual const QueuedEvent& top() = 0;
  virtual bool empty() const = 0;
  virtual std::size_t size() const = 0;
};

enum class EventListKind {
  binary_heap,      // std::priority_queue on (time, sequence): the reference implementation
  quaternary_heap,  // implicit 4-ary heap on (time, sequence): shallower, fewer cache misses
  radix_heap,       // monotone radix heap on the integer time: the default, O(1) amortised push
};

inline constexpr EventListKind kAllEventListKinds[] = {
    EventListKind::binary_heap, EventListKind::quaternary_heap, EventListKind::radix_heap};

std::unique_ptr<EventList> make_event_list(EventListKind kind);
std::string_view to_string(EventListKind kind);

}  // namespace evsim::sim
