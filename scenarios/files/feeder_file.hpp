#pragma once
// The feeder file format (docs/feeder-format.md): a YAML file with one `feeder:` mapping that
// names a bus CSV and a line CSV, read into a checked models::grid::Feeder.
//
//   feeder:
//     name: ieee33            # optional; default: the file's stem
//     base_kv: 12.66          # kV line to line, for buses without a base_kv value of their own
//     transformer_kva: 5000   # the source transformer's rating
//     source_pu: 1.0          # optional (the model's default, 1.0)
//     source_bus: "1"         # optional; default: the first bus of the bus file
//     buses: buses.csv        # bus,p_kw,q_kvar [,base_kv] [,lon,lat | ,x_m,y_m]
//     lines: lines.csv        # from,to,r_ohm,x_ohm [,ampacity_a]
//
// Paths are taken from the YAML file's folder. Columns other than those listed are errors. Every
// problem (YAML, CSV, or the feeder itself: a loop, a bus without a path to the source, a negative
// impedance or rating, a value beyond the plausibility limits of models/grid/feeder.hpp, an unknown
// bus, a duplicate bus) throws ScenarioError at the file, line and column it comes from, with the
// key or column name.
#include <filesystem>

#include "models/grid/feeder.hpp"

namespace evsim::scenarios::files {

struct FeederFile {
  models::grid::Feeder feeder;
  std::filesystem::path buses_file;
  std::filesystem::path lines_file;
};

FeederFile load_feeder_file(const std::filesystem::path& file);

}  // namespace evsim::scenarios::files
