// `alignsim run`: load a scenario, run variants x replicates in parallel, stream every
// run to the HDF5 results file, and print key outcomes with honest uncertainty.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>

#include "alignsim/version.hpp"
#include "cli/commands.hpp"
#include "cli/experiment_options.hpp"
#include "cli/outcome_table.hpp"
#include "cli/replication_rounds.hpp"
#include "cli/scenario_options.hpp"
#include "cli/sweep_run.hpp"
#include "cli/variant_statistics.hpp"
#include "models/metrics.hpp"
#include "sim/errors.hpp"
#include "sim/results_file.hpp"
#include "sim/runner.hpp"

namespace alignsim::cli {
namespace {

namespace po = boost::program_options;

struct RunOptions {
  ScenarioOptions scenario;
  ExperimentOptions experiment;
  std::string output;
  std::size_t threads = 0;
  bool overwrite = false;
  bool progress = false;
  bool quiet = false;
};

const std::vector<KeyOutcome>& sales_key_outcomes() {
  using model::Summary;
  static const std::vector<KeyOutcome> outcomes{
      {static_cast<std::size_t>(Summary::mqls), "MQLs"},
      {static_cast<std::size_t>(Summary::share_mqls_ignored), "share of MQLs ignored"},
      {static_cast<std::size_t>(Summary::median_response_hours), "median response time"},
      {static_cast<std::size_t>(Summary::win_rate), "win rate"},
      {static_cast<std::size_t>(Summary::wins), "deals won"},
      {static_cast<std::size_t>(Summary::bookings_usd), "bookings"},
      {static_cast<std::size_t>(Summary::mean_rep_trust_end), "mean rep trust (0-1)"},
      // One line per alignment mechanism (M9-M17), so every what-if shows its lever.
      {static_cast<std::size_t>(Summary::prospecting_time_share), "rep time on own prospecting"},
      {static_cast<std::size_t>(Summary::hoarded_leads), "own leads hidden from marketing"},
      {static_cast<std::size_t>(Summary::scoring_noise_end), "lead-scoring noise (sd)"},
      {static_cast<std::size_t>(Summary::content_relevance_end), "content relevance (0-1)"},
      {static_cast<std::size_t>(Summary::marketing_budget_share_of_revenue), "marketing budget / revenue"},
      {static_cast<std::size_t>(Summary::reps_end), "reps at the end"},
      {static_cast<std::size_t>(Summary::customers_end), "customers at the end"},
      {static_cast<std::size_t>(Summary::retention), "customer retention"},
      {static_cast<std::size_t>(Summary::framework_adoption_end), "reps using the selling framework"},
  };
  return outcomes;
}

// The sales model's executive summary; any other model shows every summary metric.
std::vector<KeyOutcome> key_outcomes(const LoadedScenario& loaded) {
  if (loaded.model->name == "sales_marketing") return sales_key_outcomes();
  std::vector<KeyOutcome> outcomes;
  const auto& summary = loaded.model->outputs().summary;
  for (std::size_t m = 0; m < summary.size(); ++m) outcomes.push_back({m, summary[m].name});
  return outcomes;
}

std::string overrides_yaml(const sim::VariantSpec& variant) {
  if (variant.overrides.empty()) return "{}";
  std::string text;
  for (const auto& [key, setting] : variant.overrides) text += key + ": " + sim::value_to_text(setting.value) + "\n";
  return text;
}

sim::ResultsLayout results_layout(const LoadedScenario& loaded, std::size_t replicates) {
  const sim::ScenarioSpec& scenario = loaded.spec;
  sim::ResultsLayout layout;
  for (const auto& v : scenario.variants) {
    layout.variant_names.push_back(v.name);
    layout.variant_descriptions.push_back(v.description);
    layout.variant_overrides_yaml.push_back(overrides_yaml(v));
  }
  layout.replicates = replicates;
  layout.periods = sim::reporting_periods(scenario.horizon_days, scenario.period_days);
  layout.period_days = scenario.period_days;
  layout.metrics = loaded.model->outputs();
  return layout;
}

sim::Provenance provenance(const sim::ScenarioSpec& scenario) {
  return {kVersion, kGitRevision, scenario.name, scenario.resolved_yaml, scenario.seed, scenario.horizon_days};
}

std::filesystem::path output_path(const RunOptions& options, const sim::ScenarioSpec& scenario) {
  return options.output.empty() ? std::filesystem::path(scenario.name + ".h5") : std::filesystem::path(options.output);
}

int execute(const RunOptions& options) {
  const LoadedScenario loaded = load_experiment(options.scenario, options.experiment.sweep);
  const sim::ScenarioSpec& scenario = loaded.spec;
  const auto initial = static_cast<std::size_t>(scenario.replicates);
  const std::optional<TargetCi> target = parse_target_ci(options.experiment, loaded.model->outputs(), initial);
  const auto path = output_path(options, scenario);
  if (!options.overwrite && std::filesystem::exists(path)) {
    throw OutputError("results file '" + path.string() + "' already exists (pass --overwrite to replace it)");
  }
  const std::size_t threads = sim::resolve_thread_count(options.threads);
  const sim::RunnerOptions runner{threads, options.progress || (!options.quiet && isatty(STDERR_FILENO) != 0)};
  if (scenario.sweep) return run_sweep({loaded, path, options.overwrite, target, runner, options.quiet});

  const sim::ResultsLayout layout = results_layout(loaded, target ? target->max_replicates : initial);
  sim::ResultsFile results(path, layout, provenance(scenario), options.overwrite);

  if (!options.quiet) {
    std::fprintf(stderr, "alignsim %s: scenario '%s', %zu variants x %lld replicates, %lld business days, seed %llu, %zu threads\n",
                 kVersion, scenario.name.c_str(), layout.variant_names.size(),
                 static_cast<long long>(scenario.replicates), static_cast<long long>(scenario.horizon_days),
                 static_cast<unsigned long long>(scenario.seed), threads);
  }
  VariantStatistics statistics(layout.variant_names.size(), layout.metrics.summary.size());
  const RoundsPlan plan{layout.variant_names.size(), initial, layout.metrics.summary.size(),
                        layout.metrics.series.size() * layout.periods, target};
  const RoundsResult rounds = run_in_rounds(
      plan,
      [&](std::size_t variant, std::size_t replicate) {
        return loaded.model->run(scenario.variants[variant].resolved, static_cast<std::uint32_t>(replicate));
      },
      [&](std::size_t variant, std::size_t replicate, sim::RunOutput&& run) {
        results.write_run(variant, replicate, run);
        statistics.add(variant, replicate, run);
      },
      runner);
  const std::size_t failed = rounds.failed;
  if (target) results.finish_runs(kNotRunError);

  results.write_table("statistics", VariantStatistics::statistics_columns(), "statistic", layout.metrics.summary,
                      statistics.statistics_table());
  results.write_table("paired_differences", VariantStatistics::paired_columns(), "statistic",
                      layout.metrics.summary, statistics.paired_table());
  results.commit();

  print_outcome_table(stdout, layout.variant_names, layout.metrics.summary, key_outcomes(loaded), statistics);
  if (target) {
    std::printf("Adaptive replication: %zu rounds, %zu replicates; target %s\n", rounds.rounds, rounds.replicates,
                rounds.target_met ? "met by every variant" : "NOT met by every variant (maximum reached)");
  }
  std::printf("Results: %s\n", path.string().c_str());
  if (failed > 0) {
    std::fprintf(stderr, "alignsim: %zu of %zu runs failed; their errors are in /runs/error of %s\n", failed,
                 layout.variant_names.size() * rounds.replicates, path.string().c_str());
    return kExitRunsFailed;
  }
  return kExitOk;
}

}  // namespace

int run_command(const Arguments& args) {
  RunOptions options;
  po::options_description description("Usage: alignsim run [SCENARIO.yaml] [options]\n\n"
                                      "Runs every variant of the scenario for its replicates and writes an HDF5 file.\n"
                                      "Without SCENARIO the built-in default scenario runs.\n\nOptions");
  description.add_options()("help,h", "show this help")
      ("output,o", po::value(&options.output), "results file (default: SCENARIO_NAME.h5)")
      ("threads", po::value(&options.threads), "worker threads (default: all cores)")
      ("overwrite", po::bool_switch(&options.overwrite), "replace an existing results file")
      ("progress", po::bool_switch(&options.progress), "show the progress line even when stderr is not a terminal")
      ("quiet,q", po::bool_switch(&options.quiet), "no progress or banner on stderr");
  add_scenario_options(description, options.scenario);
  add_experiment_options(description, options.experiment);
  po::options_description hidden;
  hidden.add_options()("scenario", po::value<std::string>());
  po::options_description all;
  all.add(description).add(hidden);
  po::positional_options_description positional;
  positional.add("scenario", 1);

  po::variables_map vm;
  po::store(po::command_line_parser(args).options(all).positional(positional).run(), vm);
  if (vm.count("help") != 0) {
    std::cout << description << "\n";
    return kExitOk;
  }
  po::notify(vm);
  if (vm.count("scenario") != 0) options.scenario.file = vm["scenario"].as<std::string>();
  read_scenario_shortcuts(vm, options.scenario);
  read_experiment_options(vm, options.experiment);
  return execute(options);
}

}  // namespace alignsim::cli
