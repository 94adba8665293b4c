// PowerFlow::solve allocates nothing once its result has been sized: counted by replacing the
// global operator new in this test program (its own executable, tests/models/CMakeLists.txt). Every
// form the standard library calls is replaced, so that what one form allocates another frees.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "models/grid/hosting.hpp"
#include "models/grid/power_flow.hpp"

namespace {
std::atomic<long> allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  ++allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  ++allocations;
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size) { return ::operator new(size); }
void* operator new[](std::size_t size, const std::nothrow_t& tag) noexcept { return ::operator new(size, tag); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { std::free(p); }

namespace {

using namespace evsim::models::grid;

TEST(PowerFlowAllocations, ASolveIntoAUsedResultAllocatesNothing) {
  FeederSpec spec{.name = "chain", .buses = {}, .lines = {}, .transformer = {.rating_kva = 1000.0}};
  for (int b = 0; b < 50; ++b) {
    spec.buses.push_back({.id = std::to_string(b), .base_kv = 10.0, .p_kw = 10.0, .q_kvar = 2.0});
    if (b > 0) spec.lines.push_back({.from = std::to_string(b - 1), .to = std::to_string(b), .r_ohm = 0.1, .x_ohm = 0.1});
  }
  const Feeder f = Feeder::build(spec);
  PowerFlow flow(f);
  const BusLoads loads = BusLoads::background(f);
  PowerFlowResult r;
  flow.solve(loads, r);
  const long before = allocations.load();
  flow.solve(loads, r);
  flow.solve_linear(loads, r);
  (void)first_violation(f, r, {});
  EXPECT_EQ(allocations.load() - before, 0);
  EXPECT_TRUE(r.converged());
}

}  // namespace
