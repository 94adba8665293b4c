#pragma once
// What putting points on the road network did: for each kind of point (station, depot, home, trip
// origin, ...) how many were moved onto a road node, the mean and largest distance moved, the few
// moved farthest (by name and file:line), and those whose nearest read node lay in a part of the
// network that loading dropped (outside the largest strongly connected component).
//
// Points given as a road node id are not moved and not counted here, unless the same source gives
// coordinates too; then the distance between the two is counted. Distances are straight-line metres
// in the network's plane.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace evsim::scenarios::files {


struct SnappedPoint {
  std::string kind{};   // "station", "depot", "home", "trip origin", ...
  std::string name{};   // station or vehicle name; empty when the source gives none
  std::string where{};  // "file:line" (and the key path for scenario keys)
  double distance_m = 0.0;
};

struct SnapKindSummary {
  std::string kind{};
  std::uint64_t count = 0;
  double sum_m = 0.0;
  double max_m = 0.0;
  std::uint64_t nearest_dropped = 0;  // nearest read node was in a dropped part of the network
  std::vector<SnappedPoint> farthest{};  // at most SnapLog::kFarthestKept, farthest first

  double mean_m() const { return count == 0 ? 0.0 : sum_m / static_cast<double>(count); }
};

class SnapLog {
 public:
  static constexpr std::size_t kFarthestKept = 5;
  static constexpr std::size_t kDroppedExamplesKept = 10;

  // `describe()` returns the SnappedPoint (kind, name, where; distance is set here); it is called
  // only when the point is kept as one of the farthest or as a dropped-part example, so callers can
  // log millions of points without building strings for each.
  template <class Describe>
  void add(std::string_view kind, double distance_m, bool nearest_dropped, Describe&& describe) {
    SnapKindSummary& k = summary_of(kind);
    ++k.count;
    k.sum_m += distance_m;
    if (distance_m > k.max_m) k.max_m = distance_m;
    const bool keep_far = k.farthest.size() < kFarthestKept || distance_m > k.farthest.back().distance_m;
    const bool keep_dropped = nearest_dropped && dropped_examples_.size() < kDroppedExamplesKept;
    if (nearest_dropped) ++k.nearest_dropped;
    if (!keep_far && !keep_dropped) return;
    SnappedPoint p = describe();
    p.distance_m = distance_m;
    if (keep_dropped) dropped_examples_.push_back(p);
    if (keep_far) insert_farthest(k, std::move(p));
  }

  const std::vector<SnapKindSummary>& kinds() const { return kinds_; }
  // Every kind together: counts and sums added, the farthest of all kinds.
  SnapKindSummary total() const;
  // The first points (in the order they were located) whose nearest read node was dropped.
  const std::vector<SnappedPoint>& dropped_examples() const { return dropped_examples_; }

 private:
  SnapKindSummary& summary_of(std::string_view kind);
  static void insert_farthest(SnapKindSummary& k, SnappedPoint p);

  std::vector<SnapKindSummary> kinds_;  // in order of first appearance
  std::vector<SnappedPoint> dropped_examples_;
};

}  // namespace evsim::scenarios::files
