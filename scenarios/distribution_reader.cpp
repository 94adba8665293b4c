#include "scenarios/distribution_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios {
namespace {

constexpr double kMinNormalMass = 1e-3;
constexpr std::string_view kForms[] = {"fixed", "uniform", "normal", "exponential"};

double fraction_value(const NodeRef& ref) { return read_fraction(ref); }
double duration_value(const NodeRef& ref) {
  return static_cast<double>(read_duration(ref, Bound::non_negative).count());
}
double time_of_day_value(const NodeRef& ref) { return static_cast<double>(read_time_of_day(ref).count()); }

// Standard normal distribution function.
double phi(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

UniformDistribution read_uniform(const NodeRef& ref, const DistributionDomain& domain) {
  constexpr std::string_view kExpected = "a list [min, max]";
  const std::vector<NodeRef> items = read_list(ref, kExpected, false);
  if (items.size() != 2) ref.fail(kExpected, fmt::format("a list of {} values", items.size()));
  const UniformDistribution u{.min = domain.read_value(items[0]), .max = domain.read_value(items[1])};
  if (u.min > u.max) {
    ref.fail("min <= max", fmt::format("min {} above max {}", quote(items[0].node().Scalar()),
                                       quote(items[1].node().Scalar())));
  }
  return u;
}

NormalDistribution read_normal(const NodeRef& ref, const DistributionDomain& domain) {
  const MapReader map(ref, {"mean", "sd", "min", "max"}, "a mapping {mean, sd, min, max}");
  const NodeRef mean_ref = map.need("mean");
  NormalDistribution n{
      .mean = domain.read_value(mean_ref), .sd = domain.read_spread(map.need("sd")), .min = 0.0, .max = 0.0};
  const std::optional<NodeRef> min_ref = map.get("min");
  const std::optional<NodeRef> max_ref = map.get("max");
  n.min = min_ref ? domain.read_value(*min_ref) : std::max(domain.lo, n.mean - 4.0 * n.sd);
  n.max = max_ref ? domain.read_value(*max_ref) : std::min(domain.hi, n.mean + 4.0 * n.sd);
  // Defaults always hold the mean, so a violation involves a bound that was written.
  if (n.mean < n.min) {
    ref.fail("min <= mean <= max", fmt::format("mean {} below min {}", quote(mean_ref.node().Scalar()),
                                               quote(min_ref->node().Scalar())));
  }
  if (n.mean > n.max) {
    ref.fail("min <= mean <= max", fmt::format("mean {} above max {}", quote(mean_ref.node().Scalar()),
                                               quote(max_ref->node().Scalar())));
  }
  if (n.sd > 0.0) {
    const double mass = phi((n.max - n.mean) / n.sd) - phi((n.min - n.mean) / n.sd);
    if (!(mass >= kMinNormalMass)) {
      ref.fail("min and max that hold at least 0.1% of the normal's probability",
               fmt::format("{:.2g}%", mass * 100.0));
    }
  }
  return n;
}

ExponentialDistribution read_exponential(const NodeRef& ref, const DistributionDomain& domain) {
  if (domain.lo > 0.0 || domain.hi < std::numeric_limits<double>::infinity()) {
    ref.fail(fmt::format("a distribution that stays {} (fixed, uniform or normal)", domain.range_text), "exponential");
  }
  const MapReader map(ref, {"mean"}, "a mapping {mean}");
  const NodeRef mean_ref = map.need("mean");
  const ExponentialDistribution e{.mean = domain.read_value(mean_ref)};
  if (!(e.mean > 0.0)) mean_ref.fail("a mean > 0", quote(mean_ref.node().Scalar()));
  return e;
}

}  // namespace

const DistributionDomain kFractionDomain{
    .range_text = "from 0 to 1", .lo = 0.0, .hi = 1.0, .read_value = fraction_value, .read_spread = fraction_value};
const DistributionDomain kDurationDomain{.range_text = ">= 0",
                                         .lo = 0.0,
                                         .hi = std::numeric_limits<double>::infinity(),
                                         .read_value = duration_value,
                                         .read_spread = duration_value};
const DistributionDomain kTimeOfDayDomain{.range_text = "from 00:00 to 24:00",
                                          .lo = 0.0,
                                          .hi = 86'400'000.0,
                                          .read_value = time_of_day_value,
                                          .read_spread = duration_value};

DistributionSpec read_distribution(const NodeRef& ref, const DistributionDomain& domain) {
  if (ref.node().IsScalar()) return FixedValue{domain.read_value(ref)};
  const MapReader map(ref, {"fixed", "uniform", "normal", "exponential"},
                      "a value or a distribution mapping with one of the keys fixed, uniform, normal, exponential");
  const std::string form = exactly_one_key(map, kForms);
  const NodeRef param = map.need(form);
  if (form == "fixed") return FixedValue{domain.read_value(param)};
  if (form == "uniform") return read_uniform(param, domain);
  if (form == "normal") return read_normal(param, domain);
  return read_exponential(param, domain);
}

}  // namespace evsim::scenarios
