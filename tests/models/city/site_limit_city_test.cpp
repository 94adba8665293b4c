// Busy random cities whose stations share power (site limits, a cabinet): the station integrals
// still equal the sums over their sessions (Little's law), energy is conserved, the power of every
// shared station stays within its limits at every change, and no session that plugged in alike ends
// earlier than in the same city without the limits.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <tuple>

#include "sim/random.hpp"
#include "tests/models/city/city_fixture.hpp"

namespace evsim::models::city {
namespace {

using namespace testing;
using demand::Activity;

constexpr double kBatteryKwh = 40.0;
constexpr double kHubLimitKw = 90.0;     // station 2: three 60 kW plugs
constexpr double kCabinetKw = 70.0;      // station 0: two 60 kW plugs on one cabinet, first come

struct LimitedCity {
  std::unique_ptr<CityBuilder> city;
  std::vector<charging::PowerChange> changes;
};

// 10 x 10 blocks, 600 commuters who start low; the seed draws homes, work, shops, times and charge.
// The curve rises, stays flat and tapers, so re-sharing happens at curve points too.
LimitedCity busy_city(std::uint64_t seed, bool limits) {
  LimitedCity out{std::make_unique<CityBuilder>(10, 10, 400.0, 40.0), {}};
  CityBuilder& city = *out.city;
  const auto type = city.add_type(kBatteryKwh, 0.18, 7.0, 60.0,
                                  std::vector<fleet::CurvePoint>{{0.0, 30.0}, {0.2, 60.0}, {0.7, 60.0}, {1.0, 12.0}});
  const auto seg = city.add_segment({.charge_below_soc = 0.35, .charge_to_soc = 0.85, .patience = 20min,
                                     .max_station_tries = 2});
  city.add_station(11, 2, 60.0, true);
  city.add_station(18, 1, 60.0, true);
  city.add_station(55, 3, 60.0, true);
  city.add_station(81, 1, 7.0, false);
  if (limits) {
    charging::SitePower cabinet;
    cabinet.cabinets = {{.power_kw = kCabinetKw, .first_plug = 0, .plugs = 2, .policy = charging::SharingPolicy::first_come}};
    city.world().stations[0].set_power(cabinet);
    charging::SitePower hub;
    hub.limit_kw = kHubLimitKw;
    city.world().stations[2].set_power(hub);
  }
  sim::RandomStream rng(seed, 0, "tests/site_limit_city");
  for (int i = 0; i < 600; ++i) {
    const auto home = static_cast<road::NodeId>(rng.uniform_index(100));
    const auto work = static_cast<road::NodeId>(rng.uniform_index(100));
    const auto shop = static_cast<road::NodeId>(rng.uniform_index(100));
    const sim::Time leave = at(sim::from_hours(rng.uniform(6.0, 10.0)));
    city.add_vehicle(type, seg, home, rng.uniform(0.1, 0.6),
                     {leg_to(work, leave), leg_to(shop, at(0h), sim::from_hours(rng.uniform(3.0, 9.0)), Activity::other),
                      leg_to(home, at(0h), 1h, Activity::home)});
  }
  city.settings().sample_interval = 5min;
  city.run(8, [&out](CityModel& model) {
    model.sessions().power_changed.connect([&out](const charging::PowerChange& c) { out.changes.push_back(c); });
  });
  return out;
}

constexpr std::uint64_t kSeeds[] = {3, 17, 2024};

class SiteLimitCity : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(SiteLimitCity, StationIntegralsAndEnergyStillBalance) {
  const LimitedCity limited = busy_city(GetParam(), true);
  const CityBuilder& city = *limited.city;
  const auto& stations = city.model().stations();
  for (StationId s = 0; s < stations.size(); ++s) {
    std::int64_t waits_ms = 0, plugged_ms = 0;
    double energy_kwh = 0.0;
    for (const ChargeSessionRecord& r : city.records.sessions) {
      if (r.station != s) continue;
      waits_ms += (r.start - r.arrival).count();
      plugged_ms += (r.end - r.start).count();
      energy_kwh += r.energy_kwh;
    }
    EXPECT_EQ(stations[s].stats().queue_ms, waits_ms) << "station " << s;
    EXPECT_EQ(stations[s].stats().busy_plug_ms, plugged_ms) << "station " << s;
    EXPECT_NEAR(stations[s].stats().energy_kwh, energy_kwh, 1e-6) << "station " << s;
  }
  for (const ChargeSessionRecord& r : city.records.sessions) {
    EXPECT_NEAR((r.soc_after - r.soc_before) * kBatteryKwh, r.energy_kwh, 1e-9);
  }
}

// Shares replayed from the power-change signal: per station and per plug, the share from one change
// to the next; sums checked after every instant's changes. Samples (battery power) too.
TEST_P(SiteLimitCity, SharesAndSampledPowerStayWithinTheLimits) {
  const LimitedCity limited = busy_city(GetParam(), true);
  std::map<std::pair<StationId, std::uint32_t>, double> share;
  double hub_peak = 0.0, cabinet_peak = 0.0;
  const auto& changes = limited.changes;
  for (std::size_t i = 0; i < changes.size(); ++i) {
    const charging::PowerChange& c = changes[i];
    EXPECT_LE(c.power_kw, c.share_kw + 1e-9);
    share[{c.station, c.plug}] = c.share_kw;
    if (i + 1 < changes.size() && changes[i + 1].time == c.time) continue;
    double hub = 0.0, cabinet = 0.0;
    for (const auto& [key, kw] : share) {
      if (key.first == 2) hub += kw;
      if (key.first == 0) cabinet += kw;
    }
    EXPECT_LE(hub, kHubLimitKw + 1e-9) << "at " << sim::format_time(c.time);
    EXPECT_LE(cabinet, kCabinetKw + 1e-9) << "at " << sim::format_time(c.time);
    hub_peak = std::max(hub_peak, hub);
    cabinet_peak = std::max(cabinet_peak, cabinet);
  }
  EXPECT_NEAR(hub_peak, kHubLimitKw, 1e-9) << "the hub's limit should bind";
  EXPECT_NEAR(cabinet_peak, kCabinetKw, 1e-9) << "the cabinet should bind";
  for (const StationSample& s : limited.city->records.samples) {
    if (s.station == 2) {
      EXPECT_LE(s.power_kw, kHubLimitKw + 1e-9);
    }
    if (s.station == 0) {
      EXPECT_LE(s.power_kw, kCabinetKw + 1e-9);
    }
  }
}

TEST_P(SiteLimitCity, NoSessionEndsEarlierThanWithoutTheLimits) {
  const LimitedCity limited = busy_city(GetParam(), true);
  const LimitedCity free = busy_city(GetParam(), false);
  std::map<std::tuple<VehicleId, StationId, sim::Time, double>, const ChargeSessionRecord*> without;
  for (const ChargeSessionRecord& r : free.city->records.sessions) {
    if (r.start < r.end) without[{r.vehicle, r.station, r.start, r.soc_before}] = &r;
  }
  int matched = 0, later = 0;
  for (const ChargeSessionRecord& r : limited.city->records.sessions) {
    const auto it = without.find({r.vehicle, r.station, r.start, r.soc_before});
    if (it == without.end() || r.start == r.end) continue;
    ++matched;
    EXPECT_GE(r.end, it->second->end) << "vehicle " << r.vehicle << " at station " << r.station;
    EXPECT_LE(r.energy_kwh, it->second->energy_kwh + 1e-9);
    later += r.end > it->second->end ? 1 : 0;
  }
  // Runs diverge after the first session a limit slows: few sessions start alike in both.
  EXPECT_GE(matched, 5);
  EXPECT_GE(later, 3);
}

// Every session of the limited run took at least the time its curve needs at its plug limit alone
// for the energy it got (to the millisecond the end was rounded to).
TEST_P(SiteLimitCity, EverySessionTakesAtLeastItsUnlimitedTime) {
  const LimitedCity limited = busy_city(GetParam(), true);
  const fleet::ChargingCurve& curve = limited.city->world().types[0].curve;
  int slower = 0;
  for (const ChargeSessionRecord& r : limited.city->records.sessions) {
    if (r.start == r.end || r.place != ChargePlace::public_station) continue;
    const double hours = curve.hours_to_charge(kBatteryKwh, r.soc_before, r.soc_after, r.dc ? 60.0 : 7.0);
    const sim::Duration alone = sim::from_hours(hours);
    const sim::Duration rounding = r.outcome == SessionOutcome::charged ? 0ms : 1ms;
    EXPECT_GE(r.end - r.start + rounding, alone) << "vehicle " << r.vehicle << " at station " << r.station;
    slower += r.end - r.start > alone + 1min ? 1 : 0;
  }
  EXPECT_GT(slower, 10);
}

INSTANTIATE_TEST_SUITE_P(Seeds, SiteLimitCity, ::testing::ValuesIn(kSeeds),
                         [](const ::testing::TestParamInfo<std::uint64_t>& param) { return "seed" + std::to_string(param.param); });

}  // namespace
}  // namespace evsim::models::city
