#include "experiment/pattern_file.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "sim/scenario/key_suggestion.hpp"
#include "sim/scenario/setting_value.hpp"
#include "sim/scenario/yaml_source.hpp"

namespace alignsim::experiment {
namespace {

using sim::SourceLocation;
using sim::detail::MapEntry;
using sim::detail::throw_scenario_error;

const std::string kPatternKeys =
    "keys of a pattern: name, statistic, observed, band, standard_error, discrepancy_sd, source, source_short, note";
const std::string kStatisticShape =
    "{metric: M, variant: V}, {metric: M, per: N, variant: V}, {growth: S, variant: V} or "
    "{contrast: ratio|difference|growth_gap, metric: M, variant: V, versus: W}";

std::string joined(const std::vector<std::string>& words) {
  std::string text;
  for (const std::string& word : words) text += (text.empty() ? "" : ", ") + word;
  return text;
}

double read_number(const MapEntry& entry, const std::string& path) {
  if (const std::string problem = sim::detail::single_value_problem(entry.value); !problem.empty()) {
    throw_scenario_error(entry.value_at, path, problem, "a number");
  }
  sim::ParameterSpec any_real;
  any_real.kind = sim::ValueKind::real;
  any_real.minimum = std::numeric_limits<double>::lowest();
  any_real.maximum = std::numeric_limits<double>::max();
  const auto parsed = sim::detail::parse_setting(any_real, sim::detail::scalar_text(entry.value));
  if (!parsed.value) throw_scenario_error(entry.value_at, path, parsed.problem, "a finite number");
  return std::get<double>(*parsed.value);
}

std::string read_text(const MapEntry& entry, const std::string& path) {
  if (const std::string problem = sim::detail::single_value_problem(entry.value); !problem.empty()) {
    throw_scenario_error(entry.value_at, path, problem, "text");
  }
  const std::string text = sim::detail::scalar_text(entry.value).text;
  if (text.empty()) throw_scenario_error(entry.value_at, path, "empty text", "non-empty text");
  return text;
}

// The citation cut to a table column's width, never inside a UTF-8 sequence.
std::string short_form(const std::string& citation) {
  constexpr std::size_t width = 24;
  if (citation.size() <= width) return citation;
  std::size_t cut = width;
  while (cut > 0 && (static_cast<unsigned char>(citation[cut]) & 0xC0) == 0x80) --cut;
  return citation.substr(0, cut);
}

// `name` must be one of `known`; the message lists them or suggests the nearest.
void require_known(const MapEntry& entry, const std::string& path, const std::string& name,
                   const std::vector<std::string>& known, const std::string& what) {
  if (std::find(known.begin(), known.end(), name) != known.end()) return;
  std::string problem = sim::detail::quote_for_message(name) + " is not " + what + " of the results file";
  if (const auto nearest = sim::detail::suggest_key(name, known)) problem += "; did you mean '" + *nearest + "'?";
  throw_scenario_error(entry.value_at, path, problem, known.size() <= 8 ? joined(known) : "see docs/output-format.md");
}

StatisticKind contrast_kind(const MapEntry& entry, const std::string& path) {
  const std::string word = read_text(entry, path);
  if (word == "ratio") return StatisticKind::ratio;
  if (word == "difference") return StatisticKind::difference;
  if (word == "growth_gap") return StatisticKind::growth_gap;
  throw_scenario_error(entry.value_at, path, sim::detail::quote_for_message(word) + " is not a contrast",
                       "ratio, difference or growth_gap");
}

using StatisticFields = std::map<std::string, MapEntry>;

StatisticFields statistic_fields(const MapEntry& entry, const std::string& file, const std::string& path) {
  if (!entry.value.IsMap()) {
    throw_scenario_error(entry.value_at, path, sim::detail::node_kind_name(entry.value) + " where a mapping is expected",
                         kStatisticShape);
  }
  StatisticFields given;
  for (const MapEntry& field : sim::detail::mapping_entries(entry.value, file, path)) {
    if (field.key != "contrast" && field.key != "metric" && field.key != "variant" && field.key != "versus" &&
        field.key != "per" && field.key != "growth") {
      throw_scenario_error(field.key_at, path + "." + field.key, "unknown key",
                           "contrast, growth, metric, per, variant, versus");
    }
    given.emplace(field.key, field);
  }
  return given;
}

// metric and variant always; versus exactly when there is a contrast.
void require_statistic_shape(bool contrast, const StatisticFields& given, const MapEntry& entry, const std::string& path) {
  if (given.count("growth") != 0 && (given.count("metric") != 0 || contrast || given.count("per") != 0)) {
    throw_scenario_error(given.at("growth").key_at, path + ".growth", "growth names its own series",
                         "{growth: S, variant: V} alone, without metric, per or contrast");
  }
  for (const char* required : {given.count("growth") != 0 ? "growth" : "metric", "variant"}) {
    if (!given.count(required)) throw_scenario_error(entry.value_at, path, std::string("no ") + required + " given", kStatisticShape);
  }
  if (contrast && !given.count("versus")) {
    throw_scenario_error(entry.value_at, path, "a contrast needs versus: the variant it is compared with", kStatisticShape);
  }
  if (!contrast && given.count("versus")) {
    throw_scenario_error(given.at("versus").key_at, path + ".versus", "versus without contrast",
                         "add contrast: ratio, difference or growth_gap, or remove versus");
  }
}

std::string known_variant(const StatisticFields& given, const std::string& key, const std::string& path,
                          const PatternVocabulary& known) {
  const std::string variant = read_text(given.at(key), path + "." + key);
  require_known(given.at(key), path + "." + key, variant, known.variants, "a variant");
  return variant;
}

PatternStatistic read_statistic(const MapEntry& entry, const std::string& file, const std::string& path,
                                const PatternVocabulary& known) {
  const StatisticFields given = statistic_fields(entry, file, path);
  PatternStatistic statistic;
  if (given.count("contrast")) statistic.kind = contrast_kind(given.at("contrast"), path + ".contrast");
  const bool contrast = statistic.kind != StatisticKind::level;
  require_statistic_shape(contrast, given, entry, path);
  if (given.count("growth") != 0) statistic.kind = StatisticKind::growth;
  const std::string metric_key = statistic.kind == StatisticKind::growth ? "growth" : "metric";
  statistic.metric = read_text(given.at(metric_key), path + "." + metric_key);
  const bool series = statistic.kind == StatisticKind::growth_gap || statistic.kind == StatisticKind::growth;
  require_known(given.at(metric_key), path + "." + metric_key, statistic.metric,
                series ? known.series_metrics : known.summary_metrics, series ? "a series metric" : "a summary metric");
  statistic.variant = known_variant(given, "variant", path, known);
  if (given.count("per")) {
    if (contrast) throw_scenario_error(given.at("per").key_at, path + ".per", "per with a contrast", "per only with {metric, variant}");
    statistic.per = read_text(given.at("per"), path + ".per");
    require_known(given.at("per"), path + ".per", statistic.per, known.summary_metrics, "a summary metric");
  }
  if (!contrast) return statistic;
  statistic.versus = known_variant(given, "versus", path, known);
  if (statistic.versus == statistic.variant) {
    throw_scenario_error(given.at("versus").value_at, path + ".versus", "a variant contrasted with itself",
                         "two different variants");
  }
  return statistic;
}

void read_band(Pattern& pattern, const MapEntry& entry, const std::string& file, const std::string& path) {
  if (!entry.value.IsSequence() || entry.value.size() != 2) {
    throw_scenario_error(entry.value_at, path, sim::detail::node_kind_name(entry.value) + " where [low, high] is expected",
                         "a list of two numbers, low < high");
  }
  const SourceLocation low_at = sim::detail::location_of(file, entry.value[0].Mark());
  const SourceLocation high_at = sim::detail::location_of(file, entry.value[1].Mark());
  pattern.band_low = read_number({"0", low_at, entry.value[0], low_at}, path + "[0]");
  pattern.band_high = read_number({"1", high_at, entry.value[1], high_at}, path + "[1]");
  if (!(*pattern.band_low < *pattern.band_high)) {
    throw_scenario_error(entry.value_at, path,
                         "low " + sim::value_to_text(*pattern.band_low) + " is not below high " +
                             sim::value_to_text(*pattern.band_high),
                         "low < high");
  }
}

double read_positive(const MapEntry& entry, const std::string& path, bool zero_allowed) {
  const double value = read_number(entry, path);
  if (value < 0 || (!zero_allowed && value == 0)) {
    throw_scenario_error(entry.value_at, path, sim::value_to_text(value) + (zero_allowed ? " is negative" : " is not positive"),
                         zero_allowed ? "a number >= 0" : "a number > 0");
  }
  return value;
}

// Fields after the first pass, so that errors about what is missing come after errors
// about what is there, in document order.
void check_complete(const Pattern& pattern, const std::map<std::string, MapEntry>& given, const std::string& path) {
  for (const char* required : {"name", "statistic", "observed", "source"}) {
    if (!given.count(required)) {
      throw_scenario_error(pattern.where, path, std::string("no ") + required + " given", kPatternKeys);
    }
  }
  if (given.count("band") && given.count("standard_error")) {
    throw_scenario_error(given.at("standard_error").key_at, path + ".standard_error", "both band and standard_error given",
                         "the uncertainty is either a band or a standard error");
  }
  if (!given.count("band") && !given.count("standard_error")) {
    throw_scenario_error(pattern.where, path, "no uncertainty given", "band: [low, high] or standard_error: x");
  }
  if (pattern.band_low && !(pattern.observed >= *pattern.band_low && pattern.observed <= *pattern.band_high)) {
    throw_scenario_error(given.at("observed").value_at, path + ".observed",
                         sim::value_to_text(pattern.observed) + " lies outside its band",
                         "an observed value within [low, high]");
  }
}

Pattern read_pattern(const YAML::Node& item, const std::string& file, const std::string& path,
                     const PatternVocabulary& known) {
  Pattern pattern;
  pattern.where = sim::detail::location_of(file, item.Mark());
  if (!item.IsMap()) {
    throw_scenario_error(pattern.where, path, sim::detail::node_kind_name(item) + " where a pattern is expected",
                         "a mapping with " + kPatternKeys);
  }
  std::map<std::string, MapEntry> given;
  for (const MapEntry& entry : sim::detail::mapping_entries(item, file, path)) {
    const std::string key_path = path + "." + entry.key;
    if (entry.key == "name") pattern.name = read_text(entry, key_path);
    else if (entry.key == "statistic") pattern.statistic = read_statistic(entry, file, key_path, known);
    else if (entry.key == "observed") pattern.observed = read_number(entry, key_path);
    else if (entry.key == "band") read_band(pattern, entry, file, key_path);
    else if (entry.key == "standard_error") pattern.standard_error = read_positive(entry, key_path, false);
    else if (entry.key == "discrepancy_sd") pattern.discrepancy_sd = read_positive(entry, key_path, true);
    else if (entry.key == "source") pattern.source = read_text(entry, key_path);
    else if (entry.key == "source_short") pattern.source_short = read_text(entry, key_path);
    else if (entry.key == "note") pattern.note = read_text(entry, key_path);
    else throw_scenario_error(entry.key_at, key_path, "unknown key", kPatternKeys);
    given.emplace(entry.key, entry);
  }
  check_complete(pattern, given, path);
  if (pattern.source_short.empty()) pattern.source_short = short_form(pattern.source);
  return pattern;
}

std::vector<Pattern> read_patterns(const MapEntry& entry, const std::string& file, const PatternVocabulary& known) {
  if (!entry.value.IsSequence() || entry.value.size() == 0) {
    throw_scenario_error(entry.value_at, "patterns",
                         entry.value.IsSequence() ? std::string("an empty list") : sim::detail::node_kind_name(entry.value) + " where a list is expected",
                         "a list of patterns, each a mapping with " + kPatternKeys);
  }
  std::vector<Pattern> patterns;
  std::map<std::string, std::size_t> index_of_name;
  for (const auto& item : entry.value) {
    const std::string path = "patterns[" + std::to_string(patterns.size()) + "]";
    Pattern pattern = read_pattern(item, file, path, known);
    const auto [first, inserted] = index_of_name.emplace(pattern.name, patterns.size());
    if (!inserted) {
      throw_scenario_error(pattern.where, path + ".name",
                           sim::detail::quote_for_message(pattern.name) + " is already patterns[" +
                               std::to_string(first->second) + "]",
                           "each pattern has its own name");
    }
    patterns.push_back(std::move(pattern));
  }
  return patterns;
}

PatternSet read_root(const std::string& file, const YAML::Node& root, const PatternVocabulary& known) {
  const SourceLocation top = sim::detail::location_of(file, root.Mark());
  if (!root.IsMap()) {
    throw_scenario_error(top, "", sim::detail::node_kind_name(root) + " where a mapping is expected",
                         "a mapping with patterns: and an optional description:");
  }
  PatternSet set;
  set.file = file;
  bool has_patterns = false;
  for (const MapEntry& entry : sim::detail::mapping_entries(root, file, "")) {
    if (entry.key == "description") set.description = read_text(entry, "description");
    else if (entry.key == "patterns") {
      set.patterns = read_patterns(entry, file, known);
      has_patterns = true;
    } else {
      throw_scenario_error(entry.key_at, entry.key, "unknown key", "top-level keys: description, patterns");
    }
  }
  if (!has_patterns) throw_scenario_error(top, "patterns", "no patterns given", "a list of patterns");
  return set;
}

}  // namespace

double Pattern::observation_variance() const {
  if (band_low && band_high) return std::pow((*band_high - *band_low) / 4.0, 2);
  return standard_error ? *standard_error * *standard_error : 0.0;
}

PatternSet read_pattern_file(const std::string& path, const PatternVocabulary& known) {
  const sim::detail::FileRequest request{path, SourceLocation{path, 0, 0}, ""};
  return read_root(path, sim::detail::read_yaml_file(request), known);
}

PatternSet read_pattern_text(const std::string& name, const std::string& text, const PatternVocabulary& known) {
  return read_root(name, sim::detail::yaml_document(name, text), known);
}

std::string kind_name(StatisticKind kind) {
  switch (kind) {
    case StatisticKind::level: return "metric";
    case StatisticKind::ratio: return "ratio";
    case StatisticKind::difference: return "difference";
    case StatisticKind::growth_gap: return "growth_gap";
    case StatisticKind::growth: return "growth";
  }
  return "metric";
}

}  // namespace alignsim::experiment
