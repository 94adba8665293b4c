#pragma once
// Helpers shared by the road loader tests: a scratch folder per test, and edge lookup by the
// source's node ids.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "models/road/road_network.hpp"
#include "tests/support/scratch_files.hpp"

namespace evsim::models::road::testing {

inline const std::filesystem::path kRoadData = std::filesystem::path(EVSIM_SOURCE_DIR) / "tests/models/road/data";
inline const std::filesystem::path kSharedOsm = std::filesystem::path(EVSIM_SHARED_DIR) / "data/osm";

// An empty folder named after the running test, under the system's temporary folder.
inline std::filesystem::path scratch_dir() { return evsim::test::scratch_dir("evsim_road_"); }

using evsim::test::write_file;

// The node whose source id is `id`, if kept.
inline std::optional<NodeId> node_of(const RoadNetwork& net, std::int64_t id) {
  for (NodeId u = 0; u < net.source_ids.size(); ++u) {
    if (net.source_ids[u] == id) return u;
  }
  return std::nullopt;
}

// The edge from -> to (source ids), if there is one.
inline std::optional<EdgeId> edge_of(const RoadNetwork& net, std::int64_t from, std::int64_t to) {
  const auto u = node_of(net, from);
  const auto v = node_of(net, to);
  if (!u || !v) return std::nullopt;
  for (EdgeId e = net.graph.out_begin(*u); e < net.graph.out_end(*u); ++e) {
    if (net.graph.target(e) == *v) return e;
  }
  return std::nullopt;
}

using evsim::test::error_of;

}  // namespace evsim::models::road::testing
