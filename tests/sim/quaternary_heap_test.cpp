#include "sim/quaternary_heap.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <random>
#include <utility>
#include <vector>

namespace evsim::sim {
namespace {

using Item = std::pair<std::uint32_t, std::uint32_t>;  // (key, id): a total order

TEST(QuaternaryHeap, PopsInSortedOrderUnderInterleavedPushesAndPops) {
  QuaternaryHeap<Item, std::less<Item>> heap;
  std::vector<Item> reference;  // kept sorted descending, smallest at the back
  std::mt19937 rng(7);
  std::uint32_t next_id = 0;
  for (int step = 0; step < 20'000; ++step) {
    if (reference.empty() || rng() % 3 != 0) {
      const Item item{static_cast<std::uint32_t>(rng() % 50), next_id++};  // many equal keys
      heap.push(item);
      reference.insert(std::upper_bound(reference.begin(), reference.end(), item, std::greater<Item>()), item);
    } else {
      ASSERT_EQ(heap.top(), reference.back()) << "step " << step;
      heap.pop();
      reference.pop_back();
    }
    ASSERT_EQ(heap.size(), reference.size());
  }
  while (!heap.empty()) {
    ASSERT_EQ(heap.top(), reference.back());
    heap.pop();
    reference.pop_back();
  }
  EXPECT_TRUE(reference.empty());
}

TEST(QuaternaryHeap, ClearEmptiesIt) {
  QuaternaryHeap<int, std::less<int>> heap;
  for (int i = 5; i > 0; --i) heap.push(i);
  EXPECT_EQ(heap.top(), 1);
  heap.clear();
  EXPECT_TRUE(heap.empty());
  heap.push(9);
  EXPECT_EQ(heap.top(), 9);
}

}  // namespace
}  // namespace evsim::sim
