// End-to-end: the Shenzhen example reads GCJ-02 stations onto OpenStreetMap roads, and the same
// list misread as WGS-84 sits farther from the streets; `evsim place --crs` is checked like any
// other option.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <numeric>
#include <sstream>
#include <string>

#include "output/result_reader.hpp"
#include "tests/cli/run_evsim.hpp"

namespace {

namespace fs = std::filesystem;
using evsim::test::demo;
using evsim::test::result_path;
using evsim::test::run_evsim;

const fs::path kShared = fs::path(EVSIM_SOURCE_DIR) / ".." / "shared";
const fs::path kExample = fs::path(EVSIM_SOURCE_DIR) / "scenarios" / "examples" / "shenzhen_futian.yaml";

std::string read_text(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
  for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) text.replace(at, from.size(), to);
}

struct StationReading {
  std::vector<std::string> name;
  std::vector<std::uint32_t> node;
  std::vector<std::string> source_crs;
  std::vector<double> snap_m;
  std::uint64_t left_out = 0;
  std::uint64_t without_plugs = 0;
};

StationReading coverage_of(const fs::path& scenario, const std::string& tag) {
  const std::string out = result_path(tag + ".h5");
  fs::remove(out);  // from an earlier run of the suite: -o never overwrites
  const auto r = run_evsim("coverage " + scenario.string() + " -o " + out, tag);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  const auto stations = evsim::output::read_table(out, "/coverage/plan/base/stations");
  return {.name = std::get<std::vector<std::string>>(stations.column("name").data),
          .node = std::get<std::vector<std::uint32_t>>(stations.column("node").data),
          .source_crs = std::get<std::vector<std::string>>(stations.column("source_crs").data),
          .snap_m = std::get<std::vector<double>>(stations.column("snap_m").data),
          .left_out = std::get<std::uint64_t>(evsim::output::read_attribute(out, "/coverage", "station_rows_left_out")),
          .without_plugs =
              std::get<std::uint64_t>(evsim::output::read_attribute(out, "/coverage", "station_rows_without_plugs"))};
}

double mean(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size()); }

TEST(DatumCli, ShenzhenStationsReadAsGcj02SitCloserToTheStreetsThanMisreadAsWgs84) {
  const fs::path stations_csv = kShared / "data" / "stations" / "shenzhen_stations.csv";
  if (!fs::exists(kShared / "data" / "osm" / "shenzhen_futian_nanshan_drive.osm.gz") || !fs::exists(stations_csv)) {
    GTEST_SKIP() << "no shared Shenzhen data beside the clone";
  }
  std::size_t rows = 0;
  {
    std::ifstream in(stations_csv);
    for (std::string line; std::getline(in, line);) rows += line.empty() ? 0 : 1;
    --rows;  // the header
  }
  const StationReading gcj = coverage_of(kExample, "shenzhen-gcj02");
  ASSERT_FALSE(gcj.snap_m.empty());
  // Every row is placed, left out or skipped for having no plugs: nothing is lost silently.
  EXPECT_EQ(gcj.snap_m.size() + gcj.left_out + gcj.without_plugs, rows);
  EXPECT_TRUE(std::all_of(gcj.source_crs.begin(), gcj.source_crs.end(), [](const auto& c) { return c == "gcj02"; }));
  EXPECT_LE(*std::max_element(gcj.snap_m.begin(), gcj.snap_m.end()), 300.0);  // keep_within: 300m

  // The same scenario with the file misread as WGS-84 (and the shared folder named absolutely).
  std::string text = read_text(kExample);
  ASSERT_NE(text.find("crs: gcj02"), std::string::npos);
  replace_all(text, "crs: gcj02", "crs: wgs84");
  replace_all(text, "../../../shared", fs::absolute(kShared).string());
  const fs::path misread = result_path("shenzhen_misread.yaml");
  std::ofstream(misread) << text;
  const StationReading wgs = coverage_of(misread, "shenzhen-misread");
  ASSERT_FALSE(wgs.snap_m.empty());
  EXPECT_EQ(wgs.snap_m.size() + wgs.left_out + wgs.without_plugs, rows);
  EXPECT_TRUE(std::all_of(wgs.source_crs.begin(), wgs.source_crs.end(), [](const auto& c) { return c == "wgs84"; }));
  // Stations are built beside streets: read in their own datum they lie nearer to road nodes.
  EXPECT_LT(mean(gcj.snap_m), mean(wgs.snap_m));
  // About 600 m apart, blocks of 200-400 m: a station placed both ways is (almost) never on the
  // same node (the same network, so node ids compare).
  std::map<std::string, std::uint32_t> gcj_node;
  for (std::size_t i = 0; i < gcj.name.size(); ++i) gcj_node[gcj.name[i]] = gcj.node[i];
  std::size_t both = 0;
  std::size_t same = 0;
  for (std::size_t i = 0; i < wgs.name.size(); ++i) {
    const auto it = gcj_node.find(wgs.name[i]);
    if (it == gcj_node.end()) continue;
    ++both;
    same += it->second == wgs.node[i] ? 1 : 0;
  }
  EXPECT_GT(both, 100u);
  EXPECT_LT(same * 20, both);  // under 5%
}

TEST(DatumCli, PlaceRejectsAnUnknownCandidateDatum) {
  const auto r = run_evsim("place " + demo() + " --crs WGS-84", "place-crs");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "error: (command line): --crs: expected wgs84, gcj02 or bd09, found \"WGS-84\"\n");
}

}  // namespace
