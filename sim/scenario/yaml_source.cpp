#include "sim/scenario/yaml_source.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <system_error>

#include "sim/errors.hpp"

namespace alignsim::sim::detail {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

std::string escape_control_characters(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (byte < 0x20 || byte == 0x7F) out += std::string("\\x") + hex[byte >> 4] + hex[byte & 0xF];
    else out += c;
  }
  return out;
}

// ---- text checks done before yaml-cpp sees the text --------------------------------

// YAML::Mark's field constructor is private; its fields are public.
YAML::Mark make_mark(int line, int column) {
  YAML::Mark mark;
  mark.line = line;
  mark.column = column;
  return mark;
}

struct TextProblem {
  std::string problem;
  std::string hint;
  YAML::Mark at;
};

// Length of the UTF-8 sequence starting at text[pos], or 0 if it is not valid UTF-8
// (truncated, overlong, surrogate or beyond U+10FFFF).
std::size_t utf8_sequence_length(std::string_view text, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[pos + i]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  unsigned char min_second = 0x80, max_second = 0xBF;
  if (lead < 0x80) return 1;
  if (lead >= 0xC2 && lead <= 0xDF) length = 2;
  else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) min_second = 0xA0;  // overlong
    if (lead == 0xED) max_second = 0x9F;  // UTF-16 surrogates
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) min_second = 0x90;  // overlong
    if (lead == 0xF4) max_second = 0x8F;  // beyond U+10FFFF
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  if (byte(1) < min_second || byte(1) > max_second) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xBF) return 0;
  }
  return length;
}

bool is_forbidden_control(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

// A binary or wrongly encoded file fails here with its position instead of reaching
// yaml-cpp, which reports NUL bytes as "unknown escape character" and guesses UTF-16.
std::optional<TextProblem> find_bad_byte(std::string_view text) {
  const std::string_view hint = "scenario files are UTF-8 YAML text; is this the right file?";
  std::size_t pos = text.substr(0, utf8_bom.size()) == utf8_bom ? utf8_bom.size() : 0;
  int line = 0, column = 0;
  while (pos < text.size()) {
    const auto c = static_cast<unsigned char>(text[pos]);
    const YAML::Mark here = make_mark(line, column);
    if (c == 0) return TextProblem{"the file contains a NUL byte", std::string(hint), here};
    if (is_forbidden_control(c)) {
      return TextProblem{"the file contains control character " + escape_control_characters(text.substr(pos, 1)),
                         std::string(hint), here};
    }
    const std::size_t length = utf8_sequence_length(text, pos);
    if (length == 0) return TextProblem{"the file is not valid UTF-8", std::string(hint), here};
    // Columns count bytes, as yaml-cpp's marks do, so all positions in messages agree.
    if (c == '\n') {
      ++line;
      column = 0;
    } else {
      column += static_cast<int>(length);
    }
    pos += length;
  }
  return std::nullopt;
}

bool starts_with_marker(std::string_view line, std::string_view marker) {
  return line.substr(0, marker.size()) == marker &&
         (line.size() == marker.size() || line[marker.size()] == ' ' || line[marker.size()] == '\t');
}

bool blank_or_comment(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  return first == std::string_view::npos || text[first] == '#';
}

// YAML::Load silently returns only the first document of a stream; a second one (two
// scenarios pasted together) would be ignored without a word, so it is an error.
// A document marker is "---" or "..." at column 0, never inside a valid scalar.
std::optional<TextProblem> find_second_document(std::string_view text) {
  const std::string hint = "one YAML document per scenario file; use extends to combine files";
  bool content_seen = false, ended = false;
  int line_number = 0;
  for (std::size_t start = 0; start < text.size(); ++line_number) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // CRLF files
    start = end + 1;
    const YAML::Mark here = make_mark(line_number, 0);
    if (starts_with_marker(line, "---")) {
      if (content_seen || ended) return TextProblem{"a second YAML document starts here", hint, here};
      content_seen = !blank_or_comment(line.substr(3));
    } else if (starts_with_marker(line, "...")) {
      ended = true;
    } else if (!blank_or_comment(line) && line[0] != '%') {
      if (ended) return TextProblem{"text after the document end marker '...'", hint, here};
      content_seen = true;
    }
  }
  return std::nullopt;
}

// yaml-cpp 0.7 accepts a double-quoted scalar that is never closed: it silently swallows
// the rest of the file ("abc\nrun: {seed: 1}" becomes the text "abc run: {seed: 1} ").
// A comment line appended to the text is harmless when quotes are balanced; when one is
// left open, the comment ends up inside the last scalar of the document, found here.
// The guard starts a line of its own without adding a line break the text lacks ("|+"
// block scalars keep trailing line breaks).
constexpr std::string_view guard_token = "alignsim: unterminated quote guard 5c1f";

