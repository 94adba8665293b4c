// The unit table: every unit, conversions, rounding of durations, times of day, and messages.
#include "scenarios/units.hpp"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace evsim::scenarios {
namespace {

using namespace std::chrono_literals;

// The UnitError message for `text` read as q, or "no error".
std::string unit_error(Quantity q, const std::string& text) {
  try {
    parse_quantity(q, text);
  } catch (const UnitError& e) {
    return e.what();
  }
  return "no error";
}

std::string time_of_day_error(const std::string& text) {
  try {
    parse_time_of_day(text);
  } catch (const UnitError& e) {
    return e.what();
  }
  return "no error";
}

TEST(Units, PowerEnergyLengthSpeedConsumptionConvertToCanonicalUnits) {
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::power, "22kW"), 22.0);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::power, "1.5MW"), 1500.0);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::power, "7400W"), 7.4);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::energy, "50kWh"), 50.0);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::energy, "2MWh"), 2000.0);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::energy, "500Wh"), 0.5);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::length, "400m"), 400.0);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::length, "1.5km"), 1500.0);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::speed, "40km/h"), 40.0);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::speed, "10m/s"), 36.0);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::consumption, "0.16kWh/km"), 0.16);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::consumption, "160Wh/km"), 0.16);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::consumption, "16kWh/100km"), 0.16);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::angle, "121.47"), 121.47);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::angle, "-33.9deg"), -33.9);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::angle, "31.23°"), 31.23);
}

TEST(Units, TemperaturesAreInDegreesCelsius) {
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::temperature, "20C"), 20.0);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::temperature, "20 °C"), 20.0);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::temperature, "-5degC"), -5.0);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::temperature, "-12.5"), -12.5);
  EXPECT_EQ(unit_error(Quantity::temperature, "68F"),
            R"(expected a temperature (units degC, °C, C), found unknown unit "F" in "68F")");
  EXPECT_EQ(unit_error(Quantity::temperature, "20c"),
            R"(expected a temperature (units degC, °C, C), found unknown unit "c" in "20c")");
}

TEST(Units, PricesAreCurrencyPerKwhAndValuesOfTimeCurrencyPerHour) {
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::energy_price, "1.2"), 1.2);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::energy_price, "1.2/kWh"), 1.2);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::energy_price, "1.2 CNY/kWh"), 1.2);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::energy_price, "0.8 yuan/kWh"), 0.8);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::value_of_time, "30"), 30.0);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::value_of_time, "30/h"), 30.0);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::value_of_time, "45 CNY/h"), 45.0);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::value_of_time, "45yuan/h"), 45.0);
  EXPECT_EQ(unit_error(Quantity::energy_price, "1.2/MWh"),
            R"(expected a price per kWh (units /kWh, CNY/kWh, yuan/kWh), found unknown unit "/MWh" in "1.2/MWh")");
  EXPECT_EQ(unit_error(Quantity::energy_price, "1.2 CNY"),
            R"(expected a price per kWh (units /kWh, CNY/kWh, yuan/kWh), found unknown unit "CNY" in "1.2 CNY")");
  EXPECT_EQ(unit_error(Quantity::value_of_time, "0.5/min"),
            R"(expected a value of time (units /h, CNY/h, yuan/h), found unknown unit "/min" in "0.5/min")");
}

TEST(Units, BareNumbersAreCanonicalAndSpacesSignsAndExponentsAreAccepted) {
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::power, "22"), 22.0);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::length, "12.5"), 12.5);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::power, "22 kW"), 22.0);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::power, " 22  kW "), 22.0);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::length, "-300m"), -300.0);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::length, "+300m"), 300.0);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::power, "1e3W"), 1.0);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::power, "2.5E-1MW"), 250.0);
  EXPECT_DOUBLE_EQ(parse_quantity(Quantity::power, ".5kW"), 0.5);
}

