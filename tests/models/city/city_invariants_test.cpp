// Invariants of busy random cities: each property is checked on several cities, drawn from
// different seeds (kCitySeeds), so that it is shown to hold across inputs rather than for one fixed
// fixture. Checked: every station's integrals (queue time, plugged time, arrivals) equal the sums
// over its session records, exactly in integer ms (from which Little's law L = lambda W follows);
// energy conservation per vehicle and per session, driving energy = distance x consumption;
// determinism; common random numbers (adding a station changes no vehicle's planned trips).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>

#include "sim/random.hpp"
#include "tests/models/city/city_fixture.hpp"

namespace evsim::models::city {
namespace {

using namespace testing;
using demand::Activity;

constexpr double kConsumption = 0.18;

// 10 x 10 blocks of 400 m; 600 commuters who start low, drive to work and back and run errands;
// 5 small stations, so queues, give-ups and retries happen.
// The seed draws every vehicle's home, work, shop, departure, stay and initial charge.
std::unique_ptr<CityBuilder> busy_city(std::uint64_t seed, bool extra_station) {
  auto built = std::make_unique<CityBuilder>(10, 10, 400.0, 40.0);
  CityBuilder& city = *built;
  const auto type = city.add_type(40.0, kConsumption, 7.0, 60.0);
  const auto seg = city.add_segment({.charge_below_soc = 0.35, .charge_to_soc = 0.8, .patience = 15min,
                                     .max_station_tries = 2});
  city.add_station(11, 2, 60.0, true);
  city.add_station(18, 1, 60.0, true);
  city.add_station(55, 3, 60.0, true);
  city.add_station(81, 1, 7.0, false);
  city.add_station(88, 2, 60.0, true, charging::OpeningHours(7h, 21h));
  if (extra_station) city.add_station(44, 2, 120.0, true);
  sim::RandomStream rng(seed, 0, "tests/busy_city");
  for (int i = 0; i < 600; ++i) {
    const auto home = static_cast<road::NodeId>(rng.uniform_index(100));
    const auto work = static_cast<road::NodeId>(rng.uniform_index(100));
    const auto shop = static_cast<road::NodeId>(rng.uniform_index(100));
    const sim::Time leave = at(sim::from_hours(rng.uniform(6.0, 10.0)));
    city.add_vehicle(type, seg, home, rng.uniform(0.1, 0.6),
                     {leg_to(work, leave), leg_to(shop, at(0h), sim::from_hours(rng.uniform(3.0, 9.0)), Activity::other),
                      leg_to(home, at(0h), 1h, Activity::home)},
                     i % 3 == 0 ? home : road::kInvalid, i % 3 == 0 ? 7.0 : 0.0);
  }
  city.settings().sample_interval = 10min;
  city.run();
  return built;
}

constexpr std::uint64_t kCitySeeds[] = {3, 17, 2024};

class CityInvariants : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(CityInvariants, StationIntegralsEqualTheSumsOverTheirSessions) {
  const auto built = busy_city(GetParam(), false);
  const CityBuilder& city = *built;
  const auto& stations = city.model().stations();
  std::uint64_t queued_somewhere = 0;
  for (StationId s = 0; s < stations.size(); ++s) {
    std::int64_t waits_ms = 0;
    std::int64_t plugged_ms = 0;
    std::uint64_t arrivals = 0;
    for (const ChargeSessionRecord& r : city.records.sessions) {
      if (r.station != s) continue;
      ++arrivals;
      waits_ms += (r.start - r.arrival).count();
      plugged_ms += (r.end - r.start).count();
    }
    const charging::StationStats& st = stations[s].stats();
    // What the station integrated as the run went equals what its records add up to. (Little's
    // law, time-average queue x T = arrivals x mean wait, then holds by construction.)
    EXPECT_EQ(st.queue_ms, waits_ms) << "station " << s;
    EXPECT_EQ(st.busy_plug_ms, plugged_ms) << "station " << s;
    EXPECT_EQ(st.arrivals, arrivals) << "station " << s;
    if (st.queue_ms > 0) ++queued_somewhere;
  }
  EXPECT_GE(queued_somewhere, 2u);  // the test only means something when queues form
  EXPECT_GT(std::count_if(city.records.sessions.begin(), city.records.sessions.end(),
                          [](const auto& r) { return r.outcome == SessionOutcome::gave_up; }),
            0);
}

TEST_P(CityInvariants, EnergyIsConserved) {
  const auto built = busy_city(GetParam(), false);
  const CityBuilder& city = *built;
  const auto& vehicles = city.model().vehicles();
  std::vector<double> balance(vehicles.size(), 0.0);
  for (VehicleId v = 0; v < vehicles.size(); ++v) balance[v] = city.world().schedule.vehicles[v].initial_soc * 40.0;
  double driven_km = 0.0;
  for (const TripRecord& t : city.records.trips) {
    balance[t.vehicle] -= t.energy_kwh;
    if (t.outcome == TripOutcome::arrived) {
      EXPECT_NEAR(t.energy_kwh, t.distance_m / 1000.0 * kConsumption, 1e-9);
      driven_km += t.distance_m / 1000.0;
    }
  }
  double battery_kwh = 0.0;
  for (const ChargeSessionRecord& s : city.records.sessions) {
    balance[s.vehicle] += s.energy_kwh;
    battery_kwh += s.energy_kwh;
    const double efficiency = s.dc ? 0.95 : 0.92;
    EXPECT_NEAR(s.grid_energy_kwh * efficiency, s.energy_kwh, 1e-9);
    EXPECT_NEAR((s.soc_after - s.soc_before) * 40.0, s.energy_kwh, 1e-9);
  }
  for (VehicleId v = 0; v < vehicles.size(); ++v) EXPECT_NEAR(balance[v], vehicles[v].energy_kwh, 1e-9) << v;
  EXPECT_GT(driven_km, 1000.0);
  EXPECT_GT(battery_kwh, 100.0);
}

TEST_P(CityInvariants, SameInputsGiveTheSameRecords) {
  const auto built_a = busy_city(GetParam(), false);
  const auto built_b = busy_city(GetParam(), false);
  const CityBuilder& a = *built_a;
  const CityBuilder& b = *built_b;
  ASSERT_EQ(a.records.trips.size(), b.records.trips.size());
  for (std::size_t i = 0; i < a.records.trips.size(); ++i) {
    EXPECT_EQ(a.records.trips[i].arrive, b.records.trips[i].arrive);
    EXPECT_EQ(a.records.trips[i].energy_kwh, b.records.trips[i].energy_kwh);
  }
  ASSERT_EQ(a.records.sessions.size(), b.records.sessions.size());
  for (std::size_t i = 0; i < a.records.sessions.size(); ++i) {
    EXPECT_EQ(a.records.sessions[i].end, b.records.sessions[i].end);
    EXPECT_EQ(a.records.sessions[i].energy_kwh, b.records.sessions[i].energy_kwh);
  }
}

TEST_P(CityInvariants, AddingAStationChangesNoVehiclesPlannedTrips) {
  const auto built_base = busy_city(GetParam(), false);
  const auto built_more = busy_city(GetParam(), true);
  const CityBuilder& base = *built_base;
  const CityBuilder& more = *built_more;
  // Per vehicle: the destinations and activities of its plan trips, in order.
  const auto plan_trips = [](const CityBuilder& c) {
    std::map<VehicleId, std::vector<std::tuple<road::NodeId, Activity>>> out;
    for (const TripRecord& t : c.records.trips) {
      if (t.purpose == TripPurpose::plan) out[t.vehicle].emplace_back(t.destination, t.activity);
    }
    return out;
  };
  const auto stranded = [](const CityBuilder& c) {
    std::set<VehicleId> out;
    for (const TripRecord& t : c.records.trips) {
      if (t.outcome == TripOutcome::stranded) out.insert(t.vehicle);
    }
    return out;
  };
  const auto a = plan_trips(base);
  const auto b = plan_trips(more);
  const std::set<VehicleId> stranded_a = stranded(base);
  const std::set<VehicleId> stranded_b = stranded(more);
  std::size_t equal = 0;
  for (VehicleId v = 0; v < base.model().vehicles().size(); ++v) {
    const auto& ta = a.contains(v) ? a.at(v) : std::vector<std::tuple<road::NodeId, Activity>>{};
    const auto& tb = b.contains(v) ? b.at(v) : std::vector<std::tuple<road::NodeId, Activity>>{};
    if (!stranded_a.contains(v) && !stranded_b.contains(v)) {
      EXPECT_EQ(ta, tb) << "vehicle " << v;
      ++equal;
    } else {  // a vehicle stranded in one run drove a prefix of its plan there
      const auto& shorter = ta.size() < tb.size() ? ta : tb;
      const auto& longer = ta.size() < tb.size() ? tb : ta;
      EXPECT_TRUE(std::equal(shorter.begin(), shorter.end(), longer.begin())) << "vehicle " << v;
    }
  }
  EXPECT_GT(equal, 550u);
  EXPECT_NE(base.records.sessions.size(), more.records.sessions.size());  // the station was used
}

INSTANTIATE_TEST_SUITE_P(Seeds, CityInvariants, ::testing::ValuesIn(kCitySeeds),
                         [](const ::testing::TestParamInfo<std::uint64_t>& param) { return "seed" + std::to_string(param.param); });

}  // namespace
}  // namespace evsim::models::city
