#include "models/charging/opening_hours.hpp"

namespace evsim::models::charging {
namespace {

constexpr sim::Duration kDay = std::chrono::hours(24);

sim::Duration time_of_day(sim::Time t) {
  const sim::Duration since = t - sim::kTimeZero;
  const sim::Duration r = since % kDay;
  return r < sim::Duration::zero() ? r + kDay : r;
}

}  // namespace

OpeningHours::OpeningHours(sim::Duration open, sim::Duration close)
    : always_open_(open == close), open_(open), close_(close) {}

bool OpeningHours::is_open(sim::Time t) const {
  if (always_open_) return true;
  const sim::Duration d = time_of_day(t);
  if (open_ < close_) return d >= open_ && d < close_;
  return d >= open_ || d < close_;
}

sim::Time OpeningHours::next_close(sim::Time t) const {
  if (always_open_) return sim::kTimeMax;
  const sim::Time midnight = t - time_of_day(t);
  sim::Time candidate = midnight + close_;
  if (candidate <= t) candidate += kDay;
  return candidate;
}

}  // namespace evsim::models::charging
