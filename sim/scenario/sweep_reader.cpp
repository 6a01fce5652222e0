#include "sim/scenario/sweep_reader.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "sim/design/design.hpp"
#include "sim/errors.hpp"
#include "sim/scenario/key_suggestion.hpp"
#include "sim/scenario/setting_value.hpp"
#include "sim/design/sobol_sequence.hpp"

namespace alignsim::sim::detail {
namespace {

const std::string kCommandLine = "<command line>";
constexpr std::size_t kMaxPoints = 100'000'000;
const std::vector<std::string> kSweepKeys{"design", "samples", "levels", "factors", "points", "outputs", "bootstrap"};
const std::vector<std::string> kFactorKeys{"key", "distribution", "low", "high", "mean", "sd", "values"};

std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& word : words) text += (text.empty() ? "" : ", ") + word;
  return text;
}

ParameterSpec count_spec(const std::string& key, double minimum) {
  return ParameterSpec{key, ValueKind::integer, "", std::int64_t{1}, minimum, double(kMaxPoints), {}, "", ""};
}

// A single value read as if it were parameter `spec` (kind, range and choices checked).
ParameterValue read_value(const ParameterSpec& spec, const std::string& shown, const YAML::Node& node,
                          const SourceLocation& at) {
  if (const std::string problem = single_value_problem(node); !problem.empty()) {
    throw_scenario_error(at, shown, problem, allowed_description(spec));
  }
  ValueOrProblem parsed = parse_setting(spec, scalar_text(node));
  if (!parsed.value) throw_scenario_error(at, shown, parsed.problem, allowed_description(spec));
  return *parsed.value;
}

std::size_t read_count(const MapEntry& entry, const std::string& shown, double minimum) {
  return static_cast<std::size_t>(std::get<std::int64_t>(read_value(count_spec(shown, minimum), shown, entry.value,
                                                                    entry.value_at)));
}

std::string read_word(const MapEntry& entry, const std::string& shown, const std::string& allowed) {
  const std::string problem = single_value_problem(entry.value);
  if (!problem.empty() || entry.value.Scalar().empty()) {
    throw_scenario_error(entry.value_at, shown, problem.empty() ? "the text is empty" : problem, allowed);
  }
  return entry.value.Scalar();
}

[[noreturn]] void throw_unknown(const MapEntry& entry, const std::string& shown, const std::vector<std::string>& keys) {
  std::string problem = "unknown key";
  if (const auto suggestion = suggest_key(entry.key, keys)) problem += "; did you mean '" + *suggestion + "'?";
  throw_scenario_error(entry.key_at, shown, problem, "keys: " + joined(keys));
}

// ---- factors ------------------------------------------------------------------------

const ParameterSpec& factor_parameter(const ParameterCatalog& catalog, const std::string& key,
                                      const std::string& shown, const SourceLocation& at) {
  const ParameterSpec* spec = catalog.find(key);
  if (spec == nullptr) {
    std::vector<std::string> keys;
    for (const ParameterSpec& s : catalog.all()) keys.push_back(s.key);
    std::string problem = quote_for_message(key) + " is not a parameter";
    if (const auto suggestion = suggest_key(key, keys)) problem += "; did you mean '" + *suggestion + "'?";
    throw_scenario_error(at, shown, problem, "a parameter key; `alignsim params` lists them all");
  }
  if (key.rfind("run.", 0) == 0) {
    throw_scenario_error(at, shown, "run settings cannot vary in a sweep", "any parameter outside run.*");
  }
  return *spec;
}

Distribution default_distribution(const ParameterSpec& spec) {
  switch (spec.kind) {
    case ValueKind::real: return Distribution::uniform;
    case ValueKind::integer: return Distribution::integer;
    default: return Distribution::categorical;
  }
}

std::vector<std::string> all_choices(const ParameterSpec& spec) {
  if (spec.kind == ValueKind::boolean) return {"false", "true"};
  return spec.choices;
}

std::string distributions_for(const ParameterSpec& spec) {
  switch (spec.kind) {
    case ValueKind::real: return "for a number: uniform, log_uniform, normal";
    case ValueKind::integer: return "for an integer: integer";
    default: return "for a " + kind_name(spec.kind) + ": categorical";
  }
}

