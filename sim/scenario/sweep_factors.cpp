#include "sim/scenario/sweep_factors.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "sim/errors.hpp"
#include "sim/scenario/catalog_keys.hpp"
#include "sim/scenario/key_suggestion.hpp"
#include "sim/scenario/setting_value.hpp"
#include "sim/scenario/sweep_values.hpp"

namespace alignsim::sim::detail {
namespace {

const std::vector<std::string> kFactorKeys{"key", "distribution", "low", "high", "mean", "sd", "values"};

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
    throw_scenario_error(entry.value_at, shown, "a non-empty list of choices is expected", "some of: " + list_names(allowed, 0));
  }
  std::vector<std::string> words;
  for (const auto& item : entry.value) {
    const SourceLocation at = location_of(entry.value_at.file, item.Mark());
    const std::string word = item.IsScalar() ? item.Scalar() : std::string();
    if (std::find(allowed.begin(), allowed.end(), word) == allowed.end()) {
      throw_scenario_error(at, shown, quote_for_message(word) + " is not one of the choices", "some of: " + list_names(allowed, 0));
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
  return entry ? numeric_value(read_value(spec, shown, entry->value, entry->value_at)) : fallback;
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
  f.mean = numeric_value(read_value(spec, shown + ".mean", e.mean->value, e.mean->value_at));
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

double list_value(const ParameterCatalog& catalog, const Factor& factor, const YAML::Node& node,
                  const std::string& shown, const SourceLocation& at) {
  const ParameterSpec& spec = *catalog.find(factor.key);
  const ParameterValue value = read_value(spec, shown, node, at);
  if (factor.distribution != Distribution::categorical) return numeric_value(value);
  const std::string word = value_to_text(value);
  const auto found = std::find(factor.choices.begin(), factor.choices.end(), word);
  if (found == factor.choices.end()) {
    throw_scenario_error(at, shown, quote_for_message(word) + " is not among the factor's values",
                         "one of: " + list_names(factor.choices, 0));
  }
  return static_cast<double>(found - factor.choices.begin());
}

}  // namespace

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

Factor read_factor_option(const ParameterCatalog& catalog, const std::string& text, int number) {
  const std::string shown = "--factor";
  const auto equals = text.find('=');
  const std::string form = "key=low:high[:uniform|log_uniform|integer] or key=choice,choice";
  if (equals == std::string::npos) throw_scenario_error({kCommandLine, number, 1}, shown, "missing '='", form);
  const std::string key = text.substr(0, equals), value = text.substr(equals + 1);
  const SourceLocation value_at{kCommandLine, number, static_cast<int>(equals) + 2};
  std::string yaml = "{key: " + to_yaml_scalar(key);
  const std::vector<std::string> range = split_text(value, ':');
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

}  // namespace alignsim::sim::detail