std::string with_guard(const std::string& text) {
  const bool ends_line = text.empty() || text.back() == '\n';
  return text + (ends_line ? "# " : "\n# ") + std::string(guard_token) + "\n";
}

bool holds_guard(const YAML::Node& node) {
  return node.IsScalar() && node.Scalar().find(guard_token) != std::string::npos;
}

TextProblem swallowed_at(const YAML::Node& node) {
  return TextProblem{"quoted text is not closed before the end of the file", "close it with the same quote mark",
                     node.Mark()};
}

// Follows the last child down to the last scalar in document order. Bounded: a cyclic
// alias (&a [*a]) must not loop, and yaml-cpp stops nesting well below the bound.
std::optional<TextProblem> find_swallowed_guard(const YAML::Node& root) {
  YAML::Node node;
  node.reset(root);  // reset() rebinds; operator= would overwrite the node's content
  for (int depth = 0; depth < 4096 && (node.IsSequence() || node.IsMap()) && node.size() > 0; ++depth) {
    YAML::Node last_key, last_value;
    for (const auto& item : node) {
      if (node.IsMap()) {
        last_key.reset(item.first);
        last_value.reset(item.second);
      } else {
        last_value.reset(item);
      }
    }
    if (holds_guard(last_key)) return swallowed_at(last_key);  // `"abc` as the last key
    node.reset(last_value);
  }
  if (!holds_guard(node)) return std::nullopt;
  return swallowed_at(node);
}

// Errors yaml-cpp finds at the end of the input fall on the appended guard; move them
// back to the end of the user's text.
YAML::Mark within_text(const std::string& text, const YAML::Mark& mark) {
  const int last_line = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  if (mark.is_null() || mark.line < last_line) return mark;
  const std::size_t line_start = text.rfind('\n') == std::string::npos ? 0 : text.rfind('\n') + 1;
  const int line_length = static_cast<int>(text.size() - line_start);
  if (mark.line == last_line && mark.column <= line_length) return mark;
  return make_mark(last_line, line_length);
}

// ---- files ---------------------------------------------------------------------------

[[noreturn]] void throw_unreadable(const FileRequest& request, const std::string& reason) {
  if (request.asked_key.empty()) {
    throw_scenario_error(request.asked_at, "", "cannot read the file: " + reason, "a readable YAML scenario file");
  }
  throw_scenario_error(request.asked_at, request.asked_key,
                       "cannot read '" + request.path + "': " + reason,
                       "a readable YAML file; a relative path starts at this file's directory");
}

struct FileCloser {
  void operator()(std::FILE* file) const noexcept { std::fclose(file); }
};

std::string read_file_text(const FileRequest& request) {
  std::error_code ignored;
  if (std::filesystem::is_directory(request.path, ignored)) throw_unreadable(request, "it is a directory");
  // The top file may be a pipe (alignsim run /dev/stdin, or <(...)): it is read once. A
  // file it extends must be a regular file: opening a FIFO nobody writes to would block.
  const auto status = std::filesystem::status(request.path, ignored);
  if (!request.asked_key.empty() && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status)) {
    throw_unreadable(request, "not a regular file");
  }
  const std::unique_ptr<std::FILE, FileCloser> file(std::fopen(request.path.c_str(), "rb"));
  if (!file) throw_unreadable(request, std::generic_category().message(errno));
  std::string text;
  char buffer[1 << 16];
  while (const std::size_t count = std::fread(buffer, 1, sizeof buffer, file.get())) {
    text.append(buffer, count);
    // Checked while reading, so an endless source such as /dev/zero stops too.
    if (text.size() > max_scenario_file_bytes) {
      throw_scenario_error(location_of(request.path, YAML::Mark::null_mark()), "",
                           "the file is larger than 16 MiB", "scenario files are small YAML text files");
    }
  }
  if (std::ferror(file.get())) throw_unreadable(request, "read error");
  return text;
}

MapEntry make_entry(const YAML::Node& key, const YAML::Node& value, const std::string& file,
                    const std::string& path) {
  const SourceLocation key_at = location_of(file, key.Mark());
  if (!key.IsScalar()) {
    throw_scenario_error(key_at, path, "a key must be a single word, not " + node_kind_name(key),
                         "plain keys such as 'seed:'");
  }
  const bool has_position = !value.IsNull() && value.Mark().line >= 0;
  return MapEntry{key.Scalar(), key_at, value, has_position ? location_of(file, value.Mark()) : key_at};
}

}  // namespace

std::string format_scenario_error(const SourceLocation& where, std::string_view key, std::string_view problem,
                                  std::string_view allowed) {
  std::string line = where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) + ": ";
  if (!key.empty()) line.append(key).append(": ");
  line.append(problem);
  if (!allowed.empty()) line.append(" (").append(allowed).append(")");
  return escape_control_characters(line);
}

