#pragma once
// A charging station's run-time state: plugs, who is on them, who waits, and its running totals.
// Power in kW, price in the scenario's currency per grid kWh.
//
// Compatibility: a vehicle can use a plug when it has the plug's connector and accepts its current
// (fleet/vehicle_type.hpp); a segment with dc_only uses DC plugs only. The queue is one FIFO line
// for the whole station: a freed plug goes to the first queued vehicle that can use it.
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "models/charging/opening_hours.hpp"
#include "models/charging/power_sharing.hpp"
#include "models/charging/station_stats.hpp"
#include "models/fleet/vehicle_type.hpp"
#include "models/records.hpp"
#include "models/road/road_graph.hpp"

namespace evsim::models::charging {

struct Plug {
  bool dc = false;
  double power_kw = 0.0;
  fleet::ConnectorSet connector = 0;  // one bit
  VehicleId occupant = road::kInvalid;
};

// Who may use what: the vehicle type and whether its segment charges on DC only.
struct Usage {
  const fleet::VehicleType* type;
  bool dc_only;
};

class Station {
 public:
  Station(std::string name, road::NodeId node, std::vector<Plug> plugs, bool is_public, double price_per_kwh = 0.0,
          OpeningHours hours = {});

  const std::string& name() const { return name_; }
  road::NodeId node() const { return node_; }
  bool is_public() const { return is_public_; }
  double price_per_kwh() const { return price_per_kwh_; }
  const OpeningHours& hours() const { return hours_; }
  std::vector<Plug>& plugs() { return plugs_; }
  const std::vector<Plug>& plugs() const { return plugs_; }
  const std::deque<VehicleId>& queue() const { return queue_; }
  StationStats& stats() { return stats_; }
  const StationStats& stats() const { return stats_; }
  // The site's connection limit and power cabinets (none by default: every plug at its own power).
  const SitePower& power() const { return power_; }
  // Throws std::invalid_argument as charging::check(power, plugs().size()) does.
  void set_power(SitePower power);

  // The power limit of a session on `plug` (plug and vehicle limits, before the charging curve);
  // 0 when the vehicle cannot use the plug.
  static double power_limit_kw(const Plug& plug, Usage usage);
  bool can_serve(Usage usage) const;
  double best_power_limit_kw(Usage usage) const;  // over all plugs it can use; 0 if none
  std::uint32_t usable_plugs(Usage usage) const;
  std::uint32_t free_usable_plugs(Usage usage) const;
  // The free plug giving this vehicle the highest power limit, if any.
  std::optional<std::uint32_t> best_free_plug(Usage usage) const;
  std::uint32_t busy_plugs() const { return busy_; }

  // State changes; each brings the time integrals up to `now` first.
  void plug_in(sim::Time now, std::uint32_t plug, VehicleId vehicle);
  void unplug(sim::Time now, std::uint32_t plug);
  void enqueue(sim::Time now, VehicleId vehicle);
  void dequeue(sim::Time now, VehicleId vehicle);  // throws std::logic_error when not queued
  // Closes the integrals at the end of the run.
  void close_books(sim::Time now) { stats_.advance(now, busy_, queue_length()); }

 private:
  std::uint32_t queue_length() const { return static_cast<std::uint32_t>(queue_.size()); }

  std::string name_;
  road::NodeId node_;
  std::vector<Plug> plugs_;
  bool is_public_;
  double price_per_kwh_;
  OpeningHours hours_;
  std::deque<VehicleId> queue_;
  std::uint32_t busy_ = 0;
  StationStats stats_;
  SitePower power_;
};

}  // namespace evsim::models::charging
