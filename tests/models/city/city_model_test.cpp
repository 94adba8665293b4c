// CityModel behaviour on small hand-built cities: stranding, en-route charging, home charging,
// queueing with patience, connectors, opening hours and the charging curve.
#include "models/city/city_model.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "tests/models/city/city_fixture.hpp"

namespace evsim::models::city {
namespace {

using namespace testing;
using demand::Activity;

// A line of 11 nodes 500 m apart (5 km end to end) at 36 km/h: 50 s per block.
CityBuilder line_city() { return CityBuilder(1, 11, 500.0, 36.0); }

std::size_t count_if_outcome(const std::vector<ChargeSessionRecord>& s, SessionOutcome o) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [o](const auto& r) { return r.outcome == o; }));
}

TEST(CityModel, StrandsWhereTheBatteryRunsEmptyWhenNoStationCanHelp) {
  CityBuilder city = line_city();
  const auto type = city.add_type(10.0, 0.2, 11.0, 50.0);
  const auto seg = city.add_segment({.charge_below_soc = 0.01, .charge_to_soc = 0.8});
  city.add_vehicle(type, seg, 0, 0.05, {leg_to(10, at(1h))});  // 0.5 kWh: 2.5 km of the 5 km
  city.run();
  ASSERT_EQ(city.records.trips.size(), 1u);
  const TripRecord& trip = city.records.trips[0];
  EXPECT_EQ(trip.outcome, TripOutcome::stranded);
  EXPECT_NEAR(trip.distance_m, 2500.0, 1e-9);
  EXPECT_NEAR(trip.energy_kwh, 0.5, 1e-12);
  EXPECT_EQ(trip.arrive - trip.depart, 250s);
  EXPECT_EQ(city.model().vehicles()[0].state, VehicleState::stranded);
  ASSERT_EQ(city.records.needs.size(), 1u);
  EXPECT_EQ(city.records.needs[0].reason, NeedReason::en_route);
  EXPECT_EQ(city.records.needs[0].outcome, NeedOutcome::no_station);
}

TEST(CityModel, ChargesEnRouteInsteadOfStranding) {
  CityBuilder city = line_city();
  const auto type = city.add_type(10.0, 0.2, 11.0, 50.0);
  const auto seg = city.add_segment({.charge_below_soc = 0.01, .charge_to_soc = 0.8});
  city.add_station(4, 1, 50.0, true);
  city.add_vehicle(type, seg, 0, 0.05, {leg_to(10, at(2h))});
  city.run();
  const auto& trips = city.records.trips;
  ASSERT_EQ(trips.size(), 2u);
  EXPECT_EQ(trips[0].purpose, TripPurpose::to_charger);
  EXPECT_NEAR(trips[0].distance_m, 2000.0, 1e-9);
  EXPECT_EQ(trips[1].purpose, TripPurpose::plan);
  EXPECT_EQ(trips[1].outcome, TripOutcome::arrived);
  EXPECT_EQ(trips[1].origin, 4u);
  EXPECT_EQ(trips[1].destination, 10u);
  EXPECT_EQ(trips[1].planned_depart, at(2h));
  ASSERT_EQ(city.records.sessions.size(), 1u);
  const ChargeSessionRecord& s = city.records.sessions[0];
  EXPECT_EQ(s.outcome, SessionOutcome::charged);
  EXPECT_NEAR(s.energy_kwh, 7.9, 1e-9);  // from 0.1 kWh (after 2 km) to 8 kWh
  EXPECT_EQ(s.end - s.start, sim::from_hours(7.9 / 50.0));
  EXPECT_EQ(trips[1].depart, s.end);
  ASSERT_EQ(city.records.needs.size(), 1u);
  EXPECT_EQ(city.records.needs[0].reason, NeedReason::en_route);
  EXPECT_EQ(city.records.needs[0].outcome, NeedOutcome::charged);
  EXPECT_NEAR(city.records.needs[0].detour_m, 0.0, 1e-9);  // the station is on the way
}

