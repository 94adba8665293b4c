#include "scenarios/assembly/run_size.hpp"

#include "scenarios/road_size.hpp"

#include <cmath>
#include <filesystem>
#include <system_error>
#include <type_traits>
#include <variant>

namespace evsim::scenarios::assembly {
using namespace ::evsim::models;
namespace {

double mean_of(const scenarios::DistributionSpec& d) {
  return std::visit(
      [](const auto& x) -> double {
        using D = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<D, scenarios::FixedValue>) {
          return x.value;
        } else if constexpr (std::is_same_v<D, scenarios::UniformDistribution>) {
          return (x.min + x.max) / 2.0;
        } else if constexpr (std::is_same_v<D, scenarios::NormalDistribution>) {
          return x.mean;
        } else {
          return x.mean;
        }
      },
      d);
}

// Trips of one segment over the whole horizon.
double segment_trips(const scenarios::SegmentSpec& seg, double days) {
  return std::visit(
      [&](const auto& d) -> double {
        using D = std::decay_t<decltype(d)>;
        if constexpr (std::is_same_v<D, scenarios::PrivateCarDemand>) {
          return seg.count * days * (2.0 + d.errand_probability);
        } else if constexpr (std::is_same_v<D, scenarios::RideHailingDemand>) {
          const double per_trip_ms = std::max(mean_of(d.idle_between_trips), 0.0) + kRideHailingTripMs;
          return seg.count * days * (std::max(mean_of(d.shift_length), 0.0) / per_trip_ms + 1.0);
        } else if constexpr (std::is_same_v<D, scenarios::LogisticsDemand>) {
          return seg.count * days * (d.stops + 1.0);
        } else {
          std::error_code ec;
          const auto bytes = std::filesystem::file_size(d.file, ec);
          return ec ? 0.0 : static_cast<double>(bytes) / kCsvRowBytes;
        }
      },
      seg.demand);
}


std::size_t station_count(const scenarios::Scenario& sc) {
  std::size_t n = sc.stations.size();
  for (const scenarios::StationFileSpec& f : sc.station_files) {
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(f.file, ec);
    if (!ec) n += static_cast<std::size_t>(static_cast<double>(bytes) / kCsvRowBytes);
  }
  return n;
}

}  // namespace

RunSizeEstimate estimate_run_size(const scenarios::Scenario& sc) {
  RunSizeEstimate e;
  const double horizon_ms = static_cast<double>(sc.run.horizon.count());
  const double days = std::ceil(horizon_ms / 86'400'000.0);
  for (const scenarios::SegmentSpec& seg : sc.fleet) {
    e.vehicles += seg.count;
    e.trips += segment_trips(seg, days);
  }
  e.events = kEventsPerTrip * e.trips;
  const double interval_ms = static_cast<double>(sc.run.sample_interval.count());
  e.samples = interval_ms > 0.0 ? static_cast<double>(station_count(sc)) * horizon_ms / interval_ms : 0.0;
  e.peak_memory_bytes = kBytesPerTrip * e.trips + kBytesPerVehicle * e.vehicles + kBytesPerSample * e.samples +
                        kBytesPerRoadNode * scenarios::generated_node_count(sc.road);
  e.result_bytes = kResultBytesPerTrip * e.trips + kResultBytesPerSample * e.samples;
  return e;
}

}  // namespace evsim::scenarios::assembly
