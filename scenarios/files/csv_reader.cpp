#include "scenarios/files/csv_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <iterator>
#include <sstream>
#include <system_error>
#include <unordered_set>

#include "scenarios/scenario_error.hpp"

namespace evsim::scenarios::files {
using namespace ::evsim::models::road;
namespace {


std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

struct RawField {
  std::string text;
  int column;
};

struct RawRow {
  int line;
  int end_column;  // just past the row's last character
  std::vector<RawField> fields;
};

// Splits text into rows of fields, keeping positions. Errors name no column header: the caller
// does not know the header yet when it reads the header itself.
class Splitter {
 public:
  Splitter(std::string_view text, const std::string& file_name) : text_(text), file_name_(file_name) {
    if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);
  }

  // The next non-empty row; false at the end of the text.
  bool next(RawRow& row, const std::vector<std::string>* header) {
    while (at_line_end() && pos_ < text_.size()) skip_line_end();
    if (pos_ >= text_.size()) return false;
    row.line = line_;
    row.fields.clear();
    while (true) {
      RawField field{{}, column_};
      if (pos_ < text_.size() && peek() == '"') {
        read_quoted(field, row.fields.size(), header);
      } else {
        while (pos_ < text_.size() && peek() != ',' && !at_line_end()) field.text += take();
      }
      row.fields.push_back(std::move(field));
      if (pos_ < text_.size() && peek() == ',') {
        take();
        continue;
      }
      row.end_column = column_;
      if (pos_ < text_.size()) skip_line_end();
      return true;
    }
  }

 private:
  char peek() const { return text_[pos_]; }

  // True at '\n', at "\r\n", at a '\r' ending the text, or at the end of the text.
  bool at_line_end() const {
    if (pos_ >= text_.size()) return true;
    if (text_[pos_] == '\n') return true;
    return text_[pos_] == '\r' && (pos_ + 1 == text_.size() || text_[pos_ + 1] == '\n');
  }

  void skip_line_end() {
    if (text_[pos_] == '\r') ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++line_;
    column_ = 1;
  }

  char take() {
    const char c = text_[pos_++];
    // Count characters, not bytes: UTF-8 continuation bytes (10xxxxxx) do not start one.
    if ((static_cast<unsigned char>(c) & 0xC0U) != 0x80U) ++column_;
    return c;
  }

  void read_quoted(RawField& field, std::size_t index, const std::vector<std::string>* header) {
    const int open_line = line_;
    const int open_column = column_;
    take();  // the opening quote
    while (true) {
      if (pos_ >= text_.size()) {
        throw ScenarioError(file_name_, open_line, open_column, key(index, header),
                            "a closing quote for the field that starts here", "the end of the file");
      }
      if (peek() == '"') {
        take();
        if (pos_ < text_.size() && peek() == '"') {
          field.text += take();
          continue;
        }
        break;
      }
      if (at_line_end()) {
        field.text += '\n';
        skip_line_end();
        continue;
      }
      field.text += take();
    }
    if (pos_ < text_.size() && peek() != ',' && !at_line_end()) {
      std::size_t end = pos_;
      while (end < text_.size() && text_[end] != ',' && text_[end] != '\n' && text_[end] != '\r') ++end;
      throw ScenarioError(file_name_, line_, column_, key(index, header),
                          "a comma or the end of the line after a closing quote", quote(text_.substr(pos_, end - pos_)));
    }
  }

  static std::string key(std::size_t index, const std::vector<std::string>* header) {
    if (header == nullptr) return std::string(kCsvHeaderKey);
    if (index < header->size()) return (*header)[index];
    return std::string(kCsvRowKey);
  }

  std::string_view text_;
  const std::string& file_name_;
  std::size_t pos_ = 0;
  int line_ = 1;
  int column_ = 1;
};

std::string read_file(const std::filesystem::path& file, const scenarios::SourceMark& mark) {
  constexpr std::string_view kExpected = "a readable CSV file";
  std::error_code ec;
  const auto status = std::filesystem::status(file, ec);
  if (!std::filesystem::exists(status)) {
    throw ScenarioError(mark, std::string(kExpected), quote_path(file) + ": no such file");
  }
  if (std::filesystem::is_directory(status)) {
    throw ScenarioError(mark, std::string(kExpected), quote_path(file) + ": a directory");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw ScenarioError(mark, std::string(kExpected), fmt::format("{}: cannot be opened ({})", quote_path(file),
                                                                  std::strerror(errno)));
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) throw ScenarioError(mark, std::string(kExpected), quote_path(file) + ": read error");
  return std::move(buffer).str();
}

}  // namespace

