#pragma once
// A CSV export read whole (RFC 4180 as CRMs write it): a header row of column names,
// then one record per row. A quoted cell may hold commas, doubled quotes and line
// breaks (a Salesforce description field), so a record can span several lines; every
// cell keeps the line and column where it starts, for errors that name them. The text
// may start with a UTF-8 byte-order mark and end lines with CRLF (or LF, or a lone CR).
// Unquoted cells are trimmed of spaces and tabs; quoted cells are kept exactly. It must be valid
// UTF-8, or Windows-1252 when the mapping says so (converted to UTF-8 on reading).
// Errors (an unclosed quote, invalid encoding, a record with more cells than the header,
// an empty or duplicated column name) throw ScenarioError "FILE:LINE:COL: problem";
// nothing is returned half-read. Thread-safe (no shared state).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace alignsim::crm {

enum class TextEncoding { utf8, windows_1252 };

struct CsvRecord {
  int line = 0;                    // 1-based line where the record starts
  std::vector<std::string> cells;  // as many as the header (short records padded with "")
  // 1-based character column, on its own line, where each cell's text starts (after
  // leading spaces); for a padding cell, where the record ends.
  std::vector<int> columns;
};

struct CsvTable {
  std::string file;
  std::vector<std::string> header;  // column names, spaces around them removed
  std::vector<CsvRecord> records;   // blank lines are not records

  // The index of column `name` (exact match), or none.
  [[nodiscard]] std::optional<std::size_t> column_of(const std::string& name) const;
};

[[nodiscard]] CsvTable read_csv_file(const std::string& path, TextEncoding encoding = TextEncoding::utf8);
// The same for text that did not come from a file; `name` is what errors call it.
[[nodiscard]] CsvTable read_csv_text(const std::string& name, const std::string& text,
                                     TextEncoding encoding = TextEncoding::utf8);

// Writes one CSV cell: quoted (quotes doubled) when it holds a comma, quote, CR or LF, or
// starts or ends with a space or tab (which reading would trim).
[[nodiscard]] std::string csv_cell(const std::string& text);

}  // namespace alignsim::crm
