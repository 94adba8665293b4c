// Writes the sample result file that check_h5py.py and h5dump_smoke.py inspect with tools outside
// evsim. Usage: evsim_output_sample_writer <final path>. Keep the values in step with check_h5py.py.
#include <cstdio>
#include <exception>
#include <limits>

#include "output/result_file.hpp"

int main(int argc, char** argv) {
  using namespace evsim::output;
  if (argc != 2) {
    std::fputs("usage: evsim_output_sample_writer <result.h5>\n", stderr);
    return 2;
  }
  try {
    ResultFile file = ResultFile::create(argv[1]);
    file.write_meta(RunMeta{.scenario_text = "name: 常州 depot\nseed: 42\n",
                            .scenario_file = "depot.yaml",
                            .evsim_version = "0.1.0",
                            .seed = 42,
                            .replication = 2,
                            .start_wall_clock = "2025-03-01T14:05:09Z",
                            .command_line = "evsim run depot.yaml"});
    const double lowest = std::numeric_limits<double>::max();
    file.write_table(
        "/sessions",
        Table{.columns = {
                  Column{.name = "start_ms", .units = "ms", .data = std::vector<std::int64_t>{0, 60'000, -5}},
                  Column{.name = "station",
                         .units = "1",
                         .description = "station id",
                         .data = std::vector<std::uint32_t>{0, 4'294'967'295U, 7}},
                  Column{.name = "energy_kwh",
                         .units = "kWh",
                         .data = std::vector<double>{12.5, -0.0, -lowest}},
                  Column{.name = "completed", .units = "1", .data = std::vector<std::uint8_t>{1, 0, 1}},
                  Column{.name = "site", .units = "1", .data = std::vector<std::string>{"常州", "", "Zürich"}},
              }});
    file.write_table("/trips", Table{.columns = {Column{.name = "distance_m",
                                                         .units = "m",
                                                         .data = std::vector<double>{}}}});
    file.write_table("/stations/samples",
                     Table{.columns = {Column{.name = "power_kw",
                                              .units = "kW",
                                              .data = std::vector<double>(100'000, 22.0)}}});
    file.write_attribute("/kpi", "mean_wait_s", 41.5);
    file.write_attribute("/kpi", "sessions", std::uint64_t{3});
    file.finish(RunStatus::complete);
  } catch (const std::exception& error) {
    std::fprintf(stderr, "evsim_output_sample_writer: %s\n", error.what());
    return 1;
  }
  return 0;
}
