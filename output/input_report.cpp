#include "output/input_report.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "output/columns.hpp"

namespace evsim::output {
namespace road = models::road;

double dropped_share(const road::RoadLoadReport& r) {
  const double nodes = r.nodes_read > 0 ? static_cast<double>(r.nodes_dropped) / static_cast<double>(r.nodes_read) : 0.0;
  const double total_m = r.length_m + r.length_dropped_m;
  const double length = total_m > 0.0 ? r.length_dropped_m / total_m : 0.0;
  return std::max(nodes, length);
}

std::string to_text(const InputReport& in) {
  const road::RoadLoadReport& r = in.road;
  std::string out = fmt::format(
      "road network: {} nodes, {} edges, {:.1f} km kept; dropped outside the largest strongly connected part: {} of {} "
      "nodes read, {:.1f} km\n",
      r.nodes, r.edges, r.length_m / 1000.0, r.nodes_dropped, r.nodes_read, r.length_dropped_m / 1000.0);
  const double share = dropped_share(r);
  if (share > kDroppedShareWarning) {
    out += fmt::format(
        "warning: loading dropped {:.1f}% of the road network (more than {:.0f}%): check that the extract is not "
        "clipped and that one-way streets are complete\n",
        100.0 * share, 100.0 * kDroppedShareWarning);
  }
  const scenarios::files::SnapKindSummary all = in.snapping.total();
  out += fmt::format("points moved onto the road: {} (limit {:.0f} m)", all.count, in.max_snap_distance_m);
  if (all.count > 0) out += fmt::format(", mean {:.1f} m, max {:.1f} m", all.mean_m(), all.max_m);
  out += "\n";
  for (const scenarios::files::SnapKindSummary& k : in.snapping.kinds()) {
    out += fmt::format("  {:<17} {:>8}  mean {:7.1f} m  max {:7.1f} m", k.kind, k.count, k.mean_m(), k.max_m);
    if (k.nearest_dropped > 0) out += fmt::format("  ({} nearest to a dropped node)", k.nearest_dropped);
    out += "\n";
  }
  for (const scenarios::files::SnappedPoint& p : all.farthest) {
    out += fmt::format("  farthest: {}{} {:.1f} m at {}\n", p.kind, p.name.empty() ? "" : fmt::format(" \"{}\"", p.name),
                       p.distance_m, p.where);
  }
  if (!in.snapping.dropped_examples().empty()) {
    out += fmt::format("  {} point(s) lie nearer a dropped part of the network than the kept part, e.g.:\n",
                       all.nearest_dropped);
    for (const scenarios::files::SnappedPoint& p : in.snapping.dropped_examples()) {
      out += fmt::format("    {}{} at {} ({:.1f} m to its kept node)\n", p.kind,
                         p.name.empty() ? "" : fmt::format(" \"{}\"", p.name), p.where, p.distance_m);
    }
  }
  const scenarios::files::SkippedRows& skipped = in.station_rows_without_plugs;
  if (skipped.count > 0) {
    out += fmt::format("station rows skipped (no plugs): {}:", skipped.count);
    for (const std::string& e : skipped.examples) out += " " + e + ";";
    if (skipped.count > skipped.examples.size()) out += " ...";
    out += "\n";
  }
  return out;
}

void write_input_report(ResultFile& file, const InputReport& in) {
  std::vector<std::string> kind, name, where, far_kind;
  std::vector<std::uint32_t> count, dropped;
  std::vector<double> mean, max, distance;
  for (const scenarios::files::SnapKindSummary& k : in.snapping.kinds()) {
    kind.push_back(k.kind);
    count.push_back(static_cast<std::uint32_t>(k.count));
    mean.push_back(k.mean_m());
    max.push_back(k.max_m);
    dropped.push_back(static_cast<std::uint32_t>(k.nearest_dropped));
    for (const scenarios::files::SnappedPoint& p : k.farthest) {
      far_kind.push_back(p.kind);
      name.push_back(p.name);
      where.push_back(p.where);
      distance.push_back(p.distance_m);
    }
  }
  file.write_table("/input/snapping",
                   Table{{column("kind", "1", "what the points are", std::move(kind)),
                          column("count", "1", "points moved onto a road node", std::move(count)),
                          column("mean_m", "m", "mean straight-line distance moved", std::move(mean)),
                          column("max_m", "m", "largest distance moved", std::move(max)),
                          column("nearest_dropped", "1", "points whose nearest read node was dropped", std::move(dropped))}});
  file.write_table("/input/farthest",
                   Table{{column("kind", "1", "what the point is", std::move(far_kind)),
                          column("name", "1", "station or vehicle name (empty: none given)", std::move(name)),
                          column("where", "1", "file:line where it was written", std::move(where)),
                          column("distance_m", "m", "straight-line distance to its road node", std::move(distance))}});
  const road::RoadLoadReport& r = in.road;
  file.write_attribute("/input", "max_snap_distance_m", in.max_snap_distance_m);
  file.write_attribute("/input", "road_nodes_read", r.nodes_read);
  file.write_attribute("/input", "road_nodes_dropped", r.nodes_dropped);
  file.write_attribute("/input", "road_length_dropped_m", r.length_dropped_m);
  file.write_attribute("/input", "road_dropped_share", dropped_share(r));
  file.write_attribute("/input", "station_rows_without_plugs", in.station_rows_without_plugs.count);
}

void write_road_nodes(ResultFile& file, const road::RoadGraph& g, const std::vector<std::int64_t>& source_ids) {
  std::vector<double> x(g.node_count()), y(g.node_count());
  for (road::NodeId u = 0; u < g.node_count(); ++u) {
    x[u] = g.x_m(u);
    y[u] = g.y_m(u);
  }
  file.write_table("/road/nodes",
                   Table{{column("source_id", "1", "the node's id in the network file (CSV id, OSM node id)",
                                 std::vector<std::int64_t>(source_ids)),
                          column("x_m", "m", "position in the network's plane", std::move(x)),
                          column("y_m", "m", "position in the network's plane", std::move(y))}});
}

}  // namespace evsim::output
