#pragma once
// Weighted points of a CSV file (population, jobs, points of interest, coverage demand) summed per
// road node. A row is a weight (the spec's weight column; finite and >= 0) and a point (node,
// lon/lat in the spec's crs, or x_m/y_m: scenarios/files/point_columns.hpp) put on a road node by the
// PointLocator, which logs how far each point moved under `kind` ("home", "demand point", ...).
//
// Errors are scenarios::ScenarioError naming the file, line, column and column name:
//   {file}:{line}:{column}: weight: expected a demand weight, found "abc"       (or "inf", "nan")
//   {file}:{line}:{column}: weight: expected a demand weight of 0 or more, found "-1"
// Units: weights carry the file's own unit (people, jobs, visits); distances in metres.
#include <cstdint>
#include <string_view>
#include <vector>
#include <optional>

#include "models/demand/place_sampler.hpp"

#include "scenarios/files/point_locator.hpp"
#include "scenarios/scenario.hpp"

namespace evsim::scenarios::files {

namespace road = models::road;

struct PointWeightsReport {
  std::uint64_t points = 0;        // rows of the file (0 when there is none)
  double total_weight = 0.0;
};

struct NodeWeights {
  std::vector<double> per_node;  // node_count entries
  PointWeightsReport report{};
  // The weight column's name in the header: where a problem with the weights as a whole (all of
  // them 0) is reported.
  scenarios::SourceMark weight_header{};
};

NodeWeights read_node_weights(const scenarios::DemandFileSpec& spec, std::string_view kind, PointLocator& locator);

// A places entry (homes, work, other) as a sampler: the file's weights summed per node, or uniform
// over the network's nodes when absent. Besides the errors of read_node_weights, a file whose
// weights are all 0 (or that has no rows) is an error at the weight column's header:
//   {file}:{line}:{column}: weight: expected at least one weight above 0, found {N} rows, all 0
models::demand::PlaceSampler read_place_sampler(const std::optional<DemandFileSpec>& spec, std::string_view kind,
                                                PointLocator& locator);

}  // namespace evsim::scenarios::files
