#include "models/demand/schedule_generator.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <span>
#include <type_traits>
#include <variant>

#include "models/demand/place_sampler.hpp"
#include "models/draw.hpp"
#include "models/road/point_locator.hpp"
#include "scenarios/scenario_error.hpp"

namespace evsim::models::demand {
namespace {

constexpr sim::Duration kDay{86'400'000};

sim::Duration draw_ms(const scenarios::DistributionSpec& spec, sim::RandomStream& rng) {
  return sim::Duration{std::llround(draw(spec, rng))};
}

// The places samplers, each read on first use.
class Places {
 public:
  Places(const scenarios::PlacesSpec& spec, road::PointLocator& locator) : spec_(spec), locator_(locator) {}
  const PlaceSampler& homes() { return get(homes_, spec_.homes, "home"); }
  const PlaceSampler& work() { return get(work_, spec_.work, "work place"); }
  const PlaceSampler& other() { return get(other_, spec_.other, "other place"); }

 private:
  const PlaceSampler& get(std::optional<PlaceSampler>& s, const std::optional<scenarios::DemandFileSpec>& file,
                          std::string_view kind) {
    if (!s) s = PlaceSampler::from_places(file, kind, locator_);
    return *s;
  }
  const scenarios::PlacesSpec& spec_;
  road::PointLocator& locator_;
  std::optional<PlaceSampler> homes_, work_, other_;
};

// Appends one segment's vehicles and legs to the fleet plan.
class SegmentScheduler {
 public:
  SegmentScheduler(FleetSchedule& out, const VehicleSchedule& prototype, sim::RandomStream& rng, std::int64_t days)
      : out_(out), prototype_(prototype), rng_(rng), days_(days) {}

  void plan(const scenarios::SegmentSpec& seg, const scenarios::PrivateCarDemand& d, Places& places) {
    const PlaceSampler& homes = places.homes();
    const PlaceSampler& work = places.work();
    const PlaceSampler* other = d.errand_probability > 0.0 ? &places.other() : nullptr;
    for (std::uint32_t k = 0; k < seg.count; ++k) {
      const road::NodeId home = homes.draw(rng_);
      const road::NodeId job = work.draw(rng_);
      begin_vehicle(home, seg);
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

  void plan(const scenarios::SegmentSpec& seg, const scenarios::RideHailingDemand& d, Places& places,
            const road::RoadGraph& g) {
    const PlaceSampler& homes = places.homes();
    const PlaceSampler& other = places.other();
    const auto estimate_ms = [&g](road::NodeId a, road::NodeId b) {
      const double m = std::hypot(g.x_m(a) - g.x_m(b), g.y_m(a) - g.y_m(b));
      return std::max(m / (kTripSpeedEstimateKmh / 3.6) * 1000.0, static_cast<double>(kMinTripEstimate.count()));
    };
    for (std::uint32_t k = 0; k < seg.count; ++k) {
      const road::NodeId home = homes.draw(rng_);
      begin_vehicle(home, seg);
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

  void plan(const scenarios::SegmentSpec& seg, const scenarios::LogisticsDemand& d, Places& places, road::NodeId depot) {
    const PlaceSampler* other = d.stops > 0 ? &places.other() : nullptr;
    for (std::uint32_t k = 0; k < seg.count; ++k) {
      begin_vehicle(depot, seg);
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

  void plan(const scenarios::SegmentSpec& seg, const TripFileSchedules& trips) {
    for (std::size_t i = 0; i < trips.schedule.vehicles.size(); ++i) {
      const VehicleSchedule& v = trips.schedule.vehicles[i];
      begin_vehicle(v.start, seg);
      out_.names.resize(out_.vehicles.size());
      out_.names.back() = trips.vehicle_ids[i];
      for (const Leg& leg : std::span(trips.schedule.legs).subspan(v.first_leg, v.leg_count)) add(leg);
    }
  }

 private:
  void begin_vehicle(road::NodeId start, const scenarios::SegmentSpec& seg) {
    VehicleSchedule v = prototype_;
    v.start = start;
    v.initial_soc = draw(seg.initial_soc, rng_);
    v.first_leg = static_cast<std::uint32_t>(out_.legs.size());
    out_.vehicles.push_back(v);
  }
  void set_charger(road::NodeId node, double power_kw) {
    out_.vehicles.back().charger_node = node;
    out_.vehicles.back().charger_power_kw = power_kw;
  }
  void add(const Leg& leg) {
    out_.legs.push_back(leg);
    ++out_.vehicles.back().leg_count;
  }

  FleetSchedule& out_;
  VehicleSchedule prototype_;
  sim::RandomStream& rng_;
  std::int64_t days_;
};

std::uint32_t type_index(const scenarios::Scenario& sc, const scenarios::SegmentSpec& seg) {
  for (std::uint32_t t = 0; t < sc.vehicle_types.size(); ++t) {
    if (sc.vehicle_types[t].name == seg.vehicle_type) return t;
  }
  scenarios::SourceMark mark = seg.mark;
  mark.key_path += ".vehicle_type";
  scenarios::throw_at(mark, "the name of one of the scenario's vehicle types", scenarios::quote(seg.vehicle_type));
}

}  // namespace

FleetSchedule generate_fleet_schedule(const scenarios::Scenario& sc, road::PointLocator& locator,
                              const sim::RandomStreams& streams, FleetScheduleReport* report) {
  const road::RoadNetwork& network = locator.network();
  FleetSchedule out;
  Places places(sc.places, locator);
  const sim::Duration horizon = sc.run.horizon;
  const std::int64_t days = horizon.count() <= 0 ? 0 : (horizon.count() + kDay.count() - 1) / kDay.count();
  if (report != nullptr) report->segments.clear();
  for (std::uint32_t s = 0; s < sc.fleet.size(); ++s) {
    const scenarios::SegmentSpec& seg = sc.fleet[s];
    const VehicleSchedule prototype{.type = type_index(sc, seg), .segment = s};
    sim::RandomStream rng = streams.stream("fleet/" + seg.name);
    SegmentScheduler planner(out, prototype, rng, days);
    const std::size_t first_vehicle = out.vehicles.size();
    const std::size_t first_leg = out.legs.size();
    SegmentScheduleReport seg_report;
    std::visit(
        [&](const auto& d) {
          using D = std::decay_t<decltype(d)>;
          if constexpr (std::is_same_v<D, scenarios::PrivateCarDemand>) {
            planner.plan(seg, d, places);
          } else if constexpr (std::is_same_v<D, scenarios::RideHailingDemand>) {
            planner.plan(seg, d, places, network.graph);
          } else if constexpr (std::is_same_v<D, scenarios::LogisticsDemand>) {
            const road::NodeId depot = locator.locate(d.depot, road::point_ref("depot", seg.name, d.depot_mark)).node;
            planner.plan(seg, d, places, depot);
          } else {
            const TripFileSchedules trips = read_trip_file(d, horizon, locator);
            planner.plan(seg, trips);
            seg_report.trip_file = trips.report;
          }
        },
        seg.demand);
    seg_report.vehicles = static_cast<std::uint32_t>(out.vehicles.size() - first_vehicle);
    seg_report.legs = out.legs.size() - first_leg;
    if (report != nullptr) report->segments.push_back(seg_report);
  }
  return out;
}

}  // namespace evsim::models::demand
