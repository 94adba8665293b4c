#include "output/table.hpp"

#include <fmt/format.h>

#include <cmath>

#include <stdexcept>
#include <unordered_set>

namespace evsim::output {

std::size_t Column::size() const {
  return std::visit([](const auto& values) { return values.size(); }, data);
}

void Table::check() const {
  std::unordered_set<std::string_view> names;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const Column& column = columns[i];
    if (column.name.empty()) throw std::logic_error(fmt::format("table column {} has an empty name", i));
    if (column.name.find('/') != std::string::npos) {
      throw std::logic_error(fmt::format("table column name \"{}\" contains '/'", column.name));
    }
    if (!names.insert(column.name).second) {
      throw std::logic_error(fmt::format("table column name \"{}\" appears more than once", column.name));
    }
    if (column.units.empty()) {
      throw std::logic_error(
          fmt::format("table column \"{}\" has empty units (use \"1\" for dimensionless values)", column.name));
    }
    if (column.size() != columns.front().size()) {
      throw std::logic_error(fmt::format("table column \"{}\" has {} rows but column \"{}\" has {}", column.name,
                                         column.size(), columns.front().name, columns.front().size()));
    }
    // No NaN or infinity ever reaches a result file: a model that produced one has a bug, and a reader
    // would average it silently. Columns say in their description what stands for "none" instead.
    if (const auto* numbers = std::get_if<std::vector<double>>(&column.data)) {
      for (std::size_t row = 0; row < numbers->size(); ++row) {
        if (!std::isfinite((*numbers)[row])) {
          throw std::logic_error(fmt::format("table column \"{}\" row {} holds {}, which no result file may hold",
                                             column.name, row, (*numbers)[row]));
        }
      }
    }
    if (const auto* strings = std::get_if<std::vector<std::string>>(&column.data)) {
      for (std::size_t row = 0; row < strings->size(); ++row) {
        if ((*strings)[row].find('\0') != std::string::npos) {
          throw std::logic_error(
              fmt::format("table column \"{}\" row {} holds a NUL character", column.name, row));
        }
      }
    }
  }
}

std::size_t Table::rows() const { return columns.empty() ? 0 : columns.front().size(); }

const Column& Table::column(std::string_view name) const {
  for (const Column& c : columns) {
    if (c.name == name) return c;
  }
  throw std::out_of_range(fmt::format("table has no column \"{}\"", name));
}

}  // namespace evsim::output
