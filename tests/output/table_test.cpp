#include "output/table.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace evsim::output {
namespace {

std::string check_message(const Table& table) {
  try {
    table.check();
  } catch (const std::logic_error& error) {
    return error.what();
  }
  return "no error";
}

Table two_columns() {
  return Table{.columns = {
                   Column{.name = "time_ms", .units = "ms", .data = std::vector<std::int64_t>{0, 1000, 2000}},
                   Column{.name = "power_kw", .units = "kW", .data = std::vector<double>{0.0, 11.0, 22.0}},
               }};
}

TEST(OutputTable, RowsIsTheLengthOfTheColumns) {
  EXPECT_EQ(two_columns().rows(), 3U);
  EXPECT_EQ(Table{}.rows(), 0U);
}

TEST(OutputTable, CheckAcceptsAConsistentTable) {
  EXPECT_NO_THROW(two_columns().check());
  EXPECT_NO_THROW(Table{}.check());
}

TEST(OutputTable, CheckRejectsColumnsOfDifferentLengths) {
  Table table = two_columns();
  table.columns.push_back(Column{.name = "ok", .units = "1", .data = std::vector<std::uint8_t>{1, 0}});
  EXPECT_EQ(check_message(table), "table column \"ok\" has 2 rows but column \"time_ms\" has 3");
}

TEST(OutputTable, CheckRejectsEmptyUnits) {
  Table table = two_columns();
  table.columns[1].units = "";
  EXPECT_EQ(check_message(table),
            "table column \"power_kw\" has empty units (use \"1\" for dimensionless values)");
}

TEST(OutputTable, CheckRejectsDuplicateNames) {
  Table table = two_columns();
  table.columns[1].name = "time_ms";
  EXPECT_EQ(check_message(table), "table column name \"time_ms\" appears more than once");
}

TEST(OutputTable, CheckRejectsNamesThatAreNotHdf5LinkNames) {
  Table table = two_columns();
  table.columns[1].name = "";
  EXPECT_EQ(check_message(table), "table column 1 has an empty name");
  table.columns[1].name = "power/kw";
  EXPECT_EQ(check_message(table), "table column name \"power/kw\" contains '/'");
}

TEST(OutputTable, CheckRejectsNulCharactersInText) {
  const Table table{.columns = {Column{.name = "station",
                                       .units = "1",
                                       .data = std::vector<std::string>{"a", std::string("b\0c", 3)}}}};
  EXPECT_EQ(check_message(table), "table column \"station\" row 1 holds a NUL character");
}

TEST(OutputTable, ColumnFindsByName) {
  const Table table = two_columns();
  EXPECT_EQ(table.column("power_kw").units, "kW");
  try {
    static_cast<void>(table.column("energy_kwh"));
    ADD_FAILURE() << "no exception";
  } catch (const std::out_of_range& error) {
    EXPECT_STREQ(error.what(), "table has no column \"energy_kwh\"");
  }
}

}  // namespace
}  // namespace evsim::output
