#include "models/charging/station.hpp"

#include <gtest/gtest.h>

namespace evsim::models::charging {
namespace {

const fleet::VehicleType kAcOnly{"ac-only", 40.0, 0.15, 7.0, 0.0};
const fleet::VehicleType kFast{"fast", 80.0, 0.2, 11.0, 90.0};

Station two_kinds() { return Station("s", 0, {{.dc = false, .power_kw = 22.0}, {.dc = true, .power_kw = 120.0}}, true); }

TEST(Station, SessionPowerIsTheLowerOfPlugAndVehicleLimit) {
  const Station s = two_kinds();
  EXPECT_DOUBLE_EQ(Station::session_power_kw(s.plugs()[0], kAcOnly), 7.0);
  EXPECT_DOUBLE_EQ(Station::session_power_kw(s.plugs()[1], kAcOnly), 0.0);
  EXPECT_DOUBLE_EQ(Station::session_power_kw(s.plugs()[1], kFast), 90.0);
}

TEST(Station, BestFreePlugGivesTheMostPowerTheVehicleCanUse) {
  Station s = two_kinds();
  EXPECT_EQ(s.best_free_plug(kFast), 1u);
  EXPECT_EQ(s.best_free_plug(kAcOnly), 0u);
  s.plugs()[0].occupant = 3;
  EXPECT_FALSE(s.best_free_plug(kAcOnly).has_value());
  EXPECT_EQ(s.busy_plugs(), 1u);
}

TEST(Station, CanServeOnlyWithACompatiblePlug) {
  const Station dc_only("d", 0, {{.dc = true, .power_kw = 60.0}}, true);
  EXPECT_FALSE(dc_only.can_serve(kAcOnly));
  EXPECT_TRUE(dc_only.can_serve(kFast));
}

}  // namespace
}  // namespace evsim::models::charging
