// Point-to-point fastest-route queries on a contraction hierarchy, on two networks:
//   ring_radial: the road of scenarios/examples/ring_radial_city.yaml (the whole-city benchmark's);
//   grid: make_grid 316 x 316 (99,856 nodes), 100 m spacing, one speed (many exact ties).
// Each network gets a fixed list of 4,096 random node pairs (seeded); one benchmark iteration is
// one query, taken round-robin from the list.
//
//   Route/<net>        RouteQuery::route (models/road/route_query.hpp)
//   RouteLegacy/<net>  the query before tuning (legacy_route_query.hpp), for a same-run ratio
//   Dijkstra/<net>     one-to-one lexicographic Dijkstra on the RoadGraph, stopped at the target
// Counters: queries_per_s, settled (mean nodes taken from a queue per query). Setup checks that
// Route and RouteLegacy return bit-equal costs and settle as many nodes on every pair, and that
// Dijkstra finds the same time_ms on the first 512 (the run aborts otherwise). For a ratio less exposed to noise, interleave repetitions:
//
//   build/release/bench/bench_router --benchmark_repetitions=5
//     --benchmark_enable_random_interleaving=true --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <queue>
#include <utility>
#include <vector>

#include "legacy_route_query.hpp"
#include "models/road/contraction_hierarchy.hpp"
#include "models/road/grid_generator.hpp"
#include "scenarios/assembly/load_road.hpp"
#include "models/road/route_query.hpp"
#include "scenarios/loader.hpp"
#include "sim/random.hpp"

namespace {

using namespace evsim;
using models::road::ChWeight;
using models::road::NodeId;
using models::road::RoadGraph;
using models::road::RouteCost;

constexpr std::size_t kPairs = 4096;
constexpr std::size_t kDijkstraChecks = 512;  // pairs whose time_ms setup also checks with Dijkstra (slow on the grid)

// Lexicographic (time_ms, length_nm) Dijkstra from `from`, stopped when `to` is settled; counts
// settled nodes. Labels are reset by a time stamp, as in RouteQuery.
class OneToOneDijkstra {
 public:
  explicit OneToOneDijkstra(const RoadGraph& g) : g_(&g), dist_(g.node_count()), stamp_of_(g.node_count(), 0) {
    for (models::road::EdgeId e = 0; e < g.edge_count(); ++e) weight_.push_back(models::road::edge_weight(g, e));
  }
  std::int64_t time_ms(NodeId from, NodeId to) {
    ++stamp_;
    settled_ = 0;
    heap_ = {};
    dist_[from] = {0, 0};
    stamp_of_[from] = stamp_;
    heap_.push({dist_[from], from});
    while (!heap_.empty()) {
      const auto [d, u] = heap_.top();
      heap_.pop();
      if (d != dist_[u]) continue;
      ++settled_;
      if (u == to) return d.time_ms;
      for (models::road::EdgeId e = g_->out_begin(u); e < g_->out_end(u); ++e) {
        const NodeId w = g_->target(e);
        const ChWeight nd = d + weight_[e];
        if (stamp_of_[w] != stamp_ || nd < dist_[w]) {
          stamp_of_[w] = stamp_;
          dist_[w] = nd;
          heap_.push({nd, w});
        }
      }
    }
    return models::road::kUnreachableMs;
  }
  std::uint32_t settled_last() const { return settled_; }

 private:
  const RoadGraph* g_;
  std::vector<ChWeight> weight_;
  std::vector<ChWeight> dist_;
  std::vector<std::uint32_t> stamp_of_;
  std::uint32_t stamp_ = 0;
  std::uint32_t settled_ = 0;
  std::priority_queue<std::pair<ChWeight, NodeId>, std::vector<std::pair<ChWeight, NodeId>>, std::greater<>> heap_;
};

struct Network {
  RoadGraph graph;
  models::road::ContractionHierarchy ch;
  std::vector<std::pair<NodeId, NodeId>> pairs;