TEST(Units, FractionsAreBareNumbersOrPercentagesInsideZeroToOne) {
  EXPECT_DOUBLE_EQ(parse_fraction("0.8"), 0.8);
  EXPECT_DOUBLE_EQ(parse_fraction("80%"), 0.8);
  EXPECT_DOUBLE_EQ(parse_fraction("80 %"), 0.8);
  EXPECT_DOUBLE_EQ(parse_fraction("0"), 0.0);
  EXPECT_DOUBLE_EQ(parse_fraction("100%"), 1.0);
  EXPECT_EQ(unit_error(Quantity::fraction, "1.2"), R"(expected a fraction from 0 to 1 (or 0% to 100%), found "1.2")");
  EXPECT_EQ(unit_error(Quantity::fraction, "120%"), R"(expected a fraction from 0 to 1 (or 0% to 100%), found "120%")");
  EXPECT_EQ(unit_error(Quantity::fraction, "-0.1"), R"(expected a fraction from 0 to 1 (or 0% to 100%), found "-0.1")");
  EXPECT_EQ(unit_error(Quantity::fraction, "80pc"),
            R"(expected a fraction from 0 to 1 (or 0% to 100%), found unknown unit "pc" in "80pc")");
}

TEST(Units, DurationsConvertToMilliseconds) {
  EXPECT_EQ(parse_duration("250ms"), 250ms);
  EXPECT_EQ(parse_duration("30s"), 30s);
  EXPECT_EQ(parse_duration("30min"), 30min);
  EXPECT_EQ(parse_duration("1.5h"), 90min);
  EXPECT_EQ(parse_duration("7d"), 7 * 24h);
  EXPECT_EQ(parse_duration("15 min"), 15min);
  EXPECT_EQ(parse_duration("1h30min"), 90min);
  EXPECT_EQ(parse_duration("1d 2h 3min 4s 5ms"), 24h + 2h + 3min + 4s + 5ms);
  EXPECT_EQ(parse_duration("-5min"), -5min);
  EXPECT_EQ(parse_duration("0"), 0ms);
}

TEST(Units, DurationsRoundToTheNearestMillisecondHalvesAwayFromZero) {
  EXPECT_EQ(parse_duration("0.4ms"), 0ms);
  EXPECT_EQ(parse_duration("0.5ms"), 1ms);
  EXPECT_EQ(parse_duration("0.0015s"), 2ms);
  EXPECT_EQ(parse_duration("-0.5ms"), -1ms);
  EXPECT_EQ(parse_duration("0.1s"), 100ms);
  EXPECT_EQ(parse_duration("1e-4h"), 360ms);
}

TEST(Units, DurationsNeedAUnitUnlessZero) {
  EXPECT_EQ(unit_error(Quantity::duration, "30"),
            R"(expected a duration (units ms, s, min, h, d), found "30" without a unit)");
  EXPECT_EQ(unit_error(Quantity::duration, "1h30"),
            R"(expected a duration (units ms, s, min, h, d), found "1h30" without a unit)");
  EXPECT_EQ(unit_error(Quantity::duration, "2hrs"),
            R"(expected a duration (units ms, s, min, h, d), found unknown unit "hrs" in "2hrs")");
  EXPECT_EQ(unit_error(Quantity::duration, "1e300d"),
            R"(expected a duration (units ms, s, min, h, d), found out-of-range value "1e300d")");
}

TEST(Units, TimesOfDayAreClockTimesOrDurationsWithinOneDay) {
  EXPECT_EQ(parse_time_of_day("08:00"), 8h);
  EXPECT_EQ(parse_time_of_day("8:00"), 8h);
  EXPECT_EQ(parse_time_of_day("05:30"), 5h + 30min);
  EXPECT_EQ(parse_time_of_day("23:59:59"), 23h + 59min + 59s);
  EXPECT_EQ(parse_time_of_day("00:00"), 0h);
  EXPECT_EQ(parse_time_of_day("24:00"), 24h);
  EXPECT_EQ(parse_time_of_day("8h"), 8h);
  EXPECT_EQ(parse_time_of_day("7h30min"), 7h + 30min);
  const std::string expected =
      R"(expected a time of day from 00:00 to 24:00 ("HH:MM", "HH:MM:SS" or a duration such as "8h"), found )";
  EXPECT_EQ(time_of_day_error("25:00"), expected + R"("25:00")");
  EXPECT_EQ(time_of_day_error("24:01"), expected + R"("24:01")");
  EXPECT_EQ(time_of_day_error("08:60"), expected + R"("08:60")");
  EXPECT_EQ(time_of_day_error("8:5"), expected + R"("8:5")");
  EXPECT_EQ(time_of_day_error("08:00:00:00"), expected + R"("08:00:00:00")");
  EXPECT_EQ(time_of_day_error("25h"), expected + R"("25h")");
  EXPECT_EQ(time_of_day_error("-1h"), expected + R"("-1h")");
  EXPECT_EQ(time_of_day_error("8"), expected + R"("8" without a unit)");
  EXPECT_EQ(time_of_day_error("8 o'clock"), expected + R"(unknown unit "o'clock" in "8 o'clock")");
}

