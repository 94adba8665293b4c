#pragma once
// The discrete-event simulator: a clock and an event list. Models hold a `Simulator&` and ask it
// for work; nothing here is global, so one process can run many simulations side by side.
//
//   EventId id = sim.schedule(5min, [&] { ... });   // run 5 minutes from now
//   sim.schedule_at(t, fn);                          // run at absolute time t >= now()
//   sim.cancel(id);                                  // no effect on a null, ran or cancelled id
//   sim.run_until(end);                              // run every event with time <= end
//
// Ordering: events run by (time, order of scheduling); two events scheduled for the same time run
// in the order they were scheduled, whichever event list is chosen.
// Errors: a negative delay or a time before now() throws SchedulingError in every build type.
// Stopping from outside (a signal handler, another thread): set_stop_flag(&flag); the run loop
// reads the flag (one relaxed atomic load) before each event and returns, as stop() does, once it
// is true. The check is not an event: executed_count() counts model events only.
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <vector>

#include "sim/event_id.hpp"
#include "sim/event_list.hpp"
#include "sim/time.hpp"

namespace evsim::sim {

class SchedulingError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

class Simulator {
 public:
  using Callback = std::function<void()>;

  explicit Simulator(EventListKind kind = EventListKind::radix_heap);
  Simulator(const Simulator&) = delete;
  Simulator& operator=(const Simulator&) = delete;

  Time now() const { return now_; }

  EventId schedule(Duration delay, Callback fn);
  EventId schedule_at(Time when, Callback fn);
  // Returns true when the event was pending and is now cancelled.
  bool cancel(EventId id);
  // Moves a pending event's callback to a new time and returns the new handle; the old one turns
  // stale. Throws SchedulingError when `id` is not pending.
  EventId reschedule_at(EventId id, Time when);
  bool is_pending(EventId id) const;

  // Runs events with time <= end in order, then advances the clock to `end` unless stopped early.
  void run_until(Time end);
  // Runs until no event is left or stop() is called.
  void run();
  // Makes the running run_until()/run() return after the current event.
  void stop() { stop_requested_ = true; }
  bool stopped() const { return stop_requested_; }
  // An external stop request, checked before every event; nullptr (the default) for none. The flag
  // must outlive the runs that check it. Setting it never clears itself: the owner resets it.
  void set_stop_flag(const std::atomic<bool>* flag) { stop_flag_ = flag; }
  // True when the last run_until()/run() returned because of stop() or the stop flag.
  bool stopped_early() const { return stopped_early_; }

  std::size_t pending_count() const { return pending_; }
  std::uint64_t executed_count() const { return executed_; }
  EventListKind event_list_kind() const { return kind_; }

 private:
  struct Slot {
    Callback fn;
    std::uint32_t generation = 0;
    bool armed = false;
  };
  EventId arm(Time when, Callback fn);
  void release(std::uint32_t slot);

  EventListKind kind_;
  std::unique_ptr<EventList> events_;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_slots_;
  Time now_ = kTimeZero;
  std::size_t pending_ = 0;
  std::uint64_t executed_ = 0;
  bool stop_requested_ = false;
  bool stopped_early_ = false;
  const std::atomic<bool>* stop_flag_ = nullptr;
};

}  // namespace evsim::sim
