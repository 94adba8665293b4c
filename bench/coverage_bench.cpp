// Coverage analysis on a 1M-node synthetic city: make_grid 1000 x 1000, 100 m spacing (a 100 km x
// 100 km square, 4M directed edges, ids row-major), 10,000 stations on a 1 km lattice shifted by
// up to +-400 m per axis (deterministic). Goals: the whole analyse_coverage (with 2SFCA) < 1 s,
// the k = 8 nearest-station table < 10 s.
//
//   build/<release>/bench/bench_coverage --benchmark_counters_tabular=true
//
// OneToAll/evsim and OneToAll/boost run Dijkstra by length from the same node of the same graph
// in the same process: evsim's distances_from on a LengthGraph (radix heap over distance buckets,
// arcs as (length, head) pairs) and Boost's dijkstra_shortest_paths on the RoadGraph's
// compressed_sparse_row_graph. `jittered` 1 runs on the same grid with street lengths x [1, 1.3).
// OneToAll/evsim_random_ids repeats evsim's on the same city with node ids shuffled: the loaders
// renumber ids along a Hilbert curve (road/spatial_order.hpp) to avoid that cost; the grid's
// row-major ids are already local.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <numeric>
#include <vector>

#include "models/coverage/boost_length_dijkstra.hpp"
#include "models/coverage/coverage.hpp"
#include "models/coverage/distance_search.hpp"
#include "models/coverage/length_graph.hpp"
#include "models/coverage/nearest_stations_table.hpp"
#include "models/coverage/placement.hpp"
#include "models/road/grid_generator.hpp"
#include "models/road/spatial_order.hpp"
#include "sim/random.hpp"

namespace {

using namespace evsim::models;
using coverage::NodeId;

constexpr std::uint32_t kSide = 1000;

struct City {
  road::RoadGraph graph;
  road::RoadGraph reversed;
  coverage::LengthGraph to_station;
  std::vector<NodeId> station_nodes;
  std::vector<coverage::StationSite> stations;
};

const City& city() {
  static const City c = [] {
    City out;
    out.graph = road::make_grid({.rows = kSide, .cols = kSide, .spacing_m = 100.0, .speed_kmh = 30.0});
    out.reversed = out.graph.reversed();
    out.to_station = coverage::LengthGraph::reversed(out.graph);
    evsim::sim::RandomStream rng(1, 0, "bench/coverage/stations");
    for (std::uint32_t i = 0; i < 100; ++i) {
      for (std::uint32_t j = 0; j < 100; ++j) {
        const auto row = static_cast<std::uint32_t>(10 * i + 1 + rng.uniform_index(9));
        const auto col = static_cast<std::uint32_t>(10 * j + 1 + rng.uniform_index(9));
        out.station_nodes.push_back(row * kSide + col);
        out.stations.push_back({.node = row * kSide + col, .plugs = static_cast<std::uint32_t>(1 + rng.uniform_index(8))});
      }
    }
    return out;
  }();
  return c;
}

constexpr NodeId kCentre = (kSide / 2) * kSide + kSide / 2;

// The same grid with each street's length multiplied by a factor in [1, 1.3) (both directions
// alike): fewer equal distances, closer to a real network's.
const City& jittered_city() {
  static const City c = [] {
    const City& base = city();
    std::vector<double> x(base.graph.node_count());
    std::vector<double> y(base.graph.node_count());
    for (NodeId v = 0; v < base.graph.node_count(); ++v) {
      x[v] = base.graph.x_m(v);
      y[v] = base.graph.y_m(v);
    }
    std::vector<road::EdgeInput> edges;
    for (road::EdgeId e = 0; e < base.graph.edge_count(); ++e) {
      const NodeId u = base.graph.source(e);
      const NodeId v = base.graph.target(e);
      std::uint64_t key = (static_cast<std::uint64_t>(std::min(u, v)) << 32) | std::max(u, v);
      const double factor = 1.0 + 0.3 * static_cast<double>(evsim::sim::splitmix64(key) >> 11) * 0x1.0p-53;
      edges.push_back({u, v, base.graph.length_m(e) * factor, 30.0});
    }
    City out;
    out.graph = road::RoadGraph(std::move(x), std::move(y), std::move(edges));
    out.reversed = out.graph.reversed();
    out.to_station = coverage::LengthGraph::reversed(out.graph);
    out.station_nodes = base.station_nodes;
    out.stations = base.stations;
    return out;
  }();
  return c;
}

const City& city_for(const benchmark::State& state) { return state.range(0) == 1 ? jittered_city() : city(); }

// Arg jittered: 0 the plain grid (all streets 100 m), 1 jittered_city().
void BM_OneToAllEvsim(benchmark::State& state) {
  const City& c = city_for(state);
  for (auto _ : state) benchmark::DoNotOptimize(coverage::distances_from(c.to_station, kCentre));
}
BENCHMARK(BM_OneToAllEvsim)->Name("OneToAll/evsim")->ArgName("jittered")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);

void BM_OneToAllBoost(benchmark::State& state) {
  const City& c = city_for(state);
  const std::vector<NodeId> source{kCentre};
  for (auto _ : state) benchmark::DoNotOptimize(coverage::boost_distances_m(c.reversed, source));
}
BENCHMARK(BM_OneToAllBoost)->Name("OneToAll/boost")->ArgName("jittered")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)
    ->MinTime(2.0);