bool distribution_fits(const ParameterSpec& spec, Distribution distribution) {
  switch (spec.kind) {
    case ValueKind::real:
      return distribution == Distribution::uniform || distribution == Distribution::log_uniform ||
             distribution == Distribution::normal;
    case ValueKind::integer: return distribution == Distribution::integer;
    default: return distribution == Distribution::categorical;
  }
}

double as_number(const ParameterValue& value) {
  if (const auto* real = std::get_if<double>(&value)) return *real;
  return static_cast<double>(std::get<std::int64_t>(value));
}

// What the entries of one factor mapping said, before the rules between them.
struct FactorEntries {
  std::optional<MapEntry> key, distribution, low, high, mean, sd, values;
};

FactorEntries collect_factor_entries(const YAML::Node& item, const std::string& file, const std::string& shown) {
  FactorEntries e;
  for (const MapEntry& entry : mapping_entries(item, file, shown)) {
    std::optional<MapEntry>* slot = entry.key == "key"            ? &e.key
                                    : entry.key == "distribution" ? &e.distribution
                                    : entry.key == "low"          ? &e.low
                                    : entry.key == "high"         ? &e.high
                                    : entry.key == "mean"         ? &e.mean
                                    : entry.key == "sd"           ? &e.sd
                                    : entry.key == "values"       ? &e.values
                                                                  : nullptr;
    if (slot == nullptr) throw_unknown(entry, shown + "." + entry.key, kFactorKeys);
    *slot = entry;
  }
  return e;
}

std::vector<std::string> read_choices(const ParameterSpec& spec, const MapEntry& entry, const std::string& shown) {
  const std::vector<std::string> allowed = all_choices(spec);
  if (!entry.value.IsSequence() || entry.value.size() == 0) {
    throw_scenario_error(entry.value_at, shown, "a non-empty list of choices is expected", "some of: " + joined(allowed));
  }
  std::vector<std::string> words;
  for (const auto& item : entry.value) {
    const SourceLocation at = location_of(entry.value_at.file, item.Mark());
    const std::string word = item.IsScalar() ? item.Scalar() : std::string();
    if (std::find(allowed.begin(), allowed.end(), word) == allowed.end()) {
      throw_scenario_error(at, shown, quote_for_message(word) + " is not one of the choices", "some of: " + joined(allowed));
    }
    if (std::find(words.begin(), words.end(), word) != words.end()) {
      throw_scenario_error(at, shown, quote_for_message(word) + " is listed twice", "each choice once");
    }
    words.push_back(word);
  }
  return words;
}

double bound_or(const ParameterSpec& spec, const std::optional<MapEntry>& entry, const std::string& shown,
                double fallback) {
  return entry ? as_number(read_value(spec, shown, entry->value, entry->value_at)) : fallback;
}

void read_numeric_range(const ParameterSpec& spec, const FactorEntries& e, const std::string& shown, Factor& f,
                        bool list_design, const SourceLocation& item_at) {
  const bool normal = f.distribution == Distribution::normal;
  if (!list_design && !normal && (!e.low || !e.high)) {
    throw_scenario_error(e.low ? e.low->key_at : item_at, shown + (e.low ? ".high" : ".low"), "missing",
                         "low: and high: give the factor's range; " + allowed_description(spec));
  }
  f.low = bound_or(spec, e.low, shown + ".low", spec.minimum);
  f.high = bound_or(spec, e.high, shown + ".high", spec.maximum);
  if (!list_design && !(f.low < f.high)) {
    throw_scenario_error(e.high ? e.high->value_at : item_at, shown + ".high", "the range is empty or reversed",
                         "high greater than low (" + value_to_text(f.low) + ")");
  }
  if (f.distribution == Distribution::log_uniform && !(f.low > 0)) {
    throw_scenario_error(e.low ? e.low->value_at : item_at, shown + ".low", "a log-uniform range must be positive",
                         "low greater than 0");
  }
  if (!normal) return;
  if (!e.mean || !e.sd) {
    throw_scenario_error(item_at, shown, "a normal factor needs mean: and sd:", "mean and sd > 0; low and high truncate");
  }
  f.mean = as_number(read_value(spec, shown + ".mean", e.mean->value, e.mean->value_at));
  const ParameterSpec sd_spec{shown + ".sd", ValueKind::real, "", 1.0, std::numeric_limits<double>::min(),
                              std::numeric_limits<double>::max(), {}, "", ""};
  f.sd = std::get<double>(read_value(sd_spec, shown + ".sd", e.sd->value, e.sd->value_at));
}

