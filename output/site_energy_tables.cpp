#include "output/site_energy_tables.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "output/columns.hpp"
#include "output/json.hpp"

namespace evsim::output {

using models::grid::SiteEnergy;
using models::grid::SiteEnergyTotals;

double battery_cycles(const SiteEnergy& energy, std::uint32_t site) {
  const auto& storage = energy.spec(site).storage;
  if (!storage) return 0.0;
  const SiteEnergyTotals& t = energy.totals(site);
  const double one_way = std::sqrt(storage->round_trip_efficiency);
  return (t.charge_kwh * one_way + t.discharge_kwh / one_way) / (2.0 * storage->capacity_kwh);
}

double pv_self_consumption_share(const SiteEnergyTotals& t) {
  return t.pv_kwh > 0.0 ? (t.pv_kwh - t.export_kwh - t.curtailed_kwh) / t.pv_kwh : 0.0;
}

Table sites_energy_table(const SiteEnergy& e) {
  std::vector<std::uint32_t> sites(e.size());
  for (std::uint32_t i = 0; i < e.size(); ++i) sites[i] = i;
  auto totals = [&e](auto get) {
    return [&e, get](std::uint32_t i) { return get(e.totals(i)); };
  };
  const std::string balance = " (EV + export + curtailed + charge = import + PV + discharge)";
  return Table{
      {project<std::uint32_t>("station", "1", "station id (row of /stations)", sites,
                              [&e](std::uint32_t i) { return e.spec(i).station; }),
       project<double>("pv_kwp", "kW", "PV peak power (0: none)", sites, [&e](std::uint32_t i) { return e.spec(i).pv_kwp; }),
       project<double>("storage_kwh", "kWh", "battery capacity (0: none)", sites,
                       [&e](std::uint32_t i) { return e.spec(i).storage ? e.spec(i).storage->capacity_kwh : 0.0; }),
       project<double>("storage_kw", "kW", "battery power, grid side (0: none)", sites,
                       [&e](std::uint32_t i) { return e.spec(i).storage ? e.spec(i).storage->power_kw : 0.0; }),
       project<double>("storage_efficiency", "1", "battery round-trip efficiency (sqrt of it each way; 0: none)", sites,
                       [&e](std::uint32_t i) { return e.spec(i).storage ? e.spec(i).storage->round_trip_efficiency : 0.0; }),
       project<double>("min_soc", "1", "battery state-of-charge floor (0: none)", sites,
                       [&e](std::uint32_t i) { return e.spec(i).storage ? e.spec(i).storage->min_soc : 0.0; }),
       project<double>("max_soc", "1", "battery state-of-charge ceiling (0: none)", sites,
                       [&e](std::uint32_t i) { return e.spec(i).storage ? e.spec(i).storage->max_soc : 0.0; }),
       project<double>("initial_soc", "1", "battery state of charge at the start (0: none)", sites,
                       [&e](std::uint32_t i) { return e.spec(i).storage ? e.spec(i).storage->initial_soc : 0.0; }),
       project<double>("shave_above_kw", "kW", "the battery discharges to keep import at most this (-1: never)", sites,
                       [&e](std::uint32_t i) {
                         const auto& st = e.spec(i).storage;
                         return st && st->shave_above_kw < 1e299 ? st->shave_above_kw : -1.0;
                       }),
       project<std::int64_t>("valley_from_ms", "ms", "valley hours (grid charging) start, time of day (-1: none)", sites,
                             [&e](std::uint32_t i) { return e.spec(i).valley ? sim::to_ms(e.spec(i).valley->from) : -1; }),
       project<std::int64_t>("valley_to_ms", "ms", "valley hours end, time of day (-1: none)", sites,
                             [&e](std::uint32_t i) { return e.spec(i).valley ? sim::to_ms(e.spec(i).valley->to) : -1; }),
       project<std::uint8_t>("export_allowed", "1", "1: PV surplus is fed into the grid, 0: it is curtailed", sites,
                             [&e](std::uint32_t i) { return static_cast<std::uint8_t>(e.spec(i).export_allowed ? 1 : 0); }),
       project<double>("ev_kwh", "kWh", "EV load: the sessions' announced powers, held between changes" + balance, sites,
                       totals([](const SiteEnergyTotals& t) { return t.ev_kwh; })),
       project<double>("pv_kwh", "kWh", "PV generation", sites, totals([](const SiteEnergyTotals& t) { return t.pv_kwh; })),
       project<double>("import_kwh", "kWh", "energy drawn from the grid", sites,
                       totals([](const SiteEnergyTotals& t) { return t.import_kwh; })),
       project<double>("export_kwh", "kWh", "energy fed into the grid", sites,
                       totals([](const SiteEnergyTotals& t) { return t.export_kwh; })),
       project<double>("curtailed_kwh", "kWh", "PV not used, export off", sites,
                       totals([](const SiteEnergyTotals& t) { return t.curtailed_kwh; })),
       project<double>("charge_kwh", "kWh", "battery charging, grid side", sites,
                       totals([](const SiteEnergyTotals& t) { return t.charge_kwh; })),
       project<double>("discharge_kwh", "kWh", "battery discharging, grid side", sites,
                       totals([](const SiteEnergyTotals& t) { return t.discharge_kwh; })),
       project<double>("loss_kwh", "kWh", "battery conversion losses (sqrt of the round trip each way)", sites,
                       totals([](const SiteEnergyTotals& t) { return t.loss_kwh; })),
       project<double>("pv_self_consumption_share", "1", "(PV - export - curtailed) / PV", sites,
                       totals([](const SiteEnergyTotals& t) { return pv_self_consumption_share(t); })),
       project<double>("battery_cycles", "1", "equivalent full cycles: (in + out of storage) / (2 capacity)", sites,
                       [&e](std::uint32_t i) { return battery_cycles(e, i); }),
       project<double>("peak_import_kw", "kW", "largest grid import", sites,
                       totals([](const SiteEnergyTotals& t) { return t.peak_import_kw; })),
       project<double>("final_soc", "1", "battery state of charge at the end", sites,
                       totals([](const SiteEnergyTotals& t) { return t.soc; })),
       project<double>("baseline_import_kwh", "kWh",
                       "import of the same site without grid events, on the uncurtailed EV load", sites,
                       [&e](std::uint32_t i) { return e.baseline(i).import_kwh; }),
       project<double>("ev_curtailed_kwh", "kWh", "EV load cut by demand response (smart sessions' event caps)", sites,
                       totals([](const SiteEnergyTotals& t) { return t.ev_curtailed_kwh; }))}};
}

Table grid_events_table(const SiteEnergy& e) {
  const auto& r = e.event_results();
  using models::grid::GridEventResult;
  return Table{{project<std::string>("event", "1", "the grid event's name", r,
                                     [&e](const GridEventResult& x) { return e.events()[x.event].name; }),
                project<std::uint32_t>("station", "1", "station id (row of /stations)", r,
                                       [&e](const GridEventResult& x) { return e.spec(x.site).station; }),
                project<std::int64_t>("from_ms", "ms", "the event's start", r,
                                      [&e](const GridEventResult& x) { return sim::to_ms(e.events()[x.event].from); }),
                project<std::int64_t>("to_ms", "ms", "the event's end", r,
                                      [&e](const GridEventResult& x) { return sim::to_ms(e.events()[x.event].to); }),
                project<double>("hours", "h", "the window (cut at the end of the run)", r,
                                [](const GridEventResult& x) { return x.hours; }),
                project<double>("requested_kwh", "kWh", "reduce_by times the window", r,
                                [](const GridEventResult& x) { return x.requested_kwh; }),
                project<double>("delivered_kwh", "kWh", "baseline import minus import over the window", r,
                                [](const GridEventResult& x) { return x.delivered_kwh; }),
                project<double>("requested_kw", "kW", "reduce_by", r,
                                [](const GridEventResult& x) { return x.hours > 0 ? x.requested_kwh / x.hours : 0.0; }),
                project<double>("delivered_kw", "kW", "delivered_kwh / hours: the mean reduction", r,
                                [](const GridEventResult& x) { return x.hours > 0 ? x.delivered_kwh / x.hours : 0.0; }),
                project<double>("ev_curtailed_kwh", "kWh", "EV load cut by curtailing smart sessions over the window", r,
                                [](const GridEventResult& x) { return x.ev_curtailed_kwh; }),
                project<double>("storage_kwh", "kWh", "baseline minus actual battery energy (grid side) over the window", r,
                                [](const GridEventResult& x) { return x.storage_kwh; }),
                project<std::uint32_t>("sessions_curtailed", "1", "sessions this event cut first (counted at unplug)", r,
                                       [&e](const GridEventResult& x) { return e.driver_cost(x.event, x.site).sessions; }),
                project<double>("drivers_not_delivered_kwh", "kWh",
                                "battery energy those sessions lacked at unplug versus their plans without event caps", r,
                                [&e](const GridEventResult& x) { return e.driver_cost(x.event, x.site).not_delivered_kwh; }),
                project<double>("drivers_time_added_h", "h",
                                "summed later arrival at the target of those that reached it, versus their plans", r,
                                [&e](const GridEventResult& x) { return e.driver_cost(x.event, x.site).time_added_h; })}};
}

Table site_energy_power_table(const SiteEnergy& e) {
  using models::grid::SiteEnergyRecord;
  const auto& r = e.records();
  return Table{{project<std::int64_t>("time_ms", "ms", "from when the row holds, until the site's next row", r,
                                      [](const SiteEnergyRecord& x) { return sim::to_ms(x.time); }),
                project<std::uint32_t>("station", "1", "station id (row of /stations)", r,
                                       [&e](const SiteEnergyRecord& x) { return e.spec(x.site).station; }),
                project<double>("ev_kw", "kW", "EV load: the sum of the site's session powers", r,
                                [](const SiteEnergyRecord& x) { return x.ev_kw; }),
                project<double>("pv_kw", "kW", "PV output", r, [](const SiteEnergyRecord& x) { return x.pv_kw; }),
                project<double>("battery_kw", "kW", "battery power, grid side (> 0 charging)", r,
                                [](const SiteEnergyRecord& x) { return x.battery_kw; }),
                project<double>("grid_kw", "kW", "ev - pv + battery: > 0 import, < 0 export or curtailment", r,
                                [](const SiteEnergyRecord& x) { return x.ev_kw - x.pv_kw + x.battery_kw; }),
                project<double>("soc", "1", "battery state of charge at time_ms", r,
                                [](const SiteEnergyRecord& x) { return x.soc; }),
                project<double>("ev_curtailed_kw", "kW", "EV load cut by demand response (baseline EV load: ev + this)", r,
                                [](const SiteEnergyRecord& x) { return x.ev_curtailed_kw; })}};
}

std::string site_energy_json(const SiteEnergy& e) {
  SiteEnergyTotals sum;
  double cycles = 0.0;
  std::uint32_t batteries = 0;
  for (std::uint32_t i = 0; i < e.size(); ++i) {
    const SiteEnergyTotals& t = e.totals(i);
    sum.pv_kwh += t.pv_kwh;
    sum.import_kwh += t.import_kwh;
    sum.export_kwh += t.export_kwh;
    sum.curtailed_kwh += t.curtailed_kwh;
    sum.peak_import_kw = std::max(sum.peak_import_kw, t.peak_import_kw);
    if (e.spec(i).storage) {
      cycles += battery_cycles(e, i);
      ++batteries;
    }
  }
  return fmt::format(R"({{"sites": {}, "pv_kwh": {:.6f}, "import_kwh": {:.6f}, "export_kwh": {:.6f}, )"
                     R"("curtailed_kwh": {:.6f}, "pv_self_consumption_share": {:.6f}, "mean_battery_cycles": {:.6f}, )"
                     R"("largest_site_peak_import_kw": {:.6f}}})",
                     e.size(), sum.pv_kwh, sum.import_kwh, sum.export_kwh, sum.curtailed_kwh,
                     pv_self_consumption_share(sum), batteries > 0 ? cycles / batteries : 0.0, sum.peak_import_kw);
}

std::string grid_events_json(const SiteEnergy& e) {
  std::string events;
  for (std::uint32_t k = 0; k < e.events().size(); ++k) {
    double requested = 0.0, delivered = 0.0, hours = 0.0, curtailed = 0.0, storage = 0.0;
    models::grid::DriverCost drivers;
    for (const auto& r : e.event_results()) {
      if (r.event != k) continue;
      requested += r.requested_kwh;
      delivered += r.delivered_kwh;
      curtailed += r.ev_curtailed_kwh;
      storage += r.storage_kwh;
      hours = r.hours;
      const models::grid::DriverCost& c = e.driver_cost(k, r.site);
      drivers.sessions += c.sessions;
      drivers.not_delivered_kwh += c.not_delivered_kwh;
      drivers.time_added_h += c.time_added_h;
    }
    events += fmt::format(R"({}{{"name": {}, "requested_kwh": {:.6f}, "delivered_kwh": {:.6f}, "requested_kw": {:.6f}, )"
                          R"("delivered_kw": {:.6f}, "ev_curtailed_kwh": {:.6f}, "storage_kwh": {:.6f}, )"
                          R"("sessions_curtailed": {}, "drivers_not_delivered_kwh": {:.6f}, "drivers_time_added_h": {:.6f}}})",
                          events.empty() ? "" : ", ", json_string(e.events()[k].name), requested, delivered,
                          hours > 0 ? requested / hours : 0.0, hours > 0 ? delivered / hours : 0.0, curtailed, storage,
                          drivers.sessions, drivers.not_delivered_kwh, drivers.time_added_h);
  }
  return "[" + events + "]";
}

std::string site_energy_text(const SiteEnergy& e) {
  std::string out;
  for (std::uint32_t i = 0; i < e.size(); ++i) {
    const SiteEnergyTotals& t = e.totals(i);
    out += fmt::format(
        "  site      station {}: import {:.0f} kWh (peak {:.0f} kW), export {:.0f} kWh, curtailed {:.0f} kWh, "
        "PV {:.0f} kWh ({:.1f}% self-consumed), battery {:.2f} cycles\n",
        e.spec(i).station, t.import_kwh, t.peak_import_kw, t.export_kwh, t.curtailed_kwh, t.pv_kwh,
        100.0 * pv_self_consumption_share(t), battery_cycles(e, i));
  }
  for (const auto& r : e.event_results()) {
    out += fmt::format("  event     {} at station {}: requested {:.1f} kWh, delivered {:.1f} kWh over {:.2f} h "
                       "(storage {:.1f} kWh, EV curtailed {:.1f} kWh)\n",
                       e.events()[r.event].name, e.spec(r.site).station, r.requested_kwh, r.delivered_kwh, r.hours,
                       r.storage_kwh, r.ev_curtailed_kwh);
    const models::grid::DriverCost& c = e.driver_cost(r.event, r.site);
    if (c.sessions > 0) {
      out += fmt::format("            drivers: {} sessions curtailed, {:.1f} kWh not delivered, {:.2f} h added\n",
                         c.sessions, c.not_delivered_kwh, c.time_added_h);
    }
  }
  return out;
}

}  // namespace evsim::output
