// Tables and attributes written by ResultFile read back unchanged through ResultReader.
#include <gtest/gtest.h>
#include <unistd.h>

#include <bit>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>

#include <fmt/format.h>

#include "output/result_file.hpp"
#include "output/result_reader.hpp"
#include "tests/support/scratch_files.hpp"

namespace evsim::output {
namespace {

namespace fs = std::filesystem;
using evsim::test::error_of;

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Doubles compared bit for bit, so NaN, -0.0 and denormals count.
std::vector<std::uint64_t> bits(const Column& column) {
  std::vector<std::uint64_t> result;
  for (double value : std::get<std::vector<double>>(column.data)) result.push_back(std::bit_cast<std::uint64_t>(value));
  return result;
}

// One column of every type, with the awkward values of each.
Table every_type() {
  return Table{
      .columns = {
          Column{.name = "start_ms",
                 .units = "ms",
                 .description = "session start since the scenario epoch",
                 .data = std::vector<std::int64_t>{std::numeric_limits<std::int64_t>::min(), -1, 0,
                                                   std::numeric_limits<std::int64_t>::max(), 86'400'000}},
          Column{.name = "station",
                 .units = "1",
                 .data = std::vector<std::uint32_t>{0, 1, 7, 0xFFFF'FFFEU, 0xFFFF'FFFFU}},
          Column{.name = "energy_kwh",
                 .units = "kWh",
                 .description = "energy delivered",
                 .data = std::vector<double>{std::numeric_limits<double>::max(), -1.0, -std::numeric_limits<double>::max(), -0.0, std::numeric_limits<double>::denorm_min()}},
          Column{.name = "completed", .units = "1", .data = std::vector<std::uint8_t>{0, 1, 1, 0, 255}},
          Column{.name = "site",
                 .units = "1",
                 .data = std::vector<std::string>{"", "常州", "Zürich Hbf", "🔌 plug", std::string(10'000, 'x')}},
      }};
}

Table empty_of_every_type() {
  Table table = every_type();
  for (Column& column : table.columns) std::visit([](auto& values) { values.clear(); }, column.data);
  return table;
}

std::string file_bytes(const fs::path& path) {
  std::string bytes(fs::file_size(path), '\0');
  std::ifstream in(path, std::ios::binary);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return bytes;
}

class OutputRoundTrip : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() /
              ("evsim-output-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
    fs::create_directories(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }

  // Writes `table` as `group` into a finished file and returns the file's path.
  fs::path write(const std::string& group, const Table& table, const std::string& name = "run.h5") {
    const fs::path path = folder_ / name;
    ResultFile file = ResultFile::create(path);
    file.write_table(group, table);
    file.finish(RunStatus::complete);
    return path;
  }

  fs::path folder_;
};

TEST_F(OutputRoundTrip, EveryColumnTypeKeepsItsValues) {
  const fs::path path = write("/sessions", every_type());
  const Table read = read_table(path, "/sessions");
  ASSERT_EQ(read.columns.size(), 5U);
  const Table expected = every_type();
  for (std::size_t i = 0; i < expected.columns.size(); ++i) {
    const Column& column = read.columns[i];
    EXPECT_EQ(column.name, expected.columns[i].name);
    EXPECT_EQ(column.units, expected.columns[i].units);
    EXPECT_EQ(column.description, expected.columns[i].description);
    EXPECT_EQ(column.data.index(), expected.columns[i].data.index()) << column.name;
    if (column.name == "energy_kwh") {
      EXPECT_EQ(bits(column), bits(expected.columns[i]));
    } else {
      EXPECT_EQ(column, expected.columns[i]);
    }
  }
  EXPECT_TRUE(std::signbit(std::get<std::vector<double>>(read.column("energy_kwh").data)[3]));  // -0.0 kept
}

// No NaN or infinity ever reaches a result file: the writer refuses it loudly (an internal error,
// since every model value should be finite), and the file is not written.
TEST_F(OutputRoundTrip, NonFiniteValuesAreRefused) {
  for (const double bad : {kNaN, kInf, -kInf}) {
    const fs::path path = folder_ / "non_finite.h5";
    fs::remove(path);
    fs::remove(fs::path(path.string() + ".partial"));
    ResultFile file = ResultFile::create(path);
    Table t{.columns = {Column{.name = "energy_kwh", .units = "kWh", .data = std::vector<double>{1.0, bad}}}};
    EXPECT_EQ(error_of([&] { file.write_table("/sessions", t); }),
              fmt::format("{}.partial: /sessions: table column \"energy_kwh\" row 1 holds {}, which no result file may "
                          "hold",
                          path.string(), bad));
    EXPECT_EQ(error_of([&] { file.write_attribute("/kpi", "max_queue", bad); }),
              fmt::format("{}.partial: /kpi attribute max_queue is {}, which no result file may hold", path.string(), bad));
  }
}

TEST_F(OutputRoundTrip, GroupAttributesGiveRowsAndColumnOrder) {
  const fs::path path = write("/sessions", every_type());
  const ResultReader reader = ResultReader::open(path);
  EXPECT_EQ(std::get<std::uint64_t>(reader.read_attribute("/sessions", "rows")), 5U);
  EXPECT_EQ(reader.read_string_list_attribute("/sessions", "columns"),
            (std::vector<std::string>{"start_ms", "station", "energy_kwh", "completed", "site"}));
}

TEST_F(OutputRoundTrip, EveryDatasetHasUnitsAndDescriptionOnlyWhenGiven) {
  const fs::path path = write("/sessions", every_type());
  const ResultReader reader = ResultReader::open(path);
  for (const Column& column : every_type().columns) {
    const std::string dataset = "/sessions/" + column.name;
    EXPECT_EQ(std::get<std::string>(reader.read_attribute(dataset, "units")), column.units);
    EXPECT_EQ(reader.has_attribute(dataset, "description"), !column.description.empty()) << dataset;
  }
}

TEST_F(OutputRoundTrip, ZeroRowTablesWork) {
  const fs::path path = write("/sessions", empty_of_every_type());
  const ResultReader reader = ResultReader::open(path);
  EXPECT_EQ(reader.read_table("/sessions"), empty_of_every_type());
  EXPECT_EQ(std::get<std::uint64_t>(reader.read_attribute("/sessions", "rows")), 0U);
  const DatasetStorage storage = reader.storage("/sessions/energy_kwh");
  EXPECT_EQ(storage.chunk_rows, 0U);
  EXPECT_EQ(storage.deflate_level, -1);
}

TEST_F(OutputRoundTrip, TableWithoutColumnsWorks) {
  const fs::path path = write("/trips", Table{});
  EXPECT_EQ(read_table(path, "/trips"), Table{});
  EXPECT_EQ(ResultReader::open(path).read_string_list_attribute("/trips", "columns"), std::vector<std::string>{});
}

TEST_F(OutputRoundTrip, SmallTablesAreOneCompressedChunk) {
  const DatasetStorage storage = ResultReader::open(write("/sessions", every_type())).storage("/sessions/site");
  EXPECT_EQ(storage.chunk_rows, 5U);
  EXPECT_EQ(storage.deflate_level, 4);
  EXPECT_TRUE(storage.shuffle);
}

TEST_F(OutputRoundTrip, MillionRowTableSurvivesChunkingAndCompression) {
  constexpr std::size_t kRows = 1'000'000;
  std::vector<std::int64_t> time_ms(kRows);
  std::vector<double> power_kw(kRows);
  std::vector<std::uint32_t> station(kRows);
  for (std::size_t i = 0; i < kRows; ++i) {
    time_ms[i] = static_cast<std::int64_t>(i) * 60'000;
    power_kw[i] = 150.0 * std::sin(static_cast<double>(i) * 1e-3) + static_cast<double>(i % 7) * 1e-9;
    station[i] = static_cast<std::uint32_t>((i * 2'654'435'761U) % 5'000U);
  }
  const Table table{.columns = {Column{.name = "time_ms", .units = "ms", .data = time_ms},
                                Column{.name = "power_kw", .units = "kW", .data = power_kw},
                                Column{.name = "station", .units = "1", .data = station}}};
  const fs::path path = write("/stations/samples", table);

  const ResultReader reader = ResultReader::open(path);
  const Table read = reader.read_table("/stations/samples");
  EXPECT_TRUE(std::get<std::vector<std::int64_t>>(read.column("time_ms").data) == time_ms);
  EXPECT_TRUE(std::get<std::vector<double>>(read.column("power_kw").data) == power_kw);
  EXPECT_TRUE(std::get<std::vector<std::uint32_t>>(read.column("station").data) == station);
  const DatasetStorage storage = reader.storage("/stations/samples/power_kw");
  EXPECT_EQ(storage.chunk_rows, 65'536U);
  EXPECT_EQ(storage.deflate_level, 4);
  EXPECT_TRUE(storage.shuffle);
  // 20 MB raw; the regular time column alone compresses to almost nothing.
  EXPECT_LT(fs::file_size(path), 20'000'000U);
}

TEST_F(OutputRoundTrip, NestedGroupsAreCreated) {
  const fs::path path = folder_ / "run.h5";
  ResultFile file = ResultFile::create(path);
  file.write_table("/stations/samples", every_type());
  file.write_table("/stations", empty_of_every_type());
  file.write_table("/a/b/c/d", every_type());
  file.finish(RunStatus::complete);
  const ResultReader reader = ResultReader::open(path);
  EXPECT_EQ(reader.read_table("/stations").rows(), 0U);
  EXPECT_EQ(reader.read_table("/stations/samples").rows(), 5U);
  EXPECT_EQ(reader.read_table("/a/b/c/d").rows(), 5U);
  EXPECT_TRUE(reader.has_object("/a/b"));
  EXPECT_FALSE(reader.has_object("/a/x/c"));
}

TEST_F(OutputRoundTrip, AttributesOfEveryTypeRoundTripAndReplace) {
  const fs::path path = folder_ / "run.h5";
  ResultFile file = ResultFile::create(path);
  file.write_attribute("/kpi", "scenario", "depot 常州");
  file.write_attribute("/kpi", "sessions", std::int64_t{-12});
  file.write_attribute("/kpi", "vehicles", std::uint64_t{18'446'744'073'709'551'615ULL});
  file.write_attribute("/kpi", "mean_wait_s", 0.0);
  file.write_attribute("/kpi", "mean_wait_s", 41.5);
  file.write_attribute("/kpi", "max_queue", 1e308);
  file.write_table("/sessions", every_type());
  file.write_attribute("/sessions/site", "note", "attached to a dataset");
  file.finish(RunStatus::complete);

  const ResultReader reader = ResultReader::open(path);
  EXPECT_EQ(reader.read_attribute("/kpi", "scenario"), AttributeValue{"depot 常州"});
  EXPECT_EQ(reader.read_attribute("/kpi", "sessions"), AttributeValue{std::int64_t{-12}});
  EXPECT_EQ(reader.read_attribute("/kpi", "vehicles"), AttributeValue{std::uint64_t{18'446'744'073'709'551'615ULL}});
  EXPECT_EQ(reader.read_attribute("/kpi", "mean_wait_s"), AttributeValue{41.5});
  EXPECT_EQ(reader.read_attribute("/kpi", "max_queue"), AttributeValue{1e308});
  EXPECT_EQ(reader.read_attribute("/sessions/site", "note"), AttributeValue{"attached to a dataset"});
}

TEST_F(OutputRoundTrip, IdenticalInputGivesIdenticalFiles) {
  const RunMeta meta{.scenario_text = "seed: 42\n",
                     .scenario_file = "a.yaml",
                     .evsim_version = "0.1.0",
                     .seed = 42,
                     .replication = 0,
                     .start_wall_clock = "2025-03-01T14:05:09Z",
                     .command_line = "evsim run a.yaml"};
  const auto write_run = [&](const std::string& name) {
    ResultFile file = ResultFile::create(folder_ / name);
    file.write_meta(meta);
    file.write_table("/sessions", every_type());
    file.write_table("/stations/samples", every_type());
    file.write_table("/trips", empty_of_every_type());
    file.write_attribute("/kpi", "mean_wait_s", 41.5);
    file.finish(RunStatus::complete, "2025-03-01T15:00:00Z");
    return folder_ / name;
  };
  const fs::path a = write_run("a.h5");
  const fs::path b = write_run("b.h5");

  const Table table_a = read_table(a, "/sessions");
  const Table table_b = read_table(b, "/sessions");
  for (std::size_t i = 0; i < table_a.columns.size(); ++i) {
    if (table_a.columns[i].name == "energy_kwh") {
      EXPECT_EQ(bits(table_a.columns[i]), bits(table_b.columns[i]));
    } else {
      EXPECT_EQ(table_a.columns[i], table_b.columns[i]);
    }
  }
  const std::string bytes_a = file_bytes(a);
  EXPECT_GT(bytes_a.size(), 0U);
  EXPECT_TRUE(bytes_a == file_bytes(b)) << "files differ although written from identical input";
}

}  // namespace
}  // namespace evsim::output
