#include "sim/scenario/design_csv.hpp"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "sim/scenario/setting_value.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace alignsim::sim::detail {
namespace {

struct Cell {
  std::string text;
  int column = 1;  // 1-based character column where the cell starts
  bool quoted = false;
};

// One CSV line's cells. Throws for an unterminated quote.
std::vector<Cell> split_cells(const std::string& line, const std::string& file, int line_number) {
  std::vector<Cell> cells;
  Cell cell;
  bool in_quotes = false, after_quote = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (in_quotes) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') cell.text += '"', ++i;
      else if (c == '"') in_quotes = false, after_quote = true;
      else cell.text += c;
    } else if (c == ',') {
      cells.push_back(cell);
      cell = Cell{"", static_cast<int>(i) + 2, false};
      after_quote = false;
    } else if (c == '"' && cell.text.empty() && !after_quote) {
      in_quotes = cell.quoted = true;
    } else if (!after_quote) {
      cell.text += c;
    }
  }
  if (in_quotes) throw_scenario_error({file, line_number, cell.column}, "", "a quote is not closed", "\"text\"");
  cells.push_back(cell);
  for (Cell& c : cells) {  // spaces around an unquoted cell are not part of it
    if (c.quoted) continue;
    const auto first = c.text.find_first_not_of(" \t");
    c.text = first == std::string::npos ? "" : c.text.substr(first, c.text.find_last_not_of(" \t") - first + 1);
  }
  return cells;
}

std::vector<std::string> lines_of(std::string text) {
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

Factor factor_for(const ParameterSpec& spec, const SourceLocation& where) {
  Factor factor;
  factor.key = spec.key;
  factor.where = where;
  switch (spec.kind) {
    case ValueKind::real: factor.distribution = Distribution::uniform; break;
    case ValueKind::integer: factor.distribution = Distribution::integer; break;
    case ValueKind::boolean: factor.distribution = Distribution::categorical, factor.choices = {"false", "true"}; break;
    case ValueKind::choice: factor.distribution = Distribution::categorical, factor.choices = spec.choices; break;
  }
  factor.low = spec.minimum;
  factor.high = spec.maximum;
  return factor;
}

std::vector<Factor> read_header(const std::string& line, const std::string& file, const ParameterCatalog& catalog) {
  std::vector<Factor> factors;
  std::set<std::string> seen;
  for (const Cell& cell : split_cells(line, file, 1)) {
    const SourceLocation at{file, 1, cell.column};
    const ParameterSpec* spec = catalog.find(cell.text);
    if (cell.text.rfind("run.", 0) == 0 || spec == nullptr) {
      throw_scenario_error(at, cell.text.empty() ? "header" : cell.text,
                           "not a model parameter a design may vary", "catalog keys (alignsim params), not run.*");
    }
    if (!seen.insert(cell.text).second) throw_scenario_error(at, cell.text, "the column is given twice", "each key once");
    factors.push_back(factor_for(*spec, at));
  }
  return factors;
}

double point_value(const Factor& factor, const ParameterSpec& spec, const Cell& cell, const SourceLocation& at) {
  const ValueOrProblem parsed = parse_setting(spec, ScalarText{cell.text, cell.quoted});
  if (!parsed.value) throw_scenario_error(at, factor.key, parsed.problem, allowed_description(spec));
  if (factor.distribution != Distribution::categorical) return numeric_value(*parsed.value);
  const std::string word = value_to_text(*parsed.value);
  return static_cast<double>(std::find(factor.choices.begin(), factor.choices.end(), word) - factor.choices.begin());
}

}  // namespace

SweepSpec read_design_csv_text(const std::string& name, const std::string& text, const ParameterCatalog& catalog) {
  const std::vector<std::string> lines = lines_of(text);
  if (lines.empty() || lines.front().empty()) {
    throw_scenario_error({name, 1, 1}, "header", "no header row", "a first row of parameter keys, e.g. scoring.noise_sd,reps.admin_share");
  }
  SweepSpec sweep;
  sweep.kind = DesignKind::list;
  sweep.where = {name, 1, 1};
  sweep.factors = read_header(lines.front(), name, catalog);
  for (std::size_t l = 1; l < lines.size(); ++l) {
    const int line_number = static_cast<int>(l) + 1;
    if (lines[l].find_first_not_of(" \t") == std::string::npos) continue;  // blank lines, e.g. at the end
    const std::vector<Cell> cells = split_cells(lines[l], name, line_number);
    if (cells.size() != sweep.factors.size()) {
      throw_scenario_error({name, line_number, 1}, "row", std::to_string(cells.size()) + " values",
                           std::to_string(sweep.factors.size()) + " values, one per column of the header");
    }
    std::vector<double> point;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      const Factor& factor = sweep.factors[c];
      point.push_back(point_value(factor, *catalog.find(factor.key), cells[c], {name, line_number, cells[c].column}));
    }
    sweep.list.push_back(std::move(point));
  }
  if (sweep.list.empty()) throw_scenario_error({name, 1, 1}, "row", "no design points", "one row per point after the header");
  return sweep;
}

SweepSpec read_design_csv(const std::string& path, const ParameterCatalog& catalog) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw_scenario_error({path, 0, 0}, "--design-csv", "cannot read the file", "a readable CSV file");
  std::ostringstream text;
  text << in.rdbuf();
  return read_design_csv_text(path, text.str(), catalog);
}

}  // namespace alignsim::sim::detail