Factor read_factor(const SweepContext& context, const YAML::Node& item, std::size_t index, bool list_design) {
  const std::string shown = "sweep.factors[" + std::to_string(index) + "]";
  const SourceLocation item_at = location_of(context.file, item.Mark());
  if (!item.IsMap()) {
    throw_scenario_error(item_at, shown, node_kind_name(item) + " where a factor is expected",
                         "a mapping with key:, low:, high: and optionally distribution:");
  }
  const FactorEntries e = collect_factor_entries(item, context.file, shown);
  if (!e.key) throw_scenario_error(item_at, shown, "the factor has no key", "key: a parameter key such as scoring.threshold");
  Factor f;
  f.key = read_word(*e.key, shown + ".key", "a parameter key");
  f.where = e.key->value_at;
  const ParameterSpec& spec = factor_parameter(context.catalog, f.key, shown + ".key", e.key->value_at);
  f.distribution = default_distribution(spec);
  if (e.distribution) {
    const std::string name = read_word(*e.distribution, shown + ".distribution", distribution_names());
    const auto distribution = distribution_from_name(name);
    if (!distribution || !distribution_fits(spec, *distribution)) {
      throw_scenario_error(e.distribution->value_at, shown + ".distribution",
                           quote_for_message(name) + " does not fit " + f.key, distributions_for(spec));
    }
    f.distribution = *distribution;
  }
  if (f.distribution == Distribution::categorical) {
    f.choices = e.values ? read_choices(spec, *e.values, shown + ".values") : all_choices(spec);
  } else {
    read_numeric_range(spec, e, shown, f, list_design, item_at);
  }
  return f;
}

std::vector<Factor> read_factors(const SweepContext& context, const MapEntry& entry, bool list_design) {
  if (!entry.value.IsSequence() || entry.value.size() == 0) {
    throw_scenario_error(entry.value_at, "sweep.factors", "a non-empty list of factors is expected",
                         "- {key: scoring.threshold, low: 0.3, high: 0.8}");
  }
  std::vector<Factor> factors;
  std::set<std::string> keys;
  for (const auto& item : entry.value) {
    Factor factor = read_factor(context, item, factors.size(), list_design);
    if (!keys.insert(factor.key).second) {
      throw_scenario_error(factor.where, "sweep.factors[" + std::to_string(factors.size()) + "].key",
                           quote_for_message(factor.key) + " is already a factor", "each parameter once");
    }
    factors.push_back(std::move(factor));
  }
  return factors;
}

// ---- explicit points and outputs ------------------------------------------------------

double list_value(const ParameterCatalog& catalog, const Factor& factor, const YAML::Node& node,
                  const std::string& shown, const SourceLocation& at) {
  const ParameterSpec& spec = *catalog.find(factor.key);
  const ParameterValue value = read_value(spec, shown, node, at);
  if (factor.distribution != Distribution::categorical) return as_number(value);
  const std::string word = value_to_text(value);
  const auto found = std::find(factor.choices.begin(), factor.choices.end(), word);
  if (found == factor.choices.end()) {
    throw_scenario_error(at, shown, quote_for_message(word) + " is not among the factor's values",
                         "one of: " + joined(factor.choices));
  }
  return static_cast<double>(found - factor.choices.begin());
}

