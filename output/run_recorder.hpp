#pragma once
// Collects the records a run emits (models::RunObserver) and turns them into result tables.
#include <vector>

#include "models/build_city.hpp"
#include "models/city_model.hpp"
#include "models/records.hpp"
#include "output/table.hpp"

namespace evsim::output {

class RunRecorder final : public models::RunObserver {
 public:
  void on_trip(const models::TripRecord& trip) override { trips_.push_back(trip); }
  void on_session(const models::ChargeSessionRecord& session) override { sessions_.push_back(session); }
  void on_station_sample(const models::StationSample& sample) override { samples_.push_back(sample); }

  const std::vector<models::TripRecord>& trips() const { return trips_; }
  const std::vector<models::ChargeSessionRecord>& sessions() const { return sessions_; }
  const std::vector<models::StationSample>& samples() const { return samples_; }

 private:
  std::vector<models::TripRecord> trips_;
  std::vector<models::ChargeSessionRecord> sessions_;
  std::vector<models::StationSample> samples_;
};

// The tables of docs/output-format.md ("Result tables").
Table trips_table(const RunRecorder& recorder);
Table sessions_table(const RunRecorder& recorder);
Table station_samples_table(const RunRecorder& recorder);
Table stations_table(const models::CityInputs& city, const RunRecorder& recorder, sim::Duration horizon);
Table vehicles_table(const models::CityInputs& city, const models::CityModel& model, const RunRecorder& recorder);

}  // namespace evsim::output
