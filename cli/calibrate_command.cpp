// `alignsim calibrate SCENARIO --patterns FILE`: history matching of the scenario's
// plausible ranges to observed patterns (issue 13 item 3, docs/patterns.md). Each wave
// is an ordinary variants run (experiment/calibration_wave.hpp) into OUTDIR/wave-K.h5,
// journaled like `alignsim run`, so a killed calibration continues with --resume and
// every wave file, hence the calibration, is the same for any thread or rank count.
// Under MPI rank 0 decides each wave's points and broadcasts them; the other ranks
// compute the wave's runs and wait for the next.
#include <unistd.h>

#include <boost/program_options.hpp>
#include <algorithm>
#include <cmath>
#include <functional>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "cli/command_line.hpp"
#include "cli/durable_variants.hpp"
#include "cli/commands.hpp"
#include "cli/scenario_options.hpp"
#include "cli/thread_option.hpp"
#include "experiment/calibration_file.hpp"
#include "experiment/calibration_wave.hpp"
#include "experiment/factor_screening.hpp"
#include "experiment/run_identity.hpp"
#include "experiment/run_table.hpp"
#include "sim/durability/atomic_file.hpp"
#include "sim/durability/checksum.hpp"
#include "sim/errors.hpp"
#include "sim/run/interruption.hpp"
#include "sim/run/runner.hpp"
#ifdef ALIGNSIM_WITH_MPI
#include "sim/run/mpi_runs.hpp"
#endif

