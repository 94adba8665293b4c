// Hold model (Jones 1986): the event list holds N pending events; each step pops the earliest and
// pushes one at (popped time + a random increment). Increments are exponential with a 10-minute
// mean in integer milliseconds, drawn in advance so that the loop measures the list alone. Each
// list first runs 3N untimed steps to reach its steady state.
//
//   build/release/bench/bench_event_list --benchmark_counters_tabular=true
//
// BM_Hold<std::priority_queue> is the baseline: what a simulator built on the standard library
// gets, with (time, sequence) keys so that equal times stay FIFO as evsim requires.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <queue>
#include <vector>

#include "sim/heap_event_lists.hpp"
#include "sim/radix_heap_event_list.hpp"
#include "sim/random.hpp"
#include "sim/simulator.hpp"

namespace {

using evsim::sim::QueuedEvent;

std::vector<std::int64_t> increments_ms() {
  evsim::sim::RandomStream rng(1, 0, "bench/hold");
  std::vector<std::int64_t> out(1 << 20);
  for (auto& x : out) x = static_cast<std::int64_t>(rng.exponential(600'000.0));
  return out;
}

// std::priority_queue with the same ordering contract as the evsim lists.
class StdPriorityQueue {
 public:
  void push(QueuedEvent e) { heap_.push({e.time_ms, sequence_++, e.slot}); }
  QueuedEvent pop() {
    const Entry e = heap_.top();
    heap_.pop();
    return {e.time_ms, e.slot, 0};
  }

 private:
  struct Entry {
    std::int64_t time_ms;
    std::uint64_t sequence;
    std::uint32_t slot;
    bool operator>(const Entry& o) const {
      return time_ms != o.time_ms ? time_ms > o.time_ms : sequence > o.sequence;
    }
  };
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap_;
  std::uint64_t sequence_ = 0;
};

template <typename List>
void BM_Hold(benchmark::State& state) {
  const auto pending = static_cast<std::size_t>(state.range(0));
  const auto inc = increments_ms();
  const std::size_t mask = inc.size() - 1;
  List list;
  std::size_t k = 0;
  for (std::size_t i = 0; i < pending; ++i) list.push({inc[k++ & mask], static_cast<std::uint32_t>(i), 0});
  // Transient phase (as in Jones 1986): let the pending times reach their steady distribution and
  // the lists their working memory before measuring.
  for (std::size_t i = 0; i < 3 * pending; ++i) {
    const QueuedEvent e = list.pop();
    list.push({e.time_ms + inc[k++ & mask], e.slot, 0});
  }
  for (auto _ : state) {
    const QueuedEvent e = list.pop();
    list.push({e.time_ms + inc[k++ & mask], e.slot, 0});
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["events_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

// The whole Simulator: callback storage, stale-handle check and the virtual event list included.
// Each event's callback holds one pointer, as model callbacks that capture `this` and an id do
// (small enough for std::function to store without allocating).
struct HoldContext {
  evsim::sim::Simulator* sim;
  const std::vector<std::int64_t>* inc;
  std::size_t k = 0;
  void step() {
    const auto delay = evsim::sim::Duration{(*inc)[k++ & (inc->size() - 1)]};
    sim->schedule(delay, [this] { step(); });
  }
};

void BM_SimulatorHold(benchmark::State& state) {
  const auto pending = static_cast<std::size_t>(state.range(0));
  const auto inc = increments_ms();
  evsim::sim::Simulator sim(static_cast<evsim::sim::EventListKind>(state.range(1)));
  HoldContext context{&sim, &inc};
  for (std::size_t i = 0; i < pending; ++i) context.step();
  sim.run_until(sim.now() + evsim::sim::Duration{3'600'000});  // transient phase
  const std::uint64_t before = sim.executed_count();
  for (auto _ : state) {
    // Run 100,000 events a benchmark iteration (a minute of simulated time is ~1,700 of them).
    const auto target = sim.executed_count() + 100'000;
    while (sim.executed_count() < target) sim.run_until(sim.now() + evsim::sim::Duration{60'000});
  }
  const auto executed = static_cast<double>(sim.executed_count() - before);
  state.SetItemsProcessed(static_cast<std::int64_t>(executed));
  state.counters["events_per_s"] = benchmark::Counter(executed, benchmark::Counter::kIsRate);
}

}  // namespace

BENCHMARK(BM_Hold<StdPriorityQueue>)->Name("Hold/std_priority_queue")->Arg(10'000)->Arg(100'000)->Arg(1'000'000);
BENCHMARK(BM_Hold<evsim::sim::QuaternaryHeapEventList>)->Name("Hold/quaternary_heap")->Arg(10'000)->Arg(100'000)->Arg(1'000'000);
BENCHMARK(BM_Hold<evsim::sim::RadixHeapEventList>)->Name("Hold/radix_heap")->Arg(10'000)->Arg(100'000)->Arg(1'000'000);
BENCHMARK(BM_SimulatorHold)
    ->Name("SimulatorHold")
    ->ArgNames({"pending", "list"})
    ->Args({1'000'000, static_cast<int>(evsim::sim::EventListKind::binary_heap)})
    ->Args({1'000'000, static_cast<int>(evsim::sim::EventListKind::radix_heap)});
