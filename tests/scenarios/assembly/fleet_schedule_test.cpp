#include "scenarios/assembly/fleet_schedule.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "tests/models/demand/demand_test_util.hpp"

namespace evsim::models::demand {
namespace {

using namespace ::evsim::scenarios::files;      // the readers under test
using namespace ::evsim::scenarios::assembly;

using testing::error_of;
using testing::kDayMs;
using testing::kHourMs;
using testing::scratch_dir;
using testing::write_file;

constexpr std::int64_t kMinMs = 60'000;

sim::Time at_ms(std::int64_t ms) { return sim::time_at_ms(ms); }
std::int64_t ms_of(sim::Time t) { return sim::to_ms(t); }
std::int64_t ms_of(sim::Duration d) { return d.count(); }

scenarios::SegmentSpec commuters(std::uint32_t count = 20) {
  return {.name = "commuters",
          .vehicle_type = "car",
          .count = count,
          .initial_soc = scenarios::UniformDistribution{0.5, 0.9},
          .demand = scenarios::PrivateCarDemand{
              .depart_to_work = scenarios::UniformDistribution{7.0 * kHourMs, 9.0 * kHourMs},
              .work_dwell = scenarios::UniformDistribution{8.0 * kHourMs, 9.0 * kHourMs},
              .errand_probability = 0.5,
              .errand_dwell = scenarios::FixedValue{1.0 * kHourMs},
              .home_charger_share = 0.5,
              .home_charger_power_kw = 11.0}};
}

scenarios::SegmentSpec taxis(std::uint32_t count = 10) {
  return {.name = "taxis",
          .vehicle_type = "car",
          .count = count,
          .initial_soc = scenarios::NormalDistribution{0.7, 0.1, 0.4, 1.0},
          .demand = scenarios::RideHailingDemand{
              .shift_start = scenarios::UniformDistribution{6.0 * kHourMs, 10.0 * kHourMs},
              .shift_length = scenarios::UniformDistribution{8.0 * kHourMs, 10.0 * kHourMs},
              .idle_between_trips = scenarios::ExponentialDistribution{10.0 * kMinMs},
              .home_charger_share = 0.0}};
}

scenarios::SegmentSpec vans(std::uint32_t count = 5) {
  return {.name = "vans",
          .vehicle_type = "van",
          .count = count,
          .demand = scenarios::LogisticsDemand{
              {.depot_power_kw = 43.0,
               .depart = scenarios::FixedValue{8.0 * kHourMs},
               .stops = 6,
               .stop_dwell = scenarios::UniformDistribution{5.0 * kMinMs, 15.0 * kMinMs}},
              scenarios::XyLocation{420.0, 380.0}}};  // the depot snaps to node 44 (row 4, col 4)
}

scenarios::Scenario town(std::vector<scenarios::SegmentSpec> fleet, std::int64_t horizon_ms = 3 * kDayMs) {
  scenarios::Scenario sc;
  sc.run.seed = 42;
  sc.run.horizon = sim::Duration{horizon_ms};
  sc.vehicle_types = {{.name = "car"}, {.name = "van"}};
  sc.fleet = std::move(fleet);
  return sc;
}

class PlanGenerator : public ::testing::Test {
 protected:
  road::RoadNetwork net = testing::grid_town();  // 10 x 10 nodes, 100 m apart

