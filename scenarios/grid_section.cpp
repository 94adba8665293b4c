// The `grid` section: feeders attached to the run (docs/scenario-format.md, "grid").
#include "scenarios/sections.hpp"

#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios {

GridSpec read_grid(const NodeRef& ref, const std::filesystem::path& scenario_file) {
  const MapReader map(ref, {"feeders"}, "a grid mapping");
  GridSpec grid;
  grid.mark = ref.mark();
  UniqueNames names("feeder");
  for (const NodeRef& item : read_list(map.need("feeders"), "a non-empty list of feeders", true)) {
    const MapReader f(item, {"name", "file", "background_profile"}, "a feeder mapping");
    FeederRefSpec spec;
    spec.name = names.read(f);
    if (spec.name.find(':') != std::string::npos) f.need("name").fail("a feeder name without ':'", quote(spec.name));
    const NodeRef file = f.need("file");
    spec.file = read_existing_file(file, scenario_file);
    spec.file_mark = file.mark();
    if (const auto profile = f.get("background_profile")) {
      spec.background_profile = read_existing_file(*profile, scenario_file);
      spec.profile_mark = profile->mark();
    }
    spec.mark = item.mark();
    grid.feeders.push_back(std::move(spec));
  }
  return grid;
}

}  // namespace evsim::scenarios
