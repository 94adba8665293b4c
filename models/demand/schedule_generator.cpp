#include "models/demand/schedule_generator.hpp"

#include <algorithm>
#include <cmath>

namespace evsim::models::demand {
namespace {

constexpr sim::Duration kDay{86'400'000};

sim::Duration draw_ms(const Distribution& distribution, sim::RandomStream& rng) {
  return sim::Duration{std::llround(draw(distribution, rng))};
}

}  // namespace

std::int64_t days_in(sim::Duration horizon) {
  return horizon.count() <= 0 ? 0 : (horizon.count() + kDay.count() - 1) / kDay.count();
}

void SegmentScheduler::private_cars(std::uint32_t count, const PrivateCarDemand& d, const PlaceSampler& homes,
                                    const PlaceSampler& work, const PlaceSampler* other) {
  for (std::uint32_t k = 0; k < count; ++k) {
    const road::NodeId home = homes.draw(rng_);
    const road::NodeId job = work.draw(rng_);
    begin_vehicle(home);
    if (rng_.bernoulli(d.home_charger_share)) set_charger(home, d.home_charger_power_kw);
    for (std::int64_t day = 0; day < days_; ++day) {
      const sim::Time day_start = sim::kTimeZero + day * kDay;
      add({.not_before = day_start + draw_ms(d.depart_to_work, rng_), .destination = job, .activity = Activity::work});
      const sim::Duration work_dwell = draw_ms(d.work_dwell, rng_);
      if (rng_.bernoulli(d.errand_probability)) {
        add({.min_stay = work_dwell, .destination = other->draw(rng_), .activity = Activity::other});
        add({.min_stay = draw_ms(d.errand_dwell, rng_), .destination = home, .activity = Activity::home});
      } else {
        add({.min_stay = work_dwell, .destination = home, .activity = Activity::home});
      }
    }
  }
}

void SegmentScheduler::ride_hailing(std::uint32_t count, const RideHailingDemand& d, const PlaceSampler& homes,
                                    const PlaceSampler& other, const road::RoadGraph& g) {
  const auto estimate_ms = [&g](road::NodeId a, road::NodeId b) {
    const double m = std::hypot(g.x_m(a) - g.x_m(b), g.y_m(a) - g.y_m(b));
    return std::max(m / (kTripSpeedEstimateKmh / 3.6) * 1000.0, static_cast<double>(kMinTripEstimate.count()));
  };
  for (std::uint32_t k = 0; k < count; ++k) {
    const road::NodeId home = homes.draw(rng_);
    begin_vehicle(home);
    if (rng_.bernoulli(d.home_charger_share)) set_charger(home, d.home_charger_power_kw);
    for (std::int64_t day = 0; day < days_; ++day) {
      const sim::Time start = sim::kTimeZero + day * kDay + draw_ms(d.shift_start, rng_);
      const sim::Duration length = draw_ms(d.shift_length, rng_);
      const sim::Time end = start + length;
      const double budget_ms = kShiftCoverFactor * static_cast<double>(length.count());
      road::NodeId at = other.draw(rng_);
      add({.not_before = start, .skip_after = end, .destination = at, .activity = Activity::passenger});
      double used_ms = estimate_ms(home, at);
      while (used_ms < budget_ms) {
        const sim::Duration idle = draw_ms(d.idle_between_trips, rng_);
        const road::NodeId next = other.draw(rng_);
        add({.min_stay = idle, .skip_after = end, .destination = next, .activity = Activity::passenger});
        used_ms += static_cast<double>(idle.count()) + estimate_ms(at, next);
        at = next;
      }
      add({.not_before = end, .destination = home, .activity = Activity::home});
    }
  }
}

void SegmentScheduler::logistics(std::uint32_t count, const LogisticsDays& d, road::NodeId depot,
                                 const PlaceSampler* other) {
  for (std::uint32_t k = 0; k < count; ++k) {
    begin_vehicle(depot);
    set_charger(depot, d.depot_power_kw);
    for (std::int64_t day = 0; day < days_ && d.stops > 0; ++day) {
      const sim::Time depart = sim::kTimeZero + day * kDay + draw_ms(d.depart, rng_);
      sim::Duration dwell{};
      for (std::uint32_t s = 0; s < d.stops; ++s) {
        Leg leg{.min_stay = dwell, .destination = other->draw(rng_), .activity = Activity::stop};
        if (s == 0) leg.not_before = depart;
        add(leg);
        dwell = draw_ms(d.stop_dwell, rng_);
      }
      add({.min_stay = dwell, .destination = depot, .activity = Activity::depot});
    }
  }
}

void SegmentScheduler::replay(const FleetSchedule& recorded, std::span<const std::string> vehicle_ids) {
  for (std::size_t i = 0; i < recorded.vehicles.size(); ++i) {
    begin_vehicle(recorded.vehicles[i].start);
    out_.names.resize(out_.vehicles.size());
    out_.names.back() = vehicle_ids[i];
    const VehicleSchedule& r = recorded.vehicles[i];
    for (std::uint32_t k = 0; k < r.leg_count; ++k) {
      add(recorded.legs[r.first_leg + k]);
      out_.leg_names.resize(out_.legs.size());
      const std::size_t from = r.first_leg + k;
      if (from < recorded.leg_names.size()) out_.leg_names.back() = recorded.leg_names[from];
    }
  }
}

void SegmentScheduler::begin_vehicle(road::NodeId start) {
  VehicleSchedule v = prototype_;
  v.start = start;
  v.initial_soc = draw(initial_soc_, rng_);
  v.first_leg = static_cast<std::uint32_t>(out_.legs.size());
  out_.vehicles.push_back(v);
}

void SegmentScheduler::set_charger(road::NodeId node, double power_kw) {
  out_.vehicles.back().charger_node = node;
  out_.vehicles.back().charger_power_kw = power_kw;
}

void SegmentScheduler::add(const Leg& leg) {
  out_.legs.push_back(leg);
  ++out_.vehicles.back().leg_count;
}

}  // namespace evsim::models::demand