TEST(CityModel, ChargesAtHomeUntilItLeavesAndAgainWhenBack) {
  CityBuilder city = line_city();
  const auto type = city.add_type(50.0, 0.2, 7.0, 0.0);
  const auto seg = city.add_segment({.charge_below_soc = 0.3, .charge_to_soc = 0.8});
  city.add_vehicle(type, seg, 0, 0.2, {leg_to(10, at(2h)), leg_to(0, at(0h), 1h, Activity::home)}, 0, 7.0);
  city.run();
  const auto& s = city.records.sessions;
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].place, ChargePlace::home);
  EXPECT_EQ(s[0].outcome, SessionOutcome::unplugged);
  EXPECT_EQ(s[0].end, at(2h));
  EXPECT_NEAR(s[0].energy_kwh, 14.0, 1e-9);
  EXPECT_EQ(s[1].place, ChargePlace::home);
  EXPECT_EQ(s[1].outcome, SessionOutcome::charged);
  EXPECT_NEAR(s[1].soc_after, 0.8, 1e-12);
  EXPECT_TRUE(city.records.needs.empty());
  EXPECT_NEAR(s[0].grid_energy_kwh, 14.0 / 0.92, 1e-9);
}

TEST(CityModel, GivesUpAfterItsPatienceAndTriesTheNextStation) {
  CityBuilder city = line_city();
  const auto type = city.add_type(50.0, 0.2, 0.0, 50.0);
  const auto seg = city.add_segment({.charge_below_soc = 0.3, .charge_to_soc = 0.8, .patience = 10min});
  city.add_station(1, 1, 50.0, true);
  city.add_station(9, 1, 50.0, true);
  for (int i = 0; i < 3; ++i) city.add_vehicle(type, seg, 0, 0.2, {leg_to(0, at(0h))});
  city.run();
  // All three pick the near station (the two behind cannot foresee the first one's arrival). One
  // charges there for 36 min; the other two give up after 10 min and drive to the far station,
  // where one charges and the last gives up again: with no untried station left it is unserved.
  EXPECT_EQ(count_if_outcome(city.records.sessions, SessionOutcome::gave_up), 3u);
  EXPECT_EQ(count_if_outcome(city.records.sessions, SessionOutcome::charged), 2u);
  ASSERT_EQ(city.records.needs.size(), 3u);
  std::vector<std::uint32_t> tried;
  for (const NeedRecord& n : city.records.needs) tried.push_back(n.stations_tried);
  std::sort(tried.begin(), tried.end());
  EXPECT_EQ(tried, (std::vector<std::uint32_t>{1, 2, 2}));
  const auto unserved = std::count_if(city.records.needs.begin(), city.records.needs.end(),
                                      [](const NeedRecord& n) { return n.outcome == NeedOutcome::unserved; });
  EXPECT_EQ(unserved, 1);
}

TEST(CityModel, UsesOnlyPlugsWhoseConnectorTheVehicleHas) {
  CityBuilder city = line_city();
  const auto ccs_only = city.add_type(50.0, 0.2, 0.0, 100.0, std::nullopt, {"ccs2"});
  const auto seg = city.add_segment({.charge_below_soc = 0.3, .charge_to_soc = 0.8});
  city.add_station(1, 2, 100.0, true);  // GB/T DC
  city.add_vehicle(ccs_only, seg, 0, 0.2, {leg_to(0, at(0h))});
  city.run();
  ASSERT_EQ(city.records.needs.size(), 1u);
  EXPECT_EQ(city.records.needs[0].outcome, NeedOutcome::no_station);
  EXPECT_TRUE(std::isinf(city.records.needs[0].nearest_station_m));
  EXPECT_TRUE(city.records.sessions.empty());
}

TEST(CityModel, ADriverWhoCameForDcWaitsForDcRatherThanTakeAFreeAcPost) {
  CityBuilder city = line_city();
  const auto dc_car = city.add_type(50.0, 0.2, 7.0, 50.0);
  const auto ac_car = city.add_type(50.0, 0.2, 7.0, 0.0);
  const auto seg = city.add_segment({.charge_below_soc = 0.3, .charge_to_soc = 0.8, .patience = 60min});
  const StationId s = city.add_station(1, 1, 50.0, true);
  city.add_plugs(s, 1, 7.0, false);
  const VehicleId first = city.add_vehicle(dc_car, seg, 0, 0.2, {leg_to(0, at(0h))});
  const VehicleId second = city.add_vehicle(dc_car, seg, 0, 0.2, {leg_to(0, at(10min))});
  const VehicleId ac_only = city.add_vehicle(ac_car, seg, 0, 0.2, {leg_to(0, at(10min))});
  city.run();
  const auto session_of = [&](VehicleId v) {
    const auto it = std::find_if(city.records.sessions.begin(), city.records.sessions.end(),
                                 [&](const ChargeSessionRecord& r) { return r.vehicle == v; });
    EXPECT_NE(it, city.records.sessions.end()) << "vehicle " << v;
    return *it;
  };
  ASSERT_EQ(city.records.sessions.size(), 3u);
  // The first takes the DC plug. Ten minutes later the second, which priced the station for DC,
  // queues for the DC plug (the first charges 30 kWh at 50 kW, 36 min) instead of spending hours on
  // the AC post, which the AC-only car arriving with it takes at once.
  const ChargeSessionRecord a = session_of(first);
  const ChargeSessionRecord b = session_of(second);
  const ChargeSessionRecord c = session_of(ac_only);
  EXPECT_TRUE(a.dc);
  EXPECT_TRUE(b.dc);
  EXPECT_EQ(b.start, a.end);
  EXPECT_GT(b.start - b.arrival, 20min);
  EXPECT_FALSE(c.dc);
  EXPECT_EQ(c.start, c.arrival);
  // Availability counts the plugs a driver would use: for the second, the busy DC plug only.
  ASSERT_EQ(city.records.needs.size(), 3u);
  for (const NeedRecord& n : city.records.needs) {
    EXPECT_EQ(n.free_plug_within_radius, n.vehicle != second) << "vehicle " << n.vehicle;
  }
}

