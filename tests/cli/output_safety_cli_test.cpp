// What `evsim` does with the paths it writes (run -o, coverage -o, place --sites): never over an
// existing file without --force, never over an input of the run, never to something that is not a
// regular file; a failed write (full disk, file-size limit) is exit 1 with the reason, no signal
// death and no file at the final name.
#include <gtest/gtest.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "output/result_reader.hpp"
#include "tests/cli/run_evsim.hpp"

namespace {

namespace fs = std::filesystem;

using evsim::test::data;
using evsim::test::demo;
using evsim::test::file_bytes;
using evsim::test::fresh_result_path;
using evsim::test::result_path;
using evsim::test::run_evsim;

std::string demo_copy_folder() { return std::string(EVSIM_SOURCE_DIR) + "/scenarios/examples"; }

TEST(CliOutputSafety, ExistingResultIsRefusedWithoutForceAndKeptByteForByte) {
  const std::string out = fresh_result_path("safety-existing.h5");
  { std::ofstream(out) << "an older result the user keeps\n"; }
  const std::string before = file_bytes(out);
  const auto r = run_evsim("run " + demo() + " -o " + out, "safety-existing");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "error: (command line): -o: expected a file name that is not taken, or --force to replace the file, "
                   "found \"" + out + "\" (an existing file)\n");
  EXPECT_EQ(file_bytes(out), before);
  EXPECT_FALSE(fs::exists(out + ".partial"));
}

TEST(CliOutputSafety, ForceReplacesAnExistingResult) {
  const std::string out = fresh_result_path("safety-force.h5");
  { std::ofstream(out) << "old\n"; }
  const auto r = run_evsim("run " + demo() + " -o " + out + " --force --json", "safety-force");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_EQ(std::get<std::string>(evsim::output::read_attribute(out, "/meta", "status")), "complete");
}

TEST(CliOutputSafety, TheScenarioItselfIsNeverOverwrittenEvenWithForce) {
  // Spelled through "..", so only a comparison of the files themselves catches it.
  const std::string scenario = demo();
  const std::string before = file_bytes(scenario);
  const std::string roundabout = std::string(EVSIM_SOURCE_DIR) + "/scenarios/../scenarios/examples/demo.yaml";
  const auto r = run_evsim("run " + scenario + " -o " + roundabout + " --force", "safety-scenario");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "error: (command line): -o: expected a file that is not one of the run's inputs; choose another "
                   "name (--force does not allow this), found \"" + roundabout + "\" (the scenario file)\n");
  EXPECT_EQ(file_bytes(scenario), before);
}

TEST(CliOutputSafety, AFileTheScenarioReadsIsNeverOverwrittenEvenWithForce) {
  const std::string scenario = demo_copy_folder() + "/small_town.yaml";
  const std::string jobs = demo_copy_folder() + "/small_town/./jobs.csv";
  const std::string before = file_bytes(jobs);
  const auto r = run_evsim("run " + scenario + " -o " + jobs + " --force", "safety-input");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "error: (command line): -o: expected a file that is not one of the run's inputs; choose another "
                   "name (--force does not allow this), found \"" + jobs + "\" (the file named by places.work.file)\n");
  EXPECT_EQ(file_bytes(jobs), before);
  // A station file (refused before the network is built, so this costs no simulation).
  const std::string stations = demo_copy_folder() + "/ring_radial_city/stations.csv";
  const std::string stations_before = file_bytes(stations);
  const auto st = run_evsim("run " + demo_copy_folder() + "/ring_radial_city.yaml -o " + stations + " --force",
                            "safety-station-file");
  EXPECT_EQ(st.exit_code, 2);
  EXPECT_EQ(st.out, "error: (command line): -o: expected a file that is not one of the run's inputs; choose another "
                    "name (--force does not allow this), found \"" + stations +
                        "\" (the file named by station_files[0].file)\n");
  EXPECT_EQ(file_bytes(stations), stations_before);
  // The same through a symbolic link, and for the trip file with `coverage -o`.
  const std::string link = fresh_result_path("safety-trips-link.csv");
  fs::create_symlink(demo_copy_folder() + "/small_town/trips.csv", link);
  const auto c = run_evsim("coverage " + scenario + " -o " + link + " --force", "safety-input-link");
  EXPECT_EQ(c.exit_code, 2);
  EXPECT_NE(c.out.find("(the file named by fleet[3].file)"), std::string::npos) << c.out;
}

