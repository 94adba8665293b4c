#pragma once
// A station's daily opening window. Times are sim::Time (ms since midnight of day 0).
#include "sim/time.hpp"

namespace evsim::models::charging {

class OpeningHours {
 public:
  OpeningHours() = default;  // always open
  // Open every day from `open` to `close` (times of day, [0, 24h)); close < open runs past midnight.
  // open == close is rejected by the scenario loader; here it means "always open".
  OpeningHours(sim::Duration open, sim::Duration close);

  bool always_open() const { return always_open_; }
  bool is_open(sim::Time t) const;
  // The first closing time strictly after t (sim::kTimeMax when always open).
  sim::Time next_close(sim::Time t) const;

 private:
  bool always_open_ = true;
  sim::Duration open_{};
  sim::Duration close_{};
};

}  // namespace evsim::models::charging
