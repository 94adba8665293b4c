#include "sim/simulator.hpp"

#include <fmt/format.h>

#include <utility>

namespace evsim::sim {

Simulator::Simulator(EventListKind kind) : kind_(kind), events_(make_event_list(kind)) {}

EventId Simulator::schedule(Duration delay, Callback fn) {
  if (delay.count() < 0) {
    throw SchedulingError(fmt::format("Simulator::schedule: negative delay {} ms at t={}", delay.count(),
                                      format_time(now_)));
  }
  if (delay.count() > to_ms(kTimeMax) - to_ms(now_)) {
    throw SchedulingError(fmt::format("Simulator::schedule: delay {} ms at t={} overflows the clock",
                                      delay.count(), format_time(now_)));
  }
  return arm(now_ + delay, std::move(fn));
}

EventId Simulator::schedule_at(Time when, Callback fn) {
  if (when < now_) {
    throw SchedulingError(fmt::format("Simulator::schedule_at: time {} is before now ({})", format_time(when),
                                      format_time(now_)));
  }
  return arm(when, std::move(fn));
}

EventId Simulator::arm(Time when, Callback fn) {
  if (!fn) throw SchedulingError("Simulator::schedule: empty callback");
  std::uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    if (slots_.size() >= EventId::kInvalid) throw SchedulingError("Simulator::schedule: too many pending events");
    slot = static_cast<std::uint32_t>(slots_.size());
    slots_.emplace_back();
  }
  Slot& s = slots_[slot];
  s.fn = std::move(fn);
  s.armed = true;
  events_->push({to_ms(when), slot, s.generation});
  ++pending_;
  return EventId{slot, s.generation};
}

void Simulator::release(std::uint32_t slot) {
  Slot& s = slots_[slot];
  s.armed = false;
  ++s.generation;
  free_slots_.push_back(slot);
  --pending_;
}

bool Simulator::is_pending(EventId id) const {
  if (id.is_null() || id.slot() >= slots_.size()) return false;
  const Slot& s = slots_[id.slot()];
  return s.armed && s.generation == id.generation();
}

bool Simulator::cancel(EventId id) {
  if (!is_pending(id)) return false;
  slots_[id.slot()].fn = nullptr;
  release(id.slot());
  return true;
}

EventId Simulator::reschedule_at(EventId id, Time when) {
  if (!is_pending(id)) throw SchedulingError("Simulator::reschedule_at: the event is not pending");
  if (when < now_) {
    throw SchedulingError(fmt::format("Simulator::reschedule_at: time {} is before now ({})", format_time(when),
                                      format_time(now_)));
  }
  Callback fn = std::move(slots_[id.slot()].fn);
  release(id.slot());
  return arm(when, std::move(fn));
}

void Simulator::run_until(Time end) {
  stop_requested_ = false;
  stopped_early_ = false;
  const std::int64_t end_ms = to_ms(end);
  while (!stop_requested_ && !events_->empty()) {
    const QueuedEvent& next = events_->top();
    if (next.time_ms > end_ms) break;
    // An external request stops the run only while events up to `end` remain.
    if (stop_flag_ != nullptr && stop_flag_->load(std::memory_order_relaxed)) {
      stopped_early_ = true;
      return;
    }
    const QueuedEvent e = events_->pop();
    Slot& s = slots_[e.slot];
    if (!s.armed || s.generation != e.generation) continue;  // cancelled or rescheduled
    now_ = time_at_ms(e.time_ms);
    Callback fn = std::move(s.fn);
    release(e.slot);  // before the call, so that the callback may schedule into this slot
    ++executed_;
    fn();
  }
  if (stop_requested_) {
    stopped_early_ = true;
    return;
  }
  if (end > now_ && end != kTimeMax) now_ = end;
}

void Simulator::run() { run_until(kTimeMax); }

}  // namespace evsim::sim
