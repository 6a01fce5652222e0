#include "cli/ensemble_table.hpp"

#include <algorithm>
#include <cmath>

#include "experiment/outcome_text.hpp"

namespace alignsim::cli {
namespace {

using Row = std::vector<std::string>;

void print_rows(std::FILE* out, const std::vector<Row>& rows) {
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const Row& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
  }
  for (const Row& row : rows) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      std::fprintf(out, "%s%-*s", c == 0 ? "" : "  ", static_cast<int>(widths[c]), row[c].c_str());
    }
    std::fputc('\n', out);
  }
}

// The range in the headline's unit: whole percent for amounts (the members' effects are
// means of a few replicates each: no finer digit is supported), else the metric's own.
std::string range_text(const experiment::EffectRange& range, const std::string& unit, bool relative) {
  if (!std::isfinite(range.low) || !std::isfinite(range.high)) return "n/a";
  if (relative) {
    char text[64];
    std::snprintf(text, sizeof text, "%+.0f%% to %+.0f%%", 100 * range.low, 100 * range.high);
    return text;
  }
  return experiment::format_difference(range.low, unit) + " to " + experiment::format_difference(range.high, unit);
}

std::string drivers_text(const experiment::EffectRange& range, const experiment::Ensemble& ensemble) {
  std::string text;
  for (const auto& [key, strength] : range.drivers) {
    char share[32];
    std::snprintf(share, sizeof share, " (rho^2 %.2f)", strength);
    text += (text.empty() ? "" : ", ") + ensemble.keys[key] + share;
  }
  return text.empty() ? "-" : text;
}

}  // namespace

void print_ensemble_table(std::FILE* out, const std::vector<std::string>& variant_names,
                          const std::vector<sim::MetricSpec>& metrics, const experiment::VariantStatistics& statistics,
                          const experiment::EnsembleEffects& effects, const experiment::Ensemble& ensemble) {
  if (variant_names.size() < 2) return;
  std::vector<experiment::KeyOutcome> columns;
  for (const experiment::KeyOutcome& k : experiment::key_outcomes_of(metrics)) {
    if (k.headline_column > 0) columns.push_back(k);
  }
  std::stable_sort(columns.begin(), columns.end(),
                   [](const auto& a, const auto& b) { return a.headline_column < b.headline_column; });
  std::vector<Row> rows{{"what-if", "outcome", "change (Monte-Carlo 95% CI)", "over plausible assumptions",
                         "follows most (Spearman rho^2 over members)"}};
  for (std::size_t v = 1; v < variant_names.size(); ++v) {
    for (const experiment::KeyOutcome& k : columns) {
      const bool relative = metrics[k.metric].unit != "1";
      const experiment::EffectRange range = effects.range(v, k.metric, relative);
      rows.push_back({variant_names[v], k.label,
                      experiment::headline_change(statistics.paired(v, k.metric), metrics[k.metric].unit),
                      range_text(range, metrics[k.metric].unit, relative), drivers_text(range, ensemble)});
    }
  }
  // Replicate r runs member r mod M: with R not a multiple of M the first R mod M members run once more.
  const std::size_t fewest = effects.replicates_per_member(), replicates = effects.replicates();
  const bool uneven = replicates > fewest * ensemble.size();
  const std::string per_member = uneven ? std::to_string(fewest) + " or " + std::to_string(fewest + 1) : std::to_string(fewest);
  std::fprintf(out,
               "Over plausible assumptions: %zu parameter vectors of %s, each run by %s paired replicates\n"
               "  change: the ensemble's average effect, mean over all replicates; its 95%% CI says how precisely\n"
               "  these runs know that average (Monte-Carlo noise and which members were drawn), not the spread\n"
               "  over plausible assumptions: 5th to 95th percentile of the effect across the members (each a mean\n"
               "  of its %s replicates, so it also holds their Monte-Carlo noise)\n\n",
               ensemble.size(), ensemble.file.c_str(), per_member.c_str(), per_member.c_str());
  print_rows(out, rows);
  std::fputc('\n', out);
}

}  // namespace alignsim::cli
