// Sessions whose power can change: end times worked out by hand under site limits, cabinets and
// each policy; a random site where the summed power is checked against its limit at many instants
// and every session against its end without a limit; signals with several subscribers.
#include "models/charging/session_pool.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <random>
#include <vector>

#include "tests/support/expect_throw_msg.hpp"

namespace evsim::models::charging {
namespace {

using namespace std::chrono_literals;

sim::Time at(sim::Duration d) { return sim::kTimeZero + d; }

// 50 kWh batteries: 20% -> 80% is 30 kWh, 18 min at 100 kW.
const fleet::ChargingCurve kFlat100({{0.0, 100.0}, {1.0, 100.0}});
const fleet::ChargingCurve kKnee = fleet::ChargingCurve::knee(150.0, 0.5, 0.2);
constexpr double kBatteryKwh = 50.0;

SitePower site(double limit_kw, SharingPolicy policy = SharingPolicy::equal, std::vector<PowerCabinet> cabinets = {}) {
  SitePower power;
  power.limit_kw = limit_kw;
  power.policy = policy;
  power.cabinets = std::move(cabinets);
  return power;
}

// One station of `plugs` DC plugs of `plug_kw`, sessions ending themselves at their target.
class Site {
 public:
  Site(std::uint32_t plugs, double plug_kw, SitePower power) {
    std::vector<Plug> p(plugs, Plug{.dc = true, .power_kw = plug_kw, .connector = 1});
    stations.emplace_back("s", 0, std::move(p), true);
    stations.back().set_power(std::move(power));
    pool.emplace(sim, stations, [this](VehicleId v) {
      ends[v] = sim.now();
      pool->stop(v, true);
    });
  }

  // Plugs vehicle v into `plug` at time t (20% -> 80% unless told).
  void arrive(sim::Time t, VehicleId v, std::uint32_t plug, double limit_kw, const fleet::ChargingCurve& curve = kFlat100,
              double soc = 0.2, double target = 0.8) {
    sim.schedule_at(t, [=, this, &curve] {
      pool->start({.vehicle = v, .station = 0, .plug = plug, .curve = &curve, .battery_kwh = kBatteryKwh,
                   .limit_kw = limit_kw, .soc = soc, .target_soc = target, .efficiency = 0.95});
    });
  }

