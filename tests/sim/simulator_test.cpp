#include "sim/simulator.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <string>
#include <vector>
#include "tests/support/expect_throw_msg.hpp"

namespace evsim::sim {
namespace {

using namespace std::chrono_literals;

class SimulatorTest : public ::testing::TestWithParam<EventListKind> {
 protected:
  Simulator sim{GetParam()};
  std::vector<std::string> log;
  auto note(std::string what) {
    return [this, what = std::move(what)] { log.push_back(what + "@" + std::to_string(to_ms(sim.now()))); };
  }
};

TEST_P(SimulatorTest, EqualTimesRunInSchedulingOrder) {
  sim.schedule(5ms, note("a"));
  sim.schedule_at(time_at_ms(5), note("b"));
  sim.schedule(1ms, note("first"));
  sim.schedule(5ms, note("c"));
  sim.run();
  EXPECT_EQ(log, (std::vector<std::string>{"first@1", "a@5", "b@5", "c@5"}));
}

TEST_P(SimulatorTest, EventsScheduledFromCallbacksAtTheSameTimeRunAfterEarlierOnes) {
  sim.schedule(2ms, [&] {
    log.push_back("outer@2");
    sim.schedule(0ms, note("inner"));
  });
  sim.schedule(2ms, note("sibling"));
  sim.run();
  EXPECT_EQ(log, (std::vector<std::string>{"outer@2", "sibling@2", "inner@2"}));
}

TEST_P(SimulatorTest, CancelRemovesOnlyThatEvent) {
  const EventId a = sim.schedule(3ms, note("a"));
  sim.schedule(3ms, note("b"));
  EXPECT_TRUE(sim.is_pending(a));
  EXPECT_TRUE(sim.cancel(a));
  EXPECT_FALSE(sim.is_pending(a));
  EXPECT_FALSE(sim.cancel(a));  // twice is harmless
  EXPECT_FALSE(sim.cancel(EventId{}));
  EXPECT_EQ(sim.pending_count(), 1u);
  sim.run();
  EXPECT_EQ(log, (std::vector<std::string>{"b@3"}));
}

TEST_P(SimulatorTest, StaleHandleDoesNotCancelTheEventThatReusesItsSlot) {
  const EventId old_id = sim.schedule(1ms, note("old"));
  sim.run();
  const EventId new_id = sim.schedule(1ms, note("new"));
  EXPECT_EQ(old_id.slot(), new_id.slot());  // the slot is reused...
  EXPECT_FALSE(sim.cancel(old_id));          // ...but the old handle is stale
  sim.run();
  EXPECT_EQ(log, (std::vector<std::string>{"old@1", "new@2"}));
}

TEST_P(SimulatorTest, RescheduleMovesTheCallback) {
  const EventId a = sim.schedule(10ms, note("a"));
  sim.schedule(5ms, note("b"));
  const EventId moved = sim.reschedule_at(a, time_at_ms(2));
  EXPECT_FALSE(sim.is_pending(a));
  EXPECT_TRUE(sim.is_pending(moved));
  sim.schedule(7ms, [&] {  // later: move a pending event to the current time, behind this one
    const EventId late = sim.schedule(100ms, note("late"));
    sim.reschedule_at(late, sim.now());
  });
  sim.run();
  EXPECT_EQ(log, (std::vector<std::string>{"a@2", "b@5", "late@7"}));
  EXPECT_THROW_MSG(sim.reschedule_at(a, sim.now()), SchedulingError, "Simulator::reschedule_at: the event is not pending");
}

TEST_P(SimulatorTest, CancelFromAnotherEventAtTheSameTime) {
  EventId victim;
  sim.schedule(4ms, [&] { sim.cancel(victim); });
  victim = sim.schedule(4ms, note("victim"));
  sim.run();
  EXPECT_TRUE(log.empty());
  EXPECT_EQ(sim.executed_count(), 1u);
}

TEST_P(SimulatorTest, RunUntilStopsAtTheBoundaryAndAdvancesTheClock) {
  sim.schedule(10ms, note("at-end"));
  sim.schedule(11ms, note("after"));
  sim.run_until(time_at_ms(10));
  EXPECT_EQ(log, (std::vector<std::string>{"at-end@10"}));
  EXPECT_EQ(sim.now(), time_at_ms(10));
  sim.run_until(time_at_ms(50));
  EXPECT_EQ(sim.now(), time_at_ms(50));
  EXPECT_EQ(log.back(), "after@11");
}

TEST_P(SimulatorTest, EventsScheduledIntoTheGapAfterRunUntilRunInOrder) {
  // run_until(50) looks at the event at 100 and returns at now = 50; events scheduled between
  // 50 and 100 afterwards must still run first, in time and then scheduling order.
  sim.schedule_at(time_at_ms(100), note("late"));
  sim.run_until(time_at_ms(50));
  sim.schedule_at(time_at_ms(60), [&] {
    log.push_back("a@60");
    sim.schedule_at(time_at_ms(65), note("c"));
    sim.schedule_at(time_at_ms(100), note("after-late"));
  });
  sim.schedule_at(time_at_ms(60), note("b"));
  sim.schedule_at(time_at_ms(70), note("d"));
  sim.run_until(time_at_ms(80));
  sim.schedule_at(time_at_ms(90), note("e"));
  sim.run();
  EXPECT_EQ(log, (std::vector<std::string>{"a@60", "b@60", "c@65", "d@70", "e@90", "late@100", "after-late@100"}));
}

TEST_P(SimulatorTest, StopEndsTheRunAfterTheCurrentEvent) {
  sim.schedule(1ms, [&] {
    log.push_back("stopper");
    sim.stop();
  });
  sim.schedule(1ms, note("same-time"));
  sim.run_until(time_at_ms(100));
  EXPECT_EQ(log, (std::vector<std::string>{"stopper"}));
  EXPECT_EQ(sim.now(), time_at_ms(1));
  sim.run_until(time_at_ms(100));  // a new run resumes
  EXPECT_EQ(log.back(), "same-time@1");
}

TEST_P(SimulatorTest, StopFlagEndsTheRunBeforeTheNextEventWithoutCountingAnEvent) {
  std::atomic<bool> flag{false};
  sim.set_stop_flag(&flag);
  sim.schedule(10ms, [&] {
    log.push_back("raiser");
    flag.store(true);  // as a signal handler would
  });
  sim.schedule(10ms, note("same-time"));
  sim.schedule(20ms, note("later"));
  sim.run_until(time_at_ms(100));
  EXPECT_EQ(log, (std::vector<std::string>{"raiser"}));
  EXPECT_TRUE(sim.stopped_early());
  EXPECT_EQ(sim.now(), time_at_ms(10));  // the clock stays where the run stopped
  EXPECT_EQ(sim.executed_count(), 1u);   // the check itself is not an event
  flag.store(false);
  sim.run_until(time_at_ms(100));
  EXPECT_EQ(log, (std::vector<std::string>{"raiser", "same-time@10", "later@20"}));
  EXPECT_FALSE(sim.stopped_early());
  EXPECT_EQ(sim.now(), time_at_ms(100));
  EXPECT_EQ(sim.executed_count(), 3u);
}

TEST_P(SimulatorTest, StopFlagSetBeforeTheRunRunsNothing) {
  std::atomic<bool> flag{true};
  sim.set_stop_flag(&flag);
  sim.schedule(0ms, note("never"));
  sim.run_until(time_at_ms(50));
  EXPECT_TRUE(log.empty());
  EXPECT_TRUE(sim.stopped_early());
  EXPECT_EQ(sim.now(), kTimeZero);
}

TEST_P(SimulatorTest, StopFlagWithNoEventLeftBeforeTheEndDoesNotStopTheRun) {
  // Every event up to `end` has run: the run reached `end`, whatever the flag says.
  std::atomic<bool> flag{false};
  sim.set_stop_flag(&flag);
  sim.schedule(5ms, [&] { flag.store(true); });
  sim.schedule(200ms, note("after-end"));
  sim.run_until(time_at_ms(100));
  EXPECT_FALSE(sim.stopped_early());
  EXPECT_EQ(sim.now(), time_at_ms(100));
  EXPECT_EQ(sim.executed_count(), 1u);
}

TEST_P(SimulatorTest, NegativeDelayIsAnErrorInEveryBuild) {
  sim.run_until(time_at_ms(1000));
  try {
    sim.schedule(-5ms, note("never"));
    FAIL() << "no exception";
  } catch (const SchedulingError& e) {
    EXPECT_STREQ(e.what(), "Simulator::schedule: negative delay -5 ms at t=00:00:01.000");
  }
  try {
    sim.schedule_at(time_at_ms(999), note("never"));
    FAIL() << "no exception";
  } catch (const SchedulingError& e) {
    EXPECT_STREQ(e.what(), "Simulator::schedule_at: time 00:00:00.999 is before now (00:00:01.000)");
  }
  EXPECT_EQ(sim.pending_count(), 0u);
}

TEST_P(SimulatorTest, ExceptionInACallbackLeavesTheSimulatorUsable) {
  sim.schedule(1ms, [] { throw std::runtime_error("model failure"); });
  sim.schedule(2ms, note("after"));
  EXPECT_THROW_MSG(sim.run(), std::runtime_error, "model failure");
  EXPECT_EQ(sim.pending_count(), 1u);
  sim.run();
  EXPECT_EQ(log, (std::vector<std::string>{"after@2"}));
}

TEST_P(SimulatorTest, ManyPendingEventsRunInTimeOrder) {
  std::int64_t last = -1;
  bool ordered = true;
  for (int i = 0; i < 100000; ++i) {
    const auto t = time_at_ms((i * 7919) % 100003);
    sim.schedule_at(t, [&, t] {
      ordered = ordered && to_ms(t) >= last && sim.now() == t;
      last = to_ms(t);
    });
  }
  sim.run();
  EXPECT_TRUE(ordered);
  EXPECT_EQ(sim.executed_count(), 100000u);
}

INSTANTIATE_TEST_SUITE_P(AllKinds, SimulatorTest, ::testing::ValuesIn(kAllEventListKinds),
                         [](const auto& param_info) { return std::string(to_string(param_info.param)); });

TEST(SimulatorIndependence, TwoSimulatorsInOneProcessKeepTheirOwnClocks) {
  Simulator a;
  Simulator b;
  int ran_a = 0;
  int ran_b = 0;
  a.schedule(std::chrono::milliseconds(5), [&] { ++ran_a; });
  b.schedule(std::chrono::milliseconds(7), [&] { ++ran_b; });
  a.run();
  EXPECT_EQ(a.now(), time_at_ms(5));
  EXPECT_EQ(b.now(), kTimeZero);
  EXPECT_EQ(ran_b, 0);
  b.run();
  EXPECT_EQ(ran_a, 1);
  EXPECT_EQ(ran_b, 1);
}

}  // namespace
}  // namespace evsim::sim
