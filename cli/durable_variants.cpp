#include "cli/durable_variants.hpp"

#include <cstdio>

#include "experiment/durable_output.hpp"

namespace alignsim::cli {

std::optional<experiment::VariantResults> run_variants_durably(const experiment::Experiment& experiment,
                                                               const experiment::RunTable& runs,
                                                               const std::filesystem::path& path,
                                                               const std::string& identity,
                                                               const DurableRunOptions& options,
                                                               const sim::RunnerOptions& runner) {
  experiment::DurableOutput durable(path, identity,
                                    {options.overwrite, options.resume, true, experiment::kJournalSyncInterval,
                                     options.inputs,
                                     {static_cast<std::uint32_t>(runs.summary_size()),
                                      static_cast<std::uint32_t>(runs.series_size()),
                                      static_cast<std::uint32_t>(runs.agents_size())}});
  if (durable.already_complete()) return std::nullopt;
  if (!options.quiet && !durable.resume_note().empty()) std::fprintf(stderr, "alignsim: %s\n", durable.resume_note().c_str());
  if (!durable.damage_warning().empty()) std::fprintf(stderr, "alignsim: warning: %s\n", durable.damage_warning().c_str());
  auto results = experiment::run_variants({experiment, runs, path, std::nullopt, runner, durable.hooks(), nullptr});
  durable.finish();
  if (results.rounds.failed > 0 && !options.quiet) {
    std::fprintf(stderr, "alignsim: %zu runs of %s failed: %s\n", results.rounds.failed, path.string().c_str(),
                 results.rounds.first_error.c_str());
  }
  return results;
}

}  // namespace alignsim::cli
