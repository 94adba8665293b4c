#pragma once
// Monotone radix heap over the integer event time, with 2^kDigitBits-ary digits (the radix heap of
// Ahuja, Mehlhorn, Orlin and Tarjan 1990, generalised from bits to digits as in their "two-level"
// variant).
//
// Let `last_` be the time of the last minimum. Bucket 0 holds the entries whose time equals
// `last_`. Any other entry has a highest digit position p at which its time differs from
// `last_`, and there its digit v is larger than last_'s; it lives in bucket (p, v). Buckets at a
// lower position hold smaller times, and within a position a smaller digit means a smaller time.
// When bucket 0 runs dry, the lowest non-empty bucket is emptied: its minimum becomes `last_` and
// its entries move to buckets of lower positions. An entry only ever moves down, so it moves at
// most 64 / kDigitBits times (a binary radix heap moves an entry about once per bit, which at a
// million pending events costs three times as much).
//
// Equal times always share a bucket, and every move empties one bucket in order into buckets that
// are empty, so entries with equal times leave in the order they were pushed: the list is FIFO at
// equal times without a sequence number.
//
// Buckets are FIFO lists of 64-entry blocks from one shared pool, so memory follows the number of
// pending events (plus at most one partly filled block a bucket) instead of every bucket keeping
// the largest size it ever had, as vectors would: at a million pending events that is ~20 MB
// instead of ~500 MB.
//
// Peeking (top()) makes the next minimum `last_` before the clock gets there: Simulator::run_until
// peeks at the first event past its end time and returns with now() < last_. Events then scheduled
// between now() and last_ go to `early_`, a small (time, sequence) heap that is drained first; no
// other entry can have such a time, so the order stays total and FIFO. Times before the last
// popped time are never pushed (the Simulator rejects them).
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/event_list.hpp"
#include "sim/heap_event_lists.hpp"

namespace evsim::sim {

class RadixHeapEventList final : public EventList {
 public:
  void push(QueuedEvent e) override;
  QueuedEvent pop() override;
  const QueuedEvent& top() override;
  bool empty() const override { return size_ == 0; }
  std::size_t size() const override { return size_; }

 private:
  static constexpr int kDigitBits = 8;
  static constexpr int kDigitValues = 1 << kDigitBits;
  static constexpr int kPositions = 64 / kDigitBits;
  static constexpr int kWordsPerPosition = kDigitValues / 64;

  static constexpr std::uint32_t kNoBlock = 0xFFFFFFFF;
  static constexpr std::uint32_t kBlockEntries = 64;

  struct Block {
    std::array<QueuedEvent, kBlockEntries> entries;
    std::uint32_t count = 0;
    std::uint32_t next = kNoBlock;
  };
  struct Bucket {
    std::uint32_t head = kNoBlock;
    std::uint32_t tail = kNoBlock;
  };
  struct Position {
    std::array<Bucket, kDigitValues> buckets;
    std::array<std::uint64_t, kWordsPerPosition> occupied{};  // bit v set when buckets[v] is non-empty
  };

  void place(QueuedEvent e);  // by value: the source may be a block that append() moves
  void append(Bucket& bucket, QueuedEvent e);
  std::uint32_t new_block();
  void refill_front();

  std::vector<SequencedEvent> early_;  // min-heap of entries with time < last_
  std::uint64_t early_sequence_ = 0;
  std::vector<QueuedEvent> front_;  // entries with time == last_, popped from front_cursor_ on
  std::size_t front_cursor_ = 0;
  // Position 0 holds one time a bucket and few entries each: plain vectors (which keep their small
  // capacity) are faster there than blocks. Positions 1 and up use the block pool.
  std::array<std::vector<QueuedEvent>, kDigitValues> exact_;
  std::array<Position, kPositions> positions_;
  std::vector<Block> blocks_;
  std::vector<std::uint32_t> free_blocks_;
  std::uint32_t occupied_positions_ = 0;  // bit p set when some bucket of position p is non-empty
  std::uint64_t last_ = 0;
  std::size_t size_ = 0;
};

}  // namespace evsim::sim
