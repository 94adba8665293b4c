#pragma once
// `evsim coverage` results: HDF5 group /coverage, the JSON summary and the text summary.
// docs/output-format.md ("/coverage") and docs/coverage.md define every number.
#include <string>
#include <vector>

#include "scenarios/assembly/build_coverage.hpp"
#include "models/coverage/coverage.hpp"
#include "output/result_file.hpp"

namespace evsim::output {

struct PlanCoverage {
  const scenarios::assembly::CoveragePlan* plan;
  models::coverage::CoverageResult result;
};

void write_coverage(ResultFile& file, const scenarios::assembly::CoverageCase& c, const std::vector<PlanCoverage>& plans,
                    double radius_m, double catchment_m);
std::string coverage_json(const scenarios::assembly::CoverageCase& c, const std::vector<PlanCoverage>& plans, double radius_m);
std::string coverage_text(const scenarios::assembly::CoverageCase& c, const std::vector<PlanCoverage>& plans, double radius_m);

}  // namespace evsim::output
