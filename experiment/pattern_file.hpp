#pragma once
// A file of observed patterns (docs/patterns.md): each pattern names a statistic of a
// results file (a summary metric of one variant, or a contrast between two variants),
// its observed value with its uncertainty, and its source. Read once, checked whole:
// every error is one "FILE:LINE:COL: key: problem (allowed)" line (a ScenarioError,
// the scenario loader's format and machinery), and nothing is returned half-read.
// Thread-safe (no shared state).
#include <optional>
#include <string>
#include <vector>

#include "sim/scenario/scenario.hpp"

namespace alignsim::experiment {

enum class StatisticKind {
  level,       // the metric of one variant
  ratio,       // metric(variant) / metric(versus), per replicate pair
  difference,  // metric(variant) - metric(versus), per replicate pair
  growth_gap,  // annual growth of a series in variant minus that in versus (pattern_statistics.hpp)
  growth,      // annual growth of a series in one variant (a level over time: {growth: S, variant: V})
};

struct PatternStatistic {
  StatisticKind kind = StatisticKind::level;
  std::string metric;   // a summary metric; a series metric for growth_gap and growth
  std::string variant;
  std::string versus;   // empty for a level
  // A level only: the metric per this summary metric of the same variant, replicate by
  // replicate (e.g. bookings_usd per wins: the mean deal won); empty: the metric itself.
  std::string per;
};

struct Pattern {
  std::string name;
  PatternStatistic statistic;
  double observed = 0;
  // Exactly one of band and standard_error; a band [low, high] is read as observed +- 2 sd.
  std::optional<double> band_low, band_high;
  std::optional<double> standard_error;
  double discrepancy_sd = 0;  // model discrepancy, same unit as the statistic
  std::string source;         // citation
  std::string source_short;   // for tables; the citation cut short when not given
  std::string note;
  sim::SourceLocation where;  // the pattern's entry in the file

  // Variance of the observation: ((high - low) / 4)^2 for a band, standard_error^2 otherwise.
  [[nodiscard]] double observation_variance() const;
};

// What a results file offers, so a pattern naming anything else fails at load time.
struct PatternVocabulary {
  std::vector<std::string> summary_metrics;
  std::vector<std::string> series_metrics;
  std::vector<std::string> variants;
};

struct PatternSet {
  std::string file;
  std::string description;
  std::vector<Pattern> patterns;
};

// Reads and checks `path` against `known`. Throws ScenarioError naming file, line and key.
[[nodiscard]] PatternSet read_pattern_file(const std::string& path, const PatternVocabulary& known);
// The same for text that did not come from a file; `name` is what messages call it.
[[nodiscard]] PatternSet read_pattern_text(const std::string& name, const std::string& text,
                                           const PatternVocabulary& known);

// The name a statistic kind has in a pattern file: "metric", "ratio", "difference", "growth_gap", "growth".
[[nodiscard]] std::string kind_name(StatisticKind kind);

}  // namespace alignsim::experiment
