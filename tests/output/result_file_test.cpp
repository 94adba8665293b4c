// ResultFile's life cycle: .partial naming, finish() and its status, /meta, and error messages.
#include "output/result_file.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <stdexcept>
#include <string>
#include <thread>

#include "output/result_reader.hpp"
#include "tests/support/child_process.hpp"

namespace evsim::output {
namespace {

namespace fs = std::filesystem;

template <typename Exception, typename Fn>
std::string message_of(Fn&& fn) {
  try {
    fn();
  } catch (const Exception& error) {
    return error.what();
  }
  return "no exception";
}

Table small_table() {
  return Table{.columns = {
                   Column{.name = "station", .units = "1", .data = std::vector<std::uint32_t>{0, 1}},
                   Column{.name = "energy_kwh", .units = "kWh", .data = std::vector<double>{12.5, 40.0}},
               }};
}

// Values that deflate cannot shrink much (a linear congruential sequence), so that the file is big.
Table incompressible_table(std::size_t rows) {
  std::vector<double> values(rows);
  std::uint64_t state = 12345;
  for (double& v : values) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    v = static_cast<double>(state >> 11);
  }
  return Table{.columns = {Column{.name = "x", .units = "1", .data = std::move(values)}}};
}

RunMeta example_meta() {
  return RunMeta{.scenario_text = "name: 常州 depot\nstations:\n  - power: 22kW\n",
                 .scenario_file = "scenarios/examples/depot.yaml",
                 .evsim_version = "0.1.0",
                 .seed = 18'446'744'073'709'551'557ULL,
                 .replication = 3,
                 .start_wall_clock = "2025-03-01T14:05:09Z",
                 .command_line = "evsim run scenarios/examples/depot.yaml --seed 42"};
}

class OutputResultFile : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = fs::temp_directory_path() /
              ("evsim-output-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(folder_);
    fs::create_directories(folder_);
  }
  void TearDown() override { fs::remove_all(folder_); }

  fs::path folder_;
};

TEST_F(OutputResultFile, WritesUnderThePartialNameUntilFinished) {
  const fs::path path = folder_ / "run.h5";
  ResultFile file = ResultFile::create(path);
  EXPECT_EQ(file.final_path(), path);
  EXPECT_EQ(file.partial_path(), folder_ / "run.h5.partial");
  file.write_table("/stations", small_table());
  EXPECT_TRUE(fs::exists(folder_ / "run.h5.partial"));
  EXPECT_FALSE(fs::exists(path));

  file.finish(RunStatus::complete);
  EXPECT_TRUE(file.finished());
  EXPECT_TRUE(fs::exists(path));
  EXPECT_FALSE(fs::exists(folder_ / "run.h5.partial"));
  EXPECT_EQ(read_table(path, "/stations"), small_table());
}

TEST_F(OutputResultFile, DestroyedWithoutFinishLeavesOnlyThePartialFile) {
  const fs::path path = folder_ / "run.h5";
  try {
    ResultFile file = ResultFile::create(path);
    file.write_meta(example_meta());
    file.write_table("/stations", small_table());
    throw std::runtime_error("model failed");
  } catch (const std::runtime_error&) {
  }
  EXPECT_FALSE(fs::exists(path));
  ASSERT_TRUE(fs::exists(folder_ / "run.h5.partial"));
  // What was written before the failure can still be read, and no status claims it finished.
  const ResultReader reader = ResultReader::open(folder_ / "run.h5.partial");
  EXPECT_EQ(reader.read_table("/stations"), small_table());
  const StoredRunMeta stored = reader.read_meta();
  EXPECT_EQ(stored.status, std::nullopt);
  EXPECT_EQ(stored.end_wall_clock, "");
}

TEST_F(OutputResultFile, RecordsCompleteAndInterruptedStatus) {
  for (const RunStatus status : {RunStatus::complete, RunStatus::interrupted}) {
    const fs::path path = folder_ / (std::string(to_string(status)) + ".h5");
    ResultFile file = ResultFile::create(path);
    file.write_meta(example_meta());
    file.finish(status);
    const StoredRunMeta stored = ResultReader::open(path).read_meta();
    EXPECT_EQ(stored.status, status);
    EXPECT_EQ(std::get<std::string>(read_attribute(path, "/meta", "status")), to_string(status));
  }
}

