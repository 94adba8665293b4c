// The event-list contract, checked for every implementation against a reference model
// (a std::multimap on time, which keeps insertion order among equal keys).
#include <gtest/gtest.h>

#include <map>

#include "sim/event_list.hpp"
#include "sim/random.hpp"

namespace evsim::sim {
namespace {

class EventListTest : public ::testing::TestWithParam<EventListKind> {};

TEST_P(EventListTest, EqualTimesLeaveInPushOrder) {
  auto list = make_event_list(GetParam());
  for (std::uint32_t i = 0; i < 100; ++i) list->push({7, i, 0});
  for (std::uint32_t i = 0; i < 100; ++i) {
    ASSERT_EQ(list->top().slot, i);
    ASSERT_EQ(list->pop().slot, i);
  }
  EXPECT_TRUE(list->empty());
}

TEST_P(EventListTest, MatchesReferenceOnRandomHoldModel) {
  // Interleaved pushes and pops with many equal times (times drawn from a small range), never
  // pushing before the last popped time. Every popped entry must equal the reference's.
  auto list = make_event_list(GetParam());
  std::multimap<std::int64_t, std::uint32_t> reference;
  RandomStream rng(3, 0, "event-list-test");
  std::int64_t now = 0;
  std::uint32_t next_slot = 0;
  for (int i = 0; i < 2000; ++i) {
    const std::int64_t t = now + static_cast<std::int64_t>(rng.uniform_index(50));
    list->push({t, next_slot, 0});
    reference.emplace(t, next_slot++);
  }
  for (int step = 0; step < 200000; ++step) {
    ASSERT_EQ(list->size(), reference.size());
    if (rng.bernoulli(0.5) && !reference.empty()) {
      const QueuedEvent got = list->pop();
      const auto want = reference.begin();
      ASSERT_EQ(got.time_ms, want->first) << "step " << step;
      ASSERT_EQ(got.slot, want->second) << "step " << step;
      now = got.time_ms;
      reference.erase(want);
    } else {
      // Wide spread: exercises the high buckets of the radix heap.
      const std::int64_t spread = rng.bernoulli(0.1) ? 1'000'000'000 : 40;
      const std::int64_t t = now + static_cast<std::int64_t>(rng.uniform_index(static_cast<std::uint64_t>(spread)));
      list->push({t, next_slot, 0});
      reference.emplace(t, next_slot++);
    }
  }
  while (!reference.empty()) {
    const QueuedEvent got = list->pop();
    ASSERT_EQ(got.time_ms, reference.begin()->first);
    ASSERT_EQ(got.slot, reference.begin()->second);
    reference.erase(reference.begin());
  }
  EXPECT_TRUE(list->empty());
}

TEST_P(EventListTest, PushAtCurrentMinimumWhileDrainingKeepsFifo) {
  auto list = make_event_list(GetParam());
  list->push({10, 0, 0});
  list->push({10, 1, 0});
  list->push({20, 2, 0});
  EXPECT_EQ(list->pop().slot, 0u);
  list->push({10, 3, 0});  // same time as the popped one: after slot 1, before 20
  EXPECT_EQ(list->pop().slot, 1u);
  EXPECT_EQ(list->pop().slot, 3u);
  EXPECT_EQ(list->pop().slot, 2u);
}

TEST_P(EventListTest, HandlesLargestTimes) {
  auto list = make_event_list(GetParam());
  const std::int64_t big = std::numeric_limits<std::int64_t>::max();
  list->push({big, 0, 0});
  list->push({0, 1, 0});
  list->push({big - 1, 2, 0});
  EXPECT_EQ(list->pop().slot, 1u);
  EXPECT_EQ(list->pop().slot, 2u);
  EXPECT_EQ(list->pop().slot, 0u);
}

INSTANTIATE_TEST_SUITE_P(AllKinds, EventListTest, ::testing::ValuesIn(kAllEventListKinds),
                         [](const auto& param_info) { return std::string(to_string(param_info.param)); });

}  // namespace
}  // namespace evsim::sim
