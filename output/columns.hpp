#pragma once
// Building result tables from records: one column from a vector, or from one field of every record.
#include <string>
#include <utility>
#include <vector>

#include "output/table.hpp"

namespace evsim::output {

template <typename T>
Column column(std::string name, std::string units, std::string description, std::vector<T> data) {
  return Column{std::move(name), std::move(units), std::move(description), ColumnData{std::move(data)}};
}

// The column of `get(record)` over `records`, stored as T.
template <typename T, typename Records, typename Get>
Column project(std::string name, std::string units, std::string description, const Records& records, Get get) {
  std::vector<T> data;
  data.reserve(records.size());
  for (const auto& r : records) data.push_back(static_cast<T>(get(r)));
  return column(std::move(name), std::move(units), std::move(description), std::move(data));
}

}  // namespace evsim::output
