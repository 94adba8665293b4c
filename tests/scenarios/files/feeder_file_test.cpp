// scenarios/files/feeder_file.hpp: the feeder format read, and every bad input reported at its
// file, line, column and key.
#include "scenarios/files/feeder_file.hpp"

#include <gtest/gtest.h>

#include "scenarios/scenario_error.hpp"
#include "tests/support/expect_throw_msg.hpp"
#include "tests/support/scratch_files.hpp"

namespace {

namespace fs = std::filesystem;
using evsim::scenarios::files::load_feeder_file;
using evsim::scenarios::ScenarioError;
using evsim::test::scratch_dir;
using evsim::test::write_file;

constexpr const char* kYaml =
    "feeder:\n"
    "  base_kv: 10\n"
    "  transformer_kva: 1000\n"
    "  buses: buses.csv\n"
    "  lines: lines.csv\n";
constexpr const char* kBuses =
    "bus,p_kw,q_kvar\n"
    "src,0,0\n"
    "a,100,50\n"
    "b,200,0\n";
constexpr const char* kLines =
    "from,to,r_ohm,x_ohm,ampacity_a\n"
    "src,a,1,2,100\n"
    "a,b,0.5,0.5,\n";

// Writes the three files (any of them replaced) and returns the YAML's path.
fs::path feeder(const std::string& yaml = kYaml, const std::string& buses = kBuses, const std::string& lines = kLines) {
  const fs::path dir = scratch_dir("feeder_file_");
  write_file(dir / "buses.csv", buses);
  write_file(dir / "lines.csv", lines);
  return write_file(dir / "f.yaml", yaml);
}

std::string dir_of(const fs::path& p) { return p.parent_path().string() + "/"; }

TEST(FeederFile, ReadsBusesLinesAndDefaults) {
  const fs::path file = feeder();
  const auto f = load_feeder_file(file);
  EXPECT_EQ(f.feeder.spec().name, "f");  // the file's stem
  ASSERT_EQ(f.feeder.bus_count(), 3u);
  EXPECT_EQ(f.feeder.source(), 0u);
  EXPECT_DOUBLE_EQ(f.feeder.source_pu(), 1.0);
  EXPECT_DOUBLE_EQ(f.feeder.rating_kva(), 1000.0);
  EXPECT_DOUBLE_EQ(f.feeder.bus(1).base_kv, 10.0);
  EXPECT_DOUBLE_EQ(f.feeder.bus(2).p_kw, 200.0);
  ASSERT_TRUE(f.feeder.line(0).ampacity_a);
  EXPECT_DOUBLE_EQ(*f.feeder.line(0).ampacity_a, 100.0);
  EXPECT_FALSE(f.feeder.line(1).ampacity_a);  // empty field: no thermal limit
  EXPECT_EQ(f.buses_file, file.parent_path() / "buses.csv");
}

TEST(FeederFile, OptionalKeysAndColumns) {
  const fs::path file = feeder(
      "feeder:\n  name: x\n  transformer_kva: 630\n  source_pu: 1.05\n  source_bus: b\n  buses: buses.csv\n"
      "  lines: lines.csv\n",
      "bus,p_kw,q_kvar,base_kv,lon,lat\nsrc,0,0,0.4,121.5,31.2\na,1,0,0.4,,\nb,2,1,0.4,121.6,31.3\n",
      "to,from,x_ohm,r_ohm\nsrc,a,0.1,0.1\nb,a,0.1,0.2\n");
  const auto f = load_feeder_file(file);
  EXPECT_EQ(f.feeder.spec().name, "x");
  EXPECT_EQ(f.feeder.source(), 2u);
  EXPECT_DOUBLE_EQ(f.feeder.source_pu(), 1.05);
  EXPECT_DOUBLE_EQ(f.feeder.bus(0).base_kv, 0.4);
  ASSERT_TRUE(f.feeder.bus(0).position);
  EXPECT_TRUE(f.feeder.bus(0).position->geographic);
  EXPECT_DOUBLE_EQ(f.feeder.bus(0).position->x, 121.5);
  EXPECT_FALSE(f.feeder.bus(1).position);
  EXPECT_DOUBLE_EQ(f.feeder.line(1).r_ohm, 0.2);
}

TEST(FeederFile, ALoopIsReportedAtTheLineThatClosesIt) {
  const fs::path file = feeder(kYaml, kBuses, std::string(kLines) + "b,src,1,1,\n");
  EXPECT_THROW_MSG(load_feeder_file(file), ScenarioError,
                   dir_of(file) + "lines.csv:4:3: to: expected a radial feeder (one path from the source to every "
                                  "bus), found a line closing a loop: buses \"b\" and \"src\" are connected by earlier "
                                  "lines already");
}

TEST(FeederFile, ABusWithoutPathIsReportedAtItsRow) {
  const fs::path file = feeder(kYaml, std::string(kBuses) + "lost,1,1\n");
  EXPECT_THROW_MSG(load_feeder_file(file), ScenarioError,
                   dir_of(file) + "buses.csv:5:1: bus: expected a bus connected by lines to the source bus \"src\", "
                                  "found bus \"lost\" with no path to it");
}

TEST(FeederFile, BadValuesAreReportedAsWritten) {
  const std::string d = dir_of(feeder());
  EXPECT_THROW_MSG(load_feeder_file(feeder(kYaml, kBuses, "from,to,r_ohm,x_ohm\nsrc,a,-1.50,2\na,b,1,1\n")),
                   ScenarioError, d + "lines.csv:2:7: r_ohm: expected a resistance of at least 0 ohm, found \"-1.50\"");
  EXPECT_THROW_MSG(load_feeder_file(feeder(kYaml, kBuses, "from,to,r_ohm,x_ohm,ampacity_a\nsrc,a,1,2,0\na,b,1,1,\n")),
                   ScenarioError, d + "lines.csv:2:11: ampacity_a: expected a current above 0 A, found \"0\"");
  EXPECT_THROW_MSG(load_feeder_file(feeder(kYaml, kBuses, "from,to,r_ohm,x_ohm\nsrc,a,1,2\na,zz,1,1\n")),
                   ScenarioError, d + "lines.csv:3:3: to: expected the id of a bus of the feeder, found \"zz\"");
  EXPECT_THROW_MSG(load_feeder_file(feeder(kYaml, "bus,p_kw,q_kvar\nsrc,0,0\na,1,1\na,2,2\n")), ScenarioError,
                   d + "buses.csv:4:1: bus: expected a bus id used once, found a second bus \"a\"");
  EXPECT_THROW_MSG(load_feeder_file(feeder(kYaml, "bus,p_kw,q_kvar\nsrc,0,0\na,x,1\nb,2,2\n")), ScenarioError,
                   d + "buses.csv:3:3: p_kw: expected a power in kW, found \"x\"");
  EXPECT_THROW_MSG(
      load_feeder_file(feeder("feeder:\n  base_kv: 10\n  transformer_kva: -630\n  buses: buses.csv\n  lines: lines.csv\n")),
      ScenarioError, d + "f.yaml:3:20: feeder.transformer_kva: expected a rating above 0 kVA, found \"-630\"");
  EXPECT_THROW_MSG(
      load_feeder_file(feeder("feeder:\n  base_kv: -10\n  transformer_kva: 630\n  buses: buses.csv\n  lines: lines.csv\n")),
      ScenarioError, d + "f.yaml:2:12: feeder.base_kv: expected a base voltage above 0 kV, found \"-10\"");
  EXPECT_THROW_MSG(load_feeder_file(feeder("feeder:\n  base_kv: 10\n  transformer_kva: 630\n  source_bus: q\n"
                                           "  buses: buses.csv\n  lines: lines.csv\n")),
                   ScenarioError, d + "f.yaml:4:15: feeder.source_bus: expected the id of a bus of the feeder, found \"q\"");
}

// Inputs that made the power flow report nonsense before the plausibility limits of
// models/grid/feeder.hpp (caught by fuzz_feeder_file's checks): each is refused where it is written.
TEST(FeederFile, ImplausibleValuesAreReportedWhereWritten) {
  const std::string d = dir_of(feeder());
  EXPECT_THROW_MSG(
      load_feeder_file(feeder("feeder:\n  base_kv: 1e-200\n  transformer_kva: 630\n  buses: buses.csv\n  lines: lines.csv\n")),
      ScenarioError, d + "f.yaml:2:12: feeder.base_kv: expected a base voltage from 0.1 to 1000 kV (evsim's "
                         "plausibility limit), found \"1e-200\"");
  EXPECT_THROW_MSG(load_feeder_file(feeder(kYaml, "bus,p_kw,q_kvar\nsrc,0,0\na,1e300,1\nb,2,2\n")), ScenarioError,
                   d + "buses.csv:3:3: p_kw: expected a power from -1000000 to 1000000 kW (evsim's plausibility limit), "
                       "found \"1e300\"");
  EXPECT_THROW_MSG(load_feeder_file(feeder(kYaml, kBuses, "from,to,r_ohm,x_ohm,ampacity_a\nsrc,a,1,2,1e-300\na,b,1,1,\n")),
                   ScenarioError, d + "lines.csv:2:11: ampacity_a: expected a current from 0.1 to 100000 A (evsim's "
                                      "plausibility limit), found \"1e-300\"");
}

TEST(FeederFile, WrongColumnsAndKeysAreRefused) {
  const std::string d = dir_of(feeder());
  EXPECT_THROW_MSG(load_feeder_file(feeder(kYaml, "bus,p_kw,q_kvar,kv\nsrc,0,0,1\n")), ScenarioError,
                   d + "buses.csv:1:17: kv: expected only the columns bus, p_kw, q_kvar, base_kv, lon, lat, x_m, y_m, "
                       "found a column \"kv\"");
  EXPECT_THROW_MSG(load_feeder_file(feeder(kYaml, kBuses, "from,to,r,x_ohm\nsrc,a,1,1\n")), ScenarioError,
                   d + "lines.csv:1:9: r: expected only the columns from, to, r_ohm, x_ohm, ampacity_a, found a column "
                       "\"r\"");
  EXPECT_THROW_MSG(load_feeder_file(feeder(kYaml, "bus,p_kw\nsrc,0\n")), ScenarioError,
                   d + "buses.csv:1:1: q_kvar: expected a column \"q_kvar\" in the header, found \"bus,p_kw\"");
  EXPECT_THROW_MSG(load_feeder_file(feeder(kYaml, "bus,p_kw,q_kvar,lon\nsrc,0,0,1\n")), ScenarioError,
                   d + "buses.csv:1:1: lat: expected a column \"lat\" in the header, found \"bus,p_kw,q_kvar,lon\"");
  EXPECT_THROW_MSG(load_feeder_file(feeder("feeder:\n  base_kv: 10\n  transformer_kva: 630\n  buses: buses.csv\n"
                                           "  lines: lines.csv\n  voltage: 3\n")),
                   ScenarioError,
                   d + "f.yaml:6:3: feeder.voltage: expected one of the keys name, base_kv, transformer_kva, source_pu, "
                       "source_bus, buses, lines, found unknown key \"voltage\"");
  EXPECT_THROW_MSG(load_feeder_file(feeder("feeder:\n  base_kv: 10\n  buses: buses.csv\n  lines: lines.csv\n")),
                   ScenarioError, d + "f.yaml:2:3: feeder: expected key \"transformer_kva\", found nothing");
  EXPECT_THROW_MSG(load_feeder_file(feeder("feeder:\n  transformer_kva: 630\n  buses: buses.csv\n  lines: lines.csv\n")),
                   ScenarioError,
                   d + "f.yaml:2:3: feeder: expected a key base_kv (or a base_kv column in the bus file), found no "
                       "base voltage");
  EXPECT_THROW_MSG(load_feeder_file(feeder("feeder:\n  base_kv: 10\n  transformer_kva: 630\n  buses: nothere.csv\n"
                                           "  lines: lines.csv\n")),
                   ScenarioError,
                   d + "f.yaml:4:10: feeder.buses: expected an existing file, found no such file \"" + d + "nothere.csv\"");
  EXPECT_THROW_MSG(load_feeder_file(fs::path(d) / "missing.yaml"), ScenarioError,
                   d + "missing.yaml: (file): expected a readable feeder file, found no such file");
}

}  // namespace
