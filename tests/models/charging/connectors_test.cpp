#include "models/charging/connectors.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include "tests/support/expect_throw_msg.hpp"

namespace evsim::models::charging {
namespace {

TEST(ConnectorNames, NumbersNamesInOrderOfFirstAppearance) {
  ConnectorNames names;
  EXPECT_EQ(names.bit("gbt_ac"), 1u);
  EXPECT_EQ(names.bit("gbt_dc"), 2u);
  EXPECT_EQ(names.bit("gbt_ac"), 1u);
  EXPECT_EQ(names.bit("ccs2"), 4u);
  EXPECT_EQ(names.names(), (std::vector<std::string>{"gbt_ac", "gbt_dc", "ccs2"}));
}

TEST(ConnectorNames, FindGivesNoBitForANameNoVehicleTypeHas) {
  ConnectorNames names;
  names.bit("gbt_dc");
  EXPECT_EQ(names.find("gbt_dc"), 1u);
  EXPECT_EQ(names.find("chademo"), 0u);
  EXPECT_EQ(names.names().size(), 1u);  // find adds nothing
}

TEST(ConnectorNames, SixtyFourNamesFitTheSixtyFifthThrows) {
  ConnectorNames names;
  for (int i = 0; i < 64; ++i) names.bit(fmt::format("c{}", i));
  EXPECT_EQ(names.find("c63"), fleet::ConnectorSet{1} << 63);
  EXPECT_THROW_MSG(names.bit("c64"), std::length_error, "evsim supports at most 64 connector names in one scenario");
  EXPECT_EQ(names.find("c64"), 0u);  // plugs may still name it: nobody can use them
}

}  // namespace
}  // namespace evsim::models::charging
