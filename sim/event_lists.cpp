#include <bit>
#include <stdexcept>

#include "sim/heap_event_lists.hpp"
#include "sim/radix_heap_event_list.hpp"

namespace evsim::sim {

void QuaternaryHeapEventList::push(QueuedEvent e) {
  const SequencedEvent item{e, next_sequence_++};
  std::size_t i = heap_.size();
  heap_.push_back(item);
  while (i > 0) {
    const std::size_t parent = (i - 1) / 4;
    if (!earlier(item, heap_[parent])) break;
    heap_[i] = heap_[parent];
    i = parent;
  }
  heap_[i] = item;
}

QueuedEvent QuaternaryHeapEventList::pop() {
  const QueuedEvent result = heap_.front().event;
  const SequencedEvent last = heap_.back();
  heap_.pop_back();
  const std::size_t n = heap_.size();
  if (n == 0) return result;
  std::size_t i = 0;
  for (;;) {
    const std::size_t first = 4 * i + 1;
    if (first >= n) break;
    const std::size_t end = first + 4 < n ? first + 4 : n;
    std::size_t best = first;
    for (std::size_t c = first + 1; c < end; ++c) {
      if (earlier(heap_[c], heap_[best])) best = c;
    }
    if (!earlier(heap_[best], last)) break;
    heap_[i] = heap_[best];
    i = best;
  }
  heap_[i] = last;
  return result;
}

std::size_t RadixHeapEventList::bucket_of(std::uint64_t key) const {
  return static_cast<std::size_t>(std::bit_width(key ^ last_));
}

void RadixHeapEventList::push(QueuedEvent e) {
  buckets_[bucket_of(static_cast<std::uint64_t>(e.time_ms))].push_back(e);
  ++size_;
}

void RadixHeapEventList::refill_front() {
  auto& front = buckets_[0];
  if (front_cursor_ < front.size()) return;
  front.clear();
  front_cursor_ = 0;
  std::size_t b = 1;
  while (buckets_[b].empty()) ++b;  // size_ > 0 guarantees a non-empty bucket
  auto& source = buckets_[b];
  std::uint64_t min_key = static_cast<std::uint64_t>(source.front().time_ms);
  for (const QueuedEvent& e : source) {
    const auto k = static_cast<std::uint64_t>(e.time_ms);
    if (k < min_key) min_key = k;
  }
  last_ = min_key;
  for (const QueuedEvent& e : source) buckets_[bucket_of(static_cast<std::uint64_t>(e.time_ms))].push_back(e);
  source.clear();
}

const QueuedEvent& RadixHeapEventList::top() {
  refill_front();
  return buckets_[0][front_cursor_];
}

QueuedEvent RadixHeapEventList::pop() {
  refill_front();
  --size_;
  return buckets_[0][front_cursor_++];
}

std::unique_ptr<EventList> make_event_list(EventListKind kind) {
  switch (kind) {
    case EventListKind::binary_heap: return std::make_unique<BinaryHeapEventList>();
    case EventListKind::quaternary_heap: return std::make_unique<QuaternaryHeapEventList>();
    case EventListKind::radix_heap: return std::make_unique<RadixHeapEventList>();
  }
  throw std::invalid_argument("make_event_list: unknown EventListKind");
}

std::string_view to_string(EventListKind kind) {
  switch (kind) {
    case EventListKind::binary_heap: return "binary_heap";
    case EventListKind::quaternary_heap: return "quaternary_heap";
    case EventListKind::radix_heap: return "radix_heap";
  }
  return "unknown";
}

}  // namespace evsim::sim