CsvTable CsvTable::read(const std::filesystem::path& file, const scenarios::SourceMark& mark) {
  return parse(read_file(file, mark), file.string());
}

CsvTable CsvTable::parse(std::string_view text, std::string file_name) {
  CsvTable table;
  table.file_name_ = std::move(file_name);
  Splitter splitter(text, table.file_name_);
  RawRow row;
  if (!splitter.next(row, nullptr)) {
    throw ScenarioError(table.file_name_, 1, 1, std::string(kCsvHeaderKey), "a header line naming the columns",
                        "an empty file");
  }
  table.header_line_ = row.line;
  std::unordered_set<std::string> seen;
  for (const RawField& f : row.fields) {
    std::string name(trim(f.text));
    if (!name.empty() && !seen.insert(name).second) {
      throw ScenarioError(table.file_name_, row.line, f.column, name, "column names that appear once in the header",
                          fmt::format("a second column {}", quote(name)));
    }
    if (&f != &row.fields.front()) table.header_text_ += ',';
    table.header_text_ += f.text;
    table.header_.push_back(std::move(name));
    table.header_columns_.push_back(f.column);
  }
  const std::size_t width = table.header_.size();
  while (splitter.next(row, &table.header_)) {
    if (row.fields.size() != width) {
      const bool short_row = row.fields.size() < width;
      const int column = short_row ? row.end_column : row.fields[width].column;
      const std::string key = short_row ? table.header_[row.fields.size()] : std::string(kCsvRowKey);
      throw ScenarioError(table.file_name_, row.line, column, key,
                          fmt::format("{} field{} as in the header", width, width == 1 ? "" : "s"),
                          fmt::format("{} field{}", row.fields.size(), row.fields.size() == 1 ? "" : "s"));
    }
    table.rows_.push_back({row.line, table.fields_.size()});
    for (const RawField& f : row.fields) {
      table.fields_.push_back({table.text_.size(), f.text.size(), f.column});
      table.text_ += f.text;
    }
  }
  return table;
}

std::optional<std::size_t> CsvTable::find(std::string_view column_name) const {
  const auto it = std::find(header_.begin(), header_.end(), column_name);
  if (it == header_.end()) return std::nullopt;
  return static_cast<std::size_t>(it - header_.begin());
}

std::size_t CsvTable::require(std::string_view column_name) const {
  if (const auto index = find(column_name)) return *index;
  throw ScenarioError(file_name_, header_line_, 1, std::string(column_name),
                      fmt::format("a column \"{}\" in the header", column_name), quote(header_text_));
}

std::string_view CsvTable::field(std::size_t row, std::size_t column) const {
  const Field& f = fields_[rows_[row].first_field + column];
  return std::string_view(text_).substr(f.offset, f.size);
}

int CsvTable::column_of(std::size_t row, std::size_t column) const {
  return fields_[rows_[row].first_field + column].column;
}

double CsvTable::number(std::size_t row, std::size_t column, std::string_view expected) const {
  std::string_view s = trim(field(row, column));
  if (s.size() > 1 && s.front() == '+' && s[1] != '-') s.remove_prefix(1);
  double value = 0.0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc{} || end != s.data() + s.size() || !std::isfinite(value)) fail(row, column, expected);
  return value;
}

std::int64_t CsvTable::integer(std::size_t row, std::size_t column, std::string_view expected) const {
  std::string_view s = trim(field(row, column));
  if (s.size() > 1 && s.front() == '+' && s[1] != '-') s.remove_prefix(1);
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc{} || end != s.data() + s.size()) fail(row, column, expected);
  return value;
}

bool CsvTable::boolean(std::size_t row, std::size_t column, std::string_view expected) const {
  std::string s(trim(field(row, column)));
  std::transform(s.begin(), s.end(), s.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  if (s == "1" || s == "true") return true;
  if (s == "0" || s == "false") return false;
  fail(row, column, expected);
}

void CsvTable::fail(std::size_t row, std::size_t column, std::string_view expected) const {
  fail(row, column, expected, quote(field(row, column)));
}

void CsvTable::fail(std::size_t row, std::size_t column, std::string_view expected, std::string_view found) const {
  throw ScenarioError(file_name_, line(row), column_of(row, column), header_[column], std::string(expected),
                      std::string(found));
}

}  // namespace evsim::scenarios::files