std::vector<std::vector<double>> read_points(const SweepContext& context, const MapEntry& entry,
                                             const std::vector<Factor>& factors) {
  if (!entry.value.IsSequence() || entry.value.size() == 0) {
    throw_scenario_error(entry.value_at, "sweep.points", "a non-empty list of points is expected",
                         "one list of values per point, in factor order, e.g. - [0.5, 20]");
  }
  std::vector<std::vector<double>> points;
  for (const auto& row : entry.value) {
    const std::string shown = "sweep.points[" + std::to_string(points.size()) + "]";
    const SourceLocation at = location_of(context.file, row.Mark());
    if (!row.IsSequence() || row.size() != factors.size()) {
      throw_scenario_error(at, shown, "a point must list one value per factor",
                           "a list of " + std::to_string(factors.size()) + " values in factor order");
    }
    std::vector<double> values;
    for (const auto& node : row) {
      values.push_back(list_value(context.catalog, factors[values.size()], node,
                                  shown + "[" + std::to_string(values.size()) + "]",
                                  location_of(context.file, node.Mark())));
    }
    points.push_back(std::move(values));
  }
  return points;
}

std::vector<std::string> read_outputs(const SweepContext& context, const MapEntry& entry) {
  const std::string allowed = context.outputs.empty() ? "summary metric names" : "some of: " + joined(context.outputs);
  if (!entry.value.IsSequence() || entry.value.size() == 0) {
    throw_scenario_error(entry.value_at, "sweep.outputs", "a non-empty list of metrics is expected", allowed);
  }
  std::vector<std::string> outputs;
  for (const auto& item : entry.value) {
    const SourceLocation at = location_of(context.file, item.Mark());
    const std::string name = item.IsScalar() ? item.Scalar() : std::string();
    const bool known = std::find(context.outputs.begin(), context.outputs.end(), name) != context.outputs.end();
    if (name.empty() || (!context.outputs.empty() && !known)) {
      throw_scenario_error(at, "sweep.outputs", quote_for_message(name) + " is not a summary metric", allowed);
    }
    outputs.push_back(name);
  }
  return outputs;
}

// ---- command line ------------------------------------------------------------------------

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t at = text.find(separator); at != std::string::npos; at = text.find(separator, start)) {
    parts.push_back(text.substr(start, at - start));
    start = at + 1;
  }
  parts.push_back(text.substr(start));
  return parts;
}

// "key=low:high[:dist]" or "key=a,b" as the YAML of one factor, read by the file's rules.
Factor read_factor_option(const ParameterCatalog& catalog, const std::string& text, int number) {
  const std::string shown = "--factor";
  const auto equals = text.find('=');
  const std::string form = "key=low:high[:uniform|log_uniform|integer] or key=choice,choice";
  if (equals == std::string::npos) throw_scenario_error({kCommandLine, number, 1}, shown, "missing '='", form);
  const std::string key = text.substr(0, equals), value = text.substr(equals + 1);
  const SourceLocation value_at{kCommandLine, number, static_cast<int>(equals) + 2};
  std::string yaml = "{key: " + to_yaml_scalar(key);
  const std::vector<std::string> range = split(value, ':');
  if (range.size() == 2 || range.size() == 3) {
    yaml += ", low: " + range[0] + ", high: " + range[1];
    if (range.size() == 3) yaml += ", distribution: " + to_yaml_scalar(range[2] == "log" ? "log_uniform" : range[2]);
  } else if (range.size() == 1 && !value.empty()) {
    yaml += ", distribution: categorical, values: [" + value + "]";
  } else {
    throw_scenario_error(value_at, shown, quote_for_message(value) + " is not a factor range", form);
  }
  const ParsedYaml parsed = parse_yaml_text(yaml + "}");
  if (!parsed.problem.empty()) throw_scenario_error(value_at, shown, quote_for_message(value) + " cannot be read", form);
  try {
    return read_factor(SweepContext{catalog, kCommandLine, {}}, parsed.root, 0, false);
  } catch (const alignsim::ScenarioError& error) {
    // Positions inside the generated YAML mean nothing to the user: blame the option.
    const std::string message = error.what();
    const auto key_start = message.find("sweep.factors[0]");
    const std::string rest = key_start == std::string::npos ? message : message.substr(key_start + 16);
    throw alignsim::ScenarioError(format_scenario_error(value_at, shown + " " + key, "", "") + rest.substr(rest.find(':') + 2));
  }
}

}  // namespace

