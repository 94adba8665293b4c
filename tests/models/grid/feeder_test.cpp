// models/grid/feeder.hpp: the tree built from typed data and every topology and value check.
#include "models/grid/feeder.hpp"

#include <gtest/gtest.h>

#include "tests/support/expect_throw_msg.hpp"

namespace {

using namespace evsim::models::grid;

// source "s" - "a" - "b", and "a" - "c"; the line to "c" is written from the far end.
FeederSpec small_spec() {
  return {.name = "small",
          .buses = {{.id = "s", .base_kv = 10.0},
                    {.id = "a", .base_kv = 10.0, .p_kw = 100.0, .q_kvar = 50.0},
                    {.id = "b", .base_kv = 10.0, .p_kw = 200.0, .q_kvar = 0.0},
                    {.id = "c", .base_kv = 10.0, .p_kw = 50.0, .q_kvar = 10.0}},
          .lines = {{.from = "s", .to = "a", .r_ohm = 1.0, .x_ohm = 2.0},
                    {.from = "a", .to = "b", .r_ohm = 0.5, .x_ohm = 0.5, .ampacity_a = 100.0},
                    {.from = "c", .to = "a", .r_ohm = 0.2, .x_ohm = 0.1}},
          .transformer = {.rating_kva = 1000.0}};
}

TEST(Feeder, OrientsTheTreeFromTheSourceWhateverTheLineDirection) {
  const Feeder f = Feeder::build(small_spec());
  EXPECT_EQ(f.source(), 0u);  // no source_bus: the first bus
  ASSERT_EQ(f.order().size(), 4u);
  EXPECT_EQ(f.order()[0], 0u);
  EXPECT_EQ(f.parent(0), kNoBus);
  EXPECT_EQ(f.parent(1), 0u);
  EXPECT_EQ(f.parent(2), 1u);
  EXPECT_EQ(f.parent(3), 1u);
  EXPECT_EQ(f.feeding_line(3), 2u);
  EXPECT_EQ(f.downstream_bus(2), 3u);  // "c" -> "a" written backwards: c is still downstream
  EXPECT_EQ(*f.find_bus("b"), 2u);
  EXPECT_FALSE(f.find_bus("z"));
  EXPECT_DOUBLE_EQ(f.total_p_kw(), 350.0);
  EXPECT_DOUBLE_EQ(f.total_q_kvar(), 60.0);
  EXPECT_DOUBLE_EQ(f.source_pu(), 1.0);
}

TEST(Feeder, TheSourceBusCanBeAnyBus) {
  FeederSpec spec = small_spec();
  spec.transformer.bus.emplace("b");  // (GCC 12 warns -Wrestrict, falsely, on = "b")
  const Feeder f = Feeder::build(spec);
  EXPECT_EQ(f.source(), 2u);
  EXPECT_EQ(f.parent(1), 2u);
  EXPECT_EQ(f.parent(0), 1u);
}

TEST(Feeder, ALoopIsNamedByTheLineThatClosesIt) {
  FeederSpec spec = small_spec();
  spec.lines.push_back({.from = "b", .to = "c", .r_ohm = 1.0, .x_ohm = 1.0});
  EXPECT_THROW_MSG(Feeder::build(spec), FeederError,
                   "line[3].to: expected a radial feeder (one path from the source to every bus), found a line closing "
                   "a loop: buses \"b\" and \"c\" are connected by earlier lines already");
  spec.lines.pop_back();
  spec.lines.push_back({.from = "s", .to = "a", .r_ohm = 1.0, .x_ohm = 1.0});  // a parallel line
  EXPECT_THROW_MSG(Feeder::build(spec), FeederError,
                   "line[3].to: expected a radial feeder (one path from the source to every bus), found a line closing "
                   "a loop: buses \"s\" and \"a\" are connected by earlier lines already");
}

TEST(Feeder, ABusWithoutPathToTheSourceIsNamed) {
  FeederSpec spec = small_spec();
  spec.buses.push_back({.id = "island", .base_kv = 10.0});
  spec.buses.push_back({.id = "island2", .base_kv = 10.0});
  spec.lines.push_back({.from = "island", .to = "island2", .r_ohm = 1.0, .x_ohm = 1.0});
  EXPECT_THROW_MSG(Feeder::build(spec), FeederError,
                   "bus[4].bus: expected a bus connected by lines to the source bus \"s\", found bus \"island\" with no "
                   "path to it");
}

TEST(Feeder, BadBusesAndLinesAreRefusedWithTheirKey) {
  const auto with = [](auto change) {
    FeederSpec spec = small_spec();
    change(spec);
    return spec;
  };
  EXPECT_THROW_MSG(Feeder::build(with([](FeederSpec& s) { s.buses[2].id = "a"; })), FeederError,
                   "bus[2].bus: expected a bus id used once, found a second bus \"a\"");
  EXPECT_THROW_MSG(Feeder::build(with([](FeederSpec& s) { s.buses[1].base_kv = 0.0; })), FeederError,
                   "bus[1].base_kv: expected a base voltage above 0 kV, found 0");
  EXPECT_THROW_MSG(Feeder::build(with([](FeederSpec& s) { s.lines[1].to = "x"; })), FeederError,
                   "line[1].to: expected the id of a bus of the feeder, found \"x\"");
  EXPECT_THROW_MSG(Feeder::build(with([](FeederSpec& s) { s.lines[1].to = "a"; })), FeederError,
                   "line[1].to: expected a bus other than the line's from bus, found \"a\"");
  EXPECT_THROW_MSG(Feeder::build(with([](FeederSpec& s) { s.lines[0].r_ohm = -0.1; })), FeederError,
                   "line[0].r_ohm: expected a resistance of at least 0 ohm, found -0.1");
  EXPECT_THROW_MSG(Feeder::build(with([](FeederSpec& s) { s.lines[0].x_ohm = -1.0; })), FeederError,
                   "line[0].x_ohm: expected a reactance of at least 0 ohm, found -1");
  EXPECT_THROW_MSG(Feeder::build(with([](FeederSpec& s) { s.lines[1].ampacity_a = 0.0; })), FeederError,
                   "line[1].ampacity_a: expected a current above 0 A, found 0");
  EXPECT_THROW_MSG(Feeder::build(with([](FeederSpec& s) { s.buses[2].base_kv = 0.4; })), FeederError,
                   "line[1].to: expected a bus with the base voltage of bus \"a\" (10 kV; transformers inside a "
                   "feeder are not modelled), found bus \"b\" at 0.4 kV");
  EXPECT_THROW_MSG(Feeder::build(with([](FeederSpec& s) { s.transformer.rating_kva = -5.0; })), FeederError,
                   "transformer.rating_kva: expected a rating above 0 kVA, found -5");
  EXPECT_THROW_MSG(Feeder::build(with([](FeederSpec& s) { s.transformer.source_pu = 1.3; })), FeederError,
                   "transformer.source_pu: expected a voltage from 0.8 to 1.2 pu, found 1.3");
  EXPECT_THROW_MSG(Feeder::build(with([](FeederSpec& s) { s.transformer.bus.emplace("q"); })), FeederError,
                   "transformer.bus: expected the id of a bus of the feeder, found \"q\"");
  EXPECT_THROW_MSG(Feeder::build(FeederSpec{.transformer = {.rating_kva = 1.0}}), FeederError,
                   "bus[0].bus: expected at least one bus, found none");
}

// Values above 0 that would overflow the power flow's doubles (caught by fuzz_feeder_file's contract
// checks on hand-written inputs; its first 60 s run did not reach them): a base
// of 1e-200 kV made every per-unit impedance infinite, so an unloaded feeder "collapsed"; a load of
// 1e300 kW on a line of zero impedance "converged" with infinite currents.
TEST(Feeder, ImplausibleValuesAreRefusedBeforeTheyOverflow) {
  const auto with = [](auto change) {
    FeederSpec spec = small_spec();
    change(spec);
    return spec;
  };
  EXPECT_THROW_MSG(Feeder::build(with([](FeederSpec& s) { s.buses[1].base_kv = 1e-200; })), FeederError,
                   "bus[1].base_kv: expected a base voltage from 0.1 to 1000 kV (evsim's plausibility limit), "
                   "found 1e-200");
  EXPECT_THROW_MSG(Feeder::build(with([](FeederSpec& s) { s.buses[1].base_kv = 1500.0; })), FeederError,
                   "bus[1].base_kv: expected a base voltage from 0.1 to 1000 kV (evsim's plausibility limit), "
                   "found 1500");
  EXPECT_THROW_MSG(Feeder::build(with([](FeederSpec& s) { s.buses[2].p_kw = 1e300; })), FeederError,
                   "bus[2].p_kw: expected a power from -1000000 to 1000000 kW (evsim's plausibility limit), "
                   "found 1e+300");
  EXPECT_THROW_MSG(Feeder::build(with([](FeederSpec& s) { s.buses[2].q_kvar = -2e6; })), FeederError,
                   "bus[2].q_kvar: expected a reactive power from -1000000 to 1000000 kvar (evsim's plausibility "
                   "limit), found -2000000");
  EXPECT_THROW_MSG(Feeder::build(with([](FeederSpec& s) { s.lines[0].r_ohm = 1e300; })), FeederError,
                   "line[0].r_ohm: expected a resistance from 0 to 1000000 ohm (evsim's plausibility limit), "
                   "found 1e+300");
  EXPECT_THROW_MSG(Feeder::build(with([](FeederSpec& s) { s.lines[2].x_ohm = 2e6; })), FeederError,
                   "line[2].x_ohm: expected a reactance from 0 to 1000000 ohm (evsim's plausibility limit), "
                   "found 2000000");
  EXPECT_THROW_MSG(Feeder::build(with([](FeederSpec& s) { s.lines[1].ampacity_a = 1e-300; })), FeederError,
                   "line[1].ampacity_a: expected a current from 0.1 to 100000 A (evsim's plausibility limit), "
                   "found 1e-300");
  EXPECT_THROW_MSG(Feeder::build(with([](FeederSpec& s) { s.transformer.rating_kva = 1e-300; })), FeederError,
                   "transformer.rating_kva: expected a rating from 0.1 to 10000000 kVA (evsim's plausibility "
                   "limit), found 1e-300");
  // The limits themselves are accepted.
  EXPECT_NO_THROW(Feeder::build(with([](FeederSpec& s) {
    for (BusSpec& b : s.buses) b.base_kv = 0.1;
    s.buses[1].p_kw = -1e6;
    s.buses[1].q_kvar = 1e6;
    s.lines[0].r_ohm = 1e6;
    s.lines[1].ampacity_a = 0.1;
    s.transformer.rating_kva = 1e7;
  })));
}

TEST(Feeder, ErrorsKeepTheirPartsForReaders) {
  try {
    FeederSpec spec = small_spec();
    spec.lines[2].r_ohm = -2.0;
    (void)Feeder::build(spec);
    FAIL() << "no error";
  } catch (const FeederError& e) {
    EXPECT_EQ(e.part(), FeederError::Part::line);
    EXPECT_EQ(e.index(), 2u);
    EXPECT_EQ(e.key(), "r_ohm");
    EXPECT_TRUE(e.about_value());
  }
}

}  // namespace