void BM_OneToAllRandomIds(benchmark::State& state) {
  static const coverage::LengthGraph shuffled = [] {
    std::vector<NodeId> order(kSide * kSide);
    std::iota(order.begin(), order.end(), 0u);
    evsim::sim::RandomStream rng(1, 0, "bench/coverage/shuffle");
    for (std::size_t i = order.size() - 1; i > 0; --i) std::swap(order[i], order[rng.uniform_index(i + 1)]);
    return coverage::LengthGraph::reversed(road::renumber(city().graph, order));
  }();
  for (auto _ : state) benchmark::DoNotOptimize(coverage::distances_from(shuffled, kCentre));
}
BENCHMARK(BM_OneToAllRandomIds)->Name("OneToAll/evsim_random_ids")->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_BuildReversedLengthGraph(benchmark::State& state) {
  const City& c = city();
  for (auto _ : state) benchmark::DoNotOptimize(coverage::LengthGraph::reversed(c.graph));
}
BENCHMARK(BM_BuildReversedLengthGraph)->Name("LengthGraph/reversed")->Unit(benchmark::kMillisecond)->MinTime(1.0);

void BM_MultiSource(benchmark::State& state) {
  const City& c = city_for(state);
  for (auto _ : state) benchmark::DoNotOptimize(coverage::nearest_stations(c.to_station, c.station_nodes));
}
BENCHMARK(BM_MultiSource)->Name("NearestStation/10k_stations")->ArgName("jittered")->Arg(0)->Arg(1)
    ->Unit(benchmark::kMillisecond)->MinTime(2.0);

// The same multi-source pass with Boost (distances only), for scale.
void BM_MultiSourceBoost(benchmark::State& state) {
  const City& c = city_for(state);
  for (auto _ : state) benchmark::DoNotOptimize(coverage::boost_distances_m(c.reversed, c.station_nodes));
}
BENCHMARK(BM_MultiSourceBoost)->Name("NearestStation/10k_stations_boost")->ArgName("jittered")->Arg(0)->Arg(1)
    ->Unit(benchmark::kMillisecond)->MinTime(2.0);

void BM_BoundedSearches(benchmark::State& state) {
  const City& c = city_for(state);
  coverage::DistanceSearch search(c.to_station.node_count());
  std::size_t settled = 0;
  for (auto _ : state) {
    for (const NodeId s : c.station_nodes) settled += search.run(c.to_station, s, 1000.0).size();
  }
  state.counters["settled_per_search"] =
      static_cast<double>(settled) / (static_cast<double>(state.iterations()) * static_cast<double>(c.station_nodes.size()));
}
BENCHMARK(BM_BoundedSearches)->Name("BoundedSearch/10k_x_1km")->ArgName("jittered")->Arg(0)->Arg(1)
    ->Unit(benchmark::kMillisecond)->MinTime(2.0);

// prebuilt_reversed 0: analyse_coverage builds the reversed LengthGraph itself; 1: the caller
// passes the one it keeps for the network.
void BM_AnalyseCoverage(benchmark::State& state) {
  const City& c = city_for(state);
  const bool prebuilt = state.range(1) == 1;
  for (auto _ : state) {
    benchmark::DoNotOptimize(coverage::analyse_coverage({.graph = c.graph, .stations = c.stations, .radius_m = 1000.0,
                                                         .catchment_m = 1000.0, .vehicles = 500'000,
                                                         .to_station_graph = prebuilt ? &c.to_station : nullptr}));
  }
}
BENCHMARK(BM_AnalyseCoverage)->Name("AnalyseCoverage/with_2sfca")->ArgNames({"jittered", "prebuilt_reversed"})
    ->Args({0, 0})->Args({0, 1})->Args({1, 1})->Unit(benchmark::kMillisecond)->MinTime(3.0);

void BM_NearestStationsTable(benchmark::State& state) {
  const City& c = city_for(state);
  const auto k = static_cast<std::uint32_t>(state.range(1));
  for (auto _ : state) benchmark::DoNotOptimize(coverage::nearest_stations_table(c.to_station, c.station_nodes, k));
}
BENCHMARK(BM_NearestStationsTable)->Name("NearestStationsTable")->ArgNames({"jittered", "k"})->Args({0, 8})->Args({1, 8})
    ->Unit(benchmark::kMillisecond)->Iterations(2);

// Gap closing on a smaller city: a 300 x 300 grid (90,000 nodes, 100 m), 100 existing stations in
// its left third, every node a candidate, target 99% of nodes within 1 km by road.
void BM_PlaceSites(benchmark::State& state) {
  static const road::RoadGraph grid = road::make_grid({.rows = 300, .cols = 300, .spacing_m = 100.0, .speed_kmh = 30.0});
  std::vector<NodeId> existing;
  for (std::uint32_t i = 0; i < 10; ++i) {
    for (std::uint32_t j = 0; j < 10; ++j) existing.push_back((30 * i + 15) * 300 + 10 * j + 5);
  }
  const bool improve = state.range(0) == 1;
  std::size_t sites = 0;
  double coverage = 0.0;
  for (auto _ : state) {
    const coverage::PlacementResult r =
        coverage::place_sites({.graph = grid, .existing_stations = existing, .radius_m = 1000.0, .target_share = 0.99,
                               .improve = improve});
    sites = r.steps.size();
    coverage = r.coverage;
  }
  state.counters["sites"] = static_cast<double>(sites);
  state.counters["coverage"] = coverage;
}
BENCHMARK(BM_PlaceSites)->Name("PlaceSites/grid_300x300")->ArgName("swaps")->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)
    ->Iterations(1);

}  // namespace
