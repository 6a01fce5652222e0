#pragma once
// What the page is sent, as JSON: the levers (once) and each progressive update. Every
// number a person reads is text formatted by experiment/outcome_text.hpp, exactly as
// the terminal prints it; the raw numbers beside it only size the bars. Pure functions.
#include <cstdint>
#include <string>
#include <vector>

#include "experiment/experiment.hpp"
#include "explorer/levers.hpp"
#include "explorer/progressive_run.hpp"

namespace alignsim::explorer {

// {"scenario", "description", "seed", "max_replicates", "first_replicates", "levers": [...],
//  "variants": [...]}
[[nodiscard]] std::string page_setup_json(const experiment::Experiment& served, const std::vector<Lever>& levers,
                                          const ProgressPlan& plan);

// {"generation", "replicates", "final", "target_met", "outcomes": [{label, unit, better,
//  headline_rank, base, what_if, difference, relative, headline, bar: {estimate, low, high, scale}}],
//  "fan": {label, unit, period_days, quantiles, base: [[q05..q95] per period], what_if}}
// for the what-if (variant 1) against the base.
[[nodiscard]] std::string progress_json(std::uint64_t generation, const Progress& progress,
                                        const sim::OutputLayout& outputs, std::uint64_t period_days);

// {"generation", "error"}: a change the scenario's validation refused.
[[nodiscard]] std::string error_json(std::uint64_t generation, const std::string& message);

}  // namespace alignsim::explorer
