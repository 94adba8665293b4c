// Measured sessions replayed on a site: without a limit every session keeps the file's connected
// time and energy exactly; under a tight site limit the summed shares never exceed it and no session
// stops charging earlier than without the limit; overlapping sessions on a plug are refused and
// counted; bad sessions are rejected with the rule they break.
#include "models/charging/session_replay.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <optional>
#include <random>
#include <vector>

#include "tests/support/expect_throw_msg.hpp"

namespace evsim::models::charging {
namespace {

using namespace std::chrono_literals;

sim::Time at(sim::Duration d) { return sim::kTimeZero + d; }

struct Replayed {
  Replayed(std::uint32_t plugs, double plug_kw, double limit_kw, std::vector<ReplaySession> sessions) {
    std::vector<Plug> p(plugs, Plug{.dc = false, .power_kw = plug_kw, .connector = 1});
    stations.emplace_back("site", 0, std::move(p), true);
    SitePower power;
    power.limit_kw = limit_kw;
    stations.back().set_power(power);
    pool.emplace(sim, stations, [this](VehicleId v) { replay->target_reached(v); });
    replay.emplace(sim, *pool, stations, std::move(sessions), 7);
    replay->finished.connect([this](const ReplayRecord& r) { records.push_back(r); });
    pool->power_changed.connect([this](const PowerChange& c) { changes.push_back(c); });
    replay->start();
    sim.run_until(at(1000h));
    replay->finish();
    std::sort(records.begin(), records.end(), [](auto& a, auto& b) { return a.session < b.session; });
  }
  sim::Simulator sim;
  std::vector<Station> stations;
  std::optional<SessionPool> pool;
  std::optional<SessionReplay> replay;
  std::vector<ReplayRecord> records;
  std::vector<PowerChange> changes;
};

// Non-overlapping sessions on each of `plugs` plugs, times in whole seconds, energies up to what
// the plug gives in the connected time (and some wanting more than that).
std::vector<ReplaySession> random_sessions(std::uint32_t plugs, double plug_kw, std::uint32_t per_plug) {
  std::mt19937_64 rng(42);
  std::uniform_int_distribution<int> gap_s(0, 3 * 3600), stay_s(60, 8 * 3600);
  std::uniform_real_distribution<double> fraction(0.0, 1.0);
  std::vector<ReplaySession> out;
  for (std::uint32_t p = 0; p < plugs; ++p) {
    sim::Time t = sim::kTimeZero;
    for (std::uint32_t k = 0; k < per_plug; ++k) {
      t += std::chrono::seconds(gap_s(rng));
      const sim::Duration stay = std::chrono::seconds(stay_s(rng));
      out.push_back({.station = 0, .plug = p, .arrival = t, .departure = t + stay,
                     .energy_kwh = plug_kw * sim::to_hours(stay) * fraction(rng)});
      t += stay;
    }
  }
  return out;
}

TEST(SessionReplay, WithoutLimitReproducesConnectedTimeAndEnergyExactly) {
  const std::vector<ReplaySession> sessions = random_sessions(4, 11.0, 50);
  const Replayed run(4, 11.0, SitePower::kNoLimit, sessions);
  ASSERT_EQ(run.records.size(), sessions.size());
  for (std::size_t j = 0; j < sessions.size(); ++j) {
    const ReplayRecord& r = run.records[j];
    EXPECT_EQ(r.outcome, ReplayOutcome::delivered) << j;
    EXPECT_EQ(r.arrival, sessions[j].arrival) << j;
    EXPECT_EQ(r.departure, sessions[j].departure) << j;
    EXPECT_EQ(r.delivered_kwh, sessions[j].energy_kwh) << j;  // exactly
    EXPECT_EQ(r.charge_end, sessions[j].arrival + sim::from_hours(sessions[j].energy_kwh / 11.0)) << j;
  }
}

TEST(SessionReplay, EnergyFillingTheWholeStayIsDelivered) {
  // 11 kW for exactly 2 h: charging ends in the same ms as the departure.
  const Replayed run(1, 11.0, SitePower::kNoLimit, {{.station = 0, .plug = 0, .arrival = at(1h), .departure = at(3h), .energy_kwh = 22.0}});
  ASSERT_EQ(run.records.size(), 1u);
  EXPECT_EQ(run.records[0].outcome, ReplayOutcome::delivered);
  EXPECT_EQ(run.records[0].delivered_kwh, 22.0);
  EXPECT_EQ(run.records[0].charge_end, at(3h));
}

TEST(SessionReplay, TightSiteLimitIsKeptAndNoSessionEndsEarlier) {
  const std::vector<ReplaySession> sessions = random_sessions(6, 22.0, 40);
  const Replayed unlimited(6, 22.0, SitePower::kNoLimit, sessions);
  const double limit_kw = 30.0;
  const Replayed tight(6, 22.0, limit_kw, sessions);
  ASSERT_EQ(tight.records.size(), sessions.size());
  // Replay the site's power: the share of every session between its changes, summed at each change.
  std::map<VehicleId, double> share;
  double peak_kw = 0.0;
  for (std::size_t i = 0; i < tight.changes.size(); ++i) {
    share[tight.changes[i].vehicle] = tight.changes[i].share_kw;
    if (i + 1 < tight.changes.size() && tight.changes[i + 1].time == tight.changes[i].time) continue;
    double sum = 0.0;
    for (const auto& [v, s] : share) sum += s;
    peak_kw = std::max(peak_kw, sum);
    EXPECT_LE(sum, limit_kw * (1.0 + 1e-12)) << "at " << sim::to_ms(tight.changes[i].time) << " ms";
  }
  EXPECT_GT(peak_kw, limit_kw * 0.99);  // the limit binds
  int short_sessions = 0;
  for (std::size_t j = 0; j < sessions.size(); ++j) {
    const ReplayRecord& a = unlimited.records[j];
    const ReplayRecord& b = tight.records[j];
    EXPECT_GE(b.charge_end, a.charge_end) << j;
    EXPECT_EQ(b.departure - b.arrival, sessions[j].departure - sessions[j].arrival) << j;
    EXPECT_LE(b.delivered_kwh, b.wanted_kwh * (1.0 + 1e-12)) << j;
    if (b.outcome == ReplayOutcome::departed_short) ++short_sessions;
  }
  EXPECT_GT(short_sessions, 0);
}

TEST(SessionReplay, OverlapOnAPlugIsRefusedAndBackToBackIsNot) {
  const Replayed run(2, 11.0, SitePower::kNoLimit,
                {{.station = 0, .plug = 0, .arrival = at(1h), .departure = at(3h), .energy_kwh = 5.0},
                 {.station = 0, .plug = 0, .arrival = at(2h), .departure = at(4h), .energy_kwh = 5.0},  // overlaps
                 {.station = 0, .plug = 0, .arrival = at(3h), .departure = at(5h), .energy_kwh = 5.0},  // back to back
                 {.station = 0, .plug = kAnyPlug, .arrival = at(4h), .departure = at(6h), .energy_kwh = 5.0},
                 {.station = 0, .plug = kAnyPlug, .arrival = at(4h), .departure = at(6h), .energy_kwh = 0.0}});
  ASSERT_EQ(run.records.size(), 5u);
  EXPECT_EQ(run.records[1].outcome, ReplayOutcome::plug_busy);
  EXPECT_EQ(run.records[1].delivered_kwh, 0.0);
  EXPECT_EQ(run.records[1].departure, run.records[1].arrival);
  EXPECT_EQ(run.records[2].outcome, ReplayOutcome::delivered);
  EXPECT_EQ(run.records[3].plug, 1u);  // plug 0 is taken until 5 h
  EXPECT_EQ(run.records[4].outcome, ReplayOutcome::plug_busy);  // both plugs taken
  EXPECT_EQ(run.records[4].plug, kAnyPlug);
}

TEST(SessionReplay, FinishCutsSessionsStillConnected) {
  sim::Simulator sim;
  std::vector<Station> stations;
  stations.emplace_back("site", 0, std::vector<Plug>{Plug{.dc = false, .power_kw = 11.0, .connector = 1}}, true);
  std::optional<SessionReplay> replay;
  SessionPool pool(sim, stations, [&](VehicleId v) { replay->target_reached(v); });
  replay.emplace(sim, pool, stations,
                 std::vector<ReplaySession>{{.station = 0, .plug = 0, .arrival = at(1h), .departure = at(9h), .energy_kwh = 33.0}}, 0);
  std::vector<ReplayRecord> records;
  replay->finished.connect([&](const ReplayRecord& r) { records.push_back(r); });
  replay->start();
  sim.run_until(at(2h));
  replay->finish();
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].outcome, ReplayOutcome::cut_by_horizon);
  EXPECT_EQ(records[0].departure, at(2h));
  EXPECT_NEAR(records[0].delivered_kwh, 11.0, 1e-9);
}