  sim::Simulator sim;
  std::vector<Station> stations;
  std::optional<SessionPool> pool;
  std::map<VehicleId, sim::Time> ends;
};

TEST(SessionPool, WithoutSharingEachSessionEndsAtItsCurveTime) {
  Site s(2, 100.0, SitePower{});
  s.arrive(at(0min), 0, 0, 100.0);
  s.arrive(at(0min), 1, 1, 100.0);
  s.sim.run();
  EXPECT_EQ(s.ends.at(0), at(18min));
  EXPECT_EQ(s.ends.at(1), at(18min));
  EXPECT_EQ(s.stations[0].stats().sessions_completed, 2u);
  EXPECT_NEAR(s.stations[0].stats().energy_kwh, 60.0, 1e-9);
  EXPECT_NEAR(s.stations[0].stats().grid_energy_kwh, 60.0 / 0.95, 1e-9);
  EXPECT_EQ(s.stations[0].stats().busy_plug_ms, 2 * 18 * 60'000);
}

// 100 kW site, equal share: A alone 0-6 min at 100 kW (10 kWh), then 50 kW each; A needs 20 kWh
// more: 24 min, ends at 30 min; B has 20 kWh by then and takes its last 10 kWh at 100 kW: 36 min.
TEST(SessionPool, EqualShareUnderASiteLimit) {
  Site s(2, 100.0, site(100.0));
  s.arrive(at(0min), 0, 0, 100.0);
  s.arrive(at(6min), 1, 1, 100.0);
  s.sim.run();
  EXPECT_EQ(s.ends.at(0), at(30min));
  EXPECT_EQ(s.ends.at(1), at(36min));
  EXPECT_NEAR(s.stations[0].stats().energy_kwh, 60.0, 1e-9);
}

// First come: B gets nothing until A is done at 18 min, then 18 min of its own.
TEST(SessionPool, FirstComeFirstServed) {
  Site s(2, 100.0, site(100.0, SharingPolicy::first_come));
  s.arrive(at(0min), 0, 0, 100.0);
  s.arrive(at(6min), 1, 1, 100.0);
  s.sim.run();
  EXPECT_EQ(s.ends.at(0), at(18min));
  EXPECT_EQ(s.ends.at(1), at(36min));
}

// Proportional over demands 100 and 50 (B's vehicle takes 50 kW) at a 90 kW site: 60 and 30 kW.
// B: 30 kWh at 30 kW is 60 min unless A leaves first: A's 30 kWh at 60 kW take 30 min, by then B
// has 15 kWh and takes the other 15 at its own 50 kW: 18 min more, 48 min.
TEST(SessionPool, ProportionalToWhatEachCanTake) {
  Site s(2, 100.0, site(90.0, SharingPolicy::proportional));
  s.arrive(at(0min), 0, 0, 100.0);
  s.arrive(at(0min), 1, 1, 50.0);
  s.sim.run();
  EXPECT_EQ(s.ends.at(0), at(30min));
  EXPECT_EQ(s.ends.at(1), at(48min));
}

// A 150 kW cabinet feeds plugs 0 and 1; plug 2 is fed from the site directly; the site has no limit.
// A and B split 75/75 (24 min for 30 kWh); C is alone at 100 kW (18 min).
TEST(SessionPool, CabinetSharesOnlyItsOwnPlugs) {
  Site s(3, 100.0,
         site(SitePower::kNoLimit, SharingPolicy::equal,
              {PowerCabinet{.power_kw = 150.0, .first_plug = 0, .plugs = 2, .policy = SharingPolicy::equal}}));
  s.arrive(at(0min), 0, 0, 100.0);
  s.arrive(at(0min), 1, 1, 100.0);
  s.arrive(at(0min), 2, 2, 100.0);
  s.sim.run();
  EXPECT_EQ(s.ends.at(0), at(24min));
  EXPECT_EQ(s.ends.at(1), at(24min));
  EXPECT_EQ(s.ends.at(2), at(18min));
}

// A limit that never binds gives the unshared numbers exactly (same end, to the millisecond).
TEST(SessionPool, ALimitThatNeverBindsChangesNothing) {
  Site free(2, 120.0, SitePower{});
  Site limited(2, 120.0, site(500.0));
  for (Site* s : {&free, &limited}) {
    s->arrive(at(0min), 0, 0, 120.0, kKnee, 0.1, 0.9);
    s->arrive(at(7min), 1, 1, 120.0, kKnee, 0.3, 0.95);
    s->sim.run();
  }
  EXPECT_EQ(free.ends, limited.ends);
}

// Lowering the limit mid-session moves the end; raising it again lets it finish sooner than at the
// low limit but never sooner than without any.
TEST(SessionPool, SiteLimitChangeReschedulesTheEnd) {
  Site s(1, 100.0, SitePower{});
  s.arrive(at(0min), 0, 0, 100.0);
  s.sim.schedule_at(at(6min), [&] { s.pool->set_site_limit(0, 50.0); });  // 10 kWh done; 20 kWh at 50 kW: 24 min
  s.sim.run();
  EXPECT_EQ(s.ends.at(0), at(30min));
  EXPECT_THROW_MSG(s.pool->set_site_limit(0, 0.0), std::invalid_argument,
                   "SessionPool::set_site_limit: limit_kw must be > 0, got 0");
}

// 0-6 min alone at 100 kW (10 kWh), 6-12 min at 50 kW under a new limit (5 kWh), then the limit is
// lifted: 15 kWh at 100 kW, 9 min: ends at 21 min. A second session plugged in after the lift is
// unshared: its own 18 min.
TEST(SessionPool, LiftingTheLimitRunsTheSiteUnsharedAgain) {
  Site s(2, 100.0, SitePower{});
  s.arrive(at(0min), 0, 0, 100.0);
  s.sim.schedule_at(at(6min), [&] { s.pool->set_site_limit(0, 50.0); });
  s.sim.schedule_at(at(12min), [&] { s.pool->set_site_limit(0, SitePower::kNoLimit); });
  s.arrive(at(13min), 1, 1, 100.0);
  s.sim.run();
  EXPECT_EQ(s.ends.at(0), at(21min));
  EXPECT_EQ(s.ends.at(1), at(31min));
  EXPECT_FALSE(s.stations[0].power().shared());
}

TEST(SessionPool, SignalsReachEverySubscriber) {
  Site s(2, 100.0, site(100.0));
  std::vector<PowerChange> first, second;
  int plugged = 0, unplugged = 0;
  s.pool->power_changed.connect([&](const PowerChange& c) { first.push_back(c); });
  s.pool->power_changed.connect([&](const PowerChange& c) { second.push_back(c); });
  s.pool->plugged_in.connect([&](const PlugInEvent&) { ++plugged; });
  s.pool->unplugged.connect([&](const UnplugEvent& e) {
    ++unplugged;
    EXPECT_TRUE(e.reached_target);
    EXPECT_NEAR(e.end.energy_kwh, 30.0, 1e-9);
  });
  s.arrive(at(0min), 0, 0, 100.0);
  s.arrive(at(6min), 1, 1, 100.0);
  s.sim.run();
  EXPECT_EQ(plugged, 2);
  EXPECT_EQ(unplugged, 2);
  ASSERT_EQ(first.size(), second.size());
  // A at 100; A down to 50 and B at 50 when B plugs in; A out (0) and B up to 100 at 30 min; B out.
  ASSERT_EQ(first.size(), 6u);
  EXPECT_EQ(first[0].time, at(0min));
  EXPECT_DOUBLE_EQ(first[0].share_kw, 100.0);
  EXPECT_EQ(first[3].time, at(30min));
  EXPECT_EQ(first[3].vehicle, 0u);
  EXPECT_DOUBLE_EQ(first[3].share_kw, 0.0);
  EXPECT_DOUBLE_EQ(first[4].share_kw, 100.0);
  EXPECT_EQ(first.back().time, at(36min));
}

// Random arrivals on a site with a limit and a cabinet, knee curves, each policy: at 2,000 instants
// the summed power of the site and of the cabinet stays within their limits, and every session
// ends no earlier than it would alone on its plug.
class RandomSite : public ::testing::TestWithParam<SharingPolicy> {};

TEST_P(RandomSite, PowerNeverExceedsTheLimitsAndNoSessionEndsEarly) {
  constexpr std::uint32_t kPlugs = 6;
  constexpr double kLimitKw = 300.0, kCabinetKw = 200.0;
  const SharingPolicy policy = GetParam();
  Site s(kPlugs, 150.0,
         site(kLimitKw, policy, {PowerCabinet{.power_kw = kCabinetKw, .first_plug = 0, .plugs = 3, .policy = policy}}));
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> uni(0.0, 1.0);
  std::vector<fleet::ChargingCurve> curves;
  for (int i = 0; i < 3; ++i) curves.push_back(fleet::ChargingCurve::knee(60.0 + 40.0 * i, 0.4 + 0.1 * i, 0.1 + 0.1 * i));
  // Rising at low SoC: a share granted at one SoC must hold until the next curve point.
  curves.push_back(fleet::ChargingCurve({{0.0, 20.0}, {0.3, 140.0}, {0.6, 140.0}, {0.75, 60.0}, {1.0, 10.0}}));
  struct Visit {
    sim::Time start;
    double soc, target, limit_kw;
    const fleet::ChargingCurve* curve;
  };
  std::map<VehicleId, Visit> visits;
  std::vector<sim::Time> plug_free(kPlugs, sim::kTimeZero);
  VehicleId next = 0;
  // Each plug takes a new vehicle a random while after its last one could have left (ends are
  // unknown up front, so arrivals are spaced by 4 h: the slowest session here takes under 3 h).
  for (std::uint32_t plug = 0; plug < kPlugs; ++plug) {
    sim::Time t = at(sim::from_hours(uni(rng)));
    for (int k = 0; k < 5; ++k) {
      const Visit v{t, 0.05 + 0.3 * uni(rng), 0.7 + 0.25 * uni(rng), 50.0 + 100.0 * uni(rng), &curves[k % 4]};
      visits[next] = v;
      s.arrive(v.start, next, plug, v.limit_kw, *v.curve, v.soc, v.target);
      ++next;
      t += 4h + sim::from_hours(uni(rng));
    }
  }
  double worst_site = 0.0, worst_cabinet = 0.0;
  for (int i = 0; i < 2000; ++i) {
    s.sim.schedule_at(at(sim::from_seconds(37.0 * i + 0.5)), [&] {
      double site_kw = 0.0, cabinet_kw = 0.0;
      for (std::uint32_t p = 0; p < kPlugs; ++p) {
        const VehicleId v = s.stations[0].plugs()[p].occupant;
        if (v == road::kInvalid) continue;
        const double kw = s.pool->power_kw(v);
        EXPECT_LE(kw, s.pool->share_kw(v) + 1e-9);
        site_kw += kw;
        if (p < 3) cabinet_kw += kw;
      }
      worst_site = std::max(worst_site, site_kw);
      worst_cabinet = std::max(worst_cabinet, cabinet_kw);
      EXPECT_LE(site_kw, kLimitKw + 1e-9) << "at " << sim::format_time(s.sim.now());
      EXPECT_LE(cabinet_kw, kCabinetKw + 1e-9) << "at " << sim::format_time(s.sim.now());
    });
  }
  s.sim.run();
  EXPECT_GT(worst_site, 0.9 * kLimitKw) << "the limit should bind in this test";
  EXPECT_GT(worst_cabinet, 0.9 * kCabinetKw);
  ASSERT_EQ(s.ends.size(), visits.size());
  int later = 0;
  for (const auto& [v, visit] : visits) {
    const double alone_h = visit.curve->hours_to_charge(kBatteryKwh, visit.soc, visit.target, visit.limit_kw);
    const sim::Time alone_end = visit.start + sim::from_hours(alone_h);
    EXPECT_GE(s.ends.at(v), alone_end) << "vehicle " << v;
    later += s.ends.at(v) > alone_end ? 1 : 0;
  }
  EXPECT_GT(later, 0);
}

INSTANTIATE_TEST_SUITE_P(EachPolicy, RandomSite,
                         ::testing::Values(SharingPolicy::equal, SharingPolicy::first_come, SharingPolicy::proportional),
                         [](const auto& p) { return std::string(to_string(p.param)); });

// reannounce: the same power again, as a reshare, with nothing else changed (its end stays at 18 min);
// a session that is not charging is refused.
TEST(SessionPool, ReannounceRepeatsThePowerWithoutChangingTheSession) {
  Site s(1, 100.0, SitePower{});
  std::vector<PowerChange> seen;
  s.pool->power_changed.connect([&seen](const PowerChange& c) { seen.push_back(c); });
  s.arrive(at(0min), 0, 0, 100.0);
  s.sim.schedule_at(at(6min), [&s] {
    s.pool->set_cap(0, 100.0);  // the limit it has: no announcement
    s.pool->reannounce(0);
  });
  s.sim.run();
  ASSERT_EQ(seen.size(), 3u);  // plug-in, reannounce, unplug
  EXPECT_EQ(seen[1].time, at(6min));
  EXPECT_EQ(seen[1].cause, PowerChangeCause::reshare);
  EXPECT_DOUBLE_EQ(seen[1].power_kw, 100.0);
  EXPECT_EQ(s.ends.at(0), at(18min));
  EXPECT_THROW(s.pool->reannounce(0), std::logic_error);
}

}  // namespace
}  // namespace evsim::models::charging