TEST(CityModel, SkipsStationsThatAreClosedAtArrival) {
  CityBuilder city = line_city();
  const auto type = city.add_type(50.0, 0.2, 0.0, 100.0);
  const auto seg = city.add_segment({.charge_below_soc = 0.3, .charge_to_soc = 0.8});
  city.add_station(1, 2, 100.0, true, charging::OpeningHours(8h, 20h));
  city.add_station(8, 2, 100.0, true);
  city.add_vehicle(type, seg, 0, 0.2, {leg_to(0, at(0h))});
  city.run();
  ASSERT_EQ(city.records.sessions.size(), 1u);
  EXPECT_EQ(city.records.sessions[0].station, 1u);  // the open one, 3.5 km further
}

TEST(CityModel, SessionEndsWhenTheTaperingCurveReachesTheTarget) {
  CityBuilder city = line_city();
  // 100 kW to 80%, falling linearly to 20 kW at 100%.
  const auto type = city.add_type(60.0, 0.2, 0.0, 100.0,
                                  std::vector<fleet::CurvePoint>{{0.0, 100.0}, {0.8, 100.0}, {1.0, 20.0}});
  const auto seg = city.add_segment({.charge_below_soc = 0.6, .charge_to_soc = 0.9});
  city.add_station(0, 1, 150.0, true);
  city.add_vehicle(type, seg, 0, 0.5, {leg_to(0, at(0h))});
  city.settings().sample_interval = 5min;
  city.run();
  ASSERT_EQ(city.records.sessions.size(), 1u);
  const ChargeSessionRecord& s = city.records.sessions[0];
  // 0.5 -> 0.8 at 100 kW: 18 kWh in 0.18 h; 0.8 -> 0.9 on P = 100 - 400 (s - 0.8):
  // B / 400 * ln(100 / 60) h.
  const double hours = 0.18 + 60.0 / 400.0 * std::log(100.0 / 60.0);
  EXPECT_EQ(s.end - s.start, sim::from_hours(hours));
  EXPECT_NEAR(s.energy_kwh, 24.0, 1e-9);
  // The 15-minute sample lies on the taper: 0.8 + (100/400)(1 - exp(-400 t / 60)) with t = 0.07 h.
  const auto sample = std::find_if(city.records.samples.begin(), city.records.samples.end(),
                                   [](const StationSample& x) { return x.time == at(15min); });
  ASSERT_NE(sample, city.records.samples.end());
  const double soc = 0.8 + 100.0 / 400.0 * (1.0 - std::exp(-400.0 * 0.07 / 60.0));
  EXPECT_NEAR(sample->power_kw, 100.0 - 400.0 * (soc - 0.8), 1e-6);
}

}  // namespace
}  // namespace evsim::models::city

