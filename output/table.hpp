#pragma once
// A column-oriented table of results, as models' records become when output/ collects them.
// Every column has a name, a unit ("1" for dimensionless, and for text and enum codes; "" not
// allowed) and one value per row. uint8 columns hold booleans (0/1) and enum codes.
// result_file.hpp writes a Table as an HDF5 group with one 1-D dataset per column.
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace evsim::output {

using ColumnData = std::variant<std::vector<std::int64_t>, std::vector<std::uint32_t>, std::vector<double>,
                                std::vector<std::uint8_t>, std::vector<std::string>>;

struct Column {
  std::string name{};
  std::string units{};
  std::string description{};  // optional
  ColumnData data{};

  std::size_t size() const;
  // Exact equality; a NaN never equals itself, so compare bit patterns for columns that hold NaN.
  friend bool operator==(const Column&, const Column&) = default;
};

struct Table {
  std::vector<Column> columns{};

  // Throws std::logic_error when columns differ in length, a name repeats, is empty or holds '/'
  // (names become HDF5 link names), a unit is empty or a string value holds a NUL character.
  void check() const;
  // Length of the first column; 0 for a table without columns.
  std::size_t rows() const;
  // The column called `name`; throws std::out_of_range naming it when there is none.
  const Column& column(std::string_view name) const;

  friend bool operator==(const Table&, const Table&) = default;
};

}  // namespace evsim::output