namespace alignsim::cli {
namespace {

namespace po = boost::program_options;
using experiment::CalibrationFactor;
using experiment::Experiment;

// Replicates per point and variant when --replicates is not given: enough for a
// Monte-Carlo variance of each point's statistics, few enough for thousands of points.
constexpr std::int64_t kDefaultReplicatesPerPoint = 10;
// The screening that chose the shipped ensemble's factors kept correlations of at least 0.25.
constexpr double kScreeningThreshold = 0.25;

struct CalibrateOptions {
  experiment::ScenarioRequest scenario;
  std::string patterns;
  std::string output;
  std::vector<std::string> factors;
  experiment::HistoryMatchingPlan plan;
  std::size_t threads = 0;
  bool overwrite = false;
  bool resume = false;
  bool quiet = false;
  std::size_t screen = 0;  // --screen K: one direct wave, then the K factors each pattern follows most
};

// Everything every rank loads alike, so bad input fails everywhere before MPI starts.
struct Calibration {
  Experiment base;
  experiment::PatternSet patterns;
  std::vector<CalibrationFactor> factors;
  std::vector<std::size_t> variants;
};

Calibration load(const CalibrateOptions& options) {
  Experiment base = experiment::load_experiment(options.scenario);
  if (base.spec.sweep) throw UsageError("calibrate varies the plausible ranges itself: give a scenario without a sweep");
  experiment::PatternSet patterns = experiment::read_pattern_file(options.patterns, experiment::vocabulary_of(base));
  if (patterns.patterns.empty()) throw UsageError(options.patterns + ": no patterns to calibrate to");
  std::vector<CalibrationFactor> factors = experiment::calibration_factors(base.model->catalog(), options.factors);
  if (factors.empty()) throw UsageError("no factor to calibrate: the model has no plausible ranges; name them with --factor");
  std::vector<std::size_t> variants = experiment::pattern_variants(base.spec, patterns);
  return {std::move(base), std::move(patterns), std::move(factors), std::move(variants)};
}

std::vector<std::vector<double>> unflatten(const std::vector<double>& flat, std::size_t dimensions) {
  std::vector<std::vector<double>> points;
  for (std::size_t at = 0; at + dimensions <= flat.size(); at += dimensions) {
    points.emplace_back(flat.begin() + static_cast<std::ptrdiff_t>(at),
                        flat.begin() + static_cast<std::ptrdiff_t>(at + dimensions));
  }
  return points;
}

// The identity of a wave's file: the run identity of its experiment plus the points
// (the resolved scenario text does not hold them), so --resume never mixes two waves.
std::string wave_identity(const Experiment& wave, const std::vector<std::vector<double>>& points,
                          const std::vector<CalibrationFactor>& factors) {
  std::uint64_t hash = sim::fnv1a64("calibration wave");
  for (const CalibrationFactor& factor : factors) hash = sim::fnv1a64(factor.key, hash);
  for (const std::vector<double>& point : points) {
    for (const double u : point) {
      hash = sim::fnv1a64(std::string_view(reinterpret_cast<const char*>(&u), sizeof u), hash);
    }
  }
  char text[32];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
  return experiment::RunIdentity::of(wave, {}, std::nullopt).text() + "calibration_points_fnv1a64: " + text + "\n";
}

std::filesystem::path output_directory(const CalibrateOptions& options, const Calibration& calibration) {
  return options.output.empty() ? std::filesystem::path(calibration.base.spec.name + ".calibration")
                                : std::filesystem::path(options.output);
}

// A directory for the waves; one holding anything is only reused with --resume or --overwrite.
void prepare_directory(const std::filesystem::path& directory, const CalibrateOptions& options) {
  std::error_code error;
  if (std::filesystem::is_symlink(directory, error)) {
    throw OutputError(sim::quoted(directory) + " is a symbolic link; calibrate writes only into a real directory");
  }
  if (std::filesystem::exists(directory, error)) {
    if (!std::filesystem::is_directory(directory, error)) throw OutputError(sim::quoted(directory) + " exists and is not a directory");
    if (!options.resume && !options.overwrite && !std::filesystem::is_empty(directory, error)) {
      throw UsageError(sim::quoted(directory) + " holds an earlier calibration: --resume continues it, --overwrite "
                       "replaces its files");
    }
    return;
  }
  if (!std::filesystem::create_directory(directory, error)) {
    throw OutputError("cannot create " + sim::quoted(directory) + ": " + error.message());
  }
}

// The runs of one wave into its file (or nothing, when --resume finds it complete).
void run_wave(const CalibrateOptions& options, const Calibration& calibration, const Experiment& wave,
              const experiment::RunTable& runs, const std::filesystem::path& path, const std::string& identity,
              const sim::RunnerOptions& runner) {
  DurableRunOptions durable{options.overwrite, options.resume, options.quiet,
                            {wave.spec.files.begin(), wave.spec.files.end()}};
  durable.inputs.emplace_back(calibration.patterns.file);
  static_cast<void>(run_variants_durably(wave, runs, path, identity, durable, runner));
}

void print_wave(const experiment::Wave& wave, std::size_t index, const Calibration& calibration) {
  const std::size_t points = wave.points.size();
  std::printf("wave %zu: %zu points in %.3g%% of the space; %zu kept (%.0f%%)", index + 1, points,
              100.0 * wave.box_volume(), wave.kept_count(), 100.0 * double(wave.kept_count()) / double(points));
  if (wave.candidates > 0) {
    std::printf(" (chosen from %zu candidates the emulators screened, %zu left plausible)", wave.candidates,
                wave.emulated_plausible);
  }
  const std::size_t ruling = wave.most_ruling_pattern();
  if (wave.ruled_out_by[ruling] > 0) {
    std::printf("; most ruled out by %s (%zu points)", calibration.patterns.patterns[ruling].name.c_str(),
                wave.ruled_out_by[ruling]);
  }
  std::printf("\n");
  std::fflush(stdout);
}

// The plausible span of each factor over the ensemble against its prior range, for the
// factors the patterns narrowed most.
void print_narrowed(const Calibration& calibration, const experiment::HistoryMatch& match) {
  const std::vector<std::vector<double>> plausible = match.plausible();
  if (plausible.empty()) return;
  std::vector<std::pair<double, std::size_t>> widths;
  for (std::size_t f = 0; f < calibration.factors.size(); ++f) {
    double low = 1, high = 0;
    for (const std::vector<double>& point : plausible) low = std::min(low, point[f]), high = std::max(high, point[f]);
    widths.emplace_back(high - low, f);
  }
  std::sort(widths.begin(), widths.end());
  std::printf("\nplausible span over the ensemble vs the prior range (the %zu narrowest):\n",
              std::min<std::size_t>(widths.size(), 8));
  for (std::size_t i = 0; i < widths.size() && i < 8; ++i) {
    const CalibrationFactor& factor = calibration.factors[widths[i].second];
    double low = factor.range.high, high = factor.range.low;
    for (const std::vector<double>& point : plausible) {
      low = std::min(low, factor.value_at(point[widths[i].second]));
      high = std::max(high, factor.value_at(point[widths[i].second]));
    }
    std::printf("  %-40s %.3g to %.3g   (prior %.3g to %.3g)\n", factor.key.c_str(), low, high, factor.range.low,
                factor.range.high);
  }
}

#ifdef ALIGNSIM_WITH_MPI
// Rank 0 tells the workers when there are no more waves, also when it fails.
class WorkerRelease {
 public:
  explicit WorkerRelease(bool active) : active_(active) {}
  ~WorkerRelease() {
    if (!active_) return;
    std::vector<double> none;
    try {
      sim::broadcast_from_coordinator(none);
    } catch (...) {
    }
  }
  WorkerRelease(const WorkerRelease&) = delete;
  WorkerRelease& operator=(const WorkerRelease&) = delete;