namespace evsim::models::city {
namespace {

using namespace testing;
using demand::Activity;

TEST(CityModel, ChargesOpportunisticallyWhileItStaysAndUnplugsWhenItLeaves) {
  CityBuilder city(1, 11, 500.0, 36.0);
  const auto type = city.add_type(50.0, 0.2, 7.0, 0.0);
  const auto seg = city.add_segment({.charge_below_soc = 0.3,
                                     .charge_to_soc = 0.95,
                                     .opportunistic = OpportunisticPolicy{.min_stay = 2h, .below_soc = 0.6, .walk_m = 600}});
  city.add_station(6, 2, 7.0, false);  // AC posts one block from work
  city.add_vehicle(type, seg, 0, 0.5, {leg_to(5, at(8h)), leg_to(0, at(0h), 3h, Activity::home)});
  city.run();
  ASSERT_EQ(city.records.needs.size(), 1u);
  EXPECT_EQ(city.records.needs[0].reason, NeedReason::opportunistic);
  EXPECT_EQ(city.records.needs[0].outcome, NeedOutcome::charged);
  ASSERT_EQ(city.records.sessions.size(), 1u);
  const ChargeSessionRecord& s = city.records.sessions[0];
  // 24.5 kWh on arrival; 3 h at 7 kW (21 kWh) falls short of the 23 kWh to 95%. It unplugs when
  // it leaves, 3 h after it arrived at work.
  EXPECT_EQ(s.outcome, SessionOutcome::unplugged);
  EXPECT_EQ(s.end, city.records.trips[0].arrive + 3h);
  EXPECT_NEAR(s.energy_kwh, 7.0 * sim::to_hours(s.end - s.start), 1e-9);
  // The way home starts at the station.
  EXPECT_EQ(city.records.trips.back().origin, 6u);
  EXPECT_EQ(city.records.trips.back().destination, 0u);
}

TEST(CityModel, RideHailingGoesOnFromTheStation) {
  CityBuilder city(1, 11, 500.0, 36.0);
  const auto type = city.add_type(50.0, 0.2, 0.0, 50.0);
  const auto seg = city.add_segment({.charge_below_soc = 0.3, .charge_to_soc = 0.8, .dc_only = true,
                                     .returns_after_charging = false});
  city.add_station(3, 1, 50.0, true);
  city.add_vehicle(type, seg, 0, 0.31, {leg_to(1, at(1h), 0ms, Activity::passenger),
                                        leg_to(9, at(0h), 10min, Activity::passenger)});
  city.run();
  // 15.5 kWh; after 0 -> 1 (0.1 kWh) SoC is 0.308, above 0.3, and the next trip (4 km, 0.8 kWh)
  // is feasible; after 1 -> 9 SoC is 0.292 and it looks for a charger.
  const auto& trips = city.records.trips;
  ASSERT_GE(trips.size(), 3u);
  EXPECT_EQ(trips[2].purpose, TripPurpose::to_charger);
  EXPECT_EQ(trips[2].destination, 3u);
  ASSERT_EQ(city.records.sessions.size(), 1u);
  // No trip back to where the need arose: it waits for its next fare at the station.
  EXPECT_EQ(trips.size(), 3u);
}

TEST(CityModel, ChargesAtTheDepotBetweenRounds) {
  CityBuilder city(1, 11, 500.0, 36.0);
  const auto van = city.add_type(40.0, 0.3, 11.0, 0.0);
  const auto seg = city.add_segment({.charge_below_soc = 0.2, .charge_to_soc = 1.0, .returns_after_charging = false});
  city.add_vehicle(van, seg, 0, 0.6,
                   {leg_to(10, at(8h), 0ms, Activity::stop), leg_to(0, at(0h), 10min, Activity::depot)}, 0, 11.0);
  city.run();
  const auto& s = city.records.sessions;
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0].place, ChargePlace::depot);  // from the start of the run until it leaves at 08:00
  EXPECT_EQ(s[0].outcome, SessionOutcome::charged);  // 16 kWh at 11 kW: full after 1.45 h
  EXPECT_NEAR(s[0].soc_after, 1.0, 1e-12);
  EXPECT_EQ(s[1].place, ChargePlace::depot);
  EXPECT_NEAR(s[1].energy_kwh, 3.0, 1e-9);  // the 10 km round
}

TEST(CityModel, ASessionEndsWhereTheCurveReachesZeroPower) {
  CityBuilder city(1, 11, 500.0, 36.0);
  const auto type = city.add_type(40.0, 0.2, 0.0, 50.0, std::vector<fleet::CurvePoint>{{0.0, 50.0}, {0.9, 50.0}, {1.0, 0.0}});
  const auto seg = city.add_segment({.charge_below_soc = 0.3, .charge_to_soc = 1.0});
  city.add_station(0, 1, 50.0, true);
  city.add_vehicle(type, seg, 0, 0.2, {leg_to(0, at(0h))});
  city.run();
  ASSERT_EQ(city.records.sessions.size(), 1u);
  EXPECT_EQ(city.records.sessions[0].outcome, SessionOutcome::charged);
  EXPECT_NEAR(city.records.sessions[0].soc_after, 1.0, 1e-5);
  EXPECT_LT(city.records.sessions[0].end, at(24h));
}

}  // namespace
}  // namespace evsim::models::city