TEST_F(OutputResultFile, MetaRoundTrips) {
  const fs::path path = folder_ / "run.h5";
  ResultFile file = ResultFile::create(path);
  file.write_meta(example_meta());
  file.finish(RunStatus::complete);

  const ResultReader reader = ResultReader::open(path);
  const StoredRunMeta stored = reader.read_meta();
  EXPECT_EQ(stored.meta.scenario_text, example_meta().scenario_text);
  EXPECT_EQ(stored.meta.scenario_file, "scenarios/examples/depot.yaml");
  EXPECT_EQ(stored.meta.evsim_version, "0.1.0");
  EXPECT_EQ(stored.meta.seed, 18'446'744'073'709'551'557ULL);
  EXPECT_EQ(stored.meta.replication, 3U);
  EXPECT_EQ(stored.meta.start_wall_clock, "2025-03-01T14:05:09Z");
  EXPECT_EQ(stored.meta.command_line, "evsim run scenarios/examples/depot.yaml --seed 42");
  EXPECT_TRUE(std::regex_match(stored.end_wall_clock, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
      << stored.end_wall_clock;
  EXPECT_EQ(stored.status, RunStatus::complete);
  EXPECT_EQ(std::get<std::uint64_t>(reader.read_attribute("/meta", "format_version")), 2U);
  EXPECT_EQ(reader.read_text("/meta/scenario_text"), example_meta().scenario_text);
}

TEST_F(OutputResultFile, SimulatedUntilRoundTripsAndIsAbsentWhenNotGiven) {
  const fs::path with = folder_ / "with.h5";
  const fs::path without = folder_ / "without.h5";
  RunMeta meta = example_meta();
  meta.simulated_until_ms = 21'600'000;
  ResultFile a = ResultFile::create(with);
  a.write_meta(meta);
  a.finish(RunStatus::interrupted);
  ResultFile b = ResultFile::create(without);
  b.write_meta(example_meta());
  b.finish(RunStatus::complete);
  EXPECT_EQ(ResultReader::open(with).read_meta().meta.simulated_until_ms, 21'600'000);
  EXPECT_EQ(std::get<std::int64_t>(read_attribute(with, "/meta", "simulated_until_ms")), 21'600'000);
  EXPECT_EQ(ResultReader::open(without).read_meta().meta.simulated_until_ms, std::nullopt);
  EXPECT_FALSE(ResultReader::open(without).has_attribute("/meta", "simulated_until_ms"));
}

TEST_F(OutputResultFile, DiscardRemovesThePartialFileAndLeavesNoResult) {
  const fs::path path = folder_ / "run.h5";
  ResultFile file = ResultFile::create(path);
  file.write_meta(example_meta());
  file.write_table("/stations", small_table());
  ASSERT_TRUE(fs::exists(folder_ / "run.h5.partial"));
  file.discard();
  EXPECT_FALSE(fs::exists(folder_ / "run.h5.partial"));
  EXPECT_FALSE(fs::exists(path));
  EXPECT_EQ(message_of<OutputError>([&] { file.write_table("/trips", small_table()); }),
            (folder_ / "run.h5.partial").string() + ": cannot write a table: the result file was closed after an error");
}

// A write that fails at the end (the final flush; here a file-size limit, EFBIG, as on a full disk)
// throws with the system's reason, and the process still exits cleanly: HDF5 1.10 used to crash in
// its exit handler after a failed close (h5_handle.hpp).
TEST_F(OutputResultFile, FailedFinishThrowsTheReasonLeavesNoFileAndTheProcessExitsCleanly) {
  const fs::path path = folder_ / "run.h5";
  const Table big = incompressible_table(200'000);
  const evsim::test::ChildOutcome child = evsim::test::run_in_child(
      [&] {
        ResultFile file = ResultFile::create(path);
        std::string message = "no exception";
        try {
          file.write_meta(example_meta());
          file.write_table("/big", big);
          file.finish(RunStatus::complete);
        } catch (const OutputError& error) {
          message = error.what();
          file.discard();
        }
        return message;
      },
      64 * 1024);
  EXPECT_TRUE(child.exited) << "signal " << child.signal;
  EXPECT_EQ(child.exit_code, 0);
  EXPECT_THAT(child.text, ::testing::StartsWith((folder_ / "run.h5.partial").string() + ": "));
  EXPECT_THAT(child.text, ::testing::EndsWith("(HDF5: file write failed: File too large)"));
  EXPECT_FALSE(fs::exists(path));
  EXPECT_FALSE(fs::exists(folder_ / "run.h5.partial"));
}

TEST_F(OutputResultFile, DestroyedAfterAFailedWriteExitsCleanly) {
  // No discard(): the destructor closes (flush first, abandon on failure) and the process exits 0.
  const fs::path path = folder_ / "run.h5";
  const Table big = incompressible_table(200'000);
  const evsim::test::ChildOutcome child = evsim::test::run_in_child(
      [&] {
        try {
          ResultFile file = ResultFile::create(path);
          file.write_meta(example_meta());
          file.write_table("/big", big);
        } catch (const OutputError& error) {
          return std::string(error.what());
        }
        return std::string("destroyed");
      },
      64 * 1024);
  EXPECT_TRUE(child.exited) << "signal " << child.signal;
  EXPECT_EQ(child.exit_code, 0);
  EXPECT_FALSE(fs::exists(path));
}

TEST_F(OutputResultFile, FinishTakesAGivenEndTime) {
  const fs::path path = folder_ / "run.h5";
  ResultFile file = ResultFile::create(path);
  file.write_meta(example_meta());
  file.finish(RunStatus::interrupted, "2025-03-01T15:00:00Z");
  EXPECT_EQ(ResultReader::open(path).read_meta().end_wall_clock, "2025-03-01T15:00:00Z");
}

TEST_F(OutputResultFile, FinishReplacesAnOlderResult) {
  const fs::path path = folder_ / "run.h5";
  std::ofstream(path) << "old result";
  ResultFile file = ResultFile::create(path);
  file.write_table("/stations", small_table());
  file.finish(RunStatus::complete);
  EXPECT_EQ(read_table(path, "/stations"), small_table());
}

TEST_F(OutputResultFile, WritingAfterFinishThrows) {
  const fs::path path = folder_ / "run.h5";
  ResultFile file = ResultFile::create(path);
  file.finish(RunStatus::complete);
  EXPECT_EQ(message_of<OutputError>([&] { file.write_table("/stations", small_table()); }),
            path.string() + ": cannot write a table: the result file is already finished");
  EXPECT_EQ(message_of<OutputError>([&] { file.finish(RunStatus::complete); }),
            path.string() + ": cannot finish: the result file is already finished");
}

TEST_F(OutputResultFile, MetaIsWrittenOnce) {
  ResultFile file = ResultFile::create(folder_ / "run.h5");
  file.write_meta(example_meta());
  EXPECT_EQ(message_of<OutputError>([&] { file.write_meta(example_meta()); }),
            (folder_ / "run.h5.partial").string() + ": /meta: run metadata is already written");
}

TEST_F(OutputResultFile, MissingFolderGivesAClearError) {
  const fs::path missing = folder_ / "no-such-folder";
  EXPECT_EQ(message_of<OutputError>([&] { ResultFile::create(missing / "run.h5"); }),
            (missing / "run.h5.partial").string() + ": cannot create result file: folder \"" + missing.string() +
                "\" does not exist");
  EXPECT_FALSE(fs::exists(missing));
}

TEST_F(OutputResultFile, FileInPlaceOfTheFolderGivesAClearError) {
  const fs::path not_a_folder = folder_ / "notes.txt";
  std::ofstream(not_a_folder) << "text";
  EXPECT_EQ(message_of<OutputError>([&] { ResultFile::create(not_a_folder / "run.h5"); }),
            (not_a_folder / "run.h5.partial").string() + ": cannot create result file: \"" + not_a_folder.string() +
                "\" is not a folder");
}

TEST_F(OutputResultFile, FolderAtTheFinalPathGivesAClearError) {
  fs::create_directory(folder_ / "run.h5");
  EXPECT_EQ(message_of<OutputError>([&] { ResultFile::create(folder_ / "run.h5"); }),
            (folder_ / "run.h5.partial").string() + ": cannot create result file: \"" +
                (folder_ / "run.h5").string() + "\" is a folder");
}

TEST_F(OutputResultFile, UnwritableFileNamesTheFileAndHdf5sReason) {
  // A folder where the .partial file should go: HDF5 itself fails to create the file.
  fs::create_directory(folder_ / "run.h5.partial");
  const std::string message = message_of<OutputError>([&] { ResultFile::create(folder_ / "run.h5"); });
  EXPECT_THAT(message, ::testing::StartsWith((folder_ / "run.h5.partial").string() +
                                             ": cannot create result file (HDF5: "));
}

TEST_F(OutputResultFile, InvalidTableNamesTheFileAndGroup) {
  ResultFile file = ResultFile::create(folder_ / "run.h5");
  Table table = small_table();
  table.columns[1].units = "";
  EXPECT_EQ(message_of<std::logic_error>([&] { file.write_table("/stations", table); }),
            (folder_ / "run.h5.partial").string() +
                ": /stations: table column \"energy_kwh\" has empty units (use \"1\" for dimensionless values)");
}

TEST_F(OutputResultFile, InvalidObjectPathsAreRejected) {
  ResultFile file = ResultFile::create(folder_ / "run.h5");
  const std::string partial = (folder_ / "run.h5.partial").string();
  EXPECT_EQ(message_of<OutputError>([&] { file.write_table("stations", small_table()); }),
            partial + ": stations: invalid object path: it must start with '/'");
  EXPECT_EQ(message_of<OutputError>([&] { file.write_attribute("/kpi//x", "n", std::int64_t{1}); }),
            partial + ": /kpi//x: invalid object path: empty, \".\" or \"..\" component");
}

TEST_F(OutputResultFile, ATableIsWrittenOncePerGroup) {
  ResultFile file = ResultFile::create(folder_ / "run.h5");
  file.write_table("/stations", small_table());
  EXPECT_EQ(message_of<OutputError>([&] { file.write_table("/stations", small_table()); }),
            (folder_ / "run.h5.partial").string() + ": /stations: the group already holds a table");
}

TEST_F(OutputResultFile, Hdf5FailuresThrowWithoutPrintingHdf5sErrorStack) {
  ResultFile file = ResultFile::create(folder_ / "run.h5");
  file.write_table("/stations/samples", small_table());
  Table clashing{.columns = {Column{.name = "samples", .units = "1", .data = std::vector<std::uint8_t>{1}}}};
  ::testing::internal::CaptureStderr();
  const std::string message = message_of<OutputError>([&] { file.write_table("/stations", clashing); });
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  EXPECT_THAT(message, ::testing::StartsWith((folder_ / "run.h5.partial").string() +
                                             ": /stations/samples: cannot create dataset (HDF5: "));
}

TEST_F(OutputResultFile, ReaderNamesMissingFilesAndObjects) {
  EXPECT_EQ(message_of<OutputError>([&] { ResultReader::open(folder_ / "none.h5"); }),
            (folder_ / "none.h5").string() + ": cannot open result file: no such file");
  ResultFile file = ResultFile::create(folder_ / "run.h5");
  file.finish(RunStatus::complete);
  EXPECT_EQ(message_of<OutputError>([&] { read_table(folder_ / "run.h5", "/stations/samples"); }),
            (folder_ / "run.h5").string() + ": /stations/samples: no such object");
  EXPECT_EQ(message_of<OutputError>([&] { read_attribute(folder_ / "run.h5", "/meta", "seed"); }),
            (folder_ / "run.h5").string() + ": /meta: no attribute \"seed\"");
}

TEST_F(OutputResultFile, FilesCanBeWrittenFromSeveralThreads) {
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([this, i] {
      ResultFile file = ResultFile::create(folder_ / ("run" + std::to_string(i) + ".h5"));
      for (int j = 0; j < 20; ++j) file.write_table("/t" + std::to_string(j), small_table());
      file.finish(RunStatus::complete);
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(read_table(folder_ / ("run" + std::to_string(i) + ".h5"), "/t19"), small_table());
  }
}

TEST(OutputRunMeta, StatusNamesRoundTrip) {
  EXPECT_EQ(to_string(RunStatus::complete), "complete");
  EXPECT_EQ(to_string(RunStatus::interrupted), "interrupted");
  EXPECT_EQ(parse_run_status("interrupted"), RunStatus::interrupted);
  EXPECT_EQ(parse_run_status("running"), std::nullopt);
}

TEST(OutputRunMeta, WallClockIsIso8601Utc) {
  EXPECT_TRUE(std::regex_match(utc_now_iso8601(), std::regex(R"(20\d\d-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
}

}  // namespace
}  // namespace evsim::output
