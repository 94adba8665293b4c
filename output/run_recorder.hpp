#pragma once
// Collects the records a run emits (models::RunObserver) and turns them into result tables.
#include <vector>

#include "scenarios/assembly/build_city.hpp"
#include "models/charging/session_pool.hpp"
#include "models/city/city_model.hpp"
#include "models/records.hpp"
#include "output/table.hpp"

namespace evsim::output {

class RunRecorder final : public models::RunObserver {
 public:
  void on_trip(const models::TripRecord& trip) override { trips_.push_back(trip); }
  // Needs are reported when they end; they are kept in the order they arose (by id).
  void on_need(const models::NeedRecord& need) override {
    if (need.id >= needs_.size()) needs_.resize(need.id + 1);
    needs_[need.id] = need;
  }
  void on_session(const models::ChargeSessionRecord& session) override { sessions_.push_back(session); }
  void on_station_sample(const models::StationSample& sample) override { samples_.push_back(sample); }
  // A subscriber of the session pool's power_changed signal (see record_site_power).
  void on_power_change(const models::charging::PowerChange& change) { power_changes_.push_back(change); }

  const std::vector<models::TripRecord>& trips() const { return trips_; }
  const std::vector<models::NeedRecord>& needs() const { return needs_; }
  const std::vector<models::ChargeSessionRecord>& sessions() const { return sessions_; }
  const std::vector<models::StationSample>& samples() const { return samples_; }
  const std::vector<models::charging::PowerChange>& power_changes() const { return power_changes_; }

 private:
  std::vector<models::TripRecord> trips_;
  std::vector<models::NeedRecord> needs_;
  std::vector<models::ChargeSessionRecord> sessions_;
  std::vector<models::StationSample> samples_;
  std::vector<models::charging::PowerChange> power_changes_;
};

// /grid (grid_tables.cpp), written only when some station shares power (has_shared_sites):
// Subscribes `recorder` to the power changes of sessions on stations with a site limit or cabinets.
void record_site_power(RunRecorder& recorder, models::city::CityModel& model);
bool has_shared_sites(const models::city::CityModel& model);
Table site_power_table(const RunRecorder& recorder);              // /grid/session_power
Table sites_table(const models::city::CityModel& model);          // /grid/sites
Table cabinets_table(const models::city::CityModel& model);       // /grid/cabinets

// The tables of docs/output-format.md ("Result tables"). Record tables (run_recorder.cpp):
Table trips_table(const RunRecorder& recorder, const models::demand::FleetSchedule& schedule);
Table needs_table(const RunRecorder& recorder, const models::city::CityModel& model);
Table sessions_table(const RunRecorder& recorder);
Table station_samples_table(const RunRecorder& recorder);
// Per-object summaries (city_tables.cpp):
Table stations_table(const scenarios::assembly::CityInputs& city, const models::city::CityModel& model, sim::Time end);
Table vehicles_table(const scenarios::assembly::CityInputs& city, const models::city::CityModel& model,
                     const RunRecorder& recorder);

}  // namespace evsim::output
