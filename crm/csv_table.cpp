#include "crm/csv_table.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <string_view>
#include <system_error>

#include "sim/errors.hpp"

namespace alignsim::crm {
namespace {

// A place in the text for messages. Columns count characters (code points), not bytes,
// because that is what an editor's status bar shows.
struct Position {
  int line = 1;
  int column = 1;
};

[[noreturn]] void fail(const std::string& name, Position at, const std::string& problem) {
  throw ScenarioError(name + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " + problem);
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

// A UTF-8 continuation byte is part of the character before it, not a character itself.
bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

// CRLF and LF end a line, and so does a CR alone (old Mac exports), so the line numbers
// agree with what an editor shows.
bool ends_line(std::string_view text, std::size_t i) {
  return text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'));
}

// Moves `at` past the character that starts at text[i].
void step_over(Position& at, std::string_view text, std::size_t i) {
  if (ends_line(text, i)) {
    ++at.line;
    at.column = 1;
  } else {
    ++at.column;
  }
}

// Names and cells are shown on the one line of an error message.
std::string shown(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else out += c;
  }
  return out;
}

// ---- Encoding: the raw bytes become checked UTF-8 before any CSV syntax is read.

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// The length of the valid UTF-8 sequence at text[i], or 0 when there is none (a bad lead
// byte, a truncated sequence, an overlong form, a surrogate or a code point past U+10FFFF).
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) -> unsigned {
    return i + k < text.size() ? static_cast<unsigned char>(text[i + k]) : 0U;
  };
  const unsigned lead = byte(0);
  if (lead < 0x80U) return 1;
  // The second byte's allowed range is what excludes overlong forms (E0, F0),
  // surrogates (ED) and code points past U+10FFFF (F4).
  unsigned low = 0x80U;
  unsigned high = 0xBFU;
  std::size_t length = 0;
  if (lead >= 0xC2U && lead <= 0xDFU) {
    length = 2;
  } else if (lead >= 0xE0U && lead <= 0xEFU) {
    length = 3;
    if (lead == 0xE0U) low = 0xA0U;
    if (lead == 0xEDU) high = 0x9FU;
  } else if (lead >= 0xF0U && lead <= 0xF4U) {
    length = 4;
    if (lead == 0xF0U) low = 0x90U;
    if (lead == 0xF4U) high = 0x8FU;
  } else {
    return 0;
  }
  if (byte(1) < low || byte(1) > high) return 0;
  for (std::size_t k = 2; k < length; ++k) {
    if (byte(k) < 0x80U || byte(k) > 0xBFU) return 0;
  }
  return length;
}

void append_utf8(std::string& out, std::uint32_t code_point) {
  const auto put = [&](std::uint32_t bits) { out += static_cast<char>(static_cast<unsigned char>(bits)); };
  if (code_point < 0x80U) {
    put(code_point);
  } else if (code_point < 0x800U) {
    put(0xC0U | (code_point >> 6));
    put(0x80U | (code_point & 0x3FU));
  } else {
    // Windows-1252 never needs more than three bytes (everything is in the BMP).
    put(0xE0U | (code_point >> 12));
    put(0x80U | ((code_point >> 6) & 0x3FU));
    put(0x80U | (code_point & 0x3FU));
  }
}

// Where Windows-1252 differs from Latin-1: bytes 0x80-0x9F; 0 marks the five undefined ones.
constexpr std::array<std::uint16_t, 32> kWindows1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

// The code point of a Windows-1252 byte, or 0 for an undefined byte.
std::uint32_t windows_1252_code_point(unsigned char byte) {
  if (byte >= 0x80U && byte <= 0x9FU) return kWindows1252High[byte - 0x80U];
  return byte;
}

std::string hex_byte(unsigned char byte) {
  constexpr std::string_view digits = "0123456789ABCDEF";
  return std::string("0x") + digits[byte >> 4] + digits[byte & 0x0FU];
}

[[noreturn]] void fail_nul(const std::string& name, Position at) {
  fail(name, at, "the text contains a NUL byte (save the export as a UTF-8 text file, not UTF-16 or binary)");
}

std::string decode_utf8(const std::string& name, std::string_view raw) {
  Position at;
  for (std::size_t i = 0; i < raw.size();) {
    const std::size_t length = utf8_sequence_length(raw, i);
    if (length == 0) {
      fail(name, at,
           "the text is not valid UTF-8 (save the export as UTF-8, or set `encoding: windows-1252` in the mapping)");
    }
    if (raw[i] == '\0') fail_nul(name, at);
    step_over(at, raw, i);
    i += length;
  }
  return std::string(raw);
}

std::string decode_windows_1252(const std::string& name, std::string_view raw) {
  std::string out;
  out.reserve(raw.size() + raw.size() / 8);
  Position at;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const auto byte = static_cast<unsigned char>(raw[i]);
    const std::uint32_t code_point = windows_1252_code_point(byte);
    if (byte == 0) fail_nul(name, at);
    if (code_point == 0) {
      fail(name, at,
           "byte " + hex_byte(byte) +
               " is not a character of Windows-1252 (the export may be UTF-8: remove `encoding: windows-1252` "
               "from the mapping)");
    }
    append_utf8(out, code_point);
    step_over(at, raw, i);
  }
  return out;
}