void throw_scenario_error(const SourceLocation& where, std::string_view key, std::string_view problem,
                          std::string_view allowed) {
  throw ScenarioError(format_scenario_error(where, key, problem, allowed));
}

SourceLocation location_of(const std::string& file, const YAML::Mark& mark) {
  if (mark.is_null() || mark.line < 0 || mark.column < 0) return SourceLocation{file, 0, 0};
  return SourceLocation{file, mark.line + 1, mark.column + 1};
}

std::string quote_for_message(std::string_view text) {
  constexpr std::size_t longest = 60;
  if (text.size() <= longest) return "'" + std::string(text) + "'";
  std::size_t cut = longest - 3;
  // Never cut inside a UTF-8 sequence: back up to a lead byte.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return "'" + std::string(text.substr(0, cut)) + "...'";
}

ParsedYaml parse_yaml_text(const std::string& text) {
  const auto failed = [](const TextProblem& p) { return ParsedYaml{{}, p.problem, p.hint, p.at}; };
  if (const auto bad = find_bad_byte(text)) return failed(*bad);
  if (const auto second = find_second_document(text)) return failed(*second);
  const std::string syntax_hint = "valid YAML; check brackets, quotes, colons and indentation";
  try {
    const YAML::Node root = YAML::Load(with_guard(text));
    if (const auto swallowed = find_swallowed_guard(root)) return failed(*swallowed);
    return ParsedYaml{root, "", "", YAML::Mark::null_mark()};
  } catch (const YAML::Exception& e) {
    const YAML::Mark at = within_text(text, e.mark);
    // yaml-cpp's depth guard (about 1000 levels; it needs under 256 KiB of stack there)
    // throws YAML::DeepRecursion saying "bad file". That class's typeinfo is not exported
    // by Debian's libyaml-cpp 0.7, so it cannot be caught by type: recognise the message.
    if (e.msg == YAML::ErrorMsg::BAD_FILE) {
      return ParsedYaml{{}, "nesting is too deep", "scenario files nest only a few levels", at};
    }
    return ParsedYaml{{}, "invalid YAML: " + e.msg, syntax_hint, at};
  } catch (const std::exception& e) {
    return ParsedYaml{{}, std::string("invalid YAML: ") + e.what(), syntax_hint, YAML::Mark::null_mark()};
  }
}

YAML::Node read_yaml_file(const FileRequest& request) { return yaml_document(request.path, read_file_text(request)); }

YAML::Node yaml_document(const std::string& name, const std::string& text) {
  if (text.size() > max_scenario_file_bytes) {
    throw_scenario_error(location_of(name, YAML::Mark::null_mark()), "", "the file is larger than 16 MiB",
                         "scenario files are small YAML text files");
  }
  const ParsedYaml parsed = parse_yaml_text(text);
  if (!parsed.problem.empty()) {
    throw_scenario_error(location_of(name, parsed.problem_at), "", parsed.problem, parsed.hint);
  }
  if (parsed.root.IsNull()) {
    throw_scenario_error(location_of(name, parsed.root.Mark()), "",
                         "the file is empty or holds only comments",
                         "a mapping of scenario keys, e.g. 'run: {seed: 1}'");
  }
  return parsed.root;
}

std::vector<MapEntry> mapping_entries(const YAML::Node& mapping, const std::string& file, const std::string& path) {
  std::vector<MapEntry> entries;
  std::map<std::string, int> first_line_of_key;
  for (const auto& pair : mapping) {
    MapEntry entry = make_entry(pair.first, pair.second, file, path);
    const auto [first, inserted] = first_line_of_key.emplace(entry.key, entry.key_at.line);
    if (!inserted) {
      throw_scenario_error(entry.key_at, path.empty() ? entry.key : path + "." + entry.key,
                           "duplicate key, first given at line " + std::to_string(first->second),
                           "each key may appear once per mapping");
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

std::string node_kind_name(const YAML::Node& node) {
  if (node.IsMap()) return "a mapping";
  if (node.IsSequence()) return "a list";
  if (node.IsScalar()) return "a single value";
  return "nothing";
}

std::string to_yaml_scalar(std::string_view text) {
  const auto plain_safe_char = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  };
  const bool null_word = text == "null" || text == "Null" || text == "NULL";
  bool plain = !text.empty() && !null_word;
  for (const char c : text) plain = plain && plain_safe_char(c);
  if (plain) return std::string(text);
  std::string quoted = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') quoted += '\\';
    quoted += c;
  }
  // Control characters are escaped the same way messages escape them (\n, \t, \xHH),
  // and yaml-cpp's double-quoted scalars read those escapes back.
  return escape_control_characters(quoted) + "\"";
}

}  // namespace alignsim::sim::detail
