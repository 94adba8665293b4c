#include "output/feeder_tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "output/columns.hpp"
#include "output/json.hpp"

namespace evsim::output {
namespace {

namespace grid = models::grid;

constexpr const char* kKindText = "0 under_voltage (< 0.95 pu), 1 over_voltage (> 1.05 pu), 2 line_overload (> ampacity), "
                                  "3 transformer_overload (> rating kVA)";

std::string element_name(const grid::Feeder& f, grid::ViolationKind kind, std::uint32_t element) {
  switch (kind) {
    case grid::ViolationKind::under_voltage:
    case grid::ViolationKind::over_voltage:
      return f.bus(element).id;
    case grid::ViolationKind::line_overload:
      return f.line(element).from + "-" + f.line(element).to;
    case grid::ViolationKind::transformer_overload:
      return "transformer";
  }
  return "";
}

const std::string& bus_name(const grid::Feeder& f, grid::BusIndex b) {
  static const std::string none;
  return b == grid::kNoBus ? none : f.bus(b).id;
}

std::int64_t time_of_day_ms(sim::Time t) { return ((sim::to_ms(t) % 86'400'000) + 86'400'000) % 86'400'000; }

}  // namespace

std::vector<FeederHeadline> feeder_headlines(const grid::FeederMonitor& monitor) {
  const auto& feeders = monitor.setup().feeders;
  std::vector<FeederHeadline> out(feeders.size());
  for (std::size_t f = 0; f < feeders.size(); ++f) {
    out[f].name = feeders[f].name;
    out[f].rating_kva = feeders[f].feeder.rating_kva();
    out[f].min_voltage_pu = std::numeric_limits<double>::infinity();
  }
  for (const grid::FeederSample& s : monitor.samples()) {
    FeederHeadline& h = out[s.feeder];
    if (s.status != grid::SolveStatus::converged) {
      ++h.samples_not_converged;
      continue;
    }
    if (s.source_kva > h.peak_kva) {
      h.peak_kva = s.source_kva;
      h.peak_time_h = sim::to_hours(s.time);
    }
    h.peak_ev_kw = std::max(h.peak_ev_kw, s.ev_kw);
    if (s.min_voltage_pu < h.min_voltage_pu) {
      h.min_voltage_pu = s.min_voltage_pu;
      h.min_voltage_bus = bus_name(feeders[s.feeder].feeder, s.min_voltage_bus);
      h.min_voltage_time_h = sim::to_hours(s.time);
    }
  }
  for (const grid::GridViolationEvent& v : monitor.violations()) {
    FeederHeadline& h = out[v.feeder];
    if (v.kind == grid::ViolationKind::transformer_overload) h.hours_over_rating += sim::to_hours(v.duration);
    if (v.kind == grid::ViolationKind::under_voltage) ++h.under_voltage_events;
    if (v.kind == grid::ViolationKind::line_overload || v.kind == grid::ViolationKind::transformer_overload) {
      ++h.overload_events;
    }
  }
  for (FeederHeadline& h : out) {
    if (!std::isfinite(h.min_voltage_pu)) h.min_voltage_pu = 0.0;  // no converged sample
    h.peak_loading = h.peak_kva / h.rating_kva;
  }
  return out;
}

std::string headlines_json(const std::vector<FeederHeadline>& hs) {
  std::string out = "[";
  for (const FeederHeadline& h : hs) {
    if (out.size() > 1) out += ", ";
    out += fmt::format(
        R"({{"feeder": {}, "rating_kva": {:.6f}, "peak_kva": {:.6f}, "peak_loading": {:.6f}, "peak_time_h": {:.6f}, )"
        R"("peak_ev_kw": {:.6f}, "hours_over_rating": {:.6f}, "min_voltage_pu": {:.6f}, "min_voltage_bus": {}, )"
        R"("min_voltage_time_h": {:.6f}, "under_voltage_events": {}, "overload_events": {}, "samples_not_converged": {}}})",
        json_string(h.name), h.rating_kva, h.peak_kva, h.peak_loading, h.peak_time_h, h.peak_ev_kw, h.hours_over_rating,
        h.min_voltage_pu, json_string(h.min_voltage_bus), h.min_voltage_time_h, h.under_voltage_events,
        h.overload_events, h.samples_not_converged);
  }
  return out + "]";
}

std::string headlines_text(const std::vector<FeederHeadline>& hs) {
  std::string out;
  for (const FeederHeadline& h : hs) {
    out += fmt::format(
        "  feeder    {}: peak {:.0f} kVA of {:.0f} kVA ({:.1f}%) at {:.2f} h, EV peak {:.0f} kW, {:.2f} h over rating; "
        "minimum {:.4f} pu at bus {}; {} under-voltage and {} overload events\n",
        h.name, h.peak_kva, h.rating_kva, 100.0 * h.peak_loading, h.peak_time_h, h.peak_ev_kw, h.hours_over_rating,
        h.min_voltage_pu, h.min_voltage_bus, h.under_voltage_events, h.overload_events);
    if (h.samples_not_converged > 0) {
      out += fmt::format("            {} samples where the power flow did not converge\n", h.samples_not_converged);
    }
  }
  return out;
}

Table feeder_samples_table(const grid::FeederMonitor& monitor) {
  using grid::FeederSample;
  const auto& s = monitor.samples();
  const auto& feeders = monitor.setup().feeders;
  return Table{
      {project<std::int64_t>("time_ms", "ms", "sample time", s, [](const FeederSample& x) { return sim::to_ms(x.time); }),
       project<std::string>("feeder", "1", "feeder name (grid.feeders)", s,
                            [&feeders](const FeederSample& x) { return feeders[x.feeder].name; }),
       project<double>("ev_kw", "kW", "grid-side EV load of the stations on the feeder (battery power / efficiency)", s,
                       [](const FeederSample& x) { return x.ev_kw; }),
       project<double>("site_kw", "kW", "PV and storage of the charging sites on the feeder (< 0: feeding in)", s,
                       [](const FeederSample& x) { return x.site_kw; }),
       project<double>("load_kw", "kW", "background load (times the profile) plus EV load plus site_kw, without losses", s,
                       [](const FeederSample& x) { return x.load_kw; }),
       project<double>("transformer_kva", "kVA", "apparent power through the transformer (loads and losses)", s,
                       [](const FeederSample& x) { return x.source_kva; }),
       project<double>("transformer_loading_pct", "%", "transformer_kva / rating", s,
                       [](const FeederSample& x) { return 100.0 * x.transformer_loading; }),
       project<double>("min_voltage_pu", "pu", "lowest bus voltage", s, [](const FeederSample& x) { return x.min_voltage_pu; }),
       project<std::string>("min_voltage_bus", "1", "bus id of the lowest voltage", s,
                            [&feeders](const FeederSample& x) { return bus_name(feeders[x.feeder].feeder, x.min_voltage_bus); }),
       project<double>("loss_kw", "kW", "line losses", s, [](const FeederSample& x) { return x.loss_kw; }),
       project<std::uint8_t>("status", "1", "power flow: 0 converged, 1 not converged, 2 collapsed (no limits checked)", s,
                             [](const FeederSample& x) { return static_cast<std::uint8_t>(x.status); })}};
}

Table grid_violations_table(const grid::FeederMonitor& monitor) {
  using grid::GridViolationEvent;
  const auto& v = monitor.violations();
  const auto& feeders = monitor.setup().feeders;
  return Table{
      {project<std::string>("feeder", "1", "feeder name (grid.feeders)", v,
                            [&feeders](const GridViolationEvent& x) { return feeders[x.feeder].name; }),
       project<std::uint8_t>("kind", "1", kKindText, v, [](const GridViolationEvent& x) { return static_cast<std::uint8_t>(x.kind); }),
       project<std::string>("element", "1", "bus id (voltages), from-to (lines) or transformer", v,
                            [&feeders](const GridViolationEvent& x) {
                              return element_name(feeders[x.feeder].feeder, x.kind, x.element);
                            }),
       project<std::int64_t>("start_ms", "ms", "first sample breaking the limit", v,
                             [](const GridViolationEvent& x) { return sim::to_ms(x.start); }),
       project<std::int64_t>("duration_ms", "ms", "last sample - first sample + sample interval, cut at the horizon", v,
                             [](const GridViolationEvent& x) { return sim::to_ms(x.duration); }),
       project<std::int64_t>("time_of_day_ms", "ms", "start as time of day (since midnight)", v,
                             [](const GridViolationEvent& x) { return time_of_day_ms(x.start); }),
       project<double>("worst", "1", "lowest voltage pu (under-voltage), highest voltage pu or loading (1 = 100 %)", v,
                       [](const GridViolationEvent& x) { return x.worst; })}};
}

Table station_buses_table(const grid::GridSetup& setup, const std::vector<double>& attach_distance_m) {
  std::vector<std::uint32_t> station;
  std::vector<std::string> feeder, bus;
  std::vector<double> distance;
  for (std::uint32_t s = 0; s < setup.station_bus.size(); ++s) {
    const grid::StationBus sb = setup.station_bus[s];
    if (sb.feeder == grid::kNoFeeder) continue;
    station.push_back(s);
    feeder.push_back(setup.feeders[sb.feeder].name);
    bus.push_back(setup.feeders[sb.feeder].feeder.bus(sb.bus).id);
    distance.push_back(std::isfinite(attach_distance_m[s]) ? attach_distance_m[s] : -1.0);
  }
  return Table{{column("station", "1", "station id (row of /stations)", std::move(station)),
                column("feeder", "1", "feeder name", std::move(feeder)),
                column("bus", "1", "bus id in the feeder's bus file", std::move(bus)),
                column("distance_m", "m", "from the station's road node to the bus (-1: attached by its bus key)",
                       std::move(distance))}};
}

}  // namespace evsim::output