  explicit Network(RoadGraph g) : graph(std::move(g)), ch(graph) {
    sim::RandomStream rng(42, 0, "bench/router_pairs");
    for (std::size_t i = 0; i < kPairs; ++i) {
      pairs.emplace_back(static_cast<NodeId>(rng.uniform_index(graph.node_count())),
                         static_cast<NodeId>(rng.uniform_index(graph.node_count())));
    }
    check_answers();
  }

  void check_answers() const {
    models::road::RouteQuery query(ch);
    bench::LegacyRouteQuery legacy(ch);
    OneToOneDijkstra dijkstra(graph);
    for (std::size_t i = 0; i < pairs.size(); ++i) {
      const auto [s, t] = pairs[i];
      const RouteCost a = query.route(s, t);
      const RouteCost b = legacy.route(s, t);
      if (a.time_ms != b.time_ms || a.length_m != b.length_m || a.speed_sq_length != b.speed_sq_length ||
          query.settled_last() != legacy.settled_last() ||
          (i < kDijkstraChecks && a.time_ms != dijkstra.time_ms(s, t))) {
        std::fprintf(stderr, "router_bench: %u->%u: RouteQuery (%lld ms, %.17g m, %.17g) differs from the legacy query "
                     "(%lld ms, %.17g m, %.17g) or Dijkstra\n", s, t, static_cast<long long>(a.time_ms), a.length_m,
                     a.speed_sq_length, static_cast<long long>(b.time_ms), b.length_m, b.speed_sq_length);
        std::abort();
      }
    }
  }
};

const Network& ring_radial() {
  static const Network net = [] {
    const scenarios::Scenario sc = scenarios::load_scenario_file(std::filesystem::path(EVSIM_SOURCE_DIR) /
                                                                 "scenarios/examples/ring_radial_city.yaml");
    return Network(scenarios::assembly::load_road(sc.road).graph);
  }();
  return net;
}

const Network& grid() {
  static const Network net(models::road::make_grid({.rows = 316, .cols = 316, .spacing_m = 100.0, .speed_kmh = 40.0}));
  return net;
}

const Network& network(std::int64_t which) { return which == 0 ? ring_radial() : grid(); }

template <class Query>
void run_queries(benchmark::State& state, const Network& net, Query& query) {
  std::uint64_t settled = 0;
  std::size_t i = 0;
  for (auto _ : state) {
    const auto [s, t] = net.pairs[i];
    benchmark::DoNotOptimize(query(s, t));
    settled += query.settled_last();
    i = i + 1 == net.pairs.size() ? 0 : i + 1;
  }
  state.counters["queries_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["settled"] = static_cast<double>(settled) / static_cast<double>(state.iterations());
}

// Adapters so that run_queries calls every query the same way.
template <class Q>
struct Routing {
  Q q;
  RouteCost operator()(NodeId s, NodeId t) { return q.route(s, t); }
  std::uint32_t settled_last() const { return q.settled_last(); }
};
struct Timing {
  OneToOneDijkstra q;
  std::int64_t operator()(NodeId s, NodeId t) { return q.time_ms(s, t); }
  std::uint32_t settled_last() const { return q.settled_last(); }
};

void BM_Route(benchmark::State& state) {
  const Network& net = network(state.range(0));
  Routing<models::road::RouteQuery> query{models::road::RouteQuery(net.ch)};
  run_queries(state, net, query);
}

void BM_RouteLegacy(benchmark::State& state) {
  const Network& net = network(state.range(0));
  Routing<bench::LegacyRouteQuery> query{bench::LegacyRouteQuery(net.ch)};
  run_queries(state, net, query);
}

void BM_Dijkstra(benchmark::State& state) {
  const Network& net = network(state.range(0));
  Timing query{OneToOneDijkstra(net.graph)};
  run_queries(state, net, query);
}

// Arg 0: ring_radial, 1: grid.
BENCHMARK(BM_Route)->ArgName("grid")->Arg(0)->Arg(1);
BENCHMARK(BM_RouteLegacy)->ArgName("grid")->Arg(0)->Arg(1);
BENCHMARK(BM_Dijkstra)->ArgName("grid")->Arg(0)->Arg(1);

}  // namespace
