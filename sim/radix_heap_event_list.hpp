#pragma once
// Monotone radix heap over the integer event time (Ahuja, Mehlhorn, Orlin and Tarjan 1990).
//
// Bucket 0 holds the entries whose time equals `last_`, the time of the last minimum; bucket b >= 1
// holds the entries whose time first differs from `last_` in bit b-1 (counting from the least
// significant). An entry moves only to a lower bucket, so it moves at most 64 times, in practice
// a few. Because equal times always share a bucket and every move keeps the order of the bucket
// it empties into empty lower buckets, entries with equal times leave in the order they came:
// the list is FIFO at equal times without a sequence number.
//
// Valid only while pushed times are >= the last popped time, which simulation time guarantees.
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/event_list.hpp"

namespace evsim::sim {

class RadixHeapEventList final : public EventList {
 public:
  void push(QueuedEvent e) override;
  QueuedEvent pop() override;
  const QueuedEvent& top() override;
  bool empty() const override { return size_ == 0; }
  std::size_t size() const override { return size_; }

 private:
  static constexpr int kBuckets = 65;
  std::size_t bucket_of(std::uint64_t key) const;
  void refill_front();

  std::array<std::vector<QueuedEvent>, kBuckets> buckets_;
  std::size_t front_cursor_ = 0;  // next entry of bucket 0 to pop
  std::uint64_t last_ = 0;
  std::size_t size_ = 0;
};

}  // namespace evsim::sim
