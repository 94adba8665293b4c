#include "output/json.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace evsim::output {
namespace {

std::string error_of(const std::string& json) {
  try {
    check_finite_json(json);
  } catch (const std::logic_error& e) {
    return e.what();
  }
  return "no error";
}

TEST(CheckFiniteJson, RefusesBareNanAndInfinityButNotWordsInStrings) {
  EXPECT_EQ(error_of(R"({"a": 1.5, "b": [0, -2e-9], "name": "infinite nan-town"})"), "no error");
  EXPECT_EQ(error_of(R"({"a": null})"), "no error");
  EXPECT_EQ(error_of(R"({"mean": nan})"), R"(JSON output holds a non-finite number near "{"mean": nan}")");
  EXPECT_EQ(error_of(R"({"p95": -inf, "x": 1})"), R"(JSON output holds a non-finite number near "{"p95": -inf, "x": 1}")");
  EXPECT_EQ(error_of(R"({"s": "a \"quoted\" word", "v": inf})"),
            R"(JSON output holds a non-finite number near "uoted\" word", "v": inf}")");
}

}  // namespace
}  // namespace evsim::output
