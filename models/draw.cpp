#include "models/draw.hpp"

#include <type_traits>

namespace evsim::models {

double draw(const scenarios::DistributionSpec& spec, sim::RandomStream& rng) {
  return std::visit(
      [&rng](const auto& d) -> double {
        using D = std::decay_t<decltype(d)>;
        if constexpr (std::is_same_v<D, scenarios::FixedValue>) {
          return d.value;
        } else if constexpr (std::is_same_v<D, scenarios::UniformDistribution>) {
          return rng.uniform(d.min, d.max);
        } else if constexpr (std::is_same_v<D, scenarios::NormalDistribution>) {
          return d.sd > 0.0 ? rng.truncated_normal(d.mean, d.sd, d.min, d.max) : d.mean;
        } else {
          return rng.exponential(d.mean);
        }
      },
      spec);
}

}  // namespace evsim::models
