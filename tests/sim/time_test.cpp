#include "sim/time.hpp"

#include <gtest/gtest.h>

namespace evsim::sim {
namespace {

TEST(Time, ConversionsRoundToTheNearestMillisecond) {
  EXPECT_EQ(from_hours(1.5).count(), 5'400'000);
  EXPECT_EQ(from_seconds(0.0004).count(), 0);
  EXPECT_EQ(from_seconds(0.0006).count(), 1);
  EXPECT_EQ(from_seconds(-2.5).count(), -2500);
  EXPECT_DOUBLE_EQ(to_hours(Duration{90 * 60 * 1000}), 1.5);
}

TEST(Time, HugeValuesSaturateInsteadOfOverflowing) {
  EXPECT_EQ(from_hours(1e300).count(), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(from_hours(std::numeric_limits<double>::infinity()).count(), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(from_hours(-1e300).count(), std::numeric_limits<std::int64_t>::min());
}

TEST(Time, FormatsDaysHoursMinutesSecondsMilliseconds) {
  EXPECT_EQ(format_time(time_at_ms(0)), "00:00:00.000");
  EXPECT_EQ(format_time(time_at_ms(86'400'000 + 3'723'004)), "1d 01:02:03.004");
  EXPECT_EQ(format_duration(Duration{-1500}), "-00:00:01.500");
}

}  // namespace
}  // namespace evsim::sim
