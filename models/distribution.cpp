#include "models/distribution.hpp"

#include <type_traits>

namespace evsim::models {

double draw(const Distribution& distribution, sim::RandomStream& rng) {
  return std::visit(
      [&rng](const auto& d) -> double {
        using D = std::decay_t<decltype(d)>;
        if constexpr (std::is_same_v<D, FixedValue>) {
          return d.value;
        } else if constexpr (std::is_same_v<D, UniformDistribution>) {
          return rng.uniform(d.min, d.max);
        } else if constexpr (std::is_same_v<D, NormalDistribution>) {
          return d.sd > 0.0 ? rng.truncated_normal(d.mean, d.sd, d.min, d.max) : d.mean;
        } else {
          return rng.exponential(d.mean);
        }
      },
      distribution);
}

}  // namespace evsim::models
