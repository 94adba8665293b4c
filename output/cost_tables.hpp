#pragma once
// /grid cost tables of a run with tariffs or smart charging (docs/output-format.md "Costs"):
//   /grid/tariffs          the daily periods of every tariff (the scenario's, then flat station tariffs)
//   /grid/session_costs    every metered session: energy, energy cost, service cost
//   /grid/meter_readings   grid energy of each metered session at plug-in, price boundaries, unplug
//   /grid/smart_sessions   every session with a smart-charging plan: needed, delivered, shortfall
//   /grid/costs            per station: sessions, energy, cost, operator
//   /grid/operator_costs   per operator
//   /grid/charging_load    sampled charging power, public and home + depot
// Written only when scenarios::uses_tariffs(scenario), so other results are unchanged.
#include <vector>

#include "models/charging/tariff_meter.hpp"
#include "models/city/charging_costs.hpp"
#include "output/result_file.hpp"
#include "output/summary.hpp"
#include "scenarios/scenario.hpp"

namespace evsim::output {

// Keeps the meter's readings (a subscriber of its `reading` signal).
class MeterLog {
 public:
  void connect(models::charging::TariffMeter& meter) {
    meter.reading.connect([this](const models::charging::MeterReading& r) { readings_.push_back(r); });
  }
  const std::vector<models::charging::MeterReading>& readings() const { return readings_; }

 private:
  std::vector<models::charging::MeterReading> readings_;
};

CostHeadline cost_headline(const models::city::ChargingCosts& costs);
// Writes the tables above.
void write_cost_tables(ResultFile& file, const scenarios::Scenario& scenario, const models::city::ChargingCosts& costs,
                       const MeterLog& log, std::size_t stations);

}  // namespace evsim::output