SweepSpec read_sweep(const SweepContext& context, const MapEntry& entry) {
  if (!entry.value.IsMap()) {
    throw_scenario_error(entry.value_at, "sweep", node_kind_name(entry.value) + " where a section is expected",
                         "a mapping of " + joined(kSweepKeys));
  }
  SweepSpec sweep;
  sweep.where = entry.key_at;
  std::optional<MapEntry> points_entry, design_entry;
  bool has_factors = false;
  for (const MapEntry& e : mapping_entries(entry.value, context.file, "sweep")) {
    if (e.key == "design") {
      design_entry = e;
    } else if (e.key == "samples") {
      sweep.samples = read_count(e, "sweep.samples", 1);
    } else if (e.key == "levels") {
      sweep.levels = read_count(e, "sweep.levels", 1);
    } else if (e.key == "bootstrap") {
      sweep.bootstrap = read_count(e, "sweep.bootstrap", 0);
    } else if (e.key == "outputs") {
      sweep.outputs = read_outputs(context, e);
    } else if (e.key == "points") {
      points_entry = e;
    } else if (e.key != "factors") {
      throw_unknown(e, "sweep." + e.key, kSweepKeys);
    }
  }
  if (!design_entry) throw_scenario_error(entry.key_at, "sweep", "no design given", "design: one of " + design_kind_names());
  const std::string name = read_word(*design_entry, "sweep.design", design_kind_names());
  const auto kind = design_kind_from_name(name);
  if (!kind) {
    throw_scenario_error(design_entry->value_at, "sweep.design", quote_for_message(name) + " is not a design",
                         "one of: " + design_kind_names());
  }
  sweep.kind = *kind;
  for (const MapEntry& e : mapping_entries(entry.value, context.file, "sweep")) {
    if (e.key != "factors") continue;
    sweep.factors = read_factors(context, e, sweep.kind == DesignKind::list);
    has_factors = true;
  }
  if (!has_factors) throw_scenario_error(entry.key_at, "sweep", "no factors given", "factors: a list of parameters to vary");
  if (points_entry) {
    if (sweep.kind != DesignKind::list) {
      throw_scenario_error(points_entry->key_at, "sweep.points", "explicit points belong to design: list",
                           "samples: N for generated designs");
    }
    sweep.list = read_points(context, *points_entry, sweep.factors);
  }
  return sweep;
}

std::optional<SweepSpec> apply_sweep_options(std::optional<SweepSpec> from_file, const SweepOptions& options,
                                             const ParameterCatalog& catalog) {
  if (options.empty()) return from_file;
  const SourceLocation option_at{kCommandLine, 0, 0};
  if (!from_file && options.design.empty()) {
    throw_scenario_error(option_at, "--design", "the scenario has no sweep: section", "--design NAME with --factor");
  }
  SweepSpec sweep = from_file.value_or(SweepSpec{});
  if (!options.design.empty()) {
    const auto kind = design_kind_from_name(options.design);
    if (!kind) {
      throw_scenario_error(option_at, "--design", quote_for_message(options.design) + " is not a design",
                           "one of: " + design_kind_names() + " (or lhs, oat)");
    }
    sweep.kind = *kind;
    sweep.where = option_at;
    if (*kind == DesignKind::list) throw_scenario_error(option_at, "--design", "list designs need a file", "a sweep: section with points:");
  }
  if (options.samples) sweep.samples = static_cast<std::size_t>(std::max<std::int64_t>(0, *options.samples));
  if (options.levels) sweep.levels = static_cast<std::size_t>(std::max<std::int64_t>(0, *options.levels));
  if (!options.factors.empty()) {
    sweep.factors.clear();
    sweep.list.clear();
    std::set<std::string> keys;
    for (std::size_t i = 0; i < options.factors.size(); ++i) {
      Factor factor = read_factor_option(catalog, options.factors[i], static_cast<int>(i) + 1);
      if (!keys.insert(factor.key).second) {
        throw_scenario_error({kCommandLine, static_cast<int>(i) + 1, 1}, "--factor",
                             quote_for_message(factor.key) + " is already a factor", "each parameter once");
      }
      factor.where = {kCommandLine, static_cast<int>(i) + 1, 1};
      sweep.factors.push_back(std::move(factor));
    }
  }
  return sweep;
}

