#pragma once
// How a driver ranks public stations. Every term is in hours (money is turned into time with the
// segment's value of time), and the lowest total wins:
//
//   cost_h = drive_h + onward_h - direct_h        (the detour: to the station, then on to where
//                                                  the vehicle goes next, minus the trip it
//                                                  would have made anyway)
//          + expected_wait_h                      (from the station's state now, below)
//          + charge_h                             (to the target, at the best power it can get there)
//          + price_per_kwh * grid_kwh / value_of_time_per_h
//
// Expected wait, with u plugs this vehicle can use, f of them free and q vehicles queued:
//   0 when f > q, else (q - f + 1) * mean_session_h / u,
// where mean_session_h is the mean plug-in time of the station's completed sessions (this
// vehicle's own charge_h until one has completed). The queue counts every waiting vehicle, also
// those waiting for plugs this vehicle cannot use; arrivals on the way are not foreseen.
#include "models/charging/station.hpp"

namespace evsim::models::charging {

struct OfferTerms {
  double drive_h = 0.0;
  double onward_h = 0.0;
  double direct_h = 0.0;
  double expected_wait_h = 0.0;
  double charge_h = 0.0;
  double price_per_kwh = 0.0;
  double grid_kwh = 0.0;
};

double expected_wait_h(const Station& station, Usage usage, double own_charge_h);
double offer_cost_h(const OfferTerms& terms, double value_of_time_per_h);

}  // namespace evsim::models::charging
