#include "scenarios/files/snap_log.hpp"

#include <algorithm>
#include <utility>

namespace evsim::scenarios::files {

SnapKindSummary& SnapLog::summary_of(std::string_view kind) {
  for (SnapKindSummary& k : kinds_) {
    if (k.kind == kind) return k;
  }
  kinds_.push_back(SnapKindSummary{.kind = std::string(kind)});
  return kinds_.back();
}

void SnapLog::insert_farthest(SnapKindSummary& k, SnappedPoint p) {
  // Farthest first; among equal distances the point located first stays ahead.
  const auto at = std::upper_bound(k.farthest.begin(), k.farthest.end(), p.distance_m,
                                   [](double d, const SnappedPoint& q) { return d > q.distance_m; });
  k.farthest.insert(at, std::move(p));
  if (k.farthest.size() > kFarthestKept) k.farthest.pop_back();
}

SnapKindSummary SnapLog::total() const {
  SnapKindSummary all{.kind = "all points"};
  for (const SnapKindSummary& k : kinds_) {
    all.count += k.count;
    all.sum_m += k.sum_m;
    all.max_m = std::max(all.max_m, k.max_m);
    all.nearest_dropped += k.nearest_dropped;
    for (const SnappedPoint& p : k.farthest) insert_farthest(all, p);
  }
  return all;
}

}  // namespace evsim::scenarios::files
