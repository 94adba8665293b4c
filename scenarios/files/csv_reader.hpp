#pragma once
// A small CSV reader for evsim's input files (road nodes and edges, station lists, demand points):
// the whole file is read at once, every field keeps its line and column, and the field parsers
// throw scenarios::ScenarioError naming file, line, column and the column's header name.
//
// Format (RFC 4180 with the usual leniencies):
//  - comma separated; the first non-blank line is the header; header names are trimmed of spaces
//    and tabs, and a non-empty name may appear only once;
//  - a field may be double-quoted: commas and line breaks inside are kept, "" is one quote;
//  - lines end with LF or CRLF; a UTF-8 byte order mark at the start is skipped; empty lines
//    (anywhere, including the trailing ones) are skipped;
//  - every row has as many fields as the header.
// Lines and columns are 1-based; columns count characters (UTF-8 code points), not bytes.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scenarios/scenario.hpp"

namespace evsim::scenarios::files {


// key_path of errors about the header as a whole (an empty file) and about a row's extra fields.
inline constexpr std::string_view kCsvHeaderKey = "(header)";
inline constexpr std::string_view kCsvRowKey = "(row)";

class CsvTable {
 public:
  // Reads and parses `file`. A file that is missing or cannot be read is reported at `mark` (the
  // scenario value that named it), with `expected` "a readable CSV file"; anything wrong inside
  // the file is reported at its own line and column, under the file's name as given.
  static CsvTable read(const std::filesystem::path& file, const scenarios::SourceMark& mark);
  // Parses `text` as the contents of a file called `file_name` (the name used in messages).
  static CsvTable parse(std::string_view text, std::string file_name);

  const std::string& file_name() const { return file_name_; }
  const std::vector<std::string>& header() const { return header_; }
  int header_line() const { return header_line_; }
  const std::string& header_text() const { return header_text_; }  // the header's fields joined by commas
  int header_column(std::size_t column) const { return header_columns_[column]; }  // where its name starts

  std::optional<std::size_t> find(std::string_view column_name) const;
  // The index of a column that must be present; otherwise throws at the header line:
  //   {file}:{line}:1: {name}: expected a column "{name}" in the header, found "{header line}"
  std::size_t require(std::string_view column_name) const;

  std::size_t row_count() const { return rows_.size(); }
  int line(std::size_t row) const { return rows_[row].line; }
  std::string_view field(std::size_t row, std::size_t column) const;
  int column_of(std::size_t row, std::size_t column) const;  // where the field starts

  // Field parsers. Leading and trailing spaces are ignored. On failure they throw
  //   {file}:{line}:{column}: {header name}: expected {expected}, found "{field}"
  double number(std::size_t row, std::size_t column, std::string_view expected) const;  // finite only
  std::int64_t integer(std::size_t row, std::size_t column, std::string_view expected) const;
  bool boolean(std::size_t row, std::size_t column, std::string_view expected) const;  // 0 1 true false, any case

  // Throws the message above for a field that parsed but is out of range; `found` defaults to the
  // quoted field.
  [[noreturn]] void fail(std::size_t row, std::size_t column, std::string_view expected) const;
  [[noreturn]] void fail(std::size_t row, std::size_t column, std::string_view expected, std::string_view found) const;

 private:
  struct Field {
    std::size_t offset;  // into text_
    std::size_t size;
    int column;
  };
  struct Row {
    int line;
    std::size_t first_field;  // into fields_; a row has header_.size() fields
  };

  std::string file_name_;
  std::vector<std::string> header_;
  std::string header_text_;
  std::vector<int> header_columns_;
  int header_line_ = 0;
  std::string text_;  // every field's text, unquoted, one after the other
  std::vector<Field> fields_;
  std::vector<Row> rows_;
};

}  // namespace evsim::scenarios::files
