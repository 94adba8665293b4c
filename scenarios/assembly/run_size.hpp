#pragma once
// How big a run will be, from the scenario alone, before anything is built: vehicles, planned
// trips, events, records, peak memory and result size. `evsim validate` prints it and `evsim run`
// refuses a run whose memory estimate exceeds its limit, with these figures, instead of running for
// minutes into gigabytes and ending in std::bad_alloc.
//
// The estimate is the expected size, from the mean of every distribution:
//   trips per vehicle-day: private cars 2 + errand_probability; ride-hailing
//     shift_length / (idle_between_trips + kRideHailingTripMs) + 1; logistics stops + 1; trip files
//     their rows (file bytes / kCsvRowBytes, as for station files);
//   events = kEventsPerTrip x trips; samples = stations x horizon / sample_interval;
//   memory = kBytesPerTrip x trips + kBytesPerVehicle x vehicles + kBytesPerSample x samples, plus the
//     road network for generated roads (kBytesPerRoadNode x nodes); a file network is not counted;
//   result = kResultBytesPerTrip x trips + kResultBytesPerSample x samples.
// The per-item costs were measured on scenarios/examples/ring_radial_city.yaml (release build, 470,503
// planned trips, 899k events, 132 MB peak, 17.7 MB result) and rounded up.
#include <cstdint>

#include "scenarios/scenario.hpp"

namespace evsim::scenarios::assembly {


inline constexpr double kRideHailingTripMs = 6.0 * 60'000.0;  // a short urban fare, so the estimate errs high
inline constexpr double kCsvRowBytes = 30.0;
inline constexpr double kEventsPerTrip = 2.0;
inline constexpr double kBytesPerTrip = 300.0;
inline constexpr double kBytesPerVehicle = 300.0;
inline constexpr double kBytesPerSample = 64.0;
inline constexpr double kBytesPerRoadNode = 400.0;
inline constexpr double kResultBytesPerTrip = 40.0;
inline constexpr double kResultBytesPerSample = 24.0;

struct RunSizeEstimate {
  double vehicles = 0;      // trip-file vehicles are not known before the file is read: 0 for them
  double trips = 0;
  double events = 0;
  double samples = 0;
  double peak_memory_bytes = 0;
  double result_bytes = 0;
};

RunSizeEstimate estimate_run_size(const scenarios::Scenario& scenario);

}  // namespace evsim::scenarios::assembly
