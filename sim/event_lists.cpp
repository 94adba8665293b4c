#include <algorithm>
#include <bit>
#include <stdexcept>

#include "sim/heap_event_lists.hpp"
#include "sim/radix_heap_event_list.hpp"

namespace evsim::sim {

std::uint32_t RadixHeapEventList::new_block() {
  if (free_blocks_.empty()) {
    blocks_.emplace_back();
    return static_cast<std::uint32_t>(blocks_.size() - 1);
  }
  const std::uint32_t b = free_blocks_.back();
  free_blocks_.pop_back();
  blocks_[b].count = 0;
  blocks_[b].next = kNoBlock;
  return b;
}

void RadixHeapEventList::append(Bucket& bucket, QueuedEvent e) {
  if (bucket.tail == kNoBlock || blocks_[bucket.tail].count == kBlockEntries) {
    const std::uint32_t b = new_block();
    if (bucket.tail == kNoBlock) {
      bucket.head = b;
    } else {
      blocks_[bucket.tail].next = b;
    }
    bucket.tail = b;
  }
  Block& block = blocks_[bucket.tail];
  block.entries[block.count++] = e;
}

void RadixHeapEventList::place(QueuedEvent e) {
  const auto key = static_cast<std::uint64_t>(e.time_ms);
  const std::uint64_t diff = key ^ last_;
  if (diff == 0) {
    front_.push_back(e);
    return;
  }
  const int p = (static_cast<int>(std::bit_width(diff)) - 1) / kDigitBits;
  const auto v = static_cast<std::size_t>((key >> (p * kDigitBits)) & (kDigitValues - 1));
  Position& position = positions_[static_cast<std::size_t>(p)];
  if (p == 0) {
    exact_[v].push_back(e);
  } else {
    append(position.buckets[v], e);
  }
  position.occupied[v / 64] |= std::uint64_t{1} << (v % 64);
  occupied_positions_ |= 1u << p;
}

namespace {
constexpr auto kLaterFirst = [](const SequencedEvent& a, const SequencedEvent& b) { return earlier(b, a); };
}  // namespace

void RadixHeapEventList::push(QueuedEvent e) {
  if (static_cast<std::uint64_t>(e.time_ms) < last_) {
    early_.push_back({e, early_sequence_++});
    std::push_heap(early_.begin(), early_.end(), kLaterFirst);
  } else {
    place(e);
  }
  ++size_;
}

void RadixHeapEventList::refill_front() {
  if (front_cursor_ < front_.size()) return;
  front_.clear();
  front_cursor_ = 0;
  // size_ > 0 guarantees a non-empty bucket: take the lowest one.
  const auto p = static_cast<std::size_t>(std::countr_zero(occupied_positions_));
  Position& position = positions_[p];
  std::size_t word = 0;
  while (position.occupied[word] == 0) ++word;
  const auto v = word * 64 + static_cast<std::size_t>(std::countr_zero(position.occupied[word]));
  position.occupied[word] &= position.occupied[word] - 1;
  bool position_still_occupied = false;
  for (const std::uint64_t w : position.occupied) position_still_occupied = position_still_occupied || w != 0;
  if (!position_still_occupied) occupied_positions_ &= ~(1u << p);

  if (p == 0) {
    // A bucket of the lowest position holds a single time: it becomes the front as it is.
    last_ = (last_ & ~std::uint64_t{kDigitValues - 1}) | v;
    front_.swap(exact_[v]);
    return;
  }
  const Bucket source = position.buckets[v];
  position.buckets[v] = Bucket{};
  std::uint64_t min_key = static_cast<std::uint64_t>(blocks_[source.head].entries[0].time_ms);
  for (std::uint32_t b = source.head; b != kNoBlock; b = blocks_[b].next) {
    const Block& block = blocks_[b];
    for (std::uint32_t i = 0; i < block.count; ++i) {
      const auto k = static_cast<std::uint64_t>(block.entries[i].time_ms);
      if (k < min_key) min_key = k;
    }
  }
  last_ = min_key;
  // Every entry goes to a lower position (or to front_), never back into `source`, so reading its
  // blocks while appending elsewhere is safe as long as block indices, not references, are held:
  // append() may grow blocks_.
  for (std::uint32_t b = source.head; b != kNoBlock;) {
    for (std::uint32_t i = 0; i < blocks_[b].count; ++i) place(blocks_[b].entries[i]);
    const std::uint32_t next = blocks_[b].next;
    free_blocks_.push_back(b);
    b = next;
  }
}

const QueuedEvent& RadixHeapEventList::top() {
  if (!early_.empty()) return early_.front().event;
  refill_front();
  return front_[front_cursor_];
}

QueuedEvent RadixHeapEventList::pop() {
  --size_;
  if (!early_.empty()) {
    std::pop_heap(early_.begin(), early_.end(), kLaterFirst);
    const QueuedEvent e = early_.back().event;
    early_.pop_back();
    return e;
  }
  refill_front();
  return front_[front_cursor_++];
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
