#pragma once
// Weighted points of a CSV file (population, jobs, points of interest, coverage demand) summed per
// road node. A row is a weight (the spec's weight column; finite and >= 0) and a point (node,
// lon/lat in the spec's crs, or x_m/y_m: models/road/point_columns.hpp) put on a road node by the
// PointLocator, which logs how far each point moved under `kind` ("home", "demand point", ...).
//
// Errors are scenarios::ScenarioError naming the file, line, column and column name:
//   {file}:{line}:{column}: weight: expected a demand weight, found "abc"       (or "inf", "nan")
//   {file}:{line}:{column}: weight: expected a demand weight of 0 or more, found "-1"
// Units: weights carry the file's own unit (people, jobs, visits); distances in metres.
#include <cstdint>
#include <string_view>
#include <vector>

#include "models/road/point_locator.hpp"
#include "scenarios/scenario.hpp"

namespace evsim::models::demand {

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

NodeWeights read_node_weights(const scenarios::DemandFileSpec& spec, std::string_view kind, road::PointLocator& locator);

}  // namespace evsim::models::demand
