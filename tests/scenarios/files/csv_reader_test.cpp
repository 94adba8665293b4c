#include "scenarios/files/csv_reader.hpp"

#include <gtest/gtest.h>

#include "tests/models/road/road_test_util.hpp"

namespace evsim::models::road {
namespace {

using namespace ::evsim::scenarios::files;      // the readers under test

using testing::error_of;

std::string parse_error(std::string_view text) {
  return error_of([&] { CsvTable::parse(text, "t.csv"); });
}

TEST(CsvReader, ReadsHeaderRowsAndPositions) {
  const CsvTable t = CsvTable::parse("a, b ,c\n1,22,333\n\n4,5,6\n", "t.csv");
  EXPECT_EQ(t.header(), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(t.header_line(), 1);
  EXPECT_EQ(t.header_column(0), 1);
  EXPECT_EQ(t.header_column(1), 3) << "where the field starts, before its spaces";
  EXPECT_EQ(t.header_column(2), 7);
  ASSERT_EQ(t.row_count(), 2u);
  EXPECT_EQ(t.line(0), 2);
  EXPECT_EQ(t.line(1), 4) << "the empty line 3 is skipped";
  EXPECT_EQ(t.field(0, 2), "333");
  EXPECT_EQ(t.column_of(0, 0), 1);
  EXPECT_EQ(t.column_of(0, 1), 3);
  EXPECT_EQ(t.column_of(0, 2), 6);
  EXPECT_EQ(t.find("b"), 1u);
  EXPECT_EQ(t.find("d"), std::nullopt);
  EXPECT_EQ(t.require("c"), 2u);
}

TEST(CsvReader, HandlesQuotesCrlfBomAndBlankTrailingLines) {
  const CsvTable t = CsvTable::parse("\xEF\xBB\xBFname,note\r\n\"Smith, J.\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x\r\n\r\n\r\n",
                                     "t.csv");
  EXPECT_EQ(t.header(), (std::vector<std::string>{"name", "note"}));
  ASSERT_EQ(t.row_count(), 2u);
  EXPECT_EQ(t.field(0, 0), "Smith, J.");
  EXPECT_EQ(t.field(0, 1), "say \"hi\"");
  EXPECT_EQ(t.field(1, 0), "two\nlines");
  EXPECT_EQ(t.field(1, 1), "x");
  EXPECT_EQ(t.line(1), 3);
  EXPECT_EQ(t.column_of(1, 1), 8) << "on line 4, where the field starts";
}

TEST(CsvReader, ColumnsCountCharactersNotBytes) {
  const CsvTable t = CsvTable::parse("name,x\n南京路,abc\n", "t.csv");
  EXPECT_EQ(t.column_of(0, 1), 5);
  EXPECT_EQ(error_of([&] { t.number(0, 1, "a number"); }), "t.csv:2:5: x: expected a number, found \"abc\"");
}

TEST(CsvReader, ParsesNumbersIntegersAndBooleans) {
  const CsvTable t = CsvTable::parse("a,b,c,d,e\n 1.5 ,-7,+3,TRUE,1e3\n", "t.csv");
  EXPECT_EQ(t.number(0, 0, "x"), 1.5);
  EXPECT_EQ(t.integer(0, 1, "x"), -7);
  EXPECT_EQ(t.integer(0, 2, "x"), 3);
  EXPECT_TRUE(t.boolean(0, 3, "x"));
  EXPECT_EQ(t.number(0, 4, "x"), 1000.0);
  EXPECT_EQ(error_of([&] { t.integer(0, 0, "an integer"); }), "t.csv:2:1: a: expected an integer, found \" 1.5 \"");
  EXPECT_EQ(error_of([&] { t.boolean(0, 1, "0 or 1"); }), "t.csv:2:7: b: expected 0 or 1, found \"-7\"");
  const CsvTable bad = CsvTable::parse("a,b,c,d\ninf,nan,,99999999999999999999\n", "t.csv");
  EXPECT_EQ(error_of([&] { bad.number(0, 0, "a finite number"); }), "t.csv:2:1: a: expected a finite number, found \"inf\"");
  EXPECT_EQ(error_of([&] { bad.number(0, 1, "a finite number"); }), "t.csv:2:5: b: expected a finite number, found \"nan\"");
  EXPECT_EQ(error_of([&] { bad.number(0, 2, "a number"); }), "t.csv:2:9: c: expected a number, found \"\"");
  EXPECT_EQ(error_of([&] { bad.integer(0, 3, "an id"); }),
            "t.csv:2:10: d: expected an id, found \"99999999999999999999\"");
  EXPECT_EQ(error_of([&] { bad.fail(0, 0, "something else", "what it is"); }),
            "t.csv:2:1: a: expected something else, found what it is");
}

TEST(CsvReaderErrors, NameLineColumnAndColumnName) {
  EXPECT_EQ(parse_error(""), "t.csv:1:1: (header): expected a header line naming the columns, found an empty file");
  EXPECT_EQ(parse_error("\xEF\xBB\xBF\r\n\n"),
            "t.csv:1:1: (header): expected a header line naming the columns, found an empty file");
  EXPECT_EQ(parse_error("a,b,c\n1,2\n"), "t.csv:2:4: c: expected 3 fields as in the header, found 2 fields");
  EXPECT_EQ(parse_error("a,b,c\n1,2,3\n1,2,3,4\n"), "t.csv:3:7: (row): expected 3 fields as in the header, found 4 fields");
  EXPECT_EQ(parse_error("a\n1,\n"), "t.csv:2:3: (row): expected 1 field as in the header, found 2 fields");
  EXPECT_EQ(parse_error("a,b\n1,\"open\n"),
            "t.csv:2:3: b: expected a closing quote for the field that starts here, found the end of the file");
  EXPECT_EQ(parse_error("a,b\n\"x\"y,2\n"),
            "t.csv:2:4: a: expected a comma or the end of the line after a closing quote, found \"y\"");
  EXPECT_EQ(parse_error("\"a\"b,c\n"),
            "t.csv:1:4: (header): expected a comma or the end of the line after a closing quote, found \"b\"");
  EXPECT_EQ(parse_error("id,x,id\n"), "t.csv:1:6: id: expected column names that appear once in the header, found a second column \"id\"");
  const CsvTable t = CsvTable::parse("id,x\n", "t.csv");
  EXPECT_EQ(error_of([&] { t.require("y"); }), "t.csv:1:1: y: expected a column \"y\" in the header, found \"id,x\"");
}

TEST(CsvReaderErrors, UnreadableFilesAreReportedAtTheScenarioKey) {
  const scenarios::SourceMark mark{"city.yaml", 12, 9, "stations_file"};
  EXPECT_EQ(error_of([&] { CsvTable::read("/no/such/dir/x.csv", mark); }),
            "city.yaml:12:9: stations_file: expected a readable CSV file, found \"/no/such/dir/x.csv\": no such file");
  const std::string dir = std::filesystem::temp_directory_path().string();
  EXPECT_EQ(error_of([&] { CsvTable::read(dir, mark); }),
            "city.yaml:12:9: stations_file: expected a readable CSV file, found \"" + dir + "\": a directory");
}

}  // namespace
}  // namespace evsim::models::road