// Valid UTF-8 without a byte-order mark, or a ScenarioError naming the first bad byte.
std::string decode(const std::string& name, std::string_view raw, TextEncoding encoding) {
  // A BOM is dropped in either encoding: as Windows-1252 it would only glue "ï»¿" to
  // the first column name.
  if (raw.starts_with(kByteOrderMark)) raw.remove_prefix(kByteOrderMark.size());
  return encoding == TextEncoding::utf8 ? decode_utf8(name, raw) : decode_windows_1252(name, raw);
}

// ---- Syntax: records of cells, over text already known to be valid UTF-8.

// A record as read, with where each cell starts (cells of a record that spans lines
// start on different lines) and where the record ends, for padding short records.
struct ParsedRecord {
  CsvRecord record;
  std::vector<Position> starts;
  Position end;
};

class Parser {
 public:
  Parser(const std::string& name, std::string_view text) : name_(name), text_(text) {}

  // The next record, or none at the end of the text. Blank lines are skipped.
  std::optional<ParsedRecord> next_record() {
    while (!at_end() && line_break_length() > 0) skip_line_break();
    if (at_end()) return std::nullopt;
    ParsedRecord parsed;
    parsed.record.line = at_.line;
    while (true) {
      while (!at_end() && is_blank(peek())) advance();
      parsed.starts.push_back(at_);
      parsed.record.columns.push_back(at_.column);
      parsed.record.cells.push_back(!at_end() && peek() == '"' ? quoted_cell() : plain_cell());
      if (at_end() || peek() != ',') break;
      advance();
    }
    parsed.end = at_;
    skip_line_break();
    return parsed;
  }

 private:
  [[nodiscard]] bool at_end() const { return pos_ == text_.size(); }
  [[nodiscard]] char peek() const { return text_[pos_]; }
  [[nodiscard]] bool at_cell_end() const { return at_end() || peek() == ',' || line_break_length() > 0; }

  [[nodiscard]] std::size_t line_break_length() const {
    if (peek() == '\n') return 1;
    if (peek() != '\r') return 0;
    return pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n' ? 2 : 1;
  }

  void advance() {
    if (!is_continuation(text_[pos_])) step_over(at_, text_, pos_);
    ++pos_;
  }

  void skip_line_break() {
    for (std::size_t n = at_end() ? 0 : line_break_length(); n > 0; --n) advance();
  }

  // Unquoted: up to the separator or the end of the line, spaces around it trimmed.
  std::string plain_cell() {
    const std::size_t first = pos_;
    while (!at_cell_end()) advance();
    std::size_t last = pos_;
    while (last > first && is_blank(text_[last - 1])) --last;
    return std::string(text_.substr(first, last - first));
  }

