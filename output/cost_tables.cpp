#include "output/cost_tables.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

#include "output/columns.hpp"

namespace evsim::output {
namespace {

using models::charging::MeterReading;
using models::charging::SessionCost;
using models::charging::SmartSessionRecord;
constexpr const char* kStationText = "station id (row of /stations); 4294967295 at home or depot";
constexpr std::int64_t kDayMs = 24LL * 3600 * 1000;

Table tariffs_table(const scenarios::Scenario& sc, const models::city::ChargingCostSetup& setup) {
  std::vector<std::uint32_t> tariff;
  std::vector<std::string> name;
  std::vector<std::int64_t> from, to;
  std::vector<double> price, fee;
  std::vector<std::uint8_t> kind;
  for (std::uint32_t t = 0; t < setup.tariffs.size(); ++t) {
    const auto& model = setup.tariffs[t];
    if (t < sc.tariffs.size()) {
      for (const scenarios::TariffPeriodSpec& p : sc.tariffs[t].periods) {
        tariff.push_back(t);
        name.push_back(model.name());
        from.push_back(sim::to_ms(sim::kTimeZero + p.from));
        to.push_back(sim::to_ms(sim::kTimeZero + p.to));
        price.push_back(p.price_per_kwh);
        fee.push_back(model.service_fee_per_kwh());
        kind.push_back(static_cast<std::uint8_t>(p.kind));
      }
      continue;
    }
    tariff.push_back(t);
    name.push_back(model.name());
    from.push_back(0);
    to.push_back(kDayMs);
    price.push_back(model.price_at(sim::kTimeZero));
    fee.push_back(model.service_fee_per_kwh());
    kind.push_back(static_cast<std::uint8_t>(scenarios::TariffPeriodKind::flat));
  }
  return Table{{column("tariff", "1", "tariff index (the scenario's tariffs in order, then flat station tariffs)", std::move(tariff)),
                column("name", "1", "tariff name (\"flat P\": a station without a tariff, at its price P)", std::move(name)),
                column("from_ms", "ms", "period start, time of day", std::move(from)),
                column("to_ms", "ms", "period end, time of day (up to 86400000; to < from: past midnight)", std::move(to)),
                column("price_per_kwh", "currency/kWh", "energy price in the period", std::move(price)),
                column("service_fee_per_kwh", "currency/kWh", "the tariff's service fee", std::move(fee)),
                column("kind", "1", "0 peak, 1 flat, 2 valley", std::move(kind))}};
}

Table session_costs_table(const std::vector<SessionCost>& c) {
  return Table{{project<std::uint32_t>("vehicle", "1", "vehicle id", c, [](const SessionCost& x) { return x.vehicle; }),
                project<std::uint32_t>("station", "1", kStationText, c, [](const SessionCost& x) { return x.station; }),
                project<std::uint32_t>("tariff", "1", "row tariff of /grid/tariffs", c, [](const SessionCost& x) { return x.tariff; }),
                project<std::int64_t>("plug_in_ms", "ms", "plug-in time", c, [](const SessionCost& x) { return sim::to_ms(x.plug_in); }),
                project<std::int64_t>("unplug_ms", "ms", "unplug time", c, [](const SessionCost& x) { return sim::to_ms(x.unplug); }),
                project<double>("grid_energy_kwh", "kWh", "energy drawn from the grid", c,
                                [](const SessionCost& x) { return x.grid_energy_kwh; }),
                project<double>("energy_cost", "currency", "sum over price periods of price x grid energy in the period", c,
                                [](const SessionCost& x) { return x.energy_cost; }),
                project<double>("service_cost", "currency", "service fee x grid energy", c,
                                [](const SessionCost& x) { return x.service_cost; }),
                project<double>("cost", "currency", "energy_cost + service_cost", c,
                                [](const SessionCost& x) { return x.energy_cost + x.service_cost; })}};
}

Table meter_readings_table(const std::vector<MeterReading>& r) {
  return Table{{project<std::int64_t>("time_ms", "ms", "plug-in, a price boundary, or unplug", r,
                                      [](const MeterReading& x) { return sim::to_ms(x.time); }),
                project<std::uint32_t>("vehicle", "1", "vehicle id", r, [](const MeterReading& x) { return x.vehicle; }),
                project<std::uint32_t>("station", "1", kStationText, r, [](const MeterReading& x) { return x.station; }),
                project<std::uint32_t>("tariff", "1", "tariff of /grid/tariffs", r, [](const MeterReading& x) { return x.tariff; }),
                project<double>("grid_energy_kwh", "kWh", "grid energy drawn since plug-in", r,
                                [](const MeterReading& x) { return x.grid_energy_kwh; })}};
}

Table smart_sessions_table(const std::vector<SmartSessionRecord>& r) {
  using R = SmartSessionRecord;
  return Table{{project<std::uint32_t>("vehicle", "1", "vehicle id", r, [](const R& x) { return x.vehicle; }),
                project<std::uint32_t>("station", "1", kStationText, r, [](const R& x) { return x.station; }),
                project<std::uint8_t>("policy", "1", "0 asap, 1 cheapest, 2 capped", r, [](const R& x) { return x.policy; }),
                project<std::int64_t>("plug_in_ms", "ms", "plug-in time", r, [](const R& x) { return sim::to_ms(x.plug_in); }),
                project<std::int64_t>("departure_ms", "ms", "planned departure", r, [](const R& x) { return sim::to_ms(x.departure); }),
                project<std::int64_t>("first_power_ms", "ms", "start of the first charging window", r,
                                      [](const R& x) { return sim::to_ms(x.first_power); }),
                project<double>("full_power_h", "h", "time to the target at full power from plug-in", r,
                                [](const R& x) { return x.full_power_h; }),
                project<double>("needed_kwh", "kWh", "battery energy to the target at plug-in", r, [](const R& x) { return x.needed_kwh; }),
                project<double>("delivered_kwh", "kWh", "battery energy gained", r, [](const R& x) { return x.delivered_kwh; }),
                project<double>("shortfall_kwh", "kWh", "max(0, needed - delivered)", r,
                                [](const R& x) { return x.shortfall_kwh; })}};
}

struct Totals {
  std::vector<std::uint32_t> sessions;
  std::vector<double> energy, energy_cost, service_cost;
  explicit Totals(std::size_t n) : sessions(n), energy(n), energy_cost(n), service_cost(n) {}
  void add(std::size_t i, const SessionCost& c) {
    ++sessions[i];
    energy[i] += c.grid_energy_kwh;
    energy_cost[i] += c.energy_cost;
    service_cost[i] += c.service_cost;
  }
  std::vector<Column> columns() const {
    std::vector<double> cost(energy_cost.size());
    for (std::size_t i = 0; i < cost.size(); ++i) cost[i] = energy_cost[i] + service_cost[i];
    return {column("sessions", "1", "metered sessions that ended", sessions),
            column("grid_energy_kwh", "kWh", "grid energy of those sessions", energy),
            column("energy_cost", "currency", "sum of their energy_cost", energy_cost),
            column("service_cost", "currency", "sum of their service_cost", service_cost),
            column("cost", "currency", "energy_cost + service_cost", std::move(cost))};
  }
};

}  // namespace

CostHeadline cost_headline(const models::city::ChargingCosts& costs) {
  CostHeadline h;
  for (const SessionCost& c : costs.meter().costs()) {
    const double cost = c.energy_cost + c.service_cost;
    h.energy_cost += cost;
    (c.station == models::road::kInvalid ? h.home_depot_cost : h.public_cost) += cost;
    h.service_cost += c.service_cost;
    h.metered_grid_energy_kwh += c.grid_energy_kwh;
  }
  for (const SmartSessionRecord& r : costs.smart().records()) {
    ++h.smart_sessions;
    if (r.shortfall_kwh > 0.0) ++h.sessions_with_shortfall;
    h.shortfall_kwh += r.shortfall_kwh;
  }
  for (const auto& s : costs.load_samples()) {
    h.peak_charging_power_kw = std::max(h.peak_charging_power_kw, s.public_kw + s.home_depot_kw);
    h.peak_home_depot_power_kw = std::max(h.peak_home_depot_power_kw, s.home_depot_kw);
  }
  return h;
}

void write_cost_tables(ResultFile& file, const scenarios::Scenario& scenario, const models::city::ChargingCosts& costs,
                       const MeterLog& log, std::size_t stations) {
  const models::city::ChargingCostSetup& setup = costs.setup();
  file.write_table("/grid/tariffs", tariffs_table(scenario, setup));
  file.write_table("/grid/session_costs", session_costs_table(costs.meter().costs()));
  file.write_table("/grid/meter_readings", meter_readings_table(log.readings()));
  file.write_table("/grid/smart_sessions", smart_sessions_table(costs.smart().records()));

  Totals by_station(stations), by_operator(setup.operators.size());
  for (const SessionCost& c : costs.meter().costs()) {
    if (c.station == models::road::kInvalid) continue;
    by_station.add(c.station, c);
    by_operator.add(setup.station_operator[c.station], c);
  }
  std::vector<std::uint32_t> station_ids(stations);
  for (std::uint32_t s = 0; s < stations; ++s) station_ids[s] = s;
  std::vector<Column> station_cols{column("station", "1", "station id (row of /stations)", std::move(station_ids)),
                                   column("operator", "1", "row of /grid/operator_costs", setup.station_operator),
                                   column("tariff", "1", "tariff of /grid/tariffs", setup.station_tariff)};
  for (Column& c : by_station.columns()) station_cols.push_back(std::move(c));
  file.write_table("/grid/costs", Table{std::move(station_cols)});

  std::vector<std::uint32_t> station_count(setup.operators.size());
  for (const std::uint32_t o : setup.station_operator) ++station_count[o];
  std::vector<Column> operator_cols{column("name", "1", "operator (empty: stations without an operator key)", setup.operators),
                                    column("stations", "1", "its stations", std::move(station_count))};
  for (Column& c : by_operator.columns()) operator_cols.push_back(std::move(c));
  file.write_table("/grid/operator_costs", Table{std::move(operator_cols)});

  const auto& load = costs.load_samples();
  file.write_table("/grid/charging_load",
                   Table{{project<std::int64_t>("time_ms", "ms", "sample time", load, [](const auto& x) { return sim::to_ms(x.time); }),
                          project<double>("public_kw", "kW", "battery-side power of sessions at public stations", load,
                                          [](const auto& x) { return x.public_kw; }),
                          project<double>("home_depot_kw", "kW", "battery-side power of home and depot sessions", load,
                                          [](const auto& x) { return x.home_depot_kw; })}});
}

}  // namespace evsim::output