// Defaults that depend on the design kind, then the rules between fields.
void check_sweep(const SweepSpec& sweep) {
  const std::size_t k = sweep.factors.size();
  const auto fail = [&](const std::string& key, const std::string& problem, const std::string& allowed) {
    throw_scenario_error(sweep.where, key, problem, allowed);
  };
  if (k == 0) fail("sweep.factors", "no factors given", "at least one factor");
  const bool sampled = sweep.kind == DesignKind::latin_hypercube || sweep.kind == DesignKind::sobol ||
                       sweep.kind == DesignKind::saltelli || sweep.kind == DesignKind::morris;
  if (sampled && sweep.samples == 0) fail("sweep.samples", "no sample size given", "samples: N >= 1 (--samples N)");
  if (sweep.kind == DesignKind::saltelli && sweep.samples < 2) fail("sweep.samples", "too few samples", "N >= 2");
  if (sweep.kind == DesignKind::sobol && k > SobolSequence::max_dimensions) {
    fail("sweep.factors", std::to_string(k) + " factors", "at most 32 for a Sobol design");
  }
  if (sweep.kind == DesignKind::saltelli && 2 * k > SobolSequence::max_dimensions) {
    fail("sweep.factors", std::to_string(k) + " factors", "at most 16 for a Saltelli design (2k Sobol dimensions)");
  }
  if (sweep.kind == DesignKind::morris && (sweep.levels < 2 || sweep.levels % 2 != 0)) {
    fail("sweep.levels", std::to_string(sweep.levels) + " levels", "an even number >= 2 for Morris, e.g. 4");
  }
  if (sweep.kind == DesignKind::list && sweep.list.empty()) fail("sweep.points", "no points given", "points: a list of rows");
  double points = 1;
  for (const Factor& f : sweep.factors) {
    points *= sweep.kind == DesignKind::grid
                  ? double(f.distribution == Distribution::categorical ? f.choices.size() : std::max<std::size_t>(1, sweep.levels))
                  : 1.0;
  }
  if (points > double(kMaxPoints) || double(design_size(sweep)) > double(kMaxPoints)) {
    fail("sweep", "the design has too many points", "at most " + std::to_string(kMaxPoints));
  }
}

std::string sweep_yaml(const SweepSpec& sweep) {
  std::string out = "sweep:\n  design: " + design_kind_name(sweep.kind) + "\n";
  if (sweep.samples > 0) out += "  samples: " + std::to_string(sweep.samples) + "\n";
  if (sweep.levels > 0) out += "  levels: " + std::to_string(sweep.levels) + "\n";
  out += "  bootstrap: " + std::to_string(sweep.bootstrap) + "\n";
  if (!sweep.outputs.empty()) out += "  outputs: [" + joined(sweep.outputs) + "]\n";
  out += "  factors:\n";
  for (const Factor& f : sweep.factors) {
    out += "    - {key: " + f.key + ", distribution: " + distribution_name(f.distribution);
    if (f.distribution == Distribution::categorical) {
      std::string words;
      for (const std::string& c : f.choices) words += (words.empty() ? "" : ", ") + to_yaml_scalar(c);
      out += ", values: [" + words + "]}\n";
      continue;
    }
    const bool integer = f.distribution == Distribution::integer;
    const auto number = [&](double v) {
      return integer ? value_to_text(static_cast<std::int64_t>(v)) : value_to_text(v);
    };
    out += ", low: " + number(f.low) + ", high: " + number(f.high);
    if (f.distribution == Distribution::normal) out += ", mean: " + number(f.mean) + ", sd: " + value_to_text(f.sd);
    out += "}\n";
  }
  if (sweep.kind != DesignKind::list) return out;
  out += "  points:\n";
  for (const auto& row : sweep.list) {
    std::string values;
    for (std::size_t i = 0; i < row.size(); ++i) {
      const Factor& f = sweep.factors[i];
      const std::string text = f.distribution == Distribution::categorical
                                   ? to_yaml_scalar(f.choices[static_cast<std::size_t>(row[i])])
                                   : (f.distribution == Distribution::integer
                                          ? value_to_text(static_cast<std::int64_t>(row[i]))
                                          : value_to_text(row[i]));
      values += (values.empty() ? "" : ", ") + text;
    }
    out += "    - [" + values + "]\n";
  }
  return out;
}

}  // namespace alignsim::sim::detail