TEST(CliOutputSafety, FoldersDevicesAndMissingFoldersAreRefused) {
  const std::string folder = result_path("safety-folder");
  fs::create_directories(folder);
  const auto dir = run_evsim("run " + demo() + " -o " + folder + " --force", "safety-dir");
  EXPECT_EQ(dir.exit_code, 2);
  EXPECT_EQ(dir.out, "error: (command line): -o: expected a regular file (results are never written to folders, "
                     "devices or pipes), found \"" + folder + "\" (a folder)\n");
  const auto slash = run_evsim("run " + demo() + " -o " + folder + "/", "safety-slash");
  EXPECT_EQ(slash.exit_code, 2);
  EXPECT_EQ(slash.out, "error: (command line): -o: expected a file name, not a folder, found \"" + folder +
                           "/\" (ends in a path separator)\n");
  const auto null = run_evsim("run " + demo() + " -o /dev/null --force", "safety-null");
  EXPECT_EQ(null.exit_code, 2);
  EXPECT_EQ(null.out, "error: (command line): -o: expected a regular file (results are never written to folders, "
                      "devices or pipes), found \"/dev/null\" (a character device)\n");
  const std::string fifo = fresh_result_path("safety.fifo");
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  const auto pipe = run_evsim("coverage " + demo() + " -o " + fifo + " --force", "safety-fifo");
  EXPECT_EQ(pipe.exit_code, 2);
  EXPECT_NE(pipe.out.find("(a FIFO)"), std::string::npos) << pipe.out;
  const auto missing = run_evsim("place " + demo() + " --sites /nonexistent-folder/s.csv", "safety-missing");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.out, "error: (command line): --sites: expected a file in an existing folder, found "
                         "\"/nonexistent-folder/s.csv\" (folder \"/nonexistent-folder\" does not exist)\n");
}

TEST(CliOutputSafety, PlaceRefusesAnExistingSitesFileAndItsCandidatesFile) {
  const std::string sites = fresh_result_path("safety-sites.csv");
  { std::ofstream(sites) << "name,x_m,y_m\n"; }
  const std::string before = file_bytes(sites);
  const auto r = run_evsim("place " + demo() + " --sites " + sites, "safety-sites");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "error: (command line): --sites: expected a file name that is not taken, or --force to replace the "
                   "file, found \"" + sites + "\" (an existing file)\n");
  EXPECT_EQ(file_bytes(sites), before);
  const auto candidates = run_evsim("place " + demo() + " --candidates " + sites + " --sites " + sites + " --force",
                                    "safety-candidates");
  EXPECT_EQ(candidates.exit_code, 2);
  EXPECT_NE(candidates.out.find("(the file named by --candidates)"), std::string::npos) << candidates.out;
  EXPECT_EQ(file_bytes(sites), before);
  const auto forced = run_evsim("place " + demo() + " --sites " + sites + " --force", "safety-sites-force");
  EXPECT_EQ(forced.exit_code, 0) << forced.out;
  EXPECT_EQ(file_bytes(sites).rfind("name,x_m,y_m,node,dc_plugs", 0), 0u);
}

// Default names carry the plan, so that two plans do not overwrite each other.
TEST(CliOutputSafety, DefaultNamesCarryThePlan) {
  const fs::path folder = result_path("safety-default-names");
  fs::remove_all(folder);
  fs::create_directories(folder);
  const std::string scenario = data("plan_town.yaml");
  const std::string in_folder = "env --chdir=" + folder.string();
  ASSERT_EQ(run_evsim("run " + scenario, "safety-default-base", in_folder).exit_code, 0);
  ASSERT_EQ(run_evsim("run " + scenario + " --plan two-more", "safety-default-plan", in_folder).exit_code, 0);
  EXPECT_TRUE(fs::exists(folder / "plan_town.h5"));
  EXPECT_TRUE(fs::exists(folder / "plan_town-two-more.h5"));
  ASSERT_EQ(run_evsim("place " + scenario + " --target 0.5", "safety-default-sites", in_folder).exit_code, 0);
  ASSERT_EQ(run_evsim("place " + scenario + " --target 0.5 --plan two-more", "safety-default-sites-plan", in_folder)
                .exit_code,
            0);
  EXPECT_TRUE(fs::exists(folder / "plan_town-sites.csv"));
  EXPECT_TRUE(fs::exists(folder / "plan_town-two-more-sites.csv"));
  // A second run onto the default name needs --force.
  const auto again = run_evsim("run " + scenario, "safety-default-again", in_folder);
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_EQ(again.out, "error: (command line): -o: expected a file name that is not taken, or --force to replace the "
                       "file, found \"plan_town.h5\" (an existing file)\n");
}

