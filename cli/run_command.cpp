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
#include "cli/outcome_table.hpp"
#include "cli/scenario_options.hpp"
#include "cli/variant_statistics.hpp"
#include "models/metrics.hpp"
#include "models/parameter_catalog.hpp"
#include "models/simulation.hpp"
#include "sim/errors.hpp"
#include "sim/results_file.hpp"
#include "sim/runner.hpp"

namespace alignsim::cli {
namespace {

namespace po = boost::program_options;

struct RunOptions {
  ScenarioOptions scenario;
  std::string output;
  std::size_t threads = 0;
  bool overwrite = false;
  bool progress = false;
  bool quiet = false;
};

const std::vector<KeyOutcome>& key_outcomes() {
  using model::Summary;
  static const std::vector<KeyOutcome> outcomes{
      {static_cast<std::size_t>(Summary::mqls), "MQLs"},
      {static_cast<std::size_t>(Summary::share_mqls_ignored), "share of MQLs ignored"},
      {static_cast<std::size_t>(Summary::median_response_hours), "median response time"},
      {static_cast<std::size_t>(Summary::win_rate), "win rate"},
      {static_cast<std::size_t>(Summary::wins), "deals won"},
      {static_cast<std::size_t>(Summary::bookings_usd), "bookings"},
      {static_cast<std::size_t>(Summary::mean_rep_trust_end), "mean rep trust (0-1)"},
  };
  return outcomes;
}

std::string overrides_yaml(const sim::VariantSpec& variant) {
  if (variant.overrides.empty()) return "{}";
  std::string text;
  for (const auto& [key, setting] : variant.overrides) text += key + ": " + sim::value_to_text(setting.value) + "\n";
  return text;
}

sim::ResultsLayout results_layout(const sim::ScenarioSpec& scenario) {
  sim::ResultsLayout layout;
  for (const auto& v : scenario.variants) {
    layout.variant_names.push_back(v.name);
    layout.variant_descriptions.push_back(v.description);
    layout.variant_overrides_yaml.push_back(overrides_yaml(v));
  }
  layout.replicates = static_cast<std::size_t>(scenario.replicates);
  layout.periods = model::period_count(scenario.horizon_days, scenario.period_days);
  layout.period_days = scenario.period_days;
  layout.metrics = model::model_output_layout();
  return layout;
}

sim::Provenance provenance(const sim::ScenarioSpec& scenario) {
  return {kVersion, kGitRevision, scenario.name, scenario.resolved_yaml, scenario.seed, scenario.horizon_days};
}

std::filesystem::path output_path(const RunOptions& options, const sim::ScenarioSpec& scenario) {
  return options.output.empty() ? std::filesystem::path(scenario.name + ".h5") : std::filesystem::path(options.output);
}

int execute(const RunOptions& options) {
  const sim::ScenarioSpec scenario = load_scenario_from(options.scenario);
  std::vector<std::shared_ptr<const model::ModelParameters>> parameters;
  for (const auto& v : scenario.variants) {
    parameters.push_back(std::make_shared<const model::ModelParameters>(model::model_parameters_from(v.resolved)));
  }
  const sim::ResultsLayout layout = results_layout(scenario);
  const auto path = output_path(options, scenario);
  if (!options.overwrite && std::filesystem::exists(path)) {
    throw OutputError("results file '" + path.string() + "' already exists (pass --overwrite to replace it)");
  }
  sim::ResultsFile results(path, layout, provenance(scenario), options.overwrite);

  const std::size_t threads = sim::resolve_thread_count(options.threads);
  if (!options.quiet) {
    std::fprintf(stderr, "alignsim %s: scenario '%s', %zu variants x %lld replicates, %lld business days, seed %llu, %zu threads\n",
                 kVersion, scenario.name.c_str(), layout.variant_names.size(),
                 static_cast<long long>(scenario.replicates), static_cast<long long>(scenario.horizon_days),
                 static_cast<unsigned long long>(scenario.seed), threads);
  }
  VariantStatistics statistics(layout.variant_names.size(), layout.metrics.summary.size());
  const sim::RunPlan plan{layout.variant_names.size(), layout.replicates, layout.metrics.summary.size(),
                          layout.metrics.series.size() * layout.periods};
  const std::size_t failed = sim::run_all(
      plan,
      [&](std::size_t variant, std::size_t replicate) {
        return model::run_model(parameters[variant], static_cast<std::uint32_t>(replicate));
      },
      [&](std::size_t variant, std::size_t replicate, sim::RunOutput&& run) {
        results.write_run(variant, replicate, run);
        statistics.add(variant, replicate, run);
      },
      {threads, options.progress || (!options.quiet && isatty(STDERR_FILENO) != 0)});

  results.write_table("statistics", VariantStatistics::statistics_columns(), "statistic", layout.metrics.summary,
                      statistics.statistics_table());
  results.write_table("paired_differences", VariantStatistics::paired_columns(), "statistic",
                      layout.metrics.summary, statistics.paired_table());
  results.commit();

  print_outcome_table(stdout, layout.variant_names, layout.metrics.summary, key_outcomes(), statistics);
  std::printf("Results: %s\n", path.string().c_str());
  if (failed > 0) {
    std::fprintf(stderr, "alignsim: %zu of %zu runs failed; their errors are in /runs/error of %s\n", failed,
                 plan.runs(), path.string().c_str());
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
  return execute(options);
}

}  // namespace alignsim::cli
