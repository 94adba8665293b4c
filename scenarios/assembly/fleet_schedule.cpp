#include "scenarios/assembly/fleet_schedule.hpp"

#include <string_view>
#include <type_traits>
#include <variant>

#include "models/demand/place_sampler.hpp"
#include "models/demand/schedule_generator.hpp"
#include "scenarios/files/node_weights.hpp"
#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios::assembly {
namespace {

using models::demand::PlaceSampler;

// The places samplers, each read on first use.
class Places {
 public:
  Places(const PlacesSpec& spec, files::PointLocator& locator) : spec_(spec), locator_(locator) {}
  const PlaceSampler& homes() { return get(homes_, spec_.homes, "home"); }
  const PlaceSampler& work() { return get(work_, spec_.work, "work place"); }
  const PlaceSampler& other() { return get(other_, spec_.other, "other place"); }

 private:
  const PlaceSampler& get(std::optional<PlaceSampler>& s, const std::optional<DemandFileSpec>& file,
                          std::string_view kind) {
    if (!s) s = files::read_place_sampler(file, kind, locator_);
    return *s;
  }
  const PlacesSpec& spec_;
  files::PointLocator& locator_;
  std::optional<PlaceSampler> homes_, work_, other_;
};

std::uint32_t type_index(const Scenario& sc, const SegmentSpec& seg) {
  for (std::uint32_t t = 0; t < sc.vehicle_types.size(); ++t) {
    if (sc.vehicle_types[t].name == seg.vehicle_type) return t;
  }
  SourceMark mark = seg.mark;
  mark.key_path += ".vehicle_type";
  throw_at(mark, "the name of one of the scenario's vehicle types", quote(seg.vehicle_type));
}

}  // namespace

models::demand::FleetSchedule generate_fleet_schedule(const Scenario& sc, files::PointLocator& locator,
                                                      const sim::RandomStreams& streams, FleetScheduleReport* report) {
  namespace demand = models::demand;
  demand::FleetSchedule out;
  Places places(sc.places, locator);
  const std::int64_t days = demand::days_in(sc.run.horizon);
  if (report != nullptr) report->segments.clear();
  for (std::uint32_t s = 0; s < sc.fleet.size(); ++s) {
    const SegmentSpec& seg = sc.fleet[s];
    const demand::VehicleSchedule prototype{.type = type_index(sc, seg), .segment = s};
    sim::RandomStream rng = streams.stream("fleet/" + seg.name);
    demand::SegmentScheduler scheduler(out, prototype, seg.initial_soc, rng, days);
    const std::size_t first_vehicle = out.vehicles.size();
    const std::size_t first_leg = out.legs.size();
    SegmentScheduleReport seg_report;
    std::visit(
        [&](const auto& d) {
          using D = std::decay_t<decltype(d)>;
          if constexpr (std::is_same_v<D, PrivateCarDemand>) {
            const PlaceSampler& homes = places.homes();
            const PlaceSampler& work = places.work();
            const PlaceSampler* other = d.errand_probability > 0.0 ? &places.other() : nullptr;
            scheduler.private_cars(seg.count, d, homes, work, other);
          } else if constexpr (std::is_same_v<D, RideHailingDemand>) {
            const PlaceSampler& homes = places.homes();
            scheduler.ride_hailing(seg.count, d, homes, places.other(), locator.network().graph);
          } else if constexpr (std::is_same_v<D, LogisticsDemand>) {
            const models::road::NodeId depot =
                locator.locate(d.depot, files::point_ref("depot", seg.name, d.depot_mark)).node;
            const PlaceSampler* other = d.stops > 0 ? &places.other() : nullptr;
            scheduler.logistics(seg.count, d, depot, other);
          } else {
            const files::TripFileSchedules trips = files::read_trip_file(d, sc.run.horizon, locator);
            scheduler.replay(trips.schedule, trips.vehicle_ids);
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

}  // namespace evsim::scenarios::assembly