// A full disk: a 64 KiB tmpfs (the demo's result needs about 370 KB). Mounting needs root, as in CI;
// where it is not permitted the same failure is made with a file-size limit (EFBIG), so the test
// never skips.
class SmallDisk {
 public:
  SmallDisk() : folder_(result_path("safety-small-disk")) {
    ::umount2(folder_.c_str(), MNT_DETACH);
    fs::remove_all(folder_);
    fs::create_directories(folder_);
    mounted_ = ::mount("tmpfs", folder_.c_str(), "tmpfs", 0, "size=64k") == 0;
  }
  ~SmallDisk() {
    if (mounted_) ::umount2(folder_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }
  std::string path(const std::string& name) const { return folder_ + "/" + name; }

 private:
  std::string folder_;
  bool mounted_ = false;
};

TEST(CliOutputSafety, FullDiskIsExitOneWithTheReasonAndNoFile) {
  const SmallDisk disk;
  const std::string out = disk.path("full.h5");
  const std::string prefix = disk.mounted() ? "" : "prlimit --fsize=65536";
  const std::string reason = disk.mounted() ? "No space left on device" : "File too large";
  if (!disk.mounted()) std::cout << "tmpfs mount not permitted here: using a 64 KiB file-size limit instead\n";
  const auto r = run_evsim("run " + demo() + " -o " + out, "safety-full-disk", prefix);
  EXPECT_EQ(r.signal, 0) << "ended by signal " << r.signal;
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_EQ(r.stderr_text, "error: writing " + out + ": " + out + ".partial: cannot finish the result file (HDF5: file "
                           "write failed: " + reason + ")\n(" + out + ".partial removed; no result file written)\n");
  EXPECT_EQ(r.stdout_text, "");  // no summary claims a result
  EXPECT_FALSE(fs::exists(out));
  EXPECT_FALSE(fs::exists(out + ".partial"));
}

TEST(CliOutputSafety, FileSizeLimitIsExitOneNotDeathBySigxfsz) {
  // Without evsim ignoring SIGXFSZ, the first write past the limit would kill it.
  const std::string out = fresh_result_path("safety-fsize.h5");
  const auto r = run_evsim("run " + demo() + " -o " + out, "safety-fsize", "prlimit --fsize=65536");
  EXPECT_EQ(r.signal, 0) << "ended by signal " << r.signal;
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_EQ(r.stderr_text, "error: writing " + out + ": " + out + ".partial: cannot finish the result file (HDF5: file "
                           "write failed: File too large)\n(" + out + ".partial removed; no result file written)\n");
  EXPECT_FALSE(fs::exists(out));
  EXPECT_FALSE(fs::exists(out + ".partial"));
  // coverage -o and place --sites the same way. The limit holds for stderr's file too, so it stays
  // above the message's length; the demo's sites CSV is 748 bytes.
  const std::string cov = fresh_result_path("safety-fsize-coverage.h5");
  const auto c = run_evsim("coverage " + demo() + " -o " + cov, "safety-fsize-coverage", "prlimit --fsize=4096");
  EXPECT_EQ(c.signal, 0);
  EXPECT_EQ(c.exit_code, 1) << c.out;
  EXPECT_NE(c.stderr_text.find("File too large"), std::string::npos) << c.stderr_text;
  EXPECT_FALSE(fs::exists(cov));
  EXPECT_FALSE(fs::exists(cov + ".partial"));
  const std::string sites = fresh_result_path("safety-fsize-sites.csv");
  const auto p = run_evsim("place " + demo() + " --sites " + sites, "safety-fsize-sites", "prlimit --fsize=400");
  EXPECT_EQ(p.signal, 0);
  EXPECT_EQ(p.exit_code, 1) << p.out;
  EXPECT_EQ(p.stderr_text, "error: writing " + sites + ": " + sites + ".partial: cannot write: File too large\n"
                           "(no sites file written)\n");
  EXPECT_FALSE(fs::exists(sites));
  EXPECT_FALSE(fs::exists(sites + ".partial"));
}

TEST(CliOutputSafety, AFullStandardOutputIsAFailedWrite) {
  const auto r = run_evsim("validate " + demo() + " >/dev/full", "safety-dev-full");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.stderr_text, "error: cannot write to standard output\n");
}

TEST(CliOutputSafety, CoverageRadiusAlsoMovesAnUnsetCatchment) {
  // The demo sets no coverage section: the catchment follows the radius in use.
  const std::string out = fresh_result_path("safety-catchment.h5");
  ASSERT_EQ(run_evsim("coverage " + demo() + " --radius 600m -o " + out, "safety-catchment").exit_code, 0);
  EXPECT_EQ(std::get<double>(evsim::output::read_attribute(out, "/coverage", "radius_m")), 600.0);
  EXPECT_EQ(std::get<double>(evsim::output::read_attribute(out, "/coverage", "catchment_m")), 600.0);
}

}  // namespace
