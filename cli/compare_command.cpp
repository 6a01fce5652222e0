// `alignsim compare A.yaml B.yaml [...]`: runs the base scenario of every file with common
// random numbers (replicate r of each uses the same random streams; the scenario is not
// part of the random key) and prints, for each key metric, the paired difference of each
// scenario to the first with its 95% CI, and how much narrower that interval is than the
// unpaired (Welch) interval of the same runs would be.
#include <boost/program_options.hpp>
#include <cmath>
#include <cstdio>

#include "cli/caution_lines.hpp"
#include "cli/command_line.hpp"
#include "cli/compare_command.hpp"
#include "cli/ensemble_table.hpp"
#include "cli/outcome_table.hpp"
#include "cli/scenario_options.hpp"
#include "cli/thread_option.hpp"
#include "experiment/comparison.hpp"
#include "experiment/resource_check.hpp"
#include "experiment/run_table.hpp"
#include "sim/errors.hpp"
#include "sim/run/machine_resources.hpp"
#include "sim/run/runner.hpp"

namespace alignsim::cli {
namespace {

namespace po = boost::program_options;

void print_comparison(const std::vector<experiment::Experiment>& scenarios, const experiment::VariantStatistics& statistics,
                      const std::vector<sim::MetricSpec>& metrics, const std::vector<std::size_t>& shown) {
  std::printf("\nPaired differences to '%s' over common random numbers (95%% CI)\n", scenarios.front().spec.name.c_str());
  for (std::size_t v = 1; v < scenarios.size(); ++v) {
    std::printf("\n%s vs %s\n", scenarios[v].spec.name.c_str(), scenarios.front().spec.name.c_str());
    std::printf("  %-34s %-32s %-16s %-16s %s\n", "metric", "difference (95% CI)", "paired CI", "unpaired CI",
                "narrowing");
    for (std::size_t m : shown) {
      const auto& pd = statistics.paired(v, m);
      const auto ci = pd.difference_interval();
      const std::string& unit = metrics[m].unit;
      const std::string text = format_difference(ci.estimate, unit) + " [" + format_difference(ci.low, unit) + ", " +
                               format_difference(ci.high, unit) + "]";
      // NaN when every pair differs by the same amount (e.g. a metric the change leaves alone).
      const double narrowing = pd.narrowing_factor();
      char factor[32];
      std::snprintf(factor, sizeof factor, "%.2fx", narrowing);
      const std::string paired = format_half_width(ci.half_width, unit);
      const std::string unpaired = format_half_width(pd.unpaired_half_width(), unit);
      std::printf("  %-34s %-32s %-16s %-16s %s\n", metrics[m].shown_name().c_str(), text.c_str(), paired.c_str(),
                  unpaired.c_str(), std::isnan(narrowing) ? "n/a" : factor);
    }
  }
}

// Memory only: compare writes no file. The heaviest scenario's runs bound every run.
void refuse_impossible_work(const std::vector<experiment::Experiment>& scenarios, std::size_t threads) {
  const std::size_t runs = scenarios.size() * static_cast<std::size_t>(scenarios.front().spec.replicates);
  experiment::ResourceNeeds heaviest;
  for (const experiment::Experiment& scenario : scenarios) {
    const experiment::RunTable table(scenario);
    const experiment::ResourceNeeds needs = experiment::estimate_needs(table, {runs, threads, false});
    if (needs.memory > heaviest.memory) heaviest = needs;
  }
  experiment::refuse_impossible_work(heaviest, {sim::available_memory_bytes(), std::nullopt}, ".",
                                     scenarios.front().model->size_setting);
}

int execute(const std::vector<std::string>& files, const experiment::ScenarioRequest& shared, std::size_t threads,
            bool quiet, const std::string& ensemble) {
  if (files.size() < 2) throw UsageError("give at least two scenario files to compare");
  std::vector<experiment::Experiment> scenarios;
  for (const std::string& file : files) {
    experiment::ScenarioRequest request = shared;
    request.file = file;
    scenarios.push_back(experiment::load_experiment(request));
  }
  experiment::require_same_run_settings(scenarios);
  if (!ensemble.empty()) experiment::attach_comparison_ensemble(scenarios, ensemble);
  refuse_impossible_work(scenarios, sim::resolve_thread_count(threads));
  for (const experiment::Experiment& scenario : scenarios) {
    print_setting_cautions(stderr, scenario, experiment::RunTable(scenario));
  }
  const experiment::Experiment& first = scenarios.front();
  const sim::OutputLayout& outputs = first.model->outputs();
  if (!quiet) {
    std::fprintf(stderr, "alignsim compare: %zu scenarios x %lld replicates, seed %llu (common random numbers)\n",
                 scenarios.size(), static_cast<long long>(first.spec.replicates),
                 static_cast<unsigned long long>(first.spec.seed));
  }
  const experiment::ComparisonResults result =
      experiment::run_comparison(scenarios, {sim::resolve_thread_count(threads), false});
  const experiment::VariantStatistics& statistics = result.statistics;
  // The same rows as the key-outcome tables of `alignsim run`.
  std::vector<std::size_t> shown;
  for (const KeyOutcome& k : key_outcomes_of(outputs.summary)) shown.push_back(k.metric);
  print_comparison(scenarios, statistics, outputs.summary, shown);
  std::printf("\nnarrowing = unpaired (Welch) half-width / paired half-width; its square is how many\n"
              "times more replicates independent runs would need for the same precision.\n");
  if (result.ensemble_effects) {
    std::vector<std::string> names;
    for (const experiment::Experiment& scenario : scenarios) names.push_back(scenario.spec.name);
    std::printf("\n");
    print_ensemble_table(stdout, names, outputs.summary, statistics, *result.ensemble_effects, *first.ensemble);
  }
  if (result.rounds.failed > 0) {
    std::fprintf(stderr, "alignsim compare: %zu runs failed; their pairs are left out\n", result.rounds.failed);
    return kExitRunsFailed;
  }
  return kExitOk;
}

}  // namespace

int compare_command(const Arguments& args) {
  experiment::ScenarioRequest shared;
  std::size_t threads = 0;
  bool quiet = false;
  std::string ensemble;
  po::options_description description("Usage: alignsim compare A.yaml B.yaml [C.yaml ...] [options]\n\n"
                                      "Runs the base scenario of every file with common random numbers and prints\n"
                                      "each one's paired difference to the first. All must share run.* settings.\n\n"
                                      "Options");
  description.add_options()("help,h", "show this help")
      ("quiet,q", po::bool_switch(&quiet), "no banner on stderr")
      ("ensemble", po::value(&ensemble),
       "ENSEMBLE.yaml of 'alignsim calibrate': replicate r of every scenario runs member r mod M, and each "
       "difference gets its range over the plausible assumptions");
  add_thread_option(description);
  add_scenario_options(description, shared);
  std::vector<std::string> order;
  const auto parsed = parse_command_line(args, description, "scenario", po::value<std::vector<std::string>>(), -1, &order);
  if (!parsed) return kExitOk;
  const po::variables_map& vm = *parsed;
  read_scenario_shortcuts(vm, order, shared);
  threads = thread_count(vm);
  const auto files = vm.count("scenario") != 0 ? vm["scenario"].as<std::vector<std::string>>() : std::vector<std::string>{};
  return execute(files, shared, threads, quiet, ensemble);
}

}  // namespace alignsim::cli
