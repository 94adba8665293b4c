#include "models/charging/station_choice.hpp"

namespace evsim::models::charging {

double expected_wait_h(const Station& station, Usage usage, double own_charge_h) {
  const std::uint32_t usable = station.usable_plugs(usage);
  const std::uint32_t free = station.free_usable_plugs(usage);
  const auto queued = static_cast<std::uint32_t>(station.queue().size());
  if (usable == 0) return 0.0;
  if (free > queued) return 0.0;
  const StationStats& s = station.stats();
  const double mean_session_h = s.sessions_completed > 0
                                    ? sim::to_hours(sim::Duration{s.session_ms_completed}) /
                                          static_cast<double>(s.sessions_completed)
                                    : own_charge_h;
  return static_cast<double>(queued - free + 1) * mean_session_h / static_cast<double>(usable);
}

double offer_cost_h(const OfferTerms& t, double value_of_time_per_h) {
  return t.drive_h + t.onward_h - t.direct_h + t.expected_wait_h + t.charge_h +
         t.price_per_kwh * t.grid_kwh / value_of_time_per_h;
}

}  // namespace evsim::models::charging