TEST(Units, UnknownUnitsNameTheAllowedOnes) {
  EXPECT_EQ(unit_error(Quantity::power, "22kWh"),
            R"(expected a power (units kW, MW, W), found unknown unit "kWh" in "22kWh")");
  EXPECT_EQ(unit_error(Quantity::power, "22kw"), R"(expected a power (units kW, MW, W), found unknown unit "kw" in "22kw")");
  EXPECT_EQ(unit_error(Quantity::energy, "50 kW h"),
            R"(expected an energy (units kWh, MWh, Wh), found unknown unit "kW h" in "50 kW h")");
  EXPECT_EQ(unit_error(Quantity::speed, "40kmh"), R"(expected a speed (units km/h, m/s), found unknown unit "kmh" in "40kmh")");
  EXPECT_EQ(unit_error(Quantity::consumption, "16kWh/100mi"),
            R"(expected a consumption (units kWh/km, Wh/km, kWh/100km), found unknown unit "kWh/100mi" in "16kWh/100mi")");
  EXPECT_EQ(unit_error(Quantity::length, "3ft"), R"(expected a length (units m, km), found unknown unit "ft" in "3ft")");
}

TEST(Units, MalformedAndNonFiniteNumbersAreRejected) {
  EXPECT_EQ(unit_error(Quantity::power, "12..5kW"),
            R"(expected a power (units kW, MW, W), found malformed number "12..5" in "12..5kW")");
  EXPECT_EQ(unit_error(Quantity::power, "1e5e3kW"),
            R"(expected a power (units kW, MW, W), found malformed number "1e5e3" in "1e5e3kW")");
  EXPECT_EQ(unit_error(Quantity::power, "1e999kW"),
            R"(expected a power (units kW, MW, W), found out-of-range number "1e999" in "1e999kW")");
  EXPECT_EQ(unit_error(Quantity::power, "inf"), R"(expected a power (units kW, MW, W), found "inf")");
  EXPECT_EQ(unit_error(Quantity::power, ".nan"), R"(expected a power (units kW, MW, W), found ".nan")");
  EXPECT_EQ(unit_error(Quantity::power, "kW"), R"(expected a power (units kW, MW, W), found "kW")");
  EXPECT_EQ(unit_error(Quantity::power, ""), R"(expected a power (units kW, MW, W), found "")");
  EXPECT_EQ(unit_error(Quantity::power, "- 5kW"), R"(expected a power (units kW, MW, W), found "- 5kW")");
}

TEST(Units, TheTableIsGroupedByQuantityWithTheCanonicalUnitFirst) {
  std::set<Quantity> seen;
  Quantity previous = unit_table().front().quantity;
  for (const UnitDef& u : unit_table()) {
    if (u.quantity != previous) {
      EXPECT_FALSE(seen.contains(u.quantity)) << u.symbol;  // each quantity in one block
      previous = u.quantity;
    }
    if (!seen.contains(u.quantity)) {
      EXPECT_EQ(u.to_canonical, 1.0) << u.symbol;
    }
    seen.insert(u.quantity);
  }
  EXPECT_EQ(seen.size(), 11u);
  EXPECT_EQ(describe(Quantity::duration), "a duration (units ms, s, min, h, d)");
  EXPECT_EQ(describe(Quantity::angle), "an angle (units deg, °)");
  EXPECT_EQ(describe(Quantity::consumption), "a consumption (units kWh/km, Wh/km, kWh/100km)");
}

}  // namespace
}  // namespace evsim::scenarios
