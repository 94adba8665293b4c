#include "models/demand/place_sampler.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <vector>

#include "demand_test_util.hpp"
#include "scenarios/files/node_weights.hpp"
#include "tests/support/expect_throw_msg.hpp"

namespace evsim::models::demand {
namespace {

using testing::error_of;
using testing::grid_town;
using testing::scratch_dir;
using testing::write_file;

// Pearson's chi-square of `draws` draws against probabilities p (cells with p = 0 must stay empty).
double chi_square(const PlaceSampler& s, const std::vector<double>& p, int draws, std::uint64_t seed) {
  sim::RandomStream rng(seed, 0, "test/places");
  std::vector<int> counts(p.size(), 0);
  for (int i = 0; i < draws; ++i) ++counts.at(s.draw(rng));
  double chi2 = 0.0;
  for (std::size_t k = 0; k < p.size(); ++k) {
    if (p[k] == 0.0) {
      EXPECT_EQ(counts[k], 0) << "node " << k << " has weight 0";
      continue;
    }
    const double expected = p[k] * draws;
    chi2 += (counts[k] - expected) * (counts[k] - expected) / expected;
  }
  return chi2;
}

TEST(PlaceSampler, AliasTableDrawsInProportionToTheWeights) {
  const std::vector<double> w{0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 0.0, 10.0, 25.0, 0.5};
  const PlaceSampler s = PlaceSampler::weighted(w);
  EXPECT_FALSE(s.is_uniform());
  const double total = std::accumulate(w.begin(), w.end(), 0.0);
  std::vector<double> p;
  for (std::size_t k = 0; k < w.size(); ++k) {
    p.push_back(w[k] / total);
    EXPECT_NEAR(s.probability(static_cast<road::NodeId>(k)), p.back(), 1e-12) << "node " << k;
  }
  // 8 non-empty cells: 7 degrees of freedom; P(chi2 > 40) is about 1e-6.
  EXPECT_LT(chi_square(s, p, 200'000, 7), 40.0);
}

TEST(PlaceSampler, UniformModeDrawsEveryNodeAlike) {
  const PlaceSampler s = PlaceSampler::uniform(12);
  EXPECT_TRUE(s.is_uniform());
  EXPECT_EQ(s.node_count(), 12u);
  EXPECT_DOUBLE_EQ(s.probability(5), 1.0 / 12.0);
  // 11 degrees of freedom; P(chi2 > 45) is about 1e-6.
  EXPECT_LT(chi_square(s, std::vector<double>(12, 1.0 / 12.0), 120'000, 11), 45.0);
}

TEST(PlaceSampler, OneWeightedNodeIsAlwaysDrawn) {
  const PlaceSampler s = PlaceSampler::weighted(std::vector<double>{0.0, 0.0, 3.0, 0.0});
  sim::RandomStream rng(1, 0, "test/places");
  for (int i = 0; i < 1000; ++i) ASSERT_EQ(s.draw(rng), 2u);
}

TEST(PlaceSampler, SameSeedSameDraws) {
  const PlaceSampler s = PlaceSampler::weighted(std::vector<double>{1.0, 2.0, 3.0});
  sim::RandomStream a(3, 1, "x");
  sim::RandomStream b(3, 1, "x");
  for (int i = 0; i < 100; ++i) ASSERT_EQ(s.draw(a), s.draw(b));
}

TEST(PlaceSampler, RejectsWeightsThatAreNoDistribution) {
  EXPECT_THROW_MSG(PlaceSampler::weighted(std::vector<double>{0.0, 0.0}), std::invalid_argument,
                   "PlaceSampler::weighted: the weights must have a finite sum above 0");
  EXPECT_THROW_MSG(PlaceSampler::weighted(std::vector<double>{1.0, -1.0}), std::invalid_argument,
                   "PlaceSampler::weighted: weights must be finite and >= 0");
  EXPECT_THROW_MSG(PlaceSampler::weighted(std::vector<double>{}), std::invalid_argument,
                   "PlaceSampler::weighted: node count out of range");
  EXPECT_THROW_MSG(PlaceSampler::uniform(0), std::invalid_argument, "PlaceSampler::uniform: no nodes to draw from");
}

TEST(PlaceSampler, FromPlacesIsUniformOverTheNetworkWithoutAFile) {
  const road::RoadNetwork net = grid_town(3, 4);
  scenarios::files::PointLocator locator(net, 500.0);
  const PlaceSampler s = scenarios::files::read_place_sampler(std::nullopt, "home", locator);
  EXPECT_TRUE(s.is_uniform());
  EXPECT_EQ(s.node_count(), 12u);
}

TEST(PlaceSampler, FromPlacesSnapsPointsAndSumsTheirWeightsPerNode) {
  const road::RoadNetwork net = grid_town(3, 4);
  scenarios::files::PointLocator locator(net, 500.0);
  const auto file = write_file(scratch_dir() / "homes.csv",
                               "x_m,y_m,population\n"
                               "10,5,30\n"      // node 0
                               "-20,-3,10\n"    // node 0
                               "310,190,60\n"); // node 11 (row 2, col 3)
  const PlaceSampler s = scenarios::files::read_place_sampler(scenarios::DemandFileSpec{.file = file, .weight_column = "population"}, "home", locator);
  EXPECT_DOUBLE_EQ(s.probability(0), 0.4);
  EXPECT_DOUBLE_EQ(s.probability(11), 0.6);
  EXPECT_DOUBLE_EQ(s.probability(5), 0.0);
}

TEST(PlaceSampler, FromPlacesRejectsBadWeightsWithFileLineAndColumn) {
  const road::RoadNetwork net = grid_town(3, 4);
  scenarios::files::PointLocator locator(net, 500.0);
  const auto dir = scratch_dir();
  const auto read = [&](const std::filesystem::path& file) {
    return error_of([&] { scenarios::files::read_place_sampler(scenarios::DemandFileSpec{.file = file}, "home", locator); });
  };
  const auto negative = write_file(dir / "negative.csv", "node,weight\n1,2\n2,-2\n");
  EXPECT_EQ(read(negative), negative.string() + ":3:3: weight: expected a demand weight of 0 or more, found \"-2\"");
  const auto infinite = write_file(dir / "infinite.csv", "node,weight\n1,inf\n");
  EXPECT_EQ(read(infinite), infinite.string() + ":2:3: weight: expected a demand weight, found \"inf\"");
  const auto not_a_number = write_file(dir / "nan.csv", "node,weight\n1,nan\n");
  EXPECT_EQ(read(not_a_number), not_a_number.string() + ":2:3: weight: expected a demand weight, found \"nan\"");
  const auto zeros = write_file(dir / "zeros.csv", "x_m,y_m,weight\n0,0,0\n100,0,0\n");
  EXPECT_EQ(read(zeros), zeros.string() + ":1:9: weight: expected at least one weight above 0, found 2 rows, all 0");
  const auto no_rows = write_file(dir / "no_rows.csv", "x_m,y_m,weight\n");
  EXPECT_EQ(read(no_rows), no_rows.string() + ":1:9: weight: expected at least one weight above 0, found no rows");
  const auto no_weight = write_file(dir / "no_weight.csv", "node,w\n1,2\n");
  EXPECT_EQ(read(no_weight), no_weight.string() + ":1:1: weight: expected a column \"weight\" in the header, found \"node,w\"");
  const auto off_network = write_file(dir / "off_network.csv", "node,weight\n12,1\n");
  EXPECT_EQ(read(off_network), off_network.string() + ":2:1: node: expected a node id of the road network (grid town: 3 x 4 nodes, 100 m apart), found 12" + std::string(", which is not a road node there (ids are those of the network file: the CSV id, the OSM node id of a road junction or way end; generated networks: docs/scenario-format.md)"));
}

}  // namespace
}  // namespace evsim::models::demand