TEST(SessionReplay, RejectsBadSessions) {
  sim::Simulator sim;
  std::vector<Station> stations;
  stations.emplace_back("site", 0, std::vector<Plug>{Plug{.dc = false, .power_kw = 11.0, .connector = 1}}, true);
  SessionPool pool(sim, stations, [](VehicleId) {});
  const auto make = [&](ReplaySession x) { SessionReplay(sim, pool, stations, {x}, 0); };
  EXPECT_THROW_MSG(make({.station = 1, .plug = 0, .arrival = at(1h), .departure = at(2h), .energy_kwh = 1.0}),
                   std::invalid_argument, "SessionReplay: session 0: station 1 out of range (stations: 1)");
  EXPECT_THROW_MSG(make({.station = 0, .plug = 1, .arrival = at(1h), .departure = at(2h), .energy_kwh = 1.0}),
                   std::invalid_argument, "SessionReplay: session 0: plug 1 out of range (plugs: 1)");
  EXPECT_THROW_MSG(make({.station = 0, .plug = 0, .arrival = at(2h), .departure = at(2h), .energy_kwh = 1.0}),
                   std::invalid_argument, "SessionReplay: session 0: needs 0 <= arrival < departure");
  EXPECT_THROW_MSG(make({.station = 0, .plug = 0, .arrival = at(1h), .departure = at(2h), .energy_kwh = -1.0}),
                   std::invalid_argument, "SessionReplay: session 0: energy_kwh must be finite and >= 0, got -1");
}

}  // namespace
}  // namespace evsim::models::charging