  FleetSchedule plan(const scenarios::Scenario& sc, std::uint64_t replication = 0, FleetScheduleReport* report = nullptr) {
    scenarios::files::PointLocator locator(net, sc.snapping.max_snap_distance_m);
    return generate_fleet_schedule(sc, locator, sim::RandomStreams(sc.run.seed, replication), report);
  }
};

TEST_F(PlanGenerator, PrivateCarsCommuteEveryDayAndSomeRunErrands) {
  const scenarios::Scenario sc = town({commuters()});
  FleetScheduleReport report;
  const FleetSchedule p = plan(sc, 0, &report);
  ASSERT_EQ(p.vehicles.size(), 20u);
  ASSERT_EQ(report.segments.size(), 1u);
  EXPECT_EQ(report.segments[0].vehicles, 20u);
  EXPECT_EQ(report.segments[0].legs, p.legs.size());
  int errands = 0;
  int chargers = 0;
  for (std::uint32_t v = 0; v < p.vehicles.size(); ++v) {
    const VehicleSchedule& vp = p.vehicles[v];
    EXPECT_EQ(vp.type, 0u);
    EXPECT_EQ(vp.segment, 0u);
    EXPECT_GE(vp.initial_soc, 0.5);
    EXPECT_LT(vp.initial_soc, 0.9);
    ASSERT_LT(vp.start, 100u);
    if (vp.charger_power_kw > 0.0) {
      ++chargers;
      EXPECT_EQ(vp.charger_node, vp.start);
      EXPECT_EQ(vp.charger_power_kw, 11.0);
    } else {
      EXPECT_EQ(vp.charger_node, road::kInvalid);
    }
    const auto legs = p.legs_of(v);
    std::size_t i = 0;
    std::set<road::NodeId> workplaces;
    for (std::int64_t day = 0; day < 3; ++day) {
      ASSERT_LT(i, legs.size());
      const Leg& to_work = legs[i++];
      EXPECT_EQ(to_work.activity, Activity::work);
      EXPECT_GE(ms_of(to_work.not_before), day * kDayMs + 7 * kHourMs);
      EXPECT_LE(ms_of(to_work.not_before), day * kDayMs + 9 * kHourMs);
      EXPECT_EQ(to_work.min_stay, sim::Duration{0});
      workplaces.insert(to_work.destination);
      ASSERT_LT(i, legs.size());
      const Leg& after_work = legs[i++];
      EXPECT_GE(ms_of(after_work.min_stay), 8 * kHourMs);
      EXPECT_LE(ms_of(after_work.min_stay), 9 * kHourMs);
      EXPECT_EQ(after_work.not_before, sim::kTimeZero);
      if (after_work.activity == Activity::other) {
        ++errands;
        ASSERT_LT(i, legs.size());
        const Leg& home = legs[i++];
        EXPECT_EQ(home.activity, Activity::home);
        EXPECT_EQ(home.destination, vp.start);
        EXPECT_EQ(home.min_stay, sim::Duration{kHourMs});
      } else {
        EXPECT_EQ(after_work.activity, Activity::home);
        EXPECT_EQ(after_work.destination, vp.start);
      }
    }
    EXPECT_EQ(i, legs.size());
    EXPECT_EQ(workplaces.size(), 1u) << "one workplace per car";
    for (const Leg& leg : legs) EXPECT_EQ(leg.skip_after, kNoSkip);
  }
  // 60 car-days at probability 0.5, 20 cars at 0.5: both far from 0 and from all.
  EXPECT_GT(errands, 10);
  EXPECT_LT(errands, 50);
  EXPECT_GT(chargers, 0);
  EXPECT_LT(chargers, 20);
}

TEST_F(PlanGenerator, RideHailingShiftsPreDrawTripsThatCoverOneAndAHalfShifts) {
  const scenarios::Scenario sc = town({taxis()});
  const FleetSchedule p = plan(sc);
  ASSERT_EQ(p.vehicles.size(), 10u);
  const road::RoadGraph& g = net.graph;
  const auto estimate_ms = [&g](road::NodeId a, road::NodeId b) {
    const double m = std::hypot(g.x_m(a) - g.x_m(b), g.y_m(a) - g.y_m(b));
    return std::max(m / (25.0 / 3.6) * 1000.0, 60'000.0);
  };
  for (std::uint32_t v = 0; v < p.vehicles.size(); ++v) {
    const VehicleSchedule& vp = p.vehicles[v];
    EXPECT_EQ(vp.charger_node, road::kInvalid);
    EXPECT_EQ(vp.charger_power_kw, 0.0);
    EXPECT_GE(vp.initial_soc, 0.4);
    EXPECT_LE(vp.initial_soc, 1.0);
    const auto legs = p.legs_of(v);
    std::size_t i = 0;
    for (std::int64_t day = 0; day < 3; ++day) {
      ASSERT_LT(i, legs.size());
      const Leg& first = legs[i];
      EXPECT_EQ(first.activity, Activity::passenger);
      EXPECT_EQ(first.min_stay, sim::Duration{0});
      const std::int64_t start = ms_of(first.not_before);
      EXPECT_GE(start, day * kDayMs + 6 * kHourMs);
      EXPECT_LE(start, day * kDayMs + 10 * kHourMs);
      const sim::Time end = first.skip_after;
      const std::int64_t length = ms_of(end) - start;
      EXPECT_GE(length, 8 * kHourMs);
      EXPECT_LE(length, 10 * kHourMs);
      double used = 0.0;
      double used_before_last = 0.0;
      road::NodeId at = vp.start;
      for (; i < legs.size() && legs[i].activity == Activity::passenger; ++i) {
        EXPECT_EQ(legs[i].skip_after, end);
        if (&legs[i] != &first) { EXPECT_EQ(legs[i].not_before, sim::kTimeZero); }
        used_before_last = used;
        used += static_cast<double>(ms_of(legs[i].min_stay)) + estimate_ms(at, legs[i].destination);
        at = legs[i].destination;
      }
      EXPECT_GE(used, 1.5 * static_cast<double>(length)) << "enough trips for the shift";
      EXPECT_LT(used_before_last, 1.5 * static_cast<double>(length)) << "no more than needed";
      ASSERT_LT(i, legs.size());
      const Leg& home = legs[i++];
      EXPECT_EQ(home.activity, Activity::home);
      EXPECT_EQ(home.destination, vp.start);
      EXPECT_EQ(home.not_before, end);
      EXPECT_EQ(home.min_stay, sim::Duration{0});
      EXPECT_EQ(home.skip_after, kNoSkip);
    }
    EXPECT_EQ(i, legs.size());
  }
}

TEST_F(PlanGenerator, RideHailingWithZeroIdleAndOnePlaceStillEnds) {
  scenarios::SegmentSpec seg = taxis(1);
  auto& d = std::get<scenarios::RideHailingDemand>(seg.demand);
  d.idle_between_trips = scenarios::FixedValue{0.0};
  d.shift_length = scenarios::FixedValue{2.0 * kHourMs};
  scenarios::Scenario sc = town({seg}, kDayMs);
  const auto file = write_file(scratch_dir() / "poi.csv", "node,weight\n7,1\n");
  sc.places.other = scenarios::DemandFileSpec{.file = file};
  const FleetSchedule p = plan(sc);
  // The first trip from home, then trips 7 -> 7 estimated at 1 min each: 3 h of estimates.
  const auto legs = p.legs_of(0);
  ASSERT_GE(legs.size(), 2u);
  EXPECT_LE(legs.size(), 2u + 180u);
  for (std::size_t i = 0; i + 1 < legs.size(); ++i) EXPECT_EQ(legs[i].destination, 7u);
}

TEST_F(PlanGenerator, LogisticsVansLeaveTheDepotVisitTheirStopsAndReturn) {
  const scenarios::Scenario sc = town({vans()});
  const FleetSchedule p = plan(sc);
  ASSERT_EQ(p.vehicles.size(), 5u);
  for (std::uint32_t v = 0; v < p.vehicles.size(); ++v) {
    const VehicleSchedule& vp = p.vehicles[v];
    EXPECT_EQ(vp.type, 1u);
    EXPECT_EQ(vp.start, 44u);
    EXPECT_EQ(vp.charger_node, 44u);
    EXPECT_EQ(vp.charger_power_kw, 43.0);
    EXPECT_EQ(vp.initial_soc, 0.8) << "the segment's default initial SoC";
    const auto legs = p.legs_of(v);
    ASSERT_EQ(legs.size(), 3u * 7u);
    for (std::int64_t day = 0; day < 3; ++day) {
      const auto today = legs.subspan(static_cast<std::size_t>(day) * 7, 7);
      EXPECT_EQ(today[0].not_before, at_ms(day * kDayMs + 8 * kHourMs));
      EXPECT_EQ(today[0].min_stay, sim::Duration{0});
      for (std::size_t s = 0; s < 6; ++s) {
        EXPECT_EQ(today[s].activity, Activity::stop);
        EXPECT_LT(today[s].destination, 100u);
        if (s > 0) { EXPECT_EQ(today[s].not_before, sim::kTimeZero); }
      }
      for (std::size_t s = 1; s < 7; ++s) {
        EXPECT_GE(ms_of(today[s].min_stay), 5 * kMinMs);
        EXPECT_LE(ms_of(today[s].min_stay), 15 * kMinMs);
      }
      EXPECT_EQ(today[6].activity, Activity::depot);
      EXPECT_EQ(today[6].destination, 44u);
    }
  }
}

TEST_F(PlanGenerator, DaysCoverTheHorizonRoundedUp) {
  const FleetSchedule p = plan(town({vans(1)}, 2 * kDayMs + 1));
  EXPECT_EQ(p.legs_of(0).size(), 3u * 7u);
  const FleetSchedule exact = plan(town({vans(1)}, 2 * kDayMs));
  EXPECT_EQ(exact.legs_of(0).size(), 2u * 7u);
}

TEST_F(PlanGenerator, TripFileSegmentsTakeTheirVehiclesFromTheFile) {
  const auto file = write_file(scratch_dir() / "trips.csv",
                               "vehicle,depart,origin_node,destination_node\n"
                               "a,08:00,1,2\nb,09:00,3,4\na,1d 08:00,5,6\n");
  scenarios::SegmentSpec recorded{.name = "recorded", .vehicle_type = "van", .count = 0,
                                  .initial_soc = scenarios::UniformDistribution{0.2, 0.3},
                                  .demand = scenarios::TripFileDemand{.file = file}};
  FleetScheduleReport report;
  const FleetSchedule p = plan(town({vans(2), recorded}), 0, &report);
  ASSERT_EQ(p.vehicles.size(), 4u);
  ASSERT_EQ(report.segments.size(), 2u);
  EXPECT_EQ(report.segments[1].vehicles, 2u);
  ASSERT_TRUE(report.segments[1].trip_file.has_value());
  EXPECT_EQ(report.segments[1].trip_file->repositioning_legs, 1u);
  EXPECT_FALSE(report.segments[0].trip_file.has_value());
  const VehicleSchedule& a = p.vehicles[2];
  EXPECT_EQ(a.segment, 1u);
  EXPECT_EQ(a.type, 1u);
  EXPECT_EQ(a.start, 1u);
  EXPECT_EQ(a.charger_node, road::kInvalid);
  EXPECT_GE(a.initial_soc, 0.2);
  EXPECT_LT(a.initial_soc, 0.3);
  const auto legs = p.legs_of(2);
  ASSERT_EQ(legs.size(), 3u);  // 1 -> 2, reposition to 5, 5 -> 6
  EXPECT_EQ(legs[0].destination, 2u);
  EXPECT_EQ(legs[1].destination, 5u);
  EXPECT_EQ(legs[2].destination, 6u);
  EXPECT_EQ(p.legs_of(3).size(), 1u);
  EXPECT_EQ(p.vehicles[3].start, 3u);
}

bool same_leg(const Leg& a, const Leg& b) {
  return a.not_before == b.not_before && a.min_stay == b.min_stay && a.skip_after == b.skip_after &&
         a.destination == b.destination && a.activity == b.activity;
}

// The plans of the vehicles of `segment` in p and of `other_segment` in q are identical (segment
// indices and leg offsets aside).
void expect_same_plans(const FleetSchedule& p, std::uint32_t segment, const FleetSchedule& q, std::uint32_t other_segment) {
  std::vector<std::uint32_t> in_p, in_q;
  for (std::uint32_t v = 0; v < p.vehicles.size(); ++v) {
    if (p.vehicles[v].segment == segment) in_p.push_back(v);
  }
  for (std::uint32_t v = 0; v < q.vehicles.size(); ++v) {
    if (q.vehicles[v].segment == other_segment) in_q.push_back(v);
  }
  ASSERT_EQ(in_p.size(), in_q.size());
  ASSERT_FALSE(in_p.empty());
  for (std::size_t k = 0; k < in_p.size(); ++k) {
    const VehicleSchedule& a = p.vehicles[in_p[k]];
    const VehicleSchedule& b = q.vehicles[in_q[k]];
    EXPECT_EQ(a.type, b.type);
    EXPECT_EQ(a.start, b.start);
    EXPECT_EQ(a.charger_node, b.charger_node);
    EXPECT_EQ(a.charger_power_kw, b.charger_power_kw);
    EXPECT_EQ(a.initial_soc, b.initial_soc);
    const auto la = p.legs_of(in_p[k]);
    const auto lb = q.legs_of(in_q[k]);
    ASSERT_EQ(la.size(), lb.size()) << "vehicle " << k;
    for (std::size_t i = 0; i < la.size(); ++i) EXPECT_TRUE(same_leg(la[i], lb[i])) << "vehicle " << k << " leg " << i;
  }
}

TEST_F(PlanGenerator, SameSeedSamePlanOtherReplicationOtherPlan) {
  const scenarios::Scenario sc = town({commuters(), taxis(), vans()});
  const FleetSchedule a = plan(sc);
  const FleetSchedule b = plan(sc);
  ASSERT_EQ(a.vehicles.size(), b.vehicles.size());
  ASSERT_EQ(a.legs.size(), b.legs.size());
  for (std::uint32_t s = 0; s < 3; ++s) expect_same_plans(a, s, b, s);
  for (std::uint32_t v = 0; v < a.vehicles.size(); ++v) EXPECT_EQ(a.vehicles[v].first_leg, b.vehicles[v].first_leg);

  const FleetSchedule c = plan(sc, 1);
  std::uint32_t differ = 0;
  for (std::uint32_t v = 0; v < 20; ++v) differ += a.vehicles[v].start != c.vehicles[v].start ? 1 : 0;
  EXPECT_GT(differ, 10u) << "another replication draws other homes";
}

TEST_F(PlanGenerator, OtherSegmentsAndStationsLeaveASegmentsDrawsUnchanged) {
  const scenarios::Scenario base = town({commuters(), taxis(), vans()});
  const FleetSchedule p = plan(base);

  scenarios::Scenario more = town({vans(3), commuters(), taxis(7), taxis(), vans()});
  more.fleet[0].name = "newcomers";
  more.fleet[2].name = "night taxis";
  more.stations.push_back({.name = "hub", .location = scenarios::NodeLocation{12},
                           .plugs = {{.count = 4, .power_kw = 120.0, .kind = scenarios::PlugKind::dc}}});
  const FleetSchedule q = plan(more);
  expect_same_plans(p, 0, q, 1);
  expect_same_plans(p, 1, q, 3);
  expect_same_plans(p, 2, q, 4);

  const FleetSchedule r = plan(town({vans()}));
  expect_same_plans(p, 2, r, 0);
}

TEST_F(PlanGenerator, ErrorsNameTheScenarioKey) {
  scenarios::SegmentSpec bad_type = vans(1);
  bad_type.vehicle_type = "truck";
  bad_type.mark = {.file = "town.yaml", .line = 30, .column = 5, .key_path = "fleet[0]"};
  EXPECT_EQ(error_of([&] { plan(town({bad_type})); }),
            "town.yaml:30:5: fleet[0].vehicle_type: expected the name of one of the scenario's vehicle types, found \"truck\"");

  scenarios::SegmentSpec off_network = vans(1);
  auto& d = std::get<scenarios::LogisticsDemand>(off_network.demand);
  d.depot = scenarios::NodeLocation{.id = 500};
  d.depot_mark = {.file = "town.yaml", .line = 33, .column = 9, .key_path = "fleet[1].demand.depot"};
  EXPECT_EQ(error_of([&] { plan(town({commuters(), off_network})); }),
            "town.yaml:33:9: fleet[1].demand.depot.node: expected a node id of the road network (grid town: 10 x 10 "
            "nodes, 100 m apart), found 500" + std::string(", which is not a road node there (ids are those of the network file: the CSV id, the OSM node id of a road junction or way end; generated networks: docs/scenario-format.md)"));

  d.depot = scenarios::LonLatLocation{114.0, 22.5};
  EXPECT_EQ(error_of([&] { plan(town({off_network})); }),
            "town.yaml:33:9: fleet[1].demand.depot.lon: expected a road network with geographic coordinates (osm, or csv "
            "nodes with lon,lat) for depot \"vans\" given by lon/lat, found a road network in plain metres");

  scenarios::Scenario zero_homes = town({taxis()});
  const auto file = write_file(scratch_dir() / "homes.csv", "node,weight\n3,0\n");
  zero_homes.places.homes = scenarios::DemandFileSpec{.file = file};
  EXPECT_EQ(error_of([&] { plan(zero_homes); }),
            file.string() + ":1:6: weight: expected at least one weight above 0, found 1 row, all 0");
}

TEST_F(PlanGenerator, PlacesFilesWeightHomesWorkAndOtherPlaces) {
  scenarios::Scenario sc = town({commuters(), taxis(), vans()});
  const auto dir = scratch_dir();
  sc.places.homes = scenarios::DemandFileSpec{.file = write_file(dir / "homes.csv", "node,weight\n11,1\n12,1\n")};
  sc.places.work = scenarios::DemandFileSpec{.file = write_file(dir / "work.csv", "node,jobs\n77,5\n"), .weight_column = "jobs"};
  sc.places.other = scenarios::DemandFileSpec{.file = write_file(dir / "other.csv", "x_m,y_m,weight\n900,0,1\n")};  // node 9
  const FleetSchedule p = plan(sc);
  for (std::uint32_t v = 0; v < p.vehicles.size(); ++v) {
    const VehicleSchedule& vp = p.vehicles[v];
    if (vp.segment < 2) { EXPECT_TRUE(vp.start == 11u || vp.start == 12u); }
    for (const Leg& leg : p.legs_of(v)) {
      if (leg.activity == Activity::work) { EXPECT_EQ(leg.destination, 77u); }
      if (leg.activity == Activity::other || leg.activity == Activity::passenger || leg.activity == Activity::stop) {
        EXPECT_EQ(leg.destination, 9u);
      }
    }
  }
}

}  // namespace
}  // namespace evsim::models::demand