 private:
  bool active_;
};

// A worker rank: each wave's points from rank 0, then that wave's runs, until none come.
void serve_waves(const Calibration& calibration, std::size_t threads) {
  while (true) {
    std::vector<double> flat;
    sim::broadcast_from_coordinator(flat);
    if (flat.empty()) return;
    const auto points = unflatten(flat, calibration.factors.size());
    const Experiment wave = experiment::wave_experiment(calibration.base, calibration.factors, calibration.variants, points);
    const experiment::RunTable runs(wave);
    sim::serve_runs([&](std::size_t e, std::size_t r) { return runs.run(e, r); }, runs.summary_size(),
                    runs.series_size(), threads);
  }
}
#endif

// --screen: the factors each pattern's simulated statistic follows most in the first wave,
// printed and written to DIR/screened-factors.txt for a calibration over them.
int report_screening(const CalibrateOptions& options, const Calibration& calibration,
                     const experiment::CalibrationRecord& record, const std::filesystem::path& directory) {
  experiment::write_calibration_file(directory / "calibration.h5", record);
  const auto screened = experiment::screen_factors(record.match.waves.front(), options.screen, kScreeningThreshold);
  std::printf("\nscreening: the factors each pattern's simulated statistic follows most (Spearman |rho| >= %.2f, at most %zu"
              " each)\n", kScreeningThreshold, options.screen);
  for (const experiment::ScreenedFactor& s : screened) {
    std::printf("  %-32s %-40s rho %+.2f\n", calibration.patterns.patterns[s.pattern].name.c_str(),
                calibration.factors[s.factor].key.c_str(), s.rho);
  }
  std::vector<std::string> keys;
  for (const std::size_t f : experiment::screened_factor_set(screened)) keys.push_back(calibration.factors[f].key);
  const std::filesystem::path list = directory / "screened-factors.txt";
  experiment::write_factor_list(list, keys, "the first wave of " + calibration.base.spec.name + " against " +
                                                options.patterns);
  std::printf("%zu factors in %s; calibrate over them with --factors-file %s\n", keys.size(), list.c_str(), list.c_str());
  return kExitOk;
}

int calibrate(const CalibrateOptions& options, const Calibration& calibration, sim::RunnerOptions runner,
              const std::function<void(std::vector<double>&)>& announce,
              const std::function<sim::RunDistributor*()>& distributor) {
  const std::filesystem::path directory = output_directory(options, calibration);
  prepare_directory(directory, options);
  experiment::HistoryMatchingPlan plan = options.plan;
  if (options.screen > 0) plan.max_waves = 1, plan.emulate = false;  // the first wave is the screen
  plan.dimensions = calibration.factors.size();
  plan.seed = calibration.base.spec.seed;
  const auto simulate = [&](std::size_t wave_index, const std::vector<std::vector<double>>& points) {
    std::vector<double> flat;
    for (const auto& point : points) flat.insert(flat.end(), point.begin(), point.end());
    announce(flat);
    const Experiment wave = experiment::wave_experiment(calibration.base, calibration.factors, calibration.variants, points);
    const experiment::RunTable runs(wave);
    const std::filesystem::path path = directory / ("wave-" + std::to_string(wave_index + 1) + ".h5");
    runner.distributor = distributor();
    run_wave(options, calibration, wave, runs, path, wave_identity(wave, points, calibration.factors), runner);
    runner.distributor = nullptr;
    return experiment::wave_statistics(calibration.patterns, sim::ResultsReader(path), points.size());
  };
  if (!options.quiet) {
    std::fprintf(stderr, "alignsim: calibrating %s to %zu patterns of %s over %zu factors: up to %zu waves of %zu points "
                 "x %zu variants x %lld replicates, into %s\n",
                 calibration.base.spec.name.c_str(), calibration.patterns.patterns.size(), options.patterns.c_str(),
                 calibration.factors.size(), plan.max_waves, plan.points_per_wave, calibration.variants.size(),
                 static_cast<long long>(calibration.base.spec.replicates), directory.string().c_str());
  }
  experiment::CalibrationRecord record{calibration.base.spec.name, options.patterns, calibration.factors,
                                       experiment::pattern_targets(calibration.patterns), plan,
                                       static_cast<std::size_t>(calibration.base.spec.replicates), {}};
  record.match = experiment::history_match(plan, record.targets, simulate);
  for (std::size_t w = 0; w < record.match.waves.size(); ++w) print_wave(record.match.waves[w], w, calibration);
  if (options.screen > 0) return report_screening(options, calibration, record, directory);
  experiment::write_calibration_file(directory / "calibration.h5", record);
  experiment::write_ensemble_file(directory / "ensemble.yaml", record);
  std::printf("stopped: %s; %zu plausible parameter vectors in %s\n", experiment::stop_reason_text(record.match.stop).c_str(),
              record.match.plausible().size(), (directory / "ensemble.yaml").string().c_str());
  print_narrowed(calibration, record.match);
  return kExitOk;
}

int execute(const CalibrateOptions& options) {
  const Calibration calibration = load(options);
  const std::size_t threads = sim::resolve_thread_count(options.threads);
  sim::RunnerOptions runner{threads, !options.quiet && isatty(STDERR_FILENO) != 0, nullptr};
  std::function<void(std::vector<double>&)> announce = [](std::vector<double>&) {};
  std::function<sim::RunDistributor*()> distributor = [] { return static_cast<sim::RunDistributor*>(nullptr); };
  bool spread = false;
#ifdef ALIGNSIM_WITH_MPI
  std::optional<sim::MpiWorld> world;
  if (sim::launched_by_mpi()) world.emplace();
  spread = world && world->size() > 1;
  if (spread && world->rank() != 0) {
    serve_waves(calibration, threads);
    return kExitOk;
  }
  // Declared in this order: the coordinator stops the workers' runs, then the release ends their waves.
  const WorkerRelease release(spread);
  std::optional<sim::MpiCoordinator> coordinator;
  if (spread) {
    announce = [](std::vector<double>& flat) { sim::broadcast_from_coordinator(flat); };
    distributor = [&]() -> sim::RunDistributor* {
      coordinator.reset();  // the previous wave's: its destructor stops the workers' serve_runs
      coordinator.emplace(*world);
      return &*coordinator;
    };
  }
#endif
  std::optional<sim::InterruptionHandlers> interruptible;
  // Ctrl-C or kill: stop cleanly; not with MPI ranks (as `alignsim run`).
  if (!spread) interruptible.emplace();
  return calibrate(options, calibration, runner, announce, distributor);
}

}  // namespace

int calibrate_command(const Arguments& args) {
  CalibrateOptions options;
  po::options_description description(
      "Usage: alignsim calibrate SCENARIO.yaml --patterns PATTERNS.yaml [options]\n\n"
      "History matching (docs/patterns.md): waves of Latin-hypercube points over the plausible\n"
      "ranges, each point run with replicates for the variants the patterns name; a point whose\n"
      "implausibility for some pattern exceeds the cutoff is ruled out, and the next wave samples\n"
      "what remains, until it stops shrinking or the waves are spent (with --emulate, emulators choose\n"
      "where the next wave runs). Writes OUTDIR/wave-K.h5,\n"
      "calibration.h5 (every wave's diagnostics) and ensemble.yaml (the plausible parameter vectors).\n\n"
      "Options");
  description.add_options()("help,h", "show this help")
      ("patterns", po::value(&options.patterns), "the observed patterns (e.g. patterns/published.yaml)")
      ("output,o", po::value(&options.output), "output directory (default: SCENARIO_NAME.calibration)")
      ("factor", po::value(&options.factors)->composing(),
       "a parameter to vary over its plausible range (repeatable; default: every uncertain one)")
      ("points", po::value(&options.plan.points_per_wave)->default_value(options.plan.points_per_wave),
       "points per wave")
      ("waves", po::value(&options.plan.max_waves)->default_value(options.plan.max_waves), "the most waves")
      ("cutoff", po::value(&options.plan.cutoff)->default_value(options.plan.cutoff),
       "implausibility above which a point is ruled out (3 is customary)")
      ("screen", po::value(&options.screen),
       "K: run one direct wave and report the K factors each pattern's simulated statistic follows most "
       "(written to OUTDIR/screened-factors.txt)")
      ("factors-file", po::value<std::string>(), "vary the parameters listed in this file (one key per line; "
                                                 "e.g. screened-factors.txt), besides any --factor")
      ("emulate", po::bool_switch(&options.plan.emulate),
       "before each wave after the first, screen many candidates with emulators fitted to the runs so far and "
       "simulate only those they leave plausible (for many factors or tight patterns)")
      ("overwrite", po::bool_switch(&options.overwrite), "replace an earlier calibration's files in OUTDIR")
      ("resume", po::bool_switch(&options.resume), "continue an interrupted calibration in OUTDIR")
      ("quiet,q", po::bool_switch(&options.quiet), "no progress on stderr");
  const auto parsed = parse_scenario_command(args, description, options.scenario);
  if (!parsed) return kExitOk;
  const po::variables_map& vm = *parsed;
  if (options.patterns.empty()) throw UsageError("calibrate needs --patterns FILE (e.g. patterns/published.yaml)");
  if (vm.count("factors-file") != 0) {
    for (std::string& key : experiment::read_factor_list(vm["factors-file"].as<std::string>())) {
      options.factors.push_back(std::move(key));
    }
  }
  // Not the scenario's replicates (200 for the what-if): per point, a few suffice.
  const bool replicates_given = std::any_of(options.scenario.sets.begin(), options.scenario.sets.end(),
                                            [](const std::string& set) { return set.rfind("run.replicates=", 0) == 0; });
  if (!replicates_given) {
    options.scenario.sets.insert(options.scenario.sets.begin(),
                                 "run.replicates=" + std::to_string(kDefaultReplicatesPerPoint));
  }
  options.threads = thread_count(vm);
  if (options.plan.points_per_wave < 2) throw UsageError("--points must be at least 2");
  if (options.plan.max_waves < 1) throw UsageError("--waves must be at least 1");
  if (!(options.plan.cutoff > 0) || !std::isfinite(options.plan.cutoff)) throw UsageError("--cutoff must be a positive number");
  if (options.resume && options.overwrite) {
    throw UsageError("--resume and --overwrite contradict each other: --resume continues the calibration, "
                     "--overwrite replaces it; pass only one");
  }
  return execute(options);
}

}  // namespace alignsim::cli