  // Quoted: kept exactly, line breaks included; "" stands for one quote.
  std::string quoted_cell() {
    const Position opening = at_;
    advance();
    std::string cell;
    while (true) {
      if (at_end()) {
        fail(name_, opening,
             "this quoted cell is never closed (end it with a \", and write a quote inside a cell as \"\")");
      }
      if (peek() == '"') {
        advance();
        if (at_end() || peek() != '"') break;
      }
      cell += peek();
      advance();
    }
    while (!at_end() && is_blank(peek())) advance();
    if (!at_cell_end()) {
      fail(name_, at_,
           "text after the closing quote of a cell (quote the whole cell, and write each quote inside it as \"\")");
    }
    return cell;
  }

  const std::string& name_;
  std::string_view text_;
  std::size_t pos_ = 0;
  Position at_;
};

std::string trimmed(const std::string& text) {
  const std::size_t first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

std::vector<std::string> header_names(const std::string& name, const ParsedRecord& parsed) {
  std::vector<std::string> names;
  for (std::size_t i = 0; i < parsed.record.cells.size(); ++i) {
    std::string column = trimmed(parsed.record.cells[i]);
    if (column.empty()) {
      fail(name, parsed.starts[i],
           "column " + std::to_string(i + 1) +
               " of the header has no name (name every column, or remove the extra separator)");
    }
    const auto earlier = std::find(names.begin(), names.end(), column);
    if (earlier != names.end()) {
      fail(name, parsed.starts[i],
           "the column name \"" + shown(column) + "\" is already used by column " +
               std::to_string(earlier - names.begin() + 1) + " of the header (give every column a different name)");
    }
    names.push_back(std::move(column));
  }
  return names;
}

// A record as long as the header: more cells is an error, fewer are padded with "" (CRM
// exports drop trailing empty cells), the padding said to start where the record ends.
CsvRecord fitted(const std::string& name, ParsedRecord parsed, std::size_t width) {
  CsvRecord& record = parsed.record;
  if (record.cells.size() > width) {
    fail(name, parsed.starts[width],
         "this record has " + std::to_string(record.cells.size()) + " cells, but the header has " +
             std::to_string(width) + " columns (remove the extra cells, or quote a cell that contains a comma)");
  }
  record.cells.resize(width);
  record.columns.resize(width, parsed.end.column);
  return std::move(record);
}

[[noreturn]] void fail_cannot_read(const std::string& path, int error) {
  throw ScenarioError(path + ": cannot be read (" + std::generic_category().message(error) + ")");
}

std::string read_bytes(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail_cannot_read(path, errno);
  std::string bytes;
  std::array<char, 1 << 16> buffer{};
  while (true) {
    const ssize_t count = ::read(fd, buffer.data(), buffer.size());
    if (count == 0) break;
    if (count < 0 && errno == EINTR) continue;
    if (count < 0) {
      const int error = errno;
      ::close(fd);
      fail_cannot_read(path, error);
    }
    bytes.append(buffer.data(), static_cast<std::size_t>(count));
  }
  ::close(fd);
  return bytes;
}

}  // namespace

std::optional<std::size_t> CsvTable::column_of(const std::string& name) const {
  const auto found = std::find(header.begin(), header.end(), name);
  if (found == header.end()) return std::nullopt;
  return static_cast<std::size_t>(found - header.begin());
}

CsvTable read_csv_file(const std::string& path, TextEncoding encoding) {
  return read_csv_text(path, read_bytes(path), encoding);
}

CsvTable read_csv_text(const std::string& name, const std::string& text, TextEncoding encoding) {
  const std::string decoded = decode(name, text, encoding);
  Parser parser(name, decoded);
  CsvTable table;
  table.file = name;
  std::optional<ParsedRecord> header = parser.next_record();
  if (!header) fail(name, Position{}, "the text has no header row (the first line must name the columns)");
  table.header = header_names(name, *header);
  while (std::optional<ParsedRecord> parsed = parser.next_record()) {
    table.records.push_back(fitted(name, std::move(*parsed), table.header.size()));
  }
  return table;
}

std::string csv_cell(const std::string& text) {
  // Spaces at either end need quotes too: an unquoted cell is trimmed on reading.
  const bool blank_edge = !text.empty() && (is_blank(text.front()) || is_blank(text.back()));
  if (!blank_edge && text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

}  // namespace alignsim::crm
