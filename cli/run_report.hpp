#pragma once
// What `alignsim run` and `alignsim merge` print around an experiment: the banner on
// stderr when the output exists, then the outcome tables (or sensitivity tables, or the
// shard line) on stdout, the results path, and the exit code (kExitRunsFailed if some
// runs failed).
#include <filesystem>

#include "experiment/shard_experiment.hpp"
#include "experiment/sweep_experiment.hpp"
#include "experiment/variant_experiment.hpp"

namespace alignsim::cli {

void print_variants_banner(const experiment::Experiment& experiment, const sim::ResultsLayout& layout,
                           std::size_t threads);
void print_sweep_banner(const experiment::Experiment& experiment, const sim::ResultsLayout& layout);
void print_shard_banner(const sim::ShardHeader& header, const sim::ShardSpec& shard, std::size_t threads);

[[nodiscard]] int report_variants(const experiment::Experiment& experiment, const experiment::VariantResults& results,
                                  const std::filesystem::path& output, bool adaptive, bool brief);
[[nodiscard]] int report_sweep(const experiment::RunTable& runs, const experiment::SweepResults& results,
                               const std::filesystem::path& output, bool adaptive);
[[nodiscard]] int report_shard(const sim::ShardSpec& shard, const experiment::ShardResults& results,
                               const std::filesystem::path& output);

}  // namespace alignsim::cli
